//! Backups of the store, restore and recovery.
//!
//! - **Automatic backups** go to the `backups/` folder beside the database, and a copy to a second
//!   folder when one is set (a network drive the city's IT backs up): at the first app start of a
//!   day, before every import, restore and migration, and on request. Each is a consistent copy
//!   made with SQLite's online backup API ([`Store::snapshot_to`]), named
//!   `zirkel-YYYYMMDD-HHMMSS-<reason>.sqlite3`, and the folder is then rotated
//!   ([`rotation::keep`]): the newest few, the newest of each of the last days and months.
//! - **"Sicherung speichern"** writes one to a file the user chose, optionally encrypted with a
//!   passphrase in the age format ([`crypt`]).
//! - **Restore** stages the chosen file (decrypts or copies it next to the store, so the file
//!   itself is never written to), verifies the copy ([`maintenance::inspect`]: a Zirkel store of
//!   a known schema, integrity and references sound), backs up the current state, and only then
//!   replaces the data ([`Store::restore_from`]).
//! - **Recovery**: when the store cannot be opened (damaged), [`recover`] moves the damaged file
//!   aside, unchanged, and puts a verified backup in its place.

pub mod crypt;
pub mod rotation;

use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;

use crate::error::{Error, Result};
use crate::model::backup::{
    BackupFile, BackupReason, BackupSettings, BackupSummary, RestoreReport,
};
use crate::model::{Field, Stamp};
use crate::store::{maintenance, Reader, Store, Writer};

/// Name of the backup folder beside the database file.
pub const DIR_NAME: &str = "backups";

/// Settings keys of the backup rules.
const KEY_RECENT: &str = "backup.keep_recent";
const KEY_DAILY: &str = "backup.keep_daily";
const KEY_MONTHLY: &str = "backup.keep_monthly";
const KEY_SECOND: &str = "backup.second_folder";

/// True for a path that names no file (an in-memory store).
pub fn is_memory_path(path: &Path) -> bool {
    path.as_os_str().is_empty() || path == Path::new(":memory:")
}

/// True when the store has no file.
pub fn is_in_memory(store: &Store) -> bool {
    is_memory_path(store.path())
}

/// The backup folder beside the database file at `db`.
pub fn dir_for(db: &Path) -> PathBuf {
    db.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or_else(|| Path::new("."))
        .join(DIR_NAME)
}

/// The backup folder beside the database file; `None` for an in-memory store.
pub fn default_dir(store: &Store) -> Option<PathBuf> {
    (!is_in_memory(store)).then(|| dir_for(store.path()))
}

/// The backup rules stored in the settings (the defaults where none are stored).
pub fn settings(r: Reader<'_>) -> Result<BackupSettings> {
    let defaults = BackupSettings::default();
    let number = |key: &str, default: u32| -> Result<u32> {
        Ok(r.setting(key)?
            .and_then(|v| v.parse().ok())
            .unwrap_or(default))
    };
    Ok(BackupSettings {
        keep_recent: number(KEY_RECENT, defaults.keep_recent)?,
        keep_daily: number(KEY_DAILY, defaults.keep_daily)?,
        keep_monthly: number(KEY_MONTHLY, defaults.keep_monthly)?,
        second_folder: r.setting(KEY_SECOND)?.filter(|f| !f.trim().is_empty()),
    })
}

/// Stores the backup rules after checking them (every problem at once).
pub fn save_settings(w: &mut Writer<'_>, settings: &BackupSettings) -> Result<BackupSettings> {
    settings.validate()?;
    w.set_setting(KEY_RECENT, &settings.keep_recent.to_string())?;
    w.set_setting(KEY_DAILY, &settings.keep_daily.to_string())?;
    w.set_setting(KEY_MONTHLY, &settings.keep_monthly.to_string())?;
    let second = settings
        .second_folder
        .as_deref()
        .map(str::trim)
        .unwrap_or("");
    w.set_setting(KEY_SECOND, second)?;
    self::settings(w.read())
}

/// What an automatic backup wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Made {
    /// The backup beside the database.
    pub path: PathBuf,
    /// Its copy in the second folder.
    pub second: Option<PathBuf>,
    /// Why the copy to the second folder failed (the backup itself stands).
    pub second_problem: Option<String>,
    /// Older backups removed by the rotation.
    pub removed: Vec<PathBuf>,
}

impl From<&Made> for crate::model::backup::BackupMade {
    fn from(made: &Made) -> Self {
        crate::model::backup::BackupMade {
            path: made.path.display().to_string(),
            second: made.second.as_ref().map(|p| p.display().to_string()),
            second_problem: made.second_problem.clone(),
            removed: made.removed.len(),
        }
    }
}

/// The backup screen: the folder, the backups and the rules.
pub fn overview(store: &Store) -> Result<crate::model::backup::BackupOverview> {
    Ok(crate::model::backup::BackupOverview {
        database: store.path().display().to_string(),
        folder: default_dir(store)
            .map(|d| d.display().to_string())
            .unwrap_or_default(),
        backups: list(store)?,
        settings: settings(store.read())?,
    })
}

/// Writes a backup for `reason` into `dir` (created if missing) and returns its path. A second
/// backup in the same second gets `-2`, `-3` …, so none is ever overwritten.
pub fn create(store: &Store, stamp: &Stamp, dir: &Path, reason: BackupReason) -> Result<PathBuf> {
    if is_in_memory(store) {
        return Err(Error::validation(
            Field::Path,
            "Sicherung: Diese Datenbank liegt nur im Arbeitsspeicher und kann nicht gesichert werden.",
        ));
    }
    create_dir(dir)?;
    let target = free_name(dir, stamp.at, reason);
    store.snapshot_to(&target)?;
    Ok(target)
}

/// An automatic backup for `reason`: into the folder beside the database and into the second
/// folder, each then rotated by the stored rules. `None` for an in-memory store (nothing to
/// protect). A failing second folder (a network drive that is offline) does not fail the backup:
/// the problem is returned and logged.
pub fn automatic(store: &Store, stamp: &Stamp, reason: BackupReason) -> Result<Option<Made>> {
    let Some(dir) = default_dir(store) else {
        return Ok(None);
    };
    let rules = settings(store.read())?;
    let path = create(store, stamp, &dir, reason)?;
    // The backup stands; an old one that cannot be removed (a file held open) waits for the next
    // rotation instead of failing the import or restore that asked for this backup.
    let rotated = |folder: &Path| {
        rotate(folder, &rules).unwrap_or_else(|error| {
            log::warn!("rotation of a backup folder: {}", error.log_line());
            Vec::new()
        })
    };
    let mut removed = rotated(&dir);
    let (mut second, mut second_problem) = (None, None);
    if let Some(folder) = rules.second_folder.as_deref() {
        let folder = Path::new(folder);
        let copy = create_dir(folder).and_then(|()| {
            let target = free_name(folder, stamp.at, reason);
            copy_file(&path, &target)?;
            Ok(target)
        });
        match copy {
            Ok(target) => {
                second = Some(target);
                removed.extend(rotated(folder));
            }
            Err(error) => {
                log::warn!("second backup folder: {}", error.log_line());
                second_problem = Some(error.user_message());
            }
        }
    }
    Ok(Some(Made {
        path,
        second,
        second_problem,
        removed,
    }))
}

/// The backup at the app's start: made only when the folder beside the database holds none of
/// today yet (at most one a day).
pub fn daily(store: &Store, stamp: &Stamp) -> Result<Option<Made>> {
    let Some(dir) = default_dir(store) else {
        return Ok(None);
    };
    let today = stamp.at.date();
    if list_dir(&dir, false)?
        .iter()
        .any(|b| b.made_at.date() == today)
    {
        return Ok(None);
    }
    automatic(store, stamp, BackupReason::Daily)
}

/// The backup before a migration, made by the store on the raw connection before it upgrades.
pub(crate) fn before_migration(
    conn: &rusqlite::Connection,
    db: &Path,
    from_version: i64,
) -> Result<()> {
    let dir = dir_for(db);
    create_dir(&dir)?;
    let now = chrono::Local::now().naive_local();
    let target = free_name(&dir, now, BackupReason::Migration);
    crate::store::maintenance::snapshot(conn, &target)?;
    log::info!(
        "backup before the migration from schema {from_version}: {}",
        target.display()
    );
    Ok(())
}

/// Removes the automatic backups in `dir` that the rules no longer keep; files of other names
/// are never touched. Returns what was removed.
pub fn rotate(dir: &Path, rules: &BackupSettings) -> Result<Vec<PathBuf>> {
    let files = list_dir(dir, false)?;
    let times: Vec<NaiveDateTime> = files.iter().map(|b| b.made_at).collect();
    let kept = rotation::keep(&times, rules);
    let mut removed = Vec::new();
    for (i, file) in files.iter().enumerate() {
        if !kept.contains(&i) {
            let path = PathBuf::from(&file.path);
            std::fs::remove_file(&path).map_err(|source| Error::Io {
                path: path.clone(),
                source,
            })?;
            removed.push(path);
        }
    }
    Ok(removed)
}

/// The automatic backups beside the store and in the second folder, newest first.
pub fn list(store: &Store) -> Result<Vec<BackupFile>> {
    let Some(dir) = default_dir(store) else {
        return Ok(Vec::new());
    };
    let mut files = list_dir(&dir, false)?;
    if let Some(folder) = settings(store.read())?.second_folder {
        // An offline network drive lists nothing rather than failing the screen.
        files.extend(list_dir(Path::new(&folder), true).unwrap_or_default());
    }
    files.sort_by(|a, b| b.made_at.cmp(&a.made_at).then(a.path.cmp(&b.path)));
    Ok(files)
}

/// The automatic backups beside a database file that could not be opened, newest first.
pub fn list_for(db: &Path) -> Result<Vec<BackupFile>> {
    let mut files = list_dir(&dir_for(db), false)?;
    files.sort_by_key(|b| std::cmp::Reverse(b.made_at));
    Ok(files)
}

/// The backups in `dir` (none when it does not exist).
fn list_dir(dir: &Path, second: bool) -> Result<Vec<BackupFile>> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(source) => {
            return Err(Error::Io {
                path: dir.to_path_buf(),
                source,
            })
        }
    };
    let mut files = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some((made_at, reason)) = parse_name(&name) else {
            continue;
        };
        let size_bytes = entry.metadata().map(|m| m.len()).unwrap_or(0);
        files.push(BackupFile {
            path: entry.path().display().to_string(),
            file_name: name,
            made_at,
            reason,
            size_bytes,
            in_second_folder: second,
        });
    }
    Ok(files)
}

/// `zirkel-YYYYMMDD-HHMMSS[-reason][-N].sqlite3`; names without a reason are the import backups
/// of earlier versions.
fn parse_name(name: &str) -> Option<(NaiveDateTime, BackupReason)> {
    let stem = name.strip_prefix("zirkel-")?.strip_suffix(".sqlite3")?;
    let made_at = NaiveDateTime::parse_from_str(stem.get(..15)?, "%Y%m%d-%H%M%S").ok()?;
    let mut rest = stem.get(15..)?.split('-').filter(|p| !p.is_empty());
    let reason = match rest.next() {
        None => BackupReason::Import,
        Some(word) => match BackupReason::parse(word) {
            Some(reason) => reason,
            None if word.chars().all(|c| c.is_ascii_digit()) => BackupReason::Import,
            None => return None,
        },
    };
    if rest.any(|p| !p.chars().all(|c| c.is_ascii_digit())) {
        return None;
    }
    Some((made_at, reason))
}

fn free_name(dir: &Path, at: NaiveDateTime, reason: BackupReason) -> PathBuf {
    let base = format!("zirkel-{}-{}", at.format("%Y%m%d-%H%M%S"), reason.as_str());
    let mut candidate = dir.join(format!("{base}.sqlite3"));
    let mut n = 2;
    while candidate.exists() {
        candidate = dir.join(format!("{base}-{n}.sqlite3"));
        n += 1;
    }
    candidate
}

fn create_dir(dir: &Path) -> Result<()> {
    std::fs::create_dir_all(dir).map_err(|source| Error::Io {
        path: dir.to_path_buf(),
        source,
    })
}

/// Copies `from` to `to` under a temporary name, synced, then renamed.
fn copy_file(from: &Path, to: &Path) -> Result<()> {
    let mut partial = to.as_os_str().to_owned();
    partial.push(".partial");
    let partial = PathBuf::from(partial);
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| Error::Io { path, source }
    };
    std::fs::copy(from, &partial).map_err(io(&partial))?;
    std::fs::File::open(&partial)
        .and_then(|f| f.sync_all())
        .map_err(io(&partial))?;
    std::fs::rename(&partial, to).map_err(io(to))
}

/// "Sicherung speichern": a backup at `target`, the user's choice, encrypted with `passphrase`
/// when given. Returns the size written.
pub fn save_as(store: &Store, target: &Path, passphrase: Option<&str>) -> Result<u64> {
    prepare_save(store, target, passphrase)?.finish()
}

/// The part of [`save_as`] that needs the store: the checks and the snapshot. A plain backup is
/// then complete; an encrypted one is finished by [`PreparedSave::finish`], which needs no
/// store, so the app encrypts (scrypt takes a second or more) without holding it.
pub fn prepare_save(
    store: &Store,
    target: &Path,
    passphrase: Option<&str>,
) -> Result<PreparedSave> {
    if is_in_memory(store) {
        return Err(Error::validation(
            Field::Path,
            "Sicherung: Diese Datenbank liegt nur im Arbeitsspeicher und kann nicht gesichert werden.",
        ));
    }
    if let Some(passphrase) = passphrase {
        crypt::check_new_passphrase(passphrase)?;
    }
    let folder = target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or_else(|| Path::new("."));
    if !folder.is_dir() {
        return Err(Error::validation(
            Field::Path,
            format!(
                "Sicherung: Den Ordner „{}“ gibt es nicht.",
                folder.display()
            ),
        ));
    }
    let same = |a: &Path, b: &Path| match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    };
    let chosen = folder.join(target.file_name().unwrap_or_default());
    if same(&chosen, store.path()) {
        return Err(Error::validation(
            Field::Path,
            "Sicherung: Das ist die Datenbank selbst. Bitte einen anderen Dateinamen oder Ordner wählen, z. B. einen USB-Stick.",
        ));
    }
    let Some(passphrase) = passphrase else {
        // Written under a temporary name and renamed: an existing file is replaced only by a
        // complete backup.
        store.snapshot_to(target)?;
        return Ok(PreparedSave {
            target: target.to_path_buf(),
            sealed: None,
        });
    };
    // The plain copy lives only beside the store (the app-data folder), never on the stick.
    let staging = staging_dir(store.path())?;
    let plain = tempfile::Builder::new()
        .prefix(".zirkel-sicherung-")
        .tempfile_in(&staging)
        .map_err(|source| Error::Io {
            path: staging.clone(),
            source,
        })?
        .into_temp_path();
    std::fs::remove_file(&plain).ok();
    store.snapshot_to(&plain)?;
    Ok(PreparedSave {
        target: target.to_path_buf(),
        sealed: Some((plain, passphrase.to_owned())),
    })
}

/// A backup being saved: the snapshot is made; an encrypted one is still to be sealed.
pub struct PreparedSave {
    target: PathBuf,
    sealed: Option<(tempfile::TempPath, String)>,
}

impl PreparedSave {
    /// Encrypts the snapshot into the target (under a temporary name, renamed when complete)
    /// and returns the size written; the plain copy is deleted.
    pub fn finish(self) -> Result<u64> {
        if let Some((plain, passphrase)) = &self.sealed {
            let mut partial = self.target.as_os_str().to_owned();
            partial.push(".partial");
            let partial = PathBuf::from(partial);
            crypt::encrypt(plain, &partial, passphrase)?;
            std::fs::rename(&partial, &self.target).map_err(|source| Error::Io {
                path: self.target.clone(),
                source,
            })?;
        }
        Ok(std::fs::metadata(&self.target)
            .map(|m| m.len())
            .unwrap_or(0))
    }
}

/// A verified, staged copy of a backup file, deleted when dropped.
pub struct Staged {
    path: tempfile::TempPath,
    /// What it holds.
    pub summary: BackupSummary,
}

impl Staged {
    /// The staged copy.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

/// Copies (or decrypts) `file` next to the database at `db` and verifies the copy. An encrypted
/// file without a passphrase is refused at the passphrase field, so the UI knows to ask.
pub fn stage(db: &Path, file: &Path, passphrase: Option<&str>) -> Result<Staged> {
    if !file.is_file() {
        return Err(Error::validation(
            Field::File,
            format!("Sicherung: Die Datei „{}“ gibt es nicht.", file.display()),
        ));
    }
    let staging = staging_dir(db)?;
    let path = tempfile::Builder::new()
        .prefix(".zirkel-wiederherstellung-")
        .suffix(".sqlite3")
        .tempfile_in(&staging)
        .map_err(|source| Error::Io {
            path: staging.clone(),
            source,
        })?
        .into_temp_path();
    let encrypted = crypt::is_encrypted(file)?;
    if encrypted {
        let passphrase = passphrase.filter(|p| !p.is_empty()).ok_or_else(|| {
            Error::validation(
                Field::Passphrase,
                "Passphrase: Diese Sicherung ist verschlüsselt. Bitte die Passphrase eingeben.",
            )
        })?;
        crypt::decrypt(file, &path, passphrase)?;
    } else {
        std::fs::copy(file, &path).map_err(|source| Error::Io {
            path: file.to_path_buf(),
            source,
        })?;
    }
    let mut summary = maintenance::inspect(&path).map_err(|e| name_file(e, file))?;
    summary.path = file.display().to_string();
    summary.encrypted = encrypted;
    summary.size_bytes = std::fs::metadata(file).map(|m| m.len()).unwrap_or(0);
    Ok(Staged { path, summary })
}

/// Names the user's file (not the staged copy) in an error about it.
fn name_file(error: Error, file: &Path) -> Error {
    match error {
        Error::NotZirkel { .. } => Error::NotZirkel {
            path: file.to_path_buf(),
        },
        Error::Damaged { detail, .. } => Error::Damaged {
            path: Some(file.to_path_buf()),
            detail,
        },
        other => other,
    }
}

/// What `file` holds, after verifying it (nothing is changed).
pub fn inspect(store: &Store, file: &Path, passphrase: Option<&str>) -> Result<BackupSummary> {
    Ok(stage(&staging_base(store), file, passphrase)?.summary)
}

/// "Wiederherstellen": verifies `file`, backs up the current state, then replaces the data with
/// the file's. Returns what was restored and where the state before went.
pub fn restore(
    store: &mut Store,
    stamp: &Stamp,
    file: &Path,
    passphrase: Option<&str>,
) -> Result<RestoreReport> {
    let staged = stage(&staging_base(store), file, passphrase)?;
    // The anonymisations made since the backup are applied to the staged copy before it
    // replaces anything, so no moment exists in which the store holds erased data again.
    let erased = store.read().privacy().anonymised()?;
    let anonymised_again = anonymise_again(staged.path(), stamp, &erased)?;
    let before = automatic(store, stamp, BackupReason::Restore)?
        .map(|m| m.path.display().to_string())
        .unwrap_or_default();
    store.restore_from(stamp, staged.path())?;
    if !anonymised_again.is_empty() {
        store.wipe_freed()?;
    }
    Ok(RestoreReport {
        restored: staged.summary,
        backup_before: before,
        anonymised_again,
    })
}

/// Re-applies `erased` (ids and creation times of anonymised people) to the staged copy at
/// `path`: upgrades it to the current schema, anonymises, and wipes the removed data from it.
fn anonymise_again(path: &Path, stamp: &Stamp, erased: &[(i64, String)]) -> Result<Vec<i64>> {
    if erased.is_empty() {
        return Ok(Vec::new());
    }
    let mut copy = Store::open_staged(path)?;
    let again = copy.write(stamp, |w| crate::ops::privacy::reapply(w, erased))?;
    copy.wipe_freed()?;
    Ok(again)
}

/// How long backups keep copies of a person's data, for the report (DSGVO Art. 15).
pub fn retention(store: &Store) -> Result<crate::model::privacy::ReportRetention> {
    let files = list(store)?;
    let rules = settings(store.read())?;
    let oldest = files.iter().map(|f| f.made_at).min();
    let mut text = format!(
        "Zirkel sichert die Datenbank automatisch in den Ordner „backups“ neben der Datenbank. \
         Aufbewahrt werden die {} neuesten Sicherungen sowie je die neueste der letzten {} Tage \
         und der letzten {} Monate; ältere werden gelöscht. Daten, die heute geändert oder \
         anonymisiert werden, sind damit spätestens nach {} Monaten aus den automatischen \
         Sicherungen verschwunden. Wird eine ältere Sicherung zurückgespielt, werden \
         Anonymisierungen, die seither vorgenommen wurden, erneut angewandt.",
        rules.keep_recent, rules.keep_daily, rules.keep_monthly, rules.keep_monthly
    );
    match oldest {
        Some(at) => text.push_str(&format!(
            " Zurzeit gibt es {} Sicherungen; die älteste ist vom {}.",
            files.len(),
            crate::model::date::german(at.date())
        )),
        None => text.push_str(" Zurzeit gibt es keine automatische Sicherung."),
    }
    if rules.second_folder.is_some() {
        text.push_str(
            " Eine Kopie jeder Sicherung liegt im zweiten Sicherungsordner und wird dort nach \
             denselben Regeln gelöscht.",
        );
    }
    text.push_str(
        " Von Hand gespeicherte Sicherungen („Sicherung speichern“) liegen dort, wo sie \
         gespeichert wurden, und werden nicht automatisch gelöscht.",
    );
    Ok(crate::model::privacy::ReportRetention {
        backups: files.len(),
        oldest_backup: oldest,
        text,
    })
}

/// When the store at `db` cannot be opened: verifies `file`, moves the damaged database (and its
/// journal files) aside unchanged as `zirkel.sqlite3.beschaedigt-YYYYMMDD-HHMMSS`, puts the
/// backup in its place and opens it. Returns the store and where the damaged file went.
pub fn recover(
    db: &Path,
    file: &Path,
    passphrase: Option<&str>,
    stamp: &Stamp,
) -> Result<(Store, PathBuf)> {
    let staged = stage(db, file, passphrase)?;
    let suffix = format!("beschaedigt-{}", stamp.at.format("%Y%m%d-%H%M%S"));
    let with = |path: &Path, tail: &str| {
        let mut name = path.as_os_str().to_owned();
        name.push(tail);
        PathBuf::from(name)
    };
    let aside = with(db, &format!(".{suffix}"));
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| Error::Io { path, source }
    };
    if db.exists() {
        std::fs::rename(db, &aside).map_err(io(db))?;
    }
    for journal in ["-wal", "-shm", "-journal"] {
        let side = with(db, journal);
        if side.exists() {
            std::fs::rename(&side, with(&aside, journal)).map_err(io(&side))?;
        }
    }
    // The staged copy lies in the same folder: one rename puts it in place, complete or not at
    // all. Should that fail, the damaged file goes back where it was.
    if let Err(failed) = staged.path.persist(db) {
        let _ = std::fs::rename(&aside, db);
        return Err(Error::Io {
            path: db.to_path_buf(),
            source: failed.error,
        });
    }
    let mut store = Store::open(db)?;
    store.write(stamp, |w| {
        w.rebuild_search_index()?;
        w.record_restore()
    })?;
    Ok((store, aside))
}

/// The database's folder, where staged copies are made (the app-data folder: personal data
/// never goes to the system's temp folder).
fn staging_dir(db: &Path) -> Result<PathBuf> {
    let dir = db
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."));
    create_dir(&dir)?;
    Ok(dir)
}

fn staging_base(store: &Store) -> PathBuf {
    if is_in_memory(store) {
        std::env::temp_dir().join(crate::store::FILE_NAME)
    } else {
        store.path().to_path_buf()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::PersonInput;

    fn stamp(at: &str) -> Stamp {
        Stamp {
            user: "gs".into(),
            at: at.parse().expect("time"),
        }
    }

    fn person(store: &mut Store, first: &str, last: &str) {
        let input = PersonInput {
            first_name: first.into(),
            last_name: last.into(),
            ..Default::default()
        };
        store
            .write(&stamp("2026-11-25T10:00:00"), |w| {
                crate::ops::people::create(w, &input)
            })
            .expect("person");
    }

    #[test]
    fn a_backup_is_a_complete_store_named_after_time_and_reason() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut store = Store::open(dir.path().join("zirkel.sqlite3")).expect("open");
        person(&mut store, "Şükrü", "Özdemir");
        let at = stamp("2026-11-25T10:00:00");
        let first = automatic(&store, &at, BackupReason::Import)
            .expect("backup")
            .expect("on disk");
        assert_eq!(
            first.path,
            dir.path()
                .join("backups/zirkel-20261125-100000-import.sqlite3")
        );
        let second = create(
            &store,
            &at,
            &dir.path().join("backups"),
            BackupReason::Import,
        )
        .expect("second backup");
        assert_ne!(
            first.path, second,
            "a backup in the same second must not overwrite the first"
        );
        let copy = Store::open_existing(&first.path).expect("backup opens as a store");
        assert_eq!(copy.info().expect("info").people, 1);
        let listed = list(&store).expect("list");
        assert_eq!(listed.len(), 2);
        assert!(listed.iter().all(|b| b.reason == BackupReason::Import));
    }

    #[test]
    fn names_are_read_back_including_those_of_earlier_versions() {
        let at = |t: &str| NaiveDateTime::parse_from_str(t, "%Y-%m-%d %H:%M:%S").expect("time");
        assert_eq!(
            parse_name("zirkel-20261201-093000-daily.sqlite3"),
            Some((at("2026-12-01 09:30:00"), BackupReason::Daily))
        );
        assert_eq!(
            parse_name("zirkel-20261201-093000-import-3.sqlite3"),
            Some((at("2026-12-01 09:30:00"), BackupReason::Import))
        );
        assert_eq!(
            parse_name("zirkel-20261125-100000-2.sqlite3"),
            Some((at("2026-11-25 10:00:00"), BackupReason::Import))
        );
        assert_eq!(parse_name("zirkel-20261125-100000.sqlite3.partial"), None);
        assert_eq!(parse_name("meine-kopie.sqlite3"), None);
        assert_eq!(parse_name("zirkel-20261125-100000-urlaub.sqlite3"), None);
    }

    #[test]
    fn the_daily_backup_is_made_once_a_day_and_imports_rotate() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut store = Store::open(dir.path().join("zirkel.sqlite3")).expect("open");
        person(&mut store, "Łukasz", "Nowak");
        assert!(daily(&store, &stamp("2026-12-01T08:00:00"))
            .expect("daily")
            .is_some());
        assert!(daily(&store, &stamp("2026-12-01T17:00:00"))
            .expect("daily")
            .is_none());
        // A user's own file in the folder is never touched.
        std::fs::write(dir.path().join("backups/meine-kopie.sqlite3"), b"x").expect("write");
        for minute in 0..60 {
            automatic(
                &store,
                &stamp(&format!("2026-12-01T10:{minute:02}:00")),
                BackupReason::Import,
            )
            .expect("backup");
        }
        let left = list(&store).expect("list");
        assert_eq!(left.len(), 5, "the five newest of the day stay: {left:#?}");
        assert_eq!(left[0].file_name, "zirkel-20261201-105900-import.sqlite3");
        assert!(dir.path().join("backups/meine-kopie.sqlite3").exists());
        assert!(daily(&store, &stamp("2026-12-02T08:00:00"))
            .expect("daily")
            .is_some());
    }

    #[test]
    fn the_second_folder_gets_a_copy_and_an_offline_one_does_not_fail_the_backup() {
        let dir = tempfile::tempdir().expect("temp dir");
        let share = tempfile::tempdir().expect("share");
        let mut store = Store::open(dir.path().join("zirkel.sqlite3")).expect("open");
        let rules = BackupSettings {
            second_folder: Some(share.path().join("zirkel").display().to_string()),
            ..BackupSettings::default()
        };
        store
            .write(&stamp("2026-12-01T08:00:00"), |w| save_settings(w, &rules))
            .expect("settings");
        let made = automatic(&store, &stamp("2026-12-01T09:00:00"), BackupReason::Manual)
            .expect("backup")
            .expect("made");
        let copy = made.second.expect("copied");
        assert!(copy.starts_with(share.path()));
        Store::open_existing(&copy).expect("the copy is a store");
        assert!(list(&store)
            .expect("list")
            .iter()
            .any(|b| b.in_second_folder));

        // A file where the folder should be: the share is "offline".
        let blocked = share.path().join("blockiert");
        std::fs::write(&blocked, b"x").expect("write");
        let rules = BackupSettings {
            second_folder: Some(blocked.join("zirkel").display().to_string()),
            ..BackupSettings::default()
        };
        store
            .write(&stamp("2026-12-01T08:00:00"), |w| save_settings(w, &rules))
            .expect("settings");
        let made = automatic(&store, &stamp("2026-12-01T09:30:00"), BackupReason::Manual)
            .expect("the backup stands")
            .expect("made");
        assert!(made.path.exists());
        assert!(made.second.is_none());
        assert!(made.second_problem.is_some());
    }

    #[test]
    fn settings_are_checked_field_by_field() {
        let mut store = Store::open_in_memory().expect("open");
        let bad = BackupSettings {
            keep_recent: 0,
            keep_daily: 5000,
            keep_monthly: 12,
            second_folder: Some("relativ/ordner".into()),
        };
        match store.write(&stamp("2026-12-01T08:00:00"), |w| save_settings(w, &bad)) {
            Err(Error::Invalid(errors)) => {
                let fields: Vec<Field> = errors.iter().map(|e| e.field).collect();
                assert_eq!(
                    fields,
                    vec![Field::KeepRecent, Field::KeepDaily, Field::SecondFolder]
                );
            }
            other => panic!("expected a refusal, got {other:?}"),
        }
        assert_eq!(
            settings(store.read()).expect("settings"),
            BackupSettings::default(),
            "nothing was stored"
        );
    }

    #[test]
    fn restore_verifies_backs_up_and_brings_the_data_back() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut store = Store::open(dir.path().join("zirkel.sqlite3")).expect("open");
        person(&mut store, "Nguyễn", "Thị");
        let saved = dir.path().join("stick.sqlite3");
        save_as(&store, &saved, None).expect("save");
        person(&mut store, "Later", "Added");
        assert_eq!(store.info().expect("info").people, 2);

        let summary = inspect(&store, &saved, None).expect("inspect");
        assert_eq!(summary.people, 1);
        assert!(!summary.encrypted);
        let report =
            restore(&mut store, &stamp("2026-12-01T12:00:00"), &saved, None).expect("restore");
        assert_eq!(report.restored.people, 1);
        assert_eq!(store.info().expect("info").people, 1);
        assert!(store.search_index_drift().expect("drift").is_empty());
        // The state before is a backup with both people.
        let before = Store::open_existing(&report.backup_before).expect("backup before");
        assert_eq!(before.info().expect("info").people, 2);
        // The store still writes.
        person(&mut store, "After", "Restore");
        assert_eq!(store.info().expect("info").people, 2);
        let hits = crate::ops::search::search(
            store.read(),
            "nguyen",
            5,
            stamp("2026-12-01T12:00:00").today(),
        )
        .expect("search");
        assert_eq!(hits.total, 1);
    }

    #[test]
    fn saving_over_a_file_replaces_it_only_with_a_complete_backup() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut store = Store::open(dir.path().join("zirkel.sqlite3")).expect("open");
        person(&mut store, "Şükrü", "Özdemir");
        let stick = dir.path().join("stick.sqlite3");
        std::fs::write(&stick, b"die alte Sicherung").expect("write");
        // Refused before anything is written: the old file stays, and so does the database.
        assert!(save_as(&store, &stick, Some("kurz")).is_err());
        let itself = save_as(&store, &dir.path().join("zirkel.sqlite3"), None)
            .expect_err("not over the database itself");
        assert!(
            itself.user_message().contains("die Datenbank selbst"),
            "{itself}"
        );
        assert_eq!(store.info().expect("info").people, 1);
        assert_eq!(std::fs::read(&stick).expect("read"), b"die alte Sicherung");
        save_as(&store, &stick, None).expect("plain");
        assert_eq!(
            Store::open_existing(&stick)
                .expect("a store")
                .info()
                .expect("info")
                .people,
            1
        );
        save_as(&store, &stick, Some("Geschäftsstelle 2026")).expect("encrypted");
        assert!(crypt::is_encrypted(&stick).expect("read"));
        let leftovers: Vec<String> = std::fs::read_dir(dir.path())
            .expect("dir")
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".partial") || n.starts_with(".zirkel"))
            .collect();
        assert!(leftovers.is_empty(), "{leftovers:?}");
    }

    #[test]
    fn an_encrypted_backup_needs_its_passphrase() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut store = Store::open(dir.path().join("zirkel.sqlite3")).expect("open");
        person(&mut store, "Şükrü", "Özdemir");
        let saved = dir.path().join("stick.sqlite3.age");
        save_as(&store, &saved, Some("Geschäftsstelle 2026")).expect("save");
        let bytes = std::fs::read(&saved).expect("read");
        assert!(bytes.starts_with(b"age-encryption.org/v1\n"));
        assert!(
            !bytes
                .windows("Özdemir".len())
                .any(|w| w == "Özdemir".as_bytes()),
            "the name must not be readable in the encrypted file"
        );
        let no_pass = inspect(&store, &saved, None).expect_err("needs a passphrase");
        assert_eq!(no_pass.field_errors()[0].field, Field::Passphrase);
        let summary = inspect(&store, &saved, Some("Geschäftsstelle 2026")).expect("inspect");
        assert!(summary.encrypted);
        assert_eq!(summary.people, 1);
        // No plain copy is left next to the store.
        let leftovers: Vec<_> = std::fs::read_dir(dir.path())
            .expect("dir")
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with(".zirkel"))
            .collect();
        assert!(leftovers.is_empty(), "{leftovers:?}");
    }

    #[test]
    fn a_foreign_or_damaged_file_is_refused_and_left_unchanged() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut store = Store::open(dir.path().join("zirkel.sqlite3")).expect("open");
        person(&mut store, "Anna", "Alt");
        let text = dir.path().join("liste.csv");
        std::fs::write(&text, "Name;Vorname\nÖzdemir;Şükrü\n").expect("write");
        let err =
            restore(&mut store, &stamp("2026-12-01T12:00:00"), &text, None).expect_err("refused");
        assert!(
            err.user_message().contains("ist keine Zirkel-Datenbank"),
            "{}",
            err.user_message()
        );
        let other = dir.path().join("fremd.sqlite3");
        rusqlite::Connection::open(&other)
            .and_then(|c| {
                c.execute_batch(
                    "CREATE TABLE rezepte (name TEXT); INSERT INTO rezepte VALUES ('Kuchen');",
                )
            })
            .expect("foreign db");
        let before = std::fs::read(&other).expect("read");
        let err =
            restore(&mut store, &stamp("2026-12-01T12:00:00"), &other, None).expect_err("refused");
        assert!(
            err.user_message().contains("ist keine Zirkel-Datenbank"),
            "{err}"
        );
        assert_eq!(
            std::fs::read(&other).expect("read"),
            before,
            "left byte-identical"
        );
        assert_eq!(store.info().expect("info").people, 1, "nothing restored");
        assert!(
            list(&store).expect("list").is_empty(),
            "no backup made before a refused restore"
        );
    }
}
