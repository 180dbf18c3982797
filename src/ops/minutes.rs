//! Minutes: written per agenda item (notes, decisions, action items), autosaved as drafts, sent,
//! approved (at a later session or by written procedure, optionally with changes) and then kept
//! as a record: the content and the PDF as approved are stored and never change. A correction
//! makes a new version and keeps the approved one. Action items live on their own and are
//! followed up from meeting to meeting.

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::model::session::{AttendanceStatus, Session, SessionStatus};
use crate::model::{date, text, ActionStatus, Field, FieldError, MinutesStatus};
use crate::store::minutes::{
    ActionFields, ActionItem, Approval, ApprovalKind, Decision, DecisionFields, MinutesMeta,
};
use crate::store::{Reader, Writer};

/// The notes, decisions and action items of one agenda item (or of none: "Allgemeines").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MinutesSection {
    /// The agenda item; `None` for the general part.
    pub agenda_item_id: Option<i64>,
    /// TOP number.
    pub number: Option<usize>,
    /// Title.
    pub title: String,
    /// Notes (Markdown subset).
    pub notes: String,
    /// Decisions.
    pub decisions: Vec<Decision>,
    /// Action items.
    pub action_items: Vec<ActionItem>,
}

/// A person in the minutes' attendance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PersonRef {
    /// Person.
    pub person_id: i64,
    /// "Dr. Anna Schmidt".
    pub name: String,
    /// Organisation.
    pub organisation: Option<String>,
    /// "vertreten durch …".
    pub note: Option<String>,
}

/// A version in the history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MinutesVersion {
    /// Id.
    pub id: i64,
    /// Version.
    pub version: i64,
    /// Status.
    pub status: MinutesStatus,
    /// Approved on.
    pub approved_on: Option<NaiveDate>,
    /// Why it corrects the previous one.
    pub correction_reason: Option<String>,
    /// The current one.
    pub is_current: bool,
}

/// The previous session's minutes, to be approved at this one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MinutesToApprove {
    /// Session.
    pub session_id: i64,
    /// Its running number.
    pub number: i64,
    /// The minutes.
    pub minutes_id: i64,
    /// Their status.
    pub status: MinutesStatus,
}

/// What the minutes screen shows of a session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MinutesDetail {
    /// The session.
    pub session: Session,
    /// The current version; `None` until begun.
    pub minutes: Option<MinutesMeta>,
    /// Approved: read-only.
    pub locked: bool,
    /// Per agenda item in order, then the general part.
    pub sections: Vec<MinutesSection>,
    /// Present (on at least one day).
    pub present: Vec<PersonRef>,
    /// Excused.
    pub excused: Vec<PersonRef>,
    /// Represented, with the substitute.
    pub represented: Vec<PersonRef>,
    /// Still-open action items of earlier sessions ("Bericht: offene Aufgaben").
    pub open_items: Vec<ActionItem>,
    /// Every version.
    pub versions: Vec<MinutesVersion>,
    /// The previous session's minutes while not approved.
    pub to_approve: Option<MinutesToApprove>,
}

/// When an autosave was stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SavedAt {
    /// "10:42".
    pub at: String,
}

/// A decision as the form sends it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct DecisionInput {
    /// Text (required).
    pub text: String,
    /// Votes in favour.
    pub votes_yes: Option<i64>,
    /// Votes against.
    pub votes_no: Option<i64>,
    /// Abstentions.
    pub votes_abstain: Option<i64>,
}

/// An action item as the form sends it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct ActionItemInput {
    /// What (required).
    pub text: String,
    /// Responsible person.
    pub assignee_id: Option<i64>,
    /// Responsible organisation.
    pub assignee_organisation_id: Option<i64>,
    /// Who as free text ("Geschäftsstelle").
    pub assignee_text: String,
    /// Due, TT.MM.JJJJ.
    pub due_date: String,
    /// Status.
    pub status: ActionStatus,
    /// Done on, TT.MM.JJJJ (empty: today when done).
    pub done_on: String,
}

impl Default for ActionItemInput {
    fn default() -> Self {
        ActionItemInput {
            text: String::new(),
            assignee_id: None,
            assignee_organisation_id: None,
            assignee_text: String::new(),
            due_date: String::new(),
            status: ActionStatus::Open,
            done_on: String::new(),
        }
    }
}

/// How the minutes are approved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct ApprovalInput {
    /// At a session or by written procedure.
    pub kind: ApprovalKind,
    /// The approving session's running number (with `session`).
    pub at_session: Option<i64>,
    /// Date of the approval, TT.MM.JJJJ (empty: the approving session's first day).
    pub date: String,
    /// "Genehmigt mit Änderungen": what changed; empty when approved as sent.
    pub changes: String,
    /// Deadline of the written procedure.
    pub written_deadline: String,
    /// The replies of the written procedure ("15 Zustimmungen, keine Einwände").
    pub written_replies: String,
}

impl Default for ApprovalInput {
    fn default() -> Self {
        ApprovalInput {
            kind: ApprovalKind::Session,
            at_session: None,
            date: String::new(),
            changes: String::new(),
            written_deadline: String::new(),
            written_replies: String::new(),
        }
    }
}

/// One line of a diff.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DiffKind {
    /// In both.
    Same,
    /// Only in the newer version.
    Added,
    /// Only in the older version.
    Removed,
}

/// A line of a diff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DiffLine {
    /// Kind.
    pub kind: DiffKind,
    /// Text.
    pub text: String,
}

/// What changed in one section between two versions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SectionDiff {
    /// "TOP 3 Berichte aus den Kommunen".
    pub title: String,
    /// Anything changed.
    pub changed: bool,
    /// The lines.
    pub lines: Vec<DiffLine>,
}

fn locked_error(meta: &MinutesMeta) -> Error {
    Error::Locked {
        message: format!(
            "Das Protokoll (Fassung {}) ist genehmigt und kann nicht mehr geändert werden. \
             Änderungen nur über eine Korrektur, die eine neue Fassung anlegt.",
            meta.version
        ),
    }
}

/// Refuses an agenda item of another session (a stale screen).
fn check_item(r: Reader<'_>, meta: &MinutesMeta, agenda_item_id: Option<i64>) -> Result<()> {
    match agenda_item_id {
        Some(item) if r.sessions().item_session(item)? != meta.session_id => Err(Error::NotFound {
            entity: "agenda_item",
            id: item,
        }),
        _ => Ok(()),
    }
}

/// The minutes, refused when approved.
fn editable(r: Reader<'_>, minutes_id: i64) -> Result<MinutesMeta> {
    let meta = r.minutes().get(minutes_id)?;
    if meta.status.is_locked() || !meta.is_current {
        return Err(locked_error(&meta));
    }
    Ok(meta)
}

fn people(
    r: Reader<'_>,
    session_id: i64,
) -> Result<(Vec<PersonRef>, Vec<PersonRef>, Vec<PersonRef>)> {
    let mut present = Vec::new();
    let mut excused = Vec::new();
    let mut represented = Vec::new();
    for e in r.sessions().attendance(session_id)? {
        let person = PersonRef {
            person_id: e.person_id,
            name: e.full_name.clone(),
            organisation: e.organisation.clone(),
            note: e
                .represented_by_name
                .as_ref()
                .map(|n| format!("vertreten durch {n}")),
        };
        if !e.days.is_empty() || e.status == AttendanceStatus::Attended {
            present.push(person);
        } else if matches!(
            e.status,
            AttendanceStatus::Excused | AttendanceStatus::Declined
        ) {
            excused.push(person);
        } else if e.status == AttendanceStatus::Represented {
            represented.push(person);
        }
    }
    Ok((present, excused, represented))
}

/// The sections of a version (or the empty ones from the agenda before the minutes begin).
fn sections(
    r: Reader<'_>,
    session_id: i64,
    minutes: Option<&MinutesMeta>,
    today: NaiveDate,
) -> Result<Vec<MinutesSection>> {
    let items = super::sessions::detail(r, session_id)?.agenda;
    let (notes, decisions) = match minutes {
        Some(m) => (r.minutes().notes(m.id)?, r.minutes().decisions(m.id)?),
        None => (Vec::new(), Vec::new()),
    };
    let actions = r.minutes().actions_of(session_id, today)?;
    let section = |id: Option<i64>, number: Option<usize>, title: String| MinutesSection {
        agenda_item_id: id,
        number,
        title,
        notes: notes
            .iter()
            .filter(|(item, _)| *item == id)
            .map(|(_, t)| t.clone())
            .collect::<Vec<_>>()
            .join("\n\n"),
        decisions: decisions
            .iter()
            .filter(|d| d.agenda_item_id == id)
            .cloned()
            .collect(),
        action_items: actions
            .iter()
            .filter(|a| a.agenda_item_id == id)
            .cloned()
            .collect(),
    };
    let mut out: Vec<MinutesSection> = items
        .iter()
        .filter(|i| !i.kind.is_break())
        .map(|i| section(Some(i.id), i.number, i.title.clone()))
        .collect();
    out.push(section(None, None, "Allgemeines".to_owned()));
    Ok(out)
}

/// What the minutes screen shows of a session.
pub fn detail(r: Reader<'_>, session_id: i64, today: NaiveDate) -> Result<MinutesDetail> {
    let session = r.sessions().get(session_id)?;
    let minutes = r.minutes().current(session_id)?;
    let (present, excused, represented) = people(r, session_id)?;
    let versions = r
        .minutes()
        .versions(session_id)?
        .into_iter()
        .map(|m| MinutesVersion {
            id: m.id,
            version: m.version,
            status: m.status,
            approved_on: m.approved_on,
            correction_reason: m.correction_reason,
            is_current: m.is_current,
        })
        .collect();
    let previous = r
        .sessions()
        .all()?
        .into_iter()
        .filter(|s| s.first_day < session.first_day && s.status != SessionStatus::Cancelled)
        .max_by_key(|s| s.first_day);
    let to_approve = match previous {
        Some(p) => r
            .minutes()
            .current(p.id)?
            .filter(|m| !m.status.is_locked())
            .map(|m| MinutesToApprove {
                session_id: p.id,
                number: p.number,
                minutes_id: m.id,
                status: m.status,
            }),
        None => None,
    };
    Ok(MinutesDetail {
        sections: sections(r, session_id, minutes.as_ref(), today)?,
        locked: minutes.as_ref().is_some_and(|m| m.status.is_locked()),
        open_items: r.minutes().open_before(session.first_day, today)?,
        session,
        minutes,
        present,
        excused,
        represented,
        versions,
        to_approve,
    })
}

/// Begins the minutes of a session (a draft, version 1); an existing one is kept.
pub fn start(w: &mut Writer<'_>, session_id: i64) -> Result<MinutesMeta> {
    w.read().sessions().get(session_id)?;
    if let Some(current) = w.read().minutes().current(session_id)? {
        return Ok(current);
    }
    let id = w.minutes().create(session_id, 1, None, None)?;
    w.read().minutes().get(id)
}

/// Autosaves the notes of an agenda item (or the general notes). A burst of autosaves within a
/// minute makes one audit entry.
pub fn save_notes(
    w: &mut Writer<'_>,
    minutes_id: i64,
    agenda_item_id: Option<i64>,
    notes: &str,
) -> Result<SavedAt> {
    let meta = editable(w.read(), minutes_id)?;
    check_item(w.read(), &meta, agenda_item_id)?;
    if notes.chars().count() > 100_000 {
        return Err(Error::validation(
            Field::Notes,
            "Notizen: Höchstens 100 000 Zeichen je Tagesordnungspunkt.",
        ));
    }
    w.merge_edits_within(chrono::Duration::seconds(60));
    w.minutes().save_note(
        minutes_id,
        agenda_item_id,
        &crate::model::text::nfc(&notes.replace("\r\n", "\n")),
    )?;
    Ok(SavedAt {
        at: w.stamp().at.format("%H:%M").to_string(),
    })
}

/// Sets the recorder (a person from the register).
pub fn set_recorder(w: &mut Writer<'_>, minutes_id: i64, person: Option<i64>) -> Result<()> {
    editable(w.read(), minutes_id)?;
    if let Some(p) = person {
        if !w.read().people().exists(p)? {
            return Err(Error::validation(
                Field::PersonId,
                "Protokoll: Die gewählte Person gibt es nicht (mehr).",
            ));
        }
    }
    w.minutes().set_recorder(minutes_id, person)
}

fn decision_fields(input: &DecisionInput) -> Result<DecisionFields> {
    let mut problems = Vec::new();
    let body = text::optional(&input.text);
    if body.is_none() {
        problems.push(FieldError::new(
            Field::Text,
            "Beschluss: Bitte den Text angeben.",
        ));
    }
    for (value, name, field) in [
        (input.votes_yes, "Ja-Stimmen", Field::VotesYes),
        (input.votes_no, "Nein-Stimmen", Field::VotesNo),
        (input.votes_abstain, "Enthaltungen", Field::VotesAbstain),
    ] {
        if value.is_some_and(|v| !(0..=10_000).contains(&v)) {
            problems.push(FieldError::new(
                field,
                format!("{name}: Bitte eine Zahl ab 0 angeben."),
            ));
        }
    }
    if !problems.is_empty() {
        return Err(Error::Invalid(problems));
    }
    Ok(DecisionFields {
        text: body.unwrap_or_default(),
        votes_yes: input.votes_yes,
        votes_no: input.votes_no,
        votes_abstain: input.votes_abstain,
    })
}

/// Adds a decision.
pub fn add_decision(
    w: &mut Writer<'_>,
    minutes_id: i64,
    agenda_item_id: Option<i64>,
    input: &DecisionInput,
) -> Result<i64> {
    let meta = editable(w.read(), minutes_id)?;
    check_item(w.read(), &meta, agenda_item_id)?;
    let fields = decision_fields(input)?;
    w.minutes()
        .add_decision(minutes_id, agenda_item_id, &fields)
}

/// Changes a decision.
pub fn update_decision(w: &mut Writer<'_>, id: i64, input: &DecisionInput) -> Result<i64> {
    let minutes_id = w.read().minutes().decision_minutes(id)?;
    editable(w.read(), minutes_id)?;
    let fields = decision_fields(input)?;
    w.minutes().update_decision(id, minutes_id, &fields)?;
    Ok(minutes_id)
}

/// Removes a decision.
pub fn remove_decision(w: &mut Writer<'_>, id: i64) -> Result<i64> {
    let minutes_id = w.read().minutes().decision_minutes(id)?;
    editable(w.read(), minutes_id)?;
    w.minutes().delete_decision(id)?;
    Ok(minutes_id)
}

fn action_fields(r: Reader<'_>, input: &ActionItemInput, today: NaiveDate) -> Result<ActionFields> {
    let mut problems = Vec::new();
    let what = text::optional(&input.text);
    if what.is_none() {
        problems.push(FieldError::new(
            Field::Text,
            "Aufgabe: Bitte angeben, was zu tun ist.",
        ));
    }
    let due = match date::parse_optional(Field::DueDate, "Fällig am", &input.due_date) {
        Ok(d) => d,
        Err(e) => {
            problems.push(e);
            None
        }
    };
    let done = match date::parse_optional(Field::DoneOn, "Erledigt am", &input.done_on) {
        Ok(d) => d,
        Err(e) => {
            problems.push(e);
            None
        }
    };
    if let Some(p) = input.assignee_id {
        if !r.people().exists(p)? {
            problems.push(FieldError::new(
                Field::AssigneeId,
                "Zuständig: Die gewählte Person gibt es nicht (mehr).",
            ));
        }
    }
    if let Some(o) = input.assignee_organisation_id {
        if !r.organisations().exists(o)? {
            problems.push(FieldError::new(
                Field::AssigneeOrganisationId,
                "Zuständig: Die gewählte Organisation gibt es nicht (mehr).",
            ));
        }
    }
    if !problems.is_empty() {
        return Err(Error::Invalid(problems));
    }
    let done_on = match input.status {
        ActionStatus::Done => Some(done.unwrap_or(today)),
        _ => None,
    };
    Ok(ActionFields {
        text: what.unwrap_or_default(),
        assignee_id: input.assignee_id,
        assignee_organisation_id: input.assignee_organisation_id,
        assignee_text: text::optional(&input.assignee_text),
        due_date: due,
        status: input.status,
        done_on,
    })
}

/// Adds an action item to the minutes (under an agenda item or the general part).
pub fn add_action(
    w: &mut Writer<'_>,
    minutes_id: i64,
    agenda_item_id: Option<i64>,
    input: &ActionItemInput,
    today: NaiveDate,
) -> Result<i64> {
    let meta = editable(w.read(), minutes_id)?;
    check_item(w.read(), &meta, agenda_item_id)?;
    let fields = action_fields(w.read(), input, today)?;
    w.minutes()
        .add_action((meta.session_id, minutes_id), agenda_item_id, &fields)
}

/// Changes an action item; allowed after approval, since action items live on their own (the
/// approved record keeps what was approved).
pub fn update_action(
    w: &mut Writer<'_>,
    id: i64,
    input: &ActionItemInput,
    today: NaiveDate,
) -> Result<ActionItem> {
    w.read().minutes().action(id, today)?;
    let fields = action_fields(w.read(), input, today)?;
    if let Some(minutes_id) = w.read().minutes().action_minutes(id)? {
        let meta = w.read().minutes().get(minutes_id)?;
        let stored = w.minutes().action_fields(id)?;
        let only_status = ActionFields {
            status: fields.status,
            done_on: fields.done_on,
            ..stored.clone()
        };
        if meta.status.is_locked() && fields != only_status {
            return Err(Error::Locked {
                message: format!(
                    "Die Aufgabe steht im genehmigten Protokoll (Fassung {}): Nur ihr Stand \
                     (offen, erledigt, entfallen) lässt sich noch ändern, nicht was, wer oder bis \
                     wann.",
                    meta.version
                ),
            });
        }
    }
    w.minutes().update_action(id, &fields)?;
    w.read().minutes().action(id, today)
}

/// Marks an action item done (on `done_on`, or today), dropped or open again.
pub fn set_action_status(
    w: &mut Writer<'_>,
    id: i64,
    status: ActionStatus,
    done_on: &str,
    today: NaiveDate,
) -> Result<ActionItem> {
    let item = w.read().minutes().action(id, today)?;
    let input = ActionItemInput {
        text: item.text,
        assignee_id: item.assignee_id,
        assignee_organisation_id: item.assignee_organisation_id,
        assignee_text: item.assignee_text.unwrap_or_default(),
        due_date: item.due_date.map(date::german).unwrap_or_default(),
        status,
        done_on: done_on.to_owned(),
    };
    update_action(w, id, &input, today)
}

/// Removes an action item of minutes that are still a draft.
pub fn remove_action(w: &mut Writer<'_>, id: i64, today: NaiveDate) -> Result<()> {
    w.read().minutes().action(id, today)?;
    if let Some(minutes_id) = w.read().minutes().action_minutes(id)? {
        editable(w.read(), minutes_id)?;
    }
    w.minutes().delete_action(id)
}

/// Marks the minutes as sent on a day.
pub fn send(w: &mut Writer<'_>, minutes_id: i64, on: &str, today: NaiveDate) -> Result<()> {
    editable(w.read(), minutes_id)?;
    let day = if on.trim().is_empty() {
        today
    } else {
        date::parse(Field::Date, "Versandt am", on).map_err(|e| Error::Invalid(vec![e]))?
    };
    w.minutes().set_sent(minutes_id, day)
}

/// The e-mail addresses of the present, excused and represented people, for the BCC field.
pub fn email_list(r: Reader<'_>, session_id: i64) -> Result<String> {
    super::attendance::email_list(r, session_id)
}

/// The record stored at approval: what was approved, in a form that a later change of the
/// register cannot alter.
#[derive(Debug, Clone, Serialize)]
struct Record<'a> {
    session: i64,
    version: i64,
    sections: &'a [MinutesSection],
    present: &'a [PersonRef],
    excused: &'a [PersonRef],
    represented: &'a [PersonRef],
}

fn record_of(r: Reader<'_>, meta: &MinutesMeta, now: NaiveDateTime) -> Result<(String, Vec<u8>)> {
    let d = detail(r, meta.session_id, now.date())?;
    let own = sections(r, meta.session_id, Some(meta), now.date())?;
    let record = Record {
        session: d.session.number,
        version: meta.version,
        sections: &own,
        present: &d.present,
        excused: &d.excused,
        represented: &d.represented,
    };
    let text = serde_json::to_string(&record).map_err(|e| Error::Conflict {
        message: format!("Das Protokoll konnte nicht gesichert werden: {e}"),
    })?;
    let pdf = crate::pdf::prepare_in(
        r,
        &crate::pdf::Document::MinutesVersion {
            session: d.session.number,
            version: meta.version,
        },
        now,
    )?
    .render()?;
    Ok((text, pdf.bytes))
}

/// Approves the minutes: at a later session (its running number; the date defaults to its first
/// day) or by written procedure (with its deadline), optionally with the changes noted. The
/// content and the PDF as approved are stored in the same transaction.
pub fn approve(
    w: &mut Writer<'_>,
    minutes_id: i64,
    input: &ApprovalInput,
    now: NaiveDateTime,
) -> Result<()> {
    let meta = editable(w.read(), minutes_id)?;
    let session = w.read().sessions().get(meta.session_id)?;
    let mut problems = Vec::new();
    let at_session = match (input.kind, input.at_session) {
        (ApprovalKind::Session, None) => {
            problems.push(FieldError::new(
                Field::AtSession,
                "Genehmigt in der Sitzung: Bitte die Sitzung angeben.",
            ));
            None
        }
        (ApprovalKind::Session, Some(n)) => match w.read().sessions().by_number(n)? {
            Some(s) if s.first_day > session.first_day => Some(s),
            Some(_) => {
                problems.push(FieldError::new(
                    Field::AtSession,
                    format!(
                        "Genehmigt in der Sitzung: Die {n}. Sitzung liegt nicht nach der {}.",
                        session.number
                    ),
                ));
                None
            }
            None => {
                problems.push(FieldError::new(
                    Field::AtSession,
                    format!("Genehmigt in der Sitzung: Eine {n}. Sitzung gibt es nicht."),
                ));
                None
            }
        },
        (ApprovalKind::Written, _) => None,
    };
    let on = match date::parse_optional(Field::Date, "Genehmigt am", &input.date) {
        Ok(Some(d)) => Some(d),
        Ok(None) => at_session.as_ref().map(|s| s.first_day).or_else(|| {
            problems.push(FieldError::new(
                Field::Date,
                "Genehmigt am: Bitte ein Datum angeben.",
            ));
            None
        }),
        Err(e) => {
            problems.push(e);
            None
        }
    };
    let deadline = match date::parse_optional(
        Field::WrittenDeadline,
        "Frist des Umlaufverfahrens",
        &input.written_deadline,
    ) {
        Ok(d) => d,
        Err(e) => {
            problems.push(e);
            None
        }
    };
    if input.kind == ApprovalKind::Written && deadline.is_none() && problems.is_empty() {
        problems.push(FieldError::new(
            Field::WrittenDeadline,
            "Frist des Umlaufverfahrens: Bitte die Frist angeben.",
        ));
    }
    if let Some(on) = on.filter(|d| *d < session.first_day) {
        problems.push(FieldError::new(
            Field::Date,
            format!(
                "Genehmigt am: Der {} liegt vor der Sitzung selbst.",
                date::german(on)
            ),
        ));
    }
    if !problems.is_empty() {
        return Err(Error::Invalid(problems));
    }
    let approval = Approval {
        kind: input.kind,
        at_session_id: at_session.map(|s| s.id),
        on: on.unwrap_or(now.date()),
        changes: text::optional(&input.changes),
        written_deadline: deadline,
        written_replies: match input.kind {
            ApprovalKind::Written => text::optional(&input.written_replies),
            ApprovalKind::Session => None,
        },
    };
    // Approve first, then render the record inside the same transaction, so the stored PDF
    // carries the approval line.
    w.minutes().approve(minutes_id, &approval)?;
    let (text, pdf) = record_of(w.read(), &w.read().minutes().get(minutes_id)?, now)?;
    w.minutes().store_record(minutes_id, (&text, &pdf))?;
    // The approving session records it too: a decision in its minutes (begun if need be).
    if let Some(approving) = approval.at_session_id {
        let target = start(w, approving)?;
        if !target.status.is_locked() {
            let mut decision = format!(
                "Das Protokoll der {}. Sitzung wird genehmigt",
                session.number
            );
            match &approval.changes {
                Some(changes) => decision.push_str(&format!(" mit Änderungen: {changes}")),
                None => decision.push('.'),
            }
            w.minutes().add_decision(
                target.id,
                None,
                &DecisionFields {
                    text: decision,
                    votes_yes: None,
                    votes_no: None,
                    votes_abstain: None,
                },
            )?;
        }
    }
    Ok(())
}

/// Stores the records of approved minutes that have none (the demo's): rendered now.
pub fn store_missing_records(w: &mut Writer<'_>, now: NaiveDateTime) -> Result<usize> {
    let mut stored = 0;
    for session in w.read().sessions().all()? {
        for meta in w.read().minutes().versions(session.id)? {
            if meta.status.is_locked() && w.read().minutes().record(meta.id)?.is_none() {
                let (text, pdf) = record_of(w.read(), &meta, now)?;
                w.minutes().store_record(meta.id, (&text, &pdf))?;
                stored += 1;
            }
        }
    }
    Ok(stored)
}

/// Corrects approved minutes: a new draft version with the same notes and decisions and the
/// reason; the approved version stays as it is, with its stored record.
pub fn correct(w: &mut Writer<'_>, minutes_id: i64, reason: &str) -> Result<MinutesMeta> {
    let old = w.read().minutes().get(minutes_id)?;
    if !old.status.is_locked() || !old.is_current {
        return Err(Error::Conflict {
            message: "Nur ein genehmigtes, aktuelles Protokoll wird korrigiert; ein Entwurf wird \
                      einfach weiter bearbeitet."
                .to_owned(),
        });
    }
    let Some(reason) = text::optional(reason) else {
        return Err(Error::validation(
            Field::Reason,
            "Grund der Korrektur: Bitte angeben, was korrigiert wird und warum.",
        ));
    };
    let notes = w.read().minutes().notes(minutes_id)?;
    let decisions = w.read().minutes().decisions(minutes_id)?;
    w.minutes().retire(minutes_id)?;
    let id = w.minutes().create(
        old.session_id,
        old.version + 1,
        old.recorder_id,
        Some(&reason),
    )?;
    w.minutes().set_superseded(minutes_id, id)?;
    for (item, text) in notes {
        w.minutes().save_note(id, item, &text)?;
    }
    for d in decisions {
        w.minutes().add_decision(
            id,
            d.agenda_item_id,
            &DecisionFields {
                text: d.text,
                votes_yes: d.votes_yes,
                votes_no: d.votes_no,
                votes_abstain: d.votes_abstain,
            },
        )?;
    }
    w.read().minutes().get(id)
}

/// The stored PDF of an approved version, byte for byte; `None` for a draft.
pub fn stored_pdf(r: Reader<'_>, session_id: i64, version: i64) -> Result<Option<Vec<u8>>> {
    let Some(meta) = r
        .minutes()
        .versions(session_id)?
        .into_iter()
        .find(|m| m.version == version)
    else {
        return Err(Error::NotFound {
            entity: "minutes",
            id: version,
        });
    };
    Ok(r.minutes().record(meta.id)?.map(|(_, pdf)| pdf))
}

/// The texts of a version per section, for the diff.
fn texts_of(
    r: Reader<'_>,
    session_id: i64,
    version: i64,
) -> Result<Vec<(Option<i64>, String, String)>> {
    let meta = r
        .minutes()
        .versions(session_id)?
        .into_iter()
        .find(|m| m.version == version)
        .ok_or(Error::NotFound {
            entity: "minutes",
            id: version,
        })?;
    let today = chrono::Local::now().date_naive();
    Ok(sections(r, session_id, Some(&meta), today)?
        .into_iter()
        .map(|s| {
            let mut body = s.notes.clone();
            for d in &s.decisions {
                body.push_str(&format!("\nBeschluss: {}", d.text));
            }
            let title = match s.number {
                Some(n) => format!("TOP {n} {}", s.title),
                None => s.title.clone(),
            };
            (s.agenda_item_id, title, body)
        })
        .collect())
}

/// What changed from `before` to `after`, line by line in reading order (the crate `similar`).
/// Also used for the versions of a recommendation's text.
pub fn line_diff(before: &str, after: &str) -> Vec<DiffLine> {
    similar::TextDiff::from_lines(before, after)
        .iter_all_changes()
        .map(|c| DiffLine {
            kind: match c.tag() {
                similar::ChangeTag::Equal => DiffKind::Same,
                similar::ChangeTag::Insert => DiffKind::Added,
                similar::ChangeTag::Delete => DiffKind::Removed,
            },
            text: c.value().trim_end_matches('\n').to_owned(),
        })
        .collect()
}

/// What changed between two versions, per section, line by line.
pub fn diff(r: Reader<'_>, session_id: i64, from: i64, to: i64) -> Result<Vec<SectionDiff>> {
    let old = texts_of(r, session_id, from)?;
    let new = texts_of(r, session_id, to)?;
    Ok(new
        .into_iter()
        .map(|(item, title, after)| {
            let before = old
                .iter()
                .find(|(i, _, _)| *i == item)
                .map(|(_, _, t)| t.clone())
                .unwrap_or_default();
            let lines = line_diff(&before, &after);
            SectionDiff {
                changed: lines.iter().any(|l| l.kind != DiffKind::Same),
                title,
                lines,
            }
        })
        .collect())
}

/// The action items of the "Offene Aufgaben" view.
pub fn tasks(
    r: Reader<'_>,
    filter: &crate::store::minutes::TaskFilter,
    today: NaiveDate,
) -> Result<Vec<ActionItem>> {
    r.minutes().tasks(filter, today)
}

/// The action items as an Excel workbook for the annual report.
pub fn tasks_workbook(
    r: Reader<'_>,
    filter: &crate::store::minutes::TaskFilter,
    today: NaiveDate,
) -> Result<(Vec<u8>, usize)> {
    use crate::model::Stored;
    let items = tasks(r, filter, today)?;
    let header: Vec<String> = [
        "Aufgabe",
        "Zuständig",
        "Fällig",
        "Status",
        "Erledigt am",
        "Sitzung",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    let rows: Vec<Vec<String>> = items
        .iter()
        .map(|a| {
            vec![
                a.text.clone(),
                a.assignee.clone().unwrap_or_default(),
                a.due_date.map(date::german).unwrap_or_default(),
                if a.overdue {
                    "überfällig".to_owned()
                } else {
                    a.status.label().to_owned()
                },
                a.done_on.map(date::german).unwrap_or_default(),
                format!("{}.", a.session_number),
            ]
        })
        .collect();
    let bytes = crate::export::xlsx::table("Aufgaben", &header, &rows)?;
    Ok((bytes, rows.len()))
}

/// The minutes PDF of a session: the stored record of an approved version, byte for byte, or a
/// fresh rendering (a draft with ENTWURF, an approved version without a record).
pub fn pdf(
    store: &crate::Store,
    session_id: i64,
    version: Option<i64>,
    now: NaiveDateTime,
) -> Result<crate::pdf::Rendered> {
    let r = store.read();
    let session = r.sessions().get(session_id)?;
    let meta = match version {
        Some(v) => Some(
            r.minutes()
                .versions(session_id)?
                .into_iter()
                .find(|m| m.version == v)
                .ok_or(Error::NotFound {
                    entity: "minutes",
                    id: v,
                })?,
        ),
        None => r.minutes().current(session_id)?,
    };
    if let Some(meta) = &meta {
        if let Some((_, bytes)) = r.minutes().record(meta.id)? {
            let pages = lopdf::Document::load_mem(&bytes)
                .map(|d| d.get_pages().len())
                .unwrap_or_default();
            return Ok(crate::pdf::Rendered {
                bytes,
                pages,
                warnings: Vec::new(),
                bookmarks: Vec::new(),
                laid: Vec::new(),
            });
        }
    }
    let document = match meta {
        Some(m) => crate::pdf::Document::MinutesVersion {
            session: session.number,
            version: m.version,
        },
        None => crate::pdf::Document::Minutes {
            session: session.number,
        },
    };
    crate::pdf::render(store, &document, now)
}
