//! Mandates: who represents which organisation in the group, in which role, from when until when.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{date, text};
use crate::error::{Error, Result};

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
#[derive(Debug, Clone, PartialEq, Eq)]
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
    /// Checks the fields that need no store: required values and the order of the dates.
    pub fn validate(&self) -> Result<MandateFields> {
        let organisation_id = self.organisation_id.ok_or_else(|| {
            Error::validation(
                "organisation_id",
                "Organisation: Bitte eine Organisation wählen.",
            )
        })?;
        let role = self
            .role
            .ok_or_else(|| Error::validation("role", "Rolle: Bitte eine Rolle wählen."))?;
        if self.start_date.trim().is_empty() {
            return Err(Error::validation(
                "start_date",
                "Beginn: Bitte ein Datum angeben.",
            ));
        }
        let start_date = date::parse("start_date", "Beginn", &self.start_date)?;
        let end_date = date::parse_optional("end_date", "Ende", &self.end_date)?;
        if end_date.is_some_and(|end| end < start_date) {
            return Err(Error::validation(
                "end_date",
                format!(
                    "Ende: Das Mandat kann nicht vor seinem Beginn ({}) enden.",
                    date::german(start_date)
                ),
            ));
        }
        Ok(MandateFields {
            person_id: self.person_id,
            organisation_id,
            role,
            start_date,
            end_date,
            notes: text::optional(&self.notes),
        })
    }
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
            Err(Error::Validation { field, .. }) => assert_eq!(field, "end_date"),
            other => panic!("expected validation error, got {other:?}"),
        }
    }
}
