//! Backup figures on a register of 10,000 people (plus the demo data): opening with the quick
//! check (the app's start), an automatic backup, verifying a backup file (as before a restore),
//! a restore, and the full check. `cargo bench --bench backup`; the issue sets no target, the
//! figures show what each costs at start and before an import.

use std::time::{Duration, Instant};

use zirkel::model::backup::BackupReason;
use zirkel::model::{PersonInput, Stamp};
use zirkel::{backup, ops, Store};

const PEOPLE: usize = 10_000;
const RUNS: usize = 5;

fn stamp() -> Stamp {
    Stamp {
        user: "bench".into(),
        at: "2026-12-01T10:00:00".parse().expect("time"),
    }
}

fn median(mut runs: Vec<Duration>) -> String {
    runs.sort();
    format!("{:.1} ms", runs[runs.len() / 2].as_secs_f64() * 1000.0)
}

fn time(mut f: impl FnMut()) -> String {
    median(
        (0..RUNS)
            .map(|_| {
                let started = Instant::now();
                f();
                started.elapsed()
            })
            .collect(),
    )
}

fn main() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("zirkel.sqlite3");
    let mut store = Store::open(&path).expect("store");
    ops::demo::load(&mut store, &stamp()).expect("demo");
    store
        .write(&stamp(), |w| {
            for n in 0..PEOPLE {
                ops::people::create(
                    w,
                    &PersonInput {
                        first_name: ["Şükrü", "Łukasz", "Nguyễn Thị", "Anna"][n % 4].into(),
                        last_name: format!("Mustermann{n}"),
                        email: format!("person{n}@beispiel.de"),
                        function: "Integrationsbeauftragte".into(),
                        city: "Köln".into(),
                        ..Default::default()
                    },
                )?;
            }
            Ok(())
        })
        .expect("fill");
    drop(store);
    let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    println!("store: {} people, {:.1} MB", PEOPLE + 60, size as f64 / 1e6);

    println!(
        "open with quick check (app start): {}",
        time(|| {
            drop(Store::open_checked(&path).expect("open"));
        })
    );
    println!(
        "open without check (CLI):          {}",
        time(|| {
            drop(Store::open(&path).expect("open"));
        })
    );
    let mut store = Store::open(&path).expect("open");
    let mut at = stamp();
    // A saved backup outside the rotated folder (the automatic ones below rotate it away).
    let saved = dir.path().join("gesichert.sqlite3");
    backup::save_as(&store, &saved, None).expect("save");
    println!(
        "automatic backup (online API):     {}",
        time(|| {
            at.at += chrono::Duration::seconds(1);
            backup::automatic(&store, &at, BackupReason::Import).expect("backup");
        })
    );
    println!(
        "verify a backup (before restore):  {}",
        time(|| {
            backup::inspect(&store, &saved, None).expect("inspect");
        })
    );
    println!(
        "restore (verify, back up, replace): {}",
        time(|| {
            at.at += chrono::Duration::seconds(1);
            backup::restore(&mut store, &at, &saved, None).expect("restore");
        })
    );
    println!(
        "full check (zirkel check):         {}",
        time(|| {
            assert!(store.check().expect("check").is_ok());
        })
    );
}
