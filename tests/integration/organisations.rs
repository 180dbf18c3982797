//! Organisations: validation, list filters, and deletion only without dependants.

use zirkel::model::{
    Direction, MandateInput, OrganisationFilter, OrganisationInput, OrganisationKind,
    OrganisationSort, OrganisationStatus, PersonInput, Role,
};
use zirkel::{ops, Error};

use crate::util::{stamp, temp_store, today};

pub fn city(name: &str, state: &str) -> OrganisationInput {
    OrganisationInput {
        name: name.into(),
        kind: Some(OrganisationKind::City),
        state: state.into(),
        member_since: "01.01.2009".into(),
        ..Default::default()
    }
}

#[test]
fn list_filters_and_sorts_in_german_order() {
    let mut t = temp_store();
    for (name, state) in [
        ("Stadt Offenbach", "Hessen"),
        ("Stadt Arnsberg", "Nordrhein-Westfalen"),
        ("Landeshauptstadt München", "Bayern"),
        ("Stadt Überlingen", "Baden-Württemberg"),
    ] {
        t.store
            .write(&stamp(), |w| {
                ops::organisations::create(w, &city(name, state))
            })
            .expect("create");
    }
    let names = |filter: &OrganisationFilter| -> Vec<String> {
        ops::organisations::list(t.store.read(), filter, today())
            .expect("list")
            .rows
            .into_iter()
            .map(|r| r.name)
            .collect()
    };
    assert_eq!(
        names(&OrganisationFilter::default()),
        [
            "Landeshauptstadt München",
            "Stadt Arnsberg",
            "Stadt Offenbach",
            "Stadt Überlingen"
        ],
        "Ü sorts with U, not after Z"
    );
    let by_state = OrganisationFilter {
        sort: OrganisationSort::State,
        direction: Direction::Descending,
        ..Default::default()
    };
    assert_eq!(
        names(&by_state)[0],
        "Stadt Arnsberg",
        "Nordrhein-Westfalen last in A–Z, first descending"
    );
    let muenchen = OrganisationFilter {
        text: "munchen".into(),
        ..Default::default()
    };
    assert_eq!(
        names(&muenchen),
        ["Landeshauptstadt München"],
        "search ignores umlauts"
    );
    let bayern = OrganisationFilter {
        state: Some("Bayern".into()),
        ..Default::default()
    };
    assert_eq!(names(&bayern).len(), 1);
}

#[test]
fn delete_is_refused_with_mandates_and_end_membership_keeps_history() {
    let mut t = temp_store();
    let org = t
        .store
        .write(&stamp(), |w| {
            ops::organisations::create(w, &city("Stadt Herten", "Nordrhein-Westfalen"))
        })
        .expect("org");
    let person = t
        .store
        .write(&stamp(), |w| {
            ops::people::create(
                w,
                &PersonInput {
                    first_name: "Şükrü".into(),
                    last_name: "Özdemir".into(),
                    ..Default::default()
                },
            )
        })
        .expect("person");
    t.store
        .write(&stamp(), |w| {
            ops::mandates::create(
                w,
                &MandateInput {
                    person_id: person.id,
                    organisation_id: Some(org.id),
                    role: Some(Role::Permanent),
                    start_date: "01.01.2015".into(),
                    end_date: String::new(),
                    notes: String::new(),
                },
            )
        })
        .expect("mandate");
    match t
        .store
        .write(&stamp(), |w| ops::organisations::delete(w, org.id))
    {
        Err(Error::Conflict { message }) => {
            assert!(
                message.contains("1 Mandat"),
                "names what refers to it: {message}"
            );
            assert!(
                message.contains("Mitgliedschaft beenden"),
                "offers the safe alternative: {message}"
            );
        }
        other => panic!("deleting an organisation with mandates must be refused, got {other:?}"),
    }
    let ended = t
        .store
        .write(&stamp(), |w| ops::organisations::end_membership(w, org.id))
        .expect("end");
    assert_eq!(ended.member_until, Some(today()));
    let detail = ops::organisations::get(t.store.read(), org.id, today()).expect("get");
    assert_eq!(
        detail.mandates[0].mandate.end_date,
        Some(today()),
        "open mandates end with the membership"
    );
    let former = OrganisationFilter {
        status: OrganisationStatus::Former,
        ..Default::default()
    };
    let tomorrow = today().succ_opt().expect("date");
    assert_eq!(
        ops::organisations::list(t.store.read(), &former, tomorrow)
            .expect("list")
            .rows
            .len(),
        1
    );
}

#[test]
fn bad_postal_code_changes_nothing() {
    let mut t = temp_store();
    let org = t
        .store
        .write(&stamp(), |w| {
            ops::organisations::create(w, &city("Stadt Jena", "Thüringen"))
        })
        .expect("org");
    let bad = OrganisationInput {
        postal_code: "0774".into(),
        ..city("Stadt Jena (geändert)", "Thüringen")
    };
    match t
        .store
        .write(&stamp(), |w| ops::organisations::update(w, org.id, &bad))
    {
        Err(Error::Invalid(errors)) => assert_eq!(errors[0].field.as_str(), "postal_code"),
        other => panic!("expected validation error, got {other:?}"),
    }
    let detail = ops::organisations::get(t.store.read(), org.id, today()).expect("get");
    assert_eq!(
        detail.organisation.name, "Stadt Jena",
        "a refused update leaves the record as it was"
    );
}
