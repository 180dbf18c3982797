//! Reads and writes for data protection: every row that names a person (for the report of
//! DSGVO Art. 15), the texts that may mention them, the anonymisation of their record (Art. 17),
//! the former members the retention rule offers, and the audit log screen.
//!
//! Which texts are searched is the list [`TEXTS`]; a test in `tests/integration/privacy.rs`
//! compares a report with a scan of every text column of the schema, so a new column that can
//! hold a name fails it until it is listed here.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};

use super::audit::{Action, Entity};
use super::{parse_time, Indexed, Writer};
use crate::error::Result;
use crate::model::privacy::{
    AuditFilter, AuditPage, AuditRow, RecordKept, ReportActionItem, ReportAttendance,
    ReportAuditEntry, ReportMandate, ReportMinutes, ReportPracticeExample, ReportSpeaker,
    RetentionCandidate, RowRef,
};
use crate::model::{ActionStatus, AttendanceStatus, MinutesStatus, ReleaseStatus, Role, Stored};

/// What anonymising does with a text column's mentions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scrub {
    /// Free text: mentions are replaced.
    Prose,
    /// A name, address or setting of something else ("Willy-Brandt-Straße", the signature
    /// line): listed in the report, left for the user.
    Keep,
}

/// A text column that may mention a person.
#[derive(Debug, Clone, Copy)]
pub struct TextColumn {
    /// Table.
    pub table: &'static str,
    /// Column.
    pub column: &'static str,
    /// Replace mentions or only report them.
    pub scrub: Scrub,
    /// The rows: `rowid, text, place (German), record (part of approved minutes), id of the
    /// search entry it feeds (NULL for none)`.
    sql: &'static str,
    /// The search entries the text feeds.
    search: Option<Indexed>,
    /// The table has `updated_at` / `updated_by`.
    stamped: bool,
}

/// One stored text.
#[derive(Debug, Clone)]
pub struct StoredText {
    /// Where.
    pub column: &'static TextColumn,
    /// The row.
    pub rowid: i64,
    /// The text.
    pub text: String,
    /// Where a user finds it, in German.
    pub place: String,
    /// Part of approved minutes (never changed).
    pub record: bool,
    search_id: Option<i64>,
}

macro_rules! minutes_text {
    ($column:literal, $label:literal) => {
        TextColumn {
            table: "minutes",
            column: $column,
            scrub: Scrub::Prose,
            sql: concat!(
                "SELECT m.id, m.",
                $column,
                ", 'Protokoll der ' || s.number || '. Sitzung (Fassung ' || m.version || '), ",
                $label,
                "', m.status = 'approved', NULL FROM minutes m JOIN sessions s ON s.id = m.session_id"
            ),
            search: None,
            stamped: true,
        }
    };
}

/// Every text column that may hold a person's name, e-mail or phone number.
pub static TEXTS: &[TextColumn] = &[
    TextColumn {
        table: "people",
        column: "notes",
        scrub: Scrub::Prose,
        sql: "SELECT id, notes, 'Notizen zu ' || trim(first_name || ' ' || last_name), 0, id FROM people",
        search: Some(Indexed::Person),
        stamped: true,
    },
    TextColumn {
        table: "people",
        column: "street",
        scrub: Scrub::Keep,
        sql: "SELECT id, street, 'Anschrift von ' || trim(first_name || ' ' || last_name), 0, NULL FROM people",
        search: None,
        stamped: true,
    },
    TextColumn {
        table: "people",
        column: "city",
        scrub: Scrub::Keep,
        sql: "SELECT id, city, 'Ort von ' || trim(first_name || ' ' || last_name), 0, NULL FROM people",
        search: None,
        stamped: true,
    },
    TextColumn {
        table: "organisations",
        column: "name",
        scrub: Scrub::Keep,
        sql: "SELECT id, name, 'Name der Organisation', 0, NULL FROM organisations",
        search: None,
        stamped: true,
    },
    TextColumn {
        table: "organisations",
        column: "street",
        scrub: Scrub::Keep,
        sql: "SELECT id, street, 'Anschrift: ' || name, 0, NULL FROM organisations",
        search: None,
        stamped: true,
    },
    TextColumn {
        table: "organisations",
        column: "city",
        scrub: Scrub::Keep,
        sql: "SELECT id, city, 'Ort: ' || name, 0, NULL FROM organisations",
        search: None,
        stamped: true,
    },
    TextColumn {
        table: "organisations",
        column: "website",
        scrub: Scrub::Keep,
        sql: "SELECT id, website, 'Website: ' || name, 0, NULL FROM organisations",
        search: None,
        stamped: true,
    },
    TextColumn {
        table: "organisations",
        column: "notes",
        scrub: Scrub::Prose,
        sql: "SELECT id, notes, 'Notizen: ' || name, 0, id FROM organisations",
        search: None,
        stamped: true,
    },
    TextColumn {
        table: "mandates",
        column: "notes",
        scrub: Scrub::Prose,
        sql: "SELECT m.id, m.notes, 'Mandat bei ' || o.name, 0, NULL FROM mandates m
              JOIN organisations o ON o.id = m.organisation_id",
        search: None,
        stamped: true,
    },
    TextColumn {
        table: "topics",
        column: "name",
        scrub: Scrub::Keep,
        sql: "SELECT id, name, 'Themenfeld', 0, NULL FROM topics",
        search: None,
        stamped: true,
    },
    TextColumn {
        table: "topics",
        column: "description",
        scrub: Scrub::Prose,
        sql: "SELECT id, description, 'Themenfeld ' || name, 0, id FROM topics",
        search: Some(Indexed::Topic),
        stamped: true,
    },
    TextColumn {
        table: "sessions",
        column: "title",
        scrub: Scrub::Keep,
        sql: "SELECT id, title, number || '. Sitzung, Titel', 0, NULL FROM sessions",
        search: None,
        stamped: true,
    },
    TextColumn {
        table: "sessions",
        column: "venue",
        scrub: Scrub::Keep,
        sql: "SELECT id, venue, number || '. Sitzung, Tagungsort', 0, NULL FROM sessions",
        search: None,
        stamped: true,
    },
    TextColumn {
        table: "sessions",
        column: "address",
        scrub: Scrub::Keep,
        sql: "SELECT id, address, number || '. Sitzung, Anschrift', 0, NULL FROM sessions",
        search: None,
        stamped: true,
    },
    TextColumn {
        table: "sessions",
        column: "description",
        scrub: Scrub::Prose,
        sql: "SELECT id, description, number || '. Sitzung, Beschreibung', 0, id FROM sessions",
        search: Some(Indexed::Session),
        stamped: true,
    },
    TextColumn {
        table: "agenda_items",
        column: "title",
        scrub: Scrub::Prose,
        sql: "SELECT i.id, i.title, s.number || '. Sitzung, Tagesordnung', 0, i.id
              FROM agenda_items i JOIN sessions s ON s.id = i.session_id",
        search: Some(Indexed::AgendaItem),
        stamped: true,
    },
    TextColumn {
        table: "agenda_items",
        column: "description",
        scrub: Scrub::Prose,
        sql: "SELECT i.id, i.description, s.number || '. Sitzung, TOP „' || i.title || '“', 0, i.id
              FROM agenda_items i JOIN sessions s ON s.id = i.session_id",
        search: Some(Indexed::AgendaItem),
        stamped: true,
    },
    TextColumn {
        table: "agenda_items",
        column: "place",
        scrub: Scrub::Keep,
        sql: "SELECT i.id, i.place, s.number || '. Sitzung, Ort des TOP „' || i.title || '“', 0, NULL
              FROM agenda_items i JOIN sessions s ON s.id = i.session_id",
        search: None,
        stamped: true,
    },
    TextColumn {
        table: "agenda_item_speakers",
        column: "free_text",
        scrub: Scrub::Prose,
        sql: "SELECT sp.id, sp.free_text, s.number || '. Sitzung, Vortragende zu „' || i.title || '“', 0,
                i.id
              FROM agenda_item_speakers sp JOIN agenda_items i ON i.id = sp.agenda_item_id
              JOIN sessions s ON s.id = i.session_id",
        search: Some(Indexed::AgendaItem),
        stamped: false,
    },
    TextColumn {
        table: "attendance",
        column: "notes",
        scrub: Scrub::Prose,
        sql: "SELECT a.id, a.notes, s.number || '. Sitzung, Notiz zur Teilnahme', 0, NULL
              FROM attendance a JOIN sessions s ON s.id = a.session_id",
        search: None,
        stamped: true,
    },
    minutes_text!("approved_with_changes", "Änderungen bei der Genehmigung"),
    minutes_text!("written_replies", "Rückmeldungen im Umlaufverfahren"),
    minutes_text!("correction_reason", "Grund der Berichtigung"),
    TextColumn {
        table: "minutes",
        column: "record_text",
        scrub: Scrub::Keep,
        sql: "SELECT m.id, m.record_text, 'Protokoll der ' || s.number || '. Sitzung (Fassung '
                || m.version || '), genehmigter Text', 1, NULL
              FROM minutes m JOIN sessions s ON s.id = m.session_id",
        search: None,
        stamped: true,
    },
    TextColumn {
        table: "minute_notes",
        column: "text",
        scrub: Scrub::Prose,
        sql: "SELECT n.id, n.text, 'Protokoll der ' || s.number || '. Sitzung (Fassung ' || m.version
                || '), Notiz', m.status = 'approved', n.id
              FROM minute_notes n JOIN minutes m ON m.id = n.minutes_id
              JOIN sessions s ON s.id = m.session_id",
        search: Some(Indexed::MinutesNote),
        stamped: true,
    },
    TextColumn {
        table: "decisions",
        column: "text",
        scrub: Scrub::Prose,
        sql: "SELECT d.id, d.text, 'Protokoll der ' || s.number || '. Sitzung (Fassung ' || m.version
                || '), Beschluss', m.status = 'approved', d.id
              FROM decisions d JOIN minutes m ON m.id = d.minutes_id
              JOIN sessions s ON s.id = m.session_id",
        search: Some(Indexed::Decision),
        stamped: true,
    },
    TextColumn {
        table: "action_items",
        column: "text",
        scrub: Scrub::Prose,
        sql: "SELECT a.id, a.text, 'Aufgabe aus der ' || s.number || '. Sitzung', 0, a.id
              FROM action_items a JOIN sessions s ON s.id = a.session_id",
        search: Some(Indexed::ActionItem),
        stamped: true,
    },
    TextColumn {
        table: "action_items",
        column: "assignee_text",
        scrub: Scrub::Prose,
        sql: "SELECT a.id, a.assignee_text, 'Zuständig für eine Aufgabe aus der ' || s.number
                || '. Sitzung', 0, a.id
              FROM action_items a JOIN sessions s ON s.id = a.session_id",
        search: Some(Indexed::ActionItem),
        stamped: true,
    },
    TextColumn {
        table: "practice_examples",
        column: "title",
        scrub: Scrub::Prose,
        sql: "SELECT id, title, 'Praxisbeispiel, Titel', 0, id FROM practice_examples",
        search: Some(Indexed::PracticeExample),
        stamped: true,
    },
    TextColumn {
        table: "practice_examples",
        column: "summary",
        scrub: Scrub::Prose,
        sql: "SELECT id, summary, 'Praxisbeispiel „' || title || '“, Kurzfassung', 0, id
              FROM practice_examples",
        search: Some(Indexed::PracticeExample),
        stamped: true,
    },
    TextColumn {
        table: "practice_examples",
        column: "body",
        scrub: Scrub::Prose,
        sql: "SELECT id, body, 'Praxisbeispiel „' || title || '“, Text', 0, id FROM practice_examples",
        search: Some(Indexed::PracticeExample),
        stamped: true,
    },
    TextColumn {
        table: "practice_examples",
        column: "target_groups",
        scrub: Scrub::Prose,
        sql: "SELECT id, target_groups, 'Praxisbeispiel „' || title || '“, Zielgruppen', 0, id
              FROM practice_examples",
        search: Some(Indexed::PracticeExample),
        stamped: true,
    },
    TextColumn {
        table: "practice_examples",
        column: "link",
        scrub: Scrub::Keep,
        sql: "SELECT id, link, 'Praxisbeispiel „' || title || '“, Link', 0, NULL FROM practice_examples",
        search: None,
        stamped: true,
    },
    TextColumn {
        table: "recommendations",
        column: "title",
        scrub: Scrub::Prose,
        sql: "SELECT id, title, 'Handlungsempfehlung, Titel', 0, id FROM recommendations",
        search: Some(Indexed::Recommendation),
        stamped: true,
    },
    TextColumn {
        table: "recommendation_versions",
        column: "body",
        scrub: Scrub::Prose,
        sql: "SELECT v.id, v.body, 'Handlungsempfehlung „' || r.title || '“, Fassung ' || v.version,
                0, r.id
              FROM recommendation_versions v JOIN recommendations r ON r.id = v.recommendation_id",
        search: Some(Indexed::Recommendation),
        stamped: true,
    },
    TextColumn {
        table: "recommendation_versions",
        column: "change_note",
        scrub: Scrub::Prose,
        sql: "SELECT v.id, v.change_note, 'Handlungsempfehlung „' || r.title || '“, Änderungsnotiz '
                || v.version, 0, NULL
              FROM recommendation_versions v JOIN recommendations r ON r.id = v.recommendation_id",
        search: None,
        stamped: true,
    },
    TextColumn {
        table: "settings",
        column: "value",
        scrub: Scrub::Keep,
        sql: "SELECT rowid, value, 'Einstellungen (' || key || ')', 0, NULL FROM settings",
        search: None,
        stamped: false,
    },
    TextColumn {
        table: "attachments",
        column: "file_name",
        scrub: Scrub::Keep,
        sql: "SELECT a.id, a.file_name, s.number || '. Sitzung, Anlage zu „' || i.title || '“', 0, NULL
              FROM attachments a JOIN agenda_items i ON i.id = a.agenda_item_id
              JOIN sessions s ON s.id = i.session_id",
        search: None,
        stamped: false,
    },
];

/// Columns that refer to a person by id (besides `people.id`).
pub const REFERENCES: &[(&str, &str)] = &[
    ("mandates", "person_id"),
    ("agenda_item_speakers", "person_id"),
    ("attendance", "person_id"),
    ("attendance", "represented_by"),
    ("minutes", "recorder_id"),
    ("action_items", "assignee_id"),
    ("practice_examples", "contact_person_id"),
];

fn row(table: &str, id: i64) -> RowRef {
    RowRef {
        table: table.to_owned(),
        id,
    }
}

fn name_sql(alias: &str) -> String {
    format!(
        "CASE WHEN {alias}.id IS NULL THEN NULL ELSE concat_ws(' ', {alias}.title, \
         nullif({alias}.first_name, ''), {alias}.name_particle, {alias}.last_name) END"
    )
}

/// Data-protection reads.
#[derive(Clone, Copy)]
pub struct Privacy<'a>(pub(super) &'a Connection);

impl Privacy<'_> {
    /// The anonymised people as (id, created_at): what a restore re-applies. The creation time
    /// tells the same record from another one with the same id in a foreign store.
    pub fn anonymised(&self) -> Result<Vec<(i64, String)>> {
        let mut stmt = self.0.prepare(
            "SELECT id, created_at FROM people WHERE anonymised_at IS NOT NULL ORDER BY id",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The creation time of person `id`, when there is one that is not yet anonymised.
    pub fn not_anonymised(&self, id: i64) -> Result<Option<String>> {
        Ok(self
            .0
            .query_row(
                "SELECT created_at FROM people WHERE id = ?1 AND anonymised_at IS NULL",
                [id],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// Whether someone else (not anonymised) has the last name `last`.
    pub fn last_name_shared(&self, id: i64, last: &str) -> Result<bool> {
        Ok(self.0.query_row(
            "SELECT count(*) > 0 FROM people WHERE id <> ?1 AND anonymised_at IS NULL
               AND lower(last_name) = lower(?2)",
            params![id, last],
            |r| r.get(0),
        )?)
    }

    /// Mandates of the person.
    pub fn mandates(&self, id: i64) -> Result<Vec<ReportMandate>> {
        let mut stmt = self.0.prepare(
            "SELECT m.id, o.name, m.role, m.start_date, m.end_date, m.notes FROM mandates m
             JOIN organisations o ON o.id = m.organisation_id
             WHERE m.person_id = ?1 ORDER BY m.start_date, m.id",
        )?;
        let rows = stmt.query_map([id], |r| {
            Ok(ReportMandate {
                row: row("mandates", r.get(0)?),
                organisation: r.get(1)?,
                role: r.get::<_, Role>(2)?.label().to_owned(),
                start_date: r.get(3)?,
                end_date: r.get(4)?,
                notes: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Attendance records that name the person: their own and those where they represented
    /// someone.
    pub fn attendance(&self, id: i64) -> Result<Vec<ReportAttendance>> {
        let sql = format!(
            "SELECT a.id, s.number, s.title, s.first_day, a.status, o.name, a.joins_visit,
                a.joins_dinner, a.notes,
                CASE WHEN a.represented_by = ?1 THEN {p} END,
                CASE WHEN a.person_id = ?1 THEN {r} END,
                (SELECT group_concat(day, ',') FROM attendance_days WHERE attendance_id = a.id)
             FROM attendance a JOIN sessions s ON s.id = a.session_id
             JOIN people p ON p.id = a.person_id
             LEFT JOIN people r ON r.id = a.represented_by
             LEFT JOIN organisations o ON o.id = a.organisation_id
             WHERE a.person_id = ?1 OR a.represented_by = ?1
             ORDER BY s.first_day, a.id",
            p = name_sql("p"),
            r = name_sql("r"),
        );
        let mut stmt = self.0.prepare(&sql)?;
        let rows = stmt.query_map([id], |r| {
            let days: Option<String> = r.get(11)?;
            Ok(ReportAttendance {
                row: row("attendance", r.get(0)?),
                session: r.get(1)?,
                title: r.get(2)?,
                first_day: r.get(3)?,
                status: r.get::<_, AttendanceStatus>(4)?.label().to_owned(),
                organisation: r.get(5)?,
                joins_visit: r.get(6)?,
                joins_dinner: r.get(7)?,
                notes: r.get(8)?,
                represented: r.get(9)?,
                represented_by: r.get(10)?,
                days: days
                    .unwrap_or_default()
                    .split(',')
                    .filter_map(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
                    .collect(),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Agenda items the person speaks at.
    pub fn speakers(&self, id: i64) -> Result<Vec<ReportSpeaker>> {
        let mut stmt = self.0.prepare(
            "SELECT sp.id, s.number, i.title, i.day FROM agenda_item_speakers sp
             JOIN agenda_items i ON i.id = sp.agenda_item_id JOIN sessions s ON s.id = i.session_id
             WHERE sp.person_id = ?1 ORDER BY i.day, i.position",
        )?;
        let rows = stmt.query_map([id], |r| {
            Ok(ReportSpeaker {
                row: row("agenda_item_speakers", r.get(0)?),
                session: r.get(1)?,
                item: r.get(2)?,
                day: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Minutes the person recorded.
    pub fn minutes_recorded(&self, id: i64) -> Result<Vec<ReportMinutes>> {
        let mut stmt = self.0.prepare(
            "SELECT m.id, s.number, m.version, m.status FROM minutes m
             JOIN sessions s ON s.id = m.session_id WHERE m.recorder_id = ?1
             ORDER BY s.number, m.version",
        )?;
        let rows = stmt.query_map([id], |r| {
            Ok(ReportMinutes {
                row: row("minutes", r.get(0)?),
                session: r.get(1)?,
                version: r.get(2)?,
                status: r.get::<_, MinutesStatus>(3)?.label().to_owned(),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Action items assigned to the person.
    pub fn action_items(&self, id: i64) -> Result<Vec<ReportActionItem>> {
        let mut stmt = self.0.prepare(
            "SELECT a.id, s.number, a.text, a.due_date, a.status FROM action_items a
             JOIN sessions s ON s.id = a.session_id WHERE a.assignee_id = ?1
             ORDER BY s.number, a.position",
        )?;
        let rows = stmt.query_map([id], |r| {
            Ok(ReportActionItem {
                row: row("action_items", r.get(0)?),
                session: r.get(1)?,
                text: r.get(2)?,
                due_date: r.get(3)?,
                status: r.get::<_, ActionStatus>(4)?.label().to_owned(),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Practice examples the person is the contact of.
    pub fn practice_examples(&self, id: i64) -> Result<Vec<ReportPracticeExample>> {
        let mut stmt = self.0.prepare(
            "SELECT id, title, release_status FROM practice_examples WHERE contact_person_id = ?1
             ORDER BY title",
        )?;
        let rows = stmt.query_map([id], |r| {
            Ok(ReportPracticeExample {
                row: row("practice_examples", r.get(0)?),
                title: r.get(1)?,
                status: r.get::<_, ReleaseStatus>(2)?.label().to_owned(),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every non-empty text of [`TEXTS`].
    pub fn texts(&self) -> Result<Vec<StoredText>> {
        let mut all = Vec::new();
        for column in TEXTS {
            let mut stmt = self.0.prepare(column.sql)?;
            let rows = stmt.query_map([], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, Option<String>>(1)?,
                    r.get::<_, Option<String>>(2)?,
                    r.get::<_, bool>(3)?,
                    r.get::<_, Option<i64>>(4)?,
                ))
            })?;
            for found in rows {
                let (rowid, text, place, record, search_id) = found?;
                if let Some(text) = text.filter(|t| !t.trim().is_empty()) {
                    all.push(StoredText {
                        column,
                        rowid,
                        text,
                        place: place.unwrap_or_default(),
                        record,
                        search_id,
                    });
                }
            }
        }
        Ok(all)
    }

    /// Audit entries of the person's own record, oldest first.
    pub fn audit_of(&self, id: i64) -> Result<Vec<ReportAuditEntry>> {
        let mut stmt = self.0.prepare(
            "SELECT id, at, user, action, fields FROM audit_log
             WHERE entity = 'person' AND entity_id = ?1 ORDER BY id",
        )?;
        let rows = stmt.query_map([id], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
            ))
        })?;
        let mut entries = Vec::new();
        for found in rows {
            let (entry, at, user, action, fields) = found?;
            entries.push(ReportAuditEntry {
                row: row("audit_log", entry),
                at: parse_time(&at).unwrap_or_default(),
                user,
                action: Action::parse(&action).map_or(action.clone(), |a| a.label().to_owned()),
                fields: labels(&split_fields(&fields)),
            });
        }
        Ok(entries)
    }

    /// Approved minutes that name the person by id (attendance, recorder, speaker, action item);
    /// `by_text` are the minutes ids whose texts name them.
    pub fn records_naming(&self, id: i64, by_text: &[i64]) -> Result<Vec<RecordKept>> {
        let mut stmt = self.0.prepare(
            "SELECT m.id, s.number, m.version, m.approved_on,
                EXISTS (SELECT 1 FROM attendance a WHERE a.session_id = m.session_id
                    AND (a.person_id = ?1 OR a.represented_by = ?1)),
                m.recorder_id IS ?1,
                EXISTS (SELECT 1 FROM agenda_item_speakers sp JOIN agenda_items i
                    ON i.id = sp.agenda_item_id WHERE i.session_id = m.session_id
                    AND sp.person_id = ?1),
                EXISTS (SELECT 1 FROM action_items a WHERE a.minutes_id = m.id
                    AND a.assignee_id = ?1)
             FROM minutes m JOIN sessions s ON s.id = m.session_id
             WHERE m.status = 'approved' ORDER BY s.number, m.version",
        )?;
        let rows = stmt.query_map([id], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, i64>(2)?,
                r.get::<_, Option<NaiveDate>>(3)?,
                [
                    r.get::<_, bool>(4)?,
                    r.get::<_, bool>(5)?,
                    r.get::<_, bool>(6)?,
                    r.get::<_, bool>(7)?,
                ],
            ))
        })?;
        let mut kept = Vec::new();
        for found in rows {
            let (minutes, session, version, approved_on, flags) = found?;
            let mut how: Vec<&str> = ["Teilnahme", "Protokollführung", "Vortrag", "Aufgabe"]
                .into_iter()
                .zip(flags)
                .filter(|(_, on)| *on)
                .map(|(label, _)| label)
                .collect();
            if by_text.contains(&minutes) {
                how.push("im Text genannt");
            }
            if !how.is_empty() {
                kept.push(RecordKept {
                    session,
                    version,
                    approved_on,
                    how: how.join(", "),
                });
            }
        }
        Ok(kept)
    }

    /// The minutes a text of approved minutes belongs to.
    pub fn minutes_of(&self, text: &StoredText) -> Result<Option<i64>> {
        let sql = match text.column.table {
            "minutes" => return Ok(Some(text.rowid)),
            "minute_notes" => "SELECT minutes_id FROM minute_notes WHERE id = ?1",
            "decisions" => "SELECT minutes_id FROM decisions WHERE id = ?1",
            _ => return Ok(None),
        };
        Ok(self
            .0
            .query_row(sql, [text.rowid], |r| r.get(0))
            .optional()?)
    }

    /// Former members whose last day (the end of their last mandate, or the last session they
    /// took part in) lies before `cutoff`: not anonymised, no mandate running after it, and
    /// either deactivated or with every mandate ended.
    pub fn retention_candidates(&self, cutoff: NaiveDate) -> Result<Vec<RetentionCandidate>> {
        let sql = format!(
            "WITH seen AS (
                SELECT p.id,
                    max(coalesce((SELECT max(coalesce(end_date, '9999-12-31')) FROM mandates
                                  WHERE person_id = p.id), ''),
                        coalesce((SELECT max(s.last_day) FROM attendance a
                                  JOIN sessions s ON s.id = a.session_id
                                  WHERE a.person_id = p.id
                                    AND a.status IN ('attended','registered','represented')), ''),
                        CASE WHEN EXISTS (SELECT 1 FROM mandates WHERE person_id = p.id)
                             THEN '' ELSE substr(p.updated_at, 1, 10) END) AS last_seen
                FROM people p
                WHERE p.anonymised_at IS NULL
                  AND (p.active = 0 OR (EXISTS (SELECT 1 FROM mandates WHERE person_id = p.id)
                       AND NOT EXISTS (SELECT 1 FROM mandates WHERE person_id = p.id
                                       AND end_date IS NULL)))
            )
            SELECT p.id, {name}, seen.last_seen,
                (SELECT group_concat(DISTINCT o.name) FROM mandates m
                 JOIN organisations o ON o.id = m.organisation_id WHERE m.person_id = p.id)
            FROM seen JOIN people p ON p.id = seen.id
            WHERE seen.last_seen <> '' AND seen.last_seen < ?1
            ORDER BY seen.last_seen, p.last_name",
            name = name_sql("p")
        );
        let mut stmt = self.0.prepare(&sql)?;
        let rows = stmt.query_map([cutoff], |r| {
            Ok(RetentionCandidate {
                person_id: r.get(0)?,
                name: r.get::<_, Option<String>>(1)?.unwrap_or_default(),
                last_seen: r.get(2)?,
                organisations: r.get::<_, Option<String>>(3)?.unwrap_or_default(),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// A page of the audit log, newest first, with what it can be filtered by.
    pub fn audit_page(&self, filter: &AuditFilter) -> Result<AuditPage> {
        let mut clauses: Vec<&str> = Vec::new();
        let mut values: Vec<Box<dyn rusqlite::ToSql>> = Vec::new();
        let mut add = |clause: &'static str, value: Box<dyn rusqlite::ToSql>| {
            clauses.push(clause);
            values.push(value);
        };
        if let Some(user) = filter.user.clone().filter(|u| !u.is_empty()) {
            add("l.user = ?", Box::new(user));
        }
        if let Some(entity) = filter.entity.clone().filter(|e| !e.is_empty()) {
            add("l.entity = ?", Box::new(entity));
        }
        if let Some(id) = filter.entity_id {
            add("l.entity_id = ?", Box::new(id));
        }
        if let Some(action) = filter.action.clone().filter(|a| !a.is_empty()) {
            add("l.action = ?", Box::new(action));
        }
        if let Some(from) = filter.from {
            add(
                "l.until >= ?",
                Box::new(from.format("%Y-%m-%d").to_string()),
            );
        }
        if let Some(until) = filter.until {
            add(
                "l.at < ?",
                Box::new(
                    until
                        .succ_opt()
                        .unwrap_or(until)
                        .format("%Y-%m-%d")
                        .to_string(),
                ),
            );
        }
        let condition = if clauses.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", clauses.join(" AND "))
        };
        let bound: Vec<&dyn rusqlite::ToSql> = values.iter().map(|v| v.as_ref()).collect();
        let total: i64 = self.0.query_row(
            &format!("SELECT count(*) FROM audit_log l {condition}"),
            bound.as_slice(),
            |r| r.get(0),
        )?;
        let limit = if filter.limit == 0 {
            100
        } else {
            filter.limit.min(1000)
        };
        let sql = format!(
            "SELECT l.id, l.at, l.until, l.user, l.entity, l.entity_id, l.action, l.fields,
                CASE l.entity
                  WHEN 'person' THEN (SELECT {person} FROM people p WHERE p.id = l.entity_id)
                  WHEN 'organisation' THEN (SELECT name FROM organisations WHERE id = l.entity_id)
                  WHEN 'session' THEN (SELECT number || '. Sitzung' FROM sessions
                                       WHERE id = l.entity_id)
                  WHEN 'agenda_item' THEN (SELECT s.number || '. Sitzung: ' || i.title
                      FROM agenda_items i JOIN sessions s ON s.id = i.session_id
                      WHERE i.id = l.entity_id)
                  WHEN 'minutes' THEN (SELECT 'Protokoll der ' || s.number || '. Sitzung'
                      FROM minutes m JOIN sessions s ON s.id = m.session_id
                      WHERE m.id = l.entity_id)
                  WHEN 'minutes_text' THEN coalesce(
                      (SELECT 'Protokoll der ' || s.number || '. Sitzung, Notiz'
                       FROM minute_notes n JOIN minutes m ON m.id = n.minutes_id
                       JOIN sessions s ON s.id = m.session_id WHERE n.id = l.entity_id),
                      (SELECT 'Protokoll der ' || s.number || '. Sitzung'
                       FROM decisions d JOIN minutes m ON m.id = d.minutes_id
                       JOIN sessions s ON s.id = m.session_id WHERE d.id = l.entity_id))
                  WHEN 'action_item' THEN (SELECT text FROM action_items WHERE id = l.entity_id)
                  WHEN 'topic' THEN (SELECT name FROM topics WHERE id = l.entity_id)
                  WHEN 'practice_example' THEN (SELECT title FROM practice_examples
                                                WHERE id = l.entity_id)
                  WHEN 'recommendation' THEN (SELECT title FROM recommendations
                                              WHERE id = l.entity_id)
                  WHEN 'mandate' THEN (SELECT o.name FROM mandates m
                      JOIN organisations o ON o.id = m.organisation_id WHERE m.id = l.entity_id)
                  WHEN 'attendance' THEN (SELECT s.number || '. Sitzung' FROM attendance a
                      JOIN sessions s ON s.id = a.session_id WHERE a.id = l.entity_id)
                END
             FROM audit_log l {condition} ORDER BY l.id DESC LIMIT {limit} OFFSET {offset}",
            person = name_sql("p"),
            offset = filter.offset,
        );
        let mut stmt = self.0.prepare(&sql)?;
        let rows = stmt.query_map(bound.as_slice(), |r| {
            let entity: String = r.get(4)?;
            let action: String = r.get(6)?;
            let at: String = r.get(1)?;
            let until: String = r.get(2)?;
            Ok(AuditRow {
                id: r.get(0)?,
                at: parse_time(&at).unwrap_or_default(),
                until: parse_time(&until).unwrap_or_default(),
                user: r.get(3)?,
                entity_label: Entity::parse(&entity)
                    .map_or(entity.clone(), |e| e.label().to_owned()),
                entity,
                entity_id: r.get(5)?,
                action_label: Action::parse(&action)
                    .map_or(action.clone(), |a| a.label().to_owned()),
                action,
                field_labels: labels(&split_fields(&r.get::<_, String>(7)?)),
                fields: split_fields(&r.get::<_, String>(7)?),
                object: r.get::<_, Option<String>>(8)?.unwrap_or_default(),
            })
        })?;
        let rows = rows.collect::<rusqlite::Result<Vec<_>>>()?;
        let users = {
            let mut stmt = self
                .0
                .prepare("SELECT DISTINCT user FROM audit_log ORDER BY user")?;
            let found = stmt.query_map([], |r| r.get(0))?;
            found.collect::<rusqlite::Result<Vec<String>>>()?
        };
        Ok(AuditPage {
            rows,
            total,
            users,
            entities: Entity::ALL
                .iter()
                .map(|e| (e.as_str().to_owned(), e.label().to_owned()))
                .collect(),
            actions: Action::ALL
                .iter()
                .map(|a| (a.as_str().to_owned(), a.label().to_owned()))
                .collect(),
        })
    }
}

fn split_fields(fields: &str) -> Vec<String> {
    fields
        .split(',')
        .filter(|f| !f.is_empty())
        .map(str::to_owned)
        .collect()
}

fn labels(fields: &[String]) -> Vec<String> {
    fields
        .iter()
        .map(|f| super::audit::field_label(f).to_owned())
        .collect()
}

/// Data-protection writes.
pub struct PrivacyMut<'w, 'a> {
    pub(super) w: &'w mut Writer<'a>,
}

impl PrivacyMut<'_, '_> {
    /// Replaces a stored text (one of [`TEXTS`]) and audits it as part of an anonymisation.
    pub fn replace_text(&mut self, text: &StoredText, new: &str) -> Result<()> {
        let column = text.column;
        // `table` and `column` come from the static list, never from input.
        if column.stamped {
            let at = self.w.at();
            let user = self.w.user().to_owned();
            self.w.conn().execute(
                &format!(
                    "UPDATE {} SET {} = ?2, updated_at = ?3, updated_by = ?4 WHERE rowid = ?1",
                    column.table, column.column
                ),
                params![text.rowid, new, at, user],
            )?;
        } else {
            self.w.conn().execute(
                &format!(
                    "UPDATE {} SET {} = ?2 WHERE rowid = ?1",
                    column.table, column.column
                ),
                params![text.rowid, new],
            )?;
        }
        if let (Some(kind), Some(id)) = (column.search, text.search_id) {
            self.w.mark_stale(kind, id);
        }
        let entity = match column.table {
            "people" => Some(Entity::Person),
            "organisations" => Some(Entity::Organisation),
            "mandates" => Some(Entity::Mandate),
            "topics" => Some(Entity::Topic),
            "sessions" => Some(Entity::Session),
            "agenda_items" | "agenda_item_speakers" => Some(Entity::AgendaItem),
            "attendance" => Some(Entity::Attendance),
            "minutes" => Some(Entity::Minutes),
            "minute_notes" | "decisions" => Some(Entity::MinutesText),
            "action_items" => Some(Entity::ActionItem),
            "practice_examples" => Some(Entity::PracticeExample),
            "recommendations" | "recommendation_versions" => Some(Entity::Recommendation),
            _ => None,
        };
        let id = if column.table == "agenda_item_speakers" {
            text.search_id
        } else {
            Some(text.rowid)
        };
        match entity {
            Some(entity) => self
                .w
                .audit(entity, id, Action::Anonymise, &[column.column]),
            None => Ok(()),
        }
    }

    /// Removes the personal fields of person `id` and the notes of their own attendance and
    /// mandates; the record stays, shown as "ehemaliges Mitglied", so attendance, speaker lists,
    /// minutes and action items keep counting it.
    pub fn anonymise_person(&mut self, id: i64) -> Result<()> {
        let at = self.w.at();
        let user = self.w.user().to_owned();
        let conn = self.w.conn();
        conn.execute(
            "UPDATE people SET salutation = 'neutral', title = NULL, first_name = '',
                name_particle = NULL, last_name = ?2, function = NULL, email = NULL, phone = NULL,
                mobile = NULL, street = NULL, postal_code = NULL, city = NULL,
                consent_shared_lists = 0, consent_date = NULL, notes = NULL, active = 0,
                anonymised_at = ?3, updated_at = ?3, updated_by = ?4
             WHERE id = ?1",
            params![id, crate::model::privacy::FORMER_MEMBER, at, user],
        )?;
        let attendance: Vec<i64> = {
            let mut stmt = conn.prepare(
                "UPDATE attendance SET notes = NULL, updated_at = ?2, updated_by = ?3
                 WHERE person_id = ?1 AND notes IS NOT NULL RETURNING id",
            )?;
            let ids = stmt.query_map(params![id, at, user], |r| r.get(0))?;
            ids.collect::<rusqlite::Result<_>>()?
        };
        let mandates: Vec<i64> = {
            let mut stmt = conn.prepare(
                "UPDATE mandates SET notes = NULL, updated_at = ?2, updated_by = ?3
                 WHERE person_id = ?1 AND notes IS NOT NULL RETURNING id",
            )?;
            let ids = stmt.query_map(params![id, at, user], |r| r.get(0))?;
            ids.collect::<rusqlite::Result<_>>()?
        };
        for entry in attendance {
            self.w.audit(
                Entity::Attendance,
                Some(entry),
                Action::Anonymise,
                &["notes"],
            )?;
        }
        for entry in mandates {
            self.w
                .audit(Entity::Mandate, Some(entry), Action::Anonymise, &["notes"])?;
        }
        self.w.mark_stale(Indexed::Person, id);
        self.w.audit(
            Entity::Person,
            Some(id),
            Action::Anonymise,
            &[
                "salutation",
                "title",
                "first_name",
                "name_particle",
                "last_name",
                "function",
                "email",
                "phone",
                "mobile",
                "street",
                "postal_code",
                "city",
                "consent_shared_lists",
                "consent_date",
                "notes",
                "active",
            ],
        )
    }
}
