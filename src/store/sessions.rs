//! Rows of sessions, their agenda, attendance and minutes. The screens for these areas come in
//! later issues; for now the demo data is written through these functions.

use chrono::NaiveDate;
use rusqlite::{params, Connection};

use super::{iso, iso_time};
use crate::error::Result;
use crate::model::Stamp;

/// A new session.
#[derive(Debug, Clone)]
pub struct NewSession<'a> {
    /// Running number.
    pub number: i64,
    /// Title.
    pub title: &'a str,
    /// First day.
    pub first_day: NaiveDate,
    /// Last day.
    pub last_day: NaiveDate,
    /// Venue.
    pub venue: Option<&'a str>,
    /// Address.
    pub address: Option<&'a str>,
    /// Host organisation.
    pub host_organisation_id: Option<i64>,
    /// Status as stored.
    pub status: &'a str,
}

/// Inserts a session.
pub fn insert_session(conn: &Connection, stamp: &Stamp, s: &NewSession<'_>) -> Result<i64> {
    let at = iso_time(stamp.at);
    conn.execute(
        "INSERT INTO sessions (number, title, first_day, last_day, venue, address,
            host_organisation_id, status, created_at, created_by, updated_at, updated_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?9, ?10)",
        params![
            s.number,
            s.title,
            iso(s.first_day),
            iso(s.last_day),
            s.venue,
            s.address,
            s.host_organisation_id,
            s.status,
            at,
            stamp.user
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

/// A new agenda item.
#[derive(Debug, Clone)]
pub struct NewAgendaItem<'a> {
    /// Session.
    pub session_id: i64,
    /// Order within the session.
    pub position: i64,
    /// Day.
    pub day: NaiveDate,
    /// "HH:MM".
    pub start_time: Option<&'a str>,
    /// Duration.
    pub duration_minutes: Option<i64>,
    /// Kind as stored.
    pub kind: &'a str,
    /// Title.
    pub title: &'a str,
    /// Description.
    pub description: Option<&'a str>,
    /// Place.
    pub place: Option<&'a str>,
    /// Internal.
    pub internal: bool,
}

/// Inserts an agenda item.
pub fn insert_agenda_item(conn: &Connection, item: &NewAgendaItem<'_>) -> Result<i64> {
    conn.execute(
        "INSERT INTO agenda_items (session_id, position, day, start_time, duration_minutes, kind,
            title, description, place, internal)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            item.session_id,
            item.position,
            iso(item.day),
            item.start_time,
            item.duration_minutes,
            item.kind,
            item.title,
            item.description,
            item.place,
            item.internal
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

/// Adds a speaker (a person or free text) to an agenda item.
pub fn insert_speaker(
    conn: &Connection,
    agenda_item_id: i64,
    position: i64,
    person_id: Option<i64>,
    free_text: Option<&str>,
) -> Result<()> {
    conn.execute(
        "INSERT INTO agenda_item_speakers (agenda_item_id, position, person_id, free_text)
         VALUES (?1, ?2, ?3, ?4)",
        params![agenda_item_id, position, person_id, free_text],
    )?;
    Ok(())
}

/// Tags an agenda item with a topic.
pub fn insert_agenda_topic(conn: &Connection, agenda_item_id: i64, topic_id: i64) -> Result<()> {
    conn.execute(
        "INSERT INTO agenda_item_topics (agenda_item_id, topic_id) VALUES (?1, ?2)",
        params![agenda_item_id, topic_id],
    )?;
    Ok(())
}

/// A new attendance record.
#[derive(Debug, Clone)]
pub struct NewAttendance<'a> {
    /// Session.
    pub session_id: i64,
    /// Person.
    pub person_id: i64,
    /// For which organisation.
    pub organisation_id: Option<i64>,
    /// Status as stored.
    pub status: &'a str,
    /// Substitute.
    pub represented_by: Option<i64>,
    /// Days present.
    pub days: &'a [NaiveDate],
}

/// Inserts attendance with its days.
pub fn insert_attendance(conn: &Connection, a: &NewAttendance<'_>) -> Result<i64> {
    conn.execute(
        "INSERT INTO attendance (session_id, person_id, organisation_id, status, represented_by)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            a.session_id,
            a.person_id,
            a.organisation_id,
            a.status,
            a.represented_by
        ],
    )?;
    let id = conn.last_insert_rowid();
    for day in a.days {
        conn.execute(
            "INSERT INTO attendance_days (attendance_id, day) VALUES (?1, ?2)",
            params![id, iso(*day)],
        )?;
    }
    Ok(id)
}

/// New minutes.
#[derive(Debug, Clone)]
pub struct NewMinutes<'a> {
    /// Session.
    pub session_id: i64,
    /// Recorder.
    pub recorder_id: Option<i64>,
    /// Status as stored.
    pub status: &'a str,
    /// Sent on.
    pub sent_on: Option<NaiveDate>,
    /// Approved on.
    pub approved_on: Option<NaiveDate>,
    /// Approving session.
    pub approved_at_session_id: Option<i64>,
}

/// Inserts minutes (version 1).
pub fn insert_minutes(conn: &Connection, stamp: &Stamp, m: &NewMinutes<'_>) -> Result<i64> {
    let at = iso_time(stamp.at);
    conn.execute(
        "INSERT INTO minutes (session_id, recorder_id, status, sent_on, approved_on,
            approved_at_session_id, created_at, created_by, updated_at, updated_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?7, ?8)",
        params![
            m.session_id,
            m.recorder_id,
            m.status,
            m.sent_on.map(iso),
            m.approved_on.map(iso),
            m.approved_at_session_id,
            at,
            stamp.user
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

/// Which list of the minutes a text goes to.
#[derive(Debug, Clone, Copy)]
pub enum MinuteText {
    /// Notes on an agenda item.
    Note,
    /// A decision.
    Decision,
}

/// Inserts a note or decision.
pub fn insert_minute_text(
    conn: &Connection,
    kind: MinuteText,
    minutes_id: i64,
    agenda_item_id: Option<i64>,
    position: i64,
    text: &str,
) -> Result<()> {
    let sql = match kind {
        MinuteText::Note => {
            "INSERT INTO minute_notes (minutes_id, agenda_item_id, position, text) VALUES (?1, ?2, ?3, ?4)"
        }
        MinuteText::Decision => {
            "INSERT INTO decisions (minutes_id, agenda_item_id, position, text) VALUES (?1, ?2, ?3, ?4)"
        }
    };
    conn.execute(sql, params![minutes_id, agenda_item_id, position, text])?;
    Ok(())
}

/// A new action item.
#[derive(Debug, Clone)]
pub struct NewActionItem<'a> {
    /// Minutes.
    pub minutes_id: i64,
    /// Agenda item.
    pub agenda_item_id: Option<i64>,
    /// Order.
    pub position: i64,
    /// What.
    pub text: &'a str,
    /// Who (person).
    pub assignee_id: Option<i64>,
    /// Who (free text).
    pub assignee_text: Option<&'a str>,
    /// Due.
    pub due_date: Option<NaiveDate>,
    /// Status as stored.
    pub status: &'a str,
    /// Done on.
    pub done_on: Option<NaiveDate>,
}

/// Inserts an action item.
pub fn insert_action_item(conn: &Connection, a: &NewActionItem<'_>) -> Result<()> {
    conn.execute(
        "INSERT INTO action_items (minutes_id, agenda_item_id, position, text, assignee_id,
            assignee_text, due_date, status, done_on)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            a.minutes_id,
            a.agenda_item_id,
            a.position,
            a.text,
            a.assignee_id,
            a.assignee_text,
            a.due_date.map(iso),
            a.status,
            a.done_on.map(iso)
        ],
    )?;
    Ok(())
}
