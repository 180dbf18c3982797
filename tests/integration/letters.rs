//! Invitation letters: placeholders checked by name and person before printing, one DIN 5008
//! letter per invited person with the address inside the window area, and one file per person.

use std::process::Command;

use zirkel::model::letter::LetterTemplate;
use zirkel::model::session::SessionInput;
use zirkel::ops::{self, letters, sessions};
use zirkel::pdf::letters::form_b;
use zirkel::Error;

use crate::util::{stamp, temp_store};

fn set_deadline(t: &mut crate::util::TempStore, number: i64, deadline: &str) -> i64 {
    let session = sessions::show(t.store.read(), number)
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
        registration_deadline: deadline.into(),
    };
    t.store
        .write(&stamp(), |w| sessions::update(w, session.id, &input))
        .expect("deadline");
    session.id
}

#[test]
fn unknown_and_empty_placeholders_block_printing_by_name_and_person() {
    let mut t = temp_store();
    ops::demo::load(&mut t.store, &stamp()).expect("demo");
    // Without a registration deadline, {anmeldeschluss} is empty for everyone.
    let id = set_deadline(&mut t, 39, "");
    let template = LetterTemplate {
        subject: "Einladung zur {nummer}. Sitzung".into(),
        body: "{anrede}\n\nbis {anmeldeschluss} in {raum}.".into(),
    };
    let preview = letters::preview(t.store.read(), id, &template, None, crate::util::today())
        .expect("preview");
    let named: Vec<(&str, Option<&str>)> = preview
        .problems
        .iter()
        .map(|p| (p.placeholder.as_str(), p.person.as_deref()))
        .collect();
    assert!(named.contains(&("raum", None)), "{named:?}");
    assert!(
        named.contains(&("anmeldeschluss", None)),
        "the session has no deadline yet: {named:?}"
    );
    assert!(preview.subject.contains("39"));
    assert!(
        preview.paragraphs[1].contains("{raum}"),
        "an unknown placeholder stays visible in the preview, never a blank"
    );
    t.store
        .write(&stamp(), |w| letters::save_template(w, &template))
        .expect("saved");
    let refused = letters::print(&t.store, 39, stamp().at);
    let Err(Error::Invalid(problems)) = refused else {
        panic!("printing is refused while placeholders are unknown or empty");
    };
    assert!(problems.iter().any(|p| p.message.contains("{raum}")));
}

#[test]
fn one_letter_per_invited_person_with_the_address_in_the_window() {
    let mut t = temp_store();
    ops::demo::load(&mut t.store, &stamp()).expect("demo");
    let id = set_deadline(&mut t, 39, "26.02.2027");
    let (letters, problems) =
        letters::compose(t.store.read(), id, &LetterTemplate::default()).expect("compose");
    assert!(problems.is_empty(), "{problems:?}");
    let invited = zirkel::ops::attendance::list(t.store.read(), id)
        .expect("attendance")
        .rows
        .into_iter()
        .filter(|r| r.status != zirkel::model::AttendanceStatus::Declined)
        .count();
    assert_eq!(letters.len(), invited);
    let sukru = letters
        .iter()
        .find(|l| l.recipient.contains("Şükrü"))
        .expect("a letter to Şükrü Özdemir");
    assert!(
        sukru.filled.paragraphs[0].starts_with("Sehr geehrte"),
        "{:?}",
        sukru.filled
    );

    let rendered = letters::print(&t.store, 39, stamp().at).expect("letters");
    assert_eq!(
        rendered.bookmarks.len(),
        letters.len(),
        "one bookmark per letter"
    );
    assert!(
        rendered.pages >= 2 * letters.len(),
        "each letter with the agenda"
    );
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("briefe.pdf");
    std::fs::write(&path, &rendered.bytes).expect("write");

    // One file per person for e-mail, named by person.
    let out = dir.path().join("einzeln");
    std::fs::create_dir(&out).expect("dir");
    let files = letters::print_each(&t.store, 39, &out, stamp().at).expect("files");
    assert_eq!(files.len(), letters.len());
    assert!(files.iter().any(|f| f
        .display()
        .to_string()
        .ends_with("Einladung 39. Sitzung – Özdemir, Şükrü.pdf")));

    if Command::new("pdftotext").arg("-v").output().is_err() {
        assert!(
            std::env::var_os("CI").is_none(),
            "pdftotext (poppler-utils) is installed on CI"
        );
        println!("note: pdftotext not installed, the window position is not checked");
        return;
    }
    // Every first page of a letter has its recipient's name inside the window area (form B:
    // 20–105 mm from the left, 45–90 mm from the top) and nowhere else on the page's top.
    let bbox = dir.path().join("bbox.html");
    let status = Command::new("pdftotext")
        .args(["-bbox"])
        .arg(&path)
        .arg(&bbox)
        .status()
        .expect("pdftotext");
    assert!(status.success());
    let html = std::fs::read_to_string(&bbox).expect("bbox");
    let pt = |mm: f32| mm / 25.4 * 72.0;
    let mut windows = 0;
    for letter in &letters {
        let last = letter.recipient.split(' ').next_back().unwrap_or_default();
        let inside = html
            .lines()
            .filter(|l| l.contains(&format!(">{last}<")))
            .any(|l| {
                let attr = |name: &str| -> f32 {
                    l.split(&format!("{name}=\""))
                        .nth(1)
                        .and_then(|r| r.split('"').next())
                        .and_then(|v| v.parse().ok())
                        .unwrap_or(-1.0)
                };
                let (x, y, y2) = (attr("xMin"), attr("yMin"), attr("yMax"));
                x >= pt(form_b::FIELD_LEFT)
                    && x <= pt(form_b::FIELD_LEFT + form_b::FIELD_WIDTH)
                    && y >= pt(form_b::ADDRESS_TOP)
                    && y2 <= pt(form_b::FIELD_TOP + form_b::FIELD_HEIGHT)
            });
        if inside {
            windows += 1;
        }
    }
    assert_eq!(
        windows,
        letters.len(),
        "every recipient's name in the window area"
    );
}
