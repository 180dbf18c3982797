//! The one write path: ops compose inside one transaction, every problem of an input is reported
//! at once, the seat rule is one function for the form and the import, unknown stored values fail
//! the read, and the audit log holds ids and field names only.

use zirkel::import;
use zirkel::model::{Field, MandateInput, PersonInput, Role, Stamp};
use zirkel::store::Entity;
use zirkel::{ops, Error};

use crate::organisations::city;
use crate::util::{stamp, temp_store, today};

fn person(first: &str, last: &str) -> PersonInput {
    PersonInput {
        first_name: first.into(),
        last_name: last.into(),
        ..Default::default()
    }
}

fn seat(person_id: i64, organisation_id: i64, start: &str) -> MandateInput {
    MandateInput {
        person_id,
        organisation_id: Some(organisation_id),
        role: Some(Role::Permanent),
        start_date: start.into(),
        end_date: String::new(),
        notes: String::new(),
    }
}

#[test]
fn an_op_inside_another_ops_transaction_rolls_back_with_it() {
    let mut t = temp_store();
    let before = t.store.info().expect("info");
    let result = t.store.write(&stamp(), |w| {
        let org = ops::organisations::create(w, &city("Stadt Herten", "Nordrhein-Westfalen"))?;
        let anna = ops::people::create(w, &person("Anna", "Schmidt"))?;
        ops::mandates::create(w, &seat(anna.id, org.id, "01.01.2024"))?;
        let ayse = ops::people::create(w, &person("Ayşe", "Kaya"))?;
        // The seat rule refuses the second holder: everything above goes with it.
        ops::mandates::create(w, &seat(ayse.id, org.id, "01.06.2024"))
    });
    assert!(
        matches!(result, Err(Error::Invalid(_))),
        "the second seat is refused: {result:?}"
    );
    assert_eq!(
        t.store.info().expect("info"),
        before,
        "the ops before the refusal must be rolled back with it"
    );
    assert!(
        zirkel::ops::search::search(t.store.read(), "Schmidt", 10, today())
            .expect("search")
            .groups
            .is_empty(),
        "nor may the search index keep an entry"
    );
    assert!(
        t.store.read().audit().all().expect("audit").is_empty(),
        "nor the audit log"
    );
}

#[test]
fn the_form_and_the_import_refuse_a_second_seat_with_one_message() {
    let mut t = temp_store();
    let (org, holder) = t
        .store
        .write(&stamp(), |w| {
            let org = ops::organisations::create(w, &city("Stadt Jena", "Thüringen"))?;
            let holder = ops::people::create(w, &person("Wolfgang", "Brandt"))?;
            ops::mandates::create(w, &seat(holder.id, org.id, "01.01.2012"))?;
            Ok((org, holder))
        })
        .expect("seat");
    assert!(holder.id > 0);
    let newcomer = t
        .store
        .write(&stamp(), |w| {
            ops::people::create(w, &person("İlkay", "Yıldırım"))
        })
        .expect("person");
    let form = t
        .store
        .write(&stamp(), |w| {
            ops::mandates::create(w, &seat(newcomer.id, org.id, "01.07.2023"))
        })
        .expect_err("the form refuses");
    let form_message = form.field_errors()[0].message.clone();
    assert_eq!(form.field_errors()[0].field, Field::StartDate);

    let csv = "Vorname;Nachname;Organisation;Rolle;Mitglied seit\r\n\
               Clara;Weiß;Stadt Jena;Ständige Vertretung;01.07.2023\r\n";
    let preview =
        import::preview(&t.store, "jena.csv", csv.as_bytes(), None, today()).expect("preview");
    let row = &preview.rows[0];
    assert_eq!(row.status, import::RowStatus::Error, "{row:?}");
    let import_message = &row.errors[0].message;
    // The same function words both; only the holder-independent part may differ by the name of
    // the person asking for the seat, which this message does not contain.
    assert_eq!(
        import_message, &form_message,
        "one seat rule, one message, for the form and the import"
    );
    assert!(form_message.contains("Wolfgang Brandt"), "{form_message}");
}

#[test]
fn a_stored_unknown_status_fails_the_read_naming_it() {
    let mut t = temp_store();
    ops::demo::load(&mut t.store, &stamp()).expect("demo");
    drop(t.store);
    {
        let conn = rusqlite::Connection::open(&t.path).expect("raw open");
        conn.execute_batch(
            "PRAGMA ignore_check_constraints = ON;
             UPDATE attendance SET status = 'maybe' WHERE id = (SELECT min(id) FROM attendance);",
        )
        .expect("tamper");
    }
    let store = zirkel::Store::open(&t.path).expect("reopen");
    let session = store.read().documents().session(38).expect("session");
    let mut found = None;
    for number in [37, 38, 39] {
        let s = store.read().documents().session(number).expect("session");
        if let Err(error) = store.read().documents().attendance(s.id) {
            found = Some(error);
        }
    }
    assert!(session.id > 0);
    match found {
        Some(Error::Corrupt {
            table,
            column,
            value,
            ..
        }) => {
            assert_eq!(
                (table, column.as_str(), value.as_str()),
                ("attendance", "status", "maybe")
            );
        }
        other => panic!("an unknown status must fail the read, got {other:?}"),
    }
    let pdf = zirkel::pdf::render(
        &store,
        &zirkel::pdf::Document::SignIn {
            session: 37,
            blank_rows: 2,
        },
        stamp().at,
    );
    let pdf38 = zirkel::pdf::render(
        &store,
        &zirkel::pdf::Document::SignIn {
            session: 38,
            blank_rows: 2,
        },
        stamp().at,
    );
    assert!(
        pdf.is_err() || pdf38.is_err(),
        "a document is not printed over an unknown value"
    );
}

#[test]
fn the_audit_log_holds_no_name_or_email_of_a_person() {
    let mut t = temp_store();
    let input = PersonInput {
        email: "sukru.oezdemir@herten.de".into(),
        function: "Integrationsbeauftragter".into(),
        ..person("Şükrü", "Özdemir")
    };
    let created = t
        .store
        .write(&stamp(), |w| ops::people::create(w, &input))
        .expect("create");
    let edited = PersonInput {
        last_name: "Özdemir-Yılmaz".into(),
        email: "s.yilmaz@herten.de".into(),
        ..input.clone()
    };
    t.store
        .write(&stamp(), |w| ops::people::update(w, created.id, &edited))
        .expect("update");
    t.store
        .write(&stamp(), |w| ops::people::delete(w, created.id))
        .expect("delete");
    let entries = t
        .store
        .read()
        .audit()
        .for_entity(Entity::Person, created.id)
        .expect("audit");
    let actions: Vec<&str> = entries.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(actions, ["create", "update", "delete"]);
    assert_eq!(
        entries[1].fields, "last_name,email",
        "an update names the changed fields"
    );
    let conn = rusqlite::Connection::open(&t.path).expect("raw open");
    let dump: String = conn
        .query_row(
            "SELECT group_concat(at || user || entity || ifnull(entity_id, '') || action || fields, '|')
             FROM audit_log",
            [],
            |r| r.get(0),
        )
        .expect("dump");
    for personal in [
        "Şükrü",
        "Özdemir",
        "Yılmaz",
        "herten.de",
        "Integrationsbeauftragter",
    ] {
        assert!(
            !dump.contains(personal),
            "the audit log must not hold „{personal}“: {dump}"
        );
    }
}

#[test]
fn an_editing_burst_is_one_audit_entry() {
    let mut t = temp_store();
    let created = t
        .store
        .write(&stamp(), |w| {
            ops::people::create(w, &person("Anna", "Schmidt"))
        })
        .expect("create");
    let at = |seconds: i64| Stamp {
        at: stamp().at + chrono::Duration::seconds(seconds),
        ..stamp()
    };
    let edits = [
        (
            5,
            PersonInput {
                function: "Integrationsbeauftragte".into(),
                ..person("Anna", "Schmidt")
            },
        ),
        (
            10,
            PersonInput {
                function: "Integrationsbeauftragte".into(),
                phone: "0711 1".into(),
                ..person("Anna", "Schmidt")
            },
        ),
        (
            15,
            PersonInput {
                function: "Integrationsbeauftragte".into(),
                phone: "0711 12".into(),
                ..person("Anna", "Schmidt")
            },
        ),
        // After a pause longer than the window, a new entry.
        (
            200,
            PersonInput {
                function: "Integrationsbeauftragte".into(),
                phone: "0711 12".into(),
                email: "a@b.de".into(),
                ..person("Anna", "Schmidt")
            },
        ),
    ];
    for (seconds, input) in &edits {
        t.store
            .write(&at(*seconds), |w| {
                w.merge_edits_within(chrono::Duration::seconds(30));
                ops::people::update(w, created.id, input)
            })
            .expect("autosave");
    }
    let entries = t
        .store
        .read()
        .audit()
        .for_entity(Entity::Person, created.id)
        .expect("audit");
    let summary: Vec<(&str, &str, &str)> = entries
        .iter()
        .map(|e| (e.action.as_str(), e.until.as_str(), e.fields.as_str()))
        .collect();
    assert_eq!(
        summary,
        [
            (
                "create",
                "2026-11-25T10:00:00",
                "salutation,first_name,last_name"
            ),
            ("update", "2026-11-25T10:00:15", "function,phone"),
            ("update", "2026-11-25T10:03:20", "email"),
        ],
        "three autosaves within the window are one entry, the later one a new entry"
    );
    assert_eq!(
        entries[1].at, "2026-11-25T10:00:05",
        "the burst keeps its start"
    );
}

#[test]
fn the_import_offers_a_close_organisation_and_lists_ignored_columns() {
    let mut t = temp_store();
    t.store
        .write(&stamp(), |w| {
            ops::organisations::create(w, &city("Landeshauptstadt Hannover", "Niedersachsen"))
        })
        .expect("org");
    let csv = "Nachname;Vorname;Kommune/Institution;Stadt;Lieblingsfarbe;Amtsbezeichnung\r\n\
               Nguyễn;Thị Lan;Stadt Hannover;Hannover;blau;Integrationsbeauftragte\r\n\
               Wiśniewski;Łukasz;Landkreis Hannover;Hannover;grün;Referent\r\n";
    let preview =
        import::preview(&t.store, "liste.csv", csv.as_bytes(), None, today()).expect("preview");
    let fields: Vec<Option<import::ImportField>> =
        preview.columns.iter().map(|c| c.field).collect();
    assert_eq!(
        fields[2],
        Some(import::ImportField::Organisation),
        "Kommune/Institution"
    );
    assert_eq!(
        fields[5],
        Some(import::ImportField::Function),
        "Amtsbezeichnung"
    );
    let ignored: Vec<(&str, &str)> = preview
        .ignored
        .iter()
        .map(|c| (c.header.as_str(), c.reason.as_deref().unwrap_or("")))
        .collect();
    assert_eq!(ignored.len(), 2, "{ignored:?}");
    assert_eq!(ignored[0].0, "Stadt");
    assert!(ignored[0].1.starts_with("mehrdeutig"), "{ignored:?}");
    assert_eq!(ignored[1], ("Lieblingsfarbe", "nicht erkannt"));
    assert_eq!(
        preview.organisation_suggestions.len(),
        1,
        "{:?}",
        preview.organisation_suggestions
    );
    let suggestion = &preview.organisation_suggestions[0];
    assert_eq!(
        (
            suggestion.name.as_str(),
            suggestion.existing_name.as_str(),
            suggestion.rows.as_slice()
        ),
        ("Stadt Hannover", "Landeshauptstadt Hannover", &[2][..])
    );
    assert_eq!(
        preview.counts.organisations_new, 1,
        "the Landkreis is another organisation than the city"
    );
    let summary = import::commit(
        &mut t.store,
        &stamp(),
        "liste.csv",
        csv.as_bytes(),
        None,
        &[],
        None,
    )
    .expect("commit");
    assert_eq!(summary.organisations_created, 1, "{summary:?}");
    // Declined, the close name becomes an organisation of its own.
    let keep_apart = import::ImportChoices {
        separate_organisations: vec!["Stadt Hannover".into()],
        ..Default::default()
    };
    let apart = import::preview_choosing(
        &t.store,
        ("liste.csv", csv.as_bytes()),
        &keep_apart,
        today(),
    )
    .expect("preview");
    assert!(
        apart.organisation_suggestions.is_empty(),
        "{:?}",
        apart.organisation_suggestions
    );
    let audit = t.store.read().audit().all().expect("audit");
    assert!(
        audit
            .iter()
            .filter(|e| e.entity == "person")
            .all(|e| e.action == "import"),
        "the import's writes are recorded as such"
    );
}

#[test]
fn what_an_op_returns_is_what_the_store_reads_back() {
    let mut t = temp_store();
    let input = PersonInput {
        title: "Dr.".into(),
        email: "Lan.Nguyen@Leipzig.de".into(),
        consent_shared_lists: true,
        consent_date: "01.02.2026".into(),
        ..person("Thị Lan", "Nguyễn")
    };
    let (created, mandate) = t
        .store
        .write(&stamp(), |w| {
            let org = ops::organisations::create(w, &city("Stadt Leipzig", "Sachsen"))?;
            let created = ops::people::create(w, &input)?;
            let mandate = ops::mandates::create(w, &seat(created.id, org.id, "01.01.2025"))?;
            Ok((created, mandate))
        })
        .expect("create");
    assert_eq!(
        created,
        t.store.read().people().get(created.id).expect("read"),
        "the op's answer must be the stored person"
    );
    assert_eq!(
        mandate,
        t.store.read().mandates().get(mandate.id).expect("read"),
        "and the stored mandate"
    );
    let found =
        zirkel::ops::search::search(t.store.read(), "nguyen leipzig", 5, today()).expect("search");
    assert_eq!(
        found
            .groups
            .iter()
            .flat_map(|g| &g.hits)
            .map(|h| h.id)
            .collect::<Vec<_>>(),
        [created.id],
        "the search entry names the organisation once the mandate is written"
    );
}

#[test]
fn the_app_commits_only_what_the_user_saw() {
    let mut t = temp_store();
    let csv = "Vorname;Nachname;E-Mail\r\nAnna;Schmidt;anna@jena.de\r\n";
    let seen = import::preview(&t.store, "l.csv", csv.as_bytes(), None, today())
        .expect("preview")
        .fingerprint;
    // The file was saved again with another row before "Importieren" was pressed.
    let changed = format!("{csv}Kim;Meyer;kim@jena.de\r\n");
    let before = t.store.info().expect("info");
    let err = import::commit_seen(
        &mut t.store,
        &stamp(),
        ("l.csv", changed.as_bytes()),
        &Default::default(),
        &seen,
    )
    .expect_err("a changed file is refused");
    assert!(
        err.user_message().contains("seit der Vorschau geändert"),
        "{}",
        err.user_message()
    );
    assert_eq!(t.store.info().expect("info"), before, "nothing written");
    let summary = import::commit_seen(
        &mut t.store,
        &stamp(),
        ("l.csv", csv.as_bytes()),
        &Default::default(),
        &seen,
    )
    .expect("the file as seen is imported");
    assert_eq!(summary.created, 1);
}

#[test]
fn a_bare_name_is_never_taken_as_a_district_and_consent_dates_survive_an_update() {
    let mut t = temp_store();
    t.store
        .write(&stamp(), |w| {
            let district = zirkel::model::OrganisationInput {
                kind: Some(zirkel::model::OrganisationKind::District),
                ..city("Landkreis Leipzig", "Sachsen")
            };
            ops::organisations::create(w, &district)?;
            ops::people::create(
                w,
                &PersonInput {
                    email: "anna@jena.de".into(),
                    consent_shared_lists: true,
                    consent_date: "01.03.2024".into(),
                    ..person("Anna", "Schmidt")
                },
            )
        })
        .expect("setup");
    let csv = "Vorname;Nachname;E-Mail;Organisation;Einwilligung\r\n\
               Anna;Schmidt;anna@jena.de;;ja\r\n\
               Kim;Meyer;kim@leipzig.de;Leipzig;ja\r\n";
    let preview =
        import::preview(&t.store, "l.csv", csv.as_bytes(), None, today()).expect("preview");
    assert!(
        preview.organisation_suggestions.is_empty(),
        "„Leipzig“ is not the Landkreis: {:?}",
        preview.organisation_suggestions
    );
    let decisions = [import::DuplicateDecision {
        row: 2,
        action: import::DuplicateAction::Update,
    }];
    let summary = import::commit(
        &mut t.store,
        &stamp(),
        "l.csv",
        csv.as_bytes(),
        None,
        &decisions,
        None,
    )
    .expect("commit");
    assert_eq!(summary.organisations_created, 1);
    assert_eq!(
        (summary.updated, summary.skipped),
        (0, 1),
        "a matched row without changes is skipped, not counted as updated"
    );
    let anna = t
        .store
        .read()
        .people()
        .all()
        .expect("people")
        .into_iter()
        .find(|p| p.first_name == "Anna")
        .expect("anna");
    assert_eq!(
        anna.consent_date,
        chrono::NaiveDate::from_ymd_opt(2024, 3, 1),
        "a consent without a date in the file keeps the stored date"
    );
}

#[test]
fn a_store_from_a_pre_release_build_or_a_foreign_file_is_refused_untouched() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("alt.sqlite3");
    drop(zirkel::Store::open(&path).expect("create"));
    {
        let conn = rusqlite::Connection::open(&path).expect("raw");
        // A pre-release draft of V1: its audit log had a summary column.
        conn.execute_batch(
            "ALTER TABLE audit_log RENAME COLUMN fields TO summary; PRAGMA user_version = 1;",
        )
        .expect("old audit log");
    }
    assert!(matches!(zirkel::Store::open(&path), Err(Error::PreRelease)));
    let empty = dir.path().join("leer.sqlite3");
    std::fs::write(&empty, b"").expect("empty file");
    assert!(matches!(
        zirkel::Store::open_existing(&empty),
        Err(Error::NoStore { .. })
    ));
    assert_eq!(
        std::fs::metadata(&empty).expect("meta").len(),
        0,
        "a read writes no schema into a foreign file"
    );
}

#[test]
fn a_mandate_reports_every_problem_the_store_finds_at_once() {
    let mut t = temp_store();
    let (org, former) = t
        .store
        .write(&stamp(), |w| {
            let org =
                ops::organisations::create(w, &city("Stadt Arnsberg", "Nordrhein-Westfalen"))?;
            let holder = ops::people::create(w, &person("Anna", "Schmidt"))?;
            ops::mandates::create(w, &seat(holder.id, org.id, "01.01.2020"))?;
            let former = ops::people::create(w, &person("Jörg", "Weiß"))?;
            ops::people::deactivate(w, former.id)?;
            Ok((org, former))
        })
        .expect("setup");
    let err = t
        .store
        .write(&stamp(), |w| {
            ops::mandates::create(w, &seat(former.id, org.id, "01.01.2025"))
        })
        .expect_err("refused");
    let fields: Vec<Field> = err.field_errors().iter().map(|e| e.field).collect();
    assert_eq!(
        fields,
        [Field::StartDate, Field::EndDate],
        "the held seat and the deactivated person, both at once: {err:?}"
    );
}
