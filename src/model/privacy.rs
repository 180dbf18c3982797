//! Data protection as the UI and the CLI see it: the report of everything stored about a person
//! (DSGVO Art. 15, "Auskunft"), what anonymising them (Art. 17) will change and what it changed,
//! the people the retention rule offers for anonymisation, and the audit log screen's entries.
//!
//! Every fact of a report names the row it comes from ([`RowRef`]), so the report can be checked
//! against the tables and the person can ask about a single entry.

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Field, FieldError, Person};

/// How anonymised people appear wherever they are named.
pub const FORMER_MEMBER: &str = "ehemaliges Mitglied";

/// What replaces an e-mail address or phone number in a text.
pub const REMOVED: &str = "[entfernt]";

/// The retention rule's default: former members are offered for anonymisation after 3 years.
pub const DEFAULT_RETENTION_YEARS: u32 = 3;

/// A row of a table: where a fact of the report is stored.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
pub struct RowRef {
    /// The table's name, e.g. `attendance`.
    pub table: String,
    /// The row's id (its rowid).
    pub id: i64,
}

/// A mandate of the person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ReportMandate {
    /// Where it is stored.
    pub row: RowRef,
    /// The organisation represented.
    pub organisation: String,
    /// Role, in German.
    pub role: String,
    /// From.
    pub start_date: NaiveDate,
    /// Until (open when `None`).
    pub end_date: Option<NaiveDate>,
    /// Notes on the mandate.
    pub notes: Option<String>,
}

/// An attendance record that names the person: their own, or one where they represented someone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ReportAttendance {
    /// Where it is stored.
    pub row: RowRef,
    /// The session's running number.
    pub session: i64,
    /// The session's title.
    pub title: String,
    /// Its first day.
    pub first_day: NaiveDate,
    /// Status, in German ("teilgenommen").
    pub status: String,
    /// For which organisation.
    pub organisation: Option<String>,
    /// The days attended.
    pub days: Vec<NaiveDate>,
    /// Signed up for the site visit / the dinner.
    pub joins_visit: bool,
    /// Signed up for the dinner.
    pub joins_dinner: bool,
    /// Notes on the attendance.
    pub notes: Option<String>,
    /// When the person represented someone else: whom ("vertreten für …").
    pub represented: Option<String>,
    /// When the person was represented: by whom.
    pub represented_by: Option<String>,
}

/// An agenda item the person speaks at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ReportSpeaker {
    /// Where it is stored (`agenda_item_speakers`).
    pub row: RowRef,
    /// The session's running number.
    pub session: i64,
    /// The agenda item's title.
    pub item: String,
    /// Its day.
    pub day: NaiveDate,
}

/// Minutes the person recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ReportMinutes {
    /// Where it is stored (`minutes`).
    pub row: RowRef,
    /// The session's running number.
    pub session: i64,
    /// The version.
    pub version: i64,
    /// Status, in German.
    pub status: String,
}

/// An action item assigned to the person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ReportActionItem {
    /// Where it is stored (`action_items`).
    pub row: RowRef,
    /// The session it arose in.
    pub session: i64,
    /// What.
    pub text: String,
    /// Due.
    pub due_date: Option<NaiveDate>,
    /// Status, in German.
    pub status: String,
}

/// A practice example the person is the contact of.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ReportPracticeExample {
    /// Where it is stored (`practice_examples`).
    pub row: RowRef,
    /// Title.
    pub title: String,
    /// Release status, in German.
    pub status: String,
}

/// A text elsewhere that names the person (their name, e-mail or phone number).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ReportMention {
    /// Where it is stored.
    pub row: RowRef,
    /// The column.
    pub column: String,
    /// Where a user finds it, in German ("Protokoll der 38. Sitzung, Notiz").
    pub place: String,
    /// The text around the mention.
    pub excerpt: String,
    /// Part of approved minutes, a record that anonymising leaves as it is (DSGVO Art. 17(3)).
    pub record: bool,
}

/// An audit entry about the person's own record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ReportAuditEntry {
    /// Where it is stored (`audit_log`).
    pub row: RowRef,
    /// When.
    pub at: NaiveDateTime,
    /// By which OS user.
    pub user: String,
    /// What was done, in German.
    pub action: String,
    /// The fields concerned, in German (names only, never values).
    pub fields: Vec<String>,
}

/// How long copies of the data live on in backups.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ReportRetention {
    /// Backups beside the store now.
    pub backups: usize,
    /// The oldest of them.
    pub oldest_backup: Option<NaiveDateTime>,
    /// The rotation's rule in German, and what it means for this person's data.
    pub text: String,
}

/// Everything the store holds about one person (DSGVO Art. 15).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PersonReport {
    /// When the report was made.
    pub made_at: NaiveDateTime,
    /// The person's own record (`people`).
    pub person: Person,
    /// Where the person's record is stored.
    pub row: RowRef,
    /// Mandates.
    pub mandates: Vec<ReportMandate>,
    /// Attendance records.
    pub attendance: Vec<ReportAttendance>,
    /// Speaker entries.
    pub speakers: Vec<ReportSpeaker>,
    /// Minutes recorded.
    pub minutes_recorded: Vec<ReportMinutes>,
    /// Action items.
    pub action_items: Vec<ReportActionItem>,
    /// Practice examples as contact.
    pub practice_examples: Vec<ReportPracticeExample>,
    /// Texts elsewhere that name the person.
    pub mentions: Vec<ReportMention>,
    /// Audit entries of the person's record.
    pub audit: Vec<ReportAuditEntry>,
    /// Backups.
    pub retention: ReportRetention,
}

impl PersonReport {
    /// Every row the report lists, each once, sorted.
    pub fn rows(&self) -> Vec<RowRef> {
        let mut rows: Vec<RowRef> = std::iter::once(&self.row)
            .chain(self.mandates.iter().map(|m| &m.row))
            .chain(self.attendance.iter().map(|a| &a.row))
            .chain(self.speakers.iter().map(|s| &s.row))
            .chain(self.minutes_recorded.iter().map(|m| &m.row))
            .chain(self.action_items.iter().map(|a| &a.row))
            .chain(self.practice_examples.iter().map(|p| &p.row))
            .chain(self.mentions.iter().map(|m| &m.row))
            .chain(self.audit.iter().map(|a| &a.row))
            .cloned()
            .collect();
        rows.sort();
        rows.dedup();
        rows
    }
}

/// Approved minutes that name the person: records that anonymising leaves as they are.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RecordKept {
    /// The session's running number.
    pub session: i64,
    /// The minutes' version.
    pub version: i64,
    /// Approved on.
    pub approved_on: Option<NaiveDate>,
    /// How the person appears in them, in German ("Teilnahme, Protokollführung").
    pub how: String,
}

/// What anonymising a person will do, shown before the user confirms.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AnonymisePreview {
    /// The person's id.
    pub person_id: i64,
    /// Their name as it is now.
    pub name: String,
    /// Already anonymised (nothing left to do).
    pub already: bool,
    /// Attendance records kept, counted under "ehemaliges Mitglied".
    pub attendance: usize,
    /// Mandates kept (open ones end today).
    pub mandates: usize,
    /// Speaker entries kept.
    pub speakers: usize,
    /// Action items kept; of them still open.
    pub action_items: usize,
    /// Open action items, to be given to someone else.
    pub open_action_items: usize,
    /// Texts (notes, draft minutes, descriptions) whose mentions will be replaced.
    pub texts_changed: usize,
    /// Texts that name only the last name, which someone else bears too: left as they are, to check.
    pub texts_ambiguous: usize,
    /// Approved minutes that name the person and stay as they are.
    pub records_kept: Vec<RecordKept>,
    /// Places that keep the name and that the user must change themselves (the settings).
    pub left_for_user: Vec<String>,
}

/// What anonymising did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Anonymised {
    /// The person's id.
    pub person_id: i64,
    /// Texts changed.
    pub texts_changed: usize,
    /// Approved minutes left as they are.
    pub records_kept: Vec<RecordKept>,
    /// False when the old content could not yet be wiped from the file (another program had
    /// it open); it is wiped at the next anonymisation or backup.
    pub file_cleaned: bool,
}

/// A former member the retention rule offers for anonymisation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RetentionCandidate {
    /// The person's id.
    pub person_id: i64,
    /// Their name.
    pub name: String,
    /// The organisations they last represented.
    pub organisations: String,
    /// The last day they were a member or took part in a session.
    pub last_seen: NaiveDate,
}

/// The retention rule and the people it offers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RetentionOverview {
    /// Years after which a former member is offered.
    pub years: u32,
    /// Former members whose last day lies before this date.
    pub cutoff: NaiveDate,
    /// The people offered, longest gone first.
    pub candidates: Vec<RetentionCandidate>,
}

/// Checks the years of the retention rule: a whole number from 1 to 30.
pub fn validate_retention_years(text: &str) -> Result<u32, FieldError> {
    match text.trim().parse::<u32>() {
        Ok(years) if (1..=30).contains(&years) => Ok(years),
        _ => Err(FieldError::new(
            Field::RetentionYears,
            format!(
                "Aufbewahrung: „{}“ ist keine Zahl von 1 bis 30 (Jahre nach dem Ausscheiden).",
                text.trim()
            ),
        )),
    }
}

/// Filters of the audit log screen; empty fields do not filter.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct AuditFilter {
    /// OS user.
    pub user: Option<String>,
    /// Entity name (`person`, `session` …).
    pub entity: Option<String>,
    /// Only entries about this record (with `entity`).
    pub entity_id: Option<i64>,
    /// Action name (`create`, `update` …).
    pub action: Option<String>,
    /// From this day.
    pub from: Option<NaiveDate>,
    /// Up to this day.
    pub until: Option<NaiveDate>,
    /// Skip this many of the newest entries (paging).
    pub offset: u32,
    /// At most this many entries (100 when 0).
    pub limit: u32,
}

/// One entry of the audit log screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AuditRow {
    /// The entry's id.
    pub id: i64,
    /// When.
    pub at: NaiveDateTime,
    /// Last change of a merged editing burst.
    pub until: NaiveDateTime,
    /// OS user.
    pub user: String,
    /// Entity name.
    pub entity: String,
    /// German label of the entity ("Person").
    pub entity_label: String,
    /// The record's id.
    pub entity_id: Option<i64>,
    /// What the record is called now ("ehemaliges Mitglied" for an anonymised person, empty
    /// when it was deleted).
    pub object: String,
    /// Action name.
    pub action: String,
    /// German label of the action ("geändert").
    pub action_label: String,
    /// Field names.
    pub fields: Vec<String>,
    /// The same in German ("Vorname").
    pub field_labels: Vec<String>,
}

/// A page of the audit log and what can be filtered by.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AuditPage {
    /// The entries, newest first.
    pub rows: Vec<AuditRow>,
    /// Entries matching the filter.
    pub total: i64,
    /// Every OS user in the log.
    pub users: Vec<String>,
    /// Entities: (name, German label).
    pub entities: Vec<(String, String)>,
    /// Actions: (name, German label).
    pub actions: Vec<(String, String)>,
}

/// Finds a person's name, e-mail address and phone numbers in free text, and replaces them
/// when the person is anonymised.
///
/// A *qualified* mention ("Herr Özdemir", "Dr. Karaca", "Şükrü Özdemir", "Özdemir, Şükrü") names
/// the person for sure and is always replaced. The last name alone ("Özdemir berichtet") is
/// replaced only when no one else in the register bears it; otherwise it may mean the other
/// person, so it is left and counted as ambiguous for the user to check. A last name inside a
/// compound ("Willy-Brandt-Straße") is never a mention.
#[derive(Debug, Clone)]
pub struct NameMatcher {
    qualified: Option<regex::Regex>,
    bare: Option<regex::Regex>,
    contacts: Option<regex::Regex>,
    last_name_shared: bool,
}

/// A text after [`NameMatcher::replace`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Replaced {
    /// The new text.
    pub text: String,
    /// Whether anything was replaced.
    pub changed: bool,
    /// The last name alone is still in it (someone else bears it too).
    pub ambiguous: bool,
}

impl NameMatcher {
    /// The matcher for `person`; `last_name_shared`: someone else in the register bears the same
    /// last name.
    pub fn new(person: &Person, last_name_shared: bool) -> NameMatcher {
        let words = |text: &str| -> Vec<String> {
            text.split_whitespace()
                .map(regex::escape)
                .collect::<Vec<_>>()
        };
        let pattern = |parts: &[Option<&str>]| -> Option<String> {
            let mut all = Vec::new();
            for part in parts.iter().flatten() {
                all.extend(words(part));
            }
            (!all.is_empty()).then(|| all.join(r"\s+"))
        };
        let title = person.title.as_deref().filter(|t| !t.trim().is_empty());
        let first = Some(person.first_name.as_str()).filter(|f| !f.trim().is_empty());
        let particle = person
            .name_particle
            .as_deref()
            .filter(|p| !p.trim().is_empty());
        let last = person.last_name.trim();
        let mut forms: Vec<String> = Vec::new();
        if !last.is_empty() && person.anonymised_at.is_none() {
            let last = Some(last);
            let mut add = |parts: &[Option<&str>], needs_two: bool| {
                let given = parts.iter().flatten().count();
                if needs_two && given < 2 {
                    return;
                }
                if let Some(p) = pattern(parts) {
                    forms.push(p);
                }
            };
            add(&[title, first, particle, last], true);
            add(&[first, particle, last], true);
            add(&[first, last], true);
            for salutation in ["Frau", "Herr", "Herrn"] {
                let s = Some(salutation);
                add(&[s, title, particle, last], true);
                add(&[s, particle, last], true);
                add(&[s, title, last], true);
                add(&[s, last], true);
            }
            add(&[title, particle, last], true);
            add(&[title, last], true);
            add(&[particle, last], true);
            if let Some(first) = first {
                // The list form: "Özdemir, Şükrü".
                if let (Some(l), Some(f)) = (pattern(&[particle, last]), pattern(&[Some(first)])) {
                    forms.push(format!(r"{l},\s*{f}"));
                }
            }
        }
        forms.sort_by_key(|f| std::cmp::Reverse(f.len()));
        forms.dedup();
        let qualified = (!forms.is_empty())
            .then(|| regex::Regex::new(&format!(r"(?i)\b(?:{})(?:\b|$)", forms.join("|"))))
            .and_then(|r| r.ok());
        let bare = (last.chars().count() >= 2 && person.anonymised_at.is_none())
            .then(|| {
                let last = words(last).join(r"\s+");
                regex::Regex::new(&format!(
                    r"(?i)(^|[^\p{{L}}\p{{N}}\-])({last})([^\p{{L}}\p{{N}}\-]|$)"
                ))
            })
            .and_then(|r| r.ok());
        let contacts: Vec<String> = [&person.email, &person.phone, &person.mobile]
            .into_iter()
            .flatten()
            .map(|c| c.trim())
            .filter(|c| c.chars().count() >= 5)
            .map(|c| words(c).join(r"\s*"))
            .collect();
        let contacts = (!contacts.is_empty())
            .then(|| regex::Regex::new(&format!("(?i){}", contacts.join("|"))))
            .and_then(|r| r.ok());
        NameMatcher {
            qualified,
            bare,
            contacts,
            last_name_shared,
        }
    }

    /// Whether `text` names the person: their name in any form, also the last name alone, or
    /// their e-mail or a phone number (for the report, which rather lists one entry too many).
    pub fn names(&self, text: &str) -> bool {
        [&self.qualified, &self.bare, &self.contacts]
            .into_iter()
            .flatten()
            .any(|r| r.is_match(text))
    }

    /// Where the first mention in `text` is (a byte range), as [`NameMatcher::names`] finds it.
    pub fn first(&self, text: &str) -> Option<std::ops::Range<usize>> {
        [&self.qualified, &self.bare, &self.contacts]
            .into_iter()
            .flatten()
            .filter_map(|r| r.find(text).map(|m| m.range()))
            .min_by_key(|range| range.start)
    }

    /// `text` with every mention replaced by "ehemaliges Mitglied" (at a sentence's start
    /// "Ehemaliges Mitglied") and e-mail and phone by "[entfernt]"; see the type for the last
    /// name alone.
    pub fn replace(&self, text: &str) -> Replaced {
        let mut out = text.to_owned();
        if let Some(contacts) = &self.contacts {
            out = contacts.replace_all(&out, REMOVED).into_owned();
        }
        if let Some(qualified) = &self.qualified {
            let before = out.clone();
            out = qualified
                .replace_all(&before, |c: &regex::Captures<'_>| {
                    let start = c.get(0).map_or(0, |m| m.start());
                    former_member_at(&before, start)
                })
                .into_owned();
        }
        let mut ambiguous = false;
        if let Some(bare) = &self.bare {
            if self.last_name_shared {
                ambiguous = bare.is_match(&out);
            } else {
                let before = out.clone();
                out = bare
                    .replace_all(&before, |c: &regex::Captures<'_>| {
                        let lead = c.get(1).map_or("", |m| m.as_str());
                        let tail = c.get(3).map_or("", |m| m.as_str());
                        let start = c.get(2).map_or(0, |m| m.start());
                        format!("{lead}{}{tail}", former_member_at(&before, start))
                    })
                    .into_owned();
            }
        }
        Replaced {
            changed: out != text,
            text: out,
            ambiguous,
        }
    }
}

/// "Ehemaliges Mitglied" at the start of a text or a sentence, "ehemaliges Mitglied" elsewhere.
fn former_member_at(text: &str, start: usize) -> String {
    let before = text.get(..start).unwrap_or("").trim_end();
    if before.is_empty() || before.ends_with(['.', '!', '?', ':', '\n']) {
        "Ehemaliges Mitglied".to_owned()
    } else {
        FORMER_MEMBER.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{History, Salutation};

    fn person(title: Option<&str>, first: &str, particle: Option<&str>, last: &str) -> Person {
        Person {
            id: 1,
            salutation: Salutation::Mr,
            title: title.map(str::to_owned),
            first_name: first.to_owned(),
            name_particle: particle.map(str::to_owned),
            last_name: last.to_owned(),
            function: None,
            email: Some("s.oezdemir@jena.de".to_owned()),
            phone: Some("03641 49-2230".to_owned()),
            mobile: None,
            street: None,
            postal_code: None,
            city: None,
            consent_shared_lists: false,
            consent_date: None,
            notes: None,
            active: true,
            anonymised_at: None,
            history: History {
                created_at: String::new(),
                created_by: String::new(),
                updated_at: String::new(),
                updated_by: String::new(),
            },
        }
    }

    #[test]
    fn every_form_of_the_name_and_the_contacts_are_replaced() {
        let p = person(None, "Şükrü", None, "Özdemir");
        let m = NameMatcher::new(&p, false);
        let r = m.replace(
            "Herr Özdemir berichtet. Özdemir, Şükrü (s.oezdemir@jena.de, Tel. 03641 49-2230) \
             und Şükrü Özdemir stimmen zu. Özdemir lädt ein.",
        );
        assert_eq!(
            r.text,
            "Ehemaliges Mitglied berichtet. Ehemaliges Mitglied ([entfernt], Tel. [entfernt]) \
             und ehemaliges Mitglied stimmen zu. Ehemaliges Mitglied lädt ein."
        );
        assert!(r.changed && !r.ambiguous);
    }

    #[test]
    fn title_and_particle_forms_are_found_and_compounds_left_alone() {
        let p = person(Some("Dr."), "Clara", Some("von"), "Richter");
        let m = NameMatcher::new(&p, false);
        let r =
            m.replace("Frau Dr. von Richter und Dr. Richter an der Richter-Allee; von Richter.");
        assert_eq!(
            r.text,
            "Ehemaliges Mitglied und ehemaliges Mitglied an der Richter-Allee; ehemaliges Mitglied."
        );
        assert!(
            !m.replace("Die Richterin lädt ein.").changed,
            "a longer word is no mention"
        );
    }

    #[test]
    fn a_shared_last_name_alone_is_left_and_counted_as_ambiguous() {
        let p = person(None, "Stefanie", None, "Roth");
        let m = NameMatcher::new(&p, true);
        let r = m.replace("Frau Roth berichtet; Roth ergänzt.");
        assert_eq!(r.text, "Ehemaliges Mitglied berichtet; Roth ergänzt.");
        assert!(r.ambiguous, "the bare last name may mean the other Roth");
        assert!(m.names("Roth ergänzt."), "the report still lists it");
    }

    #[test]
    fn the_retention_years_are_checked() {
        assert_eq!(validate_retention_years(" 3 "), Ok(3));
        let refused = validate_retention_years("0").expect_err("0 years");
        assert_eq!(refused.field, Field::RetentionYears);
        assert!(refused.message.contains("1 bis 30"), "{}", refused.message);
    }
}
