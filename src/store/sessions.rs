//! Rows of sessions, their agenda, attendance, minutes and action items, written through audited
//! handles. The screens for these areas come in later issues; for now the demo data is written
//! here, and the documents read them through [`super::documents`].

use chrono::NaiveDate;
use rusqlite::params;

use super::audit::{Action, Entity};
use super::Writer;
use crate::error::Result;
use crate::model::session::{
    ActionStatus, AgendaKind, AttendanceStatus, MinutesStatus, SessionStatus,
};

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
    /// Status.
    pub status: SessionStatus,
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
    /// Fixed start "HH:MM"; computed from the day's start and the durations when `None`.
    pub start_time: Option<&'a str>,
    /// Duration.
    pub duration_minutes: Option<i64>,
    /// Kind.
    pub kind: AgendaKind,
    /// Title.
    pub title: &'a str,
    /// Description.
    pub description: Option<&'a str>,
    /// Place.
    pub place: Option<&'a str>,
    /// Internal.
    pub internal: bool,
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
    /// Status.
    pub status: AttendanceStatus,
    /// Substitute.
    pub represented_by: Option<i64>,
    /// Days present.
    pub days: &'a [NaiveDate],
}

/// New minutes (version 1, current).
#[derive(Debug, Clone)]
pub struct NewMinutes {
    /// Session.
    pub session_id: i64,
    /// Recorder.
    pub recorder_id: Option<i64>,
    /// Status.
    pub status: MinutesStatus,
    /// Sent on.
    pub sent_on: Option<NaiveDate>,
    /// Approved on.
    pub approved_on: Option<NaiveDate>,
    /// Approving session.
    pub approved_at_session_id: Option<i64>,
}

/// Which list of the minutes a text goes to.
#[derive(Debug, Clone, Copy)]
pub enum MinuteText {
    /// Notes on an agenda item.
    Note,
    /// A decision.
    Decision,
}

/// A new action item.
#[derive(Debug, Clone)]
pub struct NewActionItem<'a> {
    /// The session whose minutes it arose in.
    pub session_id: i64,
    /// The minutes version it was first written in.
    pub minutes_id: Option<i64>,
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
    /// Status.
    pub status: ActionStatus,
    /// Done on.
    pub done_on: Option<NaiveDate>,
}

/// Audited writes of sessions and what hangs off them.
pub struct SessionsMut<'w, 'a> {
    pub(super) w: &'w mut Writer<'a>,
}

impl SessionsMut<'_, '_> {
    /// Inserts a session.
    pub fn insert_session(&mut self, s: &NewSession<'_>) -> Result<i64> {
        let at = self.w.at();
        self.w.conn().execute(
            "INSERT INTO sessions (number, title, first_day, last_day, venue, address,
                host_organisation_id, status, created_at, created_by, updated_at, updated_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?9, ?10)",
            params![
                s.number,
                s.title,
                s.first_day,
                s.last_day,
                s.venue,
                s.address,
                s.host_organisation_id,
                s.status,
                at,
                self.w.user()
            ],
        )?;
        let id = self.w.conn().last_insert_rowid();
        self.w
            .audit(Entity::Session, Some(id), Action::Create, &[])?;
        Ok(id)
    }

    /// Inserts an agenda item.
    pub fn insert_agenda_item(&mut self, item: &NewAgendaItem<'_>) -> Result<i64> {
        let at = self.w.at();
        self.w.conn().execute(
            "INSERT INTO agenda_items (session_id, position, day, start_time, duration_minutes,
                kind, title, description, place, internal, created_at, created_by, updated_at,
                updated_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?11, ?12)",
            params![
                item.session_id,
                item.position,
                item.day,
                item.start_time,
                item.duration_minutes,
                item.kind,
                item.title,
                item.description,
                item.place,
                item.internal,
                at,
                self.w.user()
            ],
        )?;
        let id = self.w.conn().last_insert_rowid();
        self.w
            .audit(Entity::AgendaItem, Some(id), Action::Create, &[])?;
        Ok(id)
    }

    /// Adds a speaker (a person or free text) to an agenda item.
    pub fn add_speaker(
        &mut self,
        agenda_item_id: i64,
        position: i64,
        person_id: Option<i64>,
        free_text: Option<&str>,
    ) -> Result<()> {
        self.w.conn().execute(
            "INSERT INTO agenda_item_speakers (agenda_item_id, position, person_id, free_text)
             VALUES (?1, ?2, ?3, ?4)",
            params![agenda_item_id, position, person_id, free_text],
        )?;
        self.w.audit(
            Entity::AgendaItem,
            Some(agenda_item_id),
            Action::Update,
            &["speakers"],
        )
    }

    /// Tags an agenda item with a topic.
    pub fn add_topic(&mut self, agenda_item_id: i64, topic_id: i64) -> Result<()> {
        self.w.conn().execute(
            "INSERT INTO agenda_item_topics (agenda_item_id, topic_id) VALUES (?1, ?2)",
            params![agenda_item_id, topic_id],
        )?;
        self.w.audit(
            Entity::AgendaItem,
            Some(agenda_item_id),
            Action::Update,
            &["topics"],
        )
    }

    /// Inserts attendance with its days.
    pub fn insert_attendance(&mut self, a: &NewAttendance<'_>) -> Result<i64> {
        let at = self.w.at();
        self.w.conn().execute(
            "INSERT INTO attendance (session_id, person_id, organisation_id, status,
                represented_by, created_at, created_by, updated_at, updated_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?6, ?7)",
            params![
                a.session_id,
                a.person_id,
                a.organisation_id,
                a.status,
                a.represented_by,
                at,
                self.w.user()
            ],
        )?;
        let id = self.w.conn().last_insert_rowid();
        for day in a.days {
            self.w.conn().execute(
                "INSERT INTO attendance_days (attendance_id, day) VALUES (?1, ?2)",
                params![id, day],
            )?;
        }
        self.w
            .audit(Entity::Attendance, Some(id), Action::Create, &[])?;
        Ok(id)
    }

    /// Inserts minutes: version 1, the current one.
    pub fn insert_minutes(&mut self, m: &NewMinutes) -> Result<i64> {
        let at = self.w.at();
        self.w.conn().execute(
            "INSERT INTO minutes (session_id, recorder_id, status, sent_on, approved_on,
                approved_at_session_id, created_at, created_by, updated_at, updated_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?7, ?8)",
            params![
                m.session_id,
                m.recorder_id,
                m.status,
                m.sent_on,
                m.approved_on,
                m.approved_at_session_id,
                at,
                self.w.user()
            ],
        )?;
        let id = self.w.conn().last_insert_rowid();
        self.w
            .audit(Entity::Minutes, Some(id), Action::Create, &[])?;
        Ok(id)
    }

    /// Inserts a note or decision.
    pub fn insert_minute_text(
        &mut self,
        kind: MinuteText,
        minutes_id: i64,
        agenda_item_id: Option<i64>,
        position: i64,
        text: &str,
    ) -> Result<i64> {
        let table = match kind {
            MinuteText::Note => "minute_notes",
            MinuteText::Decision => "decisions",
        };
        let at = self.w.at();
        self.w.conn().execute(
            &format!(
                "INSERT INTO {table} (minutes_id, agenda_item_id, position, text, created_at,
                    created_by, updated_at, updated_by)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?5, ?6)"
            ),
            params![
                minutes_id,
                agenda_item_id,
                position,
                text,
                at,
                self.w.user()
            ],
        )?;
        let id = self.w.conn().last_insert_rowid();
        self.w
            .audit(Entity::MinutesText, Some(id), Action::Create, &[])?;
        Ok(id)
    }

    /// Inserts an action item.
    pub fn insert_action_item(&mut self, a: &NewActionItem<'_>) -> Result<i64> {
        let at = self.w.at();
        self.w.conn().execute(
            "INSERT INTO action_items (session_id, minutes_id, agenda_item_id, position, text,
                assignee_id, assignee_text, due_date, status, done_on, created_at, created_by,
                updated_at, updated_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?11, ?12)",
            params![
                a.session_id,
                a.minutes_id,
                a.agenda_item_id,
                a.position,
                a.text,
                a.assignee_id,
                a.assignee_text,
                a.due_date,
                a.status,
                a.done_on,
                at,
                self.w.user()
            ],
        )?;
        let id = self.w.conn().last_insert_rowid();
        self.w
            .audit(Entity::ActionItem, Some(id), Action::Create, &[])?;
        Ok(id)
    }
}
