//! Sessions and their agenda: planning, changing, cancelling and deleting a meeting, adding and
//! moving its agenda items (TOP numbers and times follow the order).

use chrono::NaiveDate;
use serde::Serialize;

use crate::error::{Error, Result};
use crate::model::session::{
    parse_time, schedule_days, AgendaItemInput, AgendaKind, Session, SessionInput, SessionStatus,
    Slot,
};
use crate::model::Field;
use crate::store::documents::AgendaRow;
use crate::store::sessions::NewAgendaItem;
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SessionEntry {
    /// The session.
    pub session: Session,
    /// Next, upcoming or past.
    pub when: When,
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
    let mut entries: Vec<SessionEntry> = all
        .into_iter()
        .filter(|s| year.is_none_or(|y| s.first_day.year() == y))
        .filter(|s| status.is_none_or(|st| s.status == st))
        .map(|session| {
            let when = if Some(session.id) == next_id {
                When::Next
            } else if session.last_day >= today {
                When::Upcoming
            } else {
                When::Past
            };
            SessionEntry { session, when }
        })
        .collect();
    entries.sort_by(|a, b| {
        a.when.cmp(&b.when).then_with(|| match a.when {
            When::Past => b.session.first_day.cmp(&a.session.first_day),
            _ => a.session.first_day.cmp(&b.session.first_day),
        })
    });
    Ok(entries)
}

/// An agenda item with its TOP number and its computed time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ScheduledItem {
    /// The item as stored.
    #[serde(skip)]
    pub item: AgendaRow,
    /// Its id.
    pub id: i64,
    /// Day.
    pub day: NaiveDate,
    /// Title.
    pub title: String,
    /// Kind.
    pub kind: AgendaKind,
    /// "TOP 3"; breaks have none.
    pub number: Option<usize>,
    /// When it takes place.
    pub slot: Slot,
}

/// A session with its agenda in order, numbered and timed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SessionDetail {
    /// The session.
    pub session: Session,
    /// The agenda.
    pub agenda: Vec<ScheduledItem>,
}

/// A session with its scheduled agenda, by running number.
pub fn show(r: Reader<'_>, number: i64) -> Result<SessionDetail> {
    let session = r.sessions().by_number(number)?.ok_or(Error::NotFound {
        entity: "session",
        id: number,
    })?;
    // The store gives the agenda by day, then position.
    let items = r.documents().agenda(session.id)?;
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
    let mut next_number = 0;
    let agenda = items
        .iter()
        .zip(schedule_days(&times))
        .map(|(item, slot)| {
            let number = (!item.kind.is_break()).then(|| {
                next_number += 1;
                next_number
            });
            ScheduledItem {
                id: item.id,
                day: item.day,
                title: item.title.clone(),
                kind: item.kind,
                number,
                slot,
                item: item.clone(),
            }
        })
        .collect();
    Ok(SessionDetail { session, agenda })
}

/// Adds an item at the end of its day.
pub fn add_item(w: &mut Writer<'_>, session_id: i64, input: &AgendaItemInput) -> Result<i64> {
    let session = w.read().sessions().get(session_id)?;
    let fields = input.validate(&session)?;
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
    })?;
    // Positions count across the session; the day comes first in the order anyway.
    let mut ids: Vec<i64> = order.into_iter().map(|(id, _)| id).collect();
    ids.push(id);
    w.sessions().set_order(&ids)?;
    w.sessions().touch(session_id)?;
    Ok(id)
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

/// Saves the editor over an agenda item (its order stays).
pub fn update_item(
    w: &mut Writer<'_>,
    session_id: i64,
    item_id: i64,
    input: &AgendaItemInput,
) -> Result<()> {
    let session = w.read().sessions().get(session_id)?;
    let fields = input.validate(&session)?;
    w.sessions().update_agenda_item(item_id, &fields)?;
    w.sessions().touch(session_id)
}

/// Removes an agenda item.
pub fn remove_item(w: &mut Writer<'_>, session_id: i64, item_id: i64) -> Result<()> {
    w.sessions().delete_agenda_item(item_id)?;
    w.sessions().touch(session_id)
}

/// Puts every current member and partner as of the session's first day on its attendance list
/// as "eingeladen", for the organisation of their main mandate: standing representatives,
/// deputies, partners and the secretariat, not guests. People already on the list keep their
/// entry. Returns how many were added.
pub fn invite_members(w: &mut Writer<'_>, session_id: i64) -> Result<usize> {
    use crate::model::{MemberFilter, MemberStatus, Role};
    let session = w.read().sessions().get(session_id)?;
    if session.status == SessionStatus::Cancelled {
        return Err(Error::Conflict {
            message: format!(
                "Die {}. Sitzung ist abgesagt; zu ihr wird nicht mehr eingeladen.",
                session.number
            ),
        });
    }
    let filter = MemberFilter {
        status: MemberStatus::Current,
        as_of: session.first_day.to_string(),
        ..MemberFilter::default()
    };
    let members = super::members::list(w.read(), &filter, session.first_day)?;
    let listed: std::collections::HashSet<i64> = w
        .read()
        .sessions()
        .attendees(session_id)?
        .into_iter()
        .collect();
    let mut added = 0;
    for row in members.rows {
        let invited = matches!(
            row.role,
            Some(Role::Permanent | Role::Deputy | Role::Partner | Role::Secretariat)
        );
        if !invited || listed.contains(&row.person_id) {
            continue;
        }
        w.sessions()
            .insert_attendance(&crate::store::sessions::NewAttendance {
                session_id,
                person_id: row.person_id,
                organisation_id: row.organisation_id,
                status: crate::model::AttendanceStatus::Invited,
                represented_by: None,
                days: &[],
            })?;
        added += 1;
    }
    Ok(added)
}

/// The session as an iCalendar file for Outlook (see [`crate::export::ics`]).
pub fn calendar(r: Reader<'_>, number: i64, now: chrono::NaiveDateTime) -> Result<String> {
    let detail = show(r, number)?;
    let group = r
        .setting("group_name")?
        .unwrap_or_else(|| "Arbeitskreis".to_owned());
    crate::export::ics::session(&detail, &group, now)
}
