//! Sessions and their agenda: planning, validation with every problem at once, the list order,
//! agenda items with computed times and TOP numbers, moving items, delete or cancel.

use zirkel::model::session::{AgendaItemInput, SessionInput};
use zirkel::model::{AgendaKind, Field, SessionStatus};
use zirkel::ops::sessions::{self, When};
use zirkel::{ops, Error};

use crate::util::{stamp, temp_store, today};

fn two_days() -> SessionInput {
    SessionInput {
        number: Some(40),
        title: "40. Sitzung des Qualitätszirkels".into(),
        first_day: "17.09.2027".into(),
        last_day: "18.09.2027".into(),
        venue: "Rathaus Herten".into(),
        ..Default::default()
    }
}

fn item(day: &str, start: &str, minutes: i64, title: &str, kind: AgendaKind) -> AgendaItemInput {
    AgendaItemInput {
        day: day.into(),
        start_time: start.into(),
        duration_minutes: Some(minutes),
        kind,
        title: title.into(),
        ..Default::default()
    }
}

#[test]
fn bad_input_reports_every_problem_and_writes_nothing() {
    let mut t = temp_store();
    let bad = SessionInput {
        number: Some(40),
        title: " ".into(),
        first_day: "18.09.2027".into(),
        last_day: "17.09.2027".into(),
        ..Default::default()
    };
    let err = t
        .store
        .write(&stamp(), |w| sessions::create(w, &bad))
        .expect_err("refused");
    let fields: Vec<Field> = err.field_errors().iter().map(|e| e.field).collect();
    assert_eq!(fields, [Field::Title, Field::LastDay], "{err:?}");
    assert!(t.store.read().sessions().all().expect("all").is_empty());

    let session = t
        .store
        .write(&stamp(), |w| sessions::create(w, &two_days()))
        .expect("create");
    let err = t
        .store
        .write(&stamp(), |w| {
            sessions::add_item(
                w,
                session.id,
                &item("19.09.2027", "", 0, "Außerhalb", AgendaKind::Talk),
            )
        })
        .expect_err("outside the session");
    let fields: Vec<Field> = err.field_errors().iter().map(|e| e.field).collect();
    assert_eq!(fields, [Field::Day, Field::DurationMinutes], "{err:?}");
    let again = t
        .store
        .write(&stamp(), |w| sessions::create(w, &two_days()))
        .expect_err("the number is taken");
    assert_eq!(again.field_errors()[0].field, Field::Number);
}

#[test]
fn the_agenda_is_timed_numbered_and_reordered_by_moves() {
    let mut t = temp_store();
    let session = t
        .store
        .write(&stamp(), |w| sessions::create(w, &two_days()))
        .expect("create");
    assert_eq!(session.status, SessionStatus::Planned);
    let (welcome, brk, visit) = t
        .store
        .write(&stamp(), |w| {
            let welcome = sessions::add_item(
                w,
                session.id,
                &item("17.09.2027", "13:00", 30, "Begrüßung", AgendaKind::Talk),
            )?;
            let brk = sessions::add_item(
                w,
                session.id,
                &item("17.09.2027", "", 15, "Kaffeepause", AgendaKind::Break),
            )?;
            let visit = sessions::add_item(
                w,
                session.id,
                &item(
                    "18.09.2027",
                    "10:00",
                    90,
                    "Besuch des Integrationsrats",
                    AgendaKind::Visit,
                ),
            )?;
            Ok((welcome, brk, visit))
        })
        .expect("items");
    let shown = |t: &crate::util::TempStore| {
        sessions::show(t.store.read(), 40)
            .expect("show")
            .agenda
            .iter()
            .map(|i| (i.id, i.slot.start.format("%H:%M").to_string(), i.number))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        shown(&t),
        [
            (welcome, "13:00".to_owned(), Some(1)),
            (brk, "13:30".to_owned(), None),
            (visit, "10:00".to_owned(), Some(2)),
        ]
    );
    // Alt+↑ on the break: it goes first on its day and starts at the day's default start; the
    // welcome keeps its fixed 13:00 and shows the gap.
    t.store
        .write(&stamp(), |w| sessions::move_item(w, session.id, brk, -1))
        .expect("move");
    let detail = sessions::show(t.store.read(), 40).expect("show");
    let order: Vec<i64> = detail.agenda.iter().map(|i| i.id).collect();
    assert_eq!(order, [brk, welcome, visit]);
    assert_eq!(detail.agenda[1].slot.gap_minutes, 225, "09:15 to 13:00");
    assert_eq!(
        detail.agenda[1].number,
        Some(1),
        "TOP numbers follow the order"
    );
    // Moving across days is not a move within the day: nothing changes.
    t.store
        .write(&stamp(), |w| sessions::move_item(w, session.id, welcome, 1))
        .expect("no-op");
    assert_eq!(
        sessions::show(t.store.read(), 40)
            .expect("show")
            .agenda
            .iter()
            .map(|i| i.id)
            .collect::<Vec<_>>(),
        [brk, welcome, visit]
    );
    // A shorter session would strand the visit: refused.
    let one_day = SessionInput {
        last_day: String::new(),
        ..two_days()
    };
    let err = t
        .store
        .write(&stamp(), |w| sessions::update(w, session.id, &one_day))
        .expect_err("items outside");
    assert_eq!(err.field_errors()[0].field, Field::LastDay);
}

#[test]
fn the_list_puts_the_next_session_first_and_history_blocks_delete() {
    let mut t = temp_store();
    ops::demo::load(&mut t.store, &stamp()).expect("demo");
    let entries = sessions::list(t.store.read(), today(), None, None).expect("list");
    let order: Vec<(i64, When)> = entries.iter().map(|e| (e.session.number, e.when)).collect();
    assert_eq!(
        order,
        [(39, When::Next), (38, When::Past), (37, When::Past)],
        "next first, then the past ones, newest first"
    );
    let of_2026 = sessions::list(
        t.store.read(),
        today(),
        Some(2026),
        Some(SessionStatus::Held),
    )
    .expect("filtered");
    assert_eq!(of_2026.len(), 2);

    let held = t
        .store
        .read()
        .sessions()
        .by_number(38)
        .expect("read")
        .expect("38");
    match t.store.write(&stamp(), |w| sessions::delete(w, held.id)) {
        Err(Error::Conflict { message }) => {
            assert!(message.contains("absagen"), "{message}");
        }
        other => panic!("a session with attendance must not be deleted, got {other:?}"),
    }
    let cancelled = t
        .store
        .write(&stamp(), |w| sessions::cancel(w, held.id))
        .expect("cancel");
    assert_eq!(cancelled.status, SessionStatus::Cancelled);
    let planned = t
        .store
        .write(&stamp(), |w| sessions::create(w, &two_days()))
        .expect("create");
    t.store
        .write(&stamp(), |w| sessions::delete(w, planned.id))
        .expect("a fresh session can be deleted");
    assert!(t
        .store
        .read()
        .sessions()
        .by_number(40)
        .expect("read")
        .is_none());
}

/// Reads an .ics with a parser independent of the crate that wrote it.
fn parse(text: &str) -> ical::parser::ical::component::IcalCalendar {
    let mut reader = ical::IcalParser::new(std::io::BufReader::new(text.as_bytes()));
    reader.next().expect("one calendar").expect("parses")
}

fn property<'a>(
    props: &'a [ical::property::Property],
    name: &str,
) -> Option<&'a ical::property::Property> {
    props.iter().find(|p| p.name == name)
}

#[test]
fn the_demo_meeting_as_icalendar_parses_with_local_times_and_stable_uids() {
    let mut t = temp_store();
    ops::demo::load(&mut t.store, &stamp()).expect("demo");
    let text = sessions::calendar(t.store.read(), 38, stamp().at).expect("ics");
    assert!(text.contains("\r\n"), "CRLF line ends");
    let calendar = parse(&text);
    assert_eq!(
        property(&calendar.properties, "METHOD").and_then(|p| p.value.as_deref()),
        Some("PUBLISH")
    );
    assert_eq!(calendar.timezones.len(), 1, "one VTIMEZONE");
    assert_eq!(
        property(&calendar.timezones[0].properties, "TZID").and_then(|p| p.value.as_deref()),
        Some("Europe/Berlin")
    );
    let detail = sessions::show(t.store.read(), 38).expect("show");
    assert_eq!(
        calendar.events.len(),
        detail.agenda.len() + 1,
        "the meeting and each agenda item"
    );
    let meeting = &calendar.events[0];
    assert_eq!(
        property(&meeting.properties, "DTSTART").and_then(|p| p.value.as_deref()),
        Some("20260921")
    );
    assert_eq!(
        property(&meeting.properties, "DTEND").and_then(|p| p.value.as_deref()),
        Some("20260923"),
        "an all-day event ends the day after the last day"
    );
    assert!(property(&meeting.properties, "LOCATION")
        .and_then(|p| p.value.as_deref())
        .is_some_and(|l| l.contains("Rathaus Stuttgart")));
    let visit = calendar
        .events
        .iter()
        .find(|e| {
            property(&e.properties, "SUMMARY")
                .and_then(|p| p.value.as_deref())
                .is_some_and(|s| s.contains("Welcome Center"))
                && property(&e.properties, "SUMMARY")
                    .and_then(|p| p.value.as_deref())
                    .is_some_and(|s| s.starts_with("TOP"))
        })
        .expect("the visit");
    let start = property(&visit.properties, "DTSTART").expect("start");
    assert_eq!(
        start.value.as_deref(),
        Some("20260922T110000"),
        "local time"
    );
    let tzid = start
        .params
        .as_ref()
        .and_then(|ps| ps.iter().find(|(k, _)| k == "TZID"))
        .map(|(_, v)| v.join(","));
    assert_eq!(tzid.as_deref(), Some("Europe/Berlin"));

    let uids = |text: &str| -> Vec<String> {
        parse(text)
            .events
            .iter()
            .filter_map(|e| property(&e.properties, "UID").and_then(|p| p.value.clone()))
            .collect()
    };
    let sequence = |text: &str| -> i64 {
        property(&parse(text).events[0].properties, "SEQUENCE")
            .and_then(|p| p.value.as_deref())
            .and_then(|v| v.parse().ok())
            .expect("sequence")
    };
    let again = sessions::calendar(t.store.read(), 38, stamp().at).expect("ics");
    assert_eq!(
        uids(&text),
        uids(&again),
        "exporting twice gives the same UIDs"
    );
    // A change to the agenda: the same UIDs, a higher SEQUENCE.
    let later = zirkel::model::Stamp {
        at: stamp().at + chrono::Duration::hours(1),
        ..stamp()
    };
    let first_item = detail.agenda[1].id;
    t.store
        .write(&later, |w| {
            sessions::move_item(w, detail.session.id, first_item, 1)
        })
        .expect("move");
    let changed = sessions::calendar(t.store.read(), 38, later.at).expect("ics");
    let mut before = uids(&text);
    let mut after = uids(&changed);
    before.sort();
    after.sort();
    assert_eq!(before, after, "a change keeps the UIDs");
    assert!(
        sequence(&changed) > sequence(&text),
        "and raises the SEQUENCE"
    );
}

#[test]
fn the_time_zone_has_no_event_properties() {
    let mut t = temp_store();
    ops::demo::load(&mut t.store, &stamp()).expect("demo");
    let text = sessions::calendar(t.store.read(), 38, stamp().at).expect("ics");
    let zone = &text
        [text.find("BEGIN:VTIMEZONE").expect("zone")..text.find("END:VTIMEZONE").expect("end")];
    assert!(
        !zone.contains("UID:") && !zone.contains("DTSTAMP:"),
        "{zone}"
    );
    assert!(
        text.find("END:VTIMEZONE") < text.find("BEGIN:VEVENT"),
        "the zone comes first"
    );
}

#[test]
fn inviting_puts_the_members_of_the_first_day_on_the_list_once() {
    let mut t = temp_store();
    ops::demo::load(&mut t.store, &stamp()).expect("demo");
    let session = t
        .store
        .write(&stamp(), |w| sessions::create(w, &two_days()))
        .expect("create");
    let added = t
        .store
        .write(&stamp(), |w| sessions::invite_members(w, session.id))
        .expect("invite");
    assert!(added > 20, "the demo's members are invited: {added}");
    let members = ops::members::list(
        t.store.read(),
        &zirkel::model::MemberFilter {
            as_of: "17.09.2027".into(),
            ..Default::default()
        },
        today(),
    )
    .expect("members");
    let expected = members
        .rows
        .iter()
        .filter(|r| !matches!(r.role, Some(zirkel::model::Role::Guest) | None))
        .count();
    assert_eq!(added, expected, "members and partners, not guests");
    let again = t
        .store
        .write(&stamp(), |w| sessions::invite_members(w, session.id))
        .expect("again");
    assert_eq!(again, 0, "nobody is invited twice");
    let attendance = t
        .store
        .read()
        .documents()
        .attendance(session.id)
        .expect("attendance");
    assert_eq!(attendance.len(), added);
    assert!(attendance
        .iter()
        .all(|a| a.status == zirkel::model::AttendanceStatus::Invited));
    assert!(
        attendance.iter().any(|a| a.full_name.contains("Yıldırım")),
        "the seat holder of that day, with her name as written"
    );
}
