//! Mandates: creating, changing and removing who represents which organisation.

use std::cmp::Reverse;

use chrono::NaiveDate;

use crate::error::{Error, Result};
use crate::model::field::Problems;
use crate::model::mandate::{clash, clash_error, MandateFields};
use crate::model::{Field, Mandate, MandateInput, MandateView};
use crate::store::{Reader, Writer};

/// Adds a mandate after checking the person, the organisation, overlaps and the seat rule.
pub fn create(w: &mut Writer<'_>, input: &MandateInput) -> Result<Mandate> {
    let fields = input.validate()?;
    check(w.read(), None, &fields)?;
    let id = w.mandates().insert(&fields)?;
    Ok(Mandate::from_fields(id, fields))
}

/// Changes a mandate (e.g. sets its end when a seat passes on).
pub fn update(w: &mut Writer<'_>, id: i64, input: &MandateInput) -> Result<Mandate> {
    let fields = input.validate()?;
    w.read().mandates().get(id)?;
    check(w.read(), Some(id), &fields)?;
    w.mandates().update(id, &fields)?;
    w.read().mandates().get(id)
}

/// Removes a mandate entered by mistake. (A mandate that ended is given an end date instead.)
pub fn delete(w: &mut Writer<'_>, id: i64) -> Result<()> {
    w.mandates().delete(id)
}

/// Refuses a mandate whose person or organisation is missing, that clashes with another mandate
/// by the seat rule ([`clash`]), or that would leave a deactivated person with an open mandate:
/// every one of these problems at once.
fn check(r: Reader<'_>, own_id: Option<i64>, fields: &MandateFields) -> Result<()> {
    let mut problems = Problems::new();
    let active = match r.people().is_active(fields.person_id) {
        Err(Error::NotFound { .. }) => {
            // Without the person nothing else can be checked.
            return Err(Error::validation(
                Field::PersonId,
                "Person: Die gewählte Person gibt es nicht (mehr).",
            ));
        }
        other => other?,
    };
    if !r.organisations().exists(fields.organisation_id)? {
        problems.add(
            Field::OrganisationId,
            "Organisation: Die gewählte Organisation gibt es nicht (mehr).",
        );
    }
    let others = r.mandates().seat_candidates(
        fields.organisation_id,
        fields.role,
        fields.person_id,
        fields.start_date,
        fields.end_date,
    )?;
    if let Some(found) = clash(fields, own_id, &others) {
        let person = r.people().get(fields.person_id)?.full_name();
        let holder = r.people().get(found.other.person_id)?.full_name();
        let error = clash_error(found, fields.role, &person, &holder);
        problems.add(error.field, error.message);
    }
    if !active && fields.end_date.is_none() {
        let person = r.people().get(fields.person_id)?.full_name();
        problems.add(
            Field::EndDate,
            format!("Ende: {person} ist deaktiviert; ein offenes Mandat ist nur für aktive Personen möglich. Bitte zuerst reaktivieren."),
        );
    }
    Ok(problems.finish(|| ())?)
}

/// Adds the names to mandates and orders them: current first, then newest first.
pub fn views(r: Reader<'_>, mandates: Vec<Mandate>, today: NaiveDate) -> Result<Vec<MandateView>> {
    let mut views = mandates
        .into_iter()
        .map(|mandate| {
            Ok(MandateView {
                person_name: r.people().get(mandate.person_id)?.full_name(),
                organisation_name: r.organisations().get(mandate.organisation_id)?.name,
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
