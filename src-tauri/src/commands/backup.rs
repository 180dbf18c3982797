//! Backups, restore, the store check and the recovery of a store that could not be opened.
//! Contract: `docs/backup-contract.md`.

use std::path::PathBuf;

use tauri::{AppHandle, State};
use tauri_plugin_opener::OpenerExt;
use zirkel::backup;
use zirkel::model::backup::{
    BackupMade, BackupOverview, BackupReason, BackupSettings, BackupSummary, CheckReport,
    Recovered, RestoreReport, SavedBackup, StoreStatus,
};
use zirkel::model::Stamp;

use crate::ipc_error::{Code, IpcError, IpcResult};
use crate::state::{AppState, Slot};

/// Whether the store is open; when not, why and which backups could replace it.
#[tauri::command(async)]
pub fn store_status(state: State<'_, AppState>) -> IpcResult<StoreStatus> {
    let slot = state.slot()?;
    let database = state.path().display().to_string();
    Ok(match &*slot {
        Slot::Open(_) => StoreStatus {
            database,
            problem: None,
            backups: Vec::new(),
            can_recover: false,
        },
        Slot::Failed(error) => StoreStatus {
            database,
            problem: Some(error.message.clone()),
            backups: backup::list_for(state.path())?,
            can_recover: !state.held_elsewhere(),
        },
    })
}

/// Replaces a store that could not be opened by the backup `file` (verified first); the damaged
/// file is moved aside unchanged.
#[tauri::command(async)]
pub fn store_recover(
    state: State<'_, AppState>,
    file: PathBuf,
    passphrase: Option<String>,
) -> IpcResult<Recovered> {
    let mut slot = state.slot()?;
    if state.held_elsewhere() {
        return Err(IpcError {
            code: Code::Conflict,
            message: "Die Datenbank ist in einem anderen Zirkel-Fenster geöffnet und wird hier nicht ersetzt. Bitte dort weiterarbeiten.".to_owned(),
            field: None,
            errors: Vec::new(),
        });
    }
    if matches!(&*slot, Slot::Open(_)) {
        return Err(IpcError {
            code: Code::Conflict,
            message: "Die Datenbank ist geöffnet und in Ordnung; zum Zurückspielen einer Sicherung bitte „Wiederherstellen …“ unter Datensicherung verwenden.".to_owned(),
            field: None,
            errors: Vec::new(),
        });
    }
    let (store, aside) =
        backup::recover(state.path(), &file, passphrase.as_deref(), &Stamp::now())?;
    let restored = store.summary()?;
    *slot = Slot::Open(store);
    Ok(Recovered {
        restored,
        damaged_moved_to: aside.display().to_string(),
    })
}

/// The backup folder, the automatic backups and the rules.
#[tauri::command(async)]
pub fn backups_overview(state: State<'_, AppState>) -> IpcResult<BackupOverview> {
    Ok(backup::overview(&*state.store()?)?)
}

/// "Jetzt sichern": an automatic backup now, into the backup folder (and the second folder).
#[tauri::command(async)]
pub fn backup_now(state: State<'_, AppState>) -> IpcResult<BackupMade> {
    let store = state.store()?;
    let made = backup::automatic(&store, &Stamp::now(), BackupReason::Manual)?;
    made.as_ref().map(BackupMade::from).ok_or_else(|| {
        IpcError::from(zirkel::Error::Conflict {
            message:
                "Diese Datenbank liegt nur im Arbeitsspeicher und kann nicht gesichert werden."
                    .to_owned(),
        })
    })
}

/// "Sicherung speichern": to `path` (from the save dialog), encrypted when a passphrase is given.
#[tauri::command(async)]
pub fn backup_save_as(
    state: State<'_, AppState>,
    path: PathBuf,
    passphrase: Option<String>,
) -> IpcResult<SavedBackup> {
    let passphrase = passphrase.filter(|p| !p.is_empty());
    // The snapshot under the store's lock, the encryption (scrypt) after it is released.
    let prepared = backup::prepare_save(&*state.store()?, &path, passphrase.as_deref())?;
    let size_bytes = prepared.finish()?;
    Ok(SavedBackup {
        path: path.display().to_string(),
        size_bytes,
        encrypted: passphrase.is_some(),
    })
}

/// What the backup `path` holds, after verifying it; changes nothing. Works on the recovery
/// screen too, while the store could not be opened.
#[tauri::command(async)]
pub fn backup_inspect(
    state: State<'_, AppState>,
    path: PathBuf,
    passphrase: Option<String>,
) -> IpcResult<BackupSummary> {
    Ok(backup::stage(state.path(), &path, passphrase.as_deref())?.summary)
}

/// "Wiederherstellen": verifies `path`, backs up the current state, then restores.
#[tauri::command(async)]
pub fn backup_restore(
    state: State<'_, AppState>,
    path: PathBuf,
    passphrase: Option<String>,
) -> IpcResult<RestoreReport> {
    Ok(backup::restore(
        &mut *state.store()?,
        &Stamp::now(),
        &path,
        passphrase.as_deref(),
    )?)
}

/// Stores the backup rules.
#[tauri::command(async)]
pub fn backup_settings_save(
    state: State<'_, AppState>,
    settings: BackupSettings,
) -> IpcResult<BackupSettings> {
    Ok(state
        .store()?
        .write(&Stamp::now(), |w| backup::save_settings(w, &settings))?)
}

/// "Datenbank prüfen": integrity, references and the search index; changes nothing.
#[tauri::command(async)]
pub fn store_check(state: State<'_, AppState>) -> IpcResult<CheckReport> {
    Ok(state.store()?.check()?)
}

/// Opens the folder of the database (with the backups) in the file manager.
#[tauri::command(async)]
pub fn data_folder_open<R: tauri::Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> IpcResult<()> {
    let folder = state
        .path()
        .parent()
        .map(|p| p.display().to_string())
        .unwrap_or_else(|| ".".to_owned());
    app.opener()
        .open_path(folder.clone(), None::<&str>)
        .map_err(|error| {
            IpcError::from(zirkel::Error::Conflict {
                message: format!("Der Ordner „{folder}“ konnte nicht geöffnet werden: {error}"),
            })
        })
}

/// The daily backup at start, in the background so the window is not held up.
pub(crate) fn daily_in_background<R: tauri::Runtime>(app: &AppHandle<R>) {
    use tauri::Manager;
    let app = app.clone();
    std::thread::spawn(move || {
        let state = app.state::<AppState>();
        let Ok(store) = state.store() else {
            return;
        };
        match backup::daily(&store, &Stamp::now()) {
            Ok(Some(made)) => {
                log::info!("daily backup {}", made.path.display());
                if made.second_problem.is_some() {
                    log::warn!("second backup folder unusable (the backup itself was made)");
                }
            }
            Ok(None) => {}
            Err(error) => log::error!("daily backup failed: {}", error.log_line()),
        }
    });
}
