//! People: names survive the store, bad input changes nothing, history blocks deletion.

use zirkel::model::{PersonInput, Salutation};
use zirkel::store::Entity;
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
        t.store
            .write(&stamp(), |w| ops::people::create(w, &input(first, last)))
            .expect("create");
    }
    drop(t.store);
    let store = Store::open(&t.path).expect("reopen");
    let list = ops::members::list(store.read(), &Default::default(), today()).expect("list");
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
    match t.store.write(&stamp(), |w| ops::people::create(w, &bad)) {
        Err(Error::Invalid(errors)) => {
            let (field, message) = (errors[0].field.as_str(), errors[0].message.as_str());
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
    let person = t
        .store
        .write(&stamp(), |w| {
            ops::people::create(w, &input("Clara", "Richter"))
        })
        .expect("create");
    let mut later = stamp();
    later.at += chrono::Duration::hours(2);
    later.user = "kollegin".into();
    let changed = PersonInput {
        salutation: Salutation::Ms,
        title: "Dr.".into(),
        name_particle: "von".into(),
        ..input("Clara", "Richter")
    };
    let updated = t
        .store
        .write(&later, |w| ops::people::update(w, person.id, &changed))
        .expect("update");
    assert_eq!(updated.full_name(), "Dr. Clara von Richter");
    assert_eq!(
        updated.history.created_by, "geschaeftsstelle",
        "creator must be kept"
    );
    assert_eq!(updated.history.updated_by, "kollegin");
    assert_eq!(updated.history.updated_at, "2026-11-25T12:00:00");
    let store = &t.store;
    let detail = ops::people::get(store.read(), person.id, today()).expect("get");
    assert!(
        !detail.has_history,
        "a fresh person without mandates has no history"
    );
    let entries = t
        .store
        .read()
        .audit()
        .for_entity(Entity::Person, person.id)
        .expect("audit");
    let actions: Vec<&str> = entries.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(actions, ["create", "update"], "every write is audited");
    assert_eq!(entries[1].user, "kollegin");
}

#[test]
fn a_person_without_history_can_be_deleted() {
    let mut t = temp_store();
    let person = t
        .store
        .write(&stamp(), |w| {
            ops::people::create(w, &input("Tippfehler", "Person"))
        })
        .expect("create");
    t.store
        .write(&stamp(), |w| ops::people::delete(w, person.id))
        .expect("delete");
    assert!(matches!(
        ops::people::get(t.store.read(), person.id, today()),
        Err(Error::NotFound { .. })
    ));
    assert!(matches!(
        t.store
            .write(&stamp(), |w| ops::people::delete(w, person.id)),
        Err(Error::NotFound { .. })
    ));
}
