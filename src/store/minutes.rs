//! Minutes as the editor and the records see them: the current version and its history, notes per
//! agenda item, decisions with votes, action items across sessions, and the approved record (the
//! content and the PDF as approved, kept byte for byte).

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::audit::{changed_fields, Action, Entity};
use super::{decode, Indexed, Writer};
use crate::error::{Error, Result};
use crate::model::person::full_name;
use crate::model::{ActionStatus, MinutesStatus};

crate::model::stored::stored_enum! {
    /// How minutes were approved.
    ApprovalKind ("Art der Genehmigung") {
        /// In a later session.
        Session = "session" => "in einer Sitzung",
        /// By written procedure (Umlaufverfahren).
        Written = "written" => "im Umlaufverfahren",
    }
}

/// A minutes version without its texts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MinutesMeta {
    /// Id.
    pub id: i64,
    /// Session.
    pub session_id: i64,
    /// Version (1, then 2 after a correction …).
    pub version: i64,
    /// Status.
    pub status: MinutesStatus,
    /// Recorder.
    pub recorder_id: Option<i64>,
    /// Recorder's name.
    pub recorder_name: Option<String>,
    /// Sent on.
    pub sent_on: Option<NaiveDate>,
    /// Approved on.
    pub approved_on: Option<NaiveDate>,
    /// Running number of the approving session.
    pub approved_at_session: Option<i64>,
    /// How it was approved.
    pub approval_kind: Option<ApprovalKind>,
    /// "Genehmigt mit Änderungen": the changes.
    pub approved_with_changes: Option<String>,
    /// Deadline of a written procedure.
    pub written_deadline: Option<NaiveDate>,
    /// The replies of a written procedure ("15 Zustimmungen, keine Einwände").
    pub written_replies: Option<String>,
    /// Why this version corrects the previous one.
    pub correction_reason: Option<String>,
    /// The current version of the session's minutes.
    #[serde(skip)]
    #[ts(skip)]
    pub is_current: bool,
    /// Last change.
    pub updated_at: String,
}

/// A decision (Beschluss).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Decision {
    /// Id.
    pub id: i64,
    /// Agenda item.
    pub agenda_item_id: Option<i64>,
    /// Text.
    pub text: String,
    /// Votes in favour.
    pub votes_yes: Option<i64>,
    /// Votes against.
    pub votes_no: Option<i64>,
    /// Abstentions.
    pub votes_abstain: Option<i64>,
}

/// An action item (Aufgabe).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ActionItem {
    /// Id.
    pub id: i64,
    /// The session whose minutes it arose in.
    pub session_id: i64,
    /// Its running number.
    pub session_number: i64,
    /// Agenda item.
    pub agenda_item_id: Option<i64>,
    /// What.
    pub text: String,
    /// Responsible person.
    pub assignee_id: Option<i64>,
    /// Responsible organisation.
    pub assignee_organisation_id: Option<i64>,
    /// Free text for who (when neither).
    #[serde(skip)]
    #[ts(skip)]
    pub assignee_text: Option<String>,
    /// Who, as shown: the person, the organisation or the free text.
    pub assignee: Option<String>,
    /// Due.
    pub due_date: Option<NaiveDate>,
    /// Status.
    pub status: ActionStatus,
    /// Done on.
    pub done_on: Option<NaiveDate>,
    /// Open and past its due date.
    pub overdue: bool,
}

/// Which action items.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct TaskFilter {
    /// Only open ones.
    pub open_only: bool,
    /// Only open ones past their due date.
    pub overdue_only: bool,
    /// Of this person.
    pub person_id: Option<i64>,
    /// Of this organisation.
    pub organisation_id: Option<i64>,
    /// From this session.
    pub session_id: Option<i64>,
}

const META: &str = "m.id, m.session_id, m.version, m.status, m.recorder_id, p.title, p.first_name,
    p.name_particle, p.last_name, m.sent_on, m.approved_on, s.number, m.approval_kind,
    m.approved_with_changes, m.written_deadline, m.correction_reason, m.is_current, m.updated_at,
    m.written_replies";

const META_FROM: &str = "FROM minutes m LEFT JOIN people p ON p.id = m.recorder_id
    LEFT JOIN sessions s ON s.id = m.approved_at_session_id";

fn meta(row: &Row<'_>) -> rusqlite::Result<MinutesMeta> {
    decode("minutes", row, |r| {
        let first: Option<String> = r.get(6)?;
        let last: Option<String> = r.get(8)?;
        let title: Option<String> = r.get(5)?;
        let particle: Option<String> = r.get(7)?;
        Ok(MinutesMeta {
            id: r.get(0)?,
            session_id: r.get(1)?,
            version: r.get(2)?,
            status: r.get(3)?,
            recorder_id: r.get(4)?,
            recorder_name: match (first, last) {
                (Some(f), Some(l)) => {
                    Some(full_name(title.as_deref(), &f, particle.as_deref(), &l))
                }
                _ => None,
            },
            sent_on: r.get(9)?,
            approved_on: r.get(10)?,
            approved_at_session: r.get(11)?,
            approval_kind: r.get(12)?,
            approved_with_changes: r.get(13)?,
            written_deadline: r.get(14)?,
            written_replies: r.get(18)?,
            correction_reason: r.get(15)?,
            is_current: r.get(16)?,
            updated_at: r.get(17)?,
        })
    })
}

const ACTION: &str = "a.id, a.session_id, s.number, a.agenda_item_id, a.text, a.assignee_id,
    a.assignee_organisation_id, a.assignee_text, p.title, p.first_name, p.name_particle,
    p.last_name, o.name, a.due_date, a.status, a.done_on
    FROM action_items a JOIN sessions s ON s.id = a.session_id
    LEFT JOIN people p ON p.id = a.assignee_id
    LEFT JOIN organisations o ON o.id = a.assignee_organisation_id";

fn action(row: &Row<'_>, today: NaiveDate) -> rusqlite::Result<ActionItem> {
    decode("action_items", row, |r| {
        let first: Option<String> = r.get(9)?;
        let last: Option<String> = r.get(11)?;
        let title: Option<String> = r.get(8)?;
        let particle: Option<String> = r.get(10)?;
        let organisation: Option<String> = r.get(12)?;
        let free: Option<String> = r.get(7)?;
        let person = match (first, last) {
            (Some(f), Some(l)) => Some(full_name(title.as_deref(), &f, particle.as_deref(), &l)),
            _ => None,
        };
        let due: Option<NaiveDate> = r.get(13)?;
        let status: ActionStatus = r.get(14)?;
        Ok(ActionItem {
            id: r.get(0)?,
            session_id: r.get(1)?,
            session_number: r.get(2)?,
            agenda_item_id: r.get(3)?,
            text: r.get(4)?,
            assignee_id: r.get(5)?,
            assignee_organisation_id: r.get(6)?,
            assignee: match (person, &organisation) {
                (Some(p), Some(o)) => Some(format!("{p} ({o})")),
                (Some(p), None) => Some(p),
                (None, Some(o)) => Some(o.clone()),
                (None, None) => free.clone(),
            },
            assignee_text: free,
            due_date: due,
            overdue: status == ActionStatus::Open && due.is_some_and(|d| d < today),
            status,
            done_on: r.get(15)?,
        })
    })
}

/// Reads of minutes and action items.
#[derive(Clone, Copy)]
pub struct Minutes<'a>(pub(super) &'a Connection);

impl Minutes<'_> {
    /// The current minutes of a session, if begun.
    pub fn current(&self, session_id: i64) -> Result<Option<MinutesMeta>> {
        Ok(self
            .0
            .prepare_cached(&format!(
                "SELECT {META} {META_FROM} WHERE m.session_id = ?1 AND m.is_current = 1"
            ))?
            .query_row([session_id], meta)
            .optional()?)
    }

    /// One minutes version.
    pub fn get(&self, id: i64) -> Result<MinutesMeta> {
        super::by_id(
            self.0,
            &format!("SELECT {META} {META_FROM} WHERE m.id = ?1"),
            id,
            "minutes",
            meta,
        )
    }

    /// Every version of a session's minutes, oldest first.
    pub fn versions(&self, session_id: i64) -> Result<Vec<MinutesMeta>> {
        let mut stmt = self.0.prepare_cached(&format!(
            "SELECT {META} {META_FROM} WHERE m.session_id = ?1 ORDER BY m.version"
        ))?;
        let rows = stmt.query_map([session_id], meta)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The notes of a version: (agenda item, text).
    pub fn notes(&self, minutes_id: i64) -> Result<Vec<(Option<i64>, String)>> {
        let mut stmt = self.0.prepare_cached(
            "SELECT agenda_item_id, text FROM minute_notes WHERE minutes_id = ?1
             ORDER BY position, id",
        )?;
        let rows = stmt.query_map([minutes_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The decisions of a version in order.
    pub fn decisions(&self, minutes_id: i64) -> Result<Vec<Decision>> {
        let mut stmt = self.0.prepare_cached(
            "SELECT id, agenda_item_id, text, votes_yes, votes_no, votes_abstain FROM decisions
             WHERE minutes_id = ?1 ORDER BY position, id",
        )?;
        let rows = stmt.query_map([minutes_id], |r| {
            Ok(Decision {
                id: r.get(0)?,
                agenda_item_id: r.get(1)?,
                text: r.get(2)?,
                votes_yes: r.get(3)?,
                votes_no: r.get(4)?,
                votes_abstain: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The minutes a decision belongs to.
    pub fn decision_minutes(&self, id: i64) -> Result<i64> {
        super::by_id(
            self.0,
            "SELECT minutes_id FROM decisions WHERE id = ?1",
            id,
            "decision",
            |r| r.get(0),
        )
    }

    /// The action items that arose in a session, in order.
    pub fn actions_of(&self, session_id: i64, today: NaiveDate) -> Result<Vec<ActionItem>> {
        let mut stmt = self.0.prepare_cached(&format!(
            "SELECT {ACTION} WHERE a.session_id = ?1 ORDER BY a.position, a.id"
        ))?;
        let rows = stmt.query_map([session_id], |r| action(r, today))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// One action item.
    pub fn action(&self, id: i64, today: NaiveDate) -> Result<ActionItem> {
        super::by_id(
            self.0,
            &format!("SELECT {ACTION} WHERE a.id = ?1"),
            id,
            "action_item",
            |r| action(r, today),
        )
    }

    /// The minutes an action item was written in.
    pub fn action_minutes(&self, id: i64) -> Result<Option<i64>> {
        super::by_id(
            self.0,
            "SELECT minutes_id FROM action_items WHERE id = ?1",
            id,
            "action_item",
            |r| r.get(0),
        )
    }

    /// Action items by filter, by due date (none last), then session.
    pub fn tasks(&self, filter: &TaskFilter, today: NaiveDate) -> Result<Vec<ActionItem>> {
        let mut stmt = self.0.prepare_cached(&format!(
            "SELECT {ACTION}
             WHERE (?1 = 0 OR a.status = 'open')
               AND (?2 = 0 OR (a.status = 'open' AND a.due_date < ?3))
               AND (?4 IS NULL OR a.assignee_id = ?4)
               AND (?5 IS NULL OR a.assignee_organisation_id = ?5)
               AND (?6 IS NULL OR a.session_id = ?6)
             ORDER BY a.due_date IS NULL, a.due_date, s.first_day, a.position, a.id"
        ))?;
        let rows = stmt.query_map(
            params![
                filter.open_only,
                filter.overdue_only,
                today,
                filter.person_id,
                filter.organisation_id,
                filter.session_id
            ],
            |r| action(r, today),
        )?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Still-open action items of sessions before `first_day`: the "Bericht: offene Aufgaben".
    pub fn open_before(&self, first_day: NaiveDate, today: NaiveDate) -> Result<Vec<ActionItem>> {
        let mut stmt = self.0.prepare_cached(&format!(
            "SELECT {ACTION} WHERE a.status = 'open' AND s.first_day < ?1
             ORDER BY s.first_day, a.position, a.id"
        ))?;
        let rows = stmt.query_map([first_day], |r| action(r, today))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The approved record of a version: its content (JSON) and its PDF.
    pub fn record(&self, minutes_id: i64) -> Result<Option<(String, Vec<u8>)>> {
        Ok(self
            .0
            .prepare_cached(
                "SELECT record_text, record_pdf FROM minutes
                 WHERE id = ?1 AND record_text IS NOT NULL AND record_pdf IS NOT NULL",
            )?
            .query_row([minutes_id], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?)
    }
}

/// A new or changed action item, validated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActionFields {
    /// What.
    pub text: String,
    /// Person.
    pub assignee_id: Option<i64>,
    /// Organisation.
    pub assignee_organisation_id: Option<i64>,
    /// Free text.
    pub assignee_text: Option<String>,
    /// Due.
    pub due_date: Option<NaiveDate>,
    /// Status.
    pub status: ActionStatus,
    /// Done on.
    pub done_on: Option<NaiveDate>,
}

/// A decision's fields, validated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DecisionFields {
    /// Text.
    pub text: String,
    /// Votes in favour.
    pub votes_yes: Option<i64>,
    /// Votes against.
    pub votes_no: Option<i64>,
    /// Abstentions.
    pub votes_abstain: Option<i64>,
}

/// How a version is approved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Approval {
    /// Kind.
    pub kind: ApprovalKind,
    /// Approving session.
    pub at_session_id: Option<i64>,
    /// Date.
    pub on: NaiveDate,
    /// Changes it was approved with.
    pub changes: Option<String>,
    /// Deadline of the written procedure.
    pub written_deadline: Option<NaiveDate>,
    /// Its replies.
    pub written_replies: Option<String>,
}

/// Audited writes of minutes and action items.
pub struct MinutesMut<'w, 'a> {
    pub(super) w: &'w mut Writer<'a>,
}

impl MinutesMut<'_, '_> {
    fn touch(&mut self, id: i64) -> Result<()> {
        let at = self.w.at();
        self.w.conn().execute(
            "UPDATE minutes SET updated_at = ?2, updated_by = ?3 WHERE id = ?1",
            params![id, at, self.w.user()],
        )?;
        Ok(())
    }

    /// A new draft version of a session's minutes (the op makes sure no current one is in the
    /// way).
    pub fn create(
        &mut self,
        session_id: i64,
        version: i64,
        recorder_id: Option<i64>,
        correction_reason: Option<&str>,
    ) -> Result<i64> {
        let at = self.w.at();
        self.w.conn().execute(
            "INSERT INTO minutes (session_id, version, recorder_id, status, correction_reason,
                created_at, created_by, updated_at, updated_by)
             VALUES (?1, ?2, ?3, 'draft', ?4, ?5, ?6, ?5, ?6)",
            params![
                session_id,
                version,
                recorder_id,
                correction_reason,
                at,
                self.w.user()
            ],
        )?;
        let id = self.w.conn().last_insert_rowid();
        self.w
            .audit(Entity::Minutes, Some(id), Action::Create, &[])?;
        Ok(id)
    }

    /// Takes a version out of being current (before its correction is created).
    pub fn retire(&mut self, id: i64) -> Result<()> {
        self.w
            .conn()
            .execute("UPDATE minutes SET is_current = 0 WHERE id = ?1", [id])?;
        // Only the current version's notes and decisions are searchable.
        for (table, kind) in [
            ("minute_notes", Indexed::MinutesNote),
            ("decisions", Indexed::Decision),
        ] {
            let ids: Vec<i64> = self
                .w
                .conn()
                .prepare(&format!("SELECT id FROM {table} WHERE minutes_id = ?1"))?
                .query_map([id], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            for text in ids {
                self.w.mark_stale(kind, text);
            }
        }
        Ok(())
    }

    /// Links a retired version to its correction.
    pub fn set_superseded(&mut self, id: i64, by: i64) -> Result<()> {
        self.w.conn().execute(
            "UPDATE minutes SET superseded_by = ?2 WHERE id = ?1",
            params![id, by],
        )?;
        self.w
            .audit(Entity::Minutes, Some(id), Action::Correct, &[])
    }

    /// Writes the notes of an agenda item (or the general notes), replacing what was there.
    pub fn save_note(&mut self, minutes_id: i64, item: Option<i64>, text: &str) -> Result<()> {
        let at = self.w.at();
        let existing: Option<(i64, String)> = self
            .w
            .conn()
            .prepare_cached(
                "SELECT id, text FROM minute_notes WHERE minutes_id = ?1 AND agenda_item_id IS ?2",
            )?
            .query_row(params![minutes_id, item], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        match existing {
            Some((_, old)) if old == text => return Ok(()),
            // Emptied notes leave no row behind (so the agenda item can be removed again).
            Some((id, _)) if text.trim().is_empty() => {
                self.w.mark_stale(Indexed::MinutesNote, id);
                self.w
                    .delete_row("minute_notes", Entity::MinutesText, "minutes_text", id)?;
            }
            None if text.trim().is_empty() => return Ok(()),
            Some((id, _)) => {
                self.w.conn().execute(
                    "UPDATE minute_notes SET text = ?2, updated_at = ?3, updated_by = ?4
                     WHERE id = ?1",
                    params![id, text, at, self.w.user()],
                )?;
                self.w.mark_stale(Indexed::MinutesNote, id);
                self.w
                    .audit(Entity::MinutesText, Some(id), Action::Update, &["notes"])?;
            }
            None => {
                let position: i64 = self.w.conn().query_row(
                    "SELECT coalesce(max(position), 0) + 1 FROM minute_notes WHERE minutes_id = ?1",
                    [minutes_id],
                    |r| r.get(0),
                )?;
                self.w.conn().execute(
                    "INSERT INTO minute_notes (minutes_id, agenda_item_id, position, text,
                        created_at, created_by, updated_at, updated_by)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?5, ?6)",
                    params![minutes_id, item, position, text, at, self.w.user()],
                )?;
                let id = self.w.conn().last_insert_rowid();
                self.w.mark_created(Indexed::MinutesNote, id);
                self.w
                    .audit(Entity::MinutesText, Some(id), Action::Create, &[])?;
            }
        }
        self.touch(minutes_id)
    }

    /// Sets the recorder.
    pub fn set_recorder(&mut self, id: i64, person: Option<i64>) -> Result<()> {
        self.w.set_column(
            ("minutes", "recorder_id"),
            (Entity::Minutes, "minutes"),
            id,
            &person,
            Action::Update,
        )
    }

    /// Adds a decision at the end.
    pub fn add_decision(
        &mut self,
        minutes_id: i64,
        item: Option<i64>,
        f: &DecisionFields,
    ) -> Result<i64> {
        let position: i64 = self.w.conn().query_row(
            "SELECT coalesce(max(position), 0) + 1 FROM decisions WHERE minutes_id = ?1",
            [minutes_id],
            |r| r.get(0),
        )?;
        let at = self.w.at();
        self.w.conn().execute(
            "INSERT INTO decisions (minutes_id, agenda_item_id, position, text, votes_yes,
                votes_no, votes_abstain, created_at, created_by, updated_at, updated_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?8, ?9)",
            params![
                minutes_id,
                item,
                position,
                f.text,
                f.votes_yes,
                f.votes_no,
                f.votes_abstain,
                at,
                self.w.user()
            ],
        )?;
        let id = self.w.conn().last_insert_rowid();
        self.w.mark_created(Indexed::Decision, id);
        self.w
            .audit(Entity::MinutesText, Some(id), Action::Create, &[])?;
        self.touch(minutes_id)?;
        Ok(id)
    }

    /// Changes a decision.
    pub fn update_decision(&mut self, id: i64, minutes_id: i64, f: &DecisionFields) -> Result<()> {
        let before = super::by_id(
            self.w.conn(),
            "SELECT text, votes_yes, votes_no, votes_abstain FROM decisions WHERE id = ?1",
            id,
            "decision",
            |r| {
                Ok(DecisionFields {
                    text: r.get(0)?,
                    votes_yes: r.get(1)?,
                    votes_no: r.get(2)?,
                    votes_abstain: r.get(3)?,
                })
            },
        )?;
        let at = self.w.at();
        self.w.conn().execute(
            "UPDATE decisions SET text = ?2, votes_yes = ?3, votes_no = ?4, votes_abstain = ?5,
                updated_at = ?6, updated_by = ?7 WHERE id = ?1",
            params![
                id,
                f.text,
                f.votes_yes,
                f.votes_no,
                f.votes_abstain,
                at,
                self.w.user()
            ],
        )?;
        self.w.mark_stale(Indexed::Decision, id);
        self.w.audit(
            Entity::MinutesText,
            Some(id),
            Action::Update,
            &changed_fields(&before, f),
        )?;
        self.touch(minutes_id)
    }

    /// Removes a decision.
    pub fn delete_decision(&mut self, id: i64) -> Result<()> {
        self.w.mark_stale(Indexed::Decision, id);
        self.w
            .delete_row("decisions", Entity::MinutesText, "decision", id)
    }

    /// Adds an action item to the minutes of a session.
    pub fn add_action(
        &mut self,
        (session_id, minutes_id): (i64, i64),
        item: Option<i64>,
        f: &ActionFields,
    ) -> Result<i64> {
        let position: i64 = self.w.conn().query_row(
            "SELECT coalesce(max(position), 0) + 1 FROM action_items WHERE session_id = ?1",
            [session_id],
            |r| r.get(0),
        )?;
        let at = self.w.at();
        self.w.conn().execute(
            "INSERT INTO action_items (session_id, minutes_id, agenda_item_id, position, text,
                assignee_id, assignee_organisation_id, assignee_text, due_date, status, done_on,
                created_at, created_by, updated_at, updated_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?12, ?13)",
            params![
                session_id,
                minutes_id,
                item,
                position,
                f.text,
                f.assignee_id,
                f.assignee_organisation_id,
                f.assignee_text,
                f.due_date,
                f.status,
                f.done_on,
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

    /// Changes an action item.
    pub fn update_action(&mut self, id: i64, f: &ActionFields) -> Result<()> {
        let before = self.action_fields(id)?;
        let at = self.w.at();
        let changed = self.w.conn().execute(
            "UPDATE action_items SET text = ?2, assignee_id = ?3, assignee_organisation_id = ?4,
                assignee_text = ?5, due_date = ?6, status = ?7, done_on = ?8, updated_at = ?9,
                updated_by = ?10 WHERE id = ?1",
            params![
                id,
                f.text,
                f.assignee_id,
                f.assignee_organisation_id,
                f.assignee_text,
                f.due_date,
                f.status,
                f.done_on,
                at,
                self.w.user()
            ],
        )?;
        if changed == 0 {
            return Err(Error::NotFound {
                entity: "action_item",
                id,
            });
        }
        self.w.mark_stale(Indexed::ActionItem, id);
        self.w.audit(
            Entity::ActionItem,
            Some(id),
            Action::Update,
            &changed_fields(&before, f),
        )
    }

    /// An action item's stored fields.
    pub fn action_fields(&self, id: i64) -> Result<ActionFields> {
        super::by_id(
            self.w.conn(),
            "SELECT id, text, assignee_id, assignee_organisation_id, assignee_text, due_date,
                    status, done_on FROM action_items WHERE id = ?1",
            id,
            "action_item",
            |r| {
                decode("action_items", r, |r| {
                    Ok(ActionFields {
                        text: r.get(1)?,
                        assignee_id: r.get(2)?,
                        assignee_organisation_id: r.get(3)?,
                        assignee_text: r.get(4)?,
                        due_date: r.get(5)?,
                        status: r.get(6)?,
                        done_on: r.get(7)?,
                    })
                })
            },
        )
    }

    /// Removes an action item.
    pub fn delete_action(&mut self, id: i64) -> Result<()> {
        self.w.mark_stale(Indexed::ActionItem, id);
        self.w
            .delete_row("action_items", Entity::ActionItem, "action_item", id)
    }

    /// Marks a version as sent on a day.
    pub fn set_sent(&mut self, id: i64, on: NaiveDate) -> Result<()> {
        let at = self.w.at();
        self.w.conn().execute(
            "UPDATE minutes SET status = 'sent', sent_on = ?2, updated_at = ?3, updated_by = ?4
             WHERE id = ?1",
            params![id, on, at, self.w.user()],
        )?;
        self.w.audit(Entity::Minutes, Some(id), Action::Send, &[])
    }

    /// Approves a version (its record is stored next, in the same transaction).
    pub fn approve(&mut self, id: i64, a: &Approval) -> Result<()> {
        let at = self.w.at();
        self.w.conn().execute(
            "UPDATE minutes SET status = 'approved', approval_kind = ?2,
                approved_at_session_id = ?3, approved_on = ?4, approved_with_changes = ?5,
                written_deadline = ?6, updated_at = ?7, updated_by = ?8, written_replies = ?9
             WHERE id = ?1",
            params![
                id,
                a.kind,
                a.at_session_id,
                a.on,
                a.changes,
                a.written_deadline,
                at,
                self.w.user(),
                a.written_replies
            ],
        )?;
        self.w
            .audit(Entity::Minutes, Some(id), Action::Approve, &[])
    }

    /// Stores the record of an approved version that has none yet: at approval, and for minutes
    /// approved before records were kept (the demo's). A stored record is never replaced.
    pub fn store_record(&mut self, id: i64, record: (&str, &[u8])) -> Result<()> {
        self.w.conn().execute(
            "UPDATE minutes SET record_text = ?2, record_pdf = ?3
             WHERE id = ?1 AND status = 'approved' AND record_pdf IS NULL",
            params![id, record.0, record.1],
        )?;
        Ok(())
    }
}
