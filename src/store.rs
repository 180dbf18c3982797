//! The SQLite store: the only place that speaks SQL. `Store::open` sets the pragmas, refuses a
//! database written by a newer Zirkel and runs the migrations. Reads go through a [`Reader`]
//! (`store.read()`), writes through a [`Writer`] (`store.write(stamp, |w| …)`): one immediate
//! transaction per call, whose table handles (`w.people()`, `w.mandates()` …) record the audit
//! entry of every change and mark the search entries they touch, which the writer rewrites once
//! before it commits. So an op cannot forget either, and several ops can run in one transaction:
//! an error anywhere rolls all of them back.

pub mod audit;
pub mod content;
pub mod documents;
pub mod maintenance;
pub mod mandates;
pub mod minutes;
pub mod organisations;
pub mod overview;
pub mod people;
pub mod privacy;
pub mod schema;
pub mod search;
pub mod sessions;

use std::collections::{BTreeSet, HashSet};
use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;
use rusqlite::types::ValueRef;
use rusqlite::{Connection, OpenFlags, OptionalExtension, Row, Transaction, TransactionBehavior};

use crate::error::{BadStoredValue, Error, Result};
use crate::model::stored::UnknownValue;
use crate::model::{Stamp, StoreInfo};
pub use audit::{Action, Entity};

/// File name of the store inside the app-data folder.
pub const FILE_NAME: &str = "zirkel.sqlite3";

/// The open database.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    last_index_time: std::time::Duration,
    writes: u64,
}

/// A mark of the store's state: it differs after any committed write, by this store or by
/// another connection to the same file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Generation {
    path: PathBuf,
    own: u64,
    data_version: i64,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("path", &self.path).finish()
    }
}

impl Store {
    /// Opens (or creates) the store at `path`, creating missing parent folders.
    pub fn open(path: impl AsRef<Path>) -> Result<Store> {
        let (conn, path) = Self::connect(path.as_ref())?;
        Self::init(conn, path)
    }

    /// Like [`Store::open`], and first runs SQLite's quick check, before anything is written
    /// to the file (the app at start): a damaged file is refused as it is.
    pub fn open_checked(path: impl AsRef<Path>) -> Result<Store> {
        let (conn, path) = Self::connect(path.as_ref())?;
        maintenance::identify(&conn, &path)?;
        maintenance::quick_check(&conn, &path)?;
        Self::init(conn, path)
    }

    /// The connection of [`Store::open`]: parent folders made, a network path and a file that
    /// is no SQLite database refused before SQLite opens it.
    fn connect(path: &Path) -> Result<(Connection, PathBuf)> {
        let path = path.to_path_buf();
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|source| Error::Io {
                path: parent.to_path_buf(),
                source,
            })?;
        }
        crate::paths::check_local(&path)?;
        maintenance::check_header(&path)?;
        Ok((Connection::open(&path)?, path))
    }

    /// Opens an existing store; where there is none, says so and creates nothing (for commands
    /// that only read, or that should not start an empty store by accident).
    pub fn open_existing(path: impl AsRef<Path>) -> Result<Store> {
        let path = path.as_ref().to_path_buf();
        if !path.is_file() {
            return Err(Error::NoStore { path });
        }
        crate::paths::check_local(&path)?;
        maintenance::check_header(&path)?;
        let conn = Connection::open_with_flags(
            &path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        // An empty file is no store: a read must not write a schema into it.
        if maintenance::identify(&conn, &path)? == 0 {
            return Err(Error::NoStore { path });
        }
        Self::init(conn, path)
    }

    /// An in-memory store for tests and benchmarks.
    pub fn open_in_memory() -> Result<Store> {
        Self::init(Connection::open_in_memory()?, PathBuf::from(":memory:"))
    }

    /// Opens a staged copy of a backup to prepare it for a restore: like [`Store::open`], but an
    /// older schema is upgraded without the backup before a migration (the copy is the backup).
    pub(crate) fn open_staged(path: &Path) -> Result<Store> {
        let conn = Connection::open(path)?;
        Self::init_with(conn, path.to_path_buf(), false)
    }

    fn init(conn: Connection, path: PathBuf) -> Result<Store> {
        Self::init_with(conn, path, true)
    }

    fn init_with(mut conn: Connection, path: PathBuf, backup_first: bool) -> Result<Store> {
        // Before anything is written: a foreign or damaged file is named and left as it is.
        let found = maintenance::identify(&conn, &path)?;
        let supported = schema::VERSION;
        if found > supported {
            return Err(Error::TooNew { found, supported });
        }
        if found == 1 && !schema::is_shipped_v1(&conn)? {
            return Err(Error::PreRelease);
        }
        // Pragmas outside any transaction, before migrations (journal_mode cannot change inside one).
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        // FULL: a commit reported as saved is on the disk, also after a power cut (NORMAL in WAL
        // mode may lose the last commits then).
        conn.pragma_update(None, "synchronous", "FULL")?;
        // 16 MB of page cache: an import of 10,000 people stays in memory until the commit
        // instead of spilling pages to the WAL half-way.
        conn.pragma_update(None, "cache_size", -16_000)?;
        // Room for every statement the handles prepare (the default 16 would evict and
        // re-prepare them in turn during a bulk write).
        conn.set_prepared_statement_cache_capacity(64);
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        // Removed content is overwritten with zeros, so an anonymised person's data does not
        // linger in free pages of the file (DSGVO Art. 17).
        conn.pragma_update(None, "secure_delete", "ON")?;
        if backup_first && found > 0 && found < supported && !crate::backup::is_memory_path(&path) {
            // The upgrade cannot be undone: keep the file as it was first.
            crate::backup::before_migration(&conn, &path, found)?;
        }
        schema::migrations().to_latest(&mut conn)?;
        Ok(Store {
            conn,
            path,
            last_index_time: std::time::Duration::ZERO,
            writes: 0,
        })
    }

    /// Path of the database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Read access: the table handles' reads.
    pub fn read(&self) -> Reader<'_> {
        Reader { conn: &self.conn }
    }

    /// Runs `f` in one immediate transaction: all of it is written, or nothing. The writer stamps
    /// and audits every change with `stamp` and brings the search index up to date before the
    /// commit.
    pub fn write<T>(
        &mut self,
        stamp: &Stamp,
        f: impl FnOnce(&mut Writer<'_>) -> Result<T>,
    ) -> Result<T> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut writer = Writer {
            tx,
            at: iso_time(stamp.at),
            stamp: stamp.clone(),
            origin: Origin::User,
            stale: BTreeSet::new(),
            created: HashSet::new(),
            merge_window: None,
        };
        let value = f(&mut writer)?;
        self.last_index_time = writer.commit()?;
        self.writes += 1;
        Ok(value)
    }

    /// How the search index differs from one rebuilt from the tables: an empty list when it is
    /// in step. The rebuild happens in a transaction that is rolled back, so nothing changes.
    pub fn search_index_drift(&mut self) -> Result<Vec<String>> {
        let tx = self.conn.transaction()?;
        let before = search::entries(&tx)?;
        search::rebuild(&tx)?;
        let after = search::entries(&tx)?;
        tx.rollback()?;
        let mut drift = Vec::new();
        let (mut old, mut new) = (before.iter().peekable(), after.iter().peekable());
        while old.peek().is_some() || new.peek().is_some() {
            let (o, n) = (old.peek().copied(), new.peek().copied());
            match (o, n) {
                (Some(o), Some(n)) if o.0 == n.0 => {
                    if o != n {
                        drift.push(format!("{} {}: „{}“ statt „{}“", o.1, o.2, o.3, n.3));
                    }
                    old.next();
                    new.next();
                }
                (Some(o), n) if n.is_none_or(|n| o.0 < n.0) => {
                    drift.push(format!("{} {}: Eintrag zu viel", o.1, o.2));
                    old.next();
                }
                (_, n) => {
                    if let Some(n) = n {
                        drift.push(format!("{} {}: Eintrag fehlt", n.1, n.2));
                    }
                    new.next();
                }
            }
        }
        Ok(drift)
    }

    /// The store's current [`Generation`].
    pub fn generation(&self) -> Result<Generation> {
        Ok(Generation {
            path: self.path.clone(),
            own: self.writes,
            data_version: self
                .conn
                .pragma_query_value(None, "data_version", |r| r.get(0))?,
        })
    }

    /// How long the last committed write spent bringing the search index up to date (for the
    /// benchmarks' phase times).
    pub fn last_index_time(&self) -> std::time::Duration {
        self.last_index_time
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
        self.read().setting(key)
    }
}

/// Reads over the store or inside a writer's transaction: the table handles' read side.
#[derive(Clone, Copy)]
pub struct Reader<'a> {
    conn: &'a Connection,
}

impl<'a> Reader<'a> {
    /// People.
    pub fn people(self) -> people::People<'a> {
        people::People(self.conn)
    }

    /// Organisations.
    pub fn organisations(self) -> organisations::Organisations<'a> {
        organisations::Organisations(self.conn)
    }

    /// Mandates.
    pub fn mandates(self) -> mandates::Mandates<'a> {
        mandates::Mandates(self.conn)
    }

    /// Sessions.
    pub fn sessions(self) -> sessions::Sessions<'a> {
        sessions::Sessions(self.conn)
    }

    /// Minutes and action items.
    pub fn minutes(self) -> minutes::Minutes<'a> {
        minutes::Minutes(self.conn)
    }

    /// Sessions with agenda, attendance and minutes, and the content the documents print.
    pub fn documents(self) -> documents::Documents<'a> {
        documents::Documents(self.conn)
    }

    /// The audit log.
    pub fn audit(self) -> audit::Log<'a> {
        audit::Log(self.conn)
    }

    /// Topics, practice examples and recommendations.
    pub fn content(self) -> content::Content<'a> {
        content::Content { conn: self.conn }
    }

    /// The overview's queries.
    pub fn overview(self) -> overview::OverviewData<'a> {
        overview::OverviewData { conn: self.conn }
    }

    /// Data protection: reports, anonymisation, retention and the audit log screen.
    pub fn privacy(self) -> privacy::Privacy<'a> {
        privacy::Privacy(self.conn)
    }

    /// Full-text search.
    pub fn search(self) -> search::Search<'a> {
        search::Search { conn: self.conn }
    }

    /// A setting's value.
    pub fn setting(self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()?)
    }

    /// The logo the user chose for the letterhead, if any.
    pub fn logo(self) -> Result<Option<crate::model::settings::LogoFile>> {
        documents::logo(self.conn)
    }
}

/// Where a write comes from; the audit log records creations and changes from an import or the
/// demo loader under that action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// A form, a dialog or a CLI command.
    User,
    /// An import from a file.
    Import,
    /// The demo data set.
    Demo,
}

/// A record whose search entry is rewritten when the writer commits: its kind in the index.
pub(crate) use crate::model::search::SearchKind as Indexed;

/// One transaction's writes. Handed out by [`Store::write`]; its table handles record the audit
/// entries and keep the search index in step.
pub struct Writer<'a> {
    tx: Transaction<'a>,
    stamp: Stamp,
    /// The stamp's time as stored, formatted once.
    at: String,
    origin: Origin,
    stale: BTreeSet<(Indexed, i64)>,
    /// Records created in this transaction: their search entry is new, nothing to replace.
    created: HashSet<(Indexed, i64)>,
    merge_window: Option<chrono::Duration>,
}

impl<'a> Writer<'a> {
    /// Who writes, and when.
    pub fn stamp(&self) -> &Stamp {
        &self.stamp
    }

    /// Reads inside this transaction (they see its own writes).
    pub fn read(&self) -> Reader<'_> {
        Reader { conn: &self.tx }
    }

    /// Records the following creations and changes as coming from an import or the demo data.
    pub fn set_origin(&mut self, origin: Origin) {
        self.origin = origin;
    }

    /// Merges the audit entries of an editing burst: a change of a record by the same user
    /// within `window` of that record's last change extends the last entry (its end time and
    /// field names) instead of adding one. For autosave, which writes every few seconds.
    pub fn merge_edits_within(&mut self, window: chrono::Duration) {
        self.merge_window = Some(window);
    }

    /// People.
    pub fn people(&mut self) -> people::PeopleMut<'_, 'a> {
        people::PeopleMut { w: self }
    }

    /// Organisations.
    pub fn organisations(&mut self) -> organisations::OrganisationsMut<'_, 'a> {
        organisations::OrganisationsMut { w: self }
    }

    /// Mandates.
    pub fn mandates(&mut self) -> mandates::MandatesMut<'_, 'a> {
        mandates::MandatesMut { w: self }
    }

    /// Sessions, agenda items, attendance, minutes and action items.
    pub fn sessions(&mut self) -> sessions::SessionsMut<'_, 'a> {
        sessions::SessionsMut { w: self }
    }

    /// Minutes and action items.
    pub fn minutes(&mut self) -> minutes::MinutesMut<'_, 'a> {
        minutes::MinutesMut { w: self }
    }

    /// Topics, practice examples and recommendations.
    pub fn content(&mut self) -> content::ContentMut<'_, 'a> {
        content::ContentMut { w: self }
    }

    /// Data protection: anonymisation.
    pub fn privacy(&mut self) -> privacy::PrivacyMut<'_, 'a> {
        privacy::PrivacyMut { w: self }
    }

    /// Stores a setting.
    pub fn set_setting(&mut self, key: &str, value: &str) -> Result<()> {
        self.tx.execute(
            "INSERT INTO settings (key, value) VALUES (?1, ?2)
             ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [key, value],
        )?;
        self.audit(Entity::Settings, None, Action::Update, &[key])
    }

    /// Stores several settings at once (`None` removes one) and records one audit entry with the
    /// keys whose value changed; an unchanged save leaves no trace.
    pub fn set_settings(&mut self, rows: &[(&str, Option<&str>)]) -> Result<()> {
        let mut changed = Vec::new();
        for (key, value) in rows {
            let old = self.read().setting(key)?;
            if old.as_deref() == *value {
                continue;
            }
            match value {
                Some(value) => self.tx.execute(
                    "INSERT INTO settings (key, value) VALUES (?1, ?2)
                     ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    [key, value],
                )?,
                None => self
                    .tx
                    .execute("DELETE FROM settings WHERE key = ?1", [key])?,
            };
            changed.push(*key);
        }
        self.audit(Entity::Settings, None, Action::Update, &changed)
    }

    /// Stores the letterhead's logo, replacing the one before.
    pub fn set_logo(&mut self, logo: &crate::model::settings::LogoFile) -> Result<()> {
        self.tx.execute(
            "INSERT INTO logo (id, media_type, width, height, content, updated_at, updated_by)
             VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT(id) DO UPDATE SET media_type = excluded.media_type,
                width = excluded.width, height = excluded.height, content = excluded.content,
                updated_at = excluded.updated_at, updated_by = excluded.updated_by",
            rusqlite::params![
                logo.format.media_type(),
                logo.width,
                logo.height,
                logo.bytes,
                self.at,
                self.stamp.user
            ],
        )?;
        self.audit(Entity::Settings, None, Action::Update, &["logo"])
    }

    /// Removes the chosen logo: the letterhead shows the default logo again. Without a chosen
    /// logo nothing changes.
    pub fn remove_logo(&mut self) -> Result<()> {
        if self.tx.execute("DELETE FROM logo WHERE id = 1", [])? > 0 {
            self.audit(Entity::Settings, None, Action::Update, &["logo"])?;
        }
        Ok(())
    }

    /// Rebuilds the whole search index from the tables (after a restore, or to check it).
    pub fn rebuild_search_index(&mut self) -> Result<()> {
        self.stale.clear();
        search::rebuild(&self.tx)
    }

    /// Records that the store was backed up (the copy itself is made outside the transaction).
    pub fn record_backup(&mut self) -> Result<()> {
        self.audit(Entity::Store, None, Action::Backup, &[])
    }

    /// Records that the store was restored from a backup.
    pub fn record_restore(&mut self) -> Result<()> {
        self.audit(Entity::Store, None, Action::Restore, &[])
    }

    pub(crate) fn conn(&self) -> &Connection {
        &self.tx
    }

    /// Sets one column of row `id` of `table` with the change stamp and audits it under `action`
    /// with the column's name; `NotFound` names `entity` when there is no such row. `table` and
    /// `column` are always the handles' own constants, never input.
    pub(crate) fn set_column(
        &mut self,
        (table, column): (&'static str, &'static str),
        (entity, not_found): (Entity, &'static str),
        id: i64,
        value: &dyn rusqlite::ToSql,
        action: Action,
    ) -> Result<()> {
        let changed = self.tx.execute(
            &format!(
                "UPDATE {table} SET {column} = ?2, updated_at = ?3, updated_by = ?4 WHERE id = ?1"
            ),
            rusqlite::params![id, value, self.at, self.stamp.user],
        )?;
        if changed == 0 {
            return Err(Error::NotFound {
                entity: not_found,
                id,
            });
        }
        self.audit(entity, Some(id), action, &[column])
    }

    /// Deletes the row `id` of `table` and audits it; `NotFound` names `entity` when there is
    /// none. `table` is always one of the handles' own constants, never input.
    pub(crate) fn delete_row(
        &mut self,
        table: &'static str,
        entity: Entity,
        not_found: &'static str,
        id: i64,
    ) -> Result<()> {
        let changed = self
            .tx
            .execute(&format!("DELETE FROM {table} WHERE id = ?1"), [id])?;
        if changed == 0 {
            return Err(Error::NotFound {
                entity: not_found,
                id,
            });
        }
        self.audit(entity, Some(id), Action::Delete, &[])
    }

    pub(crate) fn at(&self) -> String {
        self.at.clone()
    }

    pub(crate) fn user(&self) -> &str {
        &self.stamp.user
    }

    /// Appends (or, within a merge window, extends) the audit entry of a change. Creations and
    /// changes are recorded as `import` or `demo` when the writer's origin says so.
    pub(crate) fn audit(
        &mut self,
        entity: Entity,
        id: Option<i64>,
        action: Action,
        fields: &[&str],
    ) -> Result<()> {
        if action == Action::Update && fields.is_empty() {
            // A save without a change leaves no trace in the log.
            return Ok(());
        }
        let action = match (self.origin, action) {
            (Origin::Import, Action::Create | Action::Update) => Action::Import,
            (Origin::Demo, Action::Create | Action::Update) => Action::Demo,
            (_, action) => action,
        };
        let merge = self
            .merge_window
            .filter(|_| action == Action::Update)
            .and_then(|window| self.stamp.at.checked_sub_signed(window));
        audit::record(
            &self.tx,
            (&self.stamp.user, &self.at),
            (entity, id),
            (action, fields),
            merge,
        )
    }

    pub(crate) fn mark_stale(&mut self, kind: Indexed, id: i64) {
        self.stale.insert((kind, id));
    }

    pub(crate) fn mark_created(&mut self, kind: Indexed, id: i64) {
        self.created.insert((kind, id));
        self.stale.insert((kind, id));
    }

    /// Rewrites the search entries of everything marked, once each, then commits. Returns the
    /// time the index took.
    fn commit(mut self) -> Result<std::time::Duration> {
        let started = std::time::Instant::now();
        let organisations: Vec<i64> = self
            .stale
            .iter()
            .filter(|(kind, _)| *kind == Indexed::Organisation)
            .map(|(_, id)| *id)
            .collect();
        for id in organisations {
            // The people who represent it carry its name in their entry.
            for person_id in organisations::representatives(&self.tx, id)? {
                self.stale.insert((Indexed::Person, person_id));
            }
        }
        for (kind, id) in std::mem::take(&mut self.stale) {
            search::reindex(&self.tx, kind, id, self.created.contains(&(kind, id)))?;
        }
        let index_time = started.elapsed();
        self.tx.commit()?;
        Ok(index_time)
    }
}

/// The one row `sql` finds for `id` (its only parameter), read by `read`; `NotFound` names
/// `entity` when there is none.
pub(crate) fn by_id<T>(
    conn: &Connection,
    sql: &str,
    id: i64,
    entity: &'static str,
    read: impl FnOnce(&Row<'_>) -> rusqlite::Result<T>,
) -> Result<T> {
    conn.prepare_cached(sql)?
        .query_row([id], read)
        .optional()?
        .ok_or(Error::NotFound { entity, id })
}

/// A stored day (a `DATE` column, e.g. a mandate's start): the store's own form through
/// [`date::iso_day`](crate::model::date::iso_day), anything else through rusqlite's conversion,
/// which also names what is wrong with it. `T` is the day or an optional day.
pub(crate) fn day<T: rusqlite::types::FromSql + From<chrono::NaiveDate>>(
    row: &Row<'_>,
    index: usize,
) -> rusqlite::Result<T> {
    if let Ok(ValueRef::Text(text)) = row.get_ref(index) {
        if let Some(day) = crate::model::date::iso_day(text) {
            return Ok(T::from(day));
        }
    }
    row.get(index)
}

/// Runs a row reader; a value that fails to decode becomes an error naming the table, the row
/// (the first column must be the id) and the stored value.
pub(crate) fn decode<T>(
    table: &'static str,
    row: &Row<'_>,
    read: impl FnOnce(&Row<'_>) -> rusqlite::Result<T>,
) -> rusqlite::Result<T> {
    read(row).map_err(|error| match error {
        rusqlite::Error::InvalidColumnType(index, _, kind) => {
            let bad = BadStoredValue {
                table,
                row: row.get::<_, i64>(0).unwrap_or(-1),
                column: row
                    .as_ref()
                    .column_name(index)
                    .map(str::to_owned)
                    .unwrap_or_default(),
                what: format!("falscher Datentyp ({kind})"),
                value: stored_text(row, index),
            };
            rusqlite::Error::FromSqlConversionFailure(index, kind, Box::new(bad))
        }
        rusqlite::Error::FromSqlConversionFailure(index, kind, cause) => {
            let value = stored_text(row, index);
            let what = cause.downcast_ref::<UnknownValue>().map_or_else(
                || format!("erwartet: Datum ({cause})"),
                |u| u.what.to_owned(),
            );
            let bad = BadStoredValue {
                table,
                row: row.get::<_, i64>(0).unwrap_or(-1),
                column: row
                    .as_ref()
                    .column_name(index)
                    .map(str::to_owned)
                    .unwrap_or_default(),
                what,
                value,
            };
            rusqlite::Error::FromSqlConversionFailure(index, kind, Box::new(bad))
        }
        other => other,
    })
}

/// The stored value of a column as text, for an error message.
fn stored_text(row: &Row<'_>, index: usize) -> String {
    match row.get_ref(index) {
        Ok(ValueRef::Text(text)) => String::from_utf8_lossy(text).into_owned(),
        Ok(ValueRef::Integer(n)) => n.to_string(),
        Ok(ValueRef::Real(x)) => x.to_string(),
        Ok(ValueRef::Null) => "NULL".to_owned(),
        Ok(ValueRef::Blob(bytes)) => format!("{} Bytes", bytes.len()),
        Err(_) => String::new(),
    }
}

/// ISO text of a timestamp, as stored.
pub(crate) fn iso_time(at: NaiveDateTime) -> String {
    at.format("%Y-%m-%dT%H:%M:%S").to_string()
}

/// A stored timestamp, `None` when it is not one.
pub(crate) fn parse_time(text: &str) -> Option<NaiveDateTime> {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S").ok()
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
    fn open_existing_creates_nothing() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("none/zirkel.sqlite3");
        assert!(matches!(
            Store::open_existing(&path),
            Err(Error::NoStore { .. })
        ));
        assert!(!path.exists(), "a read must not create a store");
        assert!(!dir.path().join("none").exists(), "nor its folder");
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

    #[test]
    fn an_unknown_stored_role_fails_the_read_naming_table_row_and_value() {
        let store = Store::open_in_memory().expect("open");
        store
            .conn
            .execute_batch(
                "INSERT INTO people (id, first_name, last_name, created_at, created_by, updated_at, updated_by)
                   VALUES (1, 'Anna', 'Schmidt', 't', 'u', 't', 'u');
                 INSERT INTO organisations (id, name, kind, created_at, created_by, updated_at, updated_by)
                   VALUES (1, 'Stadt Jena', 'city', 't', 'u', 't', 'u');
                 PRAGMA ignore_check_constraints = ON;
                 INSERT INTO mandates (id, person_id, organisation_id, role, start_date, created_at, created_by, updated_at, updated_by)
                   VALUES (7, 1, 1, 'chair', '2024-01-01', 't', 'u', 't', 'u');
                 PRAGMA ignore_check_constraints = OFF;",
            )
            .expect("raw rows");
        match store.read().mandates().get(7) {
            Err(Error::Corrupt {
                table,
                row,
                column,
                value,
                ..
            }) => {
                assert_eq!(
                    (table, row, column.as_str(), value.as_str()),
                    ("mandates", 7, "role", "chair")
                );
            }
            other => panic!("an unknown role must fail the read, got {other:?}"),
        }
        let message = store
            .read()
            .mandates()
            .get(7)
            .expect_err("again")
            .user_message();
        assert!(
            message.contains("mandates") && message.contains("chair"),
            "{message}"
        );
        store
            .conn
            .execute(
                "UPDATE mandates SET role = 'deputy', start_date = '2024-13-45' WHERE id = 7",
                [],
            )
            .expect("bad date");
        match store.read().mandates().get(7) {
            Err(Error::Corrupt { column, value, .. }) => {
                assert_eq!(
                    (column.as_str(), value.as_str()),
                    ("start_date", "2024-13-45"),
                    "a bad date is no 1970-01-01"
                );
            }
            other => panic!("a bad date must fail the read, got {other:?}"),
        }
    }
}
