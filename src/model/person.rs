//! People: commissioners, deputies, guests, the secretariat's staff.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::field::{Field, FieldError, Problems};
use super::stored::{sql_text, Stored};
use super::{date, text, History, MandateView};

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

impl Stored for Salutation {
    const WHAT: &'static str = "Anrede";
    const ALL: &'static [Self] = &Salutation::ALL;
    fn as_str(self) -> &'static str {
        Salutation::as_str(self)
    }
    fn label(self) -> &'static str {
        Salutation::label(self)
    }
}
sql_text!(Salutation);

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
    /// When the person's data was removed (ISO 8601 local time); the record then only keeps
    /// history consistent and is shown as "ehemaliges Mitglied".
    pub anonymised_at: Option<String>,
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

/// What the members list shows of a person: the fields of [`Person`] it reads, without the
/// address, notes and history (the list reads all people at once; 10,000 of them for a PDF).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListedPerson {
    /// Row id.
    pub id: i64,
    /// Academic title.
    pub title: Option<String>,
    /// First name.
    pub first_name: String,
    /// Name particle.
    pub name_particle: Option<String>,
    /// Last name.
    pub last_name: String,
    /// Function.
    pub function: Option<String>,
    /// E-mail.
    pub email: Option<String>,
    /// Phone.
    pub phone: Option<String>,
    /// False once the person was deactivated.
    pub active: bool,
}

impl ListedPerson {
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
    // An anonymised person has no first name: "ehemaliges Mitglied", not "…, ".
    let mut name = if first.is_empty() {
        last.to_owned()
    } else {
        format!("{last}, {first}")
    };
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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
    /// Checks every field and reports every problem at once, each with its field.
    pub fn validate(&self) -> Result<PersonFields, Vec<FieldError>> {
        let mut problems = Problems::new();
        let first_name = text::optional(&self.first_name);
        let last_name = text::optional(&self.last_name);
        for (field, label, value, missing) in [
            (
                Field::FirstName,
                "Vorname",
                &first_name,
                "Vorname: Bitte den Vornamen angeben.",
            ),
            (
                Field::LastName,
                "Nachname",
                &last_name,
                "Nachname: Bitte den Nachnamen angeben.",
            ),
        ] {
            match value {
                None => problems.add(field, missing),
                Some(v) if v.chars().count() > 100 => {
                    problems.add(field, format!("{label}: Höchstens 100 Zeichen."));
                }
                Some(_) => {}
            }
        }
        let email = text::optional(&self.email).map(|e| e.to_lowercase());
        if let Some(email) = email.as_ref().filter(|e| !is_email(e)) {
            problems.add(
                Field::Email,
                format!("E-Mail: „{email}“ ist keine gültige E-Mail-Adresse."),
            );
        }
        for (field, label, value) in [
            (Field::Phone, "Telefon", &self.phone),
            (Field::Mobile, "Mobil", &self.mobile),
        ] {
            if !value
                .chars()
                .all(|c| c.is_ascii_digit() || " +-/()".contains(c))
            {
                problems.add(
                    field,
                    format!("{label}: Nur Ziffern, Leerzeichen und + - / ( ) sind erlaubt."),
                );
            }
        }
        let postal_code = text::optional(&self.postal_code);
        if let Some(code) = postal_code.as_ref().filter(|c| !is_postal_code(c)) {
            problems.add(
                Field::PostalCode,
                format!("PLZ: „{code}“ ist keine Postleitzahl (fünf Ziffern)."),
            );
        }
        let consent_date = problems
            .take(date::parse_optional(
                Field::ConsentDate,
                "Einwilligung am",
                &self.consent_date,
            ))
            .flatten();
        if consent_date.is_some() && !self.consent_shared_lists {
            problems.add(
                Field::ConsentDate,
                "Einwilligung am: Ein Datum ist nur bei erteilter Einwilligung möglich.",
            );
        }
        problems.finish(|| PersonFields {
            salutation: self.salutation,
            title: text::optional(&self.title),
            first_name: first_name.unwrap_or_default(),
            name_particle: text::optional(&self.name_particle),
            last_name: last_name.unwrap_or_default(),
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

/// Five digits.
pub fn is_postal_code(code: &str) -> bool {
    code.len() == 5 && code.chars().all(|c| c.is_ascii_digit())
}

impl Person {
    /// The person just stored from validated fields (active, created and changed by `stamp`).
    pub fn from_fields(id: i64, fields: PersonFields, stamp: &super::Stamp) -> Person {
        let at = stamp.at.format("%Y-%m-%dT%H:%M:%S").to_string();
        Person {
            id,
            salutation: fields.salutation,
            title: fields.title,
            first_name: fields.first_name,
            name_particle: fields.name_particle,
            last_name: fields.last_name,
            function: fields.function,
            email: fields.email,
            phone: fields.phone,
            mobile: fields.mobile,
            street: fields.street,
            postal_code: fields.postal_code,
            city: fields.city,
            consent_shared_lists: fields.consent_shared_lists,
            consent_date: fields.consent_date,
            notes: fields.notes,
            active: true,
            anonymised_at: None,
            history: History {
                created_at: at.clone(),
                created_by: stamp.user.clone(),
                updated_at: at,
                updated_by: stamp.user.clone(),
            },
        }
    }

    /// The stored values as validated fields (to compare with an edit or an import row).
    pub fn fields(&self) -> PersonFields {
        PersonFields {
            salutation: self.salutation,
            title: self.title.clone(),
            first_name: self.first_name.clone(),
            name_particle: self.name_particle.clone(),
            last_name: self.last_name.clone(),
            function: self.function.clone(),
            email: self.email.clone(),
            phone: self.phone.clone(),
            mobile: self.mobile.clone(),
            street: self.street.clone(),
            postal_code: self.postal_code.clone(),
            city: self.city.clone(),
            consent_shared_lists: self.consent_shared_lists,
            consent_date: self.consent_date,
            notes: self.notes.clone(),
        }
    }
}

/// What refers to a person. A person with any of it has history and is deactivated, not deleted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PersonHistory {
    /// Mandates.
    pub mandates: i64,
    /// Attendance records (also as substitute).
    pub attendance: i64,
    /// Talks on agendas.
    pub talks: i64,
    /// Action items assigned.
    pub action_items: i64,
    /// Minutes recorded.
    pub minutes: i64,
    /// Practice examples as contact.
    pub practice_examples: i64,
}

impl PersonHistory {
    /// True when nothing refers to the person.
    pub fn is_empty(&self) -> bool {
        *self == PersonHistory::default()
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
                Err(errors) => {
                    let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
                    assert_eq!(fields, [expected], "{errors:?}");
                }
                other => panic!("expected a validation error on {expected}, got {other:?}"),
            }
        }
    }

    #[test]
    fn reports_every_problem_at_once() {
        let bad = PersonInput {
            first_name: " ".into(),
            email: "a@b".into(),
            postal_code: "123".into(),
            phone: "0711 abc".into(),
            ..input()
        };
        let errors = bad.validate().expect_err("four problems");
        let fields: Vec<Field> = errors.iter().map(|e| e.field).collect();
        assert_eq!(
            fields,
            [
                Field::FirstName,
                Field::Email,
                Field::Phone,
                Field::PostalCode
            ],
            "a form must show every problem, not the first one"
        );
        assert!(errors.iter().all(|e| !e.message.is_empty()));
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
