//! Bad input, proven: property tests over the importer and the validation with arbitrary text
//! and bytes (German and other letters, separators, quotes, line breaks, control characters).
//! No input panics, and a write is all or nothing: a refused import or form leaves the store as
//! it was. The Markdown subset and the letter placeholders have their own properties beside
//! their code (`src/pdf/markdown.rs`, `src/model/letter.rs`).
//!
//! Bounded: `PROPTEST_CASES` cases per property (default 200), each property stops after 60 s.

use proptest::prelude::*;
use zirkel::import::{self, DuplicateAction, DuplicateDecision};
use zirkel::model::{PersonInput, Salutation};
use zirkel::{ops, Error, Store};

use crate::util::{stamp, today};

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(200),
        // A failure is shrunk for at most 20 s and reported; nothing is written into the repo.
        max_shrink_time: 20_000,
        failure_persistence: None,
        timeout: 60_000,
        ..ProptestConfig::default()
    }
}

/// Text a user or a spreadsheet might produce, and text nobody would.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => "[a-zA-ZäöüÄÖÜßŞşŁłğıễịạ -]{0,24}",
        2 => "[ a-zA-Z0-9@.;,\"'\t\r\n{}*#<>_+/()ÄÖÜäöüß-]{0,30}",
        1 => any::<String>(),
        1 => Just(String::new()),
    ]
}

const HEADERS: [&str; 12] = [
    "Nachname",
    "Vorname",
    "E-Mail",
    "Organisation",
    "Funktion",
    "Rolle",
    "Mitglied seit",
    "Telefon",
    "PLZ",
    "Ort",
    "Anrede",
    "Titel",
];

/// A CSV file as spreadsheets write them (a header of known and unknown columns, `;` or `,`,
/// quoted or not), or arbitrary bytes.
fn csv_file() -> impl Strategy<Value = Vec<u8>> {
    let table = (
        prop::sample::subsequence(HEADERS.to_vec(), 1..HEADERS.len()),
        prop::bool::ANY,
        prop::bool::ANY,
        prop::collection::vec(prop::collection::vec(text(), 1..12), 0..8),
    )
        .prop_map(|(header, semicolon, quoted, rows)| {
            let sep = if semicolon { ";" } else { "," };
            let cell = |c: &str| {
                if quoted {
                    format!("\"{}\"", c.replace('"', "\"\""))
                } else {
                    c.to_owned()
                }
            };
            let mut out = header.iter().map(|h| cell(h)).collect::<Vec<_>>().join(sep);
            for row in rows {
                out.push_str("\r\n");
                out.push_str(&row.iter().map(|c| cell(c)).collect::<Vec<_>>().join(sep));
            }
            out.into_bytes()
        });
    prop_oneof![4 => table, 1 => prop::collection::vec(any::<u8>(), 0..600)]
}

/// What a write could change: the counts of every table a person import touches.
fn state(store: &Store) -> (i64, i64, i64) {
    let info = store.info().expect("info");
    let mandates = ops::members::list(
        store.read(),
        &zirkel::model::MemberFilter {
            status: zirkel::model::MemberStatus::All,
            ..Default::default()
        },
        today(),
    )
    .expect("list")
    .total;
    (info.people, info.organisations, mandates)
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn an_import_never_panics_and_writes_all_or_nothing(
        bytes in csv_file(),
        xlsx in prop::bool::weighted(0.1),
        update in prop::bool::ANY,
    ) {
        let mut store = Store::open_in_memory().expect("store");
        let name = if xlsx { "mitglieder.xlsx" } else { "mitglieder.csv" };
        // Twice: the second time every row meets the people of the first.
        for round in 0..2 {
            let before = state(&store);
            let decisions: Vec<DuplicateDecision> = match import::preview(&store, name, &bytes, None, today()) {
                Ok(preview) => preview
                    .rows
                    .iter()
                    .filter(|r| r.existing_person_id.is_some())
                    .map(|r| DuplicateDecision {
                        row: r.row,
                        action: if update { DuplicateAction::Update } else { DuplicateAction::Skip },
                    })
                    .collect(),
                Err(Error::Invalid(errors)) => {
                    prop_assert!(!errors.is_empty());
                    Vec::new()
                }
                Err(other) => return Err(TestCaseError::fail(format!("preview: {other:?}"))),
            };
            match import::commit(&mut store, &stamp(), name, &bytes, None, &decisions, None) {
                Ok(summary) => {
                    let after = state(&store);
                    prop_assert_eq!(after.0, before.0 + summary.created as i64, "round {}", round);
                    prop_assert_eq!(
                        after.1,
                        before.1 + summary.organisations_created as i64,
                        "round {}", round
                    );
                }
                Err(Error::Invalid(errors)) => {
                    prop_assert!(!errors.is_empty());
                    prop_assert!(errors.iter().all(|e| !e.message.is_empty()));
                    prop_assert_eq!(state(&store), before, "a refused import wrote something");
                }
                Err(other) => return Err(TestCaseError::fail(format!("commit: {other:?}"))),
            }
        }
        prop_assert!(store.search_index_drift().expect("drift").is_empty());
    }

    #[test]
    fn a_person_is_stored_as_typed_or_refused_naming_fields_and_writing_nothing(
        first_name in text(),
        last_name in text(),
        title in text(),
        function in text(),
        email in text(),
        phone in text(),
        postal_code in text(),
        consent_date in text(),
        consent in prop::bool::ANY,
    ) {
        let mut store = Store::open_in_memory().expect("store");
        let input = PersonInput {
            salutation: Salutation::Neutral,
            title,
            first_name,
            last_name,
            function,
            email,
            phone,
            postal_code,
            consent_shared_lists: consent,
            consent_date,
            ..Default::default()
        };
        match store.write(&stamp(), |w| ops::people::create(w, &input)) {
            Ok(person) => {
                let stored = ops::people::get(store.read(), person.id, today()).expect("get").person;
                prop_assert_eq!(stored.first_name.as_str(), input.first_name.trim());
                prop_assert_eq!(stored.last_name.as_str(), input.last_name.trim());
                prop_assert_eq!(store.info().expect("info").people, 1);
                let found = ops::search::search(store.read(), &stored.last_name, 5, today());
                prop_assert!(found.is_ok(), "searching for a stored name: {found:?}");
            }
            Err(Error::Invalid(errors)) => {
                prop_assert!(!errors.is_empty());
                for e in &errors {
                    // Every message names its field in German ("Nachname: …").
                    prop_assert!(e.message.contains(':'), "{:?}", e);
                }
                prop_assert_eq!(store.info().expect("info").people, 0);
            }
            Err(other) => return Err(TestCaseError::fail(format!("create: {other:?}"))),
        }
        prop_assert!(store.search_index_drift().expect("drift").is_empty());
    }
}
