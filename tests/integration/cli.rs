//! The `zirkel` binary: demo, members list as table and JSON, German errors with exit code 1.

use std::process::Command;

fn zirkel(db: &std::path::Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_zirkel"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("ZIRKEL_DB")
        .output()
        .expect("run zirkel")
}

#[test]
fn demo_then_members_list_as_json_and_table() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("cli.sqlite3");
    let out = zirkel(&db, &["demo"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let out = zirkel(&db, &["members", "list", "--json"]);
    assert!(out.status.success());
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).expect("JSON array");
    assert!(rows
        .iter()
        .any(|r| r["first_name"] == "Şükrü" && r["last_name"] == "Özdemir"));
    assert!(
        rows.iter()
            .all(|r| r.get("person_id").is_some() && r.get("organisation").is_some()),
        "field names as in the Rust types"
    );

    let out = zirkel(&db, &["members", "list", "--text", "yildirim"]);
    let table = String::from_utf8(out.stdout).expect("utf-8");
    assert!(table.contains("Yıldırım, İlkay"), "{table}");
    assert!(table.starts_with("Name"), "a header row");

    let out = zirkel(&db, &["demo"]);
    assert_eq!(out.status.code(), Some(1), "a second demo load is refused");
}

#[test]
fn bad_input_gives_a_german_error_and_exit_code_1() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("cli.sqlite3");
    for args in [
        vec!["members", "list", "--as-of", "31.02.2026"],
        vec!["members", "list", "--status", "irgendwas"],
        vec!["members", "list", "--role", "chef"],
    ] {
        let out = zirkel(&db, &args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let stderr = String::from_utf8(out.stderr).expect("utf-8");
        assert!(
            stderr.starts_with("Fehler: "),
            "German error on stderr: {stderr}"
        );
        assert!(out.stdout.is_empty());
        assert!(
            !db.exists(),
            "arguments are checked before a store is opened: {args:?}"
        );
    }
}

#[test]
fn reading_commands_on_a_missing_store_say_so_and_create_nothing() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("nowhere/zirkel.sqlite3");
    let out_file = dir.path().join("liste.csv");
    let out_pdf = dir.path().join("liste.pdf");
    for args in [
        vec!["members", "list"],
        vec!["organisations", "list", "--json"],
        vec!["info"],
        vec![
            "export",
            "members",
            "--format",
            "csv",
            "--out",
            out_file.to_str().expect("path"),
        ],
        vec!["pdf", "members", "--out", out_pdf.to_str().expect("path")],
    ] {
        let out = zirkel(&db, &args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let stderr = String::from_utf8(out.stderr).expect("utf-8");
        assert!(
            stderr.contains("keine Zirkel-Datenbank") && stderr.contains("nichts angelegt"),
            "{args:?}: {stderr}"
        );
        assert!(
            !db.exists() && !db.parent().expect("dir").exists(),
            "{args:?} created a store"
        );
        assert!(!out_file.exists() && !out_pdf.exists());
    }
}

#[test]
fn import_lists_ignored_columns_and_takes_a_mapping() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("cli.sqlite3");
    let file = dir.path().join("mitglieder.csv");
    std::fs::write(
        &file,
        "Nachname;Vorname;Zuständig für;E-Mail\r\nÖzdemir;Şükrü;Stadt Herten;sukru@herten.de\r\n",
    )
    .expect("file");
    let out = zirkel(
        &db,
        &[
            "import",
            "members",
            file.to_str().expect("path"),
            "--dry-run",
        ],
    );
    let stdout = String::from_utf8(out.stdout).expect("utf-8");
    assert!(
        stdout.contains("Spalte „Zuständig für“ wird nicht übernommen"),
        "an unrecognised column is named, not dropped silently: {stdout}"
    );
    let out = zirkel(
        &db,
        &[
            "import",
            "members",
            file.to_str().expect("path"),
            "--map",
            "Zuständig für=organisation",
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = zirkel(&db, &["members", "list", "--json"]);
    let rows: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(rows[0]["organisation"], "Stadt Herten", "{rows}");
    let fresh = dir.path().join("neu/zirkel.sqlite3");
    let out = zirkel(
        &fresh,
        &[
            "import",
            "members",
            file.to_str().expect("path"),
            "--map",
            "Fehlt=email",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("keine Spalte „Fehlt“"));
    assert!(!fresh.exists(), "a refused import creates no store");

    // A file whose name column is not recognised at all is read through the mapping.
    let odd = dir.path().join("odd.csv");
    std::fs::write(&odd, "Wer;Mail\r\nŁukasz Wiśniewski;lukasz@jena.de\r\n").expect("file");
    let out = zirkel(&db, &["import", "members", odd.to_str().expect("path")]);
    assert_eq!(out.status.code(), Some(1), "no name column: refused");
    let out = zirkel(
        &db,
        &[
            "import",
            "members",
            odd.to_str().expect("path"),
            "--map",
            "Wer=full_name",
            "--map",
            "Mail=email",
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = zirkel(&db, &["members", "list", "--text", "lukasz", "--json"]);
    let rows: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(rows[0]["last_name"], "Wiśniewski", "{rows}");
}

#[test]
fn sessions_list_and_show_with_the_timed_agenda() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("cli.sqlite3");
    assert!(zirkel(&db, &["demo"]).status.success());
    let out = zirkel(&db, &["sessions", "list", "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let entries: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(entries.as_array().map(Vec::len), Some(3));
    let out = zirkel(&db, &["sessions", "show", "38"]);
    let text = String::from_utf8(out.stdout).expect("utf-8");
    assert!(text.contains("21.–22.09.2026"), "{text}");
    assert!(
        text.contains("TOP 9") && text.contains("11:00–12:30"),
        "the visit, timed: {text}"
    );
    let out = zirkel(&db, &["sessions", "show", "99"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("nicht gefunden"));
}

#[test]
fn a_reader_that_went_away_ends_the_output_quietly() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("cli.sqlite3");
    assert!(zirkel(&db, &["demo"]).status.success());
    // `zirkel members list | head -0`: the pipe's reading end is closed before anything is written.
    let (reader, writer) = std::io::pipe().expect("pipe");
    drop(reader);
    let out = Command::new(env!("CARGO_BIN_EXE_zirkel"))
        .arg("--db")
        .arg(&db)
        .args(["members", "list"])
        .env_remove("ZIRKEL_DB")
        .stdout(writer)
        .output()
        .expect("run zirkel");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "no panic: {stderr}");
    assert!(out.status.success(), "exit code 0: {stderr}");
}
