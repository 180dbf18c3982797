//! The audit log: who changed what, when. Written in the same transaction as the change.

use rusqlite::{params, Connection};

use super::iso_time;
use crate::error::Result;
use crate::model::Stamp;

/// What kind of change an audit entry records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Created.
    Create,
    /// Changed.
    Update,
    /// Deleted.
    Delete,
    /// Deactivated (kept for history).
    Deactivate,
    /// Reactivated.
    Reactivate,
    /// Loaded as demo data.
    Demo,
    /// Created or changed by an import from a file.
    Import,
}

impl Action {
    fn as_str(self) -> &'static str {
        match self {
            Action::Create => "create",
            Action::Update => "update",
            Action::Delete => "delete",
            Action::Deactivate => "deactivate",
            Action::Reactivate => "reactivate",
            Action::Demo => "demo",
            Action::Import => "import",
        }
    }
}

/// Appends one entry.
pub fn record(
    conn: &Connection,
    stamp: &Stamp,
    entity: &str,
    entity_id: Option<i64>,
    action: Action,
    summary: &str,
) -> Result<()> {
    conn.execute(
        "INSERT INTO audit_log (at, user, entity, entity_id, action, summary)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            iso_time(stamp.at),
            stamp.user,
            entity,
            entity_id,
            action.as_str(),
            summary
        ],
    )?;
    Ok(())
}

/// One audit entry, for tests and the later history screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// OS user.
    pub user: String,
    /// Entity name.
    pub entity: String,
    /// Entity id.
    pub entity_id: Option<i64>,
    /// Action name.
    pub action: String,
    /// German summary.
    pub summary: String,
}

/// Entries for one record, oldest first.
pub fn for_entity(conn: &Connection, entity: &str, entity_id: i64) -> Result<Vec<Entry>> {
    let mut stmt = conn.prepare(
        "SELECT user, entity, entity_id, action, summary FROM audit_log
         WHERE entity = ?1 AND entity_id = ?2 ORDER BY id",
    )?;
    let rows = stmt.query_map(params![entity, entity_id], |r| {
        Ok(Entry {
            user: r.get(0)?,
            entity: r.get(1)?,
            entity_id: r.get(2)?,
            action: r.get(3)?,
            summary: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
