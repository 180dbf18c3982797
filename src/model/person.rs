//! People: commissioners, deputies, guests, the secretariat's staff.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{date, text, History, MandateView};
use crate::error::{Error, Result};

/// How a person is addressed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Salutation {
    /// Frau
    Ms,
    /// Herr
    Mr,
    /// No gendered salutation ("Guten Tag Vorname Nachname").
    #[default]
    Neutral,
}

impl Salutation {
    /// All values in UI order.
    pub const ALL: [Salutation; 3] = [Self::Ms, Self::Mr, Self::Neutral];

    /// Stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Ms => "ms",
            Self::Mr => "mr",
            Self::Neutral => "neutral",
        }
    }

    /// Parses the stored name.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == value)
    }

    /// German label ("Frau", "Herr", "" for neutral).
    pub fn label(self) -> &'static str {
        match self {
            Self::Ms => "Frau",
            Self::Mr => "Herr",
            Self::Neutral => "",
        }
    }
}

/// A stored person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Person {
    /// Id assigned by SQLite.
    pub id: i64,
    /// Salutation.
    pub salutation: Salutation,
    /// Academic title, e.g. "Dr." or "Prof. Dr.".
    pub title: Option<String>,
    /// First name(s).
    pub first_name: String,
    /// Name particle ("von", "van", "de"), ignored when sorting.
    pub name_particle: Option<String>,
    /// Last name.
    pub last_name: String,
    /// Function, e.g. "Integrationsbeauftragte".
    pub function: Option<String>,
    /// E-mail, lower-case.
    pub email: Option<String>,
    /// Phone.
    pub phone: Option<String>,
    /// Mobile phone.
    pub mobile: Option<String>,
    /// Postal address if not the organisation's: street.
    pub street: Option<String>,
    /// Postleitzahl.
    pub postal_code: Option<String>,
    /// City.
    pub city: Option<String>,
    /// Consents to appear on lists shared with the members.
    pub consent_shared_lists: bool,
    /// When the consent was given.
    pub consent_date: Option<NaiveDate>,
    /// Free notes.
    pub notes: Option<String>,
    /// False once deactivated (former member kept for history).
    pub active: bool,
    /// Created / changed.
    pub history: History,
}

impl Person {
    /// "Dr. Anna von Schmidt".
    pub fn full_name(&self) -> String {
        full_name(
            self.title.as_deref(),
            &self.first_name,
            self.name_particle.as_deref(),
            &self.last_name,
        )
    }
}

/// "Dr. Anna von Schmidt" from its parts.
pub fn full_name(title: Option<&str>, first: &str, particle: Option<&str>, last: &str) -> String {
    [title, Some(first), particle, Some(last)]
        .into_iter()
        .flatten()
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// "Schmidt, Anna von, Dr." — the list form: last name first, particle after the first name.
pub fn list_name(title: Option<&str>, first: &str, particle: Option<&str>, last: &str) -> String {
    let mut name = format!("{last}, {first}");
    if let Some(particle) = particle.filter(|p| !p.is_empty()) {
        name.push(' ');
        name.push_str(particle);
    }
    if let Some(title) = title.filter(|t| !t.is_empty()) {
        name.push_str(", ");
        name.push_str(title);
    }
    name
}

/// What the person form sends.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct PersonInput {
    /// Salutation.
    pub salutation: Salutation,
    /// Academic title.
    pub title: String,
    /// First name (required).
    pub first_name: String,
    /// Name particle.
    pub name_particle: String,
    /// Last name (required).
    pub last_name: String,
    /// Function.
    pub function: String,
    /// E-mail.
    pub email: String,
    /// Phone.
    pub phone: String,
    /// Mobile.
    pub mobile: String,
    /// Street.
    pub street: String,
    /// Postleitzahl.
    pub postal_code: String,
    /// City.
    pub city: String,
    /// Consent to shared lists.
    pub consent_shared_lists: bool,
    /// Consent date, TT.MM.JJJJ.
    pub consent_date: String,
    /// Notes.
    pub notes: String,
}

/// A validated person, ready to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonFields {
    /// Salutation.
    pub salutation: Salutation,
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
    /// Street.
    pub street: Option<String>,
    /// PLZ.
    pub postal_code: Option<String>,
    /// City.
    pub city: Option<String>,
    /// Consent.
    pub consent_shared_lists: bool,
    /// Consent date.
    pub consent_date: Option<NaiveDate>,
    /// Notes.
    pub notes: Option<String>,
}

impl PersonInput {
    /// Checks every field; the first problem is returned with the field it concerns.
    pub fn validate(&self) -> Result<PersonFields> {
        let first_name = text::optional(&self.first_name).ok_or_else(|| {
            Error::validation("first_name", "Vorname: Bitte den Vornamen angeben.")
        })?;
        let last_name = text::optional(&self.last_name).ok_or_else(|| {
            Error::validation("last_name", "Nachname: Bitte den Nachnamen angeben.")
        })?;
        for (field, label, value) in [
            ("first_name", "Vorname", &first_name),
            ("last_name", "Nachname", &last_name),
        ] {
            if value.chars().count() > 100 {
                return Err(Error::validation(
                    field,
                    format!("{label}: Höchstens 100 Zeichen."),
                ));
            }
        }
        let email = text::optional(&self.email).map(|e| e.to_lowercase());
        if let Some(email) = &email {
            if !is_email(email) {
                return Err(Error::validation(
                    "email",
                    format!("E-Mail: „{email}“ ist keine gültige E-Mail-Adresse."),
                ));
            }
        }
        for (field, label, value) in [
            ("phone", "Telefon", &self.phone),
            ("mobile", "Mobil", &self.mobile),
        ] {
            if !value
                .chars()
                .all(|c| c.is_ascii_digit() || " +-/()".contains(c))
            {
                return Err(Error::validation(
                    field,
                    format!("{label}: Nur Ziffern, Leerzeichen und + - / ( ) sind erlaubt."),
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
        let consent_date =
            date::parse_optional("consent_date", "Einwilligung am", &self.consent_date)?;
        if consent_date.is_some() && !self.consent_shared_lists {
            return Err(Error::validation(
                "consent_date",
                "Einwilligung am: Ein Datum ist nur bei erteilter Einwilligung möglich.",
            ));
        }
        Ok(PersonFields {
            salutation: self.salutation,
            title: text::optional(&self.title),
            first_name,
            name_particle: text::optional(&self.name_particle),
            last_name,
            function: text::optional(&self.function),
            email,
            phone: text::optional(&self.phone),
            mobile: text::optional(&self.mobile),
            street: text::optional(&self.street),
            postal_code,
            city: text::optional(&self.city),
            consent_shared_lists: self.consent_shared_lists,
            consent_date,
            notes: text::optional(&self.notes),
        })
    }
}

/// A pragmatic e-mail check: one `@`, a non-empty local part, a domain with a dot, no spaces.
pub fn is_email(value: &str) -> bool {
    let Some((local, domain)) = value.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && !value.chars().any(char::is_whitespace)
        && domain.split('.').count() >= 2
        && domain
            .split('.')
            .all(|label| !label.is_empty() && !label.starts_with('-'))
}

/// A person with all their mandates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PersonDetail {
    /// The person.
    pub person: Person,
    /// Their mandates, current first.
    pub mandates: Vec<MandateView>,
    /// True when the person has history (mandates, attendance, tasks) and can only be deactivated.
    pub has_history: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> PersonInput {
        PersonInput {
            salutation: Salutation::Mr,
            first_name: "Şükrü".into(),
            last_name: "Özdemir".into(),
            email: " Sukru.Oezdemir@Stadt-Herten.de ".into(),
            ..Default::default()
        }
    }

    #[test]
    fn keeps_names_as_written_and_normalises_email() {
        let fields = input().validate().expect("valid");
        assert_eq!(fields.first_name, "Şükrü", "names must survive unchanged");
        assert_eq!(
            fields.email.as_deref(),
            Some("sukru.oezdemir@stadt-herten.de")
        );
    }

    #[test]
    fn refuses_bad_input_naming_the_field() {
        let cases = [
            (
                PersonInput {
                    first_name: "".into(),
                    ..input()
                },
                "first_name",
            ),
            (
                PersonInput {
                    last_name: "  ".into(),
                    ..input()
                },
                "last_name",
            ),
            (
                PersonInput {
                    email: "a@b".into(),
                    ..input()
                },
                "email",
            ),
            (
                PersonInput {
                    email: "a b@c.de".into(),
                    ..input()
                },
                "email",
            ),
            (
                PersonInput {
                    phone: "0711 abc".into(),
                    ..input()
                },
                "phone",
            ),
            (
                PersonInput {
                    consent_date: "01.01.2024".into(),
                    ..input()
                },
                "consent_date",
            ),
        ];
        for (bad, expected) in cases {
            match bad.validate() {
                Err(Error::Validation { field, message }) => {
                    assert_eq!(field, expected, "{message}");
                }
                other => panic!("expected a validation error on {expected}, got {other:?}"),
            }
        }
    }

    #[test]
    fn list_name_puts_particle_after_first_name() {
        assert_eq!(
            list_name(Some("Dr."), "Clara", Some("von"), "Richter"),
            "Richter, Clara von, Dr."
        );
        assert_eq!(
            full_name(Some("Dr."), "Clara", Some("von"), "Richter"),
            "Dr. Clara von Richter"
        );
    }
}
