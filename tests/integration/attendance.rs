//! Attendance: statuses with a substitute, sign-ups, presence per day from the sign-in round
//! trip, the live counts, the e-mail list and the attendance list as XLSX.

use calamine::{Reader as _, Xlsx};
use zirkel::model::session::SessionInput;
use zirkel::model::{AttendanceStatus, Field};
use zirkel::ops;
use zirkel::ops::attendance::{self, AttendanceInput};
use zirkel::ops::sessions;

use crate::util::{stamp, temp_store};

#[test]
fn statuses_sign_in_ticks_counts_email_list_and_workbook() {
    let mut t = temp_store();
    ops::demo::load(&mut t.store, &stamp()).expect("demo");
    let session = t
        .store
        .write(&stamp(), |w| {
            sessions::create(
                w,
                &SessionInput {
                    number: Some(40),
                    title: "40. Sitzung".into(),
                    first_day: "16.09.2027".into(),
                    last_day: "17.09.2027".into(),
                    ..Default::default()
                },
            )
        })
        .expect("session");
    let invited = t
        .store
        .write(&stamp(), |w| sessions::invite_members(w, session.id))
        .expect("invite");
    let list = attendance::list(t.store.read(), session.id).expect("list");
    assert_eq!(list.rows.len(), invited);
    assert_eq!(list.counts.total, i64::try_from(invited).expect("count"));
    let find = |last: &str| {
        list.rows
            .iter()
            .find(|r| r.name.starts_with(last))
            .unwrap_or_else(|| panic!("{last} invited"))
            .clone()
    };
    let sukru = find("Özdemir");
    let lukasz = find("Wiśniewski");
    let lan = find("Nguyễn");
    assert_eq!(sukru.name, "Özdemir, Şükrü");

    // "vertreten durch" needs someone else; every problem at once, nothing saved.
    let err = t
        .store
        .write(&stamp(), |w| {
            attendance::update(
                w,
                sukru.id,
                &AttendanceInput {
                    status: AttendanceStatus::Represented,
                    represented_by: Some(sukru.person_id),
                    notes: "x".repeat(2001),
                    ..Default::default()
                },
            )
        })
        .expect_err("refused");
    let fields: Vec<Field> = err.field_errors().iter().map(|e| e.field).collect();
    assert_eq!(fields, [Field::RepresentedBy, Field::Notes]);

    let represented = t
        .store
        .write(&stamp(), |w| {
            attendance::update(
                w,
                lan.id,
                &AttendanceInput {
                    status: AttendanceStatus::Represented,
                    represented_by: Some(sukru.person_id),
                    joins_visit: true,
                    ..Default::default()
                },
            )?;
            attendance::update(
                w,
                lukasz.id,
                &AttendanceInput {
                    status: AttendanceStatus::Declined,
                    ..Default::default()
                },
            )?;
            attendance::update(
                w,
                sukru.id,
                &AttendanceInput {
                    status: AttendanceStatus::Registered,
                    joins_visit: true,
                    joins_dinner: true,
                    ..Default::default()
                },
            )
        })
        .expect("statuses");
    assert!(represented.joins_dinner && represented.joins_visit);

    // The sign-in round trip: a tick sets "teilgenommen"; the last tick taken away sets it back.
    let ticked = t
        .store
        .write(&stamp(), |w| {
            attendance::set_present(w, sukru.id, "16.09.2027", true)?;
            attendance::set_present(w, sukru.id, "2027-09-17", true)
        })
        .expect("ticks");
    assert_eq!(ticked.status, AttendanceStatus::Attended);
    assert_eq!(ticked.days.len(), 2);
    let err = t
        .store
        .write(&stamp(), |w| {
            attendance::set_present(w, sukru.id, "18.09.2027", true)
        })
        .expect_err("not a meeting day");
    assert_eq!(err.field_errors()[0].field, Field::Day);

    let list = attendance::list(t.store.read(), session.id).expect("list");
    let day = |i: usize| {
        (
            list.counts.by_day[i].present,
            list.counts.by_day[i].expected,
        )
    };
    assert_eq!(day(0), (1, 2), "Şükrü present; Lan's substitute expected");
    assert_eq!(day(1), (1, 2));
    assert_eq!((list.counts.visit, list.counts.dinner), (2, 1));
    let declined = list
        .counts
        .by_status
        .iter()
        .find(|c| c.status == AttendanceStatus::Declined)
        .map(|c| c.count);
    assert_eq!(declined, Some(1));
    let lan_row = list.rows.iter().find(|r| r.id == lan.id).expect("lan");
    assert_eq!(
        lan_row.represented_by_name.as_deref(),
        Some("Şükrü Özdemir")
    );
    let organisations: i64 = list.counts.by_organisation.iter().map(|o| o.invited).sum();
    assert_eq!(organisations, list.counts.total);

    let untick = t
        .store
        .write(&stamp(), |w| {
            attendance::set_present(w, sukru.id, "16.09.2027", false)?;
            attendance::set_present(w, sukru.id, "17.09.2027", false)
        })
        .expect("unticks");
    assert_eq!(untick.status, AttendanceStatus::Registered);

    // The e-mail list leaves out who declined.
    let emails = attendance::email_list(t.store.read(), session.id).expect("emails");
    let lukasz_mail = t
        .store
        .read()
        .people()
        .get(lukasz.person_id)
        .expect("person")
        .email
        .expect("e-mail");
    assert!(!emails.contains(&lukasz_mail), "{emails}");
    assert!(emails.contains("; "));

    // The workbook as Excel reads it.
    let (bytes, rows) = attendance::workbook(t.store.read(), session.id).expect("xlsx");
    assert_eq!(rows, invited);
    let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).expect("xlsx opens");
    let sheet = book.worksheet_range("40. Sitzung").expect("sheet");
    let cells: Vec<Vec<String>> = sheet
        .rows()
        .map(|r| r.iter().map(ToString::to_string).collect())
        .collect();
    assert_eq!(cells[0][0], "Name");
    assert_eq!(cells[0][7], "Anwesend 16.09.2027");
    let lan_cells = cells
        .iter()
        .find(|r| r[0].starts_with("Nguyễn"))
        .expect("Nguyễn Thị Lan in the workbook");
    assert_eq!(lan_cells[3], "vertreten");
    assert_eq!(lan_cells[4], "Şükrü Özdemir");
    assert_eq!(lan_cells[5], "ja");
}
