//! Data protection (DSGVO Art. 15 and 17): the report lists every row that names a person, as a
//! scan of every table finds them; anonymising leaves no trace of the person in any table, the
//! search index, the audit log or the file's bytes, while attendance still counts them; approved
//! minutes stay as approved; a restore of an older backup does not bring the person back.

use std::collections::BTreeSet;
use std::path::Path;

use rusqlite::{params, Connection, OpenFlags};
use zirkel::model::backup::BackupReason;
use zirkel::model::privacy::{AuditFilter, FORMER_MEMBER};
use zirkel::model::{PersonInput, Stamp};
use zirkel::{ops, Error, Store};

use crate::util::{stamp, temp_store, TempStore};

fn demo() -> TempStore {
    let mut t = temp_store();
    ops::demo::load(&mut t.store, &stamp()).expect("demo");
    t
}

fn id_of(store: &Store, last_name: &str) -> i64 {
    store
        .read()
        .people()
        .all()
        .expect("people")
        .into_iter()
        .find(|p| p.last_name == last_name)
        .map(|p| p.id)
        .unwrap_or_else(|| panic!("{last_name} is in the demo data"))
}

fn raw(path: &Path) -> Connection {
    Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY).expect("open raw")
}

/// Every row of every table that names the person: a column that refers to `people` (found
/// through the schema's foreign keys) holding `id`, a text column containing one of `terms`,
/// the person's own row and the audit entries about it. The search index is left out (it is
/// an index of these rows, checked separately); so are the columns that hold the OS user who
/// made a change, which names the secretariat's staff, not the person.
fn rows_naming(conn: &Connection, id: i64, terms: &[&str]) -> BTreeSet<(String, i64)> {
    let tables: Vec<String> = conn
        .prepare(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
             AND name NOT LIKE 'search_index%'",
        )
        .expect("tables")
        .query_map([], |r| r.get(0))
        .expect("tables")
        .collect::<rusqlite::Result<_>>()
        .expect("tables");
    let mut found = BTreeSet::new();
    for table in tables {
        let references: Vec<String> = conn
            .prepare("SELECT \"from\" FROM pragma_foreign_key_list(?1) WHERE \"table\" = 'people'")
            .expect("keys")
            .query_map([&table], |r| r.get(0))
            .expect("keys")
            .collect::<rusqlite::Result<_>>()
            .expect("keys");
        let texts: Vec<String> = conn
            .prepare(
                "SELECT name FROM pragma_table_info(?1) WHERE type = 'TEXT'
                 AND name NOT IN ('created_by', 'updated_by', 'user')",
            )
            .expect("columns")
            .query_map([&table], |r| r.get(0))
            .expect("columns")
            .collect::<rusqlite::Result<_>>()
            .expect("columns");
        let mut collect = |sql: String, value: &dyn rusqlite::ToSql| {
            let mut statement = conn.prepare(&sql).expect("scan");
            let ids = statement
                .query_map([value], |r| r.get::<_, i64>(0))
                .expect("scan");
            for row in ids {
                found.insert((table.clone(), row.expect("rowid")));
            }
        };
        for column in references {
            collect(
                format!("SELECT rowid FROM {table} WHERE {column} = ?1"),
                &id,
            );
        }
        for column in texts {
            for term in terms {
                let sql = format!(
                    "SELECT rowid, {column} FROM {table} WHERE instr(lower({column}), lower(?1)) > 0"
                );
                let mut statement = conn.prepare(&sql).expect("scan");
                let rows = statement
                    .query_map([term], |r| {
                        Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
                    })
                    .expect("scan");
                for row in rows {
                    let (rowid, text) = row.expect("row");
                    if names_word(&text, term) {
                        found.insert((table.clone(), rowid));
                    }
                }
            }
        }
    }
    found.insert(("people".to_owned(), id));
    let audit: Vec<i64> = conn
        .prepare("SELECT id FROM audit_log WHERE entity = 'person' AND entity_id = ?1")
        .expect("audit")
        .query_map([id], |r| r.get(0))
        .expect("audit")
        .collect::<rusqlite::Result<_>>()
        .expect("audit");
    found.extend(audit.into_iter().map(|a| ("audit_log".to_owned(), a)));
    found
}

/// `term` stands in `text` as a word of its own: not inside a longer word ("Richterin") nor a
/// compound ("Willy-Brandt-Straße").
fn names_word(text: &str, term: &str) -> bool {
    let (text, term) = (text.to_lowercase(), term.to_lowercase());
    let joins = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '-');
    text.match_indices(&term).any(|(at, _)| {
        !joins(text[..at].chars().next_back()) && !joins(text[at + term.len()..].chars().next())
    })
}

fn terms(store: &Store, id: i64) -> Vec<String> {
    let p = store.read().people().get(id).expect("person");
    [Some(p.last_name), p.email, p.phone, p.mobile]
        .into_iter()
        .flatten()
        .collect()
}

fn report_rows(store: &Store, id: i64) -> BTreeSet<(String, i64)> {
    let retention = zirkel::backup::retention(store).expect("retention");
    ops::privacy::report(store.read(), id, stamp().at, retention)
        .expect("report")
        .rows()
        .into_iter()
        .map(|r| (r.table, r.id))
        .collect()
}

#[test]
fn the_report_of_a_demo_person_lists_every_row_that_names_them() {
    let t = demo();
    // Karaca speaks and is named in draft minutes; Özdemir is named in approved minutes and
    // their record text; Yıldırım is named in another person's notes; Nguyễn is a name with
    // Vietnamese marks.
    for last_name in ["Karaca", "Özdemir", "Yıldırım", "Nguyễn", "Richter"] {
        let id = id_of(&t.store, last_name);
        let terms = terms(&t.store, id);
        let terms: Vec<&str> = terms.iter().map(String::as_str).collect();
        let scanned = rows_naming(&raw(&t.path), id, &terms);
        let reported = report_rows(&t.store, id);
        assert_eq!(
            reported, scanned,
            "the report of {last_name} must list exactly the rows a scan of every table finds"
        );
        assert!(
            scanned.len() > 3,
            "{last_name} appears in the demo data: {scanned:?}"
        );
    }
}

#[test]
fn the_report_is_written_as_json_and_as_a_pdf_by_the_cli() {
    let t = demo();
    let id = id_of(&t.store, "Özdemir");
    let dir = tempfile::tempdir().expect("dir");
    let run = |out: &Path| {
        std::process::Command::new(env!("CARGO_BIN_EXE_zirkel"))
            .arg("--db")
            .arg(&t.path)
            .args(["person", "report", &id.to_string(), "--out"])
            .arg(out)
            .env_remove("ZIRKEL_DB")
            .output()
            .expect("run")
    };
    let json = dir.path().join("auskunft.json");
    let done = run(&json);
    assert!(
        done.status.success(),
        "{}",
        String::from_utf8_lossy(&done.stderr)
    );
    let value: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&json).expect("json")).expect("valid JSON");
    assert_eq!(value["person"]["first_name"], "Şükrü");
    assert!(
        value["attendance"].as_array().is_some_and(|a| a.len() >= 3),
        "attendance of three sessions: {}",
        value["attendance"]
    );
    let pdf = dir.path().join("auskunft.pdf");
    let done = run(&pdf);
    assert!(
        done.status.success(),
        "{}",
        String::from_utf8_lossy(&done.stderr)
    );
    let retention = zirkel::backup::retention(&t.store).expect("retention");
    let report = ops::privacy::report(t.store.read(), id, stamp().at, retention).expect("report");
    let rendered = zirkel::pdf::person_report(&t.store, &report, stamp().at).expect("pdf");
    for expected in [
        "Auskunft über gespeicherte Daten",
        "Şükrü Özdemir",
        "Teilnahme an Sitzungen",
        "Erwähnungen in Texten",
        "(genehmigt)",
        "Sicherungen und Aufbewahrung",
    ] {
        assert!(rendered.text().contains(expected), "{expected} in the PDF");
    }
    assert!(rendered.warnings.is_empty(), "{:?}", rendered.warnings);
    let wrong = run(&dir.path().join("auskunft.txt"));
    assert!(!wrong.status.success(), "a .txt target is refused");
    assert!(String::from_utf8_lossy(&wrong.stderr).contains(".pdf"));
}

/// Every file of the store (the database and its WAL) as one byte string.
fn file_bytes(path: &Path) -> Vec<u8> {
    let mut bytes = std::fs::read(path).expect("database");
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    if let Ok(more) = std::fs::read(wal) {
        bytes.extend(more);
    }
    bytes
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    let needle = needle.as_bytes();
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// The name, e-mail and phone of the demo's Dr. Yasemin Karaca, as typed and as the search
/// index folds them.
const KARACA: [&str; 7] = [
    "Karaca",
    "karaca",
    "Yasemin",
    "yasemin",
    "yasemin.karaca@dezim-institut.de",
    "030 200754-215",
    "200754",
];

fn assert_gone(t: &TempStore, id: i64) {
    let bytes = file_bytes(&t.path);
    for term in KARACA {
        assert!(
            !contains(&bytes, term),
            "„{term}“ is still in the file's bytes"
        );
    }
    let conn = raw(&t.path);
    let scanned = rows_naming(&conn, id, &["Karaca", "Yasemin", "200754"]);
    let own: BTreeSet<(String, i64)> = scanned
        .iter()
        .filter(|(table, _)| table != "people" && table != "audit_log")
        .filter(|(table, _)| {
            // Rows that refer to the record by id keep doing so: that is the history.
            !matches!(
                table.as_str(),
                "mandates" | "attendance" | "agenda_item_speakers"
            )
        })
        .cloned()
        .collect();
    assert!(own.is_empty(), "no text names her any more: {own:?}");
    let hits: i64 = conn
        .query_row(
            "SELECT count(*) FROM search_index WHERE search_index MATCH 'karaca OR yasemin'",
            [],
            |r| r.get(0),
        )
        .expect("search");
    assert_eq!(hits, 0, "the search index forgot her");
}

#[test]
fn anonymising_leaves_no_trace_in_tables_index_log_or_file_while_attendance_still_counts() {
    let mut t = demo();
    let id = id_of(&t.store, "Karaca");
    let session_38 = t
        .store
        .read()
        .documents()
        .session(38)
        .expect("session 38")
        .id;
    let attended = |store: &Store| -> i64 {
        store
            .read()
            .sessions()
            .attendance(session_38)
            .expect("attendance")
            .len() as i64
    };
    let before = attended(&t.store);
    let preview = ops::privacy::preview(t.store.read(), id).expect("preview");
    assert!(
        preview.records_kept.is_empty(),
        "Karaca is in no approved minutes"
    );
    assert_eq!(preview.texts_changed, 1, "the draft minutes name her once");
    assert_eq!((preview.attendance, preview.speakers), (1, 1));
    let done = ops::privacy::anonymise_now(&mut t.store, &stamp(), id).expect("anonymise");
    assert!(done.file_cleaned, "no other connection holds the file");
    assert_gone(&t, id);
    assert_eq!(attended(&t.store), before, "attendance still counts her");
    let person = t.store.read().people().get(id).expect("record kept");
    assert_eq!(person.full_name(), FORMER_MEMBER);
    let current = ops::members::list(
        t.store.read(),
        &zirkel::model::MemberFilter::default(),
        crate::util::today(),
    )
    .expect("members");
    assert!(
        current.rows.iter().all(|row| row.person_id != id),
        "a former member is not among today's members"
    );
    assert!(!person.active && person.anonymised_at.is_some());
    let minutes =
        ops::minutes::detail(t.store.read(), session_38, crate::util::today()).expect("minutes");
    let note = serde_json::to_string(&minutes).expect("json");
    assert!(
        note.contains("Frau Yıldırım und ehemaliges Mitglied stellen den Entwurf"),
        "the draft minutes say who spoke without naming her"
    );
    let entries = ops::privacy::audit_log(
        t.store.read(),
        &AuditFilter {
            entity: Some("person".into()),
            entity_id: Some(id),
            action: Some("anonymise".into()),
            ..AuditFilter::default()
        },
    )
    .expect("audit");
    assert_eq!(
        entries.total, 1,
        "the anonymisation is in the log, without her name"
    );
    assert_eq!(entries.rows[0].object, FORMER_MEMBER);
    let again = t.store.write(&stamp(), |w| ops::privacy::anonymise(w, id));
    assert!(matches!(again, Err(Error::Conflict { .. })), "only once");
    let edit = t.store.write(&stamp(), |w| {
        ops::people::update(
            w,
            id,
            &PersonInput {
                first_name: "Yasemin".into(),
                last_name: "Karaca".into(),
                ..PersonInput::default()
            },
        )
    });
    assert!(
        matches!(&edit, Err(Error::Conflict { message }) if message.contains("anonymisiert")),
        "an anonymised record takes no new data: {edit:?}"
    );
}

#[test]
fn approved_minutes_stay_as_approved_and_are_listed_before_anonymising() {
    let mut t = demo();
    let id = id_of(&t.store, "Özdemir");
    let record = |path: &Path| -> (String, Vec<u8>, String) {
        raw(path)
            .query_row(
                "SELECT m.record_text, m.record_pdf, group_concat(n.text, '|')
                 FROM minutes m JOIN minute_notes n ON n.minutes_id = m.id
                 WHERE m.status = 'approved'",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .expect("approved minutes")
    };
    let before = record(&t.path);
    assert!(
        before.0.contains("Özdemir"),
        "the approved record names him"
    );
    let preview = ops::privacy::preview(t.store.read(), id).expect("preview");
    let kept: Vec<i64> = preview.records_kept.iter().map(|r| r.session).collect();
    assert_eq!(
        kept,
        [37],
        "the dialog lists the approved minutes of the 37th session"
    );
    assert!(preview.records_kept[0].how.contains("Teilnahme"));
    ops::privacy::anonymise_now(&mut t.store, &stamp(), id).expect("anonymise");
    assert_eq!(
        record(&t.path),
        before,
        "text, PDF and notes of approved minutes unchanged"
    );
    let draft: String = raw(&t.path)
        .query_row(
            "SELECT group_concat(n.text, '|') FROM minute_notes n
             JOIN minutes m ON m.id = n.minutes_id WHERE m.status <> 'approved'",
            [],
            |r| r.get(0),
        )
        .expect("draft");
    assert!(
        !draft.contains("Özdemir"),
        "the draft minutes no longer name him"
    );
    assert!(draft.contains("Ehemaliges Mitglied stellt die Auswertung"));
    let brochure = zirkel::pdf::brochure(&t.store, stamp().at).expect("brochure");
    assert!(
        brochure
            .text()
            .contains("Interkulturelle Öffnung der Stadtverwaltung Herten"),
        "his practice example stays in the brochure"
    );
    assert!(
        !brochure.text().contains("Özdemir") && !brochure.text().contains(FORMER_MEMBER),
        "without a contact: the brochure names no former member"
    );
}

#[test]
fn a_restore_of_a_backup_from_before_the_anonymisation_does_not_bring_them_back() {
    let mut t = demo();
    let id = id_of(&t.store, "Karaca");
    let dir = tempfile::tempdir().expect("dir");
    let old = zirkel::backup::create(&t.store, &stamp(), dir.path(), BackupReason::Manual)
        .expect("backup before");
    ops::privacy::anonymise_now(&mut t.store, &stamp(), id).expect("anonymise");
    let later = Stamp {
        at: "2026-11-26T09:00:00".parse().expect("time"),
        ..stamp()
    };
    let report = zirkel::backup::restore(&mut t.store, &later, &old, None).expect("restore");
    assert_eq!(
        report.anonymised_again,
        [id],
        "the restore says it anonymised her again"
    );
    assert_gone(&t, id);
    let person = t.store.read().people().get(id).expect("record");
    assert_eq!(person.full_name(), FORMER_MEMBER);
    assert_eq!(
        t.store.read().people().all().expect("all").len(),
        60,
        "everyone else came back as the backup had them"
    );
    // A second restore of the same old backup does it again (the ids live in the store).
    let report = zirkel::backup::restore(&mut t.store, &later, &old, None).expect("again");
    assert_eq!(report.anonymised_again, [id]);
    assert_gone(&t, id);
}

#[test]
fn a_restore_leaves_a_person_of_another_installation_under_the_same_id_alone() {
    let mut t = demo();
    let id = id_of(&t.store, "Karaca");
    ops::privacy::anonymise_now(&mut t.store, &stamp(), id).expect("anonymise");
    // Another installation: the same demo loaded a day later, so the records were made at
    // another time.
    let mut other = temp_store();
    let other_stamp = Stamp {
        at: "2026-11-30T08:00:00".parse().expect("time"),
        ..stamp()
    };
    ops::demo::load(&mut other.store, &other_stamp).expect("demo");
    let dir = tempfile::tempdir().expect("dir");
    let file = zirkel::backup::create(&other.store, &other_stamp, dir.path(), BackupReason::Manual)
        .expect("backup");
    let report = zirkel::backup::restore(&mut t.store, &stamp(), &file, None).expect("restore");
    assert!(
        report.anonymised_again.is_empty(),
        "a different record is not touched"
    );
    assert_eq!(
        t.store.read().people().get(id).expect("record").last_name,
        "Karaca"
    );
}

#[test]
fn the_retention_rule_offers_former_members_and_applies_nothing_itself() {
    let mut t = demo();
    let retention = ops::privacy::retention(t.store.read(), crate::util::today()).expect("rule");
    assert_eq!(retention.years, 3, "3 years by default");
    let offered: Vec<String> = retention
        .candidates
        .iter()
        .map(|c| c.name.clone())
        .collect();
    for candidate in &retention.candidates {
        assert!(candidate.last_seen < retention.cutoff, "{candidate:?}");
    }
    // Dr. Brandt retired in July 2023 and took part in no session since: more than 3 years.
    assert!(
        offered.iter().any(|n| n.contains("Brandt")),
        "the former member is offered: {offered:?}"
    );
    assert!(
        !offered.iter().any(|n| n.contains("Özdemir")),
        "an active member is not offered"
    );
    assert!(
        t.store
            .read()
            .people()
            .all()
            .expect("people")
            .iter()
            .all(|p| p.anonymised_at.is_none()),
        "offering anonymises no one"
    );
    let refused = t
        .store
        .write(&stamp(), |w| ops::privacy::save_retention_years(w, "0"));
    assert!(
        matches!(&refused, Err(Error::Invalid(problems)) if problems[0].field == zirkel::model::Field::RetentionYears),
        "{refused:?}"
    );
    t.store
        .write(&stamp(), |w| ops::privacy::save_retention_years(w, "10"))
        .expect("10 years");
    let longer = ops::privacy::retention(t.store.read(), crate::util::today()).expect("rule");
    assert_eq!(longer.years, 10);
    assert!(longer.candidates.len() < retention.candidates.len());
}

#[test]
fn the_audit_log_screen_filters_by_user_entity_action_and_day() {
    let mut t = demo();
    let later = Stamp {
        user: "mkoch".into(),
        at: "2026-11-27T14:00:00".parse().expect("time"),
    };
    let id = id_of(&t.store, "Richter");
    t.store
        .write(&later, |w| ops::people::deactivate(w, id))
        .expect("deactivate");
    let all = ops::privacy::audit_log(t.store.read(), &AuditFilter::default()).expect("all");
    assert!(all.total > 100, "the demo data is in the log");
    assert_eq!(all.rows.len(), 100, "one page of 100");
    assert!(all.users.contains(&"mkoch".to_owned()));
    let by = ops::privacy::audit_log(
        t.store.read(),
        &AuditFilter {
            user: Some("mkoch".into()),
            ..AuditFilter::default()
        },
    )
    .expect("by user");
    assert!(by.rows.iter().all(|r| r.user == "mkoch"));
    let actions: BTreeSet<&str> = by.rows.iter().map(|r| r.action.as_str()).collect();
    assert_eq!(
        actions,
        BTreeSet::from(["deactivate", "update"]),
        "{:?}",
        by.rows
    );
    let person = ops::privacy::audit_log(
        t.store.read(),
        &AuditFilter {
            entity: Some("person".into()),
            action: Some("deactivate".into()),
            from: Some("2026-11-27".parse().expect("day")),
            until: Some("2026-11-27".parse().expect("day")),
            ..AuditFilter::default()
        },
    )
    .expect("filtered");
    assert_eq!(person.total, 1);
    assert_eq!(person.rows[0].object, "Dr. Clara von Richter");
    assert_eq!(person.rows[0].action_label, "deaktiviert");
    assert_eq!(person.rows[0].entity_label, "Person");
    let none = ops::privacy::audit_log(
        t.store.read(),
        &AuditFilter {
            until: Some("2026-11-24".parse().expect("day")),
            ..AuditFilter::default()
        },
    )
    .expect("before anything");
    assert_eq!(none.total, 0);
}

#[test]
fn the_cli_asks_before_anonymising_and_changes_nothing_on_no() {
    let t = demo();
    let id = id_of(&t.store, "Karaca").to_string();
    let run = |args: &[&str], input: &str| {
        use std::io::Write;
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_zirkel"))
            .arg("--db")
            .arg(&t.path)
            .args(args)
            .env_remove("ZIRKEL_DB")
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("run");
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(input.as_bytes())
            .expect("answer");
        child.wait_with_output().expect("done")
    };
    let no = run(&["person", "anonymise", &id], "n\n");
    assert!(String::from_utf8_lossy(&no.stdout).contains("Abgebrochen"));
    let name: String = raw(&t.path)
        .query_row(
            "SELECT last_name FROM people WHERE id = ?1",
            params![id],
            |r| r.get(0),
        )
        .expect("name");
    assert_eq!(name, "Karaca", "no changes nothing");
    let yes = run(&["person", "anonymise", &id, "--yes"], "");
    assert!(
        yes.status.success(),
        "{}",
        String::from_utf8_lossy(&yes.stderr)
    );
    let name: String = raw(&t.path)
        .query_row(
            "SELECT last_name FROM people WHERE id = ?1",
            params![id],
            |r| r.get(0),
        )
        .expect("name");
    assert_eq!(name, FORMER_MEMBER);
}
