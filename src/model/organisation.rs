//! Organisations: member municipalities, federal agencies, associations, institutes, foundations.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{date, text, Direction, History, MandateView};
use crate::error::{Error, Result};

/// The sixteen German Länder, as the UI offers them.
pub const BUNDESLAENDER: [&str; 16] = [
    "Baden-Württemberg",
    "Bayern",
    "Berlin",
    "Brandenburg",
    "Bremen",
    "Hamburg",
    "Hessen",
    "Mecklenburg-Vorpommern",
    "Niedersachsen",
    "Nordrhein-Westfalen",
    "Rheinland-Pfalz",
    "Saarland",
    "Sachsen",
    "Sachsen-Anhalt",
    "Schleswig-Holstein",
    "Thüringen",
];

/// What kind of organisation it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum OrganisationKind {
    /// Stadt
    City,
    /// Landkreis
    District,
    /// Bundesbehörde
    FederalAgency,
    /// Kommunaler Spitzenverband
    UmbrellaAssociation,
    /// Forschungsinstitut
    ResearchInstitute,
    /// Stiftung
    Foundation,
    /// Sonstige
    Other,
}

impl OrganisationKind {
    /// All kinds in the order the UI lists them.
    pub const ALL: [OrganisationKind; 7] = [
        Self::City,
        Self::District,
        Self::FederalAgency,
        Self::UmbrellaAssociation,
        Self::ResearchInstitute,
        Self::Foundation,
        Self::Other,
    ];

    /// The name stored in SQLite and used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::City => "city",
            Self::District => "district",
            Self::FederalAgency => "federal_agency",
            Self::UmbrellaAssociation => "umbrella_association",
            Self::ResearchInstitute => "research_institute",
            Self::Foundation => "foundation",
            Self::Other => "other",
        }
    }

    /// Parses the stored name.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.as_str() == value)
    }

    /// The German label.
    pub fn label(self) -> &'static str {
        match self {
            Self::City => "Stadt",
            Self::District => "Landkreis",
            Self::FederalAgency => "Bundesbehörde",
            Self::UmbrellaAssociation => "Kommunaler Spitzenverband",
            Self::ResearchInstitute => "Forschungsinstitut",
            Self::Foundation => "Stiftung",
            Self::Other => "Sonstige",
        }
    }
}

/// A stored organisation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Organisation {
    /// Id assigned by SQLite.
    pub id: i64,
    /// Full name, e.g. "Landeshauptstadt Stuttgart".
    pub name: String,
    /// Kind of organisation.
    pub kind: OrganisationKind,
    /// Bundesland, one of [`BUNDESLAENDER`].
    pub state: Option<String>,
    /// Street and number.
    pub street: Option<String>,
    /// Postleitzahl.
    pub postal_code: Option<String>,
    /// City of the address.
    pub city: Option<String>,
    /// Website.
    pub website: Option<String>,
    /// Member of the working group since.
    pub member_since: Option<NaiveDate>,
    /// Member until (left the group).
    pub member_until: Option<NaiveDate>,
    /// Free notes.
    pub notes: Option<String>,
    /// Created / changed.
    pub history: History,
}

/// What the organisation form sends: text as typed, dates as TT.MM.JJJJ or ISO.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct OrganisationInput {
    /// Name (required).
    pub name: String,
    /// Kind (required).
    pub kind: Option<OrganisationKind>,
    /// Bundesland or empty.
    pub state: String,
    /// Street.
    pub street: String,
    /// Postleitzahl: five digits or empty.
    pub postal_code: String,
    /// City.
    pub city: String,
    /// Website.
    pub website: String,
    /// Member since.
    pub member_since: String,
    /// Member until.
    pub member_until: String,
    /// Notes.
    pub notes: String,
}

/// A validated organisation, ready to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrganisationFields {
    /// Name.
    pub name: String,
    /// Kind.
    pub kind: OrganisationKind,
    /// Bundesland.
    pub state: Option<String>,
    /// Street.
    pub street: Option<String>,
    /// Postleitzahl.
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

impl OrganisationInput {
    /// Checks every field; the first problem is returned with the field it concerns.
    pub fn validate(&self) -> Result<OrganisationFields> {
        let name = text::optional(&self.name)
            .ok_or_else(|| Error::validation("name", "Name: Bitte einen Namen angeben."))?;
        if name.chars().count() > 200 {
            return Err(Error::validation("name", "Name: Höchstens 200 Zeichen."));
        }
        let kind = self.kind.ok_or_else(|| {
            Error::validation("kind", "Art: Bitte die Art der Organisation wählen.")
        })?;
        let state = text::optional(&self.state);
        if let Some(state) = &state {
            if !BUNDESLAENDER.contains(&state.as_str()) {
                return Err(Error::validation(
                    "state",
                    format!("Bundesland: „{state}“ ist kein deutsches Bundesland."),
                ));
            }
        }
        let postal_code = text::optional(&self.postal_code);
        if let Some(code) = &postal_code {
            if code.len() != 5 || !code.chars().all(|c| c.is_ascii_digit()) {
                return Err(Error::validation(
                    "postal_code",
                    format!("PLZ: „{code}“ ist keine Postleitzahl (fünf Ziffern)."),
                ));
            }
        }
        let website = text::optional(&self.website);
        if let Some(site) = &website {
            if site.contains(char::is_whitespace) || !site.contains('.') {
                return Err(Error::validation(
                    "website",
                    format!("Website: „{site}“ ist keine gültige Adresse."),
                ));
            }
        }
        let member_since =
            date::parse_optional("member_since", "Mitglied seit", &self.member_since)?;
        let member_until =
            date::parse_optional("member_until", "Mitglied bis", &self.member_until)?;
        if let (Some(since), Some(until)) = (member_since, member_until) {
            if until < since {
                return Err(Error::validation(
                    "member_until",
                    "Mitglied bis: Das Ende liegt vor dem Beginn der Mitgliedschaft.",
                ));
            }
        }
        Ok(OrganisationFields {
            name,
            kind,
            state,
            street: text::optional(&self.street),
            postal_code,
            city: text::optional(&self.city),
            website,
            member_since,
            member_until,
            notes: text::optional(&self.notes),
        })
    }
}

/// Which organisations a list shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum OrganisationStatus {
    /// Current and former.
    #[default]
    All,
    /// Without a past "member until".
    Current,
    /// Left the group.
    Former,
}

/// Column to sort organisations by.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum OrganisationSort {
    /// Name, German collation.
    #[default]
    Name,
    /// Kind label.
    Kind,
    /// Bundesland.
    State,
    /// City of the address.
    City,
    /// Member since.
    MemberSince,
    /// Number of current representatives.
    People,
}

/// Filter and sort of the organisation list.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct OrganisationFilter {
    /// Free text: name, city, Bundesland (diacritics ignored).
    pub text: String,
    /// Only this kind.
    pub kind: Option<OrganisationKind>,
    /// Only this Bundesland.
    pub state: Option<String>,
    /// Current / former / all.
    pub status: OrganisationStatus,
    /// Sort column.
    pub sort: OrganisationSort,
    /// Sort direction.
    pub direction: Direction,
}

/// One row of the organisation list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct OrganisationRow {
    /// Id.
    pub id: i64,
    /// Name.
    pub name: String,
    /// Kind.
    pub kind: OrganisationKind,
    /// Bundesland.
    pub state: Option<String>,
    /// City of the address.
    pub city: Option<String>,
    /// Member since.
    pub member_since: Option<NaiveDate>,
    /// Member until.
    pub member_until: Option<NaiveDate>,
    /// Names of the current representatives ("Dr. Anna Schmidt"), permanent first.
    pub representatives: Vec<String>,
}

/// The organisation list with its counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct OrganisationList {
    /// The rows that pass the filter, sorted.
    pub rows: Vec<OrganisationRow>,
    /// All organisations in the store.
    pub total: i64,
}

/// An organisation with its current and former mandates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct OrganisationDetail {
    /// The organisation.
    pub organisation: Organisation,
    /// All mandates for it, current first, newest first.
    pub mandates: Vec<MandateView>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> OrganisationInput {
        OrganisationInput {
            name: "Landeshauptstadt Stuttgart".into(),
            kind: Some(OrganisationKind::City),
            state: "Baden-Württemberg".into(),
            postal_code: "70173".into(),
            member_since: "01.01.2009".into(),
            ..Default::default()
        }
    }

    #[test]
    fn accepts_a_complete_city() {
        let fields = input().validate().expect("valid");
        assert_eq!(fields.member_since, NaiveDate::from_ymd_opt(2009, 1, 1));
    }

    #[test]
    fn names_the_field_of_each_problem() {
        let cases = [
            (
                OrganisationInput {
                    name: " ".into(),
                    ..input()
                },
                "name",
            ),
            (
                OrganisationInput {
                    kind: None,
                    ..input()
                },
                "kind",
            ),
            (
                OrganisationInput {
                    state: "Bavaria".into(),
                    ..input()
                },
                "state",
            ),
            (
                OrganisationInput {
                    postal_code: "7017".into(),
                    ..input()
                },
                "postal_code",
            ),
            (
                OrganisationInput {
                    member_until: "31.12.2008".into(),
                    ..input()
                },
                "member_until",
            ),
        ];
        for (bad, expected) in cases {
            match bad.validate() {
                Err(Error::Validation { field, .. }) => assert_eq!(field, expected),
                other => panic!("expected a validation error on {expected}, got {other:?}"),
            }
        }
    }
}
