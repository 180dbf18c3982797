//! Invitation letters of a session: the template (kept in the settings), the values of each
//! recipient, the live preview on a real invited person, and the check that lists every
//! unknown or empty placeholder by name and person before anything is printed.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::model::letter::{self, FilledLetter, LetterTemplate, PlaceholderProblem, Values};
use crate::model::person::Salutation;
use crate::model::session::{AttendanceStatus, Session};
use crate::model::{date, text, Field, FieldError};
use crate::store::sessions::AttendanceEntry;
use crate::store::{Reader, Writer};

/// The settings key of the template (JSON).
const TEMPLATE_KEY: &str = "letter_template";

/// The template: as saved, or the default one.
pub fn template(r: Reader<'_>) -> Result<LetterTemplate> {
    Ok(r.setting(TEMPLATE_KEY)?
        .and_then(|json| serde_json::from_str(&json).ok())
        .unwrap_or_default())
}

/// Saves the template. Both parts are required; placeholders are checked when printing (a
/// template may be saved half-done).
pub fn save_template(w: &mut Writer<'_>, template: &LetterTemplate) -> Result<LetterTemplate> {
    let mut problems = Vec::new();
    if template.subject.trim().is_empty() {
        problems.push(FieldError::new(
            Field::Subject,
            "Betreff: Bitte einen Betreff angeben.",
        ));
    }
    if template.body.trim().is_empty() {
        problems.push(FieldError::new(
            Field::Body,
            "Text: Bitte einen Text angeben.",
        ));
    }
    if template.body.chars().count() > 20_000 {
        problems.push(FieldError::new(
            Field::Body,
            "Text: Höchstens 20 000 Zeichen.",
        ));
    }
    if !problems.is_empty() {
        return Err(Error::Invalid(problems));
    }
    // Stored in NFC, like every text that enters Zirkel.
    let template = LetterTemplate {
        subject: crate::model::text::nfc(&template.subject),
        body: crate::model::text::nfc(&template.body),
    };
    let json = serde_json::to_string(&template).map_err(|e| Error::Conflict {
        message: format!("Die Vorlage konnte nicht gespeichert werden: {e}"),
    })?;
    w.set_setting(TEMPLATE_KEY, &json)?;
    self::template(w.read())
}

/// One recipient's letter, ready to print.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Letter {
    /// Attendance record.
    pub attendance_id: i64,
    /// "Şükrü Özdemir".
    pub recipient: String,
    /// "Özdemir, Şükrü" (for file names, sorting).
    pub list_name: String,
    /// The address lines for the window of the envelope.
    pub address: Vec<String>,
    /// Subject and paragraphs.
    pub filled: FilledLetter,
}

/// What the preview shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct LetterPreview {
    /// The person previewed ("Şükrü Özdemir"); empty when nobody is invited yet.
    pub recipient: String,
    /// The address lines.
    pub address: Vec<String>,
    /// The letter's date, TT.MM.JJJJ.
    pub date: String,
    /// Subject.
    pub subject: String,
    /// Paragraphs.
    pub paragraphs: Vec<String>,
    /// Every problem over all recipients (unknown placeholders, empty values by person).
    pub problems: Vec<PlaceholderProblem>,
}

/// Who gets a letter: everyone on the list who has not declined.
fn recipients(r: Reader<'_>, session_id: i64) -> Result<Vec<AttendanceEntry>> {
    Ok(r.sessions()
        .attendance(session_id)?
        .into_iter()
        .filter(|e| e.status != AttendanceStatus::Declined)
        .collect())
}

/// The values the session gives every letter.
const SESSION_WIDE: &[&str] = &[
    "sitzung",
    "nummer",
    "datum",
    "ort",
    "adresse",
    "stadt",
    "gastgeber",
    "anmeldeschluss",
    "absender",
];

fn values(
    r: Reader<'_>,
    session: &Session,
    entry: &AttendanceEntry,
) -> Result<(Values, Vec<String>, bool)> {
    let person = r.people().get(entry.person_id)?;
    let host = match session.host_organisation_id {
        Some(id) => Some(r.organisations().get(id)?),
        None => None,
    };
    let organisation = match entry.organisation_id {
        Some(id) => Some(r.organisations().get(id)?),
        None => None,
    };
    let last = match &person.name_particle {
        Some(p) => format!("{p} {}", person.last_name),
        None => person.last_name.clone(),
    };
    let titled_last = match &person.title {
        Some(t) => format!("{t} {last}"),
        None => last.clone(),
    };
    let anrede = match person.salutation {
        Salutation::Ms => format!("Sehr geehrte Frau {titled_last},"),
        Salutation::Mr => format!("Sehr geehrter Herr {titled_last},"),
        Salutation::Neutral => format!("Guten Tag {},", entry.full_name),
    };
    let city = host
        .as_ref()
        .and_then(|h| h.city.clone())
        .or_else(|| session.address.as_deref().and_then(city_of));
    let settings_signature = r
        .setting("signature")?
        .or(r.setting("secretariat_name")?)
        .and_then(|s| text::optional(&s));
    let list = vec![
        ("anrede", Some(anrede)),
        ("name", Some(entry.full_name.clone())),
        ("vorname", Some(person.first_name.clone())),
        ("nachname", Some(last)),
        ("funktion", person.function.clone()),
        (
            "organisation",
            organisation.as_ref().map(|o| o.name.clone()),
        ),
        ("sitzung", Some(session.title.clone())),
        ("nummer", Some(session.number.to_string())),
        (
            "datum",
            Some(date::german_range(session.first_day, session.last_day)),
        ),
        ("ort", session.venue.clone()),
        ("adresse", session.address.clone()),
        ("stadt", city),
        ("gastgeber", host.as_ref().map(|h| h.name.clone())),
        (
            "anmeldeschluss",
            session.registration_deadline.map(date::german),
        ),
        ("absender", settings_signature),
    ];
    // The window address: the organisation's address when the person has none of their own.
    let mut address = Vec::new();
    if let Some(o) = &organisation {
        address.push(o.name.clone());
    }
    let salutation = match person.salutation {
        Salutation::Ms => "Frau ",
        Salutation::Mr => "Herr ",
        Salutation::Neutral => "",
    };
    address.push(format!("{salutation}{}", entry.full_name));
    let own = person.street.is_some() || person.city.is_some();
    let (street, postal, town) = if own {
        (person.street, person.postal_code, person.city)
    } else {
        match &organisation {
            Some(o) => (o.street.clone(), o.postal_code.clone(), o.city.clone()),
            None => (None, None, None),
        }
    };
    let reachable = postal.is_some() || town.is_some();
    if let Some(street) = street {
        address.push(street);
    }
    match (postal, town) {
        (Some(p), Some(t)) => address.push(format!("{p} {t}")),
        (None, Some(t)) => address.push(t),
        (Some(p), None) => address.push(p),
        (None, None) => {}
    }
    let values = Values {
        person: entry.full_name.clone(),
        values: list,
        session_wide: SESSION_WIDE,
    };
    Ok((values, address, reachable))
}

/// "Marktplatz 1, 70173 Stuttgart" → "Stuttgart".
fn city_of(address: &str) -> Option<String> {
    let last = address.rsplit([',', '\n']).next()?.trim();
    let city = last
        .split_once(' ')
        .filter(|(code, _)| code.chars().all(|c| c.is_ascii_digit()))
        .map_or(last, |(_, city)| city.trim());
    text::optional(city)
}

/// A letter cannot go out without a town in the address.
fn address_problem(recipient: &str) -> PlaceholderProblem {
    PlaceholderProblem {
        placeholder: "anschrift".to_owned(),
        person: Some(recipient.to_owned()),
        message: format!(
            "Anschrift fehlt für {recipient}: Weder die Person noch ihre Organisation hat eine \
             Anschrift mit Ort im Register. Bitte ergänzen."
        ),
    }
}

/// Every letter of a session and the problems of the template over all of them.
pub fn compose(
    r: Reader<'_>,
    session_id: i64,
    template: &LetterTemplate,
) -> Result<(Vec<Letter>, Vec<PlaceholderProblem>)> {
    let session = r.sessions().get(session_id)?;
    let mut letters = Vec::new();
    let mut all_values = Vec::new();
    let mut address_problems = Vec::new();
    for entry in recipients(r, session_id)? {
        let (values, address, reachable) = values(r, &session, &entry)?;
        if !reachable {
            address_problems.push(address_problem(&entry.full_name));
        }
        letters.push(Letter {
            attendance_id: entry.id,
            recipient: entry.full_name.clone(),
            list_name: entry.name.clone(),
            address,
            filled: letter::fill(template, &values),
        });
        all_values.push(values);
    }
    let mut problems = letter::problems(template, &all_values);
    problems.extend(address_problems);
    Ok((letters, problems))
}

/// The letter of one invited person (the first one when `attendance_id` is `None`) with the
/// problems over all recipients: what the editor's live preview shows.
pub fn preview(
    r: Reader<'_>,
    session_id: i64,
    template: &LetterTemplate,
    attendance_id: Option<i64>,
    today: chrono::NaiveDate,
) -> Result<LetterPreview> {
    let (letters, mut problems) = compose(r, session_id, template)?;
    if letters.is_empty() {
        problems.push(PlaceholderProblem {
            placeholder: String::new(),
            person: None,
            message: "Noch niemand ist eingeladen: Bitte zuerst unter „Teilnahme“ einladen."
                .to_owned(),
        });
    }
    let shown = attendance_id
        .and_then(|id| letters.iter().find(|l| l.attendance_id == id))
        .or(letters.first());
    let filled = match shown {
        Some(letter) => letter.filled.clone(),
        None => letter::fill(template, &Values::default()),
    };
    Ok(LetterPreview {
        recipient: shown.map(|l| l.recipient.clone()).unwrap_or_default(),
        address: shown.map(|l| l.address.clone()).unwrap_or_default(),
        date: date::german(today),
        subject: filled.subject,
        paragraphs: filled.paragraphs,
        problems,
    })
}

/// The letters to print: refused with every problem (field `body`, each naming the placeholder
/// and the person) while the template has any, or while nobody is invited.
pub fn printable(r: Reader<'_>, session_id: i64) -> Result<Vec<Letter>> {
    let template = template(r)?;
    let (letters, problems) = compose(r, session_id, &template)?;
    if !problems.is_empty() {
        return Err(Error::Invalid(
            problems
                .into_iter()
                .map(|p| FieldError::new(Field::Body, p.message))
                .collect(),
        ));
    }
    if letters.is_empty() {
        return Err(Error::Conflict {
            message: "Noch niemand ist eingeladen: Bitte zuerst unter „Teilnahme“ einladen."
                .to_owned(),
        });
    }
    Ok(letters)
}

/// All letters of session `number` in one PDF to print (one bookmark per recipient).
pub fn print(
    store: &crate::Store,
    number: i64,
    now: chrono::NaiveDateTime,
) -> Result<crate::pdf::Rendered> {
    let session = session_by_number(store.read(), number)?;
    let letters = printable(store.read(), session.id)?;
    crate::pdf::letters_combined(store, number, &letters, now)
}

/// One PDF per recipient in `dir`, named by person ("Einladung 39. Sitzung – Özdemir,
/// Şükrü.pdf"), for sending by e-mail. Returns the files written.
pub fn print_each(
    store: &crate::Store,
    number: i64,
    dir: &std::path::Path,
    now: chrono::NaiveDateTime,
) -> Result<Vec<std::path::PathBuf>> {
    let session = session_by_number(store.read(), number)?;
    let letters = printable(store.read(), session.id)?;
    let rendered = crate::pdf::letters(store, number, &letters, now)?;
    if !dir.is_dir() {
        return Err(Error::Invalid(vec![FieldError::new(
            Field::Path,
            format!("Ordner: „{}“ ist kein Ordner.", dir.display()),
        )]));
    }
    let mut written: Vec<std::path::PathBuf> = Vec::with_capacity(letters.len());
    for (letter, pdf) in letters.iter().zip(rendered) {
        let base = file_name(&format!(
            "Einladung {}. Sitzung – {}",
            session.number, letter.list_name
        ));
        let mut path = dir.join(format!("{base}.pdf"));
        let mut n = 2;
        while written.contains(&path) {
            path = dir.join(format!("{base} ({n}).pdf"));
            n += 1;
        }
        crate::files::write_atomically(&path, &pdf.bytes)?;
        written.push(path);
    }
    Ok(written)
}

fn session_by_number(r: Reader<'_>, number: i64) -> Result<Session> {
    r.sessions().by_number(number)?.ok_or(Error::NotFound {
        entity: "session",
        id: number,
    })
}

/// A file name valid on Windows and Linux: reserved characters become "_", names and umlauts
/// stay as they are.
fn file_name(name: &str) -> String {
    name.chars()
        .map(|c| match c {
            '<' | '>' | ':' | '"' | '/' | '\\' | '|' | '?' | '*' => '_',
            c if c.is_control() => '_',
            c => c,
        })
        .collect::<String>()
        .trim_end_matches(['.', ' '])
        .to_owned()
}
