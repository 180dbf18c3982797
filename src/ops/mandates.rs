//! Mandates: creating, changing and removing who represents which organisation.

use std::cmp::Reverse;

use chrono::NaiveDate;
use rusqlite::Connection;

use crate::error::{Error, Result};
use crate::model::date::german;
use crate::model::mandate::MandateFields;
use crate::model::{Mandate, MandateInput, MandateView, Stamp};
use crate::store::audit::{self, Action};
use crate::store::{mandates as rows, organisations, people, Store};

/// Adds a mandate after checking the person, the organisation and overlaps.
pub fn create(store: &mut Store, stamp: &Stamp, input: &MandateInput) -> Result<Mandate> {
    let fields = input.validate()?;
    store.write(|tx| {
        check(tx, None, &fields)?;
        let id = rows::insert(tx, &fields)?;
        people::reindex(tx, fields.person_id)?;
        audit::record(
            tx,
            stamp,
            "mandate",
            Some(id),
            Action::Create,
            &summary(tx, &fields, "angelegt")?,
        )?;
        rows::get(tx, id)
    })
}

/// Changes a mandate (e.g. sets its end when a seat passes on).
pub fn update(store: &mut Store, stamp: &Stamp, id: i64, input: &MandateInput) -> Result<Mandate> {
    let fields = input.validate()?;
    store.write(|tx| {
        let before = rows::get(tx, id)?;
        check(tx, Some(id), &fields)?;
        rows::update(tx, id, &fields)?;
        people::reindex(tx, fields.person_id)?;
        if before.person_id != fields.person_id {
            people::reindex(tx, before.person_id)?;
        }
        audit::record(
            tx,
            stamp,
            "mandate",
            Some(id),
            Action::Update,
            &summary(tx, &fields, "geändert")?,
        )?;
        rows::get(tx, id)
    })
}

/// Removes a mandate entered by mistake. (A mandate that ended is given an end date instead.)
pub fn delete(store: &mut Store, stamp: &Stamp, id: i64) -> Result<()> {
    store.write(|tx| {
        let mandate = rows::get(tx, id)?;
        rows::delete(tx, id)?;
        people::reindex(tx, mandate.person_id)?;
        let organisation = organisations::get(tx, mandate.organisation_id)?;
        let person = people::get(tx, mandate.person_id)?;
        audit::record(
            tx,
            stamp,
            "mandate",
            Some(id),
            Action::Delete,
            &format!(
                "Mandat von „{}“ für „{}“ gelöscht",
                person.full_name(),
                organisation.name
            ),
        )
    })
}

/// Refuses a mandate whose person or organisation is missing, or that overlaps another mandate of
/// the same person for the same organisation and role, or another person's permanent seat.
fn check(conn: &Connection, own_id: Option<i64>, fields: &MandateFields) -> Result<()> {
    let person = people::get(conn, fields.person_id)?;
    if !organisations::exists(conn, fields.organisation_id)? {
        return Err(Error::validation(
            "organisation_id",
            "Organisation: Die gewählte Organisation gibt es nicht (mehr).",
        ));
    }
    let others = rows::for_organisation(conn, fields.organisation_id)?
        .into_iter()
        .filter(|m| Some(m.id) != own_id && m.role == fields.role)
        .filter(|m| m.overlaps(fields.start_date, fields.end_date));
    for other in others {
        let period = period(other.start_date, other.end_date);
        if other.person_id == fields.person_id {
            return Err(Error::validation(
                "start_date",
                format!(
                    "Beginn: {} hat für diese Organisation schon ein Mandat als {} im selben Zeitraum ({period}).",
                    person.full_name(),
                    fields.role.label()
                ),
            ));
        }
        if fields.role == crate::model::Role::Permanent {
            let holder = people::get(conn, other.person_id)?;
            return Err(Error::validation(
                "start_date",
                format!(
                    "Beginn: Die ständige Vertretung dieser Organisation hat im selben Zeitraum {} ({period}). \
                     Bitte zuerst deren Mandat beenden – ein Sitz hat immer nur eine ständige Vertretung.",
                    holder.full_name()
                ),
            ));
        }
    }
    if !person.active && fields.end_date.is_none() {
        return Err(Error::validation(
            "end_date",
            format!("Ende: {} ist deaktiviert; ein offenes Mandat ist nur für aktive Personen möglich. Bitte zuerst reaktivieren.", person.full_name()),
        ));
    }
    Ok(())
}

fn period(start: NaiveDate, end: Option<NaiveDate>) -> String {
    match end {
        Some(end) => format!("{} bis {}", german(start), german(end)),
        None => format!("seit {}", german(start)),
    }
}

fn summary(conn: &Connection, fields: &MandateFields, verb: &str) -> Result<String> {
    let person = people::get(conn, fields.person_id)?;
    let organisation = organisations::get(conn, fields.organisation_id)?;
    Ok(format!(
        "Mandat von „{}“ für „{}“ ({}, {}) {verb}",
        person.full_name(),
        organisation.name,
        fields.role.label(),
        period(fields.start_date, fields.end_date)
    ))
}

/// Adds the names to mandates and orders them: current first, then newest first.
pub fn views(
    conn: &Connection,
    mandates: Vec<Mandate>,
    today: NaiveDate,
) -> Result<Vec<MandateView>> {
    let mut views = mandates
        .into_iter()
        .map(|mandate| {
            Ok(MandateView {
                person_name: people::get(conn, mandate.person_id)?.full_name(),
                organisation_name: organisations::get(conn, mandate.organisation_id)?.name,
                current: mandate.covers(today),
                mandate,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    views.sort_by_key(|v| {
        (
            Reverse(v.current),
            Reverse(v.mandate.start_date),
            v.mandate.role.rank(),
        )
    });
    Ok(views)
}
