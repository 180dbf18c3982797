//! Integration tests: the settings screen's letterhead section. Validation refuses and changes
//! nothing; the logo is stored inside the database (so it travels with backups) and a non-image
//! is refused naming the field; a PDF made after saving shows the new group name and embeds the
//! new logo; names in the closing line reach the letter as written.

use std::path::Path;
use std::process::Command;

use zirkel::model::session::SessionInput;
use zirkel::model::settings::{LetterheadInput, LogoFormat};
use zirkel::model::Field;
use zirkel::ops::settings;
use zirkel::pdf::{self, Document, MemberListOptions};
use zirkel::{backup, ops, Error};

use crate::util::{stamp, temp_store, TempStore};

fn demo() -> TempStore {
    let mut t = temp_store();
    ops::demo::load(&mut t.store, &stamp()).expect("demo loads");
    t
}

/// A `width` × `height` image in `format`, a red and blue pattern (so it is not the default).
fn image_file(dir: &Path, name: &str, width: u32, height: u32, format: LogoFormat) -> Vec<u8> {
    let pixels = image::RgbImage::from_fn(width, height, |x, y| {
        if (x / 8 + y / 8) % 2 == 0 {
            image::Rgb([200, 30, 30])
        } else {
            image::Rgb([30, 30, 200])
        }
    });
    let path = dir.join(name);
    let kind = match format {
        LogoFormat::Png => image::ImageFormat::Png,
        LogoFormat::Jpeg => image::ImageFormat::Jpeg,
    };
    pixels.save_with_format(&path, kind).expect("image saved");
    std::fs::read(&path).expect("image read")
}

/// The (width, height) of every image XObject in a PDF.
fn embedded_images(bytes: &[u8]) -> Vec<(i64, i64)> {
    let document = lopdf::Document::load_mem(bytes).expect("a readable PDF");
    document
        .objects
        .values()
        .filter_map(|object| {
            let stream = object.as_stream().ok()?;
            let dict = &stream.dict;
            let subtype = dict.get(b"Subtype").ok()?.as_name().ok()?;
            (subtype == b"Image").then(|| {
                (
                    dict.get(b"Width").and_then(|w| w.as_i64()).unwrap_or(0),
                    dict.get(b"Height").and_then(|h| h.as_i64()).unwrap_or(0),
                )
            })
        })
        .collect()
}

fn pdftotext(bytes: &[u8]) -> Option<String> {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("doc.pdf");
    std::fs::write(&path, bytes).expect("write");
    let output = Command::new("pdftotext")
        .args(["-layout", "-enc", "UTF-8"])
        .arg(&path)
        .arg("-")
        .output()
        .ok()?;
    Some(String::from_utf8_lossy(&output.stdout).into_owned())
}

fn valid_input() -> LetterheadInput {
    LetterheadInput {
        group_name: "Arbeitskreis Integration Ruhr".to_owned(),
        secretariat_name: "Geschäftsstelle im Rathaus Herten".to_owned(),
        secretariat_address: "Stadt Herten\nKurt-Schumacher-Straße 2\n45699 Herten".to_owned(),
        signature: "Şükrü Özdemir und Nguyễn Thị\nfür die Geschäftsstelle".to_owned(),
        contact: "Frau Nguyễn".to_owned(),
    }
}

#[test]
fn a_refused_save_names_every_field_and_changes_nothing() {
    let mut t = demo();
    let before = settings::letterhead(t.store.read()).expect("read");
    let audit_before = t.store.read().audit().all().expect("audit").len();
    let refused = t
        .store
        .write(&stamp(), |w| {
            settings::save_letterhead(
                w,
                &LetterheadInput {
                    group_name: String::new(),
                    secretariat_address: "1\n2\n3\n4\n5\n6\n7".to_owned(),
                    ..valid_input()
                },
            )
        })
        .expect_err("refused");
    let Error::Invalid(problems) = refused else {
        panic!("a validation error, not {refused:?}");
    };
    let fields: Vec<Field> = problems.iter().map(|p| p.field).collect();
    assert_eq!(fields, [Field::GroupName, Field::SecretariatAddress]);
    assert!(problems[0].message.starts_with("Name der Gruppe:"));
    assert_eq!(
        settings::letterhead(t.store.read()).expect("read"),
        before,
        "nothing was stored"
    );
    assert_eq!(
        t.store.read().audit().all().expect("audit").len(),
        audit_before,
        "and nothing was logged"
    );
}

#[test]
fn a_save_stores_every_field_once_with_one_audit_entry() {
    let mut t = demo();
    t.store
        .write(&stamp(), |w| settings::save_letterhead(w, &valid_input()))
        .expect("saved");
    let saved = settings::letterhead(t.store.read()).expect("read");
    assert_eq!(saved.input, valid_input());
    let log = t.store.read().audit().all().expect("audit");
    let entry = log.iter().max_by_key(|e| e.at.clone()).expect("an entry");
    let entry = log
        .iter()
        .rfind(|e| e.entity == "settings" && e.at == entry.at)
        .expect("a settings entry");
    assert_eq!(entry.entity, "settings");
    for key in ["group_name", "secretariat_address", "signature", "contact"] {
        assert!(entry.fields.contains(key), "{key} in {:?}", entry.fields);
    }
    let count = log.len();
    t.store
        .write(&stamp(), |w| settings::save_letterhead(w, &valid_input()))
        .expect("saved again");
    assert_eq!(
        t.store.read().audit().all().expect("audit").len(),
        count,
        "an unchanged save leaves no trace"
    );
}

#[test]
fn the_logo_is_stored_in_the_database_and_a_non_image_is_refused() {
    let mut t = temp_store();
    let dir = tempfile::tempdir().expect("dir");
    let png = image_file(dir.path(), "logo.png", 400, 100, LogoFormat::Png);
    let logo = settings::read_logo(&dir.path().join("logo.png")).expect("a usable PNG");
    assert_eq!((logo.width, logo.height), (400, 100));
    let preview = t
        .store
        .write(&stamp(), |w| settings::set_logo(w, &logo))
        .expect("stored");
    assert!(preview.custom);
    assert!(preview.data_url.starts_with("data:image/png;base64,iVBOR"));
    // The file may go: the store keeps the bytes.
    std::fs::remove_file(dir.path().join("logo.png")).expect("remove");
    let stored = t.store.read().logo().expect("read").expect("a logo");
    assert_eq!(stored.bytes, png, "the file's bytes, unchanged");
    let raw = rusqlite::Connection::open(&t.path).expect("raw");
    let size: i64 = raw
        .query_row("SELECT length(content) FROM logo", [], |r| r.get(0))
        .expect("a row in the logo table");
    assert_eq!(size as usize, png.len());

    let fake = dir.path().join("brief.png");
    std::fs::write(&fake, b"%PDF-1.7 not an image").expect("write");
    let refused = settings::read_logo(&fake).expect_err("refused");
    let problems = refused.field_errors();
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].field, Field::Logo);
    assert!(
        problems[0]
            .message
            .contains("Logo: Die Datei „brief.png“ ist kein PNG- oder JPEG-Bild"),
        "{}",
        problems[0].message
    );
    // A PNG signature with garbage behind it is no image either.
    let broken = dir.path().join("kaputt.png");
    std::fs::write(&broken, b"\x89PNG\r\n\x1a\n0000garbage").expect("write");
    let refused = settings::read_logo(&broken).expect_err("refused");
    assert!(refused.field_errors()[0]
        .message
        .contains("lässt sich nicht lesen"));
    // Too small to see, and too large a file.
    image_file(dir.path(), "punkt.png", 4, 4, LogoFormat::Png);
    let refused = settings::read_logo(&dir.path().join("punkt.png")).expect_err("tiny");
    assert!(refused.field_errors()[0].message.contains("4 × 4 Pixel"));
    let big = dir.path().join("gross.png");
    let mut bytes = png.clone();
    bytes.resize(3 * 1024 * 1024, 0);
    std::fs::write(&big, &bytes).expect("write");
    let refused = settings::read_logo(&big).expect_err("too big");
    assert!(refused.field_errors()[0].message.contains("höchstens 2 MB"));
    assert_eq!(
        t.store.read().logo().expect("read").expect("logo").bytes,
        png,
        "refused files change nothing"
    );

    let preview = t
        .store
        .write(&stamp(), settings::remove_logo)
        .expect("removed");
    assert!(!preview.custom, "back to the default logo");
    assert_eq!((preview.width, preview.height), (96, 96));
    assert!(t.store.read().logo().expect("read").is_none());
}

#[test]
fn a_pdf_made_after_saving_shows_the_new_letterhead_and_logo() {
    let mut t = demo();
    let options = Document::Members(MemberListOptions::default());
    let before = pdf::render(&t.store, &options, stamp().at).expect("pdf");
    assert_eq!(
        embedded_images(&before.bytes),
        [(96, 96)],
        "the default logo before"
    );

    let dir = tempfile::tempdir().expect("dir");
    image_file(dir.path(), "logo.jpg", 600, 150, LogoFormat::Jpeg);
    let logo = settings::read_logo(&dir.path().join("logo.jpg")).expect("a usable JPEG");
    assert_eq!(logo.format, LogoFormat::Jpeg);
    t.store
        .write(&stamp(), |w| {
            settings::save_letterhead(w, &valid_input())?;
            settings::set_logo(w, &logo)
        })
        .expect("saved");

    let after = pdf::render(&t.store, &options, stamp().at).expect("pdf");
    assert_eq!(
        embedded_images(&after.bytes),
        [(600, 150)],
        "the chosen logo replaces the default one"
    );
    assert!(
        !after.warnings.iter().any(|w| w.contains("Logo")),
        "no warning about the logo: {:?}",
        after.warnings
    );
    assert!(after.text().contains("Arbeitskreis Integration Ruhr"));
    assert!(after.text().contains("Kurt-Schumacher-Straße 2"));
    if let Some(text) = pdftotext(&after.bytes) {
        assert!(
            text.contains("Arbeitskreis Integration Ruhr"),
            "pdftotext shows the new group name:\n{text}"
        );
        assert!(!text.contains("Kommunaler Qualitätszirkel zur Integrationspolitik\n"));
    } else {
        assert!(
            std::env::var_os("CI").is_none(),
            "pdftotext (poppler-utils) is installed on CI"
        );
    }

    // A large photo is scaled down for print, not embedded at full size.
    image_file(dir.path(), "foto.png", 3000, 1500, LogoFormat::Png);
    let photo = settings::read_logo(&dir.path().join("foto.png")).expect("usable");
    t.store
        .write(&stamp(), |w| settings::set_logo(w, &photo))
        .expect("saved");
    let scaled = pdf::render(&t.store, &options, stamp().at).expect("pdf");
    let images = embedded_images(&scaled.bytes);
    assert_eq!(images.len(), 1);
    assert!(
        images[0].0 <= 960 && images[0].1 <= 240 && images[0].0 == 2 * images[0].1,
        "scaled keeping its shape: {images:?}"
    );
}

#[test]
fn names_in_the_closing_line_reach_the_letter_as_written() {
    let mut t = demo();
    // The letters need a registration deadline for session 39 (as in letters.rs).
    let session = ops::sessions::show(t.store.read(), 39)
        .expect("session")
        .session;
    let input = SessionInput {
        number: Some(session.number),
        title: session.title.clone(),
        first_day: session.first_day.to_string(),
        last_day: session.last_day.to_string(),
        venue: session.venue.clone().unwrap_or_default(),
        address: session.address.clone().unwrap_or_default(),
        host_organisation_id: session.host_organisation_id,
        description: session.description.clone().unwrap_or_default(),
        registration_deadline: "26.02.2027".into(),
    };
    t.store
        .write(&stamp(), |w| ops::sessions::update(w, session.id, &input))
        .expect("deadline");
    t.store
        .write(&stamp(), |w| settings::save_letterhead(w, &valid_input()))
        .expect("saved");
    let rendered = ops::letters::print(&t.store, 39, stamp().at).expect("letters");
    assert!(
        rendered.text().contains("Şükrü Özdemir und Nguyễn Thị"),
        "the closing line in the layout"
    );
    if let Some(text) = pdftotext(&rendered.bytes) {
        assert!(
            text.contains("Şükrü Özdemir und Nguyễn Thị"),
            "pdftotext returns the closing line as written"
        );
        assert!(
            text.contains("Frau Nguyễn"),
            "the contact in the reference line"
        );
    }
}

#[test]
fn the_logo_survives_a_backup_and_restore() {
    let mut t = demo();
    let dir = tempfile::tempdir().expect("dir");
    let png = image_file(dir.path(), "logo.png", 200, 50, LogoFormat::Png);
    let logo = settings::read_logo(&dir.path().join("logo.png")).expect("usable");
    t.store
        .write(&stamp(), |w| settings::set_logo(w, &logo))
        .expect("stored");
    let file = backup::create(
        &t.store,
        &stamp(),
        dir.path(),
        zirkel::model::backup::BackupReason::Manual,
    )
    .expect("backup");
    t.store
        .write(&stamp(), settings::remove_logo)
        .expect("removed");
    assert!(t.store.read().logo().expect("read").is_none());

    backup::restore(&mut t.store, &stamp(), &file, None).expect("restored");

    let restored = t
        .store
        .read()
        .logo()
        .expect("read")
        .expect("the logo is back");
    assert_eq!(restored.bytes, png);
    let rendered = pdf::render(
        &t.store,
        &Document::Members(MemberListOptions::default()),
        stamp().at,
    )
    .expect("pdf");
    assert_eq!(embedded_images(&rendered.bytes), [(200, 50)]);
}

#[test]
fn a_logo_path_of_an_older_zirkel_is_moved_into_the_database() {
    let dir = tempfile::tempdir().expect("dir");
    let png = image_file(dir.path(), "altes-logo.png", 120, 40, LogoFormat::Png);
    let path = dir.path().join("zirkel.sqlite3");
    {
        let mut conn = rusqlite::Connection::open(&path).expect("open");
        let old: Vec<rusqlite_migration::M<'_>> = (1..=4)
            .map(|v| rusqlite_migration::M::up(zirkel::store::schema::shipped(v)))
            .collect();
        rusqlite_migration::Migrations::new(old)
            .to_latest(&mut conn)
            .expect("a V4 store");
        conn.execute(
            "INSERT INTO settings (key, value) VALUES ('logo', ?1)",
            [dir.path().join("altes-logo.png").display().to_string()],
        )
        .expect("the old path setting");
    }
    let store = zirkel::Store::open(&path).expect("opens and migrates");
    let logo = store.read().logo().expect("read").expect("moved in");
    assert_eq!(logo.bytes, png);
    assert_eq!(
        store.read().setting("logo").expect("read"),
        None,
        "no path is read at print time any more"
    );
}

#[test]
fn the_demo_settings_pass_the_forms_checks() {
    let t = demo();
    let settings = settings::letterhead(t.store.read()).expect("read");
    assert_eq!(
        settings.input.group_name,
        "Kommunaler Qualitätszirkel zur Integrationspolitik"
    );
    settings
        .input
        .validate()
        .expect("the demo's letterhead can be saved unchanged from the form");
    assert!(!settings.logo.custom, "the demo uses the default logo");
}

#[test]
fn the_audit_log_screen_names_changed_settings_in_german() {
    let mut t = demo();
    t.store
        .write(&stamp(), |w| {
            settings::save_letterhead(w, &valid_input())?;
            let rules = backup::settings(w.read())?;
            backup::save_settings(w, &rules)?;
            ops::privacy::save_retention_years(w, "5").map(|_| ())
        })
        .expect("saved");
    let page = ops::privacy::audit_log(
        t.store.read(),
        &zirkel::model::privacy::AuditFilter {
            entity: Some("settings".into()),
            ..Default::default()
        },
    )
    .expect("audit");
    let labels: Vec<&str> = page
        .rows
        .iter()
        .flat_map(|row| row.field_labels.iter().map(String::as_str))
        .collect();
    for label in [
        "Name der Arbeitsgruppe",
        "Anschrift der Geschäftsstelle",
        "Grußzeile",
        "Sicherungen: letzte",
        "Aufbewahrungsfrist",
    ] {
        assert!(labels.contains(&label), "{label} in {labels:?}");
    }
    assert!(
        labels.iter().all(|label| !label.contains('_')),
        "no raw key on the screen: {labels:?}"
    );
}
