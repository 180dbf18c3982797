//! Integration tests: imports of people and organisations from CSV and XLSX.

use std::collections::BTreeSet;

use zirkel::export::{self, ExportColumn, ExportFormat, ExportOptions};
use zirkel::import::{
    self, ColumnMapping, DuplicateAction, DuplicateDecision, ImportField, RowStatus,
};
use zirkel::model::{
    MandateInput, MemberFilter, MemberStatus, OrganisationKind, Person, PersonInput, Role,
};
use zirkel::{ops, Error, Store};

use crate::util::{stamp, temp_store, today};

const CP1252_FIXTURE: &[u8] = include_bytes!("fixtures/mitglieder-cp1252.csv");

fn people_of(store: &Store) -> Vec<Person> {
    let list = ops::members::list(
        store.read(),
        &MemberFilter {
            status: MemberStatus::All,
            ..Default::default()
        },
        today(),
    )
    .expect("list");
    list.rows
        .iter()
        .map(|r| {
            ops::people::get(store.read(), r.person_id, today())
                .expect("person")
                .person
        })
        .collect()
}

/// Everything the export carries about a person, ids and history left out.
fn comparable(store: &Store) -> BTreeSet<String> {
    people_of(store)
        .into_iter()
        .map(|p| {
            format!(
                "{:?}|{:?}|{}|{:?}|{}|{:?}|{:?}|{:?}|{:?}|{:?}|{:?}|{:?}|{}|{:?}|{:?}",
                p.salutation,
                p.title,
                p.first_name,
                p.name_particle,
                p.last_name,
                p.function,
                p.email,
                p.phone,
                p.mobile,
                p.street,
                p.postal_code,
                p.city,
                p.consent_shared_lists,
                p.consent_date,
                p.notes
            )
        })
        .collect()
}

/// Organisations with a member in the list, with the data the export carries.
fn organisations_of(store: &Store) -> BTreeSet<String> {
    let list = ops::members::list(
        store.read(),
        &MemberFilter {
            status: MemberStatus::All,
            ..Default::default()
        },
        today(),
    )
    .expect("list");
    list.rows
        .iter()
        .filter_map(|r| r.organisation_id)
        .map(|id| {
            let o = ops::organisations::get(store.read(), id, today())
                .expect("org")
                .organisation;
            format!(
                "{}|{:?}|{:?}|{:?}|{:?}|{:?}",
                o.name, o.kind, o.state, o.street, o.postal_code, o.city
            )
        })
        .collect()
}

/// Main mandates as the list shows them: person, organisation, role, since, until.
fn mandates_of(store: &Store) -> BTreeSet<String> {
    ops::members::list(
        store.read(),
        &MemberFilter {
            status: MemberStatus::All,
            ..Default::default()
        },
        today(),
    )
    .expect("list")
    .rows
    .into_iter()
    .map(|r| {
        format!(
            "{}|{:?}|{:?}|{:?}|{:?}",
            r.name, r.organisation, r.role, r.since, r.until
        )
    })
    .collect()
}

fn round_trip(format: ExportFormat, file_name: &str) {
    let mut source = temp_store();
    ops::demo::load(&mut source.store, &stamp()).expect("demo");
    let options = ExportOptions {
        filter: MemberFilter {
            status: MemberStatus::All,
            ..Default::default()
        },
        columns: ExportColumn::ALL.to_vec(),
        consent_only: false,
    };
    let bytes = export::members(&source.store, format, &options, today()).expect("export");

    let mut target = temp_store();
    let preview =
        import::preview(&target.store, file_name, &bytes, None, today()).expect("preview");
    assert_eq!(
        preview.counts.error,
        0,
        "{:#?}",
        preview
            .rows
            .iter()
            .filter(|r| !r.errors.is_empty())
            .collect::<Vec<_>>()
    );
    assert_eq!(
        preview.counts.new,
        preview.rows.len(),
        "an empty store: every row is new"
    );
    assert!(
        preview.columns.iter().all(|c| c.field.is_some()),
        "every exported column is recognised: {:?}",
        preview.columns
    );
    let summary = import::commit(
        &mut target.store,
        &stamp(),
        file_name,
        &bytes,
        None,
        &[],
        None,
    )
    .expect("commit");
    assert_eq!(summary.created, preview.rows.len());
    assert!(summary.backup.is_some(), "a file store is backed up first");

    let expected = comparable(&source.store);
    let actual = comparable(&target.store);
    assert_eq!(
        expected.symmetric_difference(&actual).collect::<Vec<_>>(),
        Vec::<&String>::new(),
        "the same people, field for field"
    );
    for name in [
        "Şükrü",
        "İlkay",
        "Łukasz",
        "Thị Lan",
        "Γιώργος",
        "Ольга",
        "ليلى",
    ] {
        assert!(
            actual.iter().any(|p| p.contains(name)),
            "{name} survives the round trip"
        );
    }
    assert_eq!(
        organisations_of(&source.store),
        organisations_of(&target.store),
        "the same organisations with kind, Bundesland and address"
    );
    assert_eq!(
        mandates_of(&source.store),
        mandates_of(&target.store),
        "the same main mandates"
    );
}

#[test]
fn round_trip_through_excel_csv_restores_people_and_organisations() {
    round_trip(ExportFormat::Csv, "Mitgliederliste.csv");
}

#[test]
fn round_trip_through_plain_csv_restores_people_and_organisations() {
    round_trip(ExportFormat::CsvUtf8, "Mitgliederliste-utf8.csv");
}

#[test]
fn round_trip_through_xlsx_restores_people_and_organisations() {
    round_trip(ExportFormat::Xlsx, "Mitgliederliste.xlsx");
}

#[test]
fn windows_1252_file_from_german_excel_is_read() {
    let mut t = temp_store();
    let preview = import::preview(&t.store, "mitglieder.csv", CP1252_FIXTURE, None, today())
        .expect("preview");
    assert_eq!(preview.source, "CSV, Windows-1252, Trennzeichen ;");
    assert_eq!(
        preview.rows.iter().map(|r| r.row).collect::<Vec<_>>(),
        [2, 3, 4, 6],
        "row numbers as in the file; the blank row 5 is skipped"
    );
    assert_eq!(preview.counts.error, 0, "{:#?}", preview.rows);
    assert_eq!(preview.counts.organisations_new, 3);
    let bemerkung = preview
        .columns
        .iter()
        .find(|c| c.header == "Bemerkung")
        .expect("column");
    assert_eq!(bemerkung.field, Some(ImportField::Notes));
    let summary = import::commit(
        &mut t.store,
        &stamp(),
        "mitglieder.csv",
        CP1252_FIXTURE,
        None,
        &[],
        None,
    )
    .expect("commit");
    assert_eq!(
        (
            summary.created,
            summary.organisations_created,
            summary.mandates_created
        ),
        (4, 3, 4)
    );

    let people = people_of(&t.store);
    let weiss = people.iter().find(|p| p.last_name == "Weiß").expect("Weiß");
    assert_eq!(weiss.first_name, "Jördis");
    assert_eq!(weiss.title.as_deref(), Some("Dr."));
    assert_eq!(
        weiss.email.as_deref(),
        Some("j.weiss@goerlitz.de"),
        "trimmed, lower case"
    );
    let buelow = people
        .iter()
        .find(|p| p.last_name == "Bülow")
        .expect("von Bülow");
    assert_eq!(buelow.name_particle.as_deref(), Some("von"));
    assert_eq!(
        buelow.notes.as_deref(),
        Some("Bitte Post an \"Büro Süd\"; nicht an die Zentrale\r\nzweite Zeile"),
        "quoted separators, quotes and line breaks"
    );
    assert_eq!(buelow.postal_code.as_deref(), Some("79539"));
    let celik = people.iter().find(|p| p.first_name == "Zoë").expect("Zoë");
    assert_eq!(
        celik.last_name, "Çelik-Öztürk",
        "hyphenated names stay whole"
    );
    assert_eq!(celik.title.as_deref(), Some("Prof. Dr."));
    assert_eq!(celik.notes.as_deref(), Some("Gebühr € bezahlt"));

    let orgs =
        ops::organisations::list(t.store.read(), &Default::default(), today()).expect("orgs");
    let kind = |name: &str| {
        orgs.rows
            .iter()
            .find(|o| o.name == name)
            .map(|o| (o.kind, o.state.clone()))
            .unwrap_or_else(|| panic!("{name}"))
    };
    assert_eq!(
        kind("Stadt Görlitz"),
        (OrganisationKind::City, Some("Sachsen".into()))
    );
    assert_eq!(
        kind("Landkreis Lörrach"),
        (OrganisationKind::District, Some("Baden-Württemberg".into()))
    );
    assert_eq!(kind("Integrationsrat Görlitz").0, OrganisationKind::Other);

    let weiss_detail = ops::people::get(t.store.read(), weiss.id, today()).expect("detail");
    let mandate = &weiss_detail.mandates[0].mandate;
    assert_eq!(mandate.role, Role::Permanent);
    assert_eq!(mandate.start_date.to_string(), "2021-03-01");
    let meyer = people
        .iter()
        .find(|p| p.last_name == "Meyer")
        .expect("Meyer");
    let meyer_detail = ops::people::get(t.store.read(), meyer.id, today()).expect("detail");
    assert_eq!(
        meyer_detail.mandates[0].mandate.start_date,
        today(),
        "without „Mitglied seit“ the mandate starts on the import day"
    );
    let audit = t
        .store
        .read()
        .audit()
        .for_entity(zirkel::store::Entity::Person, weiss.id)
        .expect("audit");
    assert!(audit.iter().any(|e| e.action == "import"), "{audit:?}");
}

#[test]
fn errors_name_row_column_and_reason_and_nothing_is_written() {
    let mut t = temp_store();
    let csv = "Vorname;Nachname;E-Mail;Mitglied seit;Organisation;Rolle\n\
               Anna;Schmidt;anna@stadt.de;01.01.2020;Stadt A;Gast\n\
               Ben;Bauer;ben@;01.01.2020;Stadt A;Gast\n\
               Cem;Kaya;cem@stadt.de;31.02.2024;Stadt A;Gast\n\
               ;;nur@mail.de;;;\n\
               Dana;Dorn;dana@stadt.de;;Stadt A;Chefin\n";
    let preview =
        import::preview(&t.store, "liste.csv", csv.as_bytes(), None, today()).expect("preview");
    let error = |row: usize| {
        preview
            .rows
            .iter()
            .find(|r| r.row == row)
            .expect("row")
            .errors
            .clone()
    };
    assert_eq!(preview.rows[0].status, RowStatus::New);
    assert_eq!(error(3)[0].column.as_deref(), Some("E-Mail"));
    assert!(error(3)[0]
        .message
        .contains("„ben@“ ist keine gültige E-Mail-Adresse"));
    assert_eq!(error(4)[0].column.as_deref(), Some("Mitglied seit"));
    assert!(error(4)[0].message.contains("31.02.2024"), "{:?}", error(4));
    let missing = error(5);
    assert_eq!(
        missing.len(),
        2,
        "both missing names are reported: {missing:?}"
    );
    assert_eq!(missing[0].column.as_deref(), Some("Vorname"));
    assert!(missing[1].message.starts_with("Nachname:"));
    assert_eq!(error(6)[0].column.as_deref(), Some("Rolle"));
    assert_eq!(preview.counts.error, 4);

    let before = t.store.info().expect("info");
    let err = import::commit(
        &mut t.store,
        &stamp(),
        "liste.csv",
        csv.as_bytes(),
        None,
        &[],
        None,
    )
    .expect_err("errors refuse the import");
    match &err {
        Error::Invalid(errors) => {
            let (field, message) = (errors[0].field.as_str(), errors[0].message.as_str());
            assert_eq!(field, "file");
            assert!(message.contains("Zeile 3"), "{message}");
            assert!(message.contains("nichts gespeichert"), "{message}");
        }
        other => panic!("expected a validation error, got {other:?}"),
    }
    assert_eq!(t.store.info().expect("info"), before, "nothing written");
    assert!(
        !t.path.parent().expect("dir").join("backups").exists(),
        "no backup for a refused import"
    );
}

fn existing_member(t: &mut crate::util::TempStore) -> (i64, i64) {
    let org = t
        .store
        .write(&stamp(), |w| {
            ops::organisations::create(
                w,
                &crate::organisations::city("Stadt Herten", "Nordrhein-Westfalen"),
            )
        })
        .expect("org");
    let person = t
        .store
        .write(&stamp(), |w| {
            ops::people::create(
                w,
                &PersonInput {
                    first_name: "Şükrü".into(),
                    last_name: "Özdemir".into(),
                    email: "sukru.oezdemir@herten.de".into(),
                    phone: "02366 303-417".into(),
                    ..Default::default()
                },
            )
        })
        .expect("person");
    t.store
        .write(&stamp(), |w| {
            ops::mandates::create(
                w,
                &MandateInput {
                    person_id: person.id,
                    organisation_id: Some(org.id),
                    role: Some(Role::Permanent),
                    start_date: "01.06.2009".into(),
                    end_date: String::new(),
                    notes: String::new(),
                },
            )
        })
        .expect("mandate");
    (person.id, org.id)
}

#[test]
fn duplicates_are_written_only_when_the_user_says_update() {
    let mut t = temp_store();
    let (id, _) = existing_member(&mut t);
    let csv = "Anrede;Vorname;Nachname;E-Mail;Funktion;Telefon;Organisation;Rolle\n\
               Herr;Şükrü;Özdemir;SUKRU.OEZDEMIR@herten.de;Integrationsbeauftragter;;Stadt Herten;ständige Vertretung\n\
               ;Şükrü;Özdemir;;;;Stadt Herten;Ständige Vertretung\n\
               ;Neu;Person;neu@herten.de;;;Stadt Herten;Stellvertretung\n\
               ;Neu;Person;NEU@herten.de;;;Stadt Herten;Stellvertretung\n";
    let preview =
        import::preview(&t.store, "l.csv", csv.as_bytes(), None, today()).expect("preview");
    let statuses: Vec<RowStatus> = preview.rows.iter().map(|r| r.status).collect();
    assert_eq!(
        statuses,
        [
            RowStatus::Update,
            RowStatus::Duplicate,
            RowStatus::New,
            RowStatus::Duplicate
        ],
        "{:#?}",
        preview.rows
    );
    assert_eq!(preview.rows[0].existing_person_id, Some(id));
    assert!(preview.rows[0]
        .duplicate_reason
        .as_deref()
        .is_some_and(|r| r.contains("E-Mail")));
    assert!(preview.rows[1]
        .duplicate_reason
        .as_deref()
        .is_some_and(|r| r.contains("Name")));
    assert!(preview.rows[3]
        .duplicate_reason
        .as_deref()
        .is_some_and(|r| r.contains("Zeile 4")));

    // Without decisions, duplicates are skipped.
    let summary = import::commit(
        &mut t.store,
        &stamp(),
        "l.csv",
        csv.as_bytes(),
        None,
        &[],
        None,
    )
    .expect("commit");
    assert_eq!(
        (summary.created, summary.updated, summary.skipped),
        (1, 0, 3)
    );
    let person = ops::people::get(t.store.read(), id, today())
        .expect("person")
        .person;
    assert_eq!(person.function, None, "skipped means unchanged");

    // With "update", the file's non-empty values win and empty cells erase nothing.
    let decisions = [DuplicateDecision {
        row: 2,
        action: DuplicateAction::Update,
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
    assert_eq!(summary.updated, 1);
    let detail = ops::people::get(t.store.read(), id, today()).expect("person");
    assert_eq!(
        detail.person.function.as_deref(),
        Some("Integrationsbeauftragter")
    );
    assert_eq!(detail.person.salutation, zirkel::model::Salutation::Mr);
    assert_eq!(
        detail.person.phone.as_deref(),
        Some("02366 303-417"),
        "an empty cell erases nothing"
    );
    assert_eq!(
        detail.mandates.len(),
        1,
        "the role held already is not added again"
    );
}

#[test]
fn a_second_permanent_seat_holder_is_refused() {
    let mut t = temp_store();
    existing_member(&mut t);
    let csv = "Name;Organisation;Rolle;Mitglied seit\n\
               Dr. Anna Neu;Stadt Herten;Ständige Vertretung;01.01.2025\n\
               Berta Zweit;Stadt Neuhausen;Ständige Vertretung;01.01.2025\n\
               Carla Dritt;Stadt Neuhausen;Ständige Vertretung;01.06.2025\n";
    let preview =
        import::preview(&t.store, "l.csv", csv.as_bytes(), None, today()).expect("preview");
    let statuses: Vec<RowStatus> = preview.rows.iter().map(|r| r.status).collect();
    assert_eq!(
        statuses,
        [RowStatus::Error, RowStatus::New, RowStatus::Error]
    );
    assert!(preview.rows[0].errors[0].message.contains("Şükrü Özdemir"));
    assert!(preview.rows[2].errors[0].message.contains("Zeile 3"));
    assert_eq!(
        preview.rows[0].name, "Dr. Anna Neu",
        "title split off the name cell"
    );
}

#[test]
fn xlsx_with_spreadsheet_dates_numbers_and_last_first_names() {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    for (col, header) in [
        "Name, Vorname",
        "Kommune",
        "PLZ (Organisation)",
        "Mitglied seit",
        "Einwilligung am",
        "Mobil",
    ]
    .iter()
    .enumerate()
    {
        sheet.write_string(0, col as u16, *header).expect("header");
    }
    let date = Format::new().set_num_format("dd.mm.yyyy");
    sheet
        .write_string(1, 0, "Richter, Clara von, Dr.")
        .expect("cell");
    sheet.write_string(1, 1, "Stadt Jena").expect("cell");
    sheet.write_number(1, 2, 7743).expect("cell");
    sheet.write_number(1, 3, 45352).expect("serial date");
    sheet
        .write_datetime_with_format(
            1,
            4,
            ExcelDateTime::from_ymd(2023, 3, 2).expect("date"),
            &date,
        )
        .expect("cell");
    sheet.write_string(1, 5, "0151 40321877").expect("cell");
    let bytes = workbook.save_to_buffer().expect("xlsx");

    let mut t = temp_store();
    let preview = import::preview(&t.store, "liste.xlsx", &bytes, None, today()).expect("preview");
    assert_eq!(preview.counts.error, 0, "{:#?}", preview.rows);
    import::commit(
        &mut t.store,
        &stamp(),
        "liste.xlsx",
        &bytes,
        None,
        &[],
        None,
    )
    .expect("commit");
    let person = people_of(&t.store).pop().expect("person");
    assert_eq!(
        (
            person.title.as_deref(),
            person.first_name.as_str(),
            person.name_particle.as_deref(),
            person.last_name.as_str()
        ),
        (Some("Dr."), "Clara", Some("von"), "Richter")
    );
    assert!(person.consent_shared_lists, "a consent date means consent");
    assert_eq!(
        person.consent_date.map(|d| d.to_string()).as_deref(),
        Some("2023-03-02")
    );
    let detail = ops::people::get(t.store.read(), person.id, today()).expect("detail");
    assert_eq!(
        detail.mandates[0].mandate.start_date.to_string(),
        "2024-03-01",
        "serial 45352"
    );
    assert_eq!(
        detail.mandates[0].mandate.role,
        Role::Guest,
        "no role given: guest"
    );
    let org = ops::organisations::get(
        t.store.read(),
        detail.mandates[0].mandate.organisation_id,
        today(),
    )
    .expect("org")
    .organisation;
    assert_eq!(
        org.postal_code.as_deref(),
        Some("07743"),
        "the number 7743 is Jena's 07743"
    );
    assert_eq!(org.kind, OrganisationKind::City);
}

#[test]
fn the_caller_can_change_the_mapping() {
    let mut t = temp_store();
    let csv = "Person;Dienststelle;Kontakt;Kürzel\nKim Meyer;Stadt A;kim@a.de;KM\n";
    let preview =
        import::preview(&t.store, "l.csv", csv.as_bytes(), None, today()).expect("preview");
    let fields: Vec<Option<ImportField>> = preview.columns.iter().map(|c| c.field).collect();
    assert_eq!(
        fields,
        [
            Some(ImportField::FullName),
            Some(ImportField::Organisation),
            None,
            None
        ],
        "„Kontakt“ would be a second name column, „Kürzel“ is unknown"
    );
    let mut mapping: Vec<ColumnMapping> = preview.columns.clone();
    mapping[2].field = Some(ImportField::Email);
    let changed = import::preview(&t.store, "l.csv", csv.as_bytes(), Some(&mapping), today())
        .expect("preview");
    assert_eq!(changed.rows[0].email.as_deref(), Some("kim@a.de"));
    mapping[3].field = Some(ImportField::Email);
    let err = import::preview(&t.store, "l.csv", csv.as_bytes(), Some(&mapping), today())
        .expect_err("two e-mail columns");
    assert!(
        matches!(err, Error::Invalid(ref errors) if errors[0].field.as_str() == "file"),
        "{err:?}"
    );
    mapping[3].field = None;
    import::commit(
        &mut t.store,
        &stamp(),
        "l.csv",
        csv.as_bytes(),
        Some(&mapping),
        &[],
        None,
    )
    .expect("commit");
    assert_eq!(people_of(&t.store)[0].email.as_deref(), Some("kim@a.de"));
}

#[test]
fn commit_backs_up_the_store_first() {
    let mut t = temp_store();
    existing_member(&mut t);
    let backups = tempfile::tempdir().expect("dir");
    let csv = "Vorname;Nachname\nKim;Meyer\n";
    let summary = import::commit(
        &mut t.store,
        &stamp(),
        "l.csv",
        csv.as_bytes(),
        None,
        &[],
        Some(backups.path()),
    )
    .expect("commit");
    let path = summary.backup.expect("backup made");
    assert!(
        path.ends_with("zirkel-20261125-100000-import.sqlite3"),
        "{path}"
    );
    let copy = Store::open(&path).expect("backup opens");
    assert_eq!(
        copy.info().expect("info").people,
        1,
        "the state before the import"
    );
    assert_eq!(t.store.info().expect("info").people, 2);
}

fn malformed_files() -> Vec<(&'static str, &'static str, Vec<u8>)> {
    let mut source = temp_store();
    ops::demo::load(&mut source.store, &stamp()).expect("demo");
    let xlsx = export::members(
        &source.store,
        ExportFormat::Xlsx,
        &ExportOptions::default(),
        today(),
    )
    .expect("xlsx");
    let mut long_line = b"Vorname;Nachname;".to_vec();
    long_line.extend(std::iter::repeat_n(b'x', 1 << 20));
    let mut garbage = Vec::with_capacity(4096);
    let mut seed: u32 = 0x1234_5678;
    for _ in 0..4096 {
        seed = seed.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
        garbage.push((seed >> 24) as u8);
    }
    vec![
        ("empty file", "leer.csv", Vec::new()),
        ("only a BOM", "bom.csv", b"\xef\xbb\xbf\r\n".to_vec()),
        ("binary garbage", "zufall.csv", garbage),
        (
            "truncated xlsx",
            "kaputt.xlsx",
            xlsx[..xlsx.len() / 2].to_vec(),
        ),
        (
            "xlsx name, csv bytes",
            "falsch.xlsx",
            b"Vorname;Nachname\nA;B\n".to_vec(),
        ),
        ("1 MB single line", "lang.csv", long_line),
        (
            "unknown encoding",
            "kodierung.csv",
            b"Vorname;Nachname\r\nJ\x81rgen;M\x8dller\r\n".to_vec(),
        ),
        (
            "UTF-32",
            "utf32.csv",
            b"\xff\xfe\x00\x00V\x00\x00\x00".to_vec(),
        ),
        (
            "old xls",
            "alt.xls",
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest".to_vec(),
        ),
        ("no header", "ohne.csv", b"1;2;3\n4;5;6\n".to_vec()),
        ("header only", "kopf.csv", b"Vorname;Nachname\r\n".to_vec()),
        (
            "unclosed quote",
            "quote.csv",
            b"Vorname;Nachname\n\"Anna;Schmidt\n".to_vec(),
        ),
    ]
}

#[test]
fn malformed_files_get_a_german_error_and_write_nothing() {
    let mut t = temp_store();
    existing_member(&mut t);
    let before = t.store.info().expect("info");
    for (what, name, bytes) in malformed_files() {
        let err = import::preview(&t.store, name, &bytes, None, today()).expect_err(what);
        match &err {
            Error::Invalid(errors) => {
                let (field, message) = (errors[0].field.as_str(), errors[0].message.as_str());
                assert_eq!(field, "file", "{what}");
                assert!(message.len() < 600, "{what}: the message stays readable");
                assert!(
                    message.contains("Datei")
                        || message.contains("Zeile")
                        || message.contains(name),
                    "{what}: {message}"
                );
            }
            other => panic!("{what}: expected a validation error, got {other:?}"),
        }
        import::commit(&mut t.store, &stamp(), name, &bytes, None, &[], None).expect_err(what);
    }
    assert_eq!(t.store.info().expect("info"), before, "nothing written");
    assert!(!t.path.parent().expect("dir").join("backups").exists());
}

#[test]
fn random_and_mutated_bytes_never_panic() {
    let t = temp_store();
    let csv = CP1252_FIXTURE.to_vec();
    let mut source = temp_store();
    ops::demo::load(&mut source.store, &stamp()).expect("demo");
    let xlsx = export::members(
        &source.store,
        ExportFormat::Xlsx,
        &ExportOptions::default(),
        today(),
    )
    .expect("xlsx");
    let mut seed: u64 = 42;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for round in 0..300 {
        let bytes: Vec<u8> = match round % 3 {
            0 => (0..(next() % 512)).map(|_| (next() % 256) as u8).collect(),
            1 => {
                let mut b = csv.clone();
                for _ in 0..(1 + next() % 8) {
                    let i = (next() as usize) % b.len();
                    b[i] = (next() % 256) as u8;
                }
                b
            }
            _ => {
                let mut b = xlsx.clone();
                for _ in 0..(1 + next() % 4) {
                    let i = (next() as usize) % b.len();
                    b[i] = (next() % 256) as u8;
                }
                b
            }
        };
        let name = if round % 3 == 2 { "x.xlsx" } else { "x.csv" };
        // Either a preview or a German error; never a panic.
        if let Err(err) = import::preview(&t.store, name, &bytes, None, today()) {
            assert!(!err.user_message().is_empty());
        }
    }
}

#[test]
fn a_name_in_decomposed_unicode_is_the_same_person_when_imported_twice() {
    let mut t = temp_store();
    // "Nguyễn Thị Lan" as macOS or a web form may deliver it: letters plus combining marks.
    let decomposed = "Nguye\u{302}\u{303}n";
    let csv = format!(
        "Vorname;Nachname;Organisation\nThi\u{323} Lan;{decomposed};Stadt Ha\u{308}melingen\n"
    );
    let first = import::commit(
        &mut t.store,
        &stamp(),
        "l.csv",
        csv.as_bytes(),
        None,
        &[],
        None,
    )
    .expect("first import");
    assert_eq!(first.created, 1);
    let stored = people_of(&t.store);
    assert_eq!(stored[0].last_name, "Nguyễn", "stored precomposed (NFC)");
    assert_eq!(stored[0].first_name, "Thị Lan");

    // The same file again, and once typed precomposed: the same person each time.
    for file in [
        csv.clone(),
        "Vorname;Nachname;Organisation\nThị Lan;Nguyễn;Stadt Hämelingen\n".to_owned(),
    ] {
        let preview =
            import::preview(&t.store, "l.csv", file.as_bytes(), None, today()).expect("preview");
        assert_eq!(
            preview.rows[0].existing_person_id,
            Some(stored[0].id),
            "recognised as the person already stored: {:?}",
            preview.rows[0]
        );
    }
    let found = ops::search::search(t.store.read(), decomposed, 5, today()).expect("search");
    assert_eq!(found.total, 1, "a decomposed query finds the person");
}

#[test]
fn text_typed_in_decomposed_unicode_is_stored_precomposed_wherever_it_enters() {
    let mut t = temp_store();
    ops::demo::load(&mut t.store, &stamp()).expect("demo");
    let decomposed = "Nguye\u{302}\u{303}n Thi\u{323} Lan berichtet u\u{308}ber Mu\u{308}nchen";
    let precomposed = "Nguyễn Thị Lan berichtet über München";
    let topic = t.store.read().content().topics().expect("topics")[0].id;
    let created = t
        .store
        .write(&stamp(), |w| {
            ops::recommendations::create(
                w,
                &zirkel::model::content::RecommendationInput {
                    title: "Begru\u{308}ßung".into(),
                    topic_ids: vec![topic],
                    practice_example_ids: Vec::new(),
                },
                &zirkel::model::content::RecommendationDraftInput {
                    body: decomposed.into(),
                    change_note: String::new(),
                },
            )
        })
        .expect("recommendation");
    assert_eq!(created.title, "Begrüßung", "the title in NFC");
    assert_eq!(
        created.versions[0].body, precomposed,
        "the draft's text in NFC"
    );
    let saved = t
        .store
        .write(&stamp(), |w| {
            ops::letters::save_template(
                w,
                &zirkel::model::letter::LetterTemplate {
                    subject: "Einladung nach Mu\u{308}nchen".into(),
                    body: format!("{{anrede}}\n\n{decomposed}"),
                },
            )
        })
        .expect("template");
    assert_eq!(saved.subject, "Einladung nach München");
    assert!(
        saved.body.ends_with(precomposed),
        "the letter template in NFC: {}",
        saved.body
    );
}
