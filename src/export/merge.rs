//! The mail-merge CSV for Word's serial letters: the salutation line ready to use, the name parts
//! and the postal address (the person's own, else the organisation's). Written in the German
//! Excel dialect (`;`, UTF-8 with BOM, CRLF), which Word reads as a data source.

use super::delimited::{Writer, EXCEL};
use super::Record;
use crate::model::Salutation;

/// Header of the mail-merge CSV.
pub const HEADER: [&str; 10] = [
    "Briefanrede",
    "Anrede",
    "Titel",
    "Vorname",
    "Nachname",
    "Organisation",
    "Straße",
    "PLZ",
    "Ort",
    "E-Mail",
];

/// The mail-merge CSV.
pub fn csv(records: &[Record<'_>]) -> Vec<u8> {
    let mut out = Writer::new(EXCEL, records.len() * 160);
    out.row(HEADER);
    for record in records {
        let person = record.person;
        let last = last_name_with_particle(person.name_particle.as_deref(), &person.last_name);
        let (street, postal_code, city) = record.postal_address();
        let line = salutation_line(
            person.salutation,
            person.title.as_deref(),
            &person.first_name,
            person.name_particle.as_deref(),
            &person.last_name,
        );
        let cells = [
            line.as_str(),
            person.salutation.label(),
            person.title.as_deref().unwrap_or(""),
            person.first_name.as_str(),
            last.as_str(),
            record.organisation.map_or("", |o| o.name.as_str()),
            street.as_str(),
            postal_code.as_str(),
            city.as_str(),
            person.email.as_deref().unwrap_or(""),
        ];
        out.row(cells);
    }
    out.finish()
}

/// "von Richter": the last name as a letter's address line uses it.
pub fn last_name_with_particle(particle: Option<&str>, last: &str) -> String {
    match particle.map(str::trim).filter(|p| !p.is_empty()) {
        Some(particle) => format!("{particle} {last}"),
        None => last.to_owned(),
    }
}

/// The letter's opening line: "Sehr geehrte Frau Dr. Schmidt," / "Sehr geehrter Herr Özdemir," /
/// without a gendered salutation "Guten Tag Kim Meyer,".
pub fn salutation_line(
    salutation: Salutation,
    title: Option<&str>,
    first: &str,
    particle: Option<&str>,
    last: &str,
) -> String {
    let last = last_name_with_particle(particle, last);
    let title = title.map(str::trim).filter(|t| !t.is_empty());
    let with_title = |name: &str| match title {
        Some(title) => format!("{title} {name}"),
        None => name.to_owned(),
    };
    match salutation {
        Salutation::Ms => format!("Sehr geehrte Frau {},", with_title(&last)),
        Salutation::Mr => format!("Sehr geehrter Herr {},", with_title(&last)),
        Salutation::Neutral => {
            let full = [first.trim(), last.as_str()]
                .into_iter()
                .filter(|part| !part.is_empty())
                .collect::<Vec<_>>()
                .join(" ");
            format!("Guten Tag {},", with_title(&full))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn salutation_lines_as_a_letter_needs_them() {
        assert_eq!(
            salutation_line(Salutation::Ms, Some("Dr."), "Anna", None, "Schmidt"),
            "Sehr geehrte Frau Dr. Schmidt,"
        );
        assert_eq!(
            salutation_line(Salutation::Mr, None, "Şükrü", None, "Özdemir"),
            "Sehr geehrter Herr Özdemir,"
        );
        assert_eq!(
            salutation_line(Salutation::Neutral, None, "Kim", None, "Meyer"),
            "Guten Tag Kim Meyer,",
            "no gendered salutation: first and last name"
        );
        assert_eq!(
            salutation_line(Salutation::Ms, Some("Dr."), "Clara", Some("von"), "Richter"),
            "Sehr geehrte Frau Dr. von Richter,",
            "the particle belongs to the name in the salutation"
        );
        assert_eq!(
            salutation_line(
                Salutation::Ms,
                Some("Prof. Dr."),
                "Katrin",
                None,
                "Oberndorfer"
            ),
            "Sehr geehrte Frau Prof. Dr. Oberndorfer,"
        );
    }
}
