//! What the overview (Übersicht) shows: the next session and its replies, the state of the
//! action items, the recently changed objects, the member map and attendance over time.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::search::SearchKind;
use super::{OrganisationKind, SessionStatus};

/// The next session and the state of its invitations.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct NextSession {
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
    /// Registration deadline.
    pub registration_deadline: Option<NaiveDate>,
    /// Days from today to the first day.
    pub days_until: i64,
    /// People invited (every attendance row).
    pub invited: i64,
    /// Registered, represented or already present.
    pub registered: i64,
    /// Declined or excused.
    pub declined: i64,
    /// Still "eingeladen": no answer yet.
    pub no_reply: i64,
    /// Status.
    pub status: SessionStatus,
}

/// An overdue action item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct OverdueItem {
    /// Id.
    pub id: i64,
    /// Session it arose in.
    pub session_id: i64,
    /// Its running number.
    pub session_number: i64,
    /// What.
    pub text: String,
    /// Who.
    pub assignee: Option<String>,
    /// Due on.
    pub due_date: NaiveDate,
}

/// Open and overdue action items.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ActionSummary {
    /// Open items.
    pub open: i64,
    /// Open items past their due date.
    pub overdue: i64,
    /// The five longest overdue.
    pub overdue_items: Vec<OverdueItem>,
}

/// A recently changed object.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RecentChange {
    /// What it is; `minutes_note` stands for the minutes of `session_id`.
    pub kind: SearchKind,
    /// Its id (for minutes: the minutes version).
    pub id: i64,
    /// Its title.
    pub title: String,
    /// What it is, in German ("Person", "Protokoll" …).
    pub what: String,
    /// "angelegt" or "geändert".
    pub action: String,
    /// When (ISO 8601 local time).
    pub at: String,
    /// By whom (OS user).
    pub by: String,
    /// The session it belongs to.
    pub session_id: Option<i64>,
    /// False when it no longer exists (not clickable).
    pub exists: bool,
}

/// A member organisation on the map.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct MapPoint {
    /// Organisation.
    pub organisation_id: i64,
    /// Its name.
    pub name: String,
    /// Its kind.
    pub kind: OrganisationKind,
    /// Town.
    pub city: Option<String>,
    /// Land.
    pub state: Option<String>,
    /// Latitude.
    pub latitude: f64,
    /// Longitude.
    pub longitude: f64,
}

/// Attendance of one held session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AttendancePoint {
    /// Session.
    pub session_id: i64,
    /// Running number.
    pub number: i64,
    /// First day.
    pub first_day: NaiveDate,
    /// People present on at least one day.
    pub present: i64,
    /// People invited.
    pub invited: i64,
}

/// The overview.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Overview {
    /// The next session (not cancelled, first day today or later).
    pub next_session: Option<NextSession>,
    /// Action items.
    pub actions: ActionSummary,
    /// At most ten recently changed objects, newest first.
    pub recent: Vec<RecentChange>,
    /// Current member organisations with coordinates.
    pub map: Vec<MapPoint>,
    /// Current member organisations without coordinates.
    pub without_coordinates: i64,
    /// Held sessions, oldest first.
    pub attendance: Vec<AttendancePoint>,
}
