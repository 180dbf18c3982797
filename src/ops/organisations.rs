//! Creating, changing, ending and deleting organisations, and their list.

use std::cmp::Ordering;
use std::collections::HashMap;

use crate::error::{Error, Result};
use crate::model::organisation::OrganisationDependants;
use crate::model::text::{fold, sort_key};
use crate::model::{
    Direction, Organisation, OrganisationDetail, OrganisationFilter, OrganisationInput,
    OrganisationList, OrganisationRow, OrganisationSort, OrganisationStatus,
};
use crate::store::{Reader, Writer};

/// Creates an organisation from the form (or an import row, or the demo data).
pub fn create(w: &mut Writer<'_>, input: &OrganisationInput) -> Result<Organisation> {
    let fields = input.validate()?;
    let id = w.organisations().insert(&fields)?;
    w.read().organisations().get(id)
}

/// Saves the form over an existing organisation.
pub fn update(w: &mut Writer<'_>, id: i64, input: &OrganisationInput) -> Result<Organisation> {
    let fields = input.validate()?;
    w.read().organisations().get(id)?;
    w.organisations().update(id, &fields)?;
    w.read().organisations().get(id)
}

/// An organisation with all its mandates.
pub fn get(r: Reader<'_>, id: i64, today: chrono::NaiveDate) -> Result<OrganisationDetail> {
    let organisation = r.organisations().get(id)?;
    let mandates = super::mandates::views(r, r.mandates().for_organisation(id)?, today)?;
    Ok(OrganisationDetail {
        organisation,
        mandates,
        practice_examples: r.content().practice_examples_of(id)?,
    })
}

/// Deletes an organisation nothing refers to; otherwise refuses and points to ending membership.
pub fn delete(w: &mut Writer<'_>, id: i64) -> Result<()> {
    let org = w.read().organisations().get(id)?;
    let dependants = w.read().organisations().dependants(id)?;
    if !dependants.is_empty() {
        return Err(Error::Conflict {
            message: format!(
                "„{}“ kann nicht gelöscht werden, weil Einträge darauf verweisen ({}). \
                 Stattdessen die Mitgliedschaft beenden: Die Organisation bleibt mit ihrer \
                 Geschichte erhalten und wird als ehemalig geführt.",
                org.name,
                describe(&dependants)
            ),
        });
    }
    w.organisations().delete(id)
}

/// Ends the membership today: "member until" is set and every open mandate for it ends today.
pub fn end_membership(w: &mut Writer<'_>, id: i64) -> Result<Organisation> {
    let today = w.stamp().today();
    let org = w.read().organisations().get(id)?;
    let since = org.member_since.unwrap_or(today);
    w.organisations().end_membership(id, today.max(since))?;
    for mandate in w.read().mandates().for_organisation(id)? {
        if mandate.end_date.is_none_or(|end| end > today) {
            w.mandates()
                .end(mandate.id, today.max(mandate.start_date))?;
        }
    }
    w.read().organisations().get(id)
}

/// "3 Mandate, 1 ausgerichtete Sitzung": what refers to an organisation, for the message.
fn describe(d: &OrganisationDependants) -> String {
    super::counted(&[
        (d.mandates, "Mandat", "Mandate"),
        (
            d.hosted_sessions,
            "ausgerichtete Sitzung",
            "ausgerichtete Sitzungen",
        ),
        (d.attendance, "Teilnahme", "Teilnahmen"),
        (d.practice_examples, "Praxisbeispiel", "Praxisbeispiele"),
        (d.action_items, "Aufgabe", "Aufgaben"),
    ])
}

/// The organisation list, filtered and sorted as the user asked.
pub fn list(
    r: Reader<'_>,
    filter: &OrganisationFilter,
    today: chrono::NaiveDate,
) -> Result<OrganisationList> {
    let organisations = r.organisations().all()?;
    let total = i64::try_from(organisations.len()).unwrap_or(i64::MAX);
    let people: HashMap<i64, String> = r
        .people()
        .all()?
        .into_iter()
        .map(|p| (p.id, p.full_name()))
        .collect();
    let mut current: HashMap<i64, Vec<(usize, String)>> = HashMap::new();
    for mandate in r.mandates().all()? {
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
