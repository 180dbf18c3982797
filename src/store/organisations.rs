//! Rows of `organisations`: reads ([`Organisations`]) and audited writes ([`OrganisationsMut`]).

use rusqlite::{params, Connection, OptionalExtension, Row};

use super::audit::{changed_fields, set_fields, Action, Entity};
use super::{decode, Indexed, Writer};
use crate::error::{Error, Result};
use crate::model::organisation::{OrganisationDependants, OrganisationFields};
use crate::model::{History, Organisation};

const COLUMNS: &str = "id, name, kind, state, street, postal_code, city, website, member_since,
    member_until, notes, created_at, created_by, updated_at, updated_by, latitude, longitude";

fn from_row(row: &Row<'_>) -> rusqlite::Result<Organisation> {
    decode("organisations", row, |row| {
        Ok(Organisation {
            id: row.get(0)?,
            name: row.get(1)?,
            kind: row.get(2)?,
            state: row.get(3)?,
            street: row.get(4)?,
            postal_code: row.get(5)?,
            city: row.get(6)?,
            website: row.get(7)?,
            member_since: row.get(8)?,
            member_until: row.get(9)?,
            notes: row.get(10)?,
            latitude: row.get(15)?,
            longitude: row.get(16)?,
            history: History {
                created_at: row.get(11)?,
                created_by: row.get(12)?,
                updated_at: row.get(13)?,
                updated_by: row.get(14)?,
            },
        })
    })
}

pub(super) fn get(conn: &Connection, id: i64) -> Result<Organisation> {
    conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM organisations WHERE id = ?1"
    ))?
    .query_row([id], from_row)
    .optional()?
    .ok_or(Error::NotFound {
        entity: "organisation",
        id,
    })
}

/// Reads of organisations.
#[derive(Clone, Copy)]
pub struct Organisations<'a>(pub(super) &'a Connection);

impl Organisations<'_> {
    /// One organisation.
    pub fn get(&self, id: i64) -> Result<Organisation> {
        get(self.0, id)
    }

    /// True when the organisation exists.
    pub fn exists(&self, id: i64) -> Result<bool> {
        Ok(self
            .0
            .prepare_cached("SELECT 1 FROM organisations WHERE id = ?1")?
            .query_row([id], |_| Ok(()))
            .optional()?
            .is_some())
    }

    /// All organisations, unsorted.
    pub fn all(&self) -> Result<Vec<Organisation>> {
        let mut stmt = self
            .0
            .prepare(&format!("SELECT {COLUMNS} FROM organisations"))?;
        let rows = stmt.query_map([], from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// What refers to the organisation: the counts decide between delete and ending membership.
    pub fn dependants(&self, id: i64) -> Result<OrganisationDependants> {
        let count = |sql: &str| -> Result<i64> { Ok(self.0.query_row(sql, [id], |r| r.get(0))?) };
        Ok(OrganisationDependants {
            mandates: count("SELECT count(*) FROM mandates WHERE organisation_id = ?1")?,
            hosted_sessions: count(
                "SELECT count(*) FROM sessions WHERE host_organisation_id = ?1",
            )?,
            attendance: count("SELECT count(*) FROM attendance WHERE organisation_id = ?1")?,
            practice_examples: count(
                "SELECT count(*) FROM practice_examples WHERE organisation_id = ?1",
            )?,
            action_items: count(
                "SELECT count(*) FROM action_items WHERE assignee_organisation_id = ?1",
            )?,
        })
    }
}

/// Audited writes of organisations; each marks the search entries of the organisation and of
/// the people who represent it.
pub struct OrganisationsMut<'w, 'a> {
    pub(super) w: &'w mut Writer<'a>,
}

impl OrganisationsMut<'_, '_> {
    /// Inserts a new organisation.
    pub fn insert(&mut self, fields: &OrganisationFields) -> Result<i64> {
        let at = self.w.at();
        self.w
            .conn()
            .prepare_cached(
                "INSERT INTO organisations (name, kind, state, street, postal_code, city, website,
                    member_since, member_until, notes, created_at, created_by, updated_at,
                    updated_by, latitude, longitude)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?11, ?12, ?13, ?14)",
            )?
            .execute(params![
                fields.name,
                fields.kind,
                fields.state,
                fields.street,
                fields.postal_code,
                fields.city,
                fields.website,
                fields.member_since,
                fields.member_until,
                fields.notes,
                at,
                self.w.user(),
                fields.latitude,
                fields.longitude,
            ])?;
        let id = self.w.conn().last_insert_rowid();
        self.w.audit(
            Entity::Organisation,
            Some(id),
            Action::Create,
            &set_fields(fields),
        )?;
        self.w.mark_created(Indexed::Organisation, id);
        Ok(id)
    }

    /// Overwrites an organisation's fields.
    pub fn update(&mut self, id: i64, fields: &OrganisationFields) -> Result<()> {
        let before = get(self.w.conn(), id)?.fields();
        let at = self.w.at();
        self.w.conn().execute(
            "UPDATE organisations SET name = ?2, kind = ?3, state = ?4, street = ?5,
                postal_code = ?6, city = ?7, website = ?8, member_since = ?9, member_until = ?10,
                notes = ?11, updated_at = ?12, updated_by = ?13, latitude = ?14, longitude = ?15
             WHERE id = ?1",
            params![
                id,
                fields.name,
                fields.kind,
                fields.state,
                fields.street,
                fields.postal_code,
                fields.city,
                fields.website,
                fields.member_since,
                fields.member_until,
                fields.notes,
                at,
                self.w.user(),
                fields.latitude,
                fields.longitude,
            ],
        )?;
        self.w.audit(
            Entity::Organisation,
            Some(id),
            Action::Update,
            &changed_fields(&before, fields),
        )?;
        self.w.mark_stale(Indexed::Organisation, id);
        Ok(())
    }

    /// Sets "member until": the membership ends.
    pub fn end_membership(&mut self, id: i64, until: chrono::NaiveDate) -> Result<()> {
        self.w.set_column(
            ("organisations", "member_until"),
            (Entity::Organisation, "organisation"),
            id,
            &until,
            Action::Deactivate,
        )
    }

    /// Deletes an organisation (the op checks that nothing refers to it).
    pub fn delete(&mut self, id: i64) -> Result<()> {
        self.w
            .delete_row("organisations", Entity::Organisation, "organisation", id)?;
        self.w.mark_stale(Indexed::Organisation, id);
        Ok(())
    }
}

/// The people who represent (or represented) an organisation: their search entries carry its
/// name.
pub(super) fn representatives(conn: &Connection, id: i64) -> Result<Vec<i64>> {
    let mut stmt =
        conn.prepare_cached("SELECT DISTINCT person_id FROM mandates WHERE organisation_id = ?1")?;
    let people = stmt
        .query_map([id], |r| r.get::<_, i64>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(people)
}
