//! The audit log: who changed what, when. Written by the [`Writer`](super::Writer) in the same
//! transaction as the change. An entry holds the entity, its id, the action and the names of the
//! fields concerned, never names, e-mails or other personal text: anonymising or erasing a person
//! leaves the history intact and personal data only in the rows that hold it.

use rusqlite::{params, Connection, OptionalExtension};

use super::iso_time;
use crate::error::Result;

/// What kind of change an entry records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Created.
    Create,
    /// Changed.
    Update,
    /// Deleted.
    Delete,
    /// Deactivated (kept for history).
    Deactivate,
    /// Reactivated.
    Reactivate,
    /// Created or changed by an import from a file.
    Import,
    /// Loaded as demo data.
    Demo,
    /// Sent (minutes, invitations).
    Send,
    /// Approved (minutes).
    Approve,
    /// Corrected: a new version of approved minutes.
    Correct,
    /// Personal data removed, history kept (DSGVO Art. 17).
    Anonymise,
    /// The store was backed up.
    Backup,
    /// The store was restored from a backup.
    Restore,
}

impl Action {
    /// Every action, in the order the audit log screen offers them.
    pub const ALL: [Action; 13] = [
        Action::Create,
        Action::Update,
        Action::Delete,
        Action::Deactivate,
        Action::Reactivate,
        Action::Import,
        Action::Demo,
        Action::Send,
        Action::Approve,
        Action::Correct,
        Action::Anonymise,
        Action::Backup,
        Action::Restore,
    ];

    /// The action stored as `name`.
    pub fn parse(name: &str) -> Option<Action> {
        Action::ALL.into_iter().find(|a| a.as_str() == name)
    }

    /// The German label of the audit log screen.
    pub fn label(self) -> &'static str {
        match self {
            Action::Create => "angelegt",
            Action::Update => "geändert",
            Action::Delete => "gelöscht",
            Action::Deactivate => "deaktiviert",
            Action::Reactivate => "reaktiviert",
            Action::Import => "importiert",
            Action::Demo => "Demodaten",
            Action::Send => "versandt",
            Action::Approve => "genehmigt",
            Action::Correct => "berichtigt",
            Action::Anonymise => "anonymisiert",
            Action::Backup => "gesichert",
            Action::Restore => "wiederhergestellt",
        }
    }

    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Create => "create",
            Action::Update => "update",
            Action::Delete => "delete",
            Action::Deactivate => "deactivate",
            Action::Reactivate => "reactivate",
            Action::Import => "import",
            Action::Demo => "demo",
            Action::Send => "send",
            Action::Approve => "approve",
            Action::Correct => "correct",
            Action::Anonymise => "anonymise",
            Action::Backup => "backup",
            Action::Restore => "restore",
        }
    }
}

/// What an entry is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entity {
    /// A person.
    Person,
    /// An organisation.
    Organisation,
    /// A mandate.
    Mandate,
    /// A session.
    Session,
    /// An agenda item.
    AgendaItem,
    /// An attendance record.
    Attendance,
    /// A minutes version.
    Minutes,
    /// A note or decision of the minutes.
    MinutesText,
    /// An action item.
    ActionItem,
    /// A topic.
    Topic,
    /// A practice example.
    PracticeExample,
    /// A recommendation or one of its versions.
    Recommendation,
    /// The settings.
    Settings,
    /// An attachment of an agenda item.
    Attachment,
    /// The store as a whole (backup, restore).
    Store,
}

impl Entity {
    /// Every entity, in the order the audit log screen offers them.
    pub const ALL: [Entity; 15] = [
        Entity::Person,
        Entity::Organisation,
        Entity::Mandate,
        Entity::Session,
        Entity::AgendaItem,
        Entity::Attendance,
        Entity::Minutes,
        Entity::MinutesText,
        Entity::ActionItem,
        Entity::Topic,
        Entity::PracticeExample,
        Entity::Recommendation,
        Entity::Settings,
        Entity::Attachment,
        Entity::Store,
    ];

    /// The entity stored as `name`.
    pub fn parse(name: &str) -> Option<Entity> {
        Entity::ALL.into_iter().find(|e| e.as_str() == name)
    }

    /// The German label of the audit log screen.
    pub fn label(self) -> &'static str {
        match self {
            Entity::Person => "Person",
            Entity::Organisation => "Organisation",
            Entity::Mandate => "Mandat",
            Entity::Session => "Sitzung",
            Entity::AgendaItem => "Tagesordnungspunkt",
            Entity::Attendance => "Teilnahme",
            Entity::Minutes => "Protokoll",
            Entity::MinutesText => "Protokolltext",
            Entity::ActionItem => "Aufgabe",
            Entity::Topic => "Themenfeld",
            Entity::PracticeExample => "Praxisbeispiel",
            Entity::Recommendation => "Handlungsempfehlung",
            Entity::Settings => "Einstellungen",
            Entity::Attachment => "Anlage",
            Entity::Store => "Datenbank",
        }
    }

    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Entity::Person => "person",
            Entity::Organisation => "organisation",
            Entity::Mandate => "mandate",
            Entity::Session => "session",
            Entity::AgendaItem => "agenda_item",
            Entity::Attendance => "attendance",
            Entity::Minutes => "minutes",
            Entity::MinutesText => "minutes_text",
            Entity::ActionItem => "action_item",
            Entity::Topic => "topic",
            Entity::PracticeExample => "practice_example",
            Entity::Recommendation => "recommendation",
            Entity::Settings => "settings",
            Entity::Attachment => "attachment",
            Entity::Store => "store",
        }
    }
}

/// Appends one entry; with `merge_after`, extends the record's last entry instead when it is an
/// update by the same user that ended at or after that moment.
pub(crate) fn record(
    conn: &Connection,
    (user, at): (&str, &str),
    (entity, entity_id): (Entity, Option<i64>),
    (action, fields): (Action, &[&str]),
    merge_after: Option<chrono::NaiveDateTime>,
) -> Result<()> {
    if let (Some(after), Some(id)) = (merge_after, entity_id) {
        let last: Option<(i64, String, String, String, String)> = conn
            .prepare_cached(
                "SELECT id, user, action, until, fields FROM audit_log
                 WHERE entity = ?1 AND entity_id = ?2 ORDER BY id DESC LIMIT 1",
            )?
            .query_row(params![entity.as_str(), id], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
            })
            .optional()?;
        if let Some((entry, last_user, last_action, until, known)) = last {
            if user == last_user && last_action == action.as_str() && until >= iso_time(after) {
                let mut names: Vec<&str> = known.split(',').filter(|f| !f.is_empty()).collect();
                for field in fields {
                    if !names.contains(field) {
                        names.push(field);
                    }
                }
                conn.prepare_cached("UPDATE audit_log SET until = ?2, fields = ?3 WHERE id = ?1")?
                    .execute(params![entry, at, names.join(",")])?;
                return Ok(());
            }
        }
    }
    conn.prepare_cached(
        "INSERT INTO audit_log (at, until, user, entity, entity_id, action, fields)
         VALUES (?1, ?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![
        at,
        user,
        entity.as_str(),
        entity_id,
        action.as_str(),
        fields.join(",")
    ])?;
    Ok(())
}

/// Names of the fields whose values differ between two serialised records (ignoring `id` and
/// the created/changed stamps).
pub(crate) fn changed_fields<T: serde::Serialize>(before: &T, after: &T) -> Vec<&'static str> {
    let (Ok(serde_json::Value::Object(a)), Ok(serde_json::Value::Object(b))) =
        (serde_json::to_value(before), serde_json::to_value(after))
    else {
        return Vec::new();
    };
    FIELD_NAMES
        .iter()
        .copied()
        .filter(|name| a.get(*name) != b.get(*name))
        .collect()
}

/// Names of the fields a new record has a value in.
pub(crate) fn set_fields<T: serde::Serialize>(record: &T) -> Vec<&'static str> {
    let Ok(serde_json::Value::Object(map)) = serde_json::to_value(record) else {
        return Vec::new();
    };
    // The record's own keys, each found once in the list (an equality test compares lengths
    // first), then put in the list's order: a look-up of every listed name in the map cost an
    // import of 10,000 people a twentieth of its time in string comparisons.
    let mut found: Vec<usize> = map
        .iter()
        .filter(|(_, v)| !matches!(v, serde_json::Value::Null | serde_json::Value::Bool(false)))
        .filter_map(|(key, _)| FIELD_NAMES.iter().position(|name| name == key))
        .collect();
    found.sort_unstable();
    found
        .into_iter()
        .filter_map(|i| FIELD_NAMES.get(i).copied())
        .collect()
}

/// The German label of a field name in an entry, for the audit log screen and the report; the
/// name itself when it has none.
pub fn field_label(name: &str) -> &str {
    match name {
        "salutation" => "Anrede",
        "title" => "Titel",
        "first_name" => "Vorname",
        "name_particle" => "Namenszusatz",
        "last_name" => "Nachname",
        "function" => "Funktion",
        "email" => "E-Mail",
        "phone" => "Telefon",
        "mobile" => "Mobil",
        "street" => "Straße",
        "postal_code" => "PLZ",
        "city" => "Ort",
        "consent_shared_lists" => "Einwilligung",
        "consent_date" => "Einwilligung am",
        "notes" => "Notizen",
        "active" => "aktiv",
        "name" => "Name",
        "kind" => "Art",
        "state" => "Bundesland",
        "website" => "Website",
        "member_since" => "Mitglied seit",
        "member_until" => "Mitglied bis",
        "person_id" => "Person",
        "organisation_id" => "Organisation",
        "role" => "Rolle",
        "start_date" => "von",
        "end_date" => "bis",
        "number" => "Nummer",
        "first_day" => "erster Tag",
        "last_day" => "letzter Tag",
        "venue" => "Tagungsort",
        "address" => "Anschrift",
        "host_organisation_id" => "Gastgeber",
        "description" => "Beschreibung",
        "day" => "Tag",
        "start_time" => "Beginn",
        "duration_minutes" => "Dauer",
        "place" => "Ort",
        "internal" => "intern",
        "registration_deadline" => "Anmeldeschluss",
        "standing" => "ständiger TOP",
        "speakers" => "Vortragende",
        "topic_ids" => "Themenfelder",
        "status" => "Status",
        "represented_by" => "vertreten durch",
        "joins_visit" => "Besuch",
        "joins_dinner" => "Abendessen",
        "days" => "Tage",
        "attachments" => "Anlagen",
        "day_start" => "Tagesbeginn",
        "letter_template" => "Einladungsvorlage",
        "text" => "Text",
        "assignee_id" => "zuständig",
        "assignee_organisation_id" => "zuständige Organisation",
        "assignee_text" => "zuständig (Text)",
        "due_date" => "fällig",
        "done_on" => "erledigt am",
        "votes_yes" => "Ja-Stimmen",
        "votes_no" => "Nein-Stimmen",
        "votes_abstain" => "Enthaltungen",
        "free_text" => "Vortragende (Text)",
        "approved_with_changes" => "Änderungen bei der Genehmigung",
        "written_replies" => "Rückmeldungen",
        "correction_reason" => "Grund der Berichtigung",
        "summary" => "Kurzfassung",
        "body" => "Text",
        "target_groups" => "Zielgruppen",
        "change_note" => "Änderungsnotiz",
        // Settings (the audit of Einstellungen names the changed keys).
        "group_name" => "Name der Arbeitsgruppe",
        "secretariat_name" => "Name der Geschäftsstelle",
        "secretariat_address" => "Anschrift der Geschäftsstelle",
        "signature" => "Grußzeile",
        "contact" => "Kontakt",
        "logo" => "Logo",
        "backup.keep_recent" => "Sicherungen: letzte",
        "backup.keep_daily" => "Sicherungen: tägliche",
        "backup.keep_monthly" => "Sicherungen: monatliche",
        "backup.second_folder" => "zweiter Sicherungsordner",
        "privacy.retention_years" => "Aufbewahrungsfrist",
        other => other,
    }
}

/// Every field name an entry may hold: static, so the log can never receive a value by mistake.
const FIELD_NAMES: &[&str] = &[
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
    "name",
    "kind",
    "state",
    "website",
    "member_since",
    "member_until",
    "person_id",
    "organisation_id",
    "role",
    "start_date",
    "end_date",
    "number",
    "first_day",
    "last_day",
    "venue",
    "address",
    "host_organisation_id",
    "description",
    "day",
    "start_time",
    "duration_minutes",
    "place",
    "internal",
    "registration_deadline",
    "standing",
    "speakers",
    "topic_ids",
    "status",
    "represented_by",
    "joins_visit",
    "joins_dinner",
    "days",
    "attachments",
    "day_start",
    "letter_template",
    "text",
    "assignee_id",
    "assignee_organisation_id",
    "assignee_text",
    "due_date",
    "done_on",
    "votes_yes",
    "votes_no",
    "votes_abstain",
];

/// One audit entry, for tests and the later history screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// When the change (or the first change of a merged burst) happened.
    pub at: String,
    /// When the last change of a merged burst happened (equals `at` otherwise).
    pub until: String,
    /// OS user.
    pub user: String,
    /// Entity name.
    pub entity: String,
    /// Entity id.
    pub entity_id: Option<i64>,
    /// Action name.
    pub action: String,
    /// Names of the fields concerned, comma-separated.
    pub fields: String,
}

/// Reads of the audit log.
#[derive(Clone, Copy)]
pub struct Log<'a>(pub(super) &'a Connection);

impl Log<'_> {
    /// Entries for one record, oldest first.
    pub fn for_entity(&self, entity: Entity, entity_id: i64) -> Result<Vec<Entry>> {
        self.query(
            "WHERE entity = ?1 AND entity_id = ?2",
            params![entity.as_str(), entity_id],
        )
    }

    /// Every entry, oldest first.
    pub fn all(&self) -> Result<Vec<Entry>> {
        self.query("", params![])
    }

    fn query(&self, filter: &str, values: &[&dyn rusqlite::ToSql]) -> Result<Vec<Entry>> {
        let mut stmt = self.0.prepare(&format!(
            "SELECT at, until, user, entity, entity_id, action, fields FROM audit_log {filter} ORDER BY id"
        ))?;
        let rows = stmt.query_map(values, |r| {
            Ok(Entry {
                at: r.get(0)?,
                until: r.get(1)?,
                user: r.get(2)?,
                entity: r.get(3)?,
                entity_id: r.get(4)?,
                action: r.get(5)?,
                fields: r.get(6)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
