//! The members list: German collation, particles ignored, free text without diacritics, filters.

use zirkel::model::{
    Direction, MandateInput, MemberFilter, MemberSort, MemberStatus, PersonInput, Role,
};
use zirkel::ops;

use crate::organisations::city;
use crate::util::{stamp, temp_store, today};

#[test]
fn sorts_like_a_german_phone_book_and_searches_without_diacritics() {
    let mut t = temp_store();
    let org = t
        .store
        .write(&stamp(), |w| {
            ops::organisations::create(w, &city("Stadt Arnsberg", "Nordrhein-Westfalen"))
        })
        .expect("org");
    let people = [
        ("Clara", "von", "Richter"),
        ("Şükrü", "", "Özdemir"),
        ("Anna", "", "Zimmermann"),
        ("Łukasz", "", "Wiśniewski"),
        ("Otto", "", "Oswald"),
        ("Ärzte", "", "Ahrens"),
    ];
    for (first, particle, last) in people {
        let p = t
            .store
            .write(&stamp(), |w| {
                ops::people::create(
                    w,
                    &PersonInput {
                        first_name: first.into(),
                        name_particle: particle.into(),
                        last_name: last.into(),
                        ..Default::default()
                    },
                )
            })
            .expect("p");
        t.store
            .write(&stamp(), |w| {
                ops::mandates::create(
                    w,
                    &MandateInput {
                        person_id: p.id,
                        organisation_id: Some(org.id),
                        role: Some(Role::Guest),
                        start_date: "01.01.2020".into(),
                        end_date: String::new(),
                        notes: String::new(),
                    },
                )
            })
            .expect("m");
    }
    let list = ops::members::list(t.store.read(), &MemberFilter::default(), today()).expect("list");
    let order: Vec<&str> = list.rows.iter().map(|r| r.last_name.as_str()).collect();
    assert_eq!(
        order,
        [
            "Ahrens",
            "Oswald",
            "Özdemir",
            "Richter",
            "Wiśniewski",
            "Zimmermann"
        ],
        "von is ignored, Ö sorts as O"
    );
    assert_eq!(list.rows[3].name, "Richter, Clara von");
    let desc = MemberFilter {
        sort: MemberSort::Name,
        direction: Direction::Descending,
        ..Default::default()
    };
    assert_eq!(
        ops::members::list(t.store.read(), &desc, today())
            .expect("desc")
            .rows[0]
            .last_name,
        "Zimmermann"
    );
    for (query, expected) in [
        ("sukru", "Özdemir"),
        ("LUKASZ", "Wiśniewski"),
        ("özd", "Özdemir"),
        ("clara rich", "Richter"),
    ] {
        let filter = MemberFilter {
            text: query.into(),
            ..Default::default()
        };
        let rows = ops::members::list(t.store.read(), &filter, today())
            .expect("search")
            .rows;
        assert_eq!(rows.len(), 1, "{query} must find exactly one person");
        assert_eq!(rows[0].last_name, expected);
    }
    let by_org = MemberFilter {
        text: "arnsberg".into(),
        ..Default::default()
    };
    assert_eq!(
        ops::members::list(t.store.read(), &by_org, today())
            .expect("org")
            .rows
            .len(),
        6,
        "free text covers the organisation"
    );
}

#[test]
fn status_and_reference_date_partition_people() {
    let mut t = temp_store();
    let org = t
        .store
        .write(&stamp(), |w| {
            ops::organisations::create(w, &city("Stadt Herten", "Nordrhein-Westfalen"))
        })
        .expect("org");
    let make = |t: &mut crate::util::TempStore, last: &str, start: &str, end: &str| {
        let p = t
            .store
            .write(&stamp(), |w| {
                ops::people::create(
                    w,
                    &PersonInput {
                        first_name: "X".into(),
                        last_name: last.into(),
                        ..Default::default()
                    },
                )
            })
            .expect("p");
        t.store
            .write(&stamp(), |w| {
                ops::mandates::create(
                    w,
                    &MandateInput {
                        person_id: p.id,
                        organisation_id: Some(org.id),
                        role: Some(Role::Deputy),
                        start_date: start.into(),
                        end_date: end.into(),
                        notes: String::new(),
                    },
                )
            })
            .expect("m");
    };
    make(&mut t, "Ehemals", "01.01.2015", "31.12.2019");
    make(&mut t, "Aktuell", "01.01.2020", "");
    t.store
        .write(&stamp(), |w| {
            ops::people::create(
                w,
                &PersonInput {
                    first_name: "Neu".into(),
                    last_name: "Kontakt".into(),
                    ..Default::default()
                },
            )
        })
        .expect("contact");
    let names = |status: MemberStatus, as_of: &str| -> Vec<String> {
        let filter = MemberFilter {
            status,
            as_of: as_of.into(),
            ..Default::default()
        };
        ops::members::list(t.store.read(), &filter, today())
            .expect("list")
            .rows
            .into_iter()
            .map(|r| r.last_name)
            .collect()
    };
    assert_eq!(
        names(MemberStatus::Current, ""),
        ["Aktuell", "Kontakt"],
        "a new contact without mandate counts as current"
    );
    assert_eq!(names(MemberStatus::Former, ""), ["Ehemals"]);
    assert_eq!(names(MemberStatus::All, "").len(), 3);
    assert_eq!(
        names(MemberStatus::Current, "01.06.2018"),
        ["Ehemals", "Kontakt"]
    );
    let bad = MemberFilter {
        as_of: "32.01.2020".into(),
        ..Default::default()
    };
    let err = ops::members::list(t.store.read(), &bad, today()).expect_err("impossible date");
    assert!(err.user_message().starts_with("Stichtag:"));
}
