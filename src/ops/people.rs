//! Creating, changing, deactivating and deleting people.

use crate::error::{Error, Result};
use crate::model::person::PersonHistory;
use crate::model::{Person, PersonDetail, PersonInput};
use crate::store::{Reader, Writer};

/// Creates a person from the form (or an import row, or the demo data).
pub fn create(w: &mut Writer<'_>, input: &PersonInput) -> Result<Person> {
    let fields = input.validate()?;
    let id = w.people().insert(&fields)?;
    Ok(Person::from_fields(id, fields, w.stamp()))
}

/// Saves the form over an existing person.
pub fn update(w: &mut Writer<'_>, id: i64, input: &PersonInput) -> Result<Person> {
    let fields = input.validate()?;
    refuse_anonymised(&w.read().people().get(id)?)?;
    w.people().update(id, &fields)?;
    w.read().people().get(id)
}

/// A person with their mandates.
pub fn get(r: Reader<'_>, id: i64, today: chrono::NaiveDate) -> Result<PersonDetail> {
    let person = r.people().get(id)?;
    let mandates = super::mandates::views(r, r.mandates().for_person(id)?, today)?;
    let has_history = !r.people().history(id)?.is_empty();
    Ok(PersonDetail {
        person,
        mandates,
        has_history,
    })
}

/// Deletes a person who has no history; otherwise refuses and points to deactivation.
pub fn delete(w: &mut Writer<'_>, id: i64) -> Result<()> {
    let person = w.read().people().get(id)?;
    let history = w.read().people().history(id)?;
    if !history.is_empty() {
        return Err(Error::Conflict {
            message: format!(
                "„{}“ kann nicht gelöscht werden, weil die Person Geschichte hat ({}). \
                 Stattdessen deaktivieren: Die Person wird als ehemalig geführt und bleibt in \
                 Protokollen und Teilnahmelisten erhalten.",
                person.full_name(),
                describe(&history)
            ),
        });
    }
    w.people().delete(id)
}

/// Marks a person as former: ends their open mandates today and sets them inactive.
pub fn deactivate(w: &mut Writer<'_>, id: i64) -> Result<Person> {
    let today = w.stamp().today();
    w.read().people().get(id)?;
    for mandate in w.read().mandates().for_person(id)? {
        if mandate.end_date.is_none_or(|end| end > today) {
            // A mandate that would only start later ends on its first day.
            w.mandates()
                .end(mandate.id, today.max(mandate.start_date))?;
        }
    }
    w.people().set_active(id, false)?;
    w.read().people().get(id)
}

/// Makes a deactivated person active again (their ended mandates stay ended).
pub fn reactivate(w: &mut Writer<'_>, id: i64) -> Result<Person> {
    refuse_anonymised(&w.read().people().get(id)?)?;
    w.people().set_active(id, true)?;
    w.read().people().get(id)
}

/// An anonymised person's record only keeps history consistent: it takes no new data.
fn refuse_anonymised(person: &Person) -> Result<()> {
    match &person.anonymised_at {
        Some(at) => Err(Error::Conflict {
            message: format!(
                "Diese Person wurde am {} anonymisiert. Ihr Datensatz kann nicht mehr bearbeitet \
                 oder reaktiviert werden; bitte bei Bedarf eine neue Person anlegen.",
                at.get(..10)
                    .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
                    .map_or_else(|| at.clone(), crate::model::date::german)
            ),
        }),
        None => Ok(()),
    }
}

/// "2 Mandate, 5 Sitzungsteilnahmen": what a person's history consists of, for the message.
fn describe(history: &PersonHistory) -> String {
    super::counted(&[
        (history.mandates, "Mandat", "Mandate"),
        (
            history.attendance,
            "Sitzungsteilnahme",
            "Sitzungsteilnahmen",
        ),
        (history.talks, "Vortrag", "Vorträge"),
        (history.action_items, "Aufgabe", "Aufgaben"),
        (history.minutes, "Protokoll", "Protokolle"),
        (
            history.practice_examples,
            "Praxisbeispiel",
            "Praxisbeispiele",
        ),
    ])
}
