//! Integration tests: the PDF handouts from the demo data. Golden files in
//! `tests/integration/fixtures/pdf/` hold each document's laid-out text and page count (the
//! document date scrubbed); set `ZIRKEL_UPDATE_GOLDEN=1` to rewrite them after a deliberate
//! change, and `ZIRKEL_PDF_OUT=/some/dir` to keep the PDFs for a visual check. Where poppler's
//! `pdftotext`, `pdffonts` and `qpdf` exist, the files are also checked with them. Every
//! document is validated as PDF/A-2b by the `page` validator (crate `page_validation`, offline).

use std::path::{Path, PathBuf};
use std::process::Command;

use zirkel::pdf::{self, AgendaOptions, Document, MemberListOptions, Rendered};
use zirkel::{ops, Error};

use crate::util::{stamp, temp_store, TempStore};

fn demo() -> TempStore {
    let mut t = temp_store();
    ops::demo::load(&mut t.store, &stamp()).expect("demo loads");
    t
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/integration/fixtures/pdf")
}

/// The text with the document date scrubbed.
fn scrub(text: &str) -> String {
    text.replace("25.11.2026", "TT.MM.JJJJ")
}

fn documents() -> Vec<(&'static str, Document)> {
    vec![
        ("members", Document::Members(MemberListOptions::default())),
        (
            "sign-in",
            Document::SignIn {
                session: 38,
                blank_rows: 8,
            },
        ),
        (
            "agenda",
            Document::Agenda {
                session: 38,
                options: AgendaOptions::default(),
            },
        ),
        (
            "badges",
            Document::Badges {
                session: 39,
                table_cards: true,
            },
        ),
        ("minutes-37", Document::Minutes { session: 37 }),
        ("minutes-38", Document::Minutes { session: 38 }),
        ("session-file", Document::SessionFile { session: 38 }),
        ("brochure", Document::Brochure),
        ("recommendations", Document::Recommendations),
    ]
}

fn tool(name: &str) -> bool {
    Command::new(name).arg("-v").output().is_ok()
}

fn check_golden(name: &str, rendered: &Rendered) {
    let actual = format!("pages: {}\n{}", rendered.pages, scrub(&rendered.text()));
    let path = fixtures().join(format!("{name}.txt"));
    if std::env::var_os("ZIRKEL_UPDATE_GOLDEN").is_some() || !path.exists() {
        std::fs::create_dir_all(fixtures()).expect("fixture dir");
        std::fs::write(&path, &actual).expect("write golden");
        return;
    }
    let expected = std::fs::read_to_string(&path).expect("golden");
    if expected != actual {
        let line = expected
            .lines()
            .zip(actual.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(0);
        panic!(
            "{name}: the laid-out text differs from {} from line {} on:\n  expected: {:?}\n  actual:   {:?}\n(ZIRKEL_UPDATE_GOLDEN=1 rewrites it after a deliberate change)",
            path.display(),
            line + 1,
            expected.lines().nth(line),
            actual.lines().nth(line)
        );
    }
}

#[test]
fn every_document_matches_its_golden_text_and_is_a_valid_pdf() {
    let t = demo();
    let out = std::env::var_os("ZIRKEL_PDF_OUT").map(PathBuf::from);
    let dir = tempfile::tempdir().expect("temp dir");
    let have_poppler = tool("pdftotext");
    let have_qpdf = Command::new("qpdf").arg("--version").output().is_ok();
    if !have_poppler || !have_qpdf {
        println!("note: pdftotext/qpdf not installed, only the layout text is checked");
    }
    for (name, document) in documents() {
        let folder = out.clone().unwrap_or_else(|| dir.path().to_path_buf());
        let path = folder.join(format!("{name}.pdf"));
        let rendered =
            pdf::render_to_file(&t.store, &document, stamp().at, &path).expect("renders");
        assert!(rendered.bytes.starts_with(b"%PDF-"), "{name} is a PDF");
        assert!(rendered.pages > 0);
        check_golden(name, &rendered);
        if have_qpdf {
            let check = Command::new("qpdf")
                .arg("--check")
                .arg(&path)
                .output()
                .expect("qpdf");
            assert!(
                check.status.success(),
                "{name}: qpdf --check fails: {}{}",
                String::from_utf8_lossy(&check.stdout),
                String::from_utf8_lossy(&check.stderr)
            );
        }
        if have_poppler {
            let fonts = Command::new("pdffonts")
                .arg(&path)
                .output()
                .expect("pdffonts");
            let fonts = String::from_utf8_lossy(&fonts.stdout);
            for line in fonts.lines().skip(2) {
                assert!(
                    line.contains("NotoSans")
                        && line.split_whitespace().filter(|w| *w == "yes").count() >= 3,
                    "{name}: every font is Noto Sans, embedded, subset and with ToUnicode: {line}"
                );
            }
            let info = Command::new("pdfinfo")
                .arg(&path)
                .output()
                .expect("pdfinfo");
            let info = String::from_utf8_lossy(&info.stdout);
            let pages = info
                .lines()
                .find_map(|l| l.strip_prefix("Pages:"))
                .map(str::trim);
            assert_eq!(
                pages,
                Some(rendered.pages.to_string().as_str()),
                "{name}: page count as laid out"
            );
            assert!(
                !info.contains("PDF/X"),
                "{name}: no PDF/X conformance is claimed: {info}"
            );
            assert!(
                info.contains("2026"),
                "{name}: the creation date is set: {info}"
            );
        }
    }
}

#[test]
fn names_are_extractable_as_written() {
    if !tool("pdftotext") {
        println!("note: pdftotext not installed, extraction not checked");
        return;
    }
    let t = demo();
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("members.pdf");
    let options = MemberListOptions {
        grouping: pdf::Grouping::Alphabetical,
        ..Default::default()
    };
    let rendered = pdf::render_to_file(&t.store, &Document::Members(options), stamp().at, &path)
        .expect("renders");
    let text = Command::new("pdftotext")
        .args(["-layout", "-enc", "UTF-8"])
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext");
    let text = String::from_utf8_lossy(&text.stdout);
    for name in [
        "Özdemir, Şükrü",
        "Yıldırım, İlkay",
        "Wiśniewski, Łukasz",
        "Nguyễn",
        "Παπαδόπουλος",
        "Иванова",
    ] {
        assert!(
            text.contains(name),
            "pdftotext must return „{name}“ as written:\n{text}"
        );
    }
    assert!(
        rendered.warnings.iter().any(|w| w.contains("ليلى")),
        "the Arabic name is reported with its entry: {:?}",
        rendered.warnings
    );
    assert!(
        !text.contains('ل'),
        "no unshaped Arabic is printed; a transliteration is"
    );
}

#[test]
fn the_agenda_extracts_german_text_as_written() {
    if !tool("pdftotext") {
        println!("note: pdftotext not installed, extraction not checked");
        return;
    }
    let t = demo();
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("agenda.pdf");
    let document = Document::Agenda {
        session: 38,
        options: AgendaOptions::default(),
    };
    pdf::render_to_file(&t.store, &document, stamp().at, &path).expect("renders");
    let text = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext");
    let text = String::from_utf8_lossy(&text.stdout);
    for phrase in [
        "Großer Sitzungssaal",
        "Begrüßung",
        "„Menschen mit Migrationsgeschichte“",
        "Seite 1 von",
    ] {
        assert!(
            text.contains(phrase),
            "„{phrase}“ must be extractable:\n{text}"
        );
    }
}

#[test]
fn consent_is_respected() {
    let t = demo();
    let with = pdf::members(&t.store, &MemberListOptions::default(), stamp().at).expect("pdf");
    let all = pdf::members(
        &t.store,
        &MemberListOptions {
            consent_only: false,
            ..Default::default()
        },
        stamp().at,
    )
    .expect("pdf");
    let count = |r: &Rendered| r.text().lines().filter(|l| l.contains('@')).count();
    assert!(
        count(&with) < count(&all),
        "people without consent must be left out of the shared list"
    );
}

#[test]
fn minutes_show_draft_watermark_until_approved() {
    let t = demo();
    let draft = pdf::minutes(&t.store, 38, stamp().at).expect("minutes 38");
    assert!(
        draft.text().contains("ENTWURF"),
        "draft minutes carry the watermark"
    );
    let approved = pdf::minutes(&t.store, 37, stamp().at).expect("minutes 37");
    assert!(!approved.text().contains("ENTWURF"));
    assert!(
        approved
            .text()
            .contains("Genehmigt in der 38. Sitzung am 21.09.2026"),
        "approved minutes name the approving session"
    );
}

#[test]
fn an_unknown_session_is_not_found_and_nothing_is_written() {
    let t = demo();
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("x.pdf");
    let err = pdf::render_to_file(
        &t.store,
        &Document::Minutes { session: 99 },
        stamp().at,
        &path,
    )
    .expect_err("no session 99");
    assert!(matches!(
        err,
        Error::NotFound {
            entity: "session",
            id: 99
        }
    ));
    assert!(!path.exists(), "nothing is written on error");
}

/// Every document Zirkel writes from the demo data, with its name: the handouts of
/// [`documents`], the person report, the letters of a mailing (one and all in one file).
fn every_document(t: &TempStore) -> Vec<(String, Vec<u8>)> {
    let mut all: Vec<(String, Vec<u8>)> = documents()
        .into_iter()
        .map(|(name, document)| {
            let rendered = pdf::render(&t.store, &document, stamp().at).expect("renders");
            (name.to_owned(), rendered.bytes)
        })
        .collect();
    let person = t
        .store
        .read()
        .people()
        .all()
        .expect("people")
        .into_iter()
        .find(|p| p.last_name == "Özdemir")
        .expect("Şükrü Özdemir is in the demo data")
        .id;
    let retention = zirkel::backup::retention(&t.store).expect("retention");
    let report =
        ops::privacy::report(t.store.read(), person, stamp().at, retention).expect("report");
    let rendered = pdf::person_report(&t.store, &report, stamp().at).expect("person report");
    all.push(("person-report".to_owned(), rendered.bytes));
    let letters = ops::letters::print(&t.store, 39, stamp().at).expect("letters");
    all.push(("letters".to_owned(), letters.bytes));
    let session = ops::sessions::show(t.store.read(), 39)
        .expect("session")
        .session;
    let printable = ops::letters::printable(t.store.read(), session.id).expect("printable");
    let one = pdf::letters(&t.store, 39, &printable[..1], stamp().at).expect("one letter");
    all.push((
        "letter".to_owned(),
        one.into_iter().next().expect("a letter").bytes,
    ));
    all
}

#[test]
fn every_document_is_pdf_a_2b_by_the_page_validator() {
    use page_validation::{validate_pdf_bytes, ValidationOptions, ValidationProfile};
    let t = demo();
    let options = ValidationOptions::default().profile(ValidationProfile::PdfA2b);
    let have_qpdf = Command::new("qpdf").arg("--version").output().is_ok();
    let dir = tempfile::tempdir().expect("temp dir");
    let mut failed = Vec::new();
    for (name, bytes) in every_document(&t) {
        if have_qpdf {
            let path = dir.path().join(format!("{name}.pdf"));
            std::fs::write(&path, &bytes).expect("write");
            let check = Command::new("qpdf")
                .arg("--check")
                .arg(&path)
                .output()
                .expect("qpdf");
            assert!(
                check.status.success(),
                "{name}: qpdf --check fails: {}",
                String::from_utf8_lossy(&check.stdout)
            );
        }
        let report = validate_pdf_bytes(&bytes, &options)
            .unwrap_or_else(|e| panic!("{name}: the validator cannot read the file: {e}"));
        println!(
            "{name}: PDF/A-2b, {} rules passed, {} failed",
            report.rules.passed, report.rules.failed
        );
        for failure in &report.failures {
            failed.push(format!("{name}: {failure}"));
        }
    }
    assert!(
        failed.is_empty(),
        "every document must pass every PDF/A-2b rule:\n{}",
        failed.join("\n")
    );
}

/// A person with a mandate in `organisation` since 2020.
fn member(t: &mut TempStore, organisation: i64, last_name: &str, function: &str) {
    use zirkel::model::{MandateInput, PersonInput, Role};
    let person = t
        .store
        .write(&stamp(), |w| {
            ops::people::create(
                w,
                &PersonInput {
                    first_name: "Kim".into(),
                    last_name: last_name.into(),
                    function: function.into(),
                    email: format!("{}@example.org", last_name.to_lowercase()),
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
                    organisation_id: Some(organisation),
                    role: Some(Role::Guest),
                    start_date: "01.01.2020".into(),
                    end_date: String::new(),
                    notes: String::new(),
                },
            )
        })
        .expect("mandate");
}

/// The lines of page `index` (from 0) of the laid-out text.
fn page_lines(text: &str, index: usize) -> Vec<&str> {
    text.split("\u{c}\n")
        .nth(index)
        .map(|page| page.lines().collect())
        .unwrap_or_default()
}

#[test]
fn a_group_heading_that_would_end_a_page_starts_the_next_one() {
    // Aachen's members fill page 1 one row at a time until Bochum's heading, with its first
    // member (whose function takes two lines), no longer fits below them. From then on the
    // heading alone would still fit on the last line (it is shorter than heading and row),
    // and must move to page 2 with its row instead of ending page 1.
    let mut t = temp_store();
    let city = |t: &mut TempStore, name: &str| {
        t.store
            .write(&stamp(), |w| {
                ops::organisations::create(w, &crate::organisations::city(name, "Hessen"))
            })
            .expect("organisation")
            .id
    };
    let (aachen, bochum) = (city(&mut t, "Stadt Aachen"), city(&mut t, "Stadt Bochum"));
    let long_function = "Referentin für Integration, Teilhabe und interkulturelle \
                         Öffnung der Verwaltung im Amt für multikulturelle Angelegenheiten";
    member(&mut t, bochum, "Adler", long_function);
    member(&mut t, bochum, "Berger", "Leitung");
    let options = MemberListOptions {
        consent_only: false,
        ..Default::default()
    };
    let mut moved = None;
    for n in 0..80 {
        member(
            &mut t,
            aachen,
            &format!("Aachener{n:02}"),
            "Sachbearbeitung",
        );
        let rendered = pdf::members(&t.store, &options, stamp().at).expect("member list");
        let text = rendered.text();
        let first = page_lines(&text, 0);
        if first.contains(&"Kim Adler") || first.contains(&"Adler, Kim") {
            assert!(
                first.contains(&"Stadt Bochum"),
                "Bochum's first member is on page 1 only with the heading"
            );
            continue;
        }
        moved = Some((n, rendered));
        break;
    }
    let (n, rendered) = moved.expect("Aachen's members push Bochum to page 2");
    let text = rendered.text();
    let first = page_lines(&text, 0);
    let second = page_lines(&text, 1);
    assert!(
        !first.contains(&"Stadt Bochum"),
        "with {} Aachen members the heading would fit only alone: it must not end page 1:\n{first:#?}",
        n + 1
    );
    let heading = second
        .iter()
        .position(|l| *l == "Stadt Bochum")
        .expect("Bochum's heading is on page 2");
    let adler = second
        .iter()
        .position(|l| l.contains("Adler"))
        .expect("Adler on page 2");
    assert!(heading < adler, "the heading comes before its first member");
    assert!(
        second[..heading]
            .iter()
            .all(|l| !l.starts_with("Aachener") && !l.contains("Aachener")),
        "nothing of the previous group comes between the top of page 2 and the heading:\n{second:#?}"
    );
    assert!(
        second[..heading].contains(&"Name"),
        "the table's header is repeated above the heading"
    );
    assert!(
        second[..heading].contains(&"Fortsetzung von Seite 1"),
        "page 2 says the table continues:\n{second:#?}"
    );
}
