//! Rows of `mandates`.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row};

use super::{date_column, iso};
use crate::error::{Error, Result};
use crate::model::mandate::MandateFields;
use crate::model::{Mandate, Role};

const COLUMNS: &str = "id, person_id, organisation_id, role, start_date, end_date, notes";

fn from_row(row: &Row<'_>) -> rusqlite::Result<Mandate> {
    let role: String = row.get(3)?;
    let start: String = row.get(4)?;
    Ok(Mandate {
        id: row.get(0)?,
        person_id: row.get(1)?,
        organisation_id: row.get(2)?,
        role: Role::parse(&role).unwrap_or(Role::Guest),
        start_date: date_column(Some(start)).unwrap_or_default(),
        end_date: date_column(row.get(5)?),
        notes: row.get(6)?,
    })
}

/// Inserts a mandate.
pub fn insert(conn: &Connection, fields: &MandateFields) -> Result<i64> {
    conn.execute(
        "INSERT INTO mandates (person_id, organisation_id, role, start_date, end_date, notes)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            fields.person_id,
            fields.organisation_id,
            fields.role.as_str(),
            iso(fields.start_date),
            fields.end_date.map(iso),
            fields.notes,
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

/// Overwrites a mandate.
pub fn update(conn: &Connection, id: i64, fields: &MandateFields) -> Result<()> {
    let changed = conn.execute(
        "UPDATE mandates SET person_id = ?2, organisation_id = ?3, role = ?4, start_date = ?5,
            end_date = ?6, notes = ?7 WHERE id = ?1",
        params![
            id,
            fields.person_id,
            fields.organisation_id,
            fields.role.as_str(),
            iso(fields.start_date),
            fields.end_date.map(iso),
            fields.notes,
        ],
    )?;
    if changed == 0 {
        return Err(Error::NotFound {
            entity: "mandate",
            id,
        });
    }
    Ok(())
}

/// Sets the last day of a mandate.
pub fn set_end(conn: &Connection, id: i64, end: NaiveDate) -> Result<()> {
    conn.execute(
        "UPDATE mandates SET end_date = ?2 WHERE id = ?1",
        params![id, iso(end)],
    )?;
    Ok(())
}

/// Deletes a mandate.
pub fn delete(conn: &Connection, id: i64) -> Result<()> {
    let changed = conn.execute("DELETE FROM mandates WHERE id = ?1", [id])?;
    if changed == 0 {
        return Err(Error::NotFound {
            entity: "mandate",
            id,
        });
    }
    Ok(())
}

/// One mandate.
pub fn get(conn: &Connection, id: i64) -> Result<Mandate> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM mandates WHERE id = ?1"),
        [id],
        from_row,
    )
    .optional()?
    .ok_or(Error::NotFound {
        entity: "mandate",
        id,
    })
}

/// Mandates of one person.
pub fn for_person(conn: &Connection, person_id: i64) -> Result<Vec<Mandate>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM mandates WHERE person_id = ?1"
    ))?;
    let rows = stmt.query_map([person_id], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Mandates for one organisation.
pub fn for_organisation(conn: &Connection, organisation_id: i64) -> Result<Vec<Mandate>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM mandates WHERE organisation_id = ?1"
    ))?;
    let rows = stmt.query_map([organisation_id], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// All mandates.
pub fn all(conn: &Connection) -> Result<Vec<Mandate>> {
    let mut stmt = conn.prepare(&format!("SELECT {COLUMNS} FROM mandates"))?;
    let rows = stmt.query_map([], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
