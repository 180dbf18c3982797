//! Minutes: written per agenda item, autosaved in bursts, approved as a record that never changes,
//! corrected by a new version, and action items followed up from one session to the next.

use std::process::Command;

use zirkel::model::session::SessionInput;
use zirkel::model::{ActionStatus, Field, MinutesStatus, Stamp};
use zirkel::ops::minutes::{self, ActionItemInput, ApprovalInput, DecisionInput, DiffKind};
use zirkel::ops::{self, sessions};
use zirkel::store::minutes::{ApprovalKind, TaskFilter};
use zirkel::Error;

use crate::util::{stamp, temp_store, today};

fn at(seconds: i64) -> Stamp {
    let mut s = stamp();
    s.at += chrono::Duration::seconds(seconds);
    s
}

fn pdftotext(bytes: &[u8]) -> Option<String> {
    if Command::new("pdftotext").arg("-v").output().is_err() {
        assert!(
            std::env::var_os("CI").is_none(),
            "pdftotext is installed on CI"
        );
        return None;
    }
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("p.pdf");
    std::fs::write(&path, bytes).expect("write");
    let out = Command::new("pdftotext")
        .arg("-layout")
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext");
    assert!(out.status.success());
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn minutes_are_written_approved_as_a_record_and_corrected_by_a_new_version() {
    let mut t = temp_store();
    ops::demo::load(&mut t.store, &stamp()).expect("demo");
    // The 39th session (March 2027) gets its minutes; the 40th approves them.
    let s39 = sessions::show(t.store.read(), 39).expect("39").session;
    t.store
        .write(&stamp(), |w| {
            sessions::create(
                w,
                &SessionInput {
                    number: Some(40),
                    title: "40. Sitzung".into(),
                    first_day: "16.09.2027".into(),
                    ..Default::default()
                },
            )
        })
        .expect("40");
    let detail = minutes::detail(t.store.read(), s39.id, today()).expect("detail");
    assert!(detail.minutes.is_none(), "not begun yet");
    let first_item = detail.sections[0].agenda_item_id;
    assert!(first_item.is_some(), "sections come from the agenda");
    assert_eq!(
        detail.sections.last().map(|s| s.title.as_str()),
        Some("Allgemeines")
    );

    let meta = t
        .store
        .write(&stamp(), |w| minutes::start(w, s39.id))
        .expect("start");
    // Autosave: a burst of saves within a minute is one audit entry.
    for (i, text) in ["Şükrü", "Şükrü Özdemir", "Şükrü Özdemir begrüßt die Runde."]
        .iter()
        .enumerate()
    {
        t.store
            .write(&at(i64::try_from(i).expect("i") * 2), |w| {
                minutes::save_notes(w, meta.id, first_item, text)
            })
            .expect("autosave");
    }
    let entries = t
        .store
        .read()
        .audit()
        .all()
        .expect("audit")
        .into_iter()
        .filter(|e| e.entity == "minutes_text" && e.action == "update")
        .count();
    assert_eq!(entries, 1, "one entry for the burst");
    t.store
        .write(&stamp(), |w| {
            minutes::add_decision(
                w,
                meta.id,
                first_item,
                &DecisionInput {
                    text: "Die Tagesordnung wird angenommen.".into(),
                    votes_yes: Some(18),
                    votes_no: Some(0),
                    votes_abstain: Some(1),
                },
            )?;
            minutes::add_action(
                w,
                meta.id,
                first_item,
                &ActionItemInput {
                    text: "Leitfaden Einbürgerungsfeiern verschicken".into(),
                    assignee_text: "Geschäftsstelle".into(),
                    due_date: "30.06.2027".into(),
                    ..Default::default()
                },
                today(),
            )
        })
        .expect("decision and action item");

    // An agenda item of another session is refused (a stale screen).
    let other_item = sessions::show(t.store.read(), 38).expect("38").agenda[0].id;
    let stale = t.store.write(&stamp(), |w| {
        minutes::add_decision(
            w,
            meta.id,
            Some(other_item),
            &DecisionInput {
                text: "falsch zugeordnet".into(),
                ..Default::default()
            },
        )
    });
    assert!(matches!(stale, Err(Error::NotFound { .. })), "{stale:?}");
    // An agenda item with notes is not removed behind the minutes' back.
    let first = first_item.expect("item");
    let kept = t
        .store
        .write(&stamp(), |w| sessions::remove_item(w, s39.id, first));
    match kept {
        Err(Error::Conflict { message }) => assert!(message.contains("Notizen"), "{message}"),
        other => panic!("refused with a German message: {other:?}"),
    }

    // Bad input: every problem at once, nothing saved.
    let err = t
        .store
        .write(&stamp(), |w| {
            minutes::add_action(
                w,
                meta.id,
                None,
                &ActionItemInput {
                    text: " ".into(),
                    due_date: "31.02.2027".into(),
                    ..Default::default()
                },
                today(),
            )
        })
        .expect_err("refused");
    let fields: Vec<Field> = err.field_errors().iter().map(|e| e.field).collect();
    assert_eq!(fields, [Field::Text, Field::DueDate], "{err:?}");

    // Approval at the 40th session stores the record.
    let refused = t.store.write(&stamp(), |w| {
        minutes::approve(
            w,
            meta.id,
            &ApprovalInput {
                kind: ApprovalKind::Session,
                at_session: Some(38),
                ..Default::default()
            },
            stamp().at,
        )
    });
    assert!(
        refused.is_err_and(|e| e.field_errors()[0].field == Field::AtSession),
        "an earlier session cannot approve"
    );
    t.store
        .write(&stamp(), |w| {
            minutes::approve(
                w,
                meta.id,
                &ApprovalInput {
                    kind: ApprovalKind::Session,
                    at_session: Some(40),
                    changes: "TOP 1 ergänzt".into(),
                    ..Default::default()
                },
                stamp().at,
            )
        })
        .expect("approve");
    // The approving session records the approval in its own minutes.
    let s40 = sessions::show(t.store.read(), 40).expect("40").session;
    let approving = minutes::detail(t.store.read(), s40.id, today()).expect("40's minutes");
    let general = approving.sections.last().expect("general part");
    assert_eq!(
        general.decisions[0].text,
        "Das Protokoll der 39. Sitzung wird genehmigt mit Änderungen: TOP 1 ergänzt"
    );
    let v1_pdf = minutes::stored_pdf(t.store.read(), s39.id, 1)
        .expect("read")
        .expect("the record's PDF");
    let v1_text = pdftotext(&v1_pdf);
    if let Some(text) = &v1_text {
        assert!(
            text.contains("Genehmigt in der 40. Sitzung am 16.09.2027"),
            "{text}"
        );
        assert!(text.contains("Şükrü Özdemir begrüßt die Runde."));
        assert!(
            text.contains("Die Tagesordnung wird angenommen. (Ja: 18, Nein: 0, Enthaltungen: 1)"),
            "{text}"
        );
        assert!(!text.contains("ENTWURF"));
    }

    // Approved minutes are refused by the core, with a German message.
    let locked = t.store.write(&stamp(), |w| {
        minutes::save_notes(w, meta.id, first_item, "still geändert")
    });
    match locked {
        Err(Error::Locked { message }) => assert!(message.contains("genehmigt"), "{message}"),
        other => panic!("approved minutes must be refused: {other:?}"),
    }
    let locked = t.store.write(&stamp(), |w| {
        minutes::add_decision(
            w,
            meta.id,
            None,
            &DecisionInput {
                text: "x".into(),
                ..Default::default()
            },
        )
    });
    assert!(matches!(locked, Err(Error::Locked { .. })));

    // The correction: version 2, with the reason; version 1 and its PDF stay.
    let v2 = t
        .store
        .write(&stamp(), |w| {
            minutes::correct(w, meta.id, "Tippfehler in TOP 1")
        })
        .expect("correct");
    assert_eq!((v2.version, v2.status), (2, MinutesStatus::Draft));
    t.store
        .write(&at(120), |w| {
            minutes::save_notes(
                w,
                v2.id,
                first_item,
                "Şükrü Özdemir begrüßt die ganze Runde.",
            )
        })
        .expect("edit v2");
    let again = minutes::stored_pdf(t.store.read(), s39.id, 1)
        .expect("read")
        .expect("v1 still stored");
    assert_eq!(again, v1_pdf, "version 1's PDF is byte-identical");
    let fresh = zirkel::pdf::render(
        &t.store,
        &zirkel::pdf::Document::MinutesVersion {
            session: 39,
            version: 1,
        },
        stamp().at,
    )
    .expect("fresh v1");
    if let (Some(stored), Some(fresh)) = (v1_text, pdftotext(&fresh.bytes)) {
        let notes = |t: &str| -> Vec<String> { t.lines().map(str::to_owned).collect() };
        assert_eq!(
            notes(&stored),
            notes(&fresh),
            "a fresh rendering of version 1 reads the same"
        );
    }
    // What an approved action item says cannot change, only its status.
    let action_now = minutes::detail(t.store.read(), s39.id, today())
        .expect("detail")
        .sections[0]
        .action_items[0]
        .clone();
    let reworded = t.store.write(&stamp(), |w| {
        minutes::update_action(
            w,
            action_now.id,
            &ActionItemInput {
                text: "etwas anderes".into(),
                ..Default::default()
            },
            today(),
        )
    });
    assert!(
        matches!(reworded, Err(Error::Locked { .. })),
        "{reworded:?}"
    );
    // An action item marked done later (allowed: it lives on its own) leaves the record alone.
    let action = minutes::detail(t.store.read(), s39.id, today())
        .expect("detail")
        .sections[0]
        .action_items[0]
        .id;
    t.store
        .write(&stamp(), |w| {
            minutes::set_action_status(w, action, ActionStatus::Done, "", today())
        })
        .expect("done after approval: action items live on their own");

    let after = minutes::stored_pdf(t.store.read(), s39.id, 1)
        .expect("read")
        .expect("v1 still stored");
    assert_eq!(
        after, v1_pdf,
        "the record does not follow the action item's status"
    );
    let detail = minutes::detail(t.store.read(), s39.id, today()).expect("detail");
    assert_eq!(detail.versions.len(), 2);
    assert!(!detail.locked, "the correction is a draft");
    let diff = minutes::diff(t.store.read(), s39.id, 1, 2).expect("diff");
    let changed: Vec<_> = diff.iter().filter(|d| d.changed).collect();
    assert_eq!(changed.len(), 1, "only TOP 1 changed");
    assert!(changed[0]
        .lines
        .iter()
        .any(|l| l.kind == DiffKind::Added && l.text.contains("ganze Runde")));
    assert!(changed[0]
        .lines
        .iter()
        .any(|l| l.kind == DiffKind::Removed && l.text.contains("die Runde.")));
}

#[test]
fn an_open_action_item_follows_to_the_next_session_and_its_agenda() {
    let mut t = temp_store();
    let (first, second) = t
        .store
        .write(&stamp(), |w| {
            let first = sessions::create(
                w,
                &SessionInput {
                    number: Some(1),
                    title: "1. Sitzung".into(),
                    first_day: "10.03.2027".into(),
                    ..Default::default()
                },
            )?;
            let second = sessions::create(
                w,
                &SessionInput {
                    number: Some(2),
                    title: "2. Sitzung".into(),
                    first_day: "15.09.2027".into(),
                    ..Default::default()
                },
            )?;
            let m = minutes::start(w, first.id)?;
            for text in [
                "Umfrage zu Einbürgerungsfeiern auswerten",
                "Saal reservieren",
            ] {
                minutes::add_action(
                    w,
                    m.id,
                    None,
                    &ActionItemInput {
                        text: text.into(),
                        assignee_text: "Geschäftsstelle".into(),
                        due_date: "01.05.2027".into(),
                        ..Default::default()
                    },
                    today(),
                )?;
            }
            Ok((first, second))
        })
        .expect("two sessions");
    let done = minutes::detail(t.store.read(), first.id, today())
        .expect("d")
        .sections[0]
        .action_items[1]
        .id;
    t.store
        .write(&stamp(), |w| {
            minutes::set_action_status(w, done, ActionStatus::Done, "20.04.2027", today())
        })
        .expect("done");
    let next = minutes::detail(t.store.read(), second.id, today()).expect("next");
    let open: Vec<&str> = next.open_items.iter().map(|a| a.text.as_str()).collect();
    assert_eq!(open, ["Umfrage zu Einbürgerungsfeiern auswerten"]);
    let agenda = zirkel::pdf::agenda(&t.store, 2, Default::default(), stamp().at).expect("agenda");
    assert!(
        agenda.text().contains("Bericht: offene Aufgaben"),
        "{}",
        agenda.text()
    );
    assert!(agenda
        .text()
        .contains("Umfrage zu Einbürgerungsfeiern auswerten"));
    assert!(
        !agenda.text().contains("Saal reservieren"),
        "done items are not reported"
    );
    let first_agenda = zirkel::pdf::agenda(&t.store, 1, Default::default(), stamp().at).expect("a");
    assert!(!first_agenda.text().contains("Bericht: offene Aufgaben"));

    // The "Offene Aufgaben" view and its workbook.
    let late = chrono::NaiveDate::from_ymd_opt(2027, 6, 1).expect("day");
    let overdue = minutes::tasks(
        t.store.read(),
        &TaskFilter {
            overdue_only: true,
            ..Default::default()
        },
        late,
    )
    .expect("tasks");
    assert_eq!(overdue.len(), 1);
    assert!(overdue[0].overdue);
    let all = minutes::tasks(t.store.read(), &TaskFilter::default(), late).expect("all");
    assert_eq!(all.len(), 2);
    let (xlsx, rows) =
        minutes::tasks_workbook(t.store.read(), &TaskFilter::default(), late).expect("xlsx");
    assert_eq!(rows, 2);
    assert!(xlsx.starts_with(b"PK"));
}

#[test]
fn minutes_approved_by_written_procedure_name_the_deadline_and_the_replies() {
    let mut t = temp_store();
    let session = t
        .store
        .write(&stamp(), |w| {
            sessions::create(
                w,
                &SessionInput {
                    number: Some(5),
                    title: "5. Sitzung".into(),
                    first_day: "10.03.2027".into(),
                    ..Default::default()
                },
            )
        })
        .expect("session");
    let meta = t
        .store
        .write(&stamp(), |w| minutes::start(w, session.id))
        .expect("start");
    let missing = t.store.write(&stamp(), |w| {
        minutes::approve(
            w,
            meta.id,
            &ApprovalInput {
                kind: ApprovalKind::Written,
                date: "20.04.2027".into(),
                ..Default::default()
            },
            stamp().at,
        )
    });
    let fields: Vec<Field> = missing
        .expect_err("a written procedure needs its deadline")
        .field_errors()
        .iter()
        .map(|e| e.field)
        .collect();
    assert_eq!(fields, [Field::WrittenDeadline]);
    t.store
        .write(&stamp(), |w| {
            minutes::approve(
                w,
                meta.id,
                &ApprovalInput {
                    kind: ApprovalKind::Written,
                    date: "20.04.2027".into(),
                    written_deadline: "15.04.2027".into(),
                    written_replies: "17 Zustimmungen, keine Einwände".into(),
                    ..Default::default()
                },
                stamp().at,
            )
        })
        .expect("approved in writing");
    let stored = t.store.read().minutes().get(meta.id).expect("meta");
    assert_eq!(
        stored.written_replies.as_deref(),
        Some("17 Zustimmungen, keine Einwände")
    );
    let pdf = zirkel::pdf::minutes(&t.store, 5, stamp().at).expect("pdf");
    // The status line wraps: compare the words.
    let words = pdf.text().split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        words.contains("Genehmigt im Umlaufverfahren am 20.04.2027"),
        "{words}"
    );
    assert!(
        words.contains("(Rückmeldungen: 17 Zustimmungen, keine Einwände)"),
        "{words}"
    );
}
