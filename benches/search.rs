//! The search and the overview with 100,000 objects in the store: 40,000 people, 300 sessions
//! with 30,000 agenda items and 30,000 minutes notes, 5,000 practice examples (release build).
//! Targets (2 cores): search p95 under 20 ms over a set of realistic queries, typed as the
//! palette sends them (one request per keystroke from the third letter on); the overview's
//! data under 50 ms.
//!
//! `cargo bench --bench search`. Prints p50/p95/max per query set and the overview's median.

use std::time::{Duration, Instant};

use chrono::{Duration as Days, NaiveDate};
use zirkel::model::content::{PracticeExampleInput, ReleaseStatus, TopicInput};
use zirkel::model::{AgendaKind, MinutesStatus, PersonInput, SessionStatus, Stamp};
use zirkel::store::sessions::{MinuteText, NewAgendaItem, NewMinutes, NewSession};
use zirkel::{ops, Store};

const PEOPLE: usize = 40_000;
const SESSIONS: i64 = 300;
const ITEMS_PER_SESSION: i64 = 100;
const EXAMPLES: usize = 5_000;

const FIRST: [&str; 12] = [
    "Anna",
    "Şükrü",
    "Łukasz",
    "Thị Lan",
    "Jürgen",
    "Ayşe",
    "Mehmet",
    "Sophie",
    "Grażyna",
    "Dimitrios",
    "Fatma",
    "Jörg",
];
const LAST: [&str; 12] = [
    "Müller",
    "Özdemir",
    "Wiśniewski",
    "Nguyễn",
    "Schmidt",
    "Yılmaz",
    "Weiß",
    "Becker",
    "Dąbrowska",
    "Papadopoulos",
    "Straßburger",
    "Kaya",
];
const FUNCTIONS: [&str; 4] = [
    "Integrationsbeauftragte",
    "Leiter des Amts für Migration",
    "Referentin für Bildung",
    "Sachbearbeiter Einbürgerung",
];
const TOPICS: [&str; 6] = [
    "Interkulturelle Öffnung der Verwaltung",
    "Kommunales Bildungsmanagement",
    "Politische Partizipation",
    "Religiöse Vielfalt",
    "Willkommenskultur",
    "Arbeitsmarktintegration",
];
const PHRASES: [&str; 8] = [
    "Die Stadt berichtet über das Welcome Center und die Zusammenarbeit mit der Ausländerbehörde.",
    "Religiöse Vielfalt in Schulen: Feiertage, Speisepläne und Elternarbeit mit den Gemeinden.",
    "Das Bildungsmonitoring zeigt Übergänge von der Kita in die Grundschule nach Stadtteilen.",
    "Der Integrationsrat erhält ein Antragsrecht; die Wahlbeteiligung soll steigen.",
    "Einbürgerungsfeier im Rathaus mit 120 Neubürgerinnen und Neubürgern aus 40 Ländern.",
    "Sprachmittlerpool für Gesundheitsamt und Jobcenter, finanziert über das Landesprogramm.",
    "Straßenfest der Kulturen in der Weststadt, organisiert vom Migrantenbeirat.",
    "Anerkennung ausländischer Berufsabschlüsse: Beratung und Qualifizierung aus einer Hand.",
];

/// Queries as a secretariat types them; the palette asks again at every keystroke from the
/// third letter on, so each prefix of each query counts.
const QUERIES: [&str; 12] = [
    "oezdemir",
    "Müller",
    "mueller",
    "integrationsbeauftragte",
    "religiöse vielfalt schule",
    "welcome center",
    "strasse",
    "bildung kita",
    "einbürgerung",
    "lukasz",
    "nguyen",
    "anerkennung berufsabschl",
];

fn stamp() -> Stamp {
    Stamp {
        user: "bench".into(),
        at: "2026-11-25T10:00:00".parse().expect("time"),
    }
}

fn fill(store: &mut Store) {
    let started = Instant::now();
    store
        .write(&stamp(), |w| {
            for i in 0..PEOPLE {
                ops::people::create(
                    w,
                    &PersonInput {
                        first_name: FIRST[i % FIRST.len()].into(),
                        last_name: format!("{}{}", LAST[(i / 12) % LAST.len()], i / 144),
                        function: FUNCTIONS[i % FUNCTIONS.len()].into(),
                        ..Default::default()
                    },
                )?;
            }
            let topics: Vec<i64> = TOPICS
                .iter()
                .map(|name| {
                    ops::topics::create(
                        w,
                        &TopicInput {
                            name: (*name).into(),
                            description: String::new(),
                        },
                    )
                    .map(|t| t.id)
                })
                .collect::<zirkel::Result<_>>()?;
            let start = NaiveDate::from_ymd_opt(2009, 3, 1).expect("date");
            for n in 0..SESSIONS {
                let first_day = start + Days::days(n * 30);
                let session = w.sessions().insert_session(&NewSession {
                    number: n + 1,
                    title: &format!("{}. Sitzung", n + 1),
                    first_day,
                    last_day: first_day + Days::days(1),
                    venue: Some("Rathaus"),
                    address: Some("Marktplatz 1"),
                    host_organisation_id: None,
                    status: SessionStatus::Held,
                })?;
                let minutes = w.sessions().insert_minutes(&NewMinutes {
                    session_id: session,
                    recorder_id: None,
                    status: MinutesStatus::Draft,
                    sent_on: None,
                    approved_on: None,
                    approved_at_session_id: None,
                })?;
                for p in 0..ITEMS_PER_SESSION {
                    let k = usize::try_from(n * ITEMS_PER_SESSION + p).unwrap_or(0);
                    let item = w.sessions().insert_agenda_item(&NewAgendaItem {
                        session_id: session,
                        position: p + 1,
                        day: first_day,
                        start_time: None,
                        duration_minutes: Some(30),
                        kind: AgendaKind::Discussion,
                        title: TOPICS[k % TOPICS.len()],
                        description: Some(PHRASES[k % PHRASES.len()]),
                        place: None,
                        internal: false,
                        standing: false,
                    })?;
                    w.sessions().insert_minute_text(
                        MinuteText::Note,
                        minutes,
                        Some(item),
                        p + 1,
                        &format!(
                            "{} {} Frau {} ergänzt die Ergebnisse.",
                            PHRASES[(k + 3) % PHRASES.len()],
                            PHRASES[(k + 5) % PHRASES.len()],
                            LAST[k % LAST.len()]
                        ),
                    )?;
                }
            }
            for i in 0..EXAMPLES {
                ops::practice_examples::create(
                    w,
                    &PracticeExampleInput {
                        title: format!("{} in Stadt {i}", TOPICS[i % TOPICS.len()]),
                        summary: PHRASES[i % PHRASES.len()].into(),
                        body: PHRASES[(i + 1) % PHRASES.len()].into(),
                        topic_ids: vec![topics[i % topics.len()]],
                        release_status: ReleaseStatus::Released,
                        ..Default::default()
                    },
                )?;
            }
            Ok(())
        })
        .expect("fill");
    println!(
        "store filled: {} objects in {:.1} s",
        PEOPLE + usize::try_from(SESSIONS * ITEMS_PER_SESSION * 2).unwrap_or(0) + EXAMPLES,
        started.elapsed().as_secs_f64()
    );
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let index = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[index.min(sorted.len() - 1)]
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

fn main() {
    let dir = tempfile::tempdir().expect("dir");
    // ZIRKEL_BENCH_DB keeps the filled store for a look with sqlite3.
    let path = std::env::var_os("ZIRKEL_BENCH_DB").map_or_else(
        || dir.path().join("bench.sqlite3"),
        std::path::PathBuf::from,
    );
    let mut store = Store::open(&path).expect("store");
    fill(&mut store);
    let today = stamp().today();

    // Warm up the page cache as a running app would be.
    for query in QUERIES {
        ops::search::search(store.read(), query, 8, today).expect("search");
    }
    let mut whole = Vec::new();
    let mut typed = Vec::new();
    for _ in 0..5 {
        for query in QUERIES {
            let started = Instant::now();
            let found = ops::search::search(store.read(), query, 8, today).expect("search");
            whole.push(started.elapsed());
            assert!(found.total > 0, "{query} finds something");
            let chars: Vec<char> = query.chars().collect();
            for end in 3..chars.len() {
                let prefix: String = chars[..end].iter().collect();
                let started = Instant::now();
                ops::search::search(store.read(), &prefix, 8, today).expect("search");
                typed.push(started.elapsed());
            }
        }
    }
    whole.sort();
    typed.sort();
    println!(
        "search, whole queries ({}): p50 {}  p95 {}  max {}   target p95 < 20 ms",
        whole.len(),
        ms(percentile(&whole, 0.5)),
        ms(percentile(&whole, 0.95)),
        ms(*whole.last().expect("runs"))
    );
    println!(
        "search, while typing ({}): p50 {}  p95 {}  max {}   target p95 < 20 ms",
        typed.len(),
        ms(percentile(&typed, 0.5)),
        ms(percentile(&typed, 0.95)),
        ms(*typed.last().expect("runs"))
    );

    let mut overview = Vec::new();
    for _ in 0..21 {
        let started = Instant::now();
        ops::overview::get(store.read(), today).expect("overview");
        overview.push(started.elapsed());
    }
    overview.sort();
    println!(
        "overview: median {}  max {}   target < 50 ms",
        ms(percentile(&overview, 0.5)),
        ms(*overview.last().expect("runs"))
    );
}
