//! The demo data set: the working group as DESIGN.md describes it, shipped as JSON in
//! `assets/demo/demo.json` and compiled into the binary. Records refer to each other by `key`.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::Deserialize;

/// The shipped demo file.
pub const DEMO_JSON: &str = include_str!("../assets/demo/demo.json");

/// The whole data set.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoData {
    /// Settings (group name, secretariat address, signature line).
    pub settings: HashMap<String, String>,
    /// Topics.
    pub topics: Vec<DemoTopic>,
    /// Organisations.
    pub organisations: Vec<DemoOrganisation>,
    /// People with their mandates.
    pub people: Vec<DemoPerson>,
    /// Sessions with agenda, attendance and minutes.
    pub sessions: Vec<DemoSession>,
    /// Practice examples.
    pub practice_examples: Vec<DemoPracticeExample>,
    /// Recommendations.
    pub recommendations: Vec<DemoRecommendation>,
}

/// A topic.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoTopic {
    /// Reference key.
    pub key: String,
    /// Name.
    pub name: String,
    /// Description.
    pub description: Option<String>,
}

/// An organisation.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoOrganisation {
    /// Reference key.
    pub key: String,
    /// Name.
    pub name: String,
    /// Kind as stored ("city", …).
    pub kind: crate::model::OrganisationKind,
    /// Bundesland.
    pub state: Option<String>,
    /// Street.
    pub street: Option<String>,
    /// PLZ.
    pub postal_code: Option<String>,
    /// City.
    pub city: Option<String>,
    /// Website.
    pub website: Option<String>,
    /// Member since.
    pub member_since: Option<NaiveDate>,
    /// Member until.
    pub member_until: Option<NaiveDate>,
    /// Notes.
    pub notes: Option<String>,
}

/// A person.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoPerson {
    /// Reference key.
    pub key: String,
    /// "ms", "mr", "neutral".
    pub salutation: crate::model::Salutation,
    /// Title.
    pub title: Option<String>,
    /// First name.
    pub first_name: String,
    /// Particle.
    pub name_particle: Option<String>,
    /// Last name.
    pub last_name: String,
    /// Function.
    pub function: Option<String>,
    /// E-mail.
    pub email: Option<String>,
    /// Phone.
    pub phone: Option<String>,
    /// Mobile.
    pub mobile: Option<String>,
    /// Consent to shared lists.
    pub consent_shared_lists: bool,
    /// Consent date.
    pub consent_date: Option<NaiveDate>,
    /// Notes.
    pub notes: Option<String>,
    /// Active.
    pub active: bool,
    /// Mandates.
    pub mandates: Vec<DemoMandate>,
}

/// A mandate of a demo person.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoMandate {
    /// Organisation key.
    pub organisation: String,
    /// Role as stored.
    pub role: crate::model::Role,
    /// First day.
    pub start_date: NaiveDate,
    /// Last day.
    pub end_date: Option<NaiveDate>,
}

/// A session.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoSession {
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
    /// Host organisation key.
    pub host: Option<String>,
    /// "planned", "invited", "held", "cancelled".
    pub status: crate::model::SessionStatus,
    /// Registration deadline.
    #[serde(default)]
    pub registration_deadline: Option<NaiveDate>,
    /// Agenda.
    pub agenda: Vec<DemoAgendaItem>,
    /// Attendance.
    pub attendance: Vec<DemoAttendance>,
    /// Minutes, for held sessions.
    pub minutes: Option<DemoMinutes>,
}

/// An agenda item.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoAgendaItem {
    /// Reference key (for minutes).
    pub key: String,
    /// Day.
    pub day: NaiveDate,
    /// "HH:MM".
    pub start_time: Option<String>,
    /// Minutes.
    pub duration_minutes: Option<i64>,
    /// "talk", "discussion", "report", "visit", "break".
    pub kind: crate::model::AgendaKind,
    /// Title.
    pub title: String,
    /// Description.
    pub description: Option<String>,
    /// Place.
    pub place: Option<String>,
    /// Internal item (not on the public agenda).
    pub internal: bool,
    /// Standing item (kept when the session is copied as a template).
    #[serde(default)]
    pub standing: bool,
    /// Speakers: a person key or free text.
    pub speakers: Vec<DemoSpeaker>,
    /// Topic keys.
    pub topics: Vec<String>,
}

/// A speaker.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoSpeaker {
    /// Person key.
    pub person: Option<String>,
    /// Free text, e.g. "Leitung Welcome Center Stuttgart".
    pub text: Option<String>,
}

/// Attendance of one person.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoAttendance {
    /// Person key.
    pub person: String,
    /// Organisation key.
    pub organisation: Option<String>,
    /// "invited", "registered", "declined", "attended", "excused", "represented".
    pub status: crate::model::AttendanceStatus,
    /// Days present.
    pub days: Vec<NaiveDate>,
    /// Person key of the substitute.
    pub represented_by: Option<String>,
}

/// Minutes of a session.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoMinutes {
    /// Recorder person key.
    pub recorder: Option<String>,
    /// "draft", "sent", "approved".
    pub status: crate::model::MinutesStatus,
    /// Sent on.
    pub sent_on: Option<NaiveDate>,
    /// Approved on.
    pub approved_on: Option<NaiveDate>,
    /// Number of the session that approved them.
    pub approved_at_session: Option<i64>,
    /// Notes per agenda item.
    pub notes: Vec<DemoMinuteText>,
    /// Decisions.
    pub decisions: Vec<DemoMinuteText>,
    /// Action items.
    pub action_items: Vec<DemoActionItem>,
}

/// A note or decision, optionally tied to an agenda item.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoMinuteText {
    /// Agenda item key.
    pub agenda_item: Option<String>,
    /// Text.
    pub text: String,
}

/// An action item.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoActionItem {
    /// Agenda item key.
    pub agenda_item: Option<String>,
    /// What.
    pub text: String,
    /// Person key.
    pub assignee: Option<String>,
    /// Free-text assignee ("Geschäftsstelle").
    pub assignee_text: Option<String>,
    /// Due date.
    pub due_date: Option<NaiveDate>,
    /// Status.
    pub status: crate::model::ActionStatus,
    /// Done on.
    pub done_on: Option<NaiveDate>,
}

/// A practice example.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoPracticeExample {
    /// Title.
    pub title: String,
    /// Organisation key.
    pub organisation: Option<String>,
    /// Contact person key.
    pub contact_person: Option<String>,
    /// Topic keys.
    pub topics: Vec<String>,
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
    pub release_status: crate::model::ReleaseStatus,
}

/// A recommendation.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoRecommendation {
    /// Topic key.
    pub topic: String,
    /// Title.
    pub title: String,
    /// Body.
    pub body: String,
    /// Session number that adopted it.
    pub adopted_at_session: Option<i64>,
    /// Published on.
    pub published_on: Option<NaiveDate>,
    /// A new version under discussion after the adopted one.
    #[serde(default)]
    pub next_draft: Option<DemoDraft>,
}

/// A draft version of a recommendation that follows its adopted text.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoDraft {
    /// The new text.
    pub body: String,
    /// What changes.
    pub change_note: String,
}

/// Parses the shipped data set.
pub fn parse() -> crate::Result<DemoData> {
    Ok(serde_json::from_str(DEMO_JSON)?)
}
