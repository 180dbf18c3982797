//! Crash safety, proven: a writer process is killed with SIGKILL at random moments while it
//! writes, again and again; after each kill the database must pass the integrity check, hold
//! every write the writer reported as committed, and its search index must match its tables.
//!
//! The writer is this test binary itself, started with `--ignored --exact crash::writer` and the
//! database in `ZIRKEL_KILL_DB`. It writes through the same ops as the app (a person per
//! transaction, every third one also changes an earlier person and a mandate), and prints
//! `committed N` after each `Store::write` returned.
//!
//! Bounds: `ZIRKEL_KILL_RUNS` kills (default 200), and at most `ZIRKEL_KILL_SECONDS` (default
//! 120) seconds; fewer than the asked kills within the time fails the test.

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use zirkel::model::{MandateInput, PersonInput, Role, Stamp};
use zirkel::{ops, Store};

const DB_ENV: &str = "ZIRKEL_KILL_DB";

fn last_name(n: u64) -> String {
    format!("Kill{n}")
}

/// The writer process (runs only when started by the kill test).
#[test]
#[ignore = "the kill test's writer process; started by kill_test_every_committed_write_survives"]
fn writer() {
    let Some(db) = std::env::var_os(DB_ENV) else {
        return;
    };
    let mut store = Store::open(&db).expect("open");
    let stamp = Stamp {
        user: "kill-test".into(),
        at: "2026-12-01T10:00:00".parse().expect("time"),
    };
    let organisation: Option<i64> = rusqlite::Connection::open(&db)
        .and_then(|c| c.query_row("SELECT min(id) FROM organisations", [], |r| r.get(0)))
        .expect("an organisation");
    let start: u64 = store.info().expect("info").people as u64;
    let mut previous: Option<(u64, i64)> = None;
    let mut out = std::io::stdout().lock();
    for n in start + 1.. {
        let created = store
            .write(&stamp, |w| {
                let person = ops::people::create(
                    w,
                    &PersonInput {
                        first_name: "Şükrü".into(),
                        last_name: last_name(n),
                        email: format!("kill{n}@example.org"),
                        notes: "Ein längerer Text, damit jede Transaktion mehrere Seiten berührt. "
                            .repeat(20),
                        ..Default::default()
                    },
                )?;
                if n % 3 == 0 {
                    if let Some(organisation_id) = organisation {
                        ops::mandates::create(
                            w,
                            &MandateInput {
                                person_id: person.id,
                                organisation_id: Some(organisation_id),
                                role: Some(Role::Guest),
                                start_date: "01.01.2026".into(),
                                end_date: String::new(),
                                notes: String::new(),
                            },
                        )?;
                    }
                    if let Some((m, id)) = previous {
                        let earlier = PersonInput {
                            first_name: "Łukasz".into(),
                            last_name: last_name(m),
                            function: format!("geändert in Schritt {n}"),
                            email: format!("kill{m}@example.org"),
                            ..Default::default()
                        };
                        ops::people::update(w, id, &earlier)?;
                    }
                }
                Ok(person.id)
            })
            .expect("write");
        previous = Some((n, created));
        writeln!(out, "committed {n}").expect("stdout");
        out.flush().expect("flush");
    }
}

#[cfg(unix)]
#[test]
fn kill_test_every_committed_write_survives() {
    let runs: usize = std::env::var("ZIRKEL_KILL_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200);
    let limit = Duration::from_secs(
        std::env::var("ZIRKEL_KILL_SECONDS")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(120),
    );
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("zirkel.sqlite3");
    let demo_people = {
        let mut store = Store::open(&db).expect("create");
        ops::demo::load(&mut store, &crate::util::stamp()).expect("demo");
        store.info().expect("info").people as u64
    };
    let me = std::env::current_exe().expect("test binary");
    let mut rng = fastrand::Rng::with_seed(
        std::env::var("ZIRKEL_KILL_SEED")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(20261201),
    );
    let started = Instant::now();
    let (mut kills, mut checked, mut committed_total) = (0usize, 0u64, 0u64);
    let mut highest = 0u64;
    while kills < runs && started.elapsed() < limit {
        let mut child = Command::new(&me)
            .args([
                "--ignored",
                "--exact",
                "crash::writer",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(DB_ENV, &db)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start the writer");
        let stdout = child.stdout.take().expect("stdout");
        let (tx, rx) = mpsc::channel::<u64>();
        let reader = std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if let Some(n) = line.strip_prefix("committed ").and_then(|n| n.parse().ok()) {
                    if tx.send(n).is_err() {
                        break;
                    }
                }
            }
        });
        // Kill at a random moment once the writer is writing: 0–40 ms after its first commit.
        match rx.recv_timeout(Duration::from_secs(30)) {
            Ok(first) => highest = highest.max(first),
            Err(_) => {
                let _ = child.kill();
                panic!("the writer reported no commit within 30 s");
            }
        }
        std::thread::sleep(Duration::from_micros(rng.u64(0..40_000)));
        child.kill().expect("SIGKILL");
        child.wait().expect("reap");
        reader.join().expect("reader");
        let reported: Vec<u64> = rx.try_iter().collect();
        if let Some(&last) = reported.iter().max() {
            highest = highest.max(last);
        }
        committed_total += 1 + reported.len() as u64;
        kills += 1;
        checked += verify(&db, demo_people, highest);
    }
    println!(
        "kill test: {kills} kills in {:.1} s; {committed_total} commits reported, {} distinct \
         writes, each checked after every later kill ({checked} checks); failures: 0",
        started.elapsed().as_secs_f64(),
        highest - demo_people
    );
    assert!(
        kills >= runs,
        "only {kills} of {runs} kills within {} s",
        limit.as_secs()
    );
}

/// After a kill: the file is sound, every reported commit up to `highest` is there, and the
/// search index matches the tables. Returns the number of writes checked.
fn verify(db: &Path, demo_people: u64, highest: u64) -> u64 {
    let mut store = Store::open_checked(db).expect("the store opens after a kill");
    let report = store.check().expect("check");
    assert!(report.is_ok(), "after a kill: {report:?}");
    drop(store);
    let conn = rusqlite::Connection::open(db).expect("open");
    let names: std::collections::HashSet<String> = conn
        .prepare("SELECT last_name FROM people")
        .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
        .expect("names");
    let mut checked = 0;
    for n in demo_people + 1..=highest {
        assert!(
            names.contains(&last_name(n)),
            "committed write {n} is missing after a kill"
        );
        checked += 1;
    }
    checked
}
