//! Rows of `mandates`: reads ([`Mandates`]) and audited writes ([`MandatesMut`]).

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row};

use super::audit::{changed_fields, set_fields, Action, Entity};
use super::{day, decode, Indexed, Writer};
use crate::error::{Error, Result};
use crate::model::mandate::MandateFields;
use crate::model::{Mandate, Role};

const COLUMNS: &str = "id, person_id, organisation_id, role, start_date, end_date, notes";

fn from_row(row: &Row<'_>) -> rusqlite::Result<Mandate> {
    decode("mandates", row, |row| {
        Ok(Mandate {
            id: row.get(0)?,
            person_id: row.get(1)?,
            organisation_id: row.get(2)?,
            role: row.get(3)?,
            start_date: day(row, 4)?,
            end_date: day(row, 5)?,
            notes: row.get(6)?,
        })
    })
}

fn get(conn: &Connection, id: i64) -> Result<Mandate> {
    conn.prepare_cached(&format!("SELECT {COLUMNS} FROM mandates WHERE id = ?1"))?
        .query_row([id], from_row)
        .optional()?
        .ok_or(Error::NotFound {
            entity: "mandate",
            id,
        })
}

/// Reads of mandates.
#[derive(Clone, Copy)]
pub struct Mandates<'a>(pub(super) &'a Connection);

impl Mandates<'_> {
    /// One mandate.
    pub fn get(&self, id: i64) -> Result<Mandate> {
        get(self.0, id)
    }

    fn query(&self, filter: &str, values: impl rusqlite::Params) -> Result<Vec<Mandate>> {
        let mut stmt = self
            .0
            .prepare_cached(&format!("SELECT {COLUMNS} FROM mandates {filter}"))?;
        let rows = stmt.query_map(values, from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Mandates of one person.
    pub fn for_person(&self, person_id: i64) -> Result<Vec<Mandate>> {
        self.query("WHERE person_id = ?1", [person_id])
    }

    /// Mandates for one organisation.
    pub fn for_organisation(&self, organisation_id: i64) -> Result<Vec<Mandate>> {
        self.query("WHERE organisation_id = ?1", [organisation_id])
    }

    /// The mandates the seat rule must look at for a new mandate of `person_id`: those for the
    /// organisation in the same role that share a day with `start`..`end`, held by the same
    /// person or, for the permanent seat, by anyone.
    pub fn seat_candidates(
        &self,
        organisation_id: i64,
        role: Role,
        person_id: i64,
        start: NaiveDate,
        end: Option<NaiveDate>,
    ) -> Result<Vec<Mandate>> {
        // Two look-ups, disjoint so that no temporary B-tree is needed to merge them (UNION
        // builds one per call): the person's own mandates through `mandates_person` (the `+`
        // keeps SQLite from preferring `mandates_organisation`, which would walk every mandate
        // of the organisation in that role: quadratic in an import), and only for the permanent
        // seat the other holders' through `mandates_organisation`. Sorted by id afterwards, the
        // order the UNION gave.
        let mut found = self.query(
            "WHERE person_id = ?3 AND +organisation_id = ?1 AND +role = ?2
               AND (end_date IS NULL OR end_date >= ?4) AND (?5 IS NULL OR start_date <= ?5)
             UNION ALL
             SELECT id, person_id, organisation_id, role, start_date, end_date, notes
             FROM mandates
             WHERE ?2 = 'permanent' AND organisation_id = ?1 AND role = 'permanent'
               AND person_id <> ?3
               AND (end_date IS NULL OR end_date >= ?4) AND (?5 IS NULL OR start_date <= ?5)",
            params![organisation_id, role, person_id, start, end],
        )?;
        found.sort_unstable_by_key(|m| m.id);
        Ok(found)
    }

    /// All mandates.
    pub fn all(&self) -> Result<Vec<Mandate>> {
        self.query("", [])
    }
}

/// Audited writes of mandates; each marks the holder's search entry (it names the
/// organisations they represent).
pub struct MandatesMut<'w, 'a> {
    pub(super) w: &'w mut Writer<'a>,
}

impl MandatesMut<'_, '_> {
    /// Inserts a mandate (the op checks overlaps and the seat rule first).
    pub fn insert(&mut self, fields: &MandateFields) -> Result<i64> {
        let at = self.w.at();
        self.w
            .conn()
            .prepare_cached(
                "INSERT INTO mandates (person_id, organisation_id, role, start_date, end_date,
                    notes, created_at, created_by, updated_at, updated_by)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?7, ?8)",
            )?
            .execute(params![
                fields.person_id,
                fields.organisation_id,
                fields.role,
                fields.start_date,
                fields.end_date,
                fields.notes,
                at,
                self.w.user(),
            ])?;
        let id = self.w.conn().last_insert_rowid();
        self.w.audit(
            Entity::Mandate,
            Some(id),
            Action::Create,
            &set_fields(fields),
        )?;
        self.w.mark_stale(Indexed::Person, fields.person_id);
        Ok(id)
    }

    /// Overwrites a mandate.
    pub fn update(&mut self, id: i64, fields: &MandateFields) -> Result<()> {
        let before = get(self.w.conn(), id)?;
        let at = self.w.at();
        self.w.conn().execute(
            "UPDATE mandates SET person_id = ?2, organisation_id = ?3, role = ?4, start_date = ?5,
                end_date = ?6, notes = ?7, updated_at = ?8, updated_by = ?9 WHERE id = ?1",
            params![
                id,
                fields.person_id,
                fields.organisation_id,
                fields.role,
                fields.start_date,
                fields.end_date,
                fields.notes,
                at,
                self.w.user(),
            ],
        )?;
        self.w.audit(
            Entity::Mandate,
            Some(id),
            Action::Update,
            &changed_fields(&before.fields(), fields),
        )?;
        self.w.mark_stale(Indexed::Person, before.person_id);
        self.w.mark_stale(Indexed::Person, fields.person_id);
        Ok(())
    }

    /// Sets the last day of a mandate.
    pub fn end(&mut self, id: i64, end: NaiveDate) -> Result<()> {
        self.w.set_column(
            ("mandates", "end_date"),
            (Entity::Mandate, "mandate"),
            id,
            &end,
            Action::Update,
        )
    }

    /// Deletes a mandate.
    pub fn delete(&mut self, id: i64) -> Result<()> {
        let before = get(self.w.conn(), id)?;
        self.w
            .delete_row("mandates", Entity::Mandate, "mandate", id)?;
        self.w.mark_stale(Indexed::Person, before.person_id);
        Ok(())
    }
}
