//! The store as a file: recognising a foreign or damaged file before anything is written to it,
//! consistent copies with SQLite's online backup API, restoring one into the open store, and the
//! checks (`integrity_check`, `foreign_key_check`, the search index).

use std::io::Read;
use std::path::Path;

use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, OpenFlags};

use super::{schema, Store};
use crate::error::{Error, Result};
use crate::model::backup::{BackupSummary, CheckReport};
use crate::model::Stamp;

/// The first 16 bytes of every SQLite database file.
const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// Refuses a file that is not an SQLite database at all (a spreadsheet, an encrypted backup, a
/// truncated copy) by its header, before SQLite opens it. An empty or missing file passes: it
/// becomes a new store.
pub(crate) fn check_header(path: &Path) -> Result<()> {
    let mut file = match std::fs::File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(source) => {
            return Err(Error::Io {
                path: path.to_path_buf(),
                source,
            })
        }
    };
    let mut header = Vec::with_capacity(100);
    file.by_ref()
        .take(100)
        .read_to_end(&mut header)
        .map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
    if header.is_empty() {
        return Ok(());
    }
    if header.len() < 100 || !header.starts_with(SQLITE_HEADER) {
        return Err(Error::NotZirkel {
            path: path.to_path_buf(),
        });
    }
    Ok(())
}

/// Reads the schema version of an opened file and refuses one that SQLite cannot read, a
/// damaged one, or an SQLite database of another program. Only reads.
pub(crate) fn identify(conn: &Connection, path: &Path) -> Result<i64> {
    let named = |error: Error| match error {
        Error::Damaged { detail, .. } => Error::Damaged {
            path: Some(path.to_path_buf()),
            detail,
        },
        other => other,
    };
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |row| row.get(0))
        .map_err(|e| named(e.into()))?;
    let mut tables = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
        .map_err(|e| named(e.into()))?;
    let tables: Vec<String> = tables
        .query_map([], |row| row.get(0))
        .and_then(|rows| rows.collect())
        .map_err(|e| named(e.into()))?;
    let foreign = if version == 0 {
        !tables.is_empty()
    } else {
        !tables.iter().any(|t| t == "people") || !tables.iter().any(|t| t == "audit_log")
    };
    if foreign {
        return Err(Error::NotZirkel {
            path: path.to_path_buf(),
        });
    }
    Ok(version)
}

/// `PRAGMA quick_check`: a damaged file is named at once instead of failing some later read.
pub(crate) fn quick_check(conn: &Connection, path: &Path) -> Result<()> {
    let lines: Vec<String> = conn
        .prepare("PRAGMA quick_check")
        .and_then(|mut statement| {
            statement
                .query_map([], |row| row.get(0))?
                .collect::<rusqlite::Result<_>>()
        })
        .map_err(|e| match Error::from(e) {
            Error::Damaged { detail, .. } => Error::Damaged {
                path: Some(path.to_path_buf()),
                detail,
            },
            other => other,
        })?;
    if lines.iter().all(|l| l == "ok") {
        Ok(())
    } else {
        Err(Error::Damaged {
            path: Some(path.to_path_buf()),
            detail: lines.into_iter().take(5).collect::<Vec<_>>().join("; "),
        })
    }
}

/// A consistent copy of the database behind `conn` at `target`, made with the online backup API
/// in one step (so no write can interleave), as one self-contained file (journal mode DELETE).
/// It is written under a temporary name and renamed when complete, so a crash never leaves a
/// half-written file under a backup's name.
pub(crate) fn snapshot(conn: &Connection, target: &Path) -> Result<()> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| Error::Io { path, source }
    };
    let mut partial = target.as_os_str().to_owned();
    partial.push(".partial");
    let partial = std::path::PathBuf::from(partial);
    if partial.exists() {
        std::fs::remove_file(&partial).map_err(io(&partial))?;
    }
    {
        let mut copy = Connection::open(&partial)?;
        {
            let backup = Backup::new(conn, &mut copy)?;
            match backup.step(-1)? {
                StepResult::Done => {}
                _ => {
                    return Err(Error::Conflict {
                        message:
                            "Die Datenbank wird gerade von einem anderen Programm geschrieben. \
                                  Bitte in einem Moment noch einmal versuchen."
                                .to_owned(),
                    })
                }
            }
        }
        copy.pragma_update(None, "journal_mode", "DELETE")?;
    }
    std::fs::File::open(&partial)
        .and_then(|f| f.sync_all())
        .map_err(io(&partial))?;
    std::fs::rename(&partial, target).map_err(io(target))?;
    sync_parent(target);
    Ok(())
}

/// Makes a rename durable (the folder entry) where the platform allows it; best effort.
fn sync_parent(path: &Path) {
    #[cfg(unix)]
    if let Some(parent) = path.parent() {
        if let Ok(dir) = std::fs::File::open(parent) {
            let _ = dir.sync_all();
        }
    }
    #[cfg(not(unix))]
    let _ = path;
}

/// Opens `path` read-only for a look inside: no journal, nothing written.
fn open_read_only(path: &Path) -> Result<Connection> {
    check_header(path)?;
    Ok(Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?)
}

/// Verifies a database file (a staged copy of a backup) and says what it holds: it must be a
/// Zirkel store of a released schema this version knows, pass `integrity_check` and
/// `foreign_key_check`. Nothing is written to it.
pub fn inspect(path: &Path) -> Result<BackupSummary> {
    let conn = open_read_only(path)?;
    let version = identify(&conn, path)?;
    if version == 0 {
        return Err(Error::NotZirkel {
            path: path.to_path_buf(),
        });
    }
    if version > schema::VERSION {
        return Err(Error::TooNew {
            found: version,
            supported: schema::VERSION,
        });
    }
    if version == 1 && !schema::is_shipped_v1(&conn)? {
        return Err(Error::PreRelease);
    }
    let problems = integrity(&conn)?;
    if !problems.is_empty() {
        return Err(Error::Damaged {
            path: Some(path.to_path_buf()),
            detail: problems.join("; "),
        });
    }
    let dangling = foreign_keys(&conn)?;
    if !dangling.is_empty() {
        return Err(Error::Damaged {
            path: Some(path.to_path_buf()),
            detail: format!("Verweise ins Leere: {}", dangling.join("; ")),
        });
    }
    let mut summary = contents(&conn)?;
    summary.path = path.display().to_string();
    summary.size_bytes = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    Ok(summary)
}

/// `PRAGMA integrity_check`: the problems, none when the file is sound.
fn integrity(conn: &Connection) -> Result<Vec<String>> {
    let mut statement = conn.prepare("PRAGMA integrity_check")?;
    let lines: Vec<String> = statement
        .query_map([], |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(lines.into_iter().filter(|l| l != "ok").collect())
}

/// `PRAGMA foreign_key_check`: one line per row that points nowhere.
fn foreign_keys(conn: &Connection) -> Result<Vec<String>> {
    let mut statement = conn.prepare("PRAGMA foreign_key_check")?;
    let lines = statement
        .query_map([], |row| {
            let table: String = row.get(0)?;
            let rowid: Option<i64> = row.get(1)?;
            let parent: String = row.get(2)?;
            Ok(format!(
                "Tabelle „{table}“, Zeile {}: verweist auf einen fehlenden Eintrag in „{parent}“",
                rowid.map_or_else(|| "?".to_owned(), |r| r.to_string())
            ))
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(lines)
}

impl Store {
    /// A consistent copy of the store at `target` (see [`snapshot`]).
    pub fn snapshot_to(&self, target: &Path) -> Result<()> {
        snapshot(&self.conn, target)
    }

    /// `PRAGMA quick_check` of the open store.
    pub fn quick_check(&self) -> Result<()> {
        quick_check(&self.conn, &self.path)
    }

    /// The whole check: integrity, references and the search index. Changes nothing.
    pub fn check(&mut self) -> Result<CheckReport> {
        let integrity = integrity(&self.conn)?;
        let foreign_keys = foreign_keys(&self.conn)?;
        // A damaged file may not even yield the index; report what was found.
        let search_index = if integrity.is_empty() {
            self.search_index_drift()?
        } else {
            Vec::new()
        };
        Ok(CheckReport {
            path: self.path.display().to_string(),
            integrity,
            foreign_keys,
            search_index,
        })
    }

    /// What the open store holds, in the shape of a backup's summary.
    pub fn summary(&self) -> Result<BackupSummary> {
        let mut summary = contents(&self.conn)?;
        summary.path = self.path.display().to_string();
        summary.size_bytes = std::fs::metadata(&self.path).map(|m| m.len()).unwrap_or(0);
        Ok(summary)
    }

    /// After personal data was removed: merges the search index into one segment, so removed
    /// words leave it, then copies the WAL into the file and truncates it. Freed pages are
    /// zeroed (`secure_delete`), so the removed text is in neither file afterwards. Returns
    /// false when another connection kept the checkpoint from completing.
    pub fn wipe_freed(&mut self) -> Result<bool> {
        self.conn.execute(
            "INSERT INTO search_index (search_index) VALUES ('optimize')",
            [],
        )?;
        let busy: i64 = self
            .conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| r.get(0))?;
        Ok(busy == 0)
    }

    /// Replaces the whole content of the store with the database at `source` (a verified,
    /// staged copy), through the online backup API, in place: the open connection stays valid.
    /// An older schema is then upgraded, the search index rebuilt and the restore recorded in
    /// the audit log. The caller has made a backup of the state before.
    pub fn restore_from(&mut self, stamp: &Stamp, source: &Path) -> Result<()> {
        let from = open_read_only(source)?;
        {
            let restore = Backup::new(&from, &mut self.conn)?;
            match restore.step(-1)? {
                StepResult::Done => {}
                _ => {
                    return Err(Error::Conflict {
                        message: "Die Datenbank wird gerade von einem anderen Programm benutzt \
                                  (z. B. der Kommandozeile). Es wurde nichts verändert. Bitte \
                                  danach noch einmal versuchen."
                            .to_owned(),
                    })
                }
            }
        }
        drop(from);
        self.conn.pragma_update(None, "journal_mode", "WAL")?;
        schema::migrations().to_latest(&mut self.conn)?;
        self.write(stamp, |w| {
            w.rebuild_search_index()?;
            w.record_restore()
        })
    }
}

/// What a store holds: its schema version, the counts (0 for a table an older schema lacks) and
/// the newest change in its audit log. `path` and `size_bytes` are left for the caller.
fn contents(conn: &Connection) -> Result<BackupSummary> {
    let count = |table: &str| -> Result<i64> {
        let exists: bool = conn.query_row(
            "SELECT count(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = ?1",
            [table],
            |r| r.get(0),
        )?;
        if !exists {
            return Ok(0);
        }
        // `table` is one of the names below, never input.
        Ok(conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?)
    };
    let newest: Option<String> =
        conn.query_row("SELECT max(until) FROM audit_log", [], |r| r.get(0))?;
    Ok(BackupSummary {
        path: String::new(),
        encrypted: false,
        size_bytes: 0,
        schema_version: conn.pragma_query_value(None, "user_version", |r| r.get(0))?,
        people: count("people")?,
        organisations: count("organisations")?,
        sessions: count("sessions")?,
        minutes: count("minutes")?,
        action_items: count("action_items")?,
        practice_examples: count("practice_examples")?,
        recommendations: count("recommendations")?,
        newest_change: newest.and_then(|t| super::parse_time(&t)),
    })
}
