//! Organisations: member municipalities, federal agencies, associations, institutes, foundations.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::field::{Field, FieldError, Problems};
use super::stored::{sql_text, Stored};
use super::{date, text, Direction, History, MandateView};

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

impl Stored for OrganisationKind {
    const WHAT: &'static str = "Art der Organisation";
    const ALL: &'static [Self] = &OrganisationKind::ALL;
    fn as_str(self) -> &'static str {
        OrganisationKind::as_str(self)
    }
    fn label(self) -> &'static str {
        OrganisationKind::label(self)
    }
}
sql_text!(OrganisationKind);

/// A stored organisation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
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
    /// Latitude (WGS84, decimal degrees), for the overview's map.
    pub latitude: Option<f64>,
    /// Longitude.
    pub longitude: Option<f64>,
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
    /// Latitude as typed ("50,9271" or "50.9271"), empty for none.
    pub latitude: String,
    /// Longitude as typed.
    pub longitude: String,
}

/// A validated organisation, ready to store.
#[derive(Debug, Clone, PartialEq, Serialize)]
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
    /// Latitude.
    pub latitude: Option<f64>,
    /// Longitude.
    pub longitude: Option<f64>,
}

/// Germany's bounding box (a little generous), for catching swapped or mistyped coordinates.
const LATITUDES: std::ops::RangeInclusive<f64> = 47.0..=55.1;
const LONGITUDES: std::ops::RangeInclusive<f64> = 5.8..=15.1;

/// Parses a coordinate typed with a decimal comma or point; `None` for an empty field.
fn coordinate(
    problems: &mut Problems,
    (field, label): (Field, &str),
    value: &str,
    range: std::ops::RangeInclusive<f64>,
) -> Option<f64> {
    let value = value.trim();
    if value.is_empty() {
        return None;
    }
    match value.replace(',', ".").parse::<f64>() {
        Ok(number) if number.is_finite() && range.contains(&number) => Some(number),
        Ok(_) => {
            problems.add(
                field,
                format!(
                    "{label}: {value} liegt nicht in Deutschland (erwartet {} bis {}).",
                    range.start().to_string().replace('.', ","),
                    range.end().to_string().replace('.', ",")
                ),
            );
            None
        }
        Err(_) => {
            problems.add(
                field,
                format!("{label}: „{value}“ ist keine Zahl. Bitte z. B. als 50,9271 angeben."),
            );
            None
        }
    }
}

impl OrganisationInput {
    /// Checks every field; the first problem is returned with the field it concerns.
    pub fn validate(&self) -> Result<OrganisationFields, Vec<FieldError>> {
        let mut problems = Problems::new();
        let name = text::optional(&self.name);
        match &name {
            None => problems.add(Field::Name, "Name: Bitte einen Namen angeben."),
            Some(name) if name.chars().count() > 200 => {
                problems.add(Field::Name, "Name: Höchstens 200 Zeichen.");
            }
            Some(_) => {}
        }
        if self.kind.is_none() {
            problems.add(Field::Kind, "Art: Bitte die Art der Organisation wählen.");
        }
        let state = text::optional(&self.state);
        if let Some(state) = state
            .as_ref()
            .filter(|s| !BUNDESLAENDER.contains(&s.as_str()))
        {
            problems.add(
                Field::State,
                format!("Bundesland: „{state}“ ist kein deutsches Bundesland."),
            );
        }
        let postal_code = text::optional(&self.postal_code);
        if let Some(code) = postal_code
            .as_ref()
            .filter(|c| !super::person::is_postal_code(c))
        {
            problems.add(
                Field::PostalCode,
                format!("PLZ: „{code}“ ist keine Postleitzahl (fünf Ziffern)."),
            );
        }
        let website = text::optional(&self.website);
        if let Some(site) = website
            .as_ref()
            .filter(|s| s.contains(char::is_whitespace) || !s.contains('.'))
        {
            problems.add(
                Field::Website,
                format!("Website: „{site}“ ist keine gültige Adresse."),
            );
        }
        let member_since = problems
            .take(date::parse_optional(
                Field::MemberSince,
                "Mitglied seit",
                &self.member_since,
            ))
            .flatten();
        let member_until = problems
            .take(date::parse_optional(
                Field::MemberUntil,
                "Mitglied bis",
                &self.member_until,
            ))
            .flatten();
        if let (Some(since), Some(until)) = (member_since, member_until) {
            if until < since {
                problems.add(
                    Field::MemberUntil,
                    "Mitglied bis: Das Ende liegt vor dem Beginn der Mitgliedschaft.",
                );
            }
        }
        let latitude = coordinate(
            &mut problems,
            (Field::Latitude, "Breitengrad"),
            &self.latitude,
            LATITUDES,
        );
        let longitude = coordinate(
            &mut problems,
            (Field::Longitude, "Längengrad"),
            &self.longitude,
            LONGITUDES,
        );
        if latitude.is_some() != longitude.is_some()
            && !problems.has(Field::Latitude)
            && !problems.has(Field::Longitude)
        {
            let (field, label) = if latitude.is_none() {
                (Field::Latitude, "Breitengrad")
            } else {
                (Field::Longitude, "Längengrad")
            };
            problems.add(
                field,
                format!("{label}: Bitte beide Koordinaten angeben oder beide leer lassen."),
            );
        }
        problems.finish(|| OrganisationFields {
            latitude,
            longitude,
            name: name.unwrap_or_default(),
            kind: self.kind.unwrap_or(OrganisationKind::Other),
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

impl Organisation {
    /// The stored values as validated fields.
    pub fn fields(&self) -> OrganisationFields {
        OrganisationFields {
            name: self.name.clone(),
            kind: self.kind,
            state: self.state.clone(),
            street: self.street.clone(),
            postal_code: self.postal_code.clone(),
            city: self.city.clone(),
            website: self.website.clone(),
            member_since: self.member_since,
            member_until: self.member_until,
            notes: self.notes.clone(),
            latitude: self.latitude,
            longitude: self.longitude,
        }
    }
}

/// What refers to an organisation. One with any of it is ended, not deleted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct OrganisationDependants {
    /// Mandates for it.
    pub mandates: i64,
    /// Sessions it hosted.
    pub hosted_sessions: i64,
    /// Attendance records for it.
    pub attendance: i64,
    /// Its practice examples.
    pub practice_examples: i64,
    /// Action items assigned to it.
    pub action_items: i64,
}

impl OrganisationDependants {
    /// True when nothing refers to the organisation.
    pub fn is_empty(&self) -> bool {
        *self == OrganisationDependants::default()
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

/// An organisation with its current and former mandates and its practice examples.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct OrganisationDetail {
    /// The organisation.
    pub organisation: Organisation,
    /// All mandates for it, current first, newest first.
    pub mandates: Vec<MandateView>,
    /// Its practice examples, by title.
    pub practice_examples: Vec<super::content::PracticeExampleRef>,
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
                Err(errors) => {
                    let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
                    assert_eq!(fields, [expected], "{errors:?}");
                }
                other => panic!("expected a validation error on {expected}, got {other:?}"),
            }
        }
    }
}
