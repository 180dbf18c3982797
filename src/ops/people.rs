//! Creating, changing, deactivating and deleting people.

use crate::error::{Error, Result};
use crate::model::{Person, PersonDetail, PersonInput, Stamp};
use crate::store::audit::{self, Action};
use crate::store::{mandates as mandate_rows, people as rows, Store};

/// Creates a person from the form.
pub fn create(store: &mut Store, stamp: &Stamp, input: &PersonInput) -> Result<Person> {
    let fields = input.validate()?;
    store.write(|tx| {
        let id = rows::insert(tx, stamp, &fields)?;
        let person = rows::get(tx, id)?;
        audit::record(
            tx,
            stamp,
            "person",
            Some(id),
            Action::Create,
            &format!("Person „{}“ angelegt", person.full_name()),
        )?;
        Ok(person)
    })
}

/// Saves the form over an existing person.
pub fn update(store: &mut Store, stamp: &Stamp, id: i64, input: &PersonInput) -> Result<Person> {
    let fields = input.validate()?;
    store.write(|tx| {
        rows::update(tx, stamp, id, &fields)?;
        let person = rows::get(tx, id)?;
        audit::record(
            tx,
            stamp,
            "person",
            Some(id),
            Action::Update,
            &format!("Person „{}“ geändert", person.full_name()),
        )?;
        Ok(person)
    })
}

/// A person with their mandates.
pub fn get(store: &Store, id: i64, today: chrono::NaiveDate) -> Result<PersonDetail> {
    let conn = store.conn();
    let person = rows::get(conn, id)?;
    let mandates = super::mandates::views(conn, mandate_rows::for_person(conn, id)?, today)?;
    let has_history = !rows::history(conn, id)?.is_empty();
    Ok(PersonDetail {
        person,
        mandates,
        has_history,
    })
}

/// Deletes a person who has no history; otherwise refuses and points to deactivation.
pub fn delete(store: &mut Store, stamp: &Stamp, id: i64) -> Result<()> {
    store.write(|tx| {
        let person = rows::get(tx, id)?;
        let history = rows::history(tx, id)?;
        if !history.is_empty() {
            return Err(Error::Conflict {
                message: format!(
                    "„{}“ kann nicht gelöscht werden, weil die Person Geschichte hat ({}). \
                     Stattdessen deaktivieren: Die Person wird als ehemalig geführt und bleibt in \
                     Protokollen und Teilnahmelisten erhalten.",
                    person.full_name(),
                    history.join(", ")
                ),
            });
        }
        rows::delete(tx, id)?;
        audit::record(
            tx,
            stamp,
            "person",
            Some(id),
            Action::Delete,
            &format!("Person „{}“ gelöscht", person.full_name()),
        )
    })
}

/// Marks a person as former: ends their open mandates today and sets them inactive.
pub fn deactivate(store: &mut Store, stamp: &Stamp, id: i64) -> Result<Person> {
    let today = stamp.today();
    store.write(|tx| {
        let person = rows::get(tx, id)?;
        for mandate in mandate_rows::for_person(tx, id)? {
            if mandate.end_date.is_none_or(|end| end > today) {
                // A mandate that would only start later ends on its first day.
                mandate_rows::set_end(tx, mandate.id, today.max(mandate.start_date))?;
            }
        }
        rows::set_active(tx, stamp, id, false)?;
        audit::record(
            tx,
            stamp,
            "person",
            Some(id),
            Action::Deactivate,
            &format!("Person „{}“ deaktiviert", person.full_name()),
        )?;
        rows::get(tx, id)
    })
}

/// Makes a deactivated person active again (their ended mandates stay ended).
pub fn reactivate(store: &mut Store, stamp: &Stamp, id: i64) -> Result<Person> {
    store.write(|tx| {
        let person = rows::get(tx, id)?;
        rows::set_active(tx, stamp, id, true)?;
        audit::record(
            tx,
            stamp,
            "person",
            Some(id),
            Action::Reactivate,
            &format!("Person „{}“ reaktiviert", person.full_name()),
        )?;
        rows::get(tx, id)
    })
}
