//! People: names survive the store, bad input changes nothing, history blocks deletion.

use zirkel::model::{PersonInput, Salutation};
use zirkel::store::audit;
use zirkel::{ops, Error, Store};

use crate::util::{stamp, temp_store, today};

fn input(first: &str, last: &str) -> PersonInput {
    PersonInput {
        first_name: first.into(),
        last_name: last.into(),
        ..Default::default()
    }
}

#[test]
fn names_from_many_scripts_survive_a_reopen() {
    let mut t = temp_store();
    let names = [
        ("Şükrü", "Özdemir"),
        ("İlkay", "Yıldırım"),
        ("Łukasz", "Wiśniewski"),
        ("Thị Lan", "Nguyễn"),
        ("Γιώργος", "Παπαδόπουλος"),
        ("Ольга", "Иванова"),
        ("ليلى", "حداد"),
    ];
    for (first, last) in names {
        ops::people::create(&mut t.store, &stamp(), &input(first, last)).expect("create");
    }
    drop(t.store);
    let store = Store::open(&t.path).expect("reopen");
    let list = ops::members::list(&store, &Default::default(), today()).expect("list");
    for (first, last) in names {
        assert!(
            list.rows
                .iter()
                .any(|r| r.first_name == first && r.last_name == last),
            "{first} {last} must come back exactly as typed"
        );
    }
}

#[test]
fn refused_input_names_the_field_and_writes_nothing() {
    let mut t = temp_store();
    let bad = PersonInput {
        email: "kein-at-zeichen".into(),
        ..input("Anna", "Schmidt")
    };
    match ops::people::create(&mut t.store, &stamp(), &bad) {
        Err(Error::Validation { field, message }) => {
            assert_eq!(field, "email");
            assert!(
                message.starts_with("E-Mail:"),
                "German message naming the field: {message}"
            );
        }
        other => panic!("expected a validation error, got {other:?}"),
    }
    assert_eq!(
        t.store.info().expect("info").people,
        0,
        "nothing may be written on error"
    );
}

#[test]
fn update_keeps_history_and_audits() {
    let mut t = temp_store();
    let person =
        ops::people::create(&mut t.store, &stamp(), &input("Clara", "Richter")).expect("create");
    let mut later = stamp();
    later.at += chrono::Duration::hours(2);
    later.user = "kollegin".into();
    let changed = PersonInput {
        salutation: Salutation::Ms,
        title: "Dr.".into(),
        name_particle: "von".into(),
        ..input("Clara", "Richter")
    };
    let updated = ops::people::update(&mut t.store, &later, person.id, &changed).expect("update");
    assert_eq!(updated.full_name(), "Dr. Clara von Richter");
    assert_eq!(
        updated.history.created_by, "geschaeftsstelle",
        "creator must be kept"
    );
    assert_eq!(updated.history.updated_by, "kollegin");
    assert_eq!(updated.history.updated_at, "2026-11-25T12:00:00");
    let store = &t.store;
    let detail = ops::people::get(store, person.id, today()).expect("get");
    assert!(
        !detail.has_history,
        "a fresh person without mandates has no history"
    );
    let conn = rusqlite::Connection::open(&t.path).expect("raw open");
    let entries = audit::for_entity(&conn, "person", person.id).expect("audit");
    let actions: Vec<&str> = entries.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(actions, ["create", "update"], "every write is audited");
    assert_eq!(entries[1].user, "kollegin");
}

#[test]
fn a_person_without_history_can_be_deleted() {
    let mut t = temp_store();
    let person = ops::people::create(&mut t.store, &stamp(), &input("Tippfehler", "Person"))
        .expect("create");
    ops::people::delete(&mut t.store, &stamp(), person.id).expect("delete");
    assert!(matches!(
        ops::people::get(&t.store, person.id, today()),
        Err(Error::NotFound { .. })
    ));
    assert!(matches!(
        ops::people::delete(&mut t.store, &stamp(), person.id),
        Err(Error::NotFound { .. })
    ));
}
