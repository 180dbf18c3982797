//! Creating, changing, ending and deleting organisations, and their list.

use std::cmp::Ordering;
use std::collections::HashMap;

use crate::error::{Error, Result};
use crate::model::text::{fold, sort_key};
use crate::model::{
    Direction, Organisation, OrganisationDetail, OrganisationFilter, OrganisationInput,
    OrganisationList, OrganisationRow, OrganisationSort, OrganisationStatus, Stamp,
};
use crate::store::audit::{self, Action};
use crate::store::{mandates as mandate_rows, organisations as rows, people as people_rows, Store};

/// Creates an organisation from the form.
pub fn create(store: &mut Store, stamp: &Stamp, input: &OrganisationInput) -> Result<Organisation> {
    let fields = input.validate()?;
    store.write(|tx| {
        let id = rows::insert(tx, stamp, &fields)?;
        audit::record(
            tx,
            stamp,
            "organisation",
            Some(id),
            Action::Create,
            &format!("Organisation „{}“ angelegt", fields.name),
        )?;
        rows::get(tx, id)
    })
}

/// Saves the form over an existing organisation.
pub fn update(
    store: &mut Store,
    stamp: &Stamp,
    id: i64,
    input: &OrganisationInput,
) -> Result<Organisation> {
    let fields = input.validate()?;
    store.write(|tx| {
        rows::update(tx, stamp, id, &fields)?;
        audit::record(
            tx,
            stamp,
            "organisation",
            Some(id),
            Action::Update,
            &format!("Organisation „{}“ geändert", fields.name),
        )?;
        rows::get(tx, id)
    })
}

/// An organisation with all its mandates.
pub fn get(store: &Store, id: i64, today: chrono::NaiveDate) -> Result<OrganisationDetail> {
    let conn = store.conn();
    let organisation = rows::get(conn, id)?;
    let mandates = super::mandates::views(conn, mandate_rows::for_organisation(conn, id)?, today)?;
    Ok(OrganisationDetail {
        organisation,
        mandates,
    })
}

/// Deletes an organisation nothing refers to; otherwise refuses and points to ending membership.
pub fn delete(store: &mut Store, stamp: &Stamp, id: i64) -> Result<()> {
    store.write(|tx| {
        let org = rows::get(tx, id)?;
        let dependants = rows::dependants(tx, id)?;
        if !dependants.is_empty() {
            return Err(Error::Conflict {
                message: format!(
                    "„{}“ kann nicht gelöscht werden, weil Einträge darauf verweisen ({}). \
                     Stattdessen die Mitgliedschaft beenden: Die Organisation bleibt mit ihrer \
                     Geschichte erhalten und wird als ehemalig geführt.",
                    org.name,
                    dependants.join(", ")
                ),
            });
        }
        rows::delete(tx, id)?;
        audit::record(
            tx,
            stamp,
            "organisation",
            Some(id),
            Action::Delete,
            &format!("Organisation „{}“ gelöscht", org.name),
        )
    })
}

/// Ends the membership today: "member until" is set and every open mandate for it ends today.
pub fn end_membership(store: &mut Store, stamp: &Stamp, id: i64) -> Result<Organisation> {
    let today = stamp.today();
    store.write(|tx| {
        let org = rows::get(tx, id)?;
        let since = org.member_since.unwrap_or(today);
        rows::set_member_until(tx, stamp, id, today.max(since))?;
        for mandate in mandate_rows::for_organisation(tx, id)? {
            if mandate.end_date.is_none_or(|end| end > today) {
                mandate_rows::set_end(tx, mandate.id, today.max(mandate.start_date))?;
            }
        }
        audit::record(
            tx,
            stamp,
            "organisation",
            Some(id),
            Action::Deactivate,
            &format!("Mitgliedschaft von „{}“ beendet", org.name),
        )?;
        rows::get(tx, id)
    })
}

/// The organisation list, filtered and sorted as the user asked.
pub fn list(
    store: &Store,
    filter: &OrganisationFilter,
    today: chrono::NaiveDate,
) -> Result<OrganisationList> {
    let conn = store.conn();
    let organisations = rows::all(conn)?;
    let total = i64::try_from(organisations.len()).unwrap_or(i64::MAX);
    let people: HashMap<i64, String> = people_rows::all(conn)?
        .into_iter()
        .map(|p| (p.id, p.full_name()))
        .collect();
    let mut current: HashMap<i64, Vec<(usize, String)>> = HashMap::new();
    for mandate in mandate_rows::all(conn)? {
        if mandate.covers(today) {
            if let Some(name) = people.get(&mandate.person_id) {
                current
                    .entry(mandate.organisation_id)
                    .or_default()
                    .push((mandate.role.rank(), name.clone()));
            }
        }
    }
    let words: Vec<String> = fold(&filter.text)
        .split_whitespace()
        .map(str::to_owned)
        .collect();
    let mut rows: Vec<OrganisationRow> = organisations
        .into_iter()
        .filter(|o| filter.kind.is_none_or(|k| k == o.kind))
        .filter(|o| {
            filter
                .state
                .as_ref()
                .is_none_or(|s| o.state.as_ref() == Some(s))
        })
        .filter(|o| {
            let former = o.member_until.is_some_and(|until| until < today);
            match filter.status {
                OrganisationStatus::All => true,
                OrganisationStatus::Current => !former,
                OrganisationStatus::Former => former,
            }
        })
        .filter(|o| {
            if words.is_empty() {
                return true;
            }
            let haystack = fold(&format!(
                "{} {} {} {}",
                o.name,
                o.city.as_deref().unwrap_or(""),
                o.state.as_deref().unwrap_or(""),
                o.kind.label()
            ));
            words.iter().all(|w| haystack.contains(w.as_str()))
        })
        .map(|o| {
            let mut reps = current.remove(&o.id).unwrap_or_default();
            reps.sort();
            OrganisationRow {
                id: o.id,
                name: o.name,
                kind: o.kind,
                state: o.state,
                city: o.city,
                member_since: o.member_since,
                member_until: o.member_until,
                representatives: reps.into_iter().map(|(_, name)| name).collect(),
            }
        })
        .collect();
    let by_name =
        |a: &OrganisationRow, b: &OrganisationRow| sort_key(&a.name).cmp(&sort_key(&b.name));
    rows.sort_by(|a, b| {
        let primary = match filter.sort {
            OrganisationSort::Name => Ordering::Equal,
            OrganisationSort::Kind => a.kind.label().cmp(b.kind.label()),
            OrganisationSort::State => {
                super::members::cmp_optional(a.state.as_deref(), b.state.as_deref())
            }
            OrganisationSort::City => {
                super::members::cmp_optional(a.city.as_deref(), b.city.as_deref())
            }
            OrganisationSort::MemberSince => cmp_dates(a.member_since, b.member_since),
            OrganisationSort::People => a.representatives.len().cmp(&b.representatives.len()),
        };
        let ordering = primary.then_with(|| by_name(a, b));
        match filter.direction {
            Direction::Ascending => ordering,
            Direction::Descending => ordering.reverse(),
        }
    });
    Ok(OrganisationList { rows, total })
}

fn cmp_dates(a: Option<chrono::NaiveDate>, b: Option<chrono::NaiveDate>) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => a.cmp(&b),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}
