//! Rows of `people`: reads ([`People`]) and audited writes ([`PeopleMut`]).

use rusqlite::{params, Connection, OptionalExtension, Row};

use super::audit::{changed_fields, set_fields, Action, Entity};
use super::{decode, Indexed, Writer};
use crate::error::{Error, Result};
use crate::model::person::{ListedPerson, PersonFields, PersonHistory};
use crate::model::{History, Person};

const COLUMNS: &str = "id, salutation, title, first_name, name_particle, last_name, function,
    email, phone, mobile, street, postal_code, city, consent_shared_lists, consent_date, notes,
    active, created_at, created_by, updated_at, updated_by, anonymised_at";

fn from_row(row: &Row<'_>) -> rusqlite::Result<Person> {
    decode("people", row, |row| {
        Ok(Person {
            id: row.get(0)?,
            salutation: row.get(1)?,
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
            consent_date: row.get(14)?,
            notes: row.get(15)?,
            active: row.get(16)?,
            anonymised_at: row.get(21)?,
            history: History {
                created_at: row.get(17)?,
                created_by: row.get(18)?,
                updated_at: row.get(19)?,
                updated_by: row.get(20)?,
            },
        })
    })
}

/// Reads of people.
#[derive(Clone, Copy)]
pub struct People<'a>(pub(super) &'a Connection);

impl People<'_> {
    /// True when the person exists.
    pub fn exists(&self, id: i64) -> Result<bool> {
        Ok(self
            .0
            .prepare_cached("SELECT 1 FROM people WHERE id = ?1")?
            .query_row([id], |_| Ok(()))
            .optional()?
            .is_some())
    }

    /// One person.
    pub fn get(&self, id: i64) -> Result<Person> {
        get(self.0, id)
    }

    /// All people, unsorted.
    pub fn all(&self) -> Result<Vec<Person>> {
        let mut stmt = self.0.prepare(&format!("SELECT {COLUMNS} FROM people"))?;
        let rows = stmt.query_map([], from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// All people as the members list shows them, by id, each handed to `each` as it is read.
    pub fn listed(&self, mut each: impl FnMut(ListedPerson)) -> Result<()> {
        let mut stmt = self.0.prepare(
            "SELECT id, title, first_name, name_particle, last_name, function, email, phone, \
             active FROM people ORDER BY id",
        )?;
        let rows = stmt.query_map([], |row| {
            decode("people", row, |row| {
                Ok(ListedPerson {
                    id: row.get(0)?,
                    title: row.get(1)?,
                    first_name: row.get(2)?,
                    name_particle: row.get(3)?,
                    last_name: row.get(4)?,
                    function: row.get(5)?,
                    email: row.get(6)?,
                    phone: row.get(7)?,
                    active: row.get(8)?,
                })
            })
        })?;
        for person in rows {
            each(person?);
        }
        Ok(())
    }

    /// Whether the person is active; `NotFound` when there is no such person.
    pub fn is_active(&self, id: i64) -> Result<bool> {
        self.0
            .prepare_cached("SELECT active FROM people WHERE id = ?1")?
            .query_row([id], |r| r.get(0))
            .optional()?
            .ok_or(Error::NotFound {
                entity: "person",
                id,
            })
    }

    /// What refers to the person: the counts decide between delete and deactivate.
    pub fn history(&self, id: i64) -> Result<PersonHistory> {
        let count = |sql: &str| -> Result<i64> { Ok(self.0.query_row(sql, [id], |r| r.get(0))?) };
        Ok(PersonHistory {
            mandates: count("SELECT count(*) FROM mandates WHERE person_id = ?1")?,
            attendance: count(
                "SELECT count(*) FROM attendance WHERE person_id = ?1 OR represented_by = ?1",
            )?,
            talks: count("SELECT count(*) FROM agenda_item_speakers WHERE person_id = ?1")?,
            action_items: count("SELECT count(*) FROM action_items WHERE assignee_id = ?1")?,
            minutes: count("SELECT count(*) FROM minutes WHERE recorder_id = ?1")?,
            practice_examples: count(
                "SELECT count(*) FROM practice_examples WHERE contact_person_id = ?1",
            )?,
        })
    }
}

pub(super) fn get(conn: &Connection, id: i64) -> Result<Person> {
    conn.prepare_cached(&format!("SELECT {COLUMNS} FROM people WHERE id = ?1"))?
        .query_row([id], from_row)
        .optional()?
        .ok_or(Error::NotFound {
            entity: "person",
            id,
        })
}

/// Audited writes of people; each marks the person's search entry for rewriting.
pub struct PeopleMut<'w, 'a> {
    pub(super) w: &'w mut Writer<'a>,
}

impl PeopleMut<'_, '_> {
    /// Inserts a person (active).
    pub fn insert(&mut self, fields: &PersonFields) -> Result<i64> {
        let at = self.w.at();
        self.w
            .conn()
            .prepare_cached(
                "INSERT INTO people (salutation, title, first_name, name_particle, last_name,
                    function, email, phone, mobile, street, postal_code, city,
                    consent_shared_lists, consent_date, notes, active, created_at, created_by,
                    updated_at, updated_by)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, 1,
                    ?16, ?17, ?16, ?17)",
            )?
            .execute(params![
                fields.salutation,
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
                fields.consent_date,
                fields.notes,
                at,
                self.w.user(),
            ])?;
        let id = self.w.conn().last_insert_rowid();
        self.w.audit(
            Entity::Person,
            Some(id),
            Action::Create,
            &set_fields(fields),
        )?;
        self.w.mark_created(Indexed::Person, id);
        Ok(id)
    }

    /// Overwrites a person's fields (not `active`); the audit entry names the changed fields.
    pub fn update(&mut self, id: i64, fields: &PersonFields) -> Result<()> {
        let before = get(self.w.conn(), id)?.fields();
        let at = self.w.at();
        self.w
            .conn()
            .prepare_cached(
                "UPDATE people SET salutation = ?2, title = ?3, first_name = ?4,
                    name_particle = ?5, last_name = ?6, function = ?7, email = ?8, phone = ?9,
                    mobile = ?10, street = ?11, postal_code = ?12, city = ?13,
                    consent_shared_lists = ?14, consent_date = ?15, notes = ?16,
                    updated_at = ?17, updated_by = ?18
                 WHERE id = ?1",
            )?
            .execute(params![
                id,
                fields.salutation,
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
                fields.consent_date,
                fields.notes,
                at,
                self.w.user(),
            ])?;
        self.w.audit(
            Entity::Person,
            Some(id),
            Action::Update,
            &changed_fields(&before, fields),
        )?;
        self.w.mark_stale(Indexed::Person, id);
        Ok(())
    }

    /// Marks a person active or inactive.
    pub fn set_active(&mut self, id: i64, active: bool) -> Result<()> {
        let action = if active {
            Action::Reactivate
        } else {
            Action::Deactivate
        };
        self.w.set_column(
            ("people", "active"),
            (Entity::Person, "person"),
            id,
            &active,
            action,
        )
    }

    /// Deletes a person (the op checks that nothing refers to them).
    pub fn delete(&mut self, id: i64) -> Result<()> {
        self.w.delete_row("people", Entity::Person, "person", id)?;
        self.w.mark_stale(Indexed::Person, id);
        Ok(())
    }
}
