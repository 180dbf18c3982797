//! Reads for the PDF handouts: a session with its agenda, attendance and minutes, the practice
//! examples, the recommendations and the settings, as plain rows with names already joined.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row};

use super::decode;
use crate::error::{Error, Result};
use crate::model::content::ReleaseStatus;
use crate::model::person::{full_name, list_name};
use crate::model::session::{
    ActionStatus, AgendaKind, AttendanceStatus, MinutesStatus, SessionStatus,
};
use crate::model::settings::{LogoFile, LogoFormat, LEGACY_LOGO_PATH};

/// A session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionRow {
    /// Id.
    pub id: i64,
    /// Running number.
    pub number: i64,
    /// Title.
    pub title: String,
    /// First day.
    pub first_day: NaiveDate,
    /// Last day.
    pub last_day: NaiveDate,
    /// Venue.
    pub venue: Option<String>,
    /// Address.
    pub address: Option<String>,
    /// Host organisation's name.
    pub host: Option<String>,
    /// Status.
    pub status: SessionStatus,
    /// Registration deadline.
    pub registration_deadline: Option<NaiveDate>,
    /// The day starts the secretariat set ("HH:MM").
    pub day_starts: Vec<(NaiveDate, String)>,
}

impl SessionRow {
    /// When a meeting day starts.
    pub fn day_start(&self, day: NaiveDate) -> chrono::NaiveTime {
        crate::model::session::day_start(&self.day_starts, day)
    }

    /// Every meeting day, first to last.
    pub fn days(&self) -> Vec<NaiveDate> {
        self.first_day
            .iter_days()
            .take_while(|d| *d <= self.last_day)
            .collect()
    }
}

/// An agenda item with its speakers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgendaRow {
    /// Id.
    pub id: i64,
    /// Order.
    pub position: i64,
    /// Day.
    pub day: NaiveDate,
    /// "HH:MM".
    pub start_time: Option<String>,
    /// Duration.
    pub duration_minutes: Option<i64>,
    /// Kind.
    pub kind: AgendaKind,
    /// Title.
    pub title: String,
    /// Description.
    pub description: Option<String>,
    /// Place.
    pub place: Option<String>,
    /// Internal (not on the public agenda).
    pub internal: bool,
    /// Speakers: "Dr. Anna Schmidt (Stadt Jena)" or free text.
    pub speakers: Vec<String>,
    /// Standing item (kept in a copy).
    pub standing: bool,
}

impl Default for AgendaRow {
    fn default() -> Self {
        AgendaRow {
            id: 0,
            position: 0,
            day: NaiveDate::default(),
            start_time: None,
            duration_minutes: None,
            kind: AgendaKind::Talk,
            title: String::new(),
            description: None,
            place: None,
            internal: false,
            speakers: Vec::new(),
            standing: false,
        }
    }
}

/// A person's attendance of a session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttendanceRow {
    /// Person id.
    pub person_id: i64,
    /// "Schmidt, Anna, Dr." (list form).
    pub list_name: String,
    /// "Dr. Anna Schmidt".
    pub full_name: String,
    /// Function.
    pub function: Option<String>,
    /// Organisation the person attends for.
    pub organisation: Option<String>,
    /// Status.
    pub status: AttendanceStatus,
    /// The substitute's full name.
    pub represented_by: Option<String>,
    /// Days present.
    pub days: Vec<NaiveDate>,
}

/// The current version of a session's minutes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MinutesRow {
    /// Id.
    pub id: i64,
    /// Version.
    pub version: i64,
    /// Status.
    pub status: MinutesStatus,
    /// Recorder's full name.
    pub recorder: Option<String>,
    /// Sent on.
    pub sent_on: Option<NaiveDate>,
    /// Approved on.
    pub approved_on: Option<NaiveDate>,
    /// Number of the approving session.
    pub approved_at_session: Option<i64>,
    /// Approved by written procedure.
    pub written: bool,
    /// "Genehmigt mit Änderungen": the changes.
    pub approved_with_changes: Option<String>,
    /// The replies of a written procedure.
    pub written_replies: Option<String>,
    /// Why this version corrects the previous one.
    pub correction_reason: Option<String>,
    /// When this version was created (a correction's date).
    pub created_on: Option<NaiveDate>,
}

/// A note or decision of the minutes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MinuteTextRow {
    /// Agenda item it belongs to.
    pub agenda_item_id: Option<i64>,
    /// Text.
    pub text: String,
}

/// An action item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionRow {
    /// Agenda item it belongs to.
    pub agenda_item_id: Option<i64>,
    /// What.
    pub text: String,
    /// Who: a person's full name or free text.
    pub assignee: Option<String>,
    /// Due.
    pub due_date: Option<NaiveDate>,
    /// Status.
    pub status: ActionStatus,
    /// Done on.
    pub done_on: Option<NaiveDate>,
}

/// Minutes with their texts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MinutesContent {
    /// The minutes record.
    pub minutes: MinutesRow,
    /// Notes in order.
    pub notes: Vec<MinuteTextRow>,
    /// Decisions in order.
    pub decisions: Vec<MinuteTextRow>,
    /// Action items in order.
    pub action_items: Vec<ActionRow>,
}

/// A practice example.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PracticeExampleRow {
    /// Id.
    pub id: i64,
    /// Title.
    pub title: String,
    /// Organisation's name.
    pub organisation: Option<String>,
    /// Contact person: full name.
    pub contact: Option<String>,
    /// Contact's e-mail.
    pub contact_email: Option<String>,
    /// Summary.
    pub summary: Option<String>,
    /// Body.
    pub body: Option<String>,
    /// Target groups.
    pub target_groups: Option<String>,
    /// Since.
    pub since: Option<NaiveDate>,
    /// Link.
    pub link: Option<String>,
    /// How far it is released (only released ones go into the brochure).
    pub release_status: ReleaseStatus,
    /// Topic names, in the order the topics were defined (the first is the main one).
    pub topics: Vec<String>,
}

/// A recommendation in its current version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecommendationRow {
    /// Its first topic's name (the recommendations document groups by it).
    pub topic: String,
    /// Version of the text.
    pub version: i64,
    /// Title.
    pub title: String,
    /// Body.
    pub body: String,
    /// Number of the adopting session.
    pub adopted_at_session: Option<i64>,
    /// First day of the adopting session.
    pub adopted_on: Option<NaiveDate>,
    /// Published on.
    pub published_on: Option<NaiveDate>,
}

/// The full and the list name of a person read from four columns from `first` on (title, first
/// name, particle, last name); `None` when the person column is NULL (a LEFT JOIN found none).
pub(crate) fn name_from(row: &Row<'_>, first: usize) -> rusqlite::Result<Option<(String, String)>> {
    let title: Option<String> = row.get(first)?;
    let first_name: Option<String> = row.get(first + 1)?;
    let particle: Option<String> = row.get(first + 2)?;
    let last_name: Option<String> = row.get(first + 3)?;
    Ok(match (first_name, last_name) {
        (Some(f), Some(l)) => Some((
            full_name(title.as_deref(), &f, particle.as_deref(), &l),
            list_name(title.as_deref(), &f, particle.as_deref(), &l),
        )),
        _ => None,
    })
}

/// The stored logo, if any.
pub(super) fn logo(conn: &Connection) -> Result<Option<LogoFile>> {
    let row = conn
        .query_row(
            "SELECT media_type, width, height, content FROM logo WHERE id = 1",
            [],
            |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, u32>(1)?,
                    r.get::<_, u32>(2)?,
                    r.get::<_, Vec<u8>>(3)?,
                ))
            },
        )
        .optional()?;
    let Some((media_type, width, height, bytes)) = row else {
        return Ok(None);
    };
    let format = LogoFormat::from_media_type(&media_type).ok_or_else(|| Error::Corrupt {
        table: "logo",
        row: 1,
        column: "media_type".to_owned(),
        what: "Bildformat".to_owned(),
        value: media_type.clone(),
    })?;
    Ok(Some(LogoFile {
        format,
        width,
        height,
        bytes,
    }))
}

/// Migration V5's hook: a logo path an older Zirkel stored in the setting `logo` is read into the
/// `logo` table when the file is still there and a usable image; the path setting goes either
/// way, since no PDF reads a file at print time any more (an unreadable file left the letterhead
/// without logo; it now shows the default logo). Nothing about the file is logged: its path may
/// name the user.
pub(super) fn adopt_legacy_logo(conn: &Connection) -> Result<()> {
    let path: Option<String> = conn
        .query_row(
            "SELECT value FROM settings WHERE key = ?1",
            [LEGACY_LOGO_PATH],
            |r| r.get(0),
        )
        .optional()?;
    let Some(path) = path.filter(|p| !p.trim().is_empty()) else {
        return Ok(());
    };
    match std::fs::read(path.trim())
        .map_err(|e| e.to_string())
        .and_then(|bytes| crate::pdf::inspect_logo("logo", bytes).map_err(|e| e.message))
    {
        Ok(logo) => {
            conn.execute(
                "INSERT INTO logo (id, media_type, width, height, content, updated_at, updated_by)
                 VALUES (1, ?1, ?2, ?3, ?4, datetime('now', 'localtime'), 'Zirkel')",
                params![
                    logo.format.media_type(),
                    logo.width,
                    logo.height,
                    logo.bytes
                ],
            )?;
        }
        Err(_) => log::warn!("the logo file of the old settings is unusable; default logo"),
    }
    conn.execute("DELETE FROM settings WHERE key = ?1", [LEGACY_LOGO_PATH])?;
    Ok(())
}

/// Reads for the documents.
#[derive(Clone, Copy)]
pub struct Documents<'a>(pub(super) &'a Connection);

impl Documents<'_> {
    /// All settings as a map.
    pub fn settings(&self) -> Result<HashMap<String, String>> {
        let conn = self.0;
        let mut statement = conn.prepare("SELECT key, value FROM settings")?;
        let rows = statement.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The logo the user chose, if any (else the letterhead shows the default logo).
    pub fn logo(&self) -> Result<Option<LogoFile>> {
        logo(self.0)
    }

    /// The session with this running number.
    pub fn session(&self, number: i64) -> Result<SessionRow> {
        let conn = self.0;
        conn.query_row(
            "SELECT s.id, s.number, s.title, s.first_day, s.last_day, s.venue, s.address, o.name,
                s.status, s.registration_deadline
         FROM sessions s LEFT JOIN organisations o ON o.id = s.host_organisation_id
         WHERE s.number = ?1",
            [number],
            |r| {
                decode("sessions", r, |r| {
                    Ok(SessionRow {
                        id: r.get(0)?,
                        number: r.get(1)?,
                        title: r.get(2)?,
                        first_day: r.get(3)?,
                        last_day: r.get(4)?,
                        venue: r.get(5)?,
                        address: r.get(6)?,
                        host: r.get(7)?,
                        status: r.get(8)?,
                        registration_deadline: r.get(9)?,
                        day_starts: Vec::new(),
                    })
                })
            },
        )
        .optional()?
        .ok_or(Error::NotFound {
            entity: "session",
            id: number,
        })
        .and_then(|mut row| {
            row.day_starts = super::sessions::Sessions(conn).day_starts(row.id)?;
            Ok(row)
        })
    }

    /// The agenda of a session in order, with speakers.
    pub fn agenda(&self, session_id: i64) -> Result<Vec<AgendaRow>> {
        let conn = self.0;
        let mut statement = conn.prepare(
        "SELECT id, position, day, start_time, duration_minutes, kind, title, description, place,
                internal, standing
         FROM agenda_items WHERE session_id = ?1 ORDER BY day, position, id",
    )?;
        let mut items: Vec<AgendaRow> = statement
            .query_map([session_id], |r| {
                decode("agenda_items", r, |r| {
                    Ok(AgendaRow {
                        id: r.get(0)?,
                        position: r.get(1)?,
                        day: r.get(2)?,
                        start_time: r.get(3)?,
                        duration_minutes: r.get(4)?,
                        kind: r.get(5)?,
                        title: r.get(6)?,
                        description: r.get(7)?,
                        place: r.get(8)?,
                        internal: r.get(9)?,
                        standing: r.get(10)?,
                        speakers: Vec::new(),
                    })
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut speakers = conn.prepare(
            "SELECT sp.free_text, p.title, p.first_name, p.name_particle, p.last_name,
                (SELECT o.name FROM attendance a JOIN organisations o ON o.id = a.organisation_id
                 WHERE a.person_id = p.id AND a.session_id = ?2)
         FROM agenda_item_speakers sp LEFT JOIN people p ON p.id = sp.person_id
         WHERE sp.agenda_item_id = ?1 ORDER BY sp.position",
        )?;
        for item in &mut items {
            item.speakers = speakers
                .query_map(params![item.id, session_id], |r| {
                    let free: Option<String> = r.get(0)?;
                    let organisation: Option<String> = r.get(5)?;
                    Ok(match (name_from(r, 1)?, free) {
                        (Some((name, _)), _) => match organisation {
                            Some(o) => format!("{name} ({o})"),
                            None => name,
                        },
                        (None, Some(free)) => free,
                        (None, None) => String::new(),
                    })
                })?
                .collect::<rusqlite::Result<_>>()?;
        }
        Ok(items)
    }

    /// Attendance of a session, sorted by last and first name (German order).
    pub fn attendance(&self, session_id: i64) -> Result<Vec<AttendanceRow>> {
        let conn = self.0;
        let mut statement = conn.prepare(
            "SELECT a.id, p.id, p.title, p.first_name, p.name_particle, p.last_name, p.function,
                o.name, a.status, r.title, r.first_name, r.name_particle, r.last_name
         FROM attendance a
         JOIN people p ON p.id = a.person_id
         LEFT JOIN organisations o ON o.id = a.organisation_id
         LEFT JOIN people r ON r.id = a.represented_by
         WHERE a.session_id = ?1",
        )?;
        let mut days = conn.prepare(
            "SELECT attendance_id, day FROM attendance_days WHERE attendance_id = ?1 ORDER BY day",
        )?;
        let mut rows = Vec::new();
        let mut sort_keys = Vec::new();
        let raw: Vec<(i64, AttendanceRow, String)> = statement
            .query_map([session_id], |r| {
                decode("attendance", r, |r| {
                    let (full, list) = name_from(r, 2)?.unwrap_or_default();
                    let last: String = r.get(5)?;
                    let first: String = r.get(3)?;
                    Ok((
                        r.get(0)?,
                        AttendanceRow {
                            person_id: r.get(1)?,
                            list_name: list,
                            full_name: full,
                            function: r.get(6)?,
                            organisation: r.get(7)?,
                            status: r.get(8)?,
                            represented_by: name_from(r, 9)?.map(|(full, _)| full),
                            days: Vec::new(),
                        },
                        format!(
                            "{}\u{1}{}",
                            crate::model::text::sort_key(&last),
                            crate::model::text::sort_key(&first)
                        ),
                    ))
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        for (attendance_id, mut row, key) in raw {
            row.days = days
                .query_map([attendance_id], |r| {
                    decode("attendance_days", r, |r| r.get::<_, NaiveDate>(1))
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            rows.push(row);
            sort_keys.push(key);
        }
        let mut order: Vec<usize> = (0..rows.len()).collect();
        order.sort_by(|a, b| sort_keys[*a].cmp(&sort_keys[*b]));
        Ok(order.into_iter().map(|i| rows[i].clone()).collect())
    }

    /// The current version of a session's minutes with notes, decisions and action items, if any.
    pub fn minutes(&self, session_id: i64) -> Result<Option<MinutesContent>> {
        self.minutes_version(session_id, None)
    }

    /// Action items still open from sessions before `first_day`, with their session's number:
    /// the "Bericht: offene Aufgaben" of the next agenda.
    pub fn open_actions_before(&self, first_day: NaiveDate) -> Result<Vec<(i64, ActionRow)>> {
        let today = chrono::Local::now().date_naive();
        Ok(super::minutes::Minutes(self.0)
            .open_before(first_day, today)?
            .into_iter()
            .map(|a| {
                (
                    a.session_number,
                    ActionRow {
                        agenda_item_id: a.agenda_item_id,
                        text: a.text,
                        assignee: a.assignee,
                        due_date: a.due_date,
                        status: a.status,
                        done_on: a.done_on,
                    },
                )
            })
            .collect())
    }

    /// One version of a session's minutes (the current one for `None`) with its texts.
    pub fn minutes_version(
        &self,
        session_id: i64,
        version: Option<i64>,
    ) -> Result<Option<MinutesContent>> {
        let conn = self.0;
        let minutes = conn
            .query_row(
                "SELECT m.id, m.version, m.status, p.title, p.first_name, p.name_particle,
                    p.last_name, m.sent_on, m.approved_on, s.number, m.approval_kind,
                    m.approved_with_changes, m.correction_reason, substr(m.created_at, 1, 10),
                    m.written_replies
             FROM minutes m
             LEFT JOIN people p ON p.id = m.recorder_id
             LEFT JOIN sessions s ON s.id = m.approved_at_session_id
             WHERE m.session_id = ?1 AND (m.version = ?2 OR (?2 IS NULL AND m.is_current = 1))",
                params![session_id, version],
                |r| {
                    decode("minutes", r, |r| {
                        Ok(MinutesRow {
                            id: r.get(0)?,
                            version: r.get(1)?,
                            status: r.get(2)?,
                            recorder: name_from(r, 3)?.map(|(full, _)| full),
                            sent_on: r.get(7)?,
                            approved_on: r.get(8)?,
                            approved_at_session: r.get(9)?,
                            written: r.get::<_, Option<String>>(10)?.as_deref() == Some("written"),
                            approved_with_changes: r.get(11)?,
                            correction_reason: r.get(12)?,
                            created_on: r.get(13)?,
                            written_replies: r.get(14)?,
                        })
                    })
                },
            )
            .optional()?;
        let Some(minutes) = minutes else {
            return Ok(None);
        };
        let texts = |table: &str| -> Result<Vec<MinuteTextRow>> {
            let mut statement = conn.prepare(&format!(
            "SELECT agenda_item_id, text FROM {table} WHERE minutes_id = ?1 ORDER BY position, id"
        ))?;
            let rows = statement.query_map([minutes.id], |r| {
                Ok(MinuteTextRow {
                    agenda_item_id: r.get(0)?,
                    text: r.get(1)?,
                })
            })?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        };
        let notes = texts("minute_notes")?;
        // A decision with its vote counts, as the minutes print it.
        let mut statement = conn.prepare(
            "SELECT agenda_item_id, text, votes_yes, votes_no, votes_abstain FROM decisions
             WHERE minutes_id = ?1 ORDER BY position, id",
        )?;
        let decisions = statement
            .query_map([minutes.id], |r| {
                let votes: Vec<String> = [(2, "Ja"), (3, "Nein"), (4, "Enthaltungen")]
                    .into_iter()
                    .filter_map(|(column, label)| {
                        r.get::<_, Option<i64>>(column)
                            .ok()
                            .flatten()
                            .map(|n| format!("{label}: {n}"))
                    })
                    .collect();
                let text: String = r.get(1)?;
                Ok(MinuteTextRow {
                    agenda_item_id: r.get(0)?,
                    text: if votes.is_empty() {
                        text
                    } else {
                        format!("{text} ({})", votes.join(", "))
                    },
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut statement = conn.prepare(
            "SELECT a.id, a.agenda_item_id, a.text, a.assignee_text, p.title, p.first_name,
                p.name_particle, p.last_name, a.due_date, a.status, a.done_on, o.name
         FROM action_items a
         LEFT JOIN people p ON p.id = a.assignee_id
         LEFT JOIN organisations o ON o.id = a.assignee_organisation_id
         WHERE a.session_id = ?1 ORDER BY a.position, a.id",
        )?;
        let action_items = statement
            .query_map([session_id], |r| {
                decode("action_items", r, |r| {
                    let free: Option<String> = r.get(3)?;
                    let organisation: Option<String> = r.get(11)?;
                    Ok(ActionRow {
                        agenda_item_id: r.get(1)?,
                        text: r.get(2)?,
                        assignee: name_from(r, 4)?
                            .map(|(full, _)| full)
                            .or(organisation)
                            .or(free),
                        due_date: r.get(8)?,
                        status: r.get(9)?,
                        done_on: r.get(10)?,
                    })
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(Some(MinutesContent {
            minutes,
            notes,
            decisions,
            action_items,
        }))
    }

    /// Practice examples with their topics, by title.
    pub fn practice_examples(&self) -> Result<Vec<PracticeExampleRow>> {
        let conn = self.0;
        let mut statement = conn.prepare(
            "SELECT e.id, e.title, o.name, p.title, p.first_name, p.name_particle, p.last_name,
                p.email, e.summary, e.body, e.target_groups, e.since, e.link, e.release_status
         FROM practice_examples e
         LEFT JOIN organisations o ON o.id = e.organisation_id
         -- An anonymised contact is left out: the brochure names no \"ehemaliges Mitglied\".
         LEFT JOIN people p ON p.id = e.contact_person_id AND p.anonymised_at IS NULL
         ORDER BY e.brochure_position IS NULL, e.brochure_position, e.title",
        )?;
        let mut examples: Vec<PracticeExampleRow> = statement
            .query_map([], |r| {
                decode("practice_examples", r, |r| {
                    Ok(PracticeExampleRow {
                        id: r.get(0)?,
                        title: r.get(1)?,
                        organisation: r.get(2)?,
                        contact: name_from(r, 3)?.map(|(full, _)| full),
                        contact_email: r.get(7)?,
                        summary: r.get(8)?,
                        body: r.get(9)?,
                        target_groups: r.get(10)?,
                        since: r.get(11)?,
                        link: r.get(12)?,
                        release_status: r.get(13)?,
                        topics: Vec::new(),
                    })
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut topics = conn.prepare(
            "SELECT t.name FROM practice_example_topics pt JOIN topics t ON t.id = pt.topic_id
         WHERE pt.practice_example_id = ?1 ORDER BY t.id",
        )?;
        for example in &mut examples {
            example.topics = topics
                .query_map([example.id], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
        }
        Ok(examples)
    }

    /// Recommendations by topic (in the order the topics were defined), then adoption: each in
    /// its latest adopted version; one that was never adopted is not published.
    pub fn recommendations(&self) -> Result<Vec<RecommendationRow>> {
        let conn = self.0;
        let mut statement = conn.prepare(
            "SELECT r.id, t.name, r.title, v.version, v.body, s.number, s.first_day, v.published_on
         FROM recommendations r
         JOIN recommendation_versions v ON v.recommendation_id = r.id
              AND v.version = (SELECT max(version) FROM recommendation_versions
                               WHERE recommendation_id = r.id AND status = 'adopted')
         JOIN topics t ON t.id = (SELECT min(topic_id) FROM recommendation_topics
                                  WHERE recommendation_id = r.id)
         LEFT JOIN sessions s ON s.id = v.adopted_at_session_id
         ORDER BY t.id, s.number, r.title",
        )?;
        let rows = statement.query_map([], |r| {
            decode("recommendations", r, |r| {
                Ok(RecommendationRow {
                    topic: r.get(1)?,
                    title: r.get(2)?,
                    version: r.get(3)?,
                    body: r.get(4)?,
                    adopted_at_session: r.get(5)?,
                    adopted_on: r.get(6)?,
                    published_on: r.get(7)?,
                })
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Whether each person consents to appear on shared lists.
    pub fn consents(&self) -> Result<HashMap<i64, bool>> {
        let conn = self.0;
        let mut statement = conn.prepare("SELECT id, consent_shared_lists FROM people")?;
        let rows = statement.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
