//! Rows of `people`.

use rusqlite::{params, Connection, OptionalExtension, Row};

use super::{date_column, iso, iso_time, search};
use crate::error::{Error, Result};
use crate::model::person::PersonFields;
use crate::model::{History, Person, Salutation, Stamp};

const COLUMNS: &str = "id, salutation, title, first_name, name_particle, last_name, function,
    email, phone, mobile, street, postal_code, city, consent_shared_lists, consent_date, notes,
    active, created_at, created_by, updated_at, updated_by";

fn from_row(row: &Row<'_>) -> rusqlite::Result<Person> {
    let salutation: String = row.get(1)?;
    Ok(Person {
        id: row.get(0)?,
        salutation: Salutation::parse(&salutation).unwrap_or_default(),
        title: row.get(2)?,
        first_name: row.get(3)?,
        name_particle: row.get(4)?,
        last_name: row.get(5)?,
        function: row.get(6)?,
        email: row.get(7)?,
        phone: row.get(8)?,
        mobile: row.get(9)?,
        street: row.get(10)?,
        postal_code: row.get(11)?,
        city: row.get(12)?,
        consent_shared_lists: row.get(13)?,
        consent_date: date_column(row.get(14)?),
        notes: row.get(15)?,
        active: row.get(16)?,
        history: History {
            created_at: row.get(17)?,
            created_by: row.get(18)?,
            updated_at: row.get(19)?,
            updated_by: row.get(20)?,
        },
    })
}

/// Inserts a person (active) and indexes them.
pub fn insert(conn: &Connection, stamp: &Stamp, fields: &PersonFields) -> Result<i64> {
    let id = insert_unindexed(conn, stamp, fields)?;
    reindex(conn, id)?;
    Ok(id)
}

/// Inserts a person (active) without a search entry: for bulk writes that index each person once,
/// after their mandates are written. Call [`reindex`] afterwards.
pub fn insert_unindexed(conn: &Connection, stamp: &Stamp, fields: &PersonFields) -> Result<i64> {
    let at = iso_time(stamp.at);
    conn.prepare_cached(
        "INSERT INTO people (salutation, title, first_name, name_particle, last_name, function,
            email, phone, mobile, street, postal_code, city, consent_shared_lists, consent_date,
            notes, active, created_at, created_by, updated_at, updated_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, 1, ?16, ?17, ?16, ?17)",
    )?
    .execute(params![
            fields.salutation.as_str(),
            fields.title,
            fields.first_name,
            fields.name_particle,
            fields.last_name,
            fields.function,
            fields.email,
            fields.phone,
            fields.mobile,
            fields.street,
            fields.postal_code,
            fields.city,
            fields.consent_shared_lists,
            fields.consent_date.map(iso),
            fields.notes,
            at,
            stamp.user,
        ])?;
    Ok(conn.last_insert_rowid())
}

/// Overwrites a person's fields (not `active`).
pub fn update(conn: &Connection, stamp: &Stamp, id: i64, fields: &PersonFields) -> Result<()> {
    let changed = conn.execute(
        "UPDATE people SET salutation = ?2, title = ?3, first_name = ?4, name_particle = ?5,
            last_name = ?6, function = ?7, email = ?8, phone = ?9, mobile = ?10, street = ?11,
            postal_code = ?12, city = ?13, consent_shared_lists = ?14, consent_date = ?15,
            notes = ?16, updated_at = ?17, updated_by = ?18
         WHERE id = ?1",
        params![
            id,
            fields.salutation.as_str(),
            fields.title,
            fields.first_name,
            fields.name_particle,
            fields.last_name,
            fields.function,
            fields.email,
            fields.phone,
            fields.mobile,
            fields.street,
            fields.postal_code,
            fields.city,
            fields.consent_shared_lists,
            fields.consent_date.map(iso),
            fields.notes,
            iso_time(stamp.at),
            stamp.user,
        ],
    )?;
    if changed == 0 {
        return Err(Error::NotFound {
            entity: "person",
            id,
        });
    }
    reindex(conn, id)
}

/// Marks a person active or inactive.
pub fn set_active(conn: &Connection, stamp: &Stamp, id: i64, active: bool) -> Result<()> {
    let changed = conn.execute(
        "UPDATE people SET active = ?2, updated_at = ?3, updated_by = ?4 WHERE id = ?1",
        params![id, active, iso_time(stamp.at), stamp.user],
    )?;
    if changed == 0 {
        return Err(Error::NotFound {
            entity: "person",
            id,
        });
    }
    Ok(())
}

/// One person.
pub fn get(conn: &Connection, id: i64) -> Result<Person> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM people WHERE id = ?1"),
        [id],
        from_row,
    )
    .optional()?
    .ok_or(Error::NotFound {
        entity: "person",
        id,
    })
}

/// All people, unsorted.
pub fn all(conn: &Connection) -> Result<Vec<Person>> {
    let mut stmt = conn.prepare(&format!("SELECT {COLUMNS} FROM people"))?;
    let rows = stmt.query_map([], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// What refers to the person, as German phrases ("2 Mandate", "5 Teilnahmen").
pub fn history(conn: &Connection, id: i64) -> Result<Vec<String>> {
    let checks = [
        (
            "SELECT count(*) FROM mandates WHERE person_id = ?1",
            "Mandat",
            "Mandate",
        ),
        (
            "SELECT count(*) FROM attendance WHERE person_id = ?1 OR represented_by = ?1",
            "Sitzungsteilnahme",
            "Sitzungsteilnahmen",
        ),
        (
            "SELECT count(*) FROM agenda_item_speakers WHERE person_id = ?1",
            "Vortrag",
            "Vorträge",
        ),
        (
            "SELECT count(*) FROM action_items WHERE assignee_id = ?1",
            "Aufgabe",
            "Aufgaben",
        ),
        (
            "SELECT count(*) FROM minutes WHERE recorder_id = ?1",
            "Protokoll",
            "Protokolle",
        ),
        (
            "SELECT count(*) FROM practice_examples WHERE contact_person_id = ?1",
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

/// Deletes a person without history.
pub fn delete(conn: &Connection, id: i64) -> Result<()> {
    let changed = conn.execute("DELETE FROM people WHERE id = ?1", [id])?;
    if changed == 0 {
        return Err(Error::NotFound {
            entity: "person",
            id,
        });
    }
    search::remove(conn, "person", id)
}

/// Rewrites the person's search entry: name, function, e-mail and the organisations they represent.
pub fn reindex(conn: &Connection, id: i64) -> Result<()> {
    let person = get(conn, id)?;
    let mut stmt = conn.prepare(
        "SELECT DISTINCT o.name FROM mandates m JOIN organisations o ON o.id = m.organisation_id
         WHERE m.person_id = ?1",
    )?;
    let organisations = stmt
        .query_map([id], |r| r.get::<_, String>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let body = [person.function.clone(), person.email.clone()]
        .into_iter()
        .flatten()
        .chain(organisations)
        .collect::<Vec<_>>()
        .join(" ");
    search::put(conn, "person", id, &person.full_name(), &body)
}
