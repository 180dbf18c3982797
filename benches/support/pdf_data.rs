//! Data for the PDF benchmarks, shared by `benches/pdf.rs` and `examples/pdf_members_10k.rs`:
//! the demo data plus 10,000 people with mandates, and minutes long enough for 20 pages.

// Shared by the bench and the example through `#[path]`; each uses only part of it.
#![allow(dead_code)]

use zirkel::model::{MandateInput, PersonInput, Role, Stamp};
use zirkel::{ops, Store};

/// A fixed stamp: benchmarks must not depend on the clock.
pub fn stamp() -> Stamp {
    Stamp {
        user: "bench".into(),
        at: "2026-11-25T10:00:00".parse().expect("time"),
    }
}

const FIRST: [&str; 12] = [
    "Şükrü",
    "Anna",
    "Łukasz",
    "Thị Lan",
    "Γιώργος",
    "Ольга",
    "Jörg",
    "Ayşe",
    "Mehmet",
    "Zoë",
    "Björn",
    "Ilkay",
];
const LAST: [&str; 12] = [
    "Özdemir",
    "Schmidt",
    "Wiśniewski",
    "Nguyễn",
    "Παπαδόπουλος",
    "Иванова",
    "Weiß",
    "Yıldırım",
    "Kaya",
    "Müller-Lüdenscheidt",
    "Hofbauer",
    "Karaca",
];

/// Functions as the demo data has them (a 60-character function wraps to three lines and
/// doubles the page count; see the report of `scripts/bench-pdf-vs-chromium.sh`).
pub const FUNCTIONS: [&str; 6] = [
    "Integrationsbeauftragte",
    "Referentin für Integrationspolitik",
    "Leiter der Stabsstelle Integration",
    "Integrationsbeauftragter",
    "Sachbearbeiterin Integration",
    "Leiterin des Integrationsbüros",
];

/// The demo data and `extra` more people, each with a standing mandate for one of the demo's
/// organisations and consent to shared lists.
pub fn store_with_people(extra: usize) -> Store {
    fill_with_people(Store::open_in_memory().expect("store"), extra)
}

/// [`store_with_people`] in the store file at `path` (e.g. for timing the CLI on it).
pub fn store_file_with_people(path: &std::path::Path, extra: usize) -> Store {
    fill_with_people(Store::open(path).expect("store file"), extra)
}

fn fill_with_people(mut store: Store, extra: usize) -> Store {
    let stamp = stamp();
    ops::demo::load(&mut store, &stamp).expect("demo");
    for i in 0..extra {
        let person = store
            .write(&stamp, |w| {
                ops::people::create(
                    w,
                    &PersonInput {
                        first_name: FIRST[i % FIRST.len()].into(),
                        last_name: format!("{} {i}", LAST[(i / 7) % LAST.len()]),
                        function: FUNCTIONS[i % FUNCTIONS.len()].into(),
                        email: format!("person.{i}@stadt-beispiel.de"),
                        phone: format!("0711 216-{i:05}"),
                        consent_shared_lists: true,
                        consent_date: "01.01.2026".into(),
                        ..Default::default()
                    },
                )
            })
            .expect("person");
        store
            .write(&stamp, |w| {
                ops::mandates::create(
                    w,
                    &MandateInput {
                        person_id: person.id,
                        organisation_id: Some(1 + (i as i64 % 43)),
                        role: Some(Role::Guest),
                        start_date: "01.01.2020".into(),
                        end_date: String::new(),
                        notes: String::new(),
                    },
                )
            })
            .expect("mandate");
    }
    store
}

/// The demo data with the draft minutes of session 38 extended by `notes` long notes.
pub fn store_with_long_minutes(notes: usize) -> Store {
    let mut store = Store::open_in_memory().expect("store");
    ops::demo::load(&mut store, &stamp()).expect("demo");
    let docs = store.read().documents();
    let session = docs.session(38).expect("session 38");
    let minutes_id = docs
        .minutes(session.id)
        .expect("minutes")
        .expect("session 38 has minutes")
        .minutes
        .id;
    let items: Vec<i64> = docs
        .agenda(session.id)
        .expect("agenda")
        .iter()
        .map(|item| item.id)
        .collect();
    // One note per agenda item (the store keeps one per item): the paragraphs are shared out.
    let mut texts: Vec<String> = vec![String::new(); items.len()];
    for i in 0..notes {
        let text = &mut texts[i % items.len()];
        text.push_str(&format!(
            "Ergänzung {i}: Die Teilnehmenden berichten über Erfahrungen mit \
             Sprachförderung, Integrationskursen und der interkulturellen Öffnung \
             der Verwaltung. Mehrere Kommunen regen an, Beispiele guter Praxis \
             in die nächste Ausgabe der Broschüre aufzunehmen; die \
             Geschäftsstelle sammelt die Hinweise bis zur nächsten Sitzung.\n\n"
        ));
    }
    store
        .write(&stamp(), |w| {
            for (item, text) in items.iter().zip(&texts) {
                w.minutes()
                    .save_note(minutes_id, Some(*item), text.trim_end())?;
            }
            Ok(())
        })
        .expect("notes");
    store
}
