//! Field names and field errors. Every input field a form or an import can get wrong has a name
//! here, shared with TypeScript through the generated bindings, so a message always lands at the
//! right field and never at a misspelt string.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// An input field, named as in the Rust input types (snake_case on the wire).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// A file to read (import, restore).
    File,
    /// A path to write to (export, PDF, backup).
    Path,
    /// A command-line argument or a choice outside a form.
    Argument,
    /// The shipped demo data.
    Demo,
    /// Person: salutation.
    Salutation,
    /// Person: academic title.
    Title,
    /// Person: first name.
    FirstName,
    /// Person: name particle.
    NameParticle,
    /// Person: last name.
    LastName,
    /// Person: function.
    Function,
    /// Person: e-mail.
    Email,
    /// Person: phone.
    Phone,
    /// Person: mobile phone.
    Mobile,
    /// Street (person or organisation).
    Street,
    /// Postleitzahl (person or organisation).
    PostalCode,
    /// City of an address.
    City,
    /// Person: consent to shared lists.
    ConsentSharedLists,
    /// Person: date of the consent.
    ConsentDate,
    /// Free notes.
    Notes,
    /// Organisation: name.
    Name,
    /// Organisation: kind.
    Kind,
    /// Organisation: Bundesland.
    State,
    /// Organisation: website.
    Website,
    /// Organisation: member since.
    MemberSince,
    /// Organisation: member until.
    MemberUntil,
    /// Mandate: the person.
    PersonId,
    /// Mandate: the organisation.
    OrganisationId,
    /// Mandate: the role.
    Role,
    /// Mandate: first day.
    StartDate,
    /// Mandate: last day.
    EndDate,
    /// A list's reference date (Stichtag).
    AsOf,
    /// Session: running number.
    Number,
    /// Session: first day.
    FirstDay,
    /// Session: last day.
    LastDay,
    /// Session: host organisation.
    HostOrganisationId,
    /// Agenda item: its day.
    Day,
    /// Agenda item: fixed start time.
    StartTime,
    /// Agenda item: duration in minutes.
    DurationMinutes,
    /// Session: registration deadline.
    RegistrationDeadline,
    /// Agenda item: speakers.
    Speakers,
    /// Agenda item: topics.
    TopicIds,
    /// Attendance: status.
    Status,
    /// Attendance: the person who stands in.
    RepresentedBy,
    /// Letter template: subject.
    Subject,
    /// Letter template: text.
    Body,
    /// Decision or action item: its text.
    Text,
    /// Action item: due date.
    DueDate,
    /// Action item: done on.
    DoneOn,
    /// Action item: responsible person.
    AssigneeId,
    /// Action item: responsible organisation.
    AssigneeOrganisationId,
    /// Decision: votes in favour.
    VotesYes,
    /// Decision: votes against.
    VotesNo,
    /// Decision: abstentions.
    VotesAbstain,
    /// Approval: the approving session.
    AtSession,
    /// Approval or dispatch: the date.
    Date,
    /// Approval: deadline of the written procedure.
    WrittenDeadline,
    /// Correction: the reason.
    Reason,
    /// Topic: its description.
    Description,
    /// Practice example: the contact person.
    ContactPersonId,
    /// Practice example: its summary.
    Summary,
    /// Practice example: its target groups.
    TargetGroups,
    /// Practice example: since when it runs.
    Since,
    /// Practice example: its web link.
    Link,
    /// Practice example: how far it is released.
    ReleaseStatus,
    /// Recommendation: the practice examples behind it.
    PracticeExampleIds,
    /// Recommendation version: what changed.
    ChangeNote,
    /// Recommendation: the adopting session.
    SessionId,
    /// Recommendation: the publication date.
    PublishedOn,
    /// Organisation: latitude.
    Latitude,
    /// Organisation: longitude.
    Longitude,
    /// Search: the query.
    Query,
    /// Backup: the passphrase of an encrypted backup.
    Passphrase,
    /// Backup settings: the newest backups kept.
    KeepRecent,
    /// Backup settings: days kept.
    KeepDaily,
    /// Backup settings: months kept.
    KeepMonthly,
    /// Backup settings: the second folder.
    SecondFolder,
    /// Data protection: years after which former members are offered for anonymisation.
    RetentionYears,
    /// Settings: the group's name in the letterhead.
    GroupName,
    /// Settings: the secretariat's name.
    SecretariatName,
    /// Settings: the secretariat's postal address.
    SecretariatAddress,
    /// Settings: the closing line of letters.
    Signature,
    /// Settings: the contact named in letters.
    Contact,
    /// Settings: the letterhead's logo.
    Logo,
}

impl Field {
    /// The snake_case name, as serialised.
    pub fn as_str(self) -> &'static str {
        match self {
            Field::File => "file",
            Field::Path => "path",
            Field::Argument => "argument",
            Field::Demo => "demo",
            Field::Salutation => "salutation",
            Field::Title => "title",
            Field::FirstName => "first_name",
            Field::NameParticle => "name_particle",
            Field::LastName => "last_name",
            Field::Function => "function",
            Field::Email => "email",
            Field::Phone => "phone",
            Field::Mobile => "mobile",
            Field::Street => "street",
            Field::PostalCode => "postal_code",
            Field::City => "city",
            Field::ConsentSharedLists => "consent_shared_lists",
            Field::ConsentDate => "consent_date",
            Field::Notes => "notes",
            Field::Name => "name",
            Field::Kind => "kind",
            Field::State => "state",
            Field::Website => "website",
            Field::MemberSince => "member_since",
            Field::MemberUntil => "member_until",
            Field::PersonId => "person_id",
            Field::OrganisationId => "organisation_id",
            Field::Role => "role",
            Field::StartDate => "start_date",
            Field::EndDate => "end_date",
            Field::AsOf => "as_of",
            Field::Number => "number",
            Field::FirstDay => "first_day",
            Field::LastDay => "last_day",
            Field::HostOrganisationId => "host_organisation_id",
            Field::Day => "day",
            Field::StartTime => "start_time",
            Field::DurationMinutes => "duration_minutes",
            Field::RegistrationDeadline => "registration_deadline",
            Field::Speakers => "speakers",
            Field::TopicIds => "topic_ids",
            Field::Status => "status",
            Field::RepresentedBy => "represented_by",
            Field::Subject => "subject",
            Field::Body => "body",
            Field::Text => "text",
            Field::DueDate => "due_date",
            Field::DoneOn => "done_on",
            Field::AssigneeId => "assignee_id",
            Field::AssigneeOrganisationId => "assignee_organisation_id",
            Field::VotesYes => "votes_yes",
            Field::VotesNo => "votes_no",
            Field::VotesAbstain => "votes_abstain",
            Field::AtSession => "at_session",
            Field::Date => "date",
            Field::WrittenDeadline => "written_deadline",
            Field::Reason => "reason",
            Field::Description => "description",
            Field::ContactPersonId => "contact_person_id",
            Field::Summary => "summary",
            Field::TargetGroups => "target_groups",
            Field::Since => "since",
            Field::Link => "link",
            Field::ReleaseStatus => "release_status",
            Field::PracticeExampleIds => "practice_example_ids",
            Field::ChangeNote => "change_note",
            Field::SessionId => "session_id",
            Field::PublishedOn => "published_on",
            Field::Latitude => "latitude",
            Field::Longitude => "longitude",
            Field::Query => "query",
            Field::Passphrase => "passphrase",
            Field::KeepRecent => "keep_recent",
            Field::KeepDaily => "keep_daily",
            Field::KeepMonthly => "keep_monthly",
            Field::SecondFolder => "second_folder",
            Field::RetentionYears => "retention_years",
            Field::GroupName => "group_name",
            Field::SecretariatName => "secretariat_name",
            Field::SecretariatAddress => "secretariat_address",
            Field::Signature => "signature",
            Field::Contact => "contact",
            Field::Logo => "logo",
        }
    }
}

impl std::fmt::Display for Field {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One problem of an input: the field and a German message that names it as the user sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FieldError {
    /// The field concerned.
    pub field: Field,
    /// German message, e.g. "E-Mail: „x@“ ist keine gültige E-Mail-Adresse."
    pub message: String,
}

impl FieldError {
    /// A problem of `field`.
    pub fn new(field: Field, message: impl Into<String>) -> Self {
        FieldError {
            field,
            message: message.into(),
        }
    }
}

/// Collects every problem of an input, so that validation reports all of them at once.
#[derive(Debug, Default)]
pub struct Problems(Vec<FieldError>);

impl Problems {
    /// No problems yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Records a problem.
    pub fn add(&mut self, field: Field, message: impl Into<String>) {
        self.0.push(FieldError::new(field, message));
    }

    /// Takes the value of a check, recording its problem; `None` when it failed.
    pub fn take<T>(&mut self, result: Result<T, FieldError>) -> Option<T> {
        match result {
            Ok(value) => Some(value),
            Err(error) => {
                self.0.push(error);
                None
            }
        }
    }

    /// True when a problem of `field` was recorded.
    pub fn has(&self, field: Field) -> bool {
        self.0.iter().any(|e| e.field == field)
    }

    /// True when nothing was recorded.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// `Ok(value())` without problems, else every problem. `value` runs only without problems, so
    /// it may unwrap what the checks produced through [`Option::unwrap_or_default`] safely.
    pub fn finish<T>(self, value: impl FnOnce() -> T) -> Result<T, Vec<FieldError>> {
        if self.0.is_empty() {
            Ok(value())
        } else {
            Err(self.0)
        }
    }

    /// The problems so far.
    pub fn into_vec(self) -> Vec<FieldError> {
        self.0
    }
}
