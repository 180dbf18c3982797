//! Rows of sessions, their agenda, attendance, minutes and action items, written through audited
//! handles. The screens for these areas come in later issues; for now the demo data is written
//! here, and the documents read them through [`super::documents`].

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row};

use super::audit::{changed_fields, Action, Entity};
use super::{decode, Indexed, Writer};
use crate::error::{Error, Result};
use crate::model::session::{
    ActionStatus, AgendaItemFields, AgendaKind, AttendanceStatus, MinutesStatus, Session,
    SessionFields, SessionStatus, SpeakerFields,
};
use crate::model::History;

const COLUMNS: &str = "id, number, title, first_day, last_day, venue, address,
    host_organisation_id, status, description, created_at, created_by, updated_at, updated_by,
    registration_deadline";

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
            registration_deadline: row.get(14)?,
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
    let mut fields = super::by_id(
        conn,
        "SELECT id, day, start_time, duration_minutes, kind, title, description, place,
                internal, standing
             FROM agenda_items WHERE id = ?1",
        id,
        "agenda_item",
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
                    standing: r.get(9)?,
                    speakers: Vec::new(),
                    topic_ids: Vec::new(),
                })
            })
        },
    )?;
    let reader = Sessions(conn);
    fields.speakers = reader
        .speakers(id)?
        .into_iter()
        .map(|s| match s.person_id {
            Some(person) => SpeakerFields::Person(person),
            None => SpeakerFields::Text(s.name),
        })
        .collect();
    fields.topic_ids = reader.topics(id)?.into_iter().map(|t| t.id).collect();
    Ok(fields)
}

/// A speaker of an agenda item as the editor shows it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
pub struct Speaker {
    /// The person, when from the register.
    pub person_id: Option<i64>,
    /// The person's name ("Dr. Anna Schmidt") or the free text.
    pub name: String,
}

/// A topic (Themenfeld), by id and name.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
pub struct TopicRef {
    /// Id.
    pub id: i64,
    /// Name.
    pub name: String,
}

/// An attachment (Anlage) of an agenda item, without its content.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
pub struct AttachmentInfo {
    /// Id.
    pub id: i64,
    /// The file's name as added ("Präsentation Welcome Center.pdf").
    pub file_name: String,
    /// Media type ("application/pdf").
    pub media_type: String,
    /// Size in bytes.
    pub size: i64,
}

/// A person on a session's attendance list, as the attendance screen shows them.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
#[ts(rename = "AttendanceRow")]
pub struct AttendanceEntry {
    /// Id of the attendance record.
    pub id: i64,
    /// Person.
    pub person_id: i64,
    /// "Özdemir, Şükrü" (list form, sorts by last name).
    pub name: String,
    /// "Şükrü Özdemir", for letters and badges.
    #[serde(skip)]
    #[ts(skip)]
    pub full_name: String,
    /// For which organisation.
    pub organisation_id: Option<i64>,
    /// Its name.
    pub organisation: Option<String>,
    /// E-mail.
    pub email: Option<String>,
    /// Status.
    pub status: AttendanceStatus,
    /// The person who stands in.
    pub represented_by: Option<i64>,
    /// Their name ("Dr. Anna Schmidt").
    pub represented_by_name: Option<String>,
    /// Signed up for the site visit.
    pub joins_visit: bool,
    /// Signed up for the dinner.
    pub joins_dinner: bool,
    /// Days present.
    pub days: Vec<NaiveDate>,
    /// Notes.
    pub notes: Option<String>,
}

/// An attendance record's changeable fields.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct AttendanceFields {
    /// Status.
    pub status: AttendanceStatus,
    /// Substitute.
    pub represented_by: Option<i64>,
    /// Site visit.
    pub joins_visit: bool,
    /// Dinner.
    pub joins_dinner: bool,
    /// Notes.
    pub notes: Option<String>,
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
        super::by_id(
            self.0,
            &format!("SELECT {COLUMNS} FROM sessions WHERE id = ?1"),
            id,
            "session",
            from_row,
        )
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

    /// The start of each meeting day the secretariat has set ("HH:MM"); other days start at
    /// the default.
    pub fn day_starts(&self, session_id: i64) -> Result<Vec<(NaiveDate, String)>> {
        let mut stmt = self.0.prepare_cached(
            "SELECT session_id, day, start_time FROM session_days WHERE session_id = ?1
             ORDER BY day",
        )?;
        let rows = stmt.query_map([session_id], |r| {
            decode("session_days", r, |r| Ok((r.get(1)?, r.get(2)?)))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// An agenda item's stored fields with its speakers and topics.
    pub fn agenda_item(&self, id: i64) -> Result<AgendaItemFields> {
        agenda_fields(self.0, id)
    }

    /// How many people are on a session's list, and how many of them are expected or came
    /// (registered, represented or present).
    pub fn attendance_counts(&self, session_id: i64) -> Result<(i64, i64)> {
        Ok(self.0.prepare_cached(
            "SELECT count(*), coalesce(sum(status IN ('registered','represented','attended')), 0)
             FROM attendance WHERE session_id = ?1",
        )?
        .query_row([session_id], |r| Ok((r.get(0)?, r.get(1)?)))?)
    }

    /// How many notes and decisions of minutes refer to an agenda item.
    pub fn item_minutes_refs(&self, item_id: i64) -> Result<i64> {
        Ok(self.0.query_row(
            "SELECT (SELECT count(*) FROM minute_notes WHERE agenda_item_id = ?1)
                  + (SELECT count(*) FROM decisions WHERE agenda_item_id = ?1)",
            [item_id],
            |r| r.get(0),
        )?)
    }

    /// The session an agenda item belongs to.
    pub fn item_session(&self, item_id: i64) -> Result<i64> {
        super::by_id(
            self.0,
            "SELECT session_id FROM agenda_items WHERE id = ?1",
            item_id,
            "agenda_item",
            |r| r.get(0),
        )
    }

    /// An agenda item's speakers in order, with the names of people from the register.
    pub fn speakers(&self, item_id: i64) -> Result<Vec<Speaker>> {
        let mut stmt = self.0.prepare_cached(
            "SELECT sp.id, sp.person_id, sp.free_text, p.title, p.first_name, p.name_particle,
                p.last_name
             FROM agenda_item_speakers sp LEFT JOIN people p ON p.id = sp.person_id
             WHERE sp.agenda_item_id = ?1 ORDER BY sp.position, sp.id",
        )?;
        let rows = stmt.query_map([item_id], |r| {
            decode("agenda_item_speakers", r, |r| {
                let person_id: Option<i64> = r.get(1)?;
                let free: Option<String> = r.get(2)?;
                let title: Option<String> = r.get(3)?;
                let first: Option<String> = r.get(4)?;
                let particle: Option<String> = r.get(5)?;
                let last: Option<String> = r.get(6)?;
                let name = match (first, last) {
                    (Some(f), Some(l)) => crate::model::person::full_name(
                        title.as_deref(),
                        &f,
                        particle.as_deref(),
                        &l,
                    ),
                    _ => free.unwrap_or_default(),
                };
                Ok(Speaker { person_id, name })
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// An agenda item's topics, by name.
    pub fn topics(&self, item_id: i64) -> Result<Vec<TopicRef>> {
        let mut stmt = self.0.prepare_cached(
            "SELECT t.id, t.name FROM agenda_item_topics at JOIN topics t ON t.id = at.topic_id
             WHERE at.agenda_item_id = ?1 ORDER BY t.name",
        )?;
        let rows = stmt.query_map([item_id], |r| {
            Ok(TopicRef {
                id: r.get(0)?,
                name: r.get(1)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every topic, by name.
    pub fn all_topics(&self) -> Result<Vec<TopicRef>> {
        let mut stmt = self
            .0
            .prepare_cached("SELECT id, name FROM topics ORDER BY name")?;
        let rows = stmt.query_map([], |r| {
            Ok(TopicRef {
                id: r.get(0)?,
                name: r.get(1)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Of these topic ids, the ones that do not exist.
    pub fn missing_topics(&self, ids: &[i64]) -> Result<Vec<i64>> {
        let mut stmt = self
            .0
            .prepare_cached("SELECT count(*) FROM topics WHERE id = ?1")?;
        let mut missing = Vec::new();
        for id in ids {
            if stmt.query_row([id], |r| r.get::<_, i64>(0))? == 0 {
                missing.push(*id);
            }
        }
        Ok(missing)
    }

    /// An agenda item's attachments, in the order added.
    pub fn attachments(&self, item_id: i64) -> Result<Vec<AttachmentInfo>> {
        let mut stmt = self.0.prepare_cached(
            "SELECT id, file_name, media_type, size FROM attachments WHERE agenda_item_id = ?1
             ORDER BY id",
        )?;
        let rows = stmt.query_map([item_id], |r| {
            Ok(AttachmentInfo {
                id: r.get(0)?,
                file_name: r.get(1)?,
                media_type: r.get(2)?,
                size: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// An attachment with its content.
    pub fn attachment(&self, id: i64) -> Result<(AttachmentInfo, Vec<u8>)> {
        super::by_id(
            self.0,
            "SELECT id, file_name, media_type, size, content FROM attachments WHERE id = ?1",
            id,
            "attachment",
            |r| {
                Ok((
                    AttachmentInfo {
                        id: r.get(0)?,
                        file_name: r.get(1)?,
                        media_type: r.get(2)?,
                        size: r.get(3)?,
                    },
                    r.get(4)?,
                ))
            },
        )
    }

    /// The PDF attachments of a session's agenda in agenda order, with their content: what the
    /// session file appends.
    pub fn pdf_attachments(&self, session_id: i64) -> Result<Vec<(String, Vec<u8>)>> {
        let mut stmt = self.0.prepare_cached(
            "SELECT a.file_name, a.content FROM attachments a
             JOIN agenda_items i ON i.id = a.agenda_item_id
             WHERE i.session_id = ?1 AND a.media_type = 'application/pdf'
             ORDER BY i.day, i.position, i.id, a.id",
        )?;
        let rows = stmt.query_map([session_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// A session's attendance list, by name, with days and sign-ups.
    pub fn attendance(&self, session_id: i64) -> Result<Vec<AttendanceEntry>> {
        let mut stmt = self.0.prepare_cached(
            "SELECT a.id, a.person_id, p.title, p.first_name, p.name_particle, p.last_name,
                a.organisation_id, o.name, p.email, a.status, a.represented_by,
                r.title, r.first_name, r.name_particle, r.last_name,
                a.joins_visit, a.joins_dinner, a.notes,
                (SELECT group_concat(d.day, ',') FROM
                    (SELECT day FROM attendance_days WHERE attendance_id = a.id ORDER BY day) d)
             FROM attendance a
             JOIN people p ON p.id = a.person_id
             LEFT JOIN organisations o ON o.id = a.organisation_id
             LEFT JOIN people r ON r.id = a.represented_by
             WHERE a.session_id = ?1",
        )?;
        let rows = stmt.query_map([session_id], |r| {
            decode("attendance", r, |r| {
                use crate::model::person::{full_name, list_name};
                let title: Option<String> = r.get(2)?;
                let first: String = r.get(3)?;
                let particle: Option<String> = r.get(4)?;
                let last: String = r.get(5)?;
                let rep_first: Option<String> = r.get(12)?;
                let rep_last: Option<String> = r.get(14)?;
                let rep_title: Option<String> = r.get(11)?;
                let rep_particle: Option<String> = r.get(13)?;
                let days: Option<String> = r.get(18)?;
                let days = days
                    .unwrap_or_default()
                    .split(',')
                    .filter_map(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
                    .collect();
                Ok(AttendanceEntry {
                    id: r.get(0)?,
                    person_id: r.get(1)?,
                    name: list_name(title.as_deref(), &first, particle.as_deref(), &last),
                    full_name: full_name(title.as_deref(), &first, particle.as_deref(), &last),
                    organisation_id: r.get(6)?,
                    organisation: r.get(7)?,
                    email: r.get(8)?,
                    status: r.get(9)?,
                    represented_by: r.get(10)?,
                    represented_by_name: match (rep_first, rep_last) {
                        (Some(f), Some(l)) => Some(full_name(
                            rep_title.as_deref(),
                            &f,
                            rep_particle.as_deref(),
                            &l,
                        )),
                        _ => None,
                    },
                    joins_visit: r.get(15)?,
                    joins_dinner: r.get(16)?,
                    days,
                    notes: r.get(17)?,
                })
            })
        })?;
        let mut entries: Vec<AttendanceEntry> = rows.collect::<rusqlite::Result<_>>()?;
        entries.sort_by_cached_key(|e| (crate::model::text::sort_key(&e.name), e.id));
        Ok(entries)
    }

    /// The session of an attendance record.
    pub fn attendance_session(&self, id: i64) -> Result<i64> {
        super::by_id(
            self.0,
            "SELECT session_id FROM attendance WHERE id = ?1",
            id,
            "attendance",
            |r| r.get(0),
        )
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
    /// Standing item.
    pub standing: bool,
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
                "UPDATE sessions SET description = ?2, registration_deadline = ?3 WHERE id = ?1",
                params![id, f.description, f.registration_deadline],
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
            registration_deadline: before.registration_deadline,
        };
        let at = self.w.at();
        self.w.conn().execute(
            "UPDATE sessions SET number = ?2, title = ?3, first_day = ?4, last_day = ?5,
                venue = ?6, address = ?7, host_organisation_id = ?8, description = ?9,
                updated_at = ?10, updated_by = ?11, registration_deadline = ?12
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
                self.w.user(),
                f.registration_deadline
            ],
        )?;
        self.w.mark_stale(Indexed::Session, id);
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

    /// Sets a session's registration deadline.
    pub fn set_registration_deadline(&mut self, id: i64, deadline: NaiveDate) -> Result<()> {
        self.w.set_column(
            ("sessions", "registration_deadline"),
            (Entity::Session, "session"),
            id,
            &deadline,
            Action::Update,
        )
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
        // Its agenda goes with it (ON DELETE CASCADE): their search entries too.
        for (item, _) in Sessions(self.w.conn()).agenda_order(id)? {
            self.w.mark_stale(Indexed::AgendaItem, item);
        }
        self.w.mark_stale(Indexed::Session, id);
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
                updated_by = ?11, standing = ?12
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
                self.w.user(),
                f.standing
            ],
        )?;
        if changed == 0 {
            return Err(Error::NotFound {
                entity: "agenda_item",
                id,
            });
        }
        if before.speakers != f.speakers {
            self.w.conn().execute(
                "DELETE FROM agenda_item_speakers WHERE agenda_item_id = ?1",
                [id],
            )?;
            self.insert_speakers(id, &f.speakers)?;
        }
        if before.topic_ids != f.topic_ids {
            self.w.conn().execute(
                "DELETE FROM agenda_item_topics WHERE agenda_item_id = ?1",
                [id],
            )?;
            self.insert_topics(id, &f.topic_ids)?;
        }
        self.w.mark_stale(Indexed::AgendaItem, id);
        self.w.audit(
            Entity::AgendaItem,
            Some(id),
            Action::Update,
            &changed_fields(&before, f),
        )
    }

    /// Deletes an agenda item.
    pub fn delete_agenda_item(&mut self, id: i64) -> Result<()> {
        self.w.mark_stale(Indexed::AgendaItem, id);
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
        self.w.mark_created(Indexed::Session, id);
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
                updated_by, standing)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?11, ?12, ?13)",
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
                self.w.user(),
                item.standing
            ],
        )?;
        let id = self.w.conn().last_insert_rowid();
        self.w.mark_created(Indexed::AgendaItem, id);
        self.w
            .audit(Entity::AgendaItem, Some(id), Action::Create, &[])?;
        Ok(id)
    }

    /// Writes an item's speakers (the item has none yet).
    pub fn insert_speakers(&mut self, item_id: i64, speakers: &[SpeakerFields]) -> Result<()> {
        for (position, speaker) in (1..).zip(speakers) {
            let (person, text) = match speaker {
                SpeakerFields::Person(id) => (Some(*id), None),
                SpeakerFields::Text(text) => (None, Some(text.as_str())),
            };
            self.w.conn().execute(
                "INSERT INTO agenda_item_speakers (agenda_item_id, position, person_id, free_text)
                 VALUES (?1, ?2, ?3, ?4)",
                params![item_id, position, person, text],
            )?;
        }
        Ok(())
    }

    /// Writes an item's topics (the item has none yet).
    pub fn insert_topics(&mut self, item_id: i64, topics: &[i64]) -> Result<()> {
        for topic in topics {
            self.w.conn().execute(
                "INSERT INTO agenda_item_topics (agenda_item_id, topic_id) VALUES (?1, ?2)",
                params![item_id, topic],
            )?;
        }
        Ok(())
    }

    /// Sets the start of a meeting day ("HH:MM").
    pub fn set_day_start(&mut self, session_id: i64, day: NaiveDate, start: &str) -> Result<()> {
        self.w.conn().execute(
            "INSERT INTO session_days (session_id, day, start_time) VALUES (?1, ?2, ?3)
             ON CONFLICT (session_id, day) DO UPDATE SET start_time = excluded.start_time",
            params![session_id, day, start],
        )?;
        self.w.audit(
            Entity::Session,
            Some(session_id),
            Action::Update,
            &["day_start"],
        )?;
        self.touch(session_id)
    }

    /// Drops the day starts of days the session no longer has.
    pub fn prune_day_starts(&mut self, session_id: i64) -> Result<()> {
        self.w.conn().execute(
            "DELETE FROM session_days WHERE session_id = ?1 AND (
                day < (SELECT first_day FROM sessions WHERE id = ?1)
                OR day > (SELECT last_day FROM sessions WHERE id = ?1))",
            [session_id],
        )?;
        Ok(())
    }

    /// Stores a file as an attachment of an agenda item.
    pub fn add_attachment(
        &mut self,
        item_id: i64,
        file_name: &str,
        media_type: &str,
        content: &[u8],
    ) -> Result<i64> {
        let at = self.w.at();
        self.w.conn().execute(
            "INSERT INTO attachments (agenda_item_id, file_name, media_type, size, content,
                created_at, created_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                item_id,
                file_name,
                media_type,
                i64::try_from(content.len()).unwrap_or(i64::MAX),
                content,
                at,
                self.w.user()
            ],
        )?;
        let id = self.w.conn().last_insert_rowid();
        self.w
            .audit(Entity::Attachment, Some(id), Action::Create, &[])?;
        self.w.audit(
            Entity::AgendaItem,
            Some(item_id),
            Action::Update,
            &["attachments"],
        )?;
        Ok(id)
    }

    /// Removes an attachment.
    pub fn delete_attachment(&mut self, id: i64) -> Result<()> {
        self.w
            .delete_row("attachments", Entity::Attachment, "attachment", id)
    }

    /// Overwrites an attendance record's status, substitute, sign-ups and notes.
    pub fn update_attendance(&mut self, id: i64, f: &AttendanceFields) -> Result<()> {
        let before: AttendanceFields = super::by_id(
            self.w.conn(),
            "SELECT id, status, represented_by, joins_visit, joins_dinner, notes
                 FROM attendance WHERE id = ?1",
            id,
            "attendance",
            |r| {
                decode("attendance", r, |r| {
                    Ok(AttendanceFields {
                        status: r.get(1)?,
                        represented_by: r.get(2)?,
                        joins_visit: r.get(3)?,
                        joins_dinner: r.get(4)?,
                        notes: r.get(5)?,
                    })
                })
            },
        )?;
        let at = self.w.at();
        self.w.conn().execute(
            "UPDATE attendance SET status = ?2, represented_by = ?3, joins_visit = ?4,
                joins_dinner = ?5, notes = ?6, updated_at = ?7, updated_by = ?8
             WHERE id = ?1",
            params![
                id,
                f.status,
                f.represented_by,
                f.joins_visit,
                f.joins_dinner,
                f.notes,
                at,
                self.w.user()
            ],
        )?;
        self.w.audit(
            Entity::Attendance,
            Some(id),
            Action::Update,
            &changed_fields(&before, f),
        )
    }

    /// Marks a person present or absent on a day (and sets the status the op decided).
    pub fn set_present(&mut self, id: i64, day: NaiveDate, present: bool) -> Result<()> {
        let changed = if present {
            self.w.conn().execute(
                "INSERT OR IGNORE INTO attendance_days (attendance_id, day) VALUES (?1, ?2)",
                params![id, day],
            )?
        } else {
            self.w.conn().execute(
                "DELETE FROM attendance_days WHERE attendance_id = ?1 AND day = ?2",
                params![id, day],
            )?
        };
        if changed > 0 {
            self.w
                .audit(Entity::Attendance, Some(id), Action::Update, &["days"])?;
        }
        Ok(())
    }

    /// Takes a person off a session's attendance list.
    pub fn delete_attendance(&mut self, id: i64) -> Result<()> {
        self.w
            .delete_row("attendance", Entity::Attendance, "attendance", id)
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
        self.w.mark_stale(Indexed::AgendaItem, agenda_item_id);
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
        self.w.mark_created(
            match kind {
                MinuteText::Note => Indexed::MinutesNote,
                MinuteText::Decision => Indexed::Decision,
            },
            id,
        );
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
        self.w.mark_created(Indexed::ActionItem, id);
        self.w
            .audit(Entity::ActionItem, Some(id), Action::Create, &[])?;
        Ok(id)
    }
}
