//! Rows of `organisations`.

use rusqlite::{params, Connection, OptionalExtension, Row};

use super::{date_column, iso, iso_time, search};
use crate::error::{Error, Result};
use crate::model::organisation::OrganisationFields;
use crate::model::{History, Organisation, OrganisationKind, Stamp};

const COLUMNS: &str = "id, name, kind, state, street, postal_code, city, website, member_since,
    member_until, notes, created_at, created_by, updated_at, updated_by";

fn from_row(row: &Row<'_>) -> rusqlite::Result<Organisation> {
    let kind: String = row.get(2)?;
    Ok(Organisation {
        id: row.get(0)?,
        name: row.get(1)?,
        kind: OrganisationKind::parse(&kind).unwrap_or(OrganisationKind::Other),
        state: row.get(3)?,
        street: row.get(4)?,
        postal_code: row.get(5)?,
        city: row.get(6)?,
        website: row.get(7)?,
        member_since: date_column(row.get(8)?),
        member_until: date_column(row.get(9)?),
        notes: row.get(10)?,
        history: History {
            created_at: row.get(11)?,
            created_by: row.get(12)?,
            updated_at: row.get(13)?,
            updated_by: row.get(14)?,
        },
    })
}

/// Inserts a new organisation and indexes it.
pub fn insert(conn: &Connection, stamp: &Stamp, fields: &OrganisationFields) -> Result<i64> {
    let at = iso_time(stamp.at);
    conn.execute(
        "INSERT INTO organisations (name, kind, state, street, postal_code, city, website,
            member_since, member_until, notes, created_at, created_by, updated_at, updated_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?11, ?12)",
        params![
            fields.name,
            fields.kind.as_str(),
            fields.state,
            fields.street,
            fields.postal_code,
            fields.city,
            fields.website,
            fields.member_since.map(iso),
            fields.member_until.map(iso),
            fields.notes,
            at,
            stamp.user,
        ],
    )?;
    let id = conn.last_insert_rowid();
    reindex(conn, id)?;
    Ok(id)
}

/// Overwrites an organisation's fields.
pub fn update(
    conn: &Connection,
    stamp: &Stamp,
    id: i64,
    fields: &OrganisationFields,
) -> Result<()> {
    let changed = conn.execute(
        "UPDATE organisations SET name = ?2, kind = ?3, state = ?4, street = ?5, postal_code = ?6,
            city = ?7, website = ?8, member_since = ?9, member_until = ?10, notes = ?11,
            updated_at = ?12, updated_by = ?13
         WHERE id = ?1",
        params![
            id,
            fields.name,
            fields.kind.as_str(),
            fields.state,
            fields.street,
            fields.postal_code,
            fields.city,
            fields.website,
            fields.member_since.map(iso),
            fields.member_until.map(iso),
            fields.notes,
            iso_time(stamp.at),
            stamp.user,
        ],
    )?;
    if changed == 0 {
        return Err(Error::NotFound {
            entity: "organisation",
            id,
        });
    }
    reindex(conn, id)
}

/// Sets "member until" and the change stamp.
pub fn set_member_until(
    conn: &Connection,
    stamp: &Stamp,
    id: i64,
    until: chrono::NaiveDate,
) -> Result<()> {
    conn.execute(
        "UPDATE organisations SET member_until = ?2, updated_at = ?3, updated_by = ?4 WHERE id = ?1",
        params![id, iso(until), iso_time(stamp.at), stamp.user],
    )?;
    Ok(())
}

/// One organisation.
pub fn get(conn: &Connection, id: i64) -> Result<Organisation> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM organisations WHERE id = ?1"),
        [id],
        from_row,
    )
    .optional()?
    .ok_or(Error::NotFound {
        entity: "organisation",
        id,
    })
}

/// True when the organisation exists.
pub fn exists(conn: &Connection, id: i64) -> Result<bool> {
    Ok(conn
        .query_row(
            "SELECT 1 FROM organisations WHERE id = ?1",
            [id],
            |_| Ok(()),
        )
        .optional()?
        .is_some())
}

/// All organisations, unsorted.
pub fn all(conn: &Connection) -> Result<Vec<Organisation>> {
    let mut stmt = conn.prepare(&format!("SELECT {COLUMNS} FROM organisations"))?;
    let rows = stmt.query_map([], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// What refers to the organisation, as German phrases ("3 Mandate", "1 Sitzung").
pub fn dependants(conn: &Connection, id: i64) -> Result<Vec<String>> {
    let checks = [
        (
            "SELECT count(*) FROM mandates WHERE organisation_id = ?1",
            "Mandat",
            "Mandate",
        ),
        (
            "SELECT count(*) FROM sessions WHERE host_organisation_id = ?1",
            "ausgerichtete Sitzung",
            "ausgerichtete Sitzungen",
        ),
        (
            "SELECT count(*) FROM attendance WHERE organisation_id = ?1",
            "Teilnahme",
            "Teilnahmen",
        ),
        (
            "SELECT count(*) FROM practice_examples WHERE organisation_id = ?1",
            "Praxisbeispiel",
            "Praxisbeispiele",
        ),
    ];
    let mut found = Vec::new();
    for (sql, one, many) in checks {
        let n: i64 = conn.query_row(sql, [id], |r| r.get(0))?;
        if n > 0 {
            found.push(format!("{n} {}", if n == 1 { one } else { many }));
        }
    }
    Ok(found)
}

/// Deletes an organisation that nothing refers to.
pub fn delete(conn: &Connection, id: i64) -> Result<()> {
    let changed = conn.execute("DELETE FROM organisations WHERE id = ?1", [id])?;
    if changed == 0 {
        return Err(Error::NotFound {
            entity: "organisation",
            id,
        });
    }
    search::remove(conn, "organisation", id)
}

/// Rewrites the search entry of the organisation and of everybody who represents it (their entry
/// contains the organisation's name).
pub fn reindex(conn: &Connection, id: i64) -> Result<()> {
    let org = get(conn, id)?;
    let body = [
        org.city.as_deref(),
        org.state.as_deref(),
        Some(org.kind.label()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    search::put(conn, "organisation", id, &org.name, &body)?;
    let mut stmt =
        conn.prepare("SELECT DISTINCT person_id FROM mandates WHERE organisation_id = ?1")?;
    let people = stmt
        .query_map([id], |r| r.get::<_, i64>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    for person_id in people {
        super::people::reindex(conn, person_id)?;
    }
    Ok(())
}
