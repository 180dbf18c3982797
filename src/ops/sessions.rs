//! Sessions and their agenda: planning, changing, cancelling and deleting a meeting, adding and
//! moving its agenda items (TOP numbers and times follow the order).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::model::session::{
    day_start, parse_time, schedule_days, AgendaItemFields, AgendaItemInput, AgendaKind, Session,
    SessionInput, SessionStatus, Slot, SpeakerFields, SpeakerInput,
};
use crate::model::{Field, FieldError};
use crate::store::documents::AgendaRow;
use crate::store::sessions::{AttachmentInfo, NewAgendaItem, Speaker, TopicRef};
use crate::store::{Reader, Writer};

/// Plans a new session (status "geplant").
pub fn create(w: &mut Writer<'_>, input: &SessionInput) -> Result<Session> {
    let fields = input.validate()?;
    check_number(w.read(), None, fields.number)?;
    check_host(w.read(), fields.host_organisation_id)?;
    let id = w.sessions().create(&fields)?;
    w.read().sessions().get(id)
}

/// Saves the form over a session. Agenda items on days the session no longer has are refused.
pub fn update(w: &mut Writer<'_>, id: i64, input: &SessionInput) -> Result<Session> {
    let fields = input.validate()?;
    w.read().sessions().get(id)?;
    check_number(w.read(), Some(id), fields.number)?;
    check_host(w.read(), fields.host_organisation_id)?;
    let outside = w
        .read()
        .sessions()
        .agenda_order(id)?
        .into_iter()
        .filter(|(_, day)| *day < fields.first_day || *day > fields.last_day)
        .count();
    if outside > 0 {
        return Err(Error::validation(
            Field::LastDay,
            format!(
                "Letzter Tag: {outside} Tagesordnungspunkt(e) liegen außerhalb der neuen Tage. \
                 Bitte sie zuerst verschieben oder entfernen."
            ),
        ));
    }
    w.sessions().update(id, &fields)?;
    w.sessions().prune_day_starts(id)?;
    w.read().sessions().get(id)
}

/// Sets a session's status (geplant, eingeladen, durchgeführt, abgesagt).
pub fn set_status(w: &mut Writer<'_>, id: i64, status: SessionStatus) -> Result<Session> {
    w.read().sessions().get(id)?;
    w.sessions().set_status(id, status)?;
    w.read().sessions().get(id)
}

/// Calls a session off; it stays with its agenda and attendance.
pub fn cancel(w: &mut Writer<'_>, id: i64) -> Result<Session> {
    w.read().sessions().get(id)?;
    w.sessions().set_status(id, SessionStatus::Cancelled)?;
    w.read().sessions().get(id)
}

/// Deletes a session that has neither attendance nor minutes; otherwise refuses and points to
/// cancelling.
pub fn delete(w: &mut Writer<'_>, id: i64) -> Result<()> {
    let session = w.read().sessions().get(id)?;
    let (attendance, minutes) = w.read().sessions().history(id)?;
    if attendance > 0 || minutes > 0 {
        return Err(Error::Conflict {
            message: format!(
                "Die {}. Sitzung kann nicht gelöscht werden, weil sie {} hat. Stattdessen \
                 absagen: Sie bleibt mit ihrer Geschichte erhalten.",
                session.number,
                super::counted(&[
                    (attendance, "Teilnahme", "Teilnahmen"),
                    (minutes, "Protokoll", "Protokolle"),
                ])
            ),
        });
    }
    w.sessions().delete(id)
}

fn check_number(r: Reader<'_>, own_id: Option<i64>, number: i64) -> Result<()> {
    match r.sessions().by_number(number)? {
        Some(other) if Some(other.id) != own_id => Err(Error::validation(
            Field::Number,
            format!(
                "Nummer: Die {number}. Sitzung gibt es schon („{}“).",
                other.title
            ),
        )),
        _ => Ok(()),
    }
}

fn check_host(r: Reader<'_>, host: Option<i64>) -> Result<()> {
    match host {
        Some(id) if !r.organisations().exists(id)? => Err(Error::validation(
            Field::HostOrganisationId,
            "Gastgeber: Die gewählte Organisation gibt es nicht (mehr).",
        )),
        _ => Ok(()),
    }
}

/// Where a session stands in the list: the next one first, then the later ones, then the past
/// ones (newest first).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum When {
    /// The next session that is not over.
    Next,
    /// Later ones.
    Upcoming,
    /// Over.
    Past,
}

/// A session in the list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SessionEntry {
    /// The session.
    pub session: Session,
    /// Next, upcoming or past.
    pub when: When,
    /// The host organisation's name.
    pub host_name: Option<String>,
    /// People on the attendance list.
    pub invited: i64,
    /// Of them: registered, represented or present.
    pub expected: i64,
}

/// Sessions in the order the list shows them, optionally of one year and one status.
pub fn list(
    r: Reader<'_>,
    today: NaiveDate,
    year: Option<i32>,
    status: Option<SessionStatus>,
) -> Result<Vec<SessionEntry>> {
    use chrono::Datelike;
    let all = r.sessions().all()?;
    let next_id = all
        .iter()
        .filter(|s| s.last_day >= today && s.status != SessionStatus::Cancelled)
        .min_by_key(|s| s.first_day)
        .map(|s| s.id);
    let mut entries = Vec::new();
    for session in all
        .into_iter()
        .filter(|s| year.is_none_or(|y| s.first_day.year() == y))
        .filter(|s| status.is_none_or(|st| s.status == st))
    {
        let when = if Some(session.id) == next_id {
            When::Next
        } else if session.last_day >= today {
            When::Upcoming
        } else {
            When::Past
        };
        let (invited, expected) = r.sessions().attendance_counts(session.id)?;
        let host_name = host_name(r, session.host_organisation_id)?;
        entries.push(SessionEntry {
            session,
            when,
            host_name,
            invited,
            expected,
        });
    }
    entries.sort_by(|a, b| {
        a.when.cmp(&b.when).then_with(|| match a.when {
            When::Past => b.session.first_day.cmp(&a.session.first_day),
            _ => a.session.first_day.cmp(&b.session.first_day),
        })
    });
    Ok(entries)
}

fn host_name(r: Reader<'_>, host: Option<i64>) -> Result<Option<String>> {
    match host {
        Some(id) => Ok(Some(r.organisations().get(id)?.name)),
        None => Ok(None),
    }
}

/// An agenda item with its TOP number and its computed time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ScheduledItem {
    /// The item as stored.
    #[serde(skip)]
    #[ts(skip)]
    pub item: AgendaRow,
    /// Its id.
    pub id: i64,
    /// Day.
    pub day: NaiveDate,
    /// "TOP 3"; breaks have none.
    pub number: Option<usize>,
    /// When it takes place.
    pub slot: Slot,
    /// Kind.
    pub kind: AgendaKind,
    /// Title.
    pub title: String,
    /// Description.
    pub description: Option<String>,
    /// Place (of a visit).
    pub place: Option<String>,
    /// Fixed start "HH:MM".
    pub start_time: Option<String>,
    /// Duration.
    pub duration_minutes: Option<i64>,
    /// Only on the internal agenda.
    pub internal: bool,
    /// Kept when the session is copied as a template.
    pub standing: bool,
    /// Speakers in order.
    pub speakers: Vec<Speaker>,
    /// Topics.
    pub topics: Vec<TopicRef>,
    /// Attachments.
    pub attachments: Vec<AttachmentInfo>,
}

/// A meeting day and when it starts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct DayPlan {
    /// The day.
    pub day: NaiveDate,
    /// Its start, "HH:MM".
    pub start: String,
}

/// A session with its agenda in order, numbered and timed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SessionDetail {
    /// The session.
    pub session: Session,
    /// The host organisation's name.
    pub host_name: Option<String>,
    /// Its days with their starts.
    pub days: Vec<DayPlan>,
    /// The agenda, by day and order.
    pub agenda: Vec<ScheduledItem>,
    /// People on the attendance list.
    pub attendance: i64,
    /// Minutes versions.
    pub minutes: i64,
    /// Neither attendance nor minutes: it may be deleted.
    pub can_delete: bool,
    /// The report item "Bericht: offene Aufgaben": action items of earlier sessions still open.
    pub open_items: Vec<crate::store::minutes::ActionItem>,
}

/// A session with its scheduled agenda, by running number.
pub fn show(r: Reader<'_>, number: i64) -> Result<SessionDetail> {
    let session = r.sessions().by_number(number)?.ok_or(Error::NotFound {
        entity: "session",
        id: number,
    })?;
    detail(r, session.id)
}

/// A session with its scheduled agenda, by id.
pub fn detail(r: Reader<'_>, id: i64) -> Result<SessionDetail> {
    let session = r.sessions().get(id)?;
    let starts = r.sessions().day_starts(id)?;
    let days = session
        .days()
        .into_iter()
        .map(|day| DayPlan {
            day,
            start: day_start(&starts, day).format("%H:%M").to_string(),
        })
        .collect();
    // The store gives the agenda by day, then position.
    let items = r.documents().agenda(session.id)?;
    let agenda = scheduled(r, &starts, items)?;
    let (attendance, minutes) = r.sessions().history(id)?;
    let open_items = r
        .minutes()
        .open_before(session.first_day, chrono::Local::now().date_naive())?;
    Ok(SessionDetail {
        open_items,
        host_name: host_name(r, session.host_organisation_id)?,
        session,
        days,
        agenda,
        attendance,
        minutes,
        can_delete: attendance == 0 && minutes == 0,
    })
}

/// Numbers and times the items (in order) and adds what the editor shows of each.
fn scheduled(
    r: Reader<'_>,
    starts: &[(NaiveDate, String)],
    items: Vec<AgendaRow>,
) -> Result<Vec<ScheduledItem>> {
    let times: Vec<_> = items
        .iter()
        .map(|i| {
            (
                i.day,
                parse_time(i.start_time.as_deref()),
                i.duration_minutes,
            )
        })
        .collect();
    let slots = schedule_days(&times, |day| day_start(starts, day));
    let mut next_number = 0;
    let mut agenda = Vec::with_capacity(items.len());
    for (item, slot) in items.into_iter().zip(slots) {
        let number = (!item.kind.is_break()).then(|| {
            next_number += 1;
            next_number
        });
        // A draft (id 0) has nothing stored yet.
        let (speakers, topics, attachments) = if item.id == 0 {
            (Vec::new(), Vec::new(), Vec::new())
        } else {
            (
                r.sessions().speakers(item.id)?,
                r.sessions().topics(item.id)?,
                r.sessions().attachments(item.id)?,
            )
        };
        agenda.push(ScheduledItem {
            id: item.id,
            day: item.day,
            number,
            slot,
            kind: item.kind,
            title: item.title.clone(),
            description: item.description.clone(),
            place: item.place.clone(),
            start_time: item.start_time.clone(),
            duration_minutes: item.duration_minutes,
            internal: item.internal,
            standing: item.standing,
            speakers,
            topics,
            attachments,
            item,
        });
    }
    Ok(agenda)
}

/// The agenda as it would be with the editor's draft of one item (a new one at the end of its
/// day when `item_id` is `None`): the live times while typing. Nothing is saved, and a
/// half-typed draft is never refused: what cannot be read yet is left out of the times.
pub fn preview_item(
    r: Reader<'_>,
    session_id: i64,
    item_id: Option<i64>,
    input: &AgendaItemInput,
) -> Result<Vec<ScheduledItem>> {
    let session = r.sessions().get(session_id)?;
    let starts = r.sessions().day_starts(session_id)?;
    let mut items = r.documents().agenda(session_id)?;
    let existing = item_id.and_then(|id| items.iter().position(|i| i.id == id));
    let day = crate::model::date::parse(Field::Day, "Tag", &input.day)
        .ok()
        .filter(|d| *d >= session.first_day && *d <= session.last_day)
        .or_else(|| existing.map(|i| items[i].day))
        .unwrap_or(session.first_day);
    let start_time =
        parse_time(Some(input.start_time.trim())).map(|t| t.format("%H:%M").to_string());
    let duration = input.duration_minutes.filter(|m| (1..=1440).contains(m));
    let mut draft = match existing {
        Some(index) => items.remove(index),
        None => AgendaRow {
            id: 0,
            position: i64::MAX,
            ..AgendaRow::default()
        },
    };
    let moved_day = draft.day != day;
    draft.day = day;
    draft.start_time = start_time;
    draft.duration_minutes = duration;
    draft.kind = input.kind;
    draft.title = crate::model::text::nfc(input.title.trim());
    draft.internal = input.internal;
    draft.standing = input.standing;
    if moved_day {
        // A moved item goes to the end of its new day, as saving does.
        draft.position = i64::MAX;
    }
    items.push(draft);
    items.sort_by_key(|i| (i.day, i.position, i.id));
    scheduled(r, &starts, items)
}

/// Sets when a meeting day starts; the times of its items follow.
pub fn set_day_start(w: &mut Writer<'_>, session_id: i64, day: &str, start: &str) -> Result<()> {
    let session = w.read().sessions().get(session_id)?;
    let mut problems = crate::model::field::Problems::new();
    let day = problems.take(crate::model::date::parse(Field::Day, "Tag", day));
    if let Some(d) = day.filter(|d| *d < session.first_day || *d > session.last_day) {
        problems.add(
            Field::Day,
            format!(
                "Tag: Der {} gehört nicht zur Sitzung.",
                crate::model::date::german(d)
            ),
        );
    }
    let time = parse_time(Some(start.trim()));
    if time.is_none() {
        problems.add(
            Field::StartTime,
            format!(
                "Beginn: „{}“ ist keine Uhrzeit. Bitte als HH:MM angeben.",
                start.trim()
            ),
        );
    }
    let (day, time) = problems
        .finish(|| (day.unwrap_or_default(), time.unwrap_or_default()))
        .map_err(Error::Invalid)?;
    w.sessions()
        .set_day_start(session_id, day, &time.format("%H:%M").to_string())
}

/// What "Als Vorlage kopieren" asks for.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct SessionCopyInput {
    /// Running number of the new session (required).
    pub number: Option<i64>,
    /// Its first day (required); the other days and the deadline shift with it.
    pub first_day: String,
    /// Its title; empty to keep the title with the new number ("39. Sitzung …").
    pub title: String,
}

/// Copies a session as the template of the next one: the days (and the registration deadline)
/// shifted to the new first day, venue, host, description, the day starts and the agenda's
/// structure with its standing items; speakers, topics and durations stay with their items.
/// Attendance, minutes, attachments and the status do not come along (the copy is planned).
pub fn copy(w: &mut Writer<'_>, id: i64, input: &SessionCopyInput) -> Result<Session> {
    let source = w.read().sessions().get(id)?;
    let mut problems = crate::model::field::Problems::new();
    let first_day = if input.first_day.trim().is_empty() {
        problems.add(Field::FirstDay, "Erster Tag: Bitte ein Datum angeben.");
        None
    } else {
        problems.take(crate::model::date::parse(
            Field::FirstDay,
            "Erster Tag",
            &input.first_day,
        ))
    };
    if input.number.is_none() {
        problems.add(Field::Number, "Nummer: Bitte die laufende Nummer angeben.");
    }
    let first_day = problems
        .finish(|| first_day.unwrap_or_default())
        .map_err(Error::Invalid)?;
    let shift = first_day - source.first_day;
    let number = input.number.unwrap_or_default();
    let title = match crate::model::text::optional(&input.title) {
        Some(title) => title,
        None => retitle(&source.title, source.number, number),
    };
    let german = |d: NaiveDate| crate::model::date::german(d);
    let fields = SessionInput {
        number: Some(number),
        title,
        first_day: german(first_day),
        last_day: german(source.last_day + shift),
        venue: source.venue.clone().unwrap_or_default(),
        address: source.address.clone().unwrap_or_default(),
        host_organisation_id: source.host_organisation_id,
        description: source.description.clone().unwrap_or_default(),
        registration_deadline: source
            .registration_deadline
            .map(|d| german(d + shift))
            .unwrap_or_default(),
    };
    let copy = create(w, &fields)?;
    for (day, start) in w.read().sessions().day_starts(id)? {
        w.sessions().set_day_start(copy.id, day + shift, &start)?;
    }
    let items = w.read().documents().agenda(id)?;
    let mut ids = Vec::with_capacity(items.len());
    for item in &items {
        let fields = w.read().sessions().agenda_item(item.id)?;
        let new_id = w.sessions().insert_agenda_item(&NewAgendaItem {
            session_id: copy.id,
            position: item.position,
            day: item.day + shift,
            start_time: fields.start_time.as_deref(),
            duration_minutes: Some(fields.duration_minutes).filter(|m| *m > 0),
            kind: fields.kind,
            title: &fields.title,
            description: fields.description.as_deref(),
            place: fields.place.as_deref(),
            internal: fields.internal,
            standing: fields.standing,
        })?;
        w.sessions().insert_speakers(new_id, &fields.speakers)?;
        w.sessions().insert_topics(new_id, &fields.topic_ids)?;
        ids.push(new_id);
    }
    w.sessions().set_order(&ids)?;
    w.read().sessions().get(copy.id)
}

/// "38. Sitzung des Arbeitskreises" becomes "39. Sitzung des Arbeitskreises"; a title without
/// the old number is kept as it is.
fn retitle(title: &str, old: i64, new: i64) -> String {
    let old_prefix = format!("{old}.");
    match title.strip_prefix(&old_prefix) {
        Some(rest) => format!("{new}.{rest}"),
        None => title.to_owned(),
    }
}

/// Adds an item at the end of its day.
pub fn add_item(w: &mut Writer<'_>, session_id: i64, input: &AgendaItemInput) -> Result<i64> {
    let session = w.read().sessions().get(session_id)?;
    let fields = checked_item(w.read(), &session, input)?;
    let order = w.read().sessions().agenda_order(session_id)?;
    let position = i64::try_from(order.len()).unwrap_or(i64::MAX) + 1;
    let id = w.sessions().insert_agenda_item(&NewAgendaItem {
        session_id,
        position,
        day: fields.day,
        start_time: fields.start_time.as_deref(),
        duration_minutes: Some(fields.duration_minutes),
        kind: fields.kind,
        title: &fields.title,
        description: fields.description.as_deref(),
        place: fields.place.as_deref(),
        internal: fields.internal,
        standing: fields.standing,
    })?;
    w.sessions().insert_speakers(id, &fields.speakers)?;
    w.sessions().insert_topics(id, &fields.topic_ids)?;
    // Positions count across the session; the day comes first in the order anyway.
    let mut ids: Vec<i64> = order.into_iter().map(|(id, _)| id).collect();
    ids.push(id);
    w.sessions().set_order(&ids)?;
    w.sessions().touch(session_id)?;
    Ok(id)
}

/// Validates an item and checks what it refers to: speakers from the register that were
/// deleted and topics that are gone are refused with the other problems, all at once.
fn checked_item(
    r: Reader<'_>,
    session: &Session,
    input: &AgendaItemInput,
) -> Result<AgendaItemFields> {
    let mut problems = match input.validate(session) {
        Ok(fields) => return check_references(r, fields),
        Err(problems) => problems,
    };
    // Report the reference problems together with the field problems.
    let refs = reference_problems(r, input)?;
    problems.extend(refs);
    Err(Error::Invalid(problems))
}

fn check_references(r: Reader<'_>, fields: AgendaItemFields) -> Result<AgendaItemFields> {
    let input = AgendaItemInput {
        speakers: fields
            .speakers
            .iter()
            .map(|s| match s {
                SpeakerFields::Person(id) => SpeakerInput {
                    person_id: Some(*id),
                    name: String::new(),
                },
                SpeakerFields::Text(name) => SpeakerInput {
                    person_id: None,
                    name: name.clone(),
                },
            })
            .collect(),
        topic_ids: fields.topic_ids.clone(),
        ..AgendaItemInput::default()
    };
    let problems = reference_problems(r, &input)?;
    if problems.is_empty() {
        Ok(fields)
    } else {
        Err(Error::Invalid(problems))
    }
}

fn reference_problems(r: Reader<'_>, input: &AgendaItemInput) -> Result<Vec<FieldError>> {
    let mut problems = Vec::new();
    for (n, speaker) in (1..).zip(&input.speakers) {
        if let Some(id) = speaker.person_id {
            if !r.people().exists(id)? {
                problems.push(FieldError::new(
                    Field::Speakers,
                    format!(
                        "Referierende: Die Person im {n}. Eintrag wurde gelöscht. Bitte eine \
                         andere Person wählen oder den Namen als Text eintragen."
                    ),
                ));
            }
        }
    }
    let missing = r.sessions().missing_topics(&input.topic_ids)?;
    if !missing.is_empty() {
        problems.push(FieldError::new(
            Field::TopicIds,
            format!(
                "Themen: {} der gewählten Themen gibt es nicht mehr.",
                missing.len()
            ),
        ));
    }
    Ok(problems)
}

/// Moves an item one place up (`-1`) or down (`1`) within its day (Alt+↑/↓ in the editor).
pub fn move_item(w: &mut Writer<'_>, session_id: i64, item_id: i64, by: i64) -> Result<()> {
    let order = w.read().sessions().agenda_order(session_id)?;
    let Some(index) = order.iter().position(|(id, _)| *id == item_id) else {
        return Err(Error::NotFound {
            entity: "agenda_item",
            id: item_id,
        });
    };
    let target = if by < 0 {
        index.checked_sub(1)
    } else {
        Some(index + 1).filter(|t| *t < order.len())
    };
    let Some(target) = target.filter(|t| order[*t].1 == order[index].1) else {
        return Ok(()); // Already first or last of its day.
    };
    let mut ids: Vec<i64> = order.into_iter().map(|(id, _)| id).collect();
    ids.swap(index, target);
    w.sessions().set_order(&ids)?;
    w.sessions().touch(session_id)
}

/// Saves the editor over an agenda item (its order stays; on another day it goes to the end).
pub fn update_item(
    w: &mut Writer<'_>,
    session_id: i64,
    item_id: i64,
    input: &AgendaItemInput,
) -> Result<()> {
    let session = w.read().sessions().get(session_id)?;
    check_item_of(w.read(), session_id, item_id)?;
    let fields = checked_item(w.read(), &session, input)?;
    let day_before = w.read().sessions().agenda_item(item_id)?.day;
    w.sessions().update_agenda_item(item_id, &fields)?;
    if day_before != fields.day {
        let mut ids: Vec<i64> = w
            .read()
            .sessions()
            .agenda_order(session_id)?
            .into_iter()
            .map(|(id, _)| id)
            .filter(|id| *id != item_id)
            .collect();
        ids.push(item_id);
        w.sessions().set_order(&ids)?;
    }
    w.sessions().touch(session_id)
}

/// Removes an agenda item.
pub fn remove_item(w: &mut Writer<'_>, session_id: i64, item_id: i64) -> Result<()> {
    check_item_of(w.read(), session_id, item_id)?;
    if w.read().sessions().item_minutes_refs(item_id)? > 0 {
        return Err(Error::Conflict {
            message: "Der Tagesordnungspunkt hat Notizen oder Beschlüsse im Protokoll und wird \
                      deshalb nicht entfernt. Bitte dort zuerst leeren, oder den Punkt behalten."
                .to_owned(),
        });
    }
    w.sessions().delete_agenda_item(item_id)?;
    w.sessions().touch(session_id)
}

/// Refuses an item of another session (a stale screen).
fn check_item_of(r: Reader<'_>, session_id: i64, item_id: i64) -> Result<()> {
    if r.sessions().item_session(item_id)? == session_id {
        Ok(())
    } else {
        Err(Error::NotFound {
            entity: "agenda_item",
            id: item_id,
        })
    }
}

/// Puts every current member and partner as of the session's first day on its attendance list
/// as "eingeladen", for the organisation of their main mandate: standing representatives,
/// deputies, partners and the secretariat, not guests. People already on the list keep their
/// entry. Returns how many were added.
pub fn invite_members(w: &mut Writer<'_>, session_id: i64) -> Result<usize> {
    use crate::model::{MemberFilter, MemberStatus, Role};
    let session = w.read().sessions().get(session_id)?;
    let filter = MemberFilter {
        status: MemberStatus::Current,
        as_of: session.first_day.to_string(),
        ..MemberFilter::default()
    };
    let members: Vec<i64> = super::members::list(w.read(), &filter, session.first_day)?
        .rows
        .into_iter()
        .filter(|row| {
            matches!(
                row.role,
                Some(Role::Permanent | Role::Deputy | Role::Partner | Role::Secretariat)
            )
        })
        .map(|row| row.person_id)
        .collect();
    super::attendance::invite(w, session_id, &members)
}

/// The session as an iCalendar file for Outlook (see [`crate::export::ics`]).
pub fn calendar(r: Reader<'_>, number: i64, now: chrono::NaiveDateTime) -> Result<String> {
    let detail = show(r, number)?;
    let group = r
        .setting("group_name")?
        .unwrap_or_else(|| "Arbeitskreis".to_owned());
    crate::export::ics::session(&detail, &group, now)
}
