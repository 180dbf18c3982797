//! The SQLite store: the only place that speaks SQL. `Store::open` sets the pragmas, refuses a
//! database written by a newer Zirkel, runs the migrations and hands out reads (`&self`) and
//! writes (`write`, one transaction per call).

pub mod audit;
pub mod content;
pub mod documents;
pub mod mandates;
pub mod organisations;
pub mod people;
pub mod schema;
pub mod search;
pub mod sessions;

use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{Connection, OptionalExtension, Transaction, TransactionBehavior};

use crate::error::{Error, Result};
use crate::model::StoreInfo;

/// File name of the store inside the app-data folder.
pub const FILE_NAME: &str = "zirkel.sqlite3";

/// The open database.
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("path", &self.path).finish()
    }
}

impl Store {
    /// Opens (or creates) the store at `path`, creating missing parent folders.
    pub fn open(path: impl AsRef<Path>) -> Result<Store> {
        let path = path.as_ref().to_path_buf();
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|source| Error::Io {
                path: parent.to_path_buf(),
                source,
            })?;
        }
        let conn = Connection::open(&path)?;
        Self::init(conn, path)
    }

    /// An in-memory store for tests and benchmarks.
    pub fn open_in_memory() -> Result<Store> {
        Self::init(Connection::open_in_memory()?, PathBuf::from(":memory:"))
    }

    fn init(mut conn: Connection, path: PathBuf) -> Result<Store> {
        // Pragmas outside any transaction, before migrations (journal_mode cannot change inside one).
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        let found: i64 = conn.pragma_query_value(None, "user_version", |row| row.get(0))?;
        let supported = schema::VERSION;
        if found > supported {
            return Err(Error::TooNew { found, supported });
        }
        schema::migrations().to_latest(&mut conn)?;
        Ok(Store { conn, path })
    }

    /// Path of the database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Read access for the store modules.
    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Runs `f` in one immediate transaction: all of it is written, or nothing.
    pub fn write<T>(&mut self, f: impl FnOnce(&Transaction<'_>) -> Result<T>) -> Result<T> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let value = f(&tx)?;
        tx.commit()?;
        Ok(value)
    }

    /// Counts and schema version for the status line and the first-start dialog.
    pub fn info(&self) -> Result<StoreInfo> {
        let count = |table: &str| -> Result<i64> {
            Ok(self
                .conn
                .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?)
        };
        let people = count("people")?;
        let organisations = count("organisations")?;
        let schema_version = self
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))?;
        Ok(StoreInfo {
            path: self.path.display().to_string(),
            schema_version,
            is_empty: people == 0 && organisations == 0,
            people,
            organisations,
        })
    }

    /// Writes a consistent copy of the whole database to `path` (which must not exist yet).
    pub fn copy_into(&self, path: &str) -> Result<()> {
        self.conn.execute("VACUUM INTO ?1", [path])?;
        Ok(())
    }

    /// A setting's value.
    pub fn setting(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()?)
    }
}

/// Stores a setting inside a transaction.
pub fn set_setting(conn: &Connection, key: &str, value: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO settings (key, value) VALUES (?1, ?2)
         ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        [key, value],
    )?;
    Ok(())
}

/// ISO text of a date, as stored.
pub(crate) fn iso(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// ISO text of a timestamp, as stored.
pub(crate) fn iso_time(at: NaiveDateTime) -> String {
    at.format("%Y-%m-%dT%H:%M:%S").to_string()
}

/// Reads an optional ISO date column.
pub(crate) fn date_column(value: Option<String>) -> Option<NaiveDate> {
    value.and_then(|v| NaiveDate::parse_from_str(&v, "%Y-%m-%d").ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_a_database_from_a_newer_version_untouched() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join(FILE_NAME);
        drop(Store::open(&path).expect("create"));
        {
            let conn = Connection::open(&path).expect("raw open");
            conn.pragma_update(None, "user_version", schema::VERSION + 1)
                .expect("bump");
        }
        match Store::open(&path) {
            Err(Error::TooNew { found, .. }) => assert_eq!(found, schema::VERSION + 1),
            other => panic!("a newer schema must be refused, got {other:?}"),
        }
        let conn = Connection::open(&path).expect("raw open");
        let version: i64 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .expect("version");
        assert_eq!(
            version,
            schema::VERSION + 1,
            "the newer file must be left as it was"
        );
    }

    #[test]
    fn open_sets_wal_and_foreign_keys() {
        let dir = tempfile::tempdir().expect("temp dir");
        let store =
            Store::open(dir.path().join("sub/zirkel.sqlite3")).expect("open creates folders");
        let mode: String = store
            .conn
            .pragma_query_value(None, "journal_mode", |r| r.get(0))
            .expect("mode");
        let fk: i64 = store
            .conn
            .pragma_query_value(None, "foreign_keys", |r| r.get(0))
            .expect("fk");
        assert_eq!(mode.to_lowercase(), "wal");
        assert_eq!(fk, 1, "foreign keys must be enforced");
        assert!(store.info().expect("info").is_empty);
    }

    #[test]
    fn fts5_is_available() {
        let store = Store::open_in_memory().expect("open");
        let n: i64 = store
            .conn
            .query_row(
                "SELECT count(*) FROM search_index WHERE search_index MATCH 'x'",
                [],
                |r| r.get(0),
            )
            .expect("fts5 query");
        assert_eq!(n, 0);
    }
}
