//! The import of 10,000 people through the `zirkel` CLI into a file store that holds the demo
//! data, end to end: file read, preview, backup, one transaction through the ops, search index,
//! commit. Target (release build, 2 cores): under 0.3 s. Prints the median of the runs and the
//! time of each phase as the CLI reports it with `--timings`.
//!
//! `cargo bench --bench import_cli` (builds the release CLI first).

#[path = "support/people_csv.rs"]
mod people_csv;

use std::path::Path;
use std::process::Command;
use std::time::Instant;

const RUNS: usize = 7;

fn zirkel(db: &Path, args: &[&str]) -> std::process::Output {
    let out = Command::new(env!("CARGO_BIN_EXE_zirkel"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("ZIRKEL_DB")
        .output()
        .expect("run zirkel");
    assert!(
        out.status.success(),
        "zirkel {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn main() {
    // `cargo bench` passes --bench; `cargo test --benches` runs this as a smoke test: one run.
    let runs = if std::env::args().any(|a| a == "--bench") {
        RUNS
    } else {
        1
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("mitglieder.csv");
    std::fs::write(&file, people_csv::people_csv()).expect("file");
    let template = dir.path().join("demo.sqlite3");
    // The CLI closes the store on exit, which folds the WAL into the file: one file to copy.
    zirkel(&template, &["demo"]);
    let mut totals = Vec::new();
    let mut last_phases = String::new();
    for run in 0..runs {
        let db = dir.path().join(format!("run-{run}/zirkel.sqlite3"));
        std::fs::create_dir_all(db.parent().expect("dir")).expect("dir");
        std::fs::copy(&template, &db).expect("copy");
        let started = Instant::now();
        let out = zirkel(
            &db,
            &[
                "import",
                "members",
                file.to_str().expect("path"),
                "--timings",
            ],
        );
        totals.push(started.elapsed().as_secs_f64() * 1000.0);
        let stdout = String::from_utf8(out.stdout).expect("utf-8");
        assert!(
            stdout.contains(&format!("Importiert: {} neu", people_csv::PEOPLE)),
            "{}",
            stdout.lines().rev().take(5).collect::<Vec<_>>().join("\n")
        );
        last_phases = stdout
            .lines()
            .find(|l| l.starts_with("Zeiten:"))
            .unwrap_or_default()
            .to_owned();
    }
    totals.sort_by(f64::total_cmp);
    let median = totals[totals.len() / 2];
    println!(
        "import_cli_10000: median {median:.0} ms over {} runs (min {:.0}, max {:.0}); target < 300 ms",
        totals.len(),
        totals[0],
        totals[totals.len() - 1]
    );
    println!("phases of the last run: {last_phases}");
}
