//! Integration tests: exports of the members list, read back as a user's programs would.

use calamine::{Data, Reader, Xlsx};
use zirkel::export::{self, ExportColumn, ExportFormat, ExportOptions};
use zirkel::model::{MemberFilter, MemberStatus};
use zirkel::ops;

use crate::util::{stamp, temp_store, today, TempStore};

fn demo() -> TempStore {
    let mut t = temp_store();
    ops::demo::load(&mut t.store, &stamp()).expect("demo");
    t
}

fn all_columns() -> ExportOptions {
    ExportOptions {
        filter: MemberFilter {
            status: MemberStatus::All,
            ..Default::default()
        },
        columns: ExportColumn::ALL.to_vec(),
        consent_only: false,
    }
}

/// Reads a CSV as Excel would: UTF-8 after the BOM, the given separator, RFC 4180 quoting.
fn read_csv(bytes: &[u8], separator: u8) -> Vec<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(separator)
        .has_headers(false)
        .from_reader(bytes);
    reader
        .records()
        .map(|r| r.expect("valid csv").iter().map(str::to_owned).collect())
        .collect()
}

fn assert_crlf_only(text: &str) {
    let bare_lf = text
        .match_indices('\n')
        .filter(|(i, _)| *i == 0 || text.as_bytes().get(i - 1) != Some(&b'\r'))
        .count();
    assert_eq!(bare_lf, 0, "every line must end with CRLF");
}

#[test]
fn excel_csv_has_bom_semicolons_crlf_and_german_dates() {
    let t = demo();
    let bytes = export::members(
        &t.store,
        ExportFormat::Csv,
        &ExportOptions::default(),
        today(),
    )
    .expect("export");
    assert!(
        bytes.starts_with(b"\xef\xbb\xbf"),
        "German Excel needs the BOM to read UTF-8"
    );
    let text = std::str::from_utf8(&bytes).expect("utf-8");
    assert_crlf_only(text);
    let rows = read_csv(bytes.get(3..).expect("bom"), b';');
    let header = rows.first().expect("header");
    let expected: Vec<String> = ExportColumn::DEFAULT
        .iter()
        .map(|c| c.label().to_owned())
        .collect();
    assert_eq!(header, &expected);
    let col = |name: &str| header.iter().position(|h| h == name).expect(name);
    let oezdemir = rows
        .iter()
        .find(|r| r[col("Nachname")] == "Özdemir")
        .expect("Özdemir is a current member");
    assert_eq!(oezdemir[col("Vorname")], "Şükrü");
    assert_eq!(oezdemir[col("Organisation")], "Stadt Herten");
    assert_eq!(oezdemir[col("Rolle")], "Ständige Vertretung");
    assert_eq!(
        oezdemir[col("Mitglied seit")],
        "01.06.2009",
        "dates as TT.MM.JJJJ"
    );
    assert_eq!(oezdemir[col("Telefon")], "02366 303-417");
    let list = ops::members::list(t.store.read(), &MemberFilter::default(), today()).expect("list");
    assert_eq!(
        rows.len() - 1,
        list.rows.len(),
        "one line per row of the list"
    );
    let names: Vec<&str> = rows
        .iter()
        .skip(1)
        .map(|r| r[col("Nachname")].as_str())
        .collect();
    let listed: Vec<&str> = list.rows.iter().map(|r| r.last_name.as_str()).collect();
    assert_eq!(names, listed, "the export keeps the list's sort");
}

#[test]
fn plain_csv_has_commas_and_no_bom() {
    let t = demo();
    let bytes =
        export::members(&t.store, ExportFormat::CsvUtf8, &all_columns(), today()).expect("export");
    assert!(!bytes.starts_with(b"\xef\xbb\xbf"));
    let rows = read_csv(&bytes, b',');
    let header = rows.first().expect("header");
    let org = header
        .iter()
        .position(|h| h == "Organisation")
        .expect("org");
    assert!(
        rows.iter().any(|r| r[org]
            == "Bundeskanzleramt – Die Beauftragte der Bundesregierung für Migration, Flüchtlinge und Integration"),
        "a name with commas survives quoting"
    );
}

#[test]
fn export_follows_filter_and_consent() {
    let t = demo();
    let options = ExportOptions {
        filter: MemberFilter {
            state: Some("Bayern".into()),
            ..Default::default()
        },
        columns: vec![ExportColumn::LastName, ExportColumn::State],
        consent_only: false,
    };
    let bytes =
        export::members(&t.store, ExportFormat::CsvUtf8, &options, today()).expect("export");
    let rows = read_csv(&bytes, b',');
    assert_eq!(
        rows[0],
        ["Nachname", "Bundesland"],
        "only the chosen columns"
    );
    assert!(rows.len() > 2);
    assert!(
        rows.iter().skip(1).all(|r| r[1] == "Bayern"),
        "the filter applies"
    );

    let everyone = export::email_list(&t.store, &ExportOptions::default(), today()).expect("list");
    let consenting = export::email_list(
        &t.store,
        &ExportOptions {
            consent_only: true,
            ..Default::default()
        },
        today(),
    )
    .expect("list");
    assert!(everyone.contains("shirin.karimi@bielefeld.de"));
    assert!(
        !consenting.contains("shirin.karimi@bielefeld.de"),
        "Dr. Karimi gave no consent to shared lists"
    );
}

#[test]
fn email_list_is_ready_for_a_bcc_field() {
    let mut t = demo();
    // A second person with the same address in other case must not appear twice.
    t.store
        .write(&stamp(), |w| {
            ops::people::create(
                w,
                &zirkel::model::PersonInput {
                    first_name: "Paul".into(),
                    last_name: "Vertretung".into(),
                    email: "Paul.Fischer@Jena.de".into(),
                    ..Default::default()
                },
            )
        })
        .expect("person");
    let list = export::email_list(&t.store, &ExportOptions::default(), today()).expect("list");
    let addresses: Vec<&str> = list.split("; ").collect();
    assert!(
        addresses.iter().all(|a| !a.is_empty() && a.contains('@')),
        "{list}"
    );
    let mut lower: Vec<String> = addresses.iter().map(|a| a.to_lowercase()).collect();
    let count = lower.len();
    lower.sort();
    lower.dedup();
    assert_eq!(lower.len(), count, "no address twice, case ignored");
    assert!(lower.contains(&"paul.fischer@jena.de".to_owned()));
    let bytes = export::members(
        &t.store,
        ExportFormat::Emails,
        &ExportOptions::default(),
        today(),
    )
    .expect("export");
    assert_eq!(bytes, list.as_bytes(), "the file holds the same list");
}

#[test]
fn xlsx_reads_back_with_real_dates_and_text_phones() {
    let t = demo();
    let bytes =
        export::members(&t.store, ExportFormat::Xlsx, &all_columns(), today()).expect("export");
    let mut workbook: Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).expect("valid xlsx");
    assert_eq!(workbook.sheet_names(), ["Mitglieder"]);
    let range = workbook.worksheet_range("Mitglieder").expect("sheet");
    let rows: Vec<&[Data]> = range.rows().collect();
    let header: Vec<String> = rows[0].iter().map(|c| c.to_string()).collect();
    let col = |name: &str| header.iter().position(|h| h == name).expect(name);
    let yildirim = rows
        .iter()
        .find(|r| r[col("Nachname")] == Data::String("Yıldırım".into()))
        .expect("Yıldırım");
    assert!(
        matches!(&yildirim[col("Mitglied seit")], Data::DateTime(d) if d.is_datetime()),
        "dates are real Excel dates, got {:?}",
        yildirim[col("Mitglied seit")]
    );
    assert_eq!(
        yildirim[col("Telefon")],
        Data::String("03641 49-2310".into()),
        "phone numbers stay text"
    );
    assert_eq!(
        yildirim[col("PLZ (Organisation)")],
        Data::String("07743".into()),
        "the leading zero of Jena's postcode survives"
    );
    let list = ops::members::list(t.store.read(), &all_columns().filter, today()).expect("list");
    assert_eq!(rows.len() - 1, list.rows.len());
}

/// Unfolds vCard lines (RFC 2425 §5.8.1) and checks the physical lines on the way.
fn unfold(text: &str) -> Vec<String> {
    assert_crlf_only(text);
    let mut lines: Vec<String> = Vec::new();
    for physical in text.split("\r\n").filter(|l| !l.is_empty()) {
        assert!(physical.len() <= 75, "folded at 75 octets: {physical}");
        match physical.strip_prefix(' ') {
            Some(rest) => lines.last_mut().expect("continuation").push_str(rest),
            None => lines.push(physical.to_owned()),
        }
    }
    lines
}

#[test]
fn vcard_unfolds_into_one_card_per_person() {
    let t = demo();
    let options = ExportOptions::default();
    let bytes = export::members(&t.store, ExportFormat::Vcf, &options, today()).expect("export");
    let text = String::from_utf8(bytes).expect("utf-8");
    let lines = unfold(&text);
    let list = ops::members::list(t.store.read(), &options.filter, today()).expect("list");
    let cards: Vec<&[String]> = lines
        .split(|l| l == "END:VCARD")
        .filter(|c| !c.is_empty())
        .collect();
    assert_eq!(cards.len(), list.rows.len(), "one card per row");
    let card = |needle: &str| -> Vec<String> {
        cards
            .iter()
            .find(|c| c.iter().any(|l| l.contains(needle)))
            .unwrap_or_else(|| panic!("card with {needle}"))
            .to_vec()
    };
    let richter = card("clara.vonrichter@stuttgart.de");
    assert_eq!(richter[0], "BEGIN:VCARD");
    assert_eq!(richter[1], "VERSION:3.0");
    assert!(
        richter.contains(&"N:Richter;Clara;von;Dr.;".to_owned()),
        "{richter:?}"
    );
    assert!(richter.contains(&"FN:Dr. Clara von Richter".to_owned()));
    assert!(richter.contains(&"ORG:Landeshauptstadt Stuttgart".to_owned()));
    assert!(richter.contains(&"TEL;TYPE=CELL,VOICE:0151 40321877".to_owned()));
    assert!(
        richter.contains(
            &"ADR;TYPE=WORK,POSTAL:;;Marktplatz 1;Stuttgart;Baden-Württemberg;70173;Deutschland"
                .replace("POSTAL:", "POSTAL;CHARSET=UTF-8:")
        ),
        "the organisation's address when the person has none: {richter:?}"
    );
    let oezdemir = card("sukru.oezdemir@herten.de");
    assert!(oezdemir.contains(&"N;CHARSET=UTF-8:Özdemir;Şükrü;;;".to_owned()));
    let wagner = card("sophie.wagner@bk.bund.de");
    assert!(
        wagner.iter().any(|l| l.ends_with(
            "Die Beauftragte der Bundesregierung für Migration\\, Flüchtlinge und Integration"
        )),
        "commas are escaped and the long line unfolds whole: {wagner:?}"
    );
}

#[test]
fn mail_merge_has_salutation_lines_and_postal_addresses() {
    let t = demo();
    let bytes = export::members(
        &t.store,
        ExportFormat::Merge,
        &ExportOptions::default(),
        today(),
    )
    .expect("export");
    let rows = read_csv(bytes.get(3..).expect("bom"), b';');
    assert_eq!(
        rows[0],
        [
            "Briefanrede",
            "Anrede",
            "Titel",
            "Vorname",
            "Nachname",
            "Organisation",
            "Straße",
            "PLZ",
            "Ort",
            "E-Mail"
        ]
    );
    let row = |last: &str| {
        rows.iter()
            .find(|r| r[4] == last)
            .unwrap_or_else(|| panic!("{last}"))
            .clone()
    };
    assert_eq!(row("von Richter")[0], "Sehr geehrte Frau Dr. von Richter,");
    assert_eq!(row("Özdemir")[0], "Sehr geehrter Herr Özdemir,");
    assert_eq!(row("Jansen")[0], "Guten Tag Alex Jansen,");
    assert_eq!(
        row("Özdemir")[6..9],
        ["Kurt-Schumacher-Straße 2", "45699", "Herten"],
        "the organisation's address when the person has none"
    );
}

#[test]
fn write_members_writes_whole_files_only() {
    let t = demo();
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("Mitgliederliste.xlsx");
    let summary = export::write_members(
        &t.store,
        ExportFormat::Xlsx,
        &ExportOptions::default(),
        today(),
        &path,
    )
    .expect("write");
    let list = ops::members::list(t.store.read(), &MemberFilter::default(), today()).expect("list");
    assert_eq!(summary.rows, list.rows.len());
    assert_eq!(summary.path, path.display().to_string());
    assert!(std::fs::read(&path).expect("file").starts_with(b"PK"));
    let missing = dir.path().join("gibt-es-nicht").join("liste.csv");
    let err = export::write_members(
        &t.store,
        ExportFormat::Csv,
        &ExportOptions::default(),
        today(),
        &missing,
    )
    .expect_err("folder missing");
    assert!(
        err.user_message().contains("liste.csv"),
        "{}",
        err.user_message()
    );
    assert_eq!(
        std::fs::read_dir(dir.path()).expect("dir").count(),
        1,
        "no temporary file is left behind"
    );
}

/// Writes every export of the demo data into `$ZIRKEL_EXPORT_SAMPLES` for a look with Excel,
/// LibreOffice or an address book: `ZIRKEL_EXPORT_SAMPLES=/tmp/x cargo test -- --ignored samples`.
#[test]
#[ignore = "writes sample files for manual inspection"]
fn write_samples_for_inspection() {
    let Some(dir) = std::env::var_os("ZIRKEL_EXPORT_SAMPLES") else {
        return;
    };
    let dir = std::path::PathBuf::from(dir);
    std::fs::create_dir_all(&dir).expect("dir");
    let t = demo();
    for format in ExportFormat::ALL {
        let options = if matches!(format, ExportFormat::Csv | ExportFormat::Xlsx) {
            all_columns()
        } else {
            ExportOptions::default()
        };
        let path = dir.join(
            format
                .default_file_name()
                .replace(".csv", &format!("-{format:?}.csv")),
        );
        export::write_members(&t.store, format, &options, today(), &path).expect("write");
    }
}
