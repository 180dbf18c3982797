//! Sessions and what hangs off them: the agenda, attendance, minutes and action items. The values
//! a session's records can take are enums stored by name; the PDF code matches on them.

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::field::{Field, FieldError, Problems};
use super::stored::stored_enum;
use super::{date, text, History};

stored_enum! {
    /// Where a session stands.
    SessionStatus ("Status der Sitzung") {
        /// Planned; nobody invited yet.
        Planned = "planned" => "geplant",
        /// Invitations sent.
        Invited = "invited" => "eingeladen",
        /// The meeting took place.
        Held = "held" => "durchgeführt",
        /// Called off.
        Cancelled = "cancelled" => "abgesagt",
    }
}

stored_enum! {
    /// What kind of agenda item (TOP) it is.
    AgendaKind ("Art des Tagesordnungspunkts") {
        /// A talk.
        Talk = "talk" => "Vortrag",
        /// A discussion.
        Discussion = "discussion" => "Diskussion",
        /// A report.
        Report = "report" => "Bericht",
        /// A site visit.
        Visit = "visit" => "Besuch/Exkursion",
        /// A break: no TOP number.
        Break = "break" => "Pause",
    }
}

impl AgendaKind {
    /// A break gets no TOP number and no speakers.
    pub fn is_break(self) -> bool {
        self == AgendaKind::Break
    }
}

stored_enum! {
    /// A person's answer to, and presence at, a session.
    AttendanceStatus ("Teilnahmestatus") {
        /// Invited, no answer yet.
        Invited = "invited" => "eingeladen",
        /// Signed up.
        Registered = "registered" => "angemeldet",
        /// Said no.
        Declined = "declined" => "abgesagt",
        /// Was there (on the days recorded).
        Attended = "attended" => "teilgenommen",
        /// Excused.
        Excused = "excused" => "entschuldigt",
        /// Sent somebody in their place (`represented_by`).
        Represented = "represented" => "vertreten",
    }
}

impl AttendanceStatus {
    /// Expected on the sign-in sheet: invited, registered or present.
    pub fn is_expected(self) -> bool {
        matches!(
            self,
            AttendanceStatus::Invited | AttendanceStatus::Registered | AttendanceStatus::Attended
        )
    }

    /// Coming or came: registered or present (badges, table cards).
    pub fn is_coming(self) -> bool {
        matches!(
            self,
            AttendanceStatus::Registered | AttendanceStatus::Attended
        )
    }

    /// Not there, with notice: excused or declined.
    pub fn is_absent(self) -> bool {
        matches!(self, AttendanceStatus::Excused | AttendanceStatus::Declined)
    }
}

stored_enum! {
    /// The minutes' way from draft to approval.
    MinutesStatus ("Status des Protokolls") {
        /// Being written.
        Draft = "draft" => "Entwurf",
        /// Sent to the members.
        Sent = "sent" => "versandt",
        /// Approved at a later session: locked.
        Approved = "approved" => "genehmigt",
    }
}

impl MinutesStatus {
    /// Approved minutes are never changed in place.
    pub fn is_locked(self) -> bool {
        self == MinutesStatus::Approved
    }
}

stored_enum! {
    /// Where an action item (Aufgabe) stands.
    ActionStatus ("Status der Aufgabe") {
        /// To do.
        Open = "open" => "offen",
        /// Done (on `done_on`).
        Done = "done" => "erledigt",
        /// No longer needed.
        Dropped = "dropped" => "entfallen",
    }
}

/// A stored session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Session {
    /// Id.
    pub id: i64,
    /// Running number (the 38th session).
    pub number: i64,
    /// Title.
    pub title: String,
    /// First day.
    pub first_day: NaiveDate,
    /// Last day (the first for a one-day session).
    pub last_day: NaiveDate,
    /// Venue, e.g. "Rathaus Stuttgart, Großer Sitzungssaal".
    pub venue: Option<String>,
    /// Address of the venue.
    pub address: Option<String>,
    /// The member organisation that hosts it.
    pub host_organisation_id: Option<i64>,
    /// Status.
    pub status: SessionStatus,
    /// Description.
    pub description: Option<String>,
    /// Last day to register (Anmeldeschluss).
    pub registration_deadline: Option<NaiveDate>,
    /// Created / changed.
    pub history: History,
}

impl Session {
    /// Every meeting day, first to last.
    pub fn days(&self) -> Vec<NaiveDate> {
        self.first_day
            .iter_days()
            .take_while(|d| *d <= self.last_day)
            .collect()
    }
}

/// What the session form sends: text as typed, dates as TT.MM.JJJJ or ISO.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct SessionInput {
    /// Running number (required, from 1).
    pub number: Option<i64>,
    /// Title (required).
    pub title: String,
    /// First day (required).
    pub first_day: String,
    /// Last day; empty for a one-day session.
    pub last_day: String,
    /// Venue.
    pub venue: String,
    /// Address.
    pub address: String,
    /// Host organisation.
    pub host_organisation_id: Option<i64>,
    /// Description.
    pub description: String,
    /// Registration deadline (Anmeldeschluss); empty for none.
    pub registration_deadline: String,
}

/// A validated session, ready to store (the status is set by the ops: planned on creation).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SessionFields {
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
    /// Host.
    pub host_organisation_id: Option<i64>,
    /// Description.
    pub description: Option<String>,
    /// Registration deadline.
    pub registration_deadline: Option<NaiveDate>,
}

impl SessionInput {
    /// Checks every field and reports every problem at once.
    pub fn validate(&self) -> Result<SessionFields, Vec<FieldError>> {
        let mut problems = Problems::new();
        match self.number {
            None => problems.add(Field::Number, "Nummer: Bitte die laufende Nummer angeben."),
            Some(n) if n < 1 => problems.add(Field::Number, "Nummer: Die Nummer beginnt bei 1."),
            Some(_) => {}
        }
        let title = text::optional(&self.title);
        match &title {
            None => problems.add(Field::Title, "Titel: Bitte einen Titel angeben."),
            Some(t) if t.chars().count() > 200 => {
                problems.add(Field::Title, "Titel: Höchstens 200 Zeichen.");
            }
            Some(_) => {}
        }
        let first_day = if self.first_day.trim().is_empty() {
            problems.add(Field::FirstDay, "Erster Tag: Bitte ein Datum angeben.");
            None
        } else {
            problems.take(date::parse(Field::FirstDay, "Erster Tag", &self.first_day))
        };
        let last_day = problems
            .take(date::parse_optional(
                Field::LastDay,
                "Letzter Tag",
                &self.last_day,
            ))
            .flatten();
        if let (Some(first), Some(last)) = (first_day, last_day) {
            if last < first {
                problems.add(
                    Field::LastDay,
                    format!(
                        "Letzter Tag: Die Sitzung kann nicht vor ihrem ersten Tag ({}) enden.",
                        date::german(first)
                    ),
                );
            } else if (last - first).num_days() > 6 {
                problems.add(
                    Field::LastDay,
                    "Letzter Tag: Eine Sitzung dauert höchstens eine Woche.",
                );
            }
        }
        let deadline = problems
            .take(date::parse_optional(
                Field::RegistrationDeadline,
                "Anmeldeschluss",
                &self.registration_deadline,
            ))
            .flatten();
        if let (Some(deadline), Some(end)) = (deadline, last_day.or(first_day)) {
            if deadline > end {
                problems.add(
                    Field::RegistrationDeadline,
                    format!(
                        "Anmeldeschluss: Der Anmeldeschluss kann nicht nach dem letzten Tag \
                         der Sitzung ({}) liegen.",
                        date::german(end)
                    ),
                );
            }
        }
        problems.finish(|| {
            let first = first_day.unwrap_or_default();
            SessionFields {
                number: self.number.unwrap_or_default(),
                title: title.unwrap_or_default(),
                first_day: first,
                last_day: last_day.unwrap_or(first),
                venue: text::optional(&self.venue),
                address: text::optional(&self.address),
                host_organisation_id: self.host_organisation_id,
                description: text::optional(&self.description),
                registration_deadline: deadline,
            }
        })
    }
}

/// What the agenda editor sends for one item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct AgendaItemInput {
    /// Day, TT.MM.JJJJ or ISO (required; one of the session's days).
    pub day: String,
    /// Fixed start "HH:MM"; empty to follow the previous item.
    pub start_time: String,
    /// Duration in minutes (required, 1 to 1440).
    pub duration_minutes: Option<i64>,
    /// Kind.
    pub kind: AgendaKind,
    /// Title (required).
    pub title: String,
    /// Description.
    pub description: String,
    /// Place (for visits).
    pub place: String,
    /// Only on the internal agenda.
    pub internal: bool,
    /// A standing item (Begrüßung, Berichte aus den Kommunen): kept when the session is copied
    /// as the template of the next one.
    pub standing: bool,
    /// Speakers in order: people from the register or free text.
    pub speakers: Vec<SpeakerInput>,
    /// Topics (Themenfelder).
    pub topic_ids: Vec<i64>,
}

/// A speaker as the agenda editor sends it: a person from the register, or a name as free text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct SpeakerInput {
    /// A person from the register.
    pub person_id: Option<i64>,
    /// Free text ("Dr. Anna Beispiel, Universität Hildesheim") when no person is chosen.
    pub name: String,
}

/// A validated speaker: a person, or free text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum SpeakerFields {
    /// A person from the register.
    Person(i64),
    /// Free text.
    Text(String),
}

impl Default for AgendaItemInput {
    fn default() -> Self {
        AgendaItemInput {
            day: String::new(),
            start_time: String::new(),
            duration_minutes: None,
            kind: AgendaKind::Talk,
            title: String::new(),
            description: String::new(),
            place: String::new(),
            internal: false,
            standing: false,
            speakers: Vec::new(),
            topic_ids: Vec::new(),
        }
    }
}

/// A validated agenda item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AgendaItemFields {
    /// Day.
    pub day: NaiveDate,
    /// Fixed start "HH:MM".
    pub start_time: Option<String>,
    /// Duration.
    pub duration_minutes: i64,
    /// Kind.
    pub kind: AgendaKind,
    /// Title.
    pub title: String,
    /// Description.
    pub description: Option<String>,
    /// Place.
    pub place: Option<String>,
    /// Internal.
    pub internal: bool,
    /// Standing item.
    pub standing: bool,
    /// Speakers in order.
    pub speakers: Vec<SpeakerFields>,
    /// Topics, each once, in the order chosen.
    pub topic_ids: Vec<i64>,
}

impl AgendaItemInput {
    /// Checks every field against the session's days and reports every problem at once.
    pub fn validate(&self, session: &Session) -> Result<AgendaItemFields, Vec<FieldError>> {
        let mut problems = Problems::new();
        let day = if self.day.trim().is_empty() {
            problems.add(Field::Day, "Tag: Bitte den Tag angeben.");
            None
        } else {
            problems.take(date::parse(Field::Day, "Tag", &self.day))
        };
        if let Some(day) = day.filter(|d| *d < session.first_day || *d > session.last_day) {
            problems.add(
                Field::Day,
                format!(
                    "Tag: Der {} gehört nicht zur Sitzung ({} bis {}).",
                    date::german(day),
                    date::german(session.first_day),
                    date::german(session.last_day)
                ),
            );
        }
        let start_time = text::optional(&self.start_time);
        if let Some(start) = &start_time {
            if NaiveTime::parse_from_str(start, "%H:%M").is_err() {
                problems.add(
                    Field::StartTime,
                    format!("Beginn: „{start}“ ist keine Uhrzeit. Bitte als HH:MM angeben."),
                );
            }
        }
        match self.duration_minutes {
            None => problems.add(
                Field::DurationMinutes,
                "Dauer: Bitte die Dauer in Minuten angeben.",
            ),
            Some(m) if !(1..=1440).contains(&m) => problems.add(
                Field::DurationMinutes,
                "Dauer: Mindestens 1 Minute und höchstens ein Tag (1440 Minuten).",
            ),
            Some(_) => {}
        }
        let title = text::optional(&self.title);
        if title.is_none() {
            problems.add(Field::Title, "Titel: Bitte einen Titel angeben.");
        }
        let mut speakers = Vec::with_capacity(self.speakers.len());
        for (n, speaker) in (1..).zip(&self.speakers) {
            match (speaker.person_id, text::optional(&speaker.name)) {
                (Some(id), _) => speakers.push(SpeakerFields::Person(id)),
                (None, Some(name)) if name.chars().count() > 200 => problems.add(
                    Field::Speakers,
                    format!("Referierende: Der {n}. Eintrag ist länger als 200 Zeichen."),
                ),
                (None, Some(name)) => speakers.push(SpeakerFields::Text(name)),
                (None, None) => problems.add(
                    Field::Speakers,
                    format!(
                        "Referierende: Beim {n}. Eintrag fehlt die Person oder der Name. Bitte \
                         eine Person wählen, einen Namen eingeben oder den Eintrag entfernen."
                    ),
                ),
            }
        }
        let mut topic_ids: Vec<i64> = Vec::with_capacity(self.topic_ids.len());
        for id in &self.topic_ids {
            if !topic_ids.contains(id) {
                topic_ids.push(*id);
            }
        }
        problems.finish(|| AgendaItemFields {
            day: day.unwrap_or_default(),
            start_time: start_time.map(|s| {
                NaiveTime::parse_from_str(&s, "%H:%M")
                    .map(|t| t.format("%H:%M").to_string())
                    .unwrap_or(s)
            }),
            duration_minutes: self.duration_minutes.unwrap_or_default(),
            kind: self.kind,
            title: title.unwrap_or_default(),
            description: text::optional(&self.description),
            place: text::optional(&self.place),
            internal: self.internal,
            standing: self.standing,
            speakers,
            topic_ids,
        })
    }
}

/// When an agenda item takes place, computed from the day's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Slot {
    /// Start.
    pub start: NaiveTime,
    /// End.
    pub end: NaiveTime,
    /// Minutes of free time before a fixed start (0 when it follows on).
    pub gap_minutes: i64,
    /// Minutes by which a fixed start lies before the previous item's end.
    pub overlap_minutes: i64,
}

/// A day's start until the secretariat sets another.
pub const DEFAULT_DAY_START: (u32, u32) = (9, 0);

/// [`DEFAULT_DAY_START`] as a time.
pub fn default_day_start() -> NaiveTime {
    NaiveTime::from_hms_opt(DEFAULT_DAY_START.0, DEFAULT_DAY_START.1, 0).unwrap_or(NaiveTime::MIN)
}

/// The start and end of each item of one day, in order: an item starts when the previous one
/// ends, unless it has a fixed start (a visit at 14:00), which may leave a gap or overlap the
/// previous item. Items without a duration take no time.
pub fn schedule(day_start: NaiveTime, items: &[(Option<NaiveTime>, Option<i64>)]) -> Vec<Slot> {
    let mut previous_end: Option<NaiveTime> = None;
    items
        .iter()
        .map(|(fixed, minutes)| {
            let follows = previous_end.unwrap_or(day_start);
            let start = fixed.unwrap_or(follows);
            let (gap, overlap) = match (fixed, previous_end) {
                (Some(fixed), Some(end)) if *fixed > end => ((*fixed - end).num_minutes(), 0),
                (Some(fixed), Some(end)) if *fixed < end => (0, (end - *fixed).num_minutes()),
                _ => (0, 0),
            };
            let end = start
                .overflowing_add_signed(chrono::Duration::minutes(minutes.unwrap_or(0)))
                .0;
            previous_end = Some(end);
            Slot {
                start,
                end,
                gap_minutes: gap,
                overlap_minutes: overlap,
            }
        })
        .collect()
}

/// [`schedule`] over a whole agenda in order: each day on its own from its start (`day_start`),
/// items as (day, fixed start, duration). The slots come back in the items' order.
pub fn schedule_days(
    items: &[(NaiveDate, Option<NaiveTime>, Option<i64>)],
    day_start: impl Fn(NaiveDate) -> NaiveTime,
) -> Vec<Slot> {
    let mut slots = Vec::with_capacity(items.len());
    for day in items.chunk_by(|a, b| a.0 == b.0) {
        let start = day_start(day[0].0);
        let times: Vec<(Option<NaiveTime>, Option<i64>)> = day
            .iter()
            .map(|(_, start, minutes)| (*start, *minutes))
            .collect();
        slots.extend(schedule(start, &times));
    }
    slots
}

/// When a meeting day starts: as set for it in `starts` ("HH:MM"), or at the default.
pub fn day_start(starts: &[(NaiveDate, String)], day: NaiveDate) -> NaiveTime {
    starts
        .iter()
        .find(|(d, _)| *d == day)
        .and_then(|(_, t)| parse_time(Some(t)))
        .unwrap_or_else(default_day_start)
}

/// "HH:MM" as stored, or `None`.
pub fn parse_time(value: Option<&str>) -> Option<NaiveTime> {
    value.and_then(|t| NaiveTime::parse_from_str(t, "%H:%M").ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(h: u32, m: u32) -> Option<NaiveTime> {
        NaiveTime::from_hms_opt(h, m, 0)
    }

    #[test]
    fn times_follow_the_durations_and_fixed_starts_show_gaps_and_overlaps() {
        let slots = schedule(
            default_day_start(),
            &[
                (at(10, 0), Some(30)),
                (None, Some(45)),
                (at(12, 0), Some(60)),
                (at(12, 30), Some(15)),
            ],
        );
        let shown: Vec<(String, i64, i64)> = slots
            .iter()
            .map(|s| {
                (
                    s.start.format("%H:%M").to_string(),
                    s.gap_minutes,
                    s.overlap_minutes,
                )
            })
            .collect();
        assert_eq!(
            shown,
            [
                ("10:00".to_owned(), 0, 0),
                ("10:30".to_owned(), 0, 0),
                ("12:00".to_owned(), 45, 0),
                ("12:30".to_owned(), 0, 30),
            ],
            "a computed item follows on; a fixed one may leave a gap or overlap"
        );
        assert_eq!(
            schedule(default_day_start(), &[(None, Some(15))])[0].start,
            at(9, 0).unwrap_or_default()
        );
        assert_eq!(
            schedule(
                at(8, 30).unwrap_or_default(),
                &[(None, Some(15)), (None, Some(5))]
            )[1]
            .start,
            at(8, 45).unwrap_or_default(),
            "the day's own start"
        );
    }

    #[test]
    fn every_day_is_timed_on_its_own() {
        let day = |d: u32| NaiveDate::from_ymd_opt(2026, 9, d).unwrap_or_default();
        let slots = schedule_days(
            &[
                (day(21), at(13, 0), Some(30)),
                (day(21), None, Some(30)),
                (day(22), None, Some(45)),
            ],
            |d| {
                if d == day(22) {
                    at(10, 15).unwrap_or_default()
                } else {
                    default_day_start()
                }
            },
        );
        let starts: Vec<String> = slots
            .iter()
            .map(|s| s.start.format("%H:%M").to_string())
            .collect();
        assert_eq!(
            starts,
            ["13:00", "13:30", "10:15"],
            "the second day starts afresh, at its own start"
        );
    }

    fn session() -> Session {
        Session {
            id: 1,
            number: 38,
            title: "38. Sitzung".into(),
            first_day: NaiveDate::from_ymd_opt(2026, 9, 21).unwrap_or_default(),
            last_day: NaiveDate::from_ymd_opt(2026, 9, 22).unwrap_or_default(),
            venue: None,
            address: None,
            host_organisation_id: None,
            status: SessionStatus::Planned,
            description: None,
            registration_deadline: None,
            history: History {
                created_at: String::new(),
                created_by: String::new(),
                updated_at: String::new(),
                updated_by: String::new(),
            },
        }
    }

    #[test]
    fn a_session_and_an_item_report_every_problem_at_once() {
        let bad = SessionInput {
            number: Some(0),
            first_day: "22.09.2026".into(),
            last_day: "21.09.2026".into(),
            registration_deadline: "30.09.2026".into(),
            ..Default::default()
        };
        let fields: Vec<Field> = bad
            .validate()
            .expect_err("three problems")
            .iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(
            fields,
            [
                Field::Number,
                Field::Title,
                Field::LastDay,
                Field::RegistrationDeadline
            ]
        );
        let item = AgendaItemInput {
            day: "23.09.2026".into(),
            start_time: "25:00".into(),
            duration_minutes: Some(0),
            speakers: vec![
                SpeakerInput {
                    person_id: None,
                    name: "Dr. Anna Beispiel".into(),
                },
                SpeakerInput::default(),
            ],
            ..Default::default()
        };
        let fields: Vec<Field> = item
            .validate(&session())
            .expect_err("five problems")
            .iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(
            fields,
            [
                Field::Day,
                Field::StartTime,
                Field::DurationMinutes,
                Field::Title,
                Field::Speakers
            ],
            "a day outside the session, no time, a zero duration, no title, an empty speaker"
        );
        let one_day = SessionInput {
            number: Some(39),
            title: "39. Sitzung".into(),
            first_day: "12.03.2027".into(),
            ..Default::default()
        }
        .validate()
        .expect("valid");
        assert_eq!(
            one_day.last_day, one_day.first_day,
            "one day when no last day is given"
        );
    }
}
