//! Backups of the store: a consistent copy in the `backups/` folder beside the database.
//!
//! The copy is made with `VACUUM INTO`, which writes a complete, compacted database from one read
//! transaction: consistent even in WAL mode and while the app keeps the store open. The name comes
//! from the [`Stamp`] (`zirkel-YYYYMMDD-HHMMSS.sqlite3`); a second backup in the same second gets
//! `-2`, `-3` … so no backup is ever overwritten.
//!
//! A store that lives only in memory (tests, benchmarks) has nothing on disk to protect:
//! [`create`] refuses it with a clear error, and [`default_dir`] returns `None` for it, which the
//! import takes as "no backup needed".

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::model::Field;
use crate::model::Stamp;
use crate::store::Store;

/// Name of the backup folder beside the database file.
pub const DIR_NAME: &str = "backups";

/// The backup folder beside the database file; `None` for an in-memory store.
pub fn default_dir(store: &Store) -> Option<PathBuf> {
    if is_in_memory(store) {
        return None;
    }
    let parent = store
        .path()
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or_else(|| Path::new("."));
    Some(parent.join(DIR_NAME))
}

/// True when the store has no file.
pub fn is_in_memory(store: &Store) -> bool {
    let path = store.path();
    path.as_os_str().is_empty() || path == Path::new(":memory:")
}

/// Writes a consistent copy of the store into `dir` (created if missing) and returns its path.
pub fn create(store: &Store, stamp: &Stamp, dir: &Path) -> Result<PathBuf> {
    if is_in_memory(store) {
        return Err(Error::validation(
            Field::Path,
            "Sicherung: Diese Datenbank liegt nur im Arbeitsspeicher und kann nicht gesichert werden.",
        ));
    }
    std::fs::create_dir_all(dir).map_err(|source| Error::Io {
        path: dir.to_path_buf(),
        source,
    })?;
    let target = free_name(dir, stamp);
    let text = target.to_str().ok_or_else(|| {
        Error::validation(
            Field::Path,
            format!(
                "Sicherung: Der Pfad „{}“ enthält Zeichen, die SQLite nicht verarbeiten kann.",
                target.display()
            ),
        )
    })?;
    store.copy_into(text)?;
    Ok(target)
}

/// Writes a backup into the default folder beside the database.
pub fn create_default(store: &Store, stamp: &Stamp) -> Result<PathBuf> {
    let dir = default_dir(store).ok_or_else(|| {
        Error::validation(
            Field::Path,
            "Sicherung: Diese Datenbank liegt nur im Arbeitsspeicher und kann nicht gesichert werden.",
        )
    })?;
    create(store, stamp, &dir)
}

/// `zirkel-YYYYMMDD-HHMMSS.sqlite3`, or with `-2`, `-3` … when taken.
fn free_name(dir: &Path, stamp: &Stamp) -> PathBuf {
    let base = format!("zirkel-{}", stamp.at.format("%Y%m%d-%H%M%S"));
    let mut candidate = dir.join(format!("{base}.sqlite3"));
    let mut n = 2;
    while candidate.exists() {
        candidate = dir.join(format!("{base}-{n}.sqlite3"));
        n += 1;
    }
    candidate
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::PersonInput;

    fn stamp() -> Stamp {
        Stamp {
            user: "gs".into(),
            at: "2026-11-25T10:00:00".parse().expect("time"),
        }
    }

    #[test]
    fn backup_is_a_complete_store_named_after_the_stamp() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut store = Store::open(dir.path().join("zirkel.sqlite3")).expect("open");
        let input = PersonInput {
            first_name: "Şükrü".into(),
            last_name: "Özdemir".into(),
            ..Default::default()
        };
        store
            .write(&stamp(), |w| crate::ops::people::create(w, &input))
            .expect("person");
        let first = create_default(&store, &stamp()).expect("backup");
        assert_eq!(
            first,
            dir.path().join("backups/zirkel-20261125-100000.sqlite3")
        );
        let second = create_default(&store, &stamp()).expect("second backup");
        assert_ne!(
            first, second,
            "a backup in the same second must not overwrite the first"
        );
        let copy = Store::open(&first).expect("backup opens as a store");
        assert_eq!(copy.info().expect("info").people, 1);
    }

    #[test]
    fn an_in_memory_store_is_refused_clearly() {
        let store = Store::open_in_memory().expect("open");
        assert!(default_dir(&store).is_none());
        let dir = tempfile::tempdir().expect("temp dir");
        match create(&store, &stamp(), dir.path()) {
            Err(Error::Invalid(errors)) => {
                let (field, message) = (errors[0].field.as_str(), errors[0].message.as_str());
                assert_eq!(field, "path");
                assert!(message.contains("Arbeitsspeicher"), "{message}");
            }
            other => panic!("expected a refusal, got {other:?}"),
        }
    }
}
