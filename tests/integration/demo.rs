//! The demo data set: loads completely into an empty store, only there, and carries what later
//! screens need.

use rusqlite::Connection;
use zirkel::model::{MemberFilter, MemberStatus};
use zirkel::{ops, Error};

use crate::util::{stamp, temp_store, today};

#[test]
fn loads_the_working_group() {
    let mut t = temp_store();
    let info = ops::demo::load(&mut t.store, &stamp()).expect("demo loads");
    assert!(
        info.organisations >= 35,
        "about 30 municipalities plus partners"
    );
    assert!((50..=80).contains(&info.people), "about 60 people");
    let all = MemberFilter {
        status: MemberStatus::All,
        ..Default::default()
    };
    let rows = ops::members::list(t.store.read(), &all, today())
        .expect("list")
        .rows;
    for (first, last) in [
        ("Şükrü", "Özdemir"),
        ("İlkay", "Yıldırım"),
        ("Łukasz", "Wiśniewski"),
        ("Thị Lan", "Nguyễn"),
    ] {
        assert!(
            rows.iter()
                .any(|r| r.first_name == first && r.last_name == last),
            "{first} {last} is in the demo"
        );
    }
    assert!(
        rows.iter()
            .any(|r| r.name_particle.as_deref() == Some("von")),
        "a name with particle"
    );
    let orgs = ops::organisations::list(t.store.read(), &Default::default(), today())
        .expect("orgs")
        .rows;
    for name in [
        "Stuttgart",
        "München",
        "Hannover",
        "Herten",
        "Arnsberg",
        "Jena",
        "Leipzig",
        "Bundesamt für Migration",
        "Bundeskanzleramt",
        "Deutscher Städtetag",
        "Deutscher Landkreistag",
        "Robert Bosch Stiftung",
        "Bertelsmann Stiftung",
    ] {
        assert!(
            orgs.iter().any(|o| o.name.contains(name)),
            "{name} is a demo organisation"
        );
    }

    let conn = Connection::open(&t.path).expect("raw open");
    let count = |sql: &str| -> i64 { conn.query_row(sql, [], |r| r.get(0)).expect(sql) };
    assert_eq!(count("SELECT count(*) FROM sessions"), 3);
    assert_eq!(count("SELECT count(*) FROM sessions WHERE first_day = '2026-09-21' AND last_day = '2026-09-22'"), 1, "the Stuttgart meeting");
    assert!(count("SELECT count(*) FROM agenda_items a JOIN sessions s ON s.id = a.session_id WHERE s.first_day = '2026-09-21' AND a.kind = 'visit' AND a.title LIKE '%Welcome Center%'") >= 1);
    assert_eq!(
        count("SELECT count(*) FROM minutes WHERE status = 'approved'"),
        1
    );
    assert_eq!(
        count("SELECT count(*) FROM minutes WHERE status = 'draft'"),
        1
    );
    assert!(count("SELECT count(*) FROM action_items WHERE status = 'done'") > 0);
    assert!(count("SELECT count(*) FROM action_items WHERE status = 'open'") > 0);
    assert!(count("SELECT count(*) FROM attendance") > 40);
    assert!(count("SELECT count(*) FROM practice_examples") >= 3);
    assert!(count("SELECT count(*) FROM recommendations") >= 3);
    assert!(count("SELECT count(*) FROM topics") >= 5);
    let seats = count(
        "SELECT count(*) FROM (SELECT organisation_id FROM mandates WHERE role = 'permanent'
         GROUP BY organisation_id HAVING count(*) > 1)",
    );
    assert!(
        seats >= 1,
        "one city's seat passed from one commissioner to another"
    );

    let found = zirkel::ops::search::search(t.store.read(), "Lukasz", 10, today()).expect("search");
    assert!(
        found
            .groups
            .iter()
            .flat_map(|g| &g.hits)
            .any(|h| zirkel::ops::search::plain(&h.title).contains("Łukasz")),
        "the FTS index finds names typed without diacritics"
    );
}

#[test]
fn is_refused_on_a_store_with_data_and_changes_nothing() {
    let mut t = temp_store();
    ops::demo::load(&mut t.store, &stamp()).expect("first load");
    let before = t.store.info().expect("info");
    match ops::demo::load(&mut t.store, &stamp()) {
        Err(Error::Conflict { message }) => assert!(message.contains("leeren")),
        other => panic!("a second load must be refused, got {other:?}"),
    }
    assert_eq!(t.store.info().expect("info"), before);
}
