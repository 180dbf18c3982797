//! Values as people write them: titles in front of names ("Prof. Dr. Anna Schmidt"), name
//! particles ("von Richter"), "Nachname, Vorname", salutations ("Frau", "Herr", "weiblich",
//! "divers"), roles in German and English, dates (TT.MM.JJJJ, ISO, spreadsheet dates and serial
//! numbers), consent ("ja", "x", a date), Bundesländer and their abbreviations, organisation kinds.
//! Each parser returns a German message (without the column) when it cannot understand a value.

use chrono::NaiveDate;

use super::headers::normalise;
use super::source::Cell;
use crate::model::{date, OrganisationKind, Role, Salutation, BUNDESLAENDER};

/// Name parts read from one or more cells.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NameParts {
    /// "Prof. Dr."
    pub title: String,
    /// First name(s).
    pub first: String,
    /// "von", "van der" …
    pub particle: String,
    /// Last name, hyphens kept.
    pub last: String,
}

const PARTICLES: [&str; 24] = [
    "von", "van", "de", "der", "den", "zu", "vom", "zum", "zur", "di", "da", "del", "della", "dos",
    "das", "do", "du", "le", "la", "ter", "ten", "te", "af", "av",
];

fn is_particle(word: &str) -> bool {
    PARTICLES.contains(&word)
}

fn is_title_word(word: &str, after_title: bool) -> bool {
    let lower = word.to_lowercase();
    const WORDS: [&str; 12] = [
        "prof.",
        "prof",
        "professor",
        "professorin",
        "dr.",
        "dr",
        "pd",
        "apl.",
        "em.",
        "h.c.",
        "mag.",
        "ing.",
    ];
    if WORDS.contains(&lower.as_str())
        || lower.starts_with("dr.")
        || lower.starts_with("prof.")
        || lower.starts_with("dipl.")
    {
        return true;
    }
    // "Dr. med.", "Dr. rer. nat.", "Dr. h. c.": short lower-case abbreviations after a title.
    after_title
        && word.ends_with('.')
        && word.len() <= 6
        && word
            .trim_end_matches('.')
            .chars()
            .all(|c| c.is_lowercase() || c == '.')
}

/// Splits leading academic titles off a name: "Prof. Dr. Anna Schmidt" → ("Prof. Dr.", "Anna
/// Schmidt"). A name made only of "titles" is left alone.
pub fn split_title(value: &str) -> (String, String) {
    let words: Vec<&str> = value.split_whitespace().collect();
    let mut count = 0;
    while count < words.len() && is_title_word(words[count], count > 0) {
        count += 1;
    }
    if count == words.len() {
        return (String::new(), words.join(" "));
    }
    (
        words.get(..count).unwrap_or_default().join(" "),
        words.get(count..).unwrap_or_default().join(" "),
    )
}

/// Splits a leading particle off a last name: "von Richter" → ("von", "Richter"), "van der Berg"
/// → ("van der", "Berg"); "El-Khatib" and "Müller-Lüdenscheidt" stay whole. Only lower-case
/// particles count, as German writes them.
pub fn split_particle(value: &str) -> (String, String) {
    let words: Vec<&str> = value.split_whitespace().collect();
    let mut count = 0;
    while count + 1 < words.len()
        && (is_particle(words[count]) || (count > 0 && words[count] == "und"))
    {
        count += 1;
    }
    // "von und" without "zu" is no particle: give "und" back.
    while count > 0 && words.get(count - 1) == Some(&"und") {
        count -= 1;
    }
    (
        words.get(..count).unwrap_or_default().join(" "),
        words.get(count..).unwrap_or_default().join(" "),
    )
}

/// A whole name in one cell: "Prof. Dr. Anna Maria von Schmidt" → title, first names, particle,
/// last name. Without a particle the last word is the last name.
pub fn parse_full_name(value: &str) -> NameParts {
    let (title, rest) = split_title(value);
    let words: Vec<&str> = rest.split_whitespace().collect();
    let particle_at = (1..words.len().saturating_sub(1)).find(|&i| is_particle(words[i]));
    let (first, particle, last) = match particle_at {
        Some(start) => {
            let mut end = start;
            while end + 1 < words.len() && (is_particle(words[end]) || words[end] == "und") {
                end += 1;
            }
            (
                words.get(..start).unwrap_or_default().join(" "),
                words.get(start..end).unwrap_or_default().join(" "),
                words.get(end..).unwrap_or_default().join(" "),
            )
        }
        None => match words.split_last() {
            Some((last, first)) => (first.join(" "), String::new(), (*last).to_owned()),
            None => Default::default(),
        },
    };
    NameParts {
        title,
        first,
        particle,
        last,
    }
}

/// "Nachname, Vorname" in one cell, also Zirkel's list form "Richter, Clara von, Dr." and
/// "von Richter, Dr. Clara". Without a comma the cell is read as a whole name.
pub fn parse_last_first(value: &str) -> NameParts {
    let mut parts = value.split(',').map(str::trim);
    let Some(last_part) = parts.next() else {
        return NameParts::default();
    };
    let Some(first_part) = parts.next() else {
        return parse_full_name(value);
    };
    let trailing_title = parts.collect::<Vec<_>>().join(" ");
    let (particle, last) = split_particle(last_part);
    let (leading_title, first_part) = split_title(first_part);
    // A particle written after the first name: "Clara von".
    let words: Vec<&str> = first_part.split_whitespace().collect();
    let mut cut = words.len();
    while cut > 1 && is_particle(words[cut - 1]) {
        cut -= 1;
    }
    let first = words.get(..cut).unwrap_or_default().join(" ");
    let trailing_particle = words.get(cut..).unwrap_or_default().join(" ");
    let particle = [particle, trailing_particle]
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let title = [leading_title, trailing_title]
        .into_iter()
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    NameParts {
        title,
        first,
        particle,
        last,
    }
}

/// A salutation, possibly with a title: "Frau" → Ms, "Herr Dr." → (Mr, "Dr."), "weiblich" → Ms,
/// "divers" or empty → neutral.
pub fn parse_salutation(value: &str) -> Result<(Salutation, String), String> {
    let mut words = value.split_whitespace();
    let first = words.next().unwrap_or("");
    let rest = words.collect::<Vec<_>>().join(" ");
    let salutation = match normalise(first).as_str() {
        "frau" | "fr" | "ms" | "mrs" | "miss" | "w" | "weiblich" | "female" | "f" | "madame" => {
            Salutation::Ms
        }
        "herr" | "hr" | "herrn" | "mr" | "m" | "maennlich" | "male" | "monsieur" => Salutation::Mr,
        "" | "divers" | "d" | "neutral" | "keine" | "keineangabe" | "x" | "ohne" | "mx"
        | "nonbinary" | "diverse" => Salutation::Neutral,
        _ => {
            return Err(format!(
                "„{value}“ ist keine bekannte Anrede. Möglich sind Frau, Herr, divers oder leer."
            ))
        }
    };
    if rest.is_empty() {
        return Ok((salutation, String::new()));
    }
    let all_titles = rest
        .split_whitespace()
        .enumerate()
        .all(|(index, word)| is_title_word(word, index > 0));
    if all_titles {
        Ok((salutation, rest))
    } else {
        Err(format!(
            "„{value}“ ist keine bekannte Anrede. Möglich sind Frau, Herr, divers oder leer."
        ))
    }
}

/// A role in German or English.
pub fn parse_role(value: &str) -> Result<Role, String> {
    let role = match normalise(value).as_str() {
        "staendigevertretung"
        | "staendigervertreter"
        | "staendigevertreterin"
        | "vertretung"
        | "vertreter"
        | "vertreterin"
        | "mitglied"
        | "ordentlichesmitglied"
        | "permanent"
        | "permanentrepresentative"
        | "representative"
        | "member"
        | "sitz" => Role::Permanent,
        "stellvertretung" | "stellvertreter" | "stellvertreterin" | "stv" | "stellv" | "deputy"
        | "substitute" | "vize" => Role::Deputy,
        "gast" | "guest" | "gaeste" | "staendigergast" => Role::Guest,
        "geschaeftsstelle" | "secretariat" | "sekretariat" | "office" | "geschaeftsfuehrung" => {
            Role::Secretariat
        }
        "partner" | "partnerin" | "partnerorganisation" | "kooperationspartner" => Role::Partner,
        _ => {
            return Err(format!(
                "„{value}“ ist keine bekannte Rolle. Möglich sind ständige Vertretung, \
                 Stellvertretung, Gast, Geschäftsstelle und Partner."
            ))
        }
    };
    Ok(role)
}

/// A date cell: a spreadsheet date, a serial number, TT.MM.JJJJ or ISO (a time after it is
/// ignored). `label` names the column in the message.
pub fn parse_date(cell: &Cell, label: &str) -> Result<Option<NaiveDate>, String> {
    match cell {
        Cell::Empty => Ok(None),
        Cell::Date(day) => Ok(Some(*day)),
        Cell::Number(serial) => serial_date(*serial)
            .map(Some)
            .ok_or_else(|| format!("{label}: „{serial}“ ist kein gültiges Datum.")),
        Cell::Text(text) => {
            let text = text.trim();
            if text.is_empty() {
                return Ok(None);
            }
            if text.len() == 5 && text.chars().all(|c| c.is_ascii_digit()) {
                if let Some(day) = text.parse::<f64>().ok().and_then(serial_date) {
                    return Ok(Some(day));
                }
            }
            let day_part = text
                .split([' ', 'T'])
                .next()
                .filter(|d| d.len() >= 8)
                .unwrap_or(text);
            date::parse(crate::model::Field::Argument, label, day_part)
                .map(Some)
                .map_err(|e| e.message)
        }
    }
}

/// An Excel serial date (1900 system, as Excel on Windows writes it).
pub fn serial_date(serial: f64) -> Option<NaiveDate> {
    if !(1.0..2_958_466.0).contains(&serial) {
        return None;
    }
    // Excel counts 29 February 1900, which never was: from day 61 on, day 0 is 30 December 1899.
    let days = serial.floor() as i64;
    let epoch = if days >= 61 {
        NaiveDate::from_ymd_opt(1899, 12, 30)
    } else {
        NaiveDate::from_ymd_opt(1899, 12, 31)
    }?;
    epoch.checked_add_signed(chrono::Duration::days(days))
}

/// Consent as "ja"/"nein"/"x"/a date: (given, date).
pub fn parse_consent(cell: &Cell) -> Result<(bool, Option<NaiveDate>), String> {
    if let Cell::Date(day) = cell {
        return Ok((true, Some(*day)));
    }
    let text = cell.text();
    if matches!(text.trim(), "✓" | "✔" | "☑" | "☒") {
        return Ok((true, None));
    }
    match normalise(&text).as_str() {
        "ja" | "j" | "yes" | "y" | "x" | "true" | "wahr" | "1" | "erteilt" | "liegtvor"
        | "vorhanden" | "ok" => Ok((true, None)),
        "" | "nein" | "n" | "no" | "false" | "falsch" | "0" | "keine" | "nichterteilt"
        | "ausstehend" | "offen" | "widerrufen" => Ok((false, None)),
        _ => match parse_date(cell, "Einwilligung") {
            Ok(Some(day)) => Ok((true, Some(day))),
            _ => Err(format!(
                "Einwilligung: „{text}“ ist nicht eindeutig. Bitte „ja“, „nein“ oder das Datum \
                 der Einwilligung angeben."
            )),
        },
    }
}

/// A Bundesland as written ("Bayern", "bayern", "BY", "NRW", "Thueringen") in its official form;
/// anything unknown is returned as written (validation then names it).
pub fn canonical_state(value: &str) -> String {
    // The official form as it is (most rows of a file) needs no folding.
    let trimmed = value.trim();
    if let Some(state) = BUNDESLAENDER.iter().find(|state| **state == trimmed) {
        return (*state).to_owned();
    }
    // The folded official forms, made once: folding the sixteen of them again for each row
    // of a 10,000-row import took 3 % of it.
    static FOLDED: std::sync::LazyLock<Vec<(String, &'static str)>> =
        std::sync::LazyLock::new(|| {
            BUNDESLAENDER
                .iter()
                .map(|state| (normalise(state), *state))
                .collect()
        });
    let key = normalise(value);
    let abbreviation = match key.as_str() {
        "bw" => Some("Baden-Württemberg"),
        "by" | "bay" => Some("Bayern"),
        "be" | "b" => Some("Berlin"),
        "bb" => Some("Brandenburg"),
        "hb" => Some("Bremen"),
        "hh" => Some("Hamburg"),
        "he" | "hessen" => Some("Hessen"),
        "mv" => Some("Mecklenburg-Vorpommern"),
        "ni" | "nds" => Some("Niedersachsen"),
        "nw" | "nrw" => Some("Nordrhein-Westfalen"),
        "rp" | "rlp" => Some("Rheinland-Pfalz"),
        "sl" => Some("Saarland"),
        "sn" => Some("Sachsen"),
        "st" | "lsa" => Some("Sachsen-Anhalt"),
        "sh" => Some("Schleswig-Holstein"),
        "th" => Some("Thüringen"),
        _ => None,
    };
    abbreviation
        .or_else(|| {
            FOLDED
                .iter()
                .find(|(folded, _)| *folded == key)
                .map(|(_, state)| *state)
        })
        .map_or_else(|| trimmed.to_owned(), str::to_owned)
}

/// An organisation kind by its German label or stored name.
pub fn parse_kind(value: &str) -> Result<OrganisationKind, String> {
    let key = normalise(value);
    OrganisationKind::ALL
        .into_iter()
        .find(|kind| normalise(kind.label()) == key || normalise(kind.as_str()) == key)
        .or(match key.as_str() {
            "kommune" | "gemeinde" | "kreisfreiestadt" | "city" | "municipality" => {
                Some(OrganisationKind::City)
            }
            "kreis" | "district" | "county" => Some(OrganisationKind::District),
            "behoerde" | "bundesamt" | "bundesministerium" => Some(OrganisationKind::FederalAgency),
            "spitzenverband" | "verband" => Some(OrganisationKind::UmbrellaAssociation),
            "institut" | "forschung" | "hochschule" | "universitaet" => {
                Some(OrganisationKind::ResearchInstitute)
            }
            "sonstiges" | "andere" => Some(OrganisationKind::Other),
            _ => None,
        })
        .ok_or_else(|| {
            format!(
                "Art der Organisation: „{value}“ ist unbekannt. Möglich sind Stadt, Landkreis, \
                 Bundesbehörde, Kommunaler Spitzenverband, Forschungsinstitut, Stiftung, Sonstige."
            )
        })
}

/// The kind of a new organisation guessed from its name: "Stadt …", "Landeshauptstadt …",
/// "Freie und Hansestadt …" are cities; "Landkreis …", "Kreis …", "Rhein-Sieg-Kreis" districts;
/// everything else "other", for the user to correct.
pub fn guess_kind(name: &str) -> OrganisationKind {
    let lower = name.trim().to_lowercase();
    let first = lower.split_whitespace().next().unwrap_or("");
    let last = lower.split_whitespace().last().unwrap_or("");
    if matches!(first, "landkreis" | "kreis" | "region")
        || last.ends_with("-kreis")
        || last == "kreis"
    {
        OrganisationKind::District
    } else if first.ends_with("stadt")
        || lower.starts_with("freie und hansestadt")
        || lower.starts_with("freie hansestadt")
        || first == "gemeinde"
    {
        OrganisationKind::City
    } else {
        OrganisationKind::Other
    }
}

/// An e-mail as people paste it: trimmed, without "mailto:" or "Name <…>", lower case.
pub fn clean_email(value: &str) -> String {
    let mut value = value.trim();
    if let (Some(start), Some(end)) = (value.find('<'), value.rfind('>')) {
        if start < end {
            value = value.get(start + 1..end).unwrap_or(value).trim();
        }
    }
    let lower = value.to_lowercase();
    lower
        .strip_prefix("mailto:")
        .unwrap_or(&lower)
        .trim()
        .to_owned()
}

/// A postcode cell: spreadsheets store "07743" as the number 7743.
pub fn postal_code(cell: &Cell) -> String {
    match cell {
        Cell::Number(n) if n.fract() == 0.0 && (0.0..100_000.0).contains(n) => {
            format!("{:05}", *n as u32)
        }
        other => {
            let text = other.text();
            text.strip_prefix("D-")
                .or_else(|| text.strip_prefix("D "))
                .unwrap_or(&text)
                .trim()
                .to_owned()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(title: &str, first: &str, particle: &str, last: &str) -> NameParts {
        NameParts {
            title: title.into(),
            first: first.into(),
            particle: particle.into(),
            last: last.into(),
        }
    }

    #[test]
    fn splits_titles_off_names() {
        assert_eq!(
            split_title("Prof. Dr. Anna Schmidt"),
            ("Prof. Dr.".to_owned(), "Anna Schmidt".to_owned())
        );
        assert_eq!(
            split_title("Dr. rer. nat. Kim Meyer"),
            ("Dr. rer. nat.".to_owned(), "Kim Meyer".to_owned())
        );
        assert_eq!(
            split_title("Dr.-Ing. Jan Ek"),
            ("Dr.-Ing.".to_owned(), "Jan Ek".to_owned())
        );
        assert_eq!(split_title("Anna"), (String::new(), "Anna".to_owned()));
    }

    #[test]
    fn splits_particles_and_keeps_hyphenated_names() {
        assert_eq!(
            split_particle("von Richter"),
            ("von".to_owned(), "Richter".to_owned())
        );
        assert_eq!(
            split_particle("van der Berg"),
            ("van der".to_owned(), "Berg".to_owned())
        );
        assert_eq!(
            split_particle("von und zu Guttenberg"),
            ("von und zu".to_owned(), "Guttenberg".to_owned())
        );
        assert_eq!(
            split_particle("El-Khatib"),
            (String::new(), "El-Khatib".to_owned())
        );
        assert_eq!(
            split_particle("Van Gogh"),
            (String::new(), "Van Gogh".to_owned()),
            "capitalised particles belong to the name"
        );
        assert_eq!(split_particle("von"), (String::new(), "von".to_owned()));
    }

    #[test]
    fn reads_whole_names_and_last_first_names() {
        assert_eq!(
            parse_full_name("Prof. Dr. Anna Schmidt"),
            parts("Prof. Dr.", "Anna", "", "Schmidt")
        );
        assert_eq!(
            parse_full_name("Dr. Clara von Richter"),
            parts("Dr.", "Clara", "von", "Richter")
        );
        assert_eq!(
            parse_full_name("Hans-Peter Müller-Lüdenscheidt"),
            parts("", "Hans-Peter", "", "Müller-Lüdenscheidt")
        );
        assert_eq!(
            parse_last_first("Richter, Clara von, Dr."),
            parts("Dr.", "Clara", "von", "Richter"),
            "the members list's own name form"
        );
        assert_eq!(
            parse_last_first("von Richter, Dr. Clara"),
            parts("Dr.", "Clara", "von", "Richter")
        );
        assert_eq!(
            parse_last_first("Özdemir, Şükrü"),
            parts("", "Şükrü", "", "Özdemir")
        );
    }

    #[test]
    fn reads_salutations_in_german_and_english() {
        let ok = |v: &str| parse_salutation(v).expect(v);
        assert_eq!(ok("Frau"), (Salutation::Ms, String::new()));
        assert_eq!(ok("Herr"), (Salutation::Mr, String::new()));
        assert_eq!(ok("weiblich"), (Salutation::Ms, String::new()));
        assert_eq!(ok("männlich"), (Salutation::Mr, String::new()));
        assert_eq!(ok("divers"), (Salutation::Neutral, String::new()));
        assert_eq!(ok(""), (Salutation::Neutral, String::new()));
        assert_eq!(ok("Mr."), (Salutation::Mr, String::new()));
        assert_eq!(ok("Frau Dr."), (Salutation::Ms, "Dr.".to_owned()));
        assert_eq!(
            ok("Herr Prof. Dr."),
            (Salutation::Mr, "Prof. Dr.".to_owned())
        );
        assert!(parse_salutation("Eure Majestät").is_err());
    }

    #[test]
    fn reads_roles_in_german_and_english() {
        let cases = [
            ("Ständige Vertretung", Role::Permanent),
            ("ständige Vertretung", Role::Permanent),
            ("Stellvertretung", Role::Deputy),
            ("Stellvertreterin", Role::Deputy),
            ("Gast", Role::Guest),
            ("Partner", Role::Partner),
            ("Geschäftsstelle", Role::Secretariat),
            ("deputy", Role::Deputy),
            ("permanent", Role::Permanent),
            ("secretariat", Role::Secretariat),
            ("guest", Role::Guest),
        ];
        for (text, role) in cases {
            assert_eq!(parse_role(text), Ok(role), "{text}");
        }
        assert!(parse_role("Chef").is_err());
    }

    #[test]
    fn reads_dates_as_people_and_spreadsheets_write_them() {
        let day = NaiveDate::from_ymd_opt(2024, 3, 1).expect("date");
        let text = |t: &str| Cell::Text(t.to_owned());
        assert_eq!(parse_date(&text("01.03.2024"), "Seit"), Ok(Some(day)));
        assert_eq!(parse_date(&text("1.3.2024"), "Seit"), Ok(Some(day)));
        assert_eq!(parse_date(&text("2024-03-01"), "Seit"), Ok(Some(day)));
        assert_eq!(
            parse_date(&text("2024-03-01T00:00:00"), "Seit"),
            Ok(Some(day))
        );
        assert_eq!(
            parse_date(&Cell::Number(45352.0), "Seit"),
            Ok(Some(day)),
            "Excel serial"
        );
        assert_eq!(parse_date(&text("45352"), "Seit"), Ok(Some(day)));
        assert_eq!(parse_date(&Cell::Date(day), "Seit"), Ok(Some(day)));
        assert_eq!(parse_date(&text(""), "Seit"), Ok(None));
        let err = parse_date(&text("31.02.2024"), "Mitglied seit").expect_err("impossible");
        assert!(err.starts_with("Mitglied seit: „31.02.2024“"), "{err}");
        assert_eq!(serial_date(1.0), NaiveDate::from_ymd_opt(1900, 1, 1));
        assert_eq!(serial_date(-5.0), None);
    }

    #[test]
    fn reads_consent_states_kinds_and_emails() {
        let text = |t: &str| Cell::Text(t.to_owned());
        assert_eq!(parse_consent(&text("ja")), Ok((true, None)));
        assert_eq!(parse_consent(&text("nein")), Ok((false, None)));
        assert_eq!(
            parse_consent(&text("02.03.2023")),
            Ok((true, NaiveDate::from_ymd_opt(2023, 3, 2)))
        );
        assert!(parse_consent(&text("vielleicht")).is_err());
        assert_eq!(canonical_state("NRW"), "Nordrhein-Westfalen");
        assert_eq!(canonical_state("thueringen"), "Thüringen");
        assert_eq!(canonical_state("Bavaria"), "Bavaria");
        assert_eq!(canonical_state(" Sachsen-Anhalt "), "Sachsen-Anhalt");
        assert_eq!(canonical_state("baden-württemberg"), "Baden-Württemberg");
        assert_eq!(
            canonical_state("MECKLENBURG VORPOMMERN"),
            "Mecklenburg-Vorpommern"
        );
        assert_eq!(
            canonical_state(" Sachsen-Anhalt-Süd "),
            "Sachsen-Anhalt-Süd"
        );
        assert_eq!(canonical_state(""), "");
        assert_eq!(parse_kind("Landkreis"), Ok(OrganisationKind::District));
        assert_eq!(
            guess_kind("Landeshauptstadt Stuttgart"),
            OrganisationKind::City
        );
        assert_eq!(guess_kind("Stadt Herten"), OrganisationKind::City);
        assert_eq!(
            guess_kind("Landkreis Göttingen"),
            OrganisationKind::District
        );
        assert_eq!(guess_kind("Kreis Offenbach"), OrganisationKind::District);
        assert_eq!(guess_kind("Rhein-Sieg-Kreis"), OrganisationKind::District);
        assert_eq!(guess_kind("Robert Bosch Stiftung"), OrganisationKind::Other);
        assert_eq!(
            clean_email(" Anna Schmidt <Anna.Schmidt@Stadt.DE> "),
            "anna.schmidt@stadt.de"
        );
        assert_eq!(clean_email("mailto:X@Y.de"), "x@y.de");
        assert_eq!(postal_code(&Cell::Number(7743.0)), "07743");
    }
}
