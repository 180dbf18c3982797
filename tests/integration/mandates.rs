//! Mandates: a seat passes from one commissioner to the next without losing history.

use zirkel::model::{MandateInput, MemberFilter, MemberStatus, PersonInput, Role};
use zirkel::{ops, Error};

use crate::organisations::city;
use crate::util::{stamp, temp_store, today};

fn mandate(
    person_id: i64,
    organisation_id: i64,
    role: Role,
    start: &str,
    end: &str,
) -> MandateInput {
    MandateInput {
        person_id,
        organisation_id: Some(organisation_id),
        role: Some(role),
        start_date: start.into(),
        end_date: end.into(),
        notes: String::new(),
    }
}

#[test]
fn a_seat_passes_on_and_the_past_stays_queryable() {
    let mut t = temp_store();
    let jena = t
        .store
        .write(&stamp(), |w| {
            ops::organisations::create(w, &city("Stadt Jena", "Thüringen"))
        })
        .expect("org");
    let person = |first: &str, last: &str| PersonInput {
        first_name: first.into(),
        last_name: last.into(),
        ..Default::default()
    };
    let brandt = t
        .store
        .write(&stamp(), |w| {
            ops::people::create(w, &person("Wolfgang", "Brandt"))
        })
        .expect("a");
    let yildirim = t
        .store
        .write(&stamp(), |w| {
            ops::people::create(w, &person("İlkay", "Yıldırım"))
        })
        .expect("b");
    let first = t
        .store
        .write(&stamp(), |w| {
            ops::mandates::create(
                w,
                &mandate(brandt.id, jena.id, Role::Permanent, "01.01.2012", ""),
            )
        })
        .expect("first");

    // The successor cannot take the seat while it is held …
    match t.store.write(&stamp(), |w| {
        ops::mandates::create(
            w,
            &mandate(yildirim.id, jena.id, Role::Permanent, "01.07.2023", ""),
        )
    }) {
        Err(Error::Invalid(errors)) => {
            let (field, message) = (errors[0].field.as_str(), errors[0].message.as_str());
            assert_eq!(field, "start_date");
            assert!(
                message.contains("Wolfgang Brandt"),
                "names the current holder: {message}"
            );
        }
        other => panic!("two permanent holders of one seat must be refused, got {other:?}"),
    }
    // … but once it ends the day before, it passes on.
    t.store
        .write(&stamp(), |w| {
            ops::mandates::update(
                w,
                first.id,
                &mandate(
                    brandt.id,
                    jena.id,
                    Role::Permanent,
                    "01.01.2012",
                    "30.06.2023",
                ),
            )
        })
        .expect("end");
    t.store
        .write(&stamp(), |w| {
            ops::mandates::create(
                w,
                &mandate(yildirim.id, jena.id, Role::Permanent, "01.07.2023", ""),
            )
        })
        .expect("successor");
    t.store
        .write(&stamp(), |w| ops::people::deactivate(w, brandt.id))
        .expect("deactivate");

    let seat_holder = |as_of: &str| -> Vec<String> {
        let filter = MemberFilter {
            organisation_id: Some(jena.id),
            role: Some(Role::Permanent),
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
        seat_holder("01.01.2020"),
        ["Brandt"],
        "members as of a past date show that day's holder"
    );
    assert_eq!(
        seat_holder(""),
        ["Yıldırım"],
        "today the successor holds the seat"
    );
    let former = MemberFilter {
        status: MemberStatus::Former,
        ..Default::default()
    };
    let former = ops::members::list(t.store.read(), &former, today()).expect("former");
    assert_eq!(former.rows.len(), 1);
    assert!(
        !former.rows[0].active,
        "the predecessor is kept as a former member"
    );
    assert!(
        matches!(
            t.store
                .write(&stamp(), |w| ops::people::delete(w, brandt.id)),
            Err(Error::Conflict { .. })
        ),
        "history blocks deletion"
    );
}

#[test]
fn overlapping_mandates_of_the_same_role_are_refused() {
    let mut t = temp_store();
    let org = t
        .store
        .write(&stamp(), |w| {
            ops::organisations::create(w, &city("Stadt Leipzig", "Sachsen"))
        })
        .expect("org");
    let p = t
        .store
        .write(&stamp(), |w| {
            ops::people::create(
                w,
                &PersonInput {
                    first_name: "Lan".into(),
                    last_name: "Nguyễn".into(),
                    ..Default::default()
                },
            )
        })
        .expect("p");
    t.store
        .write(&stamp(), |w| {
            ops::mandates::create(
                w,
                &mandate(p.id, org.id, Role::Deputy, "01.01.2020", "31.12.2024"),
            )
        })
        .expect("first");
    assert!(
        t.store
            .write(&stamp(), |w| ops::mandates::create(
                w,
                &mandate(p.id, org.id, Role::Deputy, "31.12.2024", "")
            ))
            .is_err(),
        "sharing a day overlaps"
    );
    t.store
        .write(&stamp(), |w| {
            ops::mandates::create(w, &mandate(p.id, org.id, Role::Deputy, "01.01.2025", ""))
        })
        .expect("adjacent is fine");
    let bad_order = mandate(p.id, org.id, Role::Guest, "01.03.2024", "01.02.2024");
    assert!(
        matches!(t.store.write(&stamp(), |w| ops::mandates::create(w, &bad_order)), Err(Error::Invalid(ref errors)) if errors[0].field.as_str() == "end_date")
    );
    let detail = ops::people::get(t.store.read(), p.id, today()).expect("get");
    assert_eq!(
        detail.mandates.len(),
        2,
        "refused mandates were not written"
    );
    assert!(
        detail.mandates[0].current,
        "the current mandate is listed first"
    );
}
