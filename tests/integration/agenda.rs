//! The agenda editor's core: day starts, speakers from the register or free text, topics, the
//! live preview while typing, and copying a session as the template of the next one.

use zirkel::model::session::{AgendaItemInput, SessionInput, SpeakerInput};
use zirkel::model::{AgendaKind, Field};
use zirkel::ops::sessions::{self, SessionCopyInput};
use zirkel::{ops, Error};

use crate::util::{stamp, temp_store};

fn hhmm(t: chrono::NaiveTime) -> String {
    t.format("%H:%M").to_string()
}

fn session_input() -> SessionInput {
    SessionInput {
        number: Some(40),
        title: "40. Sitzung des Qualitätszirkels".into(),
        first_day: "17.09.2027".into(),
        last_day: "18.09.2027".into(),
        venue: "Rathaus Herten".into(),
        registration_deadline: "27.08.2027".into(),
        ..Default::default()
    }
}

fn item(day: &str, minutes: i64, title: &str) -> AgendaItemInput {
    AgendaItemInput {
        day: day.into(),
        duration_minutes: Some(minutes),
        kind: AgendaKind::Talk,
        title: title.into(),
        ..Default::default()
    }
}

#[test]
fn day_starts_speakers_topics_and_the_live_preview() {
    let mut t = temp_store();
    ops::demo::load(&mut t.store, &stamp()).expect("demo");
    let person = t
        .store
        .read()
        .people()
        .all()
        .expect("people")
        .into_iter()
        .find(|p| p.last_name == "Özdemir")
        .expect("Şükrü Özdemir in the demo");
    let topic = t.store.read().sessions().all_topics().expect("topics")[0].clone();
    let session = t
        .store
        .write(&stamp(), |w| sessions::create(w, &session_input()))
        .expect("create");
    let detail = t
        .store
        .write(&stamp(), |w| {
            sessions::set_day_start(w, session.id, "18.09.2027", "08:30")?;
            let mut talk = item("17.09.2027", 45, "Kommunale Integrationsstrategien");
            talk.speakers = vec![
                SpeakerInput {
                    person_id: Some(person.id),
                    name: String::new(),
                },
                SpeakerInput {
                    person_id: None,
                    name: "Prof. Dr. Nguyễn Thị Lan, Universität Hildesheim".into(),
                },
            ];
            talk.topic_ids = vec![topic.id, topic.id];
            sessions::add_item(w, session.id, &talk)?;
            sessions::add_item(w, session.id, &item("17.09.2027", 30, "Diskussion"))?;
            sessions::add_item(w, session.id, &item("18.09.2027", 60, "Exkursion"))?;
            sessions::detail(w.read(), session.id)
        })
        .expect("agenda");
    assert_eq!(detail.days[0].start, "09:00", "the default start");
    assert_eq!(detail.days[1].start, "08:30");
    let times: Vec<String> = detail.agenda.iter().map(|i| hhmm(i.slot.start)).collect();
    assert_eq!(
        times,
        ["09:00", "09:45", "08:30"],
        "the second day at its own start"
    );
    let talk = &detail.agenda[0];
    let names: Vec<&str> = talk.speakers.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(
        names,
        [
            person.full_name().as_str(),
            "Prof. Dr. Nguyễn Thị Lan, Universität Hildesheim"
        ]
    );
    assert_eq!(talk.topics.len(), 1, "a topic chosen twice is kept once");
    assert_eq!(
        detail.session.registration_deadline,
        chrono::NaiveDate::from_ymd_opt(2027, 8, 27)
    );

    // While typing a longer duration, the later items move, and nothing is saved.
    let mut draft = item("17.09.2027", 90, "Kommunale Integrationsstrategien");
    let preview =
        sessions::preview_item(t.store.read(), session.id, Some(talk.id), &draft).expect("preview");
    assert_eq!(hhmm(preview[1].slot.start), "10:30");
    // A half-typed draft (no duration yet) is shown, not refused.
    draft.duration_minutes = None;
    let preview = sessions::preview_item(t.store.read(), session.id, None, &draft)
        .expect("a new item's preview");
    assert_eq!(preview.len(), 4);
    assert_eq!(preview[2].id, 0, "the new item at the end of its day");
    let stored = sessions::detail(t.store.read(), session.id).expect("detail");
    assert_eq!(
        hhmm(stored.agenda[1].slot.start),
        "09:45",
        "the preview saved nothing"
    );

    // A speaker who was deleted meanwhile is refused at the field, with the other problems.
    let gone = 999_999;
    let mut bad = item("19.09.2027", 0, "Podium");
    bad.speakers = vec![SpeakerInput {
        person_id: Some(gone),
        name: String::new(),
    }];
    let err = t
        .store
        .write(&stamp(), |w| sessions::add_item(w, session.id, &bad))
        .expect_err("refused");
    let fields: Vec<Field> = err.field_errors().iter().map(|e| e.field).collect();
    assert_eq!(
        fields,
        [Field::Day, Field::DurationMinutes, Field::Speakers],
        "{err:?}"
    );
    assert!(err.field_errors()[2].message.contains("gelöscht"));
    let after = sessions::detail(t.store.read(), session.id).expect("detail");
    assert_eq!(after.agenda.len(), 3, "nothing half-saved");

    // A bad day start names both fields.
    let err = t
        .store
        .write(&stamp(), |w| {
            sessions::set_day_start(w, session.id, "20.09.2027", "8 Uhr")
        })
        .expect_err("refused");
    let fields: Vec<Field> = err.field_errors().iter().map(|e| e.field).collect();
    assert_eq!(fields, [Field::Day, Field::StartTime]);
}

#[test]
fn a_copy_shifts_the_days_keeps_the_agenda_and_leaves_attendance_behind() {
    let mut t = temp_store();
    ops::demo::load(&mut t.store, &stamp()).expect("demo");
    let source = sessions::show(t.store.read(), 38).expect("the 38th session");
    assert!(source.attendance > 0, "the demo meeting has attendance");
    let copy = t
        .store
        .write(&stamp(), |w| {
            sessions::copy(
                w,
                source.session.id,
                &SessionCopyInput {
                    number: Some(40),
                    first_day: "20.09.2027".into(),
                    title: String::new(),
                },
            )
        })
        .expect("copy");
    let detail = sessions::detail(t.store.read(), copy.id).expect("detail");
    let shift = copy.first_day - source.session.first_day;
    assert_eq!(copy.last_day, source.session.last_day + shift);
    assert!(
        detail.session.title.starts_with("40."),
        "{}",
        detail.session.title
    );
    assert_eq!(detail.attendance, 0, "no attendance");
    assert_eq!(detail.minutes, 0, "no minutes");
    assert_eq!(copy.status, zirkel::model::SessionStatus::Planned);
    let shape = |d: &sessions::SessionDetail| -> Vec<(i64, String, String, Option<usize>)> {
        d.agenda
            .iter()
            .map(|i| {
                (
                    (i.day - d.session.first_day).num_days(),
                    i.title.clone(),
                    hhmm(i.slot.start),
                    i.number,
                )
            })
            .collect()
    };
    assert_eq!(
        shape(&detail),
        shape(&source),
        "the same agenda, days shifted"
    );
    assert!(
        detail.agenda.iter().any(|i| i.standing),
        "standing items kept"
    );

    // A copy needs a new number and a first day.
    let err = t
        .store
        .write(&stamp(), |w| {
            sessions::copy(w, source.session.id, &SessionCopyInput::default())
        })
        .expect_err("refused");
    let fields: Vec<Field> = err.field_errors().iter().map(|e| e.field).collect();
    assert_eq!(fields, [Field::FirstDay, Field::Number]);
    let taken = t.store.write(&stamp(), |w| {
        sessions::copy(
            w,
            source.session.id,
            &SessionCopyInput {
                number: Some(40),
                first_day: "01.03.2028".into(),
                title: String::new(),
            },
        )
    });
    assert!(
        matches!(taken, Err(Error::Invalid(_))),
        "number 40 is taken"
    );
}

#[test]
fn attachments_live_in_the_store_and_pdfs_join_the_session_file_with_a_bookmark() {
    let mut t = temp_store();
    ops::demo::load(&mut t.store, &stamp()).expect("demo");
    let detail = sessions::show(t.store.read(), 38).expect("38");
    let item_id = detail.agenda[1].id;
    let before = zirkel::pdf::session_file(&t.store, 38, stamp().at).expect("session file");
    // A real PDF of a few pages as the slides, and a Word file.
    let slides = zirkel::pdf::agenda(&t.store, 37, Default::default(), stamp().at).expect("pdf");
    let dir = tempfile::tempdir().expect("dir");
    let slides_path = dir.path().join("Präsentation Welcome Center.pdf");
    std::fs::write(&slides_path, &slides.bytes).expect("write");
    let paper_path = dir.path().join("Papier.docx");
    std::fs::write(&paper_path, b"PK\x03\x04 a word file").expect("write");
    let fake_path = dir.path().join("kaputt.pdf");
    std::fs::write(&fake_path, b"kein PDF").expect("write");
    let add = |t: &mut crate::util::TempStore, path: &std::path::Path| {
        let (name, bytes) = ops::attachments::read_file(path)?;
        t.store.write(&stamp(), |w| {
            ops::attachments::add(w, item_id, &name, &bytes)
        })
    };
    let pdf = add(&mut t, &slides_path).expect("slides");
    assert_eq!(pdf.media_type, "application/pdf");
    add(&mut t, &paper_path).expect("paper");
    let err = add(&mut t, &fake_path).expect_err("not a PDF");
    assert_eq!(err.field_errors()[0].field, Field::File);
    let missing = ops::attachments::read_file(&dir.path().join("fehlt.pdf")).expect_err("missing");
    assert!(missing.to_string().contains("fehlt.pdf"), "{missing}");

    let shown = sessions::show(t.store.read(), 38).expect("38");
    let names: Vec<&str> = shown.agenda[1]
        .attachments
        .iter()
        .map(|a| a.file_name.as_str())
        .collect();
    assert_eq!(names, ["Präsentation Welcome Center.pdf", "Papier.docx"]);

    // Opening writes a copy with the same bytes.
    let copy = ops::attachments::export_copy(t.store.read(), pdf.id, dir.path()).expect("copy");
    assert_eq!(std::fs::read(&copy).expect("read"), slides.bytes);

    // The session file gets the PDF appended (not the Word file), with a bookmark.
    let file = zirkel::pdf::session_file(&t.store, 38, stamp().at).expect("session file");
    assert_eq!(file.pages, before.pages + slides.pages);
    let doc = lopdf::Document::load_mem(&file.bytes).expect("a readable PDF");
    assert_eq!(doc.get_pages().len(), file.pages);
    let toc = doc.get_toc().expect("outline");
    let titles: Vec<&str> = toc.toc.iter().map(|e| e.title.as_str()).collect();
    assert!(titles.contains(&"Deckblatt"), "{titles:?}");
    assert_eq!(
        toc.toc.last().map(|e| (e.title.as_str(), e.page)),
        Some(("Anlage: Präsentation Welcome Center.pdf", before.pages + 1)),
        "{titles:?}"
    );

    // Removing it takes it out of the store.
    t.store
        .write(&stamp(), |w| ops::attachments::remove(w, pdf.id))
        .expect("remove");
    let file = zirkel::pdf::session_file(&t.store, 38, stamp().at).expect("session file");
    assert_eq!(file.pages, before.pages);
}
