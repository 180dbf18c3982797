//! Mandates: who represents which organisation in the group, in which role, from when until when.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::field::{Field, FieldError, Problems};
use super::stored::{sql_text, Stored};
use super::{date, text};

/// The role a person holds in the working group for an organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Ständige Vertretung: the organisation's seat; one holder at a time.
    Permanent,
    /// Stellvertretung.
    Deputy,
    /// Gast.
    Guest,
    /// Geschäftsstelle.
    Secretariat,
    /// Partner.
    Partner,
}

impl Role {
    /// All roles in UI order (also the order of precedence when a person holds several).
    pub const ALL: [Role; 5] = [
        Self::Permanent,
        Self::Deputy,
        Self::Secretariat,
        Self::Partner,
        Self::Guest,
    ];

    /// Stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Permanent => "permanent",
            Self::Deputy => "deputy",
            Self::Guest => "guest",
            Self::Secretariat => "secretariat",
            Self::Partner => "partner",
        }
    }

    /// Parses the stored name.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == value)
    }

    /// German label.
    pub fn label(self) -> &'static str {
        match self {
            Self::Permanent => "Ständige Vertretung",
            Self::Deputy => "Stellvertretung",
            Self::Guest => "Gast",
            Self::Secretariat => "Geschäftsstelle",
            Self::Partner => "Partner",
        }
    }

    /// Rank for choosing a person's main mandate: lower is more important.
    pub fn rank(self) -> usize {
        Self::ALL
            .iter()
            .position(|r| *r == self)
            .unwrap_or(Self::ALL.len())
    }
}

impl Stored for Role {
    const WHAT: &'static str = "Rolle";
    const ALL: &'static [Self] = &Role::ALL;
    fn as_str(self) -> &'static str {
        Role::as_str(self)
    }
    fn label(self) -> &'static str {
        Role::label(self)
    }
}
sql_text!(Role);

/// A stored mandate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Mandate {
    /// Id.
    pub id: i64,
    /// The person holding it.
    pub person_id: i64,
    /// The organisation represented.
    pub organisation_id: i64,
    /// Role.
    pub role: Role,
    /// First day.
    pub start_date: NaiveDate,
    /// Last day; open when `None`.
    pub end_date: Option<NaiveDate>,
    /// Notes.
    pub notes: Option<String>,
}

impl Mandate {
    /// True when the mandate covers `day`.
    pub fn covers(&self, day: NaiveDate) -> bool {
        self.start_date <= day && self.end_date.is_none_or(|end| day <= end)
    }

    /// True when the periods of both mandates share at least one day.
    pub fn overlaps(&self, start: NaiveDate, end: Option<NaiveDate>) -> bool {
        let ends_before =
            |a_end: Option<NaiveDate>, b_start: NaiveDate| a_end.is_some_and(|e| e < b_start);
        !(ends_before(self.end_date, start) || ends_before(end, self.start_date))
    }
}

/// A mandate with the names a list needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MandateView {
    /// The mandate.
    pub mandate: Mandate,
    /// "Dr. Anna Schmidt".
    pub person_name: String,
    /// "Landeshauptstadt Stuttgart".
    pub organisation_name: String,
    /// True when it covers today.
    pub current: bool,
}

/// What the mandate form sends.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MandateInput {
    /// Person.
    pub person_id: i64,
    /// Organisation (required).
    pub organisation_id: Option<i64>,
    /// Role (required).
    pub role: Option<Role>,
    /// First day, TT.MM.JJJJ (required).
    pub start_date: String,
    /// Last day or empty.
    pub end_date: String,
    /// Notes.
    pub notes: String,
}

/// A validated mandate, ready to store (overlaps are checked by the op against the store).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MandateFields {
    /// Person.
    pub person_id: i64,
    /// Organisation.
    pub organisation_id: i64,
    /// Role.
    pub role: Role,
    /// First day.
    pub start_date: NaiveDate,
    /// Last day.
    pub end_date: Option<NaiveDate>,
    /// Notes.
    pub notes: Option<String>,
}

impl MandateInput {
    /// Checks the fields that need no store: required values and the order of the dates. Every
    /// problem is reported at once.
    pub fn validate(&self) -> Result<MandateFields, Vec<FieldError>> {
        let mut problems = Problems::new();
        if self.organisation_id.is_none() {
            problems.add(
                Field::OrganisationId,
                "Organisation: Bitte eine Organisation wählen.",
            );
        }
        if self.role.is_none() {
            problems.add(Field::Role, "Rolle: Bitte eine Rolle wählen.");
        }
        let start_date = if self.start_date.trim().is_empty() {
            problems.add(Field::StartDate, "Beginn: Bitte ein Datum angeben.");
            None
        } else {
            problems.take(date::parse(Field::StartDate, "Beginn", &self.start_date))
        };
        let end_date = problems
            .take(date::parse_optional(Field::EndDate, "Ende", &self.end_date))
            .flatten();
        if let (Some(start), Some(end)) = (start_date, end_date) {
            if end < start {
                problems.add(
                    Field::EndDate,
                    format!(
                        "Ende: Das Mandat kann nicht vor seinem Beginn ({}) enden.",
                        date::german(start)
                    ),
                );
            }
        }
        problems.finish(|| MandateFields {
            person_id: self.person_id,
            organisation_id: self.organisation_id.unwrap_or_default(),
            role: self.role.unwrap_or(Role::Guest),
            start_date: start_date.unwrap_or_default(),
            end_date,
            notes: text::optional(&self.notes),
        })
    }
}

impl Mandate {
    /// The stored mandate of validated fields and its new id.
    pub fn from_fields(id: i64, fields: MandateFields) -> Mandate {
        Mandate {
            id,
            person_id: fields.person_id,
            organisation_id: fields.organisation_id,
            role: fields.role,
            start_date: fields.start_date,
            end_date: fields.end_date,
            notes: fields.notes,
        }
    }

    /// The stored values as validated fields.
    pub fn fields(&self) -> MandateFields {
        MandateFields {
            person_id: self.person_id,
            organisation_id: self.organisation_id,
            role: self.role,
            start_date: self.start_date,
            end_date: self.end_date,
            notes: self.notes.clone(),
        }
    }
}

/// "01.01.2024 bis 31.12.2025" or "seit 01.01.2024".
pub fn period(start: NaiveDate, end: Option<NaiveDate>) -> String {
    match end {
        Some(end) => format!("{} bis {}", date::german(start), date::german(end)),
        None => format!("seit {}", date::german(start)),
    }
}

/// A mandate that another one would clash with, and whose it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clash<'a> {
    /// The other mandate.
    pub other: &'a Mandate,
    /// True when the other one is the same person's.
    pub same_person: bool,
}

/// The one seat rule, used by the mandate form and the import alike: among `others` (mandates of
/// the same organisation), the first that `fields` may not share time with: the same person in
/// the same role, or, for the permanent seat, anyone holding it. `own_id` is the mandate being
/// edited.
pub fn clash<'a>(
    fields: &MandateFields,
    own_id: Option<i64>,
    others: impl IntoIterator<Item = &'a Mandate>,
) -> Option<Clash<'a>> {
    others
        .into_iter()
        .filter(|m| Some(m.id) != own_id && m.organisation_id == fields.organisation_id)
        .filter(|m| m.role == fields.role && m.overlaps(fields.start_date, fields.end_date))
        .find_map(|other| {
            let same_person = other.person_id == fields.person_id;
            (same_person || fields.role == Role::Permanent).then_some(Clash { other, same_person })
        })
}

/// The German message of a clash; `person` is the new mandate's holder, `holder` the other's.
pub fn clash_error(clash: Clash<'_>, role: Role, person: &str, holder: &str) -> FieldError {
    let period = period(clash.other.start_date, clash.other.end_date);
    let message = if clash.same_person {
        format!(
            "Beginn: {person} hat für diese Organisation schon ein Mandat als {} im selben Zeitraum ({period}).",
            role.label()
        )
    } else {
        format!(
            "Beginn: Die ständige Vertretung dieser Organisation hat im selben Zeitraum {holder} ({period}). \
             Bitte zuerst deren Mandat beenden – ein Sitz hat immer nur eine ständige Vertretung."
        )
    };
    FieldError::new(Field::StartDate, message)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
    }

    fn mandate(start: NaiveDate, end: Option<NaiveDate>) -> Mandate {
        Mandate {
            id: 1,
            person_id: 1,
            organisation_id: 1,
            role: Role::Permanent,
            start_date: start,
            end_date: end,
            notes: None,
        }
    }

    #[test]
    fn overlap_is_inclusive_of_both_ends() {
        let m = mandate(day(2020, 1, 1), Some(day(2022, 12, 31)));
        assert!(
            m.overlaps(day(2022, 12, 31), None),
            "sharing the last day is an overlap"
        );
        assert!(
            !m.overlaps(day(2023, 1, 1), None),
            "a successor starting the next day is fine"
        );
        assert!(
            mandate(day(2020, 1, 1), None).overlaps(day(2030, 1, 1), None),
            "open mandates run on"
        );
    }

    #[test]
    fn end_before_start_is_refused_on_end_date() {
        let input = MandateInput {
            person_id: 1,
            organisation_id: Some(1),
            role: Some(Role::Deputy),
            start_date: "01.03.2024".into(),
            end_date: "28.02.2024".into(),
            notes: String::new(),
        };
        match input.validate() {
            Err(errors) => assert_eq!(errors[0].field, Field::EndDate),
            other => panic!("expected validation error, got {other:?}"),
        }
    }
}
