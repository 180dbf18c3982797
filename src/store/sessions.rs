//! Rows of sessions, their agenda, attendance, minutes and action items, written through audited
//! handles. The screens for these areas come in later issues; for now the demo data is written
//! here, and the documents read them through [`super::documents`].

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row};

use super::audit::{changed_fields, Action, Entity};
use super::{decode, Writer};
use crate::error::{Error, Result};
use crate::model::session::{
    ActionStatus, AgendaItemFields, AgendaKind, AttendanceStatus, MinutesStatus, Session,
    SessionFields, SessionStatus,
};
use crate::model::History;

const COLUMNS: &str = "id, number, title, first_day, last_day, venue, address,
    host_organisation_id, status, description, created_at, created_by, updated_at, updated_by";

fn from_row(row: &Row<'_>) -> rusqlite::Result<Session> {
    decode("sessions", row, |row| {
        Ok(Session {
            id: row.get(0)?,
            number: row.get(1)?,
            title: row.get(2)?,
            first_day: row.get(3)?,
            last_day: row.get(4)?,
            venue: row.get(5)?,
            address: row.get(6)?,
            host_organisation_id: row.get(7)?,
            status: row.get(8)?,
            description: row.get(9)?,
            history: History {
                created_at: row.get(10)?,
                created_by: row.get(11)?,
                updated_at: row.get(12)?,
                updated_by: row.get(13)?,
            },
        })
    })
}

fn agenda_fields(conn: &Connection, id: i64) -> Result<AgendaItemFields> {
    conn.query_row(
        "SELECT id, day, start_time, duration_minutes, kind, title, description, place, internal
         FROM agenda_items WHERE id = ?1",
        [id],
        |r| {
            decode("agenda_items", r, |r| {
                Ok(AgendaItemFields {
                    day: r.get(1)?,
                    start_time: r.get(2)?,
                    duration_minutes: r.get::<_, Option<i64>>(3)?.unwrap_or_default(),
                    kind: r.get(4)?,
                    title: r.get(5)?,
                    description: r.get(6)?,
                    place: r.get(7)?,
                    internal: r.get(8)?,
                })
            })
        },
    )
    .optional()?
    .ok_or(Error::NotFound {
        entity: "agenda_item",
        id,
    })
}

/// Reads of sessions.
#[derive(Clone, Copy)]
pub struct Sessions<'a>(pub(super) &'a Connection);

impl Sessions<'_> {
    /// Every session, by first day.
    pub fn all(&self) -> Result<Vec<Session>> {
        let mut stmt = self.0.prepare(&format!(
            "SELECT {COLUMNS} FROM sessions ORDER BY first_day, number"
        ))?;
        let rows = stmt.query_map([], from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// One session.
    pub fn get(&self, id: i64) -> Result<Session> {
        self.0
            .prepare_cached(&format!("SELECT {COLUMNS} FROM sessions WHERE id = ?1"))?
            .query_row([id], from_row)
            .optional()?
            .ok_or(Error::NotFound {
                entity: "session",
                id,
            })
    }

    /// The session with this running number, if any.
    pub fn by_number(&self, number: i64) -> Result<Option<Session>> {
        Ok(self
            .0
            .prepare_cached(&format!("SELECT {COLUMNS} FROM sessions WHERE number = ?1"))?
            .query_row([number], from_row)
            .optional()?)
    }

    /// How many attendance records and minutes versions a session has (it is deleted only
    /// without either).
    pub fn history(&self, id: i64) -> Result<(i64, i64)> {
        let count = |sql: &str| -> Result<i64> { Ok(self.0.query_row(sql, [id], |r| r.get(0))?) };
        Ok((
            count("SELECT count(*) FROM attendance WHERE session_id = ?1")?,
            count("SELECT count(*) FROM minutes WHERE session_id = ?1")?,
        ))
    }

    /// The people on a session's attendance list.
    pub fn attendees(&self, session_id: i64) -> Result<Vec<i64>> {
        let mut stmt = self
            .0
            .prepare_cached("SELECT person_id FROM attendance WHERE session_id = ?1")?;
        let rows = stmt.query_map([session_id], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The ids of a session's agenda items in order.
    pub fn agenda_order(&self, session_id: i64) -> Result<Vec<(i64, NaiveDate)>> {
        let mut stmt = self.0.prepare_cached(
            "SELECT id, day FROM agenda_items WHERE session_id = ?1 ORDER BY day, position, id",
        )?;
        let rows = stmt.query_map([session_id], |r| {
            decode("agenda_items", r, |r| Ok((r.get(0)?, r.get(1)?)))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

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
    /// Inserts a session from the form, as planned.
    pub fn create(&mut self, f: &SessionFields) -> Result<i64> {
        self.insert_session(&NewSession {
            number: f.number,
            title: &f.title,
            first_day: f.first_day,
            last_day: f.last_day,
            venue: f.venue.as_deref(),
            address: f.address.as_deref(),
            host_organisation_id: f.host_organisation_id,
            status: SessionStatus::Planned,
        })
        .and_then(|id| {
            self.w.conn().execute(
                "UPDATE sessions SET description = ?2 WHERE id = ?1",
                params![id, f.description],
            )?;
            Ok(id)
        })
    }

    /// Overwrites a session's fields (not its status).
    pub fn update(&mut self, id: i64, f: &SessionFields) -> Result<()> {
        let before = Sessions(self.w.conn()).get(id)?;
        let before = SessionFields {
            number: before.number,
            title: before.title,
            first_day: before.first_day,
            last_day: before.last_day,
            venue: before.venue,
            address: before.address,
            host_organisation_id: before.host_organisation_id,
            description: before.description,
        };
        let at = self.w.at();
        self.w.conn().execute(
            "UPDATE sessions SET number = ?2, title = ?3, first_day = ?4, last_day = ?5,
                venue = ?6, address = ?7, host_organisation_id = ?8, description = ?9,
                updated_at = ?10, updated_by = ?11
             WHERE id = ?1",
            params![
                id,
                f.number,
                f.title,
                f.first_day,
                f.last_day,
                f.venue,
                f.address,
                f.host_organisation_id,
                f.description,
                at,
                self.w.user()
            ],
        )?;
        self.w.audit(
            Entity::Session,
            Some(id),
            Action::Update,
            &changed_fields(&before, f),
        )
    }

    /// Marks the session as changed (its agenda changed): the calendar's SEQUENCE grows. The
    /// agenda item's own change is what the audit log records.
    pub fn touch(&mut self, id: i64) -> Result<()> {
        let at = self.w.at();
        self.w.conn().execute(
            "UPDATE sessions SET updated_at = ?2, updated_by = ?3 WHERE id = ?1",
            params![id, at, self.w.user()],
        )?;
        Ok(())
    }

    /// Sets a session's status.
    pub fn set_status(&mut self, id: i64, status: SessionStatus) -> Result<()> {
        self.w.set_column(
            ("sessions", "status"),
            (Entity::Session, "session"),
            id,
            &status,
            Action::Update,
        )
    }

    /// Deletes a session with its agenda (the op checks it has no attendance or minutes).
    pub fn delete(&mut self, id: i64) -> Result<()> {
        self.w
            .delete_row("sessions", Entity::Session, "session", id)
    }

    /// Overwrites an agenda item's fields (not its order).
    pub fn update_agenda_item(&mut self, id: i64, f: &AgendaItemFields) -> Result<()> {
        let before = agenda_fields(self.w.conn(), id)?;
        let at = self.w.at();
        let changed = self.w.conn().execute(
            "UPDATE agenda_items SET day = ?2, start_time = ?3, duration_minutes = ?4, kind = ?5,
                title = ?6, description = ?7, place = ?8, internal = ?9, updated_at = ?10,
                updated_by = ?11
             WHERE id = ?1",
            params![
                id,
                f.day,
                f.start_time,
                f.duration_minutes,
                f.kind,
                f.title,
                f.description,
                f.place,
                f.internal,
                at,
                self.w.user()
            ],
        )?;
        if changed == 0 {
            return Err(Error::NotFound {
                entity: "agenda_item",
                id,
            });
        }
        self.w.audit(
            Entity::AgendaItem,
            Some(id),
            Action::Update,
            &changed_fields(&before, f),
        )
    }

    /// Deletes an agenda item.
    pub fn delete_agenda_item(&mut self, id: i64) -> Result<()> {
        self.w
            .delete_row("agenda_items", Entity::AgendaItem, "agenda_item", id)
    }

    /// Gives the items the positions of their order in `ids` (1, 2, 3 …), in one pass: the
    /// order has no unique constraint, so no two-phase update is needed.
    pub fn set_order(&mut self, ids: &[i64]) -> Result<()> {
        for (position, id) in (1..).zip(ids) {
            self.w.conn().execute(
                "UPDATE agenda_items SET position = ?2 WHERE id = ?1",
                params![id, position],
            )?;
            self.w
                .audit(Entity::AgendaItem, Some(*id), Action::Update, &["position"])?;
        }
        Ok(())
    }

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
