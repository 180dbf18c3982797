//! The one search over everything: German folding on both sides, prefixes, narrowing words, the
//! grouping by kind, and an index that stays equal to a rebuild from the tables after creates,
//! updates, deletes, an import, minutes corrections and a reopen of a copy.

use zirkel::import;
use zirkel::model::content::{PracticeExampleInput, TopicInput};
use zirkel::model::search::SearchKind;
use zirkel::model::{PersonInput, Role, Stamp};
use zirkel::ops::search::{plain, search, SearchResults};
use zirkel::{ops, Store};

use crate::organisations::city;
use crate::util::{stamp, temp_store, today, TempStore};

fn person(first: &str, last: &str) -> PersonInput {
    PersonInput {
        first_name: first.into(),
        last_name: last.into(),
        ..Default::default()
    }
}

fn add_person(t: &mut TempStore, first: &str, last: &str) -> i64 {
    t.store
        .write(&stamp(), |w| ops::people::create(w, &person(first, last)))
        .expect("person")
        .id
}

fn find(store: &Store, query: &str) -> SearchResults {
    search(store.read(), query, 20, today()).expect("search")
}

/// The shown titles of the hits of one kind.
fn titles(store: &Store, query: &str, kind: SearchKind) -> Vec<String> {
    find(store, query)
        .groups
        .into_iter()
        .filter(|g| g.kind == kind)
        .flat_map(|g| g.hits)
        .map(|h| plain(&h.title))
        .collect()
}

fn people(store: &Store, query: &str) -> Vec<String> {
    let mut names = titles(store, query, SearchKind::Person);
    names.sort();
    names
}

fn assert_in_step(t: &mut TempStore, after: &str) {
    let drift = t.store.search_index_drift().expect("drift");
    assert!(
        drift.is_empty(),
        "after {after} the index must equal a rebuild from the tables: {drift:?}"
    );
}

#[test]
fn umlauts_and_sharp_s_match_their_transcriptions_both_ways() {
    let mut t = temp_store();
    add_person(&mut t, "Anna", "Müller");
    add_person(&mut t, "Jens", "Mueller");
    add_person(&mut t, "Şükrü", "Özdemir");
    add_person(&mut t, "Eva", "Straße");
    add_person(&mut t, "Ole", "Strasse");

    assert_eq!(
        people(&t.store, "Mueller"),
        ["Anna Müller", "Jens Mueller"],
        "the transcription finds the umlaut"
    );
    assert_eq!(
        people(&t.store, "Müller"),
        ["Anna Müller", "Jens Mueller"],
        "a typed umlaut also finds the transcribed spelling"
    );
    assert_eq!(
        people(&t.store, "muller"),
        ["Anna Müller"],
        "the plain transliteration finds the umlaut, not the other spelling"
    );
    assert_eq!(people(&t.store, "oezdemir"), ["Şükrü Özdemir"]);
    assert_eq!(people(&t.store, "Strasse"), ["Eva Straße", "Ole Strasse"]);
    assert_eq!(people(&t.store, "Straße"), ["Eva Straße", "Ole Strasse"]);
}

#[test]
fn case_and_accents_are_ignored_and_words_are_prefixes_that_narrow() {
    let mut t = temp_store();
    let herten = t
        .store
        .write(&stamp(), |w| {
            ops::organisations::create(w, &city("Stadt Herten", "Nordrhein-Westfalen"))
        })
        .expect("org");
    let jena = t
        .store
        .write(&stamp(), |w| {
            ops::organisations::create(w, &city("Stadt Jena", "Thüringen"))
        })
        .expect("org");
    for (first, last, function, org, role) in [
        (
            "Şükrü",
            "Özdemir",
            "Integrationsbeauftragter",
            herten.id,
            Role::Permanent,
        ),
        (
            "Thị Lan",
            "Nguyễn",
            "Integrationsbeauftragte",
            jena.id,
            Role::Permanent,
        ),
        ("Łukasz", "Wiśniewski", "Referent", jena.id, Role::Deputy),
    ] {
        t.store
            .write(&stamp(), |w| {
                let p = ops::people::create(
                    w,
                    &PersonInput {
                        function: function.into(),
                        ..person(first, last)
                    },
                )?;
                ops::mandates::create(
                    w,
                    &zirkel::model::MandateInput {
                        person_id: p.id,
                        organisation_id: Some(org),
                        role: Some(role),
                        start_date: "01.01.2020".into(),
                        end_date: String::new(),
                        notes: String::new(),
                    },
                )
            })
            .expect("member");
    }
    assert_eq!(people(&t.store, "OZDEMIR"), ["Şükrü Özdemir"], "case");
    assert_eq!(people(&t.store, "ozdemir"), ["Şükrü Özdemir"], "accents");
    assert_eq!(people(&t.store, "lukasz"), ["Łukasz Wiśniewski"]);
    assert_eq!(people(&t.store, "nguyen"), ["Thị Lan Nguyễn"]);
    assert_eq!(
        people(&t.store, "Integr"),
        ["Thị Lan Nguyễn", "Şükrü Özdemir"],
        "a word prefix finds Integrationsbeauftragte(r)"
    );
    assert_eq!(
        people(&t.store, "integr jena"),
        ["Thị Lan Nguyễn"],
        "a second word narrows the result"
    );
    assert!(people(&t.store, "integr jena herten").is_empty());
    let hit = &find(&t.store, "oezdemir").groups[0].hits[0];
    assert_eq!(
        hit.title
            .iter()
            .filter(|m| m.hit)
            .map(|m| m.text.as_str())
            .collect::<Vec<_>>(),
        ["Özdemir"],
        "the matching word is marked as written"
    );
    assert_eq!(hit.context, "Integrationsbeauftragter · Stadt Herten");
    assert!(
        find(&t.store, "  \"*( ").groups.is_empty(),
        "punctuation finds nothing"
    );
}

#[test]
fn every_kind_is_found_grouped_in_a_fixed_order() {
    let mut t = temp_store();
    ops::demo::load(&mut t.store, &stamp()).expect("demo");
    let found = find(&t.store, "welcome");
    let kinds: Vec<SearchKind> = found.groups.iter().map(|g| g.kind).collect();
    let mut sorted = kinds.clone();
    sorted.sort();
    assert_eq!(kinds, sorted, "groups come in the kinds' order");
    for kind in [
        SearchKind::AgendaItem,
        SearchKind::MinutesNote,
        SearchKind::PracticeExample,
        SearchKind::Recommendation,
    ] {
        assert!(
            kinds.contains(&kind),
            "{kind:?} found for 'welcome': {kinds:?}"
        );
    }
    let item = found
        .groups
        .iter()
        .find(|g| g.kind == SearchKind::AgendaItem)
        .and_then(|g| g.hits.first())
        .expect("an agenda item");
    assert!(
        item.session_id.is_some(),
        "an agenda item opens its session"
    );
    assert!(item.context.contains(". Sitzung"), "{}", item.context);

    for (query, kind) in [
        ("Religiöse Vielfalt", SearchKind::Topic),
        ("Stuttgart", SearchKind::Session),
        ("Stuttgart", SearchKind::Organisation),
    ] {
        assert!(
            !titles(&t.store, query, kind).is_empty(),
            "{kind:?} found for {query}"
        );
    }
    let limited = search(t.store.read(), "integr", 2, today()).expect("search");
    let people = limited
        .groups
        .iter()
        .find(|g| g.kind == SearchKind::Person)
        .expect("people");
    assert_eq!(people.hits.len(), 2);
    assert!(people.more, "more people than shown");
    assert_in_step(&mut t, "the demo load");
}

#[test]
fn the_index_follows_every_write_and_equals_a_rebuild() {
    let mut t = temp_store();
    ops::demo::load(&mut t.store, &stamp()).expect("demo");
    let anna = add_person(&mut t, "Anna", "Kowalczyk");
    assert_eq!(people(&t.store, "kowalczyk"), ["Anna Kowalczyk"]);

    // Update and delete.
    t.store
        .write(&stamp(), |w| {
            ops::people::update(w, anna, &person("Anna", "Kowalska"))
        })
        .expect("rename");
    assert!(
        people(&t.store, "kowalczyk").is_empty(),
        "the old name is gone"
    );
    assert_eq!(people(&t.store, "kowalska"), ["Anna Kowalska"]);
    t.store
        .write(&stamp(), |w| ops::people::delete(w, anna))
        .expect("delete");
    assert!(people(&t.store, "kowalska").is_empty());
    assert_in_step(&mut t, "create, update and delete of a person");

    // Topics and practice examples.
    let topic = t
        .store
        .write(&stamp(), |w| {
            ops::topics::create(
                w,
                &TopicInput {
                    name: "Sportvereine".into(),
                    description: "Integration durch Sport".into(),
                },
            )
        })
        .expect("topic");
    let example = t
        .store
        .write(&stamp(), |w| {
            ops::practice_examples::create(
                w,
                &PracticeExampleInput {
                    title: "Mitternachtsfußball".into(),
                    summary: "Jugendliche spielen nachts in der Turnhalle".into(),
                    topic_ids: vec![topic.id],
                    ..Default::default()
                },
            )
        })
        .expect("example");
    assert_eq!(
        titles(
            &t.store,
            "mitternachtsfussball",
            SearchKind::PracticeExample
        ),
        ["Mitternachtsfußball"]
    );
    assert_eq!(
        titles(&t.store, "turnhal", SearchKind::PracticeExample),
        ["Mitternachtsfußball"],
        "the summary is searchable"
    );
    t.store
        .write(&stamp(), |w| ops::practice_examples::delete(w, example.id))
        .expect("delete example");
    t.store
        .write(&stamp(), |w| ops::topics::delete(w, topic.id))
        .expect("delete topic");
    assert!(titles(&t.store, "sportverein", SearchKind::Topic).is_empty());
    assert_in_step(&mut t, "topics and practice examples");

    // Minutes: a correction makes a new current version; only it is searchable.
    let approved = t
        .store
        .read()
        .minutes()
        .versions(
            t.store
                .read()
                .sessions()
                .by_number(37)
                .expect("read")
                .expect("37")
                .id,
        )
        .expect("versions")
        .into_iter()
        .find(|m| m.is_current)
        .expect("current");
    let notes_before = find(&t.store, "interkulturelle").total;
    t.store
        .write(&stamp(), |w| {
            ops::minutes::correct(w, approved.id, "Tippfehler im Namen")
        })
        .expect("correct");
    assert_eq!(
        find(&t.store, "interkulturelle").total,
        notes_before,
        "the correction replaces the old version's hits, it does not double them"
    );
    assert_in_step(&mut t, "a minutes correction");

    // An import.
    let csv = "Vorname;Nachname;Funktion\r\nGrażyna;Dąbrowska;Integrationslotsin\r\n";
    import::commit(
        &mut t.store,
        &Stamp {
            at: "2026-11-25T11:00:00".parse().expect("time"),
            ..stamp()
        },
        "neu.csv",
        csv.as_bytes(),
        None,
        &[],
        None,
    )
    .expect("import");
    assert_eq!(people(&t.store, "dabrowska"), ["Grażyna Dąbrowska"]);
    assert_in_step(&mut t, "an import");

    // A copy of the file (as a backup or a restore brings it back) is opened in step.
    let copy = t.path.with_file_name("kopie.sqlite3");
    t.store
        .copy_into(copy.to_str().expect("utf-8 path"))
        .expect("copy");
    let mut reopened = Store::open_existing(&copy).expect("reopen");
    assert_eq!(people(&reopened, "dabrowska"), ["Grażyna Dąbrowska"]);
    assert!(reopened.search_index_drift().expect("drift").is_empty());
}

#[test]
fn a_v3_store_gets_its_search_index_rebuilt_by_the_migration() {
    use rusqlite_migration::{Migrations, M};
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("v3.sqlite3");
    {
        // A store as version 3 wrote it: the first three migrations, data, an old-style entry.
        let mut conn = rusqlite::Connection::open(&path).expect("open");
        Migrations::new(vec![
            M::up(zirkel::store::schema::shipped(1)),
            M::up(zirkel::store::schema::shipped(2)),
            M::up(zirkel::store::schema::shipped(3)),
        ])
        .to_latest(&mut conn)
        .expect("V3");
        conn.execute_batch(
            "INSERT INTO people (id, first_name, last_name, function, created_at, created_by,
                updated_at, updated_by)
                VALUES (1, 'Şükrü', 'Özdemir', 'Integrationsbeauftragter', 't', 'u', 't', 'u');
             INSERT INTO topics (id, name, created_at, created_by, updated_at, updated_by)
                VALUES (1, 'Religiöse Vielfalt', 't', 'u', 't', 'u');
             INSERT INTO search_index (rowid, entity, entity_id, title, body, folded)
                VALUES ((1 << 40) | 1, 'person', 1, 'Şükrü Özdemir', '', 'sukru ozdemir');",
        )
        .expect("V3 data");
    }
    let mut store = Store::open(&path).expect("migrate to the current version");
    assert_eq!(people(&store, "oezdemir"), ["Şükrü Özdemir"]);
    assert_eq!(
        titles(&store, "religioese", SearchKind::Topic),
        ["Religiöse Vielfalt"],
        "records that had no entry before are indexed too"
    );
    assert!(store.search_index_drift().expect("drift").is_empty());
}
