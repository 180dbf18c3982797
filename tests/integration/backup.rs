//! Nothing lost: the CLI's backup, restore and check; an encrypted backup read by the reference
//! `age` tool; every released schema (fixtures in `fixtures/schema/`) upgraded with its data; a
//! newer, a foreign and a damaged file refused byte-identical.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use zirkel::model::backup::BackupReason;
use zirkel::{Error, Store};

use crate::util::{stamp, today};

fn zirkel(db: &Path, args: &[&str], passphrase: Option<&str>) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_zirkel"));
    command
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("ZIRKEL_DB")
        .env_remove("ZIRKEL_BACKUP_PASSPHRASE")
        .stdin(Stdio::null());
    if let Some(passphrase) = passphrase {
        command.env("ZIRKEL_BACKUP_PASSPHRASE", passphrase);
    }
    command.output().expect("run zirkel")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn people_named(path: &Path) -> Vec<String> {
    let conn =
        rusqlite::Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .expect("open");
    let mut statement = conn
        .prepare("SELECT first_name || ' ' || last_name FROM people ORDER BY id")
        .expect("query");
    let names = statement
        .query_map([], |r| r.get(0))
        .expect("rows")
        .collect::<rusqlite::Result<Vec<String>>>()
        .expect("names");
    names
}

/// Runs the reference `age` tool on a pseudo-terminal (it reads passphrases only from a
/// terminal), through `script` from util-linux. `None` when either is missing outside CI.
fn age_decrypt(encrypted: &Path, out: &Path, passphrase: &str) -> Option<Output> {
    let have = |tool: &str, arg: &str| Command::new(tool).arg(arg).output().is_ok();
    if !have("age", "--version") || !have("script", "--version") {
        assert!(
            std::env::var_os("CI").is_none(),
            "age and script are installed on CI (scripts/setup.sh)"
        );
        println!("note: the reference age tool is not installed; not checked");
        return None;
    }
    let mut child = Command::new("script")
        .arg("-qec")
        .arg(format!(
            "age -d -o '{}' '{}'",
            out.display(),
            encrypted.display()
        ))
        .arg("/dev/null")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("script");
    // Typed after age asks; the terminal keeps it until age reads.
    std::thread::sleep(std::time::Duration::from_millis(300));
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(format!("{passphrase}\n").as_bytes())
        .expect("type the passphrase");
    Some(child.wait_with_output().expect("age"))
}

#[test]
fn cli_backup_encrypted_is_read_by_the_reference_age_tool_and_restored() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("zirkel.sqlite3");
    assert!(zirkel(&db, &["demo"], None).status.success());
    let names = people_named(&db);
    assert!(names.iter().any(|n| n.contains("Şükrü")), "{names:?}");

    // Into the backup folder, rotated.
    let out = zirkel(&db, &["backup"], None);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("Sicherung gespeichert:"));
    assert_eq!(
        std::fs::read_dir(dir.path().join("backups"))
            .expect("dir")
            .count(),
        1
    );

    // Encrypted to a file of the user's choice.
    let stick = dir.path().join("stick.sqlite3.age");
    let passphrase = "Integration ist Querschnitt 2026";
    let out = zirkel(
        &db,
        &[
            "backup",
            "--out",
            stick.to_str().expect("path"),
            "--encrypt",
        ],
        Some(passphrase),
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let sealed = std::fs::read(&stick).expect("read");
    assert!(sealed.starts_with(b"age-encryption.org/v1\n"));
    assert!(!sealed
        .windows("Özdemir".len())
        .any(|w| w == "Özdemir".as_bytes()));

    // The reference implementation decrypts it into the same store.
    let plain = dir.path().join("decrypted.sqlite3");
    if let Some(output) = age_decrypt(&stick, &plain, passphrase) {
        assert!(
            output.status.success(),
            "age: {} {}",
            text(&output.stdout),
            text(&output.stderr)
        );
        assert_eq!(people_named(&plain), names, "age yields the same people");
    }

    // A change, then the restore of the encrypted backup takes it back.
    let mut store = Store::open(&db).expect("open");
    let input = zirkel::model::PersonInput {
        first_name: "Neu".into(),
        last_name: "Hinzugefügt".into(),
        ..Default::default()
    };
    store
        .write(&stamp(), |w| zirkel::ops::people::create(w, &input))
        .expect("person");
    drop(store);
    let refused = zirkel(&db, &["restore", stick.to_str().expect("path")], None);
    assert!(!refused.status.success(), "no passphrase and no terminal");
    assert!(
        text(&refused.stderr).contains("ZIRKEL_BACKUP_PASSPHRASE"),
        "{}",
        text(&refused.stderr)
    );
    let wrong = zirkel(
        &db,
        &["restore", stick.to_str().expect("path")],
        Some("falsch falsch"),
    );
    assert!(!wrong.status.success());
    assert!(
        text(&wrong.stderr).contains("passt nicht"),
        "{}",
        text(&wrong.stderr)
    );
    assert_eq!(
        people_named(&db).len(),
        names.len() + 1,
        "a refused restore changes nothing"
    );
    let out = zirkel(
        &db,
        &["restore", stick.to_str().expect("path")],
        Some(passphrase),
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let said = text(&out.stdout);
    assert!(said.contains("60 Personen"), "{said}");
    assert!(said.contains("Der Stand davor ist gesichert"), "{said}");
    assert_eq!(people_named(&db), names);

    let out = zirkel(&db, &["check"], None);
    assert!(
        out.status.success(),
        "{}{}",
        text(&out.stdout),
        text(&out.stderr)
    );
    assert!(text(&out.stdout).contains("Integrität: in Ordnung"));
}

#[test]
fn check_finds_a_dangling_reference_and_exits_non_zero() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("zirkel.sqlite3");
    assert!(zirkel(&db, &["demo"], None).status.success());
    // Written around Zirkel, with foreign keys off, as a broken tool might.
    let conn = rusqlite::Connection::open(&db).expect("open");
    conn.pragma_update(None, "foreign_keys", "OFF")
        .expect("pragma");
    conn.execute(
        "UPDATE mandates SET person_id = 999999 WHERE id = (SELECT min(id) FROM mandates)",
        [],
    )
    .expect("break a reference");
    drop(conn);
    let out = zirkel(&db, &["check"], None);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stdout));
    let said = text(&out.stdout);
    assert!(said.contains("Verweise: 1 Probleme"), "{said}");
    assert!(said.contains("„mandates“"), "{said}");
}

fn fixture(version: i64) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/integration/fixtures/schema")
        .join(format!("v{version}.sqlite3"))
}

/// Every table's row count, read with plain SQLite.
fn counts(path: &Path) -> Vec<(String, i64)> {
    let conn =
        rusqlite::Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .expect("open");
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'search_index%' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        .expect("tables")
        .query_map([], |r| r.get(0))
        .expect("rows")
        .collect::<rusqlite::Result<_>>()
        .expect("names");
    tables
        .into_iter()
        .map(|t| {
            let n = conn
                .query_row(&format!("SELECT count(*) FROM \"{t}\""), [], |r| r.get(0))
                .expect("count");
            (t, n)
        })
        .collect()
}

#[test]
fn every_released_schema_is_upgraded_with_its_data_intact() {
    for version in 1..=zirkel::store::schema::VERSION {
        let source = fixture(version);
        assert!(
            source.is_file(),
            "a fixture of schema {version} is in the repository"
        );
        let dir = tempfile::tempdir().expect("temp dir");
        let db = dir.path().join("zirkel.sqlite3");
        std::fs::copy(&source, &db).expect("copy");
        let before = counts(&db);
        let names = people_named(&db);

        let mut store = Store::open(&db).unwrap_or_else(|e| panic!("schema {version}: {e}"));
        let info = store.info().expect("info");
        assert_eq!(info.schema_version, zirkel::store::schema::VERSION);
        // Every table of the old schema keeps every row (new tables may hold new data).
        let after = counts(&db);
        for (table, n) in &before {
            let now = after.iter().find(|(t, _)| t == table).map(|(_, n)| *n);
            assert_eq!(now, Some(*n), "schema {version}: table {table}");
        }
        assert_eq!(people_named(&db), names, "schema {version}: names intact");
        assert!(store.check().expect("check").is_ok(), "schema {version}");
        let hits = zirkel::ops::search::search(store.read(), "sukru", 5, today()).expect("search");
        assert!(
            hits.total >= 1,
            "schema {version}: the index is built after the upgrade"
        );
        // An upgrade keeps the file as it was first.
        let backups = zirkel::backup::list(&store).expect("list");
        if version < zirkel::store::schema::VERSION {
            assert_eq!(backups.len(), 1, "schema {version}: {backups:?}");
            assert_eq!(backups[0].reason, BackupReason::Migration);
            let kept = rusqlite::Connection::open_with_flags(
                &backups[0].path,
                rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
            )
            .expect("open backup");
            let old: i64 = kept
                .pragma_query_value(None, "user_version", |r| r.get(0))
                .expect("version");
            assert_eq!(old, version, "the backup holds the old schema");
        } else {
            assert!(backups.is_empty(), "no migration, no backup: {backups:?}");
        }
    }
}

#[test]
fn a_newer_foreign_or_damaged_file_is_refused_and_left_byte_identical() {
    let dir = tempfile::tempdir().expect("temp dir");

    let newer = dir.path().join("neuer.sqlite3");
    std::fs::copy(fixture(zirkel::store::schema::VERSION), &newer).expect("copy");
    rusqlite::Connection::open(&newer)
        .and_then(|c| c.pragma_update(None, "user_version", 99))
        .expect("a future version");
    let bytes = std::fs::read(&newer).expect("read");
    match Store::open(&newer) {
        Err(e @ Error::TooNew { .. }) => {
            assert!(e.user_message().contains("neueren Zirkel-Version"))
        }
        other => panic!("expected TooNew, got {other:?}"),
    }
    assert!(
        std::fs::read(&newer).expect("read") == bytes,
        "left byte-identical"
    );
    assert!(
        !dir.path().join("backups").exists(),
        "nothing written beside it"
    );

    let sheet = dir.path().join("liste.sqlite3");
    std::fs::write(&sheet, "Name;Vorname\nÖzdemir;Şükrü\n".repeat(20)).expect("write");
    let bytes = std::fs::read(&sheet).expect("read");
    let e = Store::open(&sheet).expect_err("refused");
    assert_eq!(
        e.user_message(),
        format!(
            "„{}“ ist keine Zirkel-Datenbank. Die Datei wurde nicht verändert.",
            sheet.display()
        )
    );
    assert!(
        std::fs::read(&sheet).expect("read") == bytes,
        "left byte-identical"
    );

    let other = dir.path().join("fremd.sqlite3");
    rusqlite::Connection::open(&other)
        .and_then(|c| {
            c.execute_batch(
                "CREATE TABLE rezepte (name TEXT); INSERT INTO rezepte VALUES ('Kuchen');",
            )
        })
        .expect("foreign db");
    let bytes = std::fs::read(&other).expect("read");
    assert!(matches!(Store::open(&other), Err(Error::NotZirkel { .. })));
    assert!(
        std::fs::read(&other).expect("read") == bytes,
        "left byte-identical"
    );

    // Damage: overwrite pages in the middle of a real store.
    let damaged = dir.path().join("zirkel.sqlite3");
    std::fs::copy(fixture(zirkel::store::schema::VERSION), &damaged).expect("copy");
    let mut raw = std::fs::read(&damaged).expect("read");
    let middle = raw.len() / 2;
    for b in &mut raw[middle..middle + 8192] {
        *b = 0x5a;
    }
    std::fs::write(&damaged, &raw).expect("write");
    let found = Store::open_checked(&damaged);
    match found {
        Err(e @ Error::Damaged { .. }) => {
            assert!(
                e.user_message().contains("ist beschädigt"),
                "{}",
                e.user_message()
            );
        }
        other => panic!("expected Damaged, got {other:?}"),
    }
    assert!(
        std::fs::read(&damaged).expect("read") == raw,
        "nothing written to it"
    );
}

#[test]
fn a_damaged_store_is_replaced_by_its_newest_backup_and_kept_aside() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("zirkel.sqlite3");
    std::fs::copy(fixture(zirkel::store::schema::VERSION), &db).expect("copy");
    let store = Store::open(&db).expect("open");
    zirkel::backup::automatic(&store, &stamp(), BackupReason::Daily)
        .expect("backup")
        .expect("made");
    drop(store);
    let mut raw = std::fs::read(&db).expect("read");
    let middle = raw.len() / 2;
    raw[middle..middle + 8192].fill(0);
    std::fs::write(&db, &raw).expect("damage");

    let offered = zirkel::backup::list_for(&db).expect("list");
    assert_eq!(offered.len(), 1);
    let (mut store, aside) =
        zirkel::backup::recover(&db, Path::new(&offered[0].path), None, &stamp()).expect("recover");
    assert_eq!(store.info().expect("info").people, 60);
    assert!(store.check().expect("check").is_ok());
    assert!(
        std::fs::read(&aside).expect("aside") == raw,
        "the damaged file is kept unchanged"
    );
}
