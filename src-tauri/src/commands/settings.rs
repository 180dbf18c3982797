//! The settings screen's letterhead section (group, secretariat, closing line, logo) and the
//! app's folders (the data folder and the log file), with buttons to open them.

use std::path::{Path, PathBuf};

use tauri::{AppHandle, Manager, State};
use tauri_plugin_opener::OpenerExt;
use zirkel::model::settings::{AppFolders, LetterheadInput, LetterheadSettings, LogoPreview};
use zirkel::model::Stamp;
use zirkel::ops;

use crate::ipc_error::{IpcError, IpcResult};
use crate::state::AppState;

/// Where the app writes its log file, managed by [`crate::run`] once logging is set up (the
/// shell's tests log nowhere, so there is none).
pub struct LogFile(pub PathBuf);

/// The letterhead section as saved, with the logo the PDFs show.
#[tauri::command(async)]
pub fn letterhead_get(state: State<'_, AppState>) -> IpcResult<LetterheadSettings> {
    Ok(ops::settings::letterhead(state.store()?.read())?)
}

/// Saves the letterhead fields (all or nothing) and returns the section as saved.
#[tauri::command(async)]
pub fn letterhead_save(
    state: State<'_, AppState>,
    input: LetterheadInput,
) -> IpcResult<LetterheadSettings> {
    let mut store = state.store()?;
    store.write(&Stamp::now(), |w| ops::settings::save_letterhead(w, &input))?;
    Ok(ops::settings::letterhead(store.read())?)
}

/// Stores the image file at `path` (chosen in the open dialog) as the letterhead's logo. The
/// file is read and checked before the store is locked.
#[tauri::command(async)]
pub fn logo_set(state: State<'_, AppState>, path: PathBuf) -> IpcResult<LogoPreview> {
    let logo = ops::settings::read_logo(&path)?;
    Ok(state
        .store()?
        .write(&Stamp::now(), |w| ops::settings::set_logo(w, &logo))?)
}

/// Removes the chosen logo: the PDFs show the default logo again.
#[tauri::command(async)]
pub fn logo_remove(state: State<'_, AppState>) -> IpcResult<LogoPreview> {
    Ok(state
        .store()?
        .write(&Stamp::now(), ops::settings::remove_logo)?)
}

/// The data folder, the database and the log file.
#[tauri::command]
pub fn app_folders<R: tauri::Runtime>(app: AppHandle<R>, state: State<'_, AppState>) -> AppFolders {
    AppFolders {
        data_folder: data_folder(state.path()).display().to_string(),
        database: state.path().display().to_string(),
        log_file: app
            .try_state::<LogFile>()
            .map(|log| log.0.display().to_string()),
    }
}

/// Opens the folder of the log files in the file manager.
#[tauri::command(async)]
pub fn log_folder_open<R: tauri::Runtime>(app: AppHandle<R>) -> IpcResult<()> {
    let Some(folder) = app
        .try_state::<LogFile>()
        .and_then(|log| log.0.parent().map(Path::to_path_buf))
    else {
        return Err(IpcError::from(zirkel::Error::Conflict {
            message: "Diese Sitzung von Zirkel schreibt keine Protokolldatei.".to_owned(),
        }));
    };
    let folder = folder.display().to_string();
    app.opener()
        .open_path(folder.clone(), None::<&str>)
        .map_err(|error| {
            IpcError::from(zirkel::Error::Conflict {
                message: format!("Der Ordner „{folder}“ konnte nicht geöffnet werden: {error}"),
            })
        })
}

/// The folder of the database (with `backups/` and `logs/`).
pub(crate) fn data_folder(database: &Path) -> PathBuf {
    database
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."))
}
