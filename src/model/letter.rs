//! Invitation letters: a template with placeholders ({anrede}, {name}, {organisation},
//! {sitzung}, {datum}, {ort}, {anmeldeschluss} …) filled for each invited person. An unknown
//! placeholder, or one that is empty for some recipient, is a problem listed by name and person
//! before anything is printed: never a silent blank.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The letter template as the secretariat edits it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct LetterTemplate {
    /// Subject line (Betreff).
    pub subject: String,
    /// The text; paragraphs separated by an empty line.
    pub body: String,
}

impl Default for LetterTemplate {
    fn default() -> Self {
        LetterTemplate {
            subject: "Einladung zur {nummer}. Sitzung am {datum} in {stadt}".to_owned(),
            body: "{anrede}\n\n\
                hiermit lade ich Sie herzlich zur {sitzung} ein. Wir tagen am {datum} \
                in {ort}, {adresse}; Gastgeber ist {gastgeber}.\n\n\
                Die Tagesordnung liegt diesem Schreiben bei. Bitte melden Sie sich bis zum \
                {anmeldeschluss} bei der Geschäftsstelle an und teilen Sie uns dabei mit, ob \
                Sie an der Exkursion und am gemeinsamen Abendessen teilnehmen. Sollten Sie \
                verhindert sein, freuen wir uns über eine Vertretung aus Ihrem Haus.\n\n\
                Mit freundlichen Grüßen\n\n\
                {absender}"
                .to_owned(),
        }
    }
}

/// A placeholder the template may use.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Placeholder {
    /// Its name, without braces.
    pub name: String,
    /// What it stands for, in German.
    pub description: String,
}

/// Every placeholder, with what it stands for.
pub const PLACEHOLDERS: &[(&str, &str)] = &[
    (
        "anrede",
        "Briefanrede, z. B. „Sehr geehrte Frau Dr. Özdemir,“",
    ),
    ("name", "Voller Name, z. B. „Dr. Şükrü Özdemir“"),
    ("vorname", "Vorname"),
    ("nachname", "Nachname (mit Namenszusatz)"),
    ("funktion", "Funktion der Person"),
    (
        "organisation",
        "Organisation, für die die Person eingeladen ist",
    ),
    ("sitzung", "Titel der Sitzung"),
    ("nummer", "Laufende Nummer der Sitzung"),
    ("datum", "Termin, z. B. „21.–22.09.2026“"),
    ("ort", "Tagungsort"),
    ("adresse", "Anschrift des Tagungsorts"),
    (
        "stadt",
        "Ort der Anschrift des Gastgebers oder des Tagungsorts",
    ),
    ("gastgeber", "Gastgebende Organisation"),
    ("anmeldeschluss", "Anmeldeschluss, TT.MM.JJJJ"),
    ("absender", "Unterschriftszeile aus den Einstellungen"),
];

/// The placeholders as the editor lists them.
pub fn placeholders() -> Vec<Placeholder> {
    PLACEHOLDERS
        .iter()
        .map(|(name, description)| Placeholder {
            name: (*name).to_owned(),
            description: (*description).to_owned(),
        })
        .collect()
}

/// A problem of the template: an unknown placeholder (no person), or one that is empty for a
/// recipient (or for all of them: no person).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PlaceholderProblem {
    /// The placeholder, without braces.
    pub placeholder: String,
    /// The recipient it is empty for; `None` when it concerns every letter.
    pub person: Option<String>,
    /// German message.
    pub message: String,
}

/// The values of one letter: per placeholder, the text or `None` when empty.
#[derive(Debug, Clone, Default)]
pub struct Values {
    /// The recipient's name for messages ("Şükrü Özdemir").
    pub person: String,
    /// Values by placeholder name; the session's own values are the same in every letter.
    pub values: Vec<(&'static str, Option<String>)>,
    /// The names of placeholders whose value comes from the session (empty for everyone
    /// at once) rather than the person.
    pub session_wide: &'static [&'static str],
}

impl Values {
    fn get(&self, name: &str) -> Option<&Option<String>> {
        self.values.iter().find(|(n, _)| *n == name).map(|(_, v)| v)
    }
}

/// A filled letter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FilledLetter {
    /// Subject.
    pub subject: String,
    /// Paragraphs; a paragraph may hold line breaks.
    pub paragraphs: Vec<String>,
}

/// The placeholders of a text in order of appearance, each once: `{name}` with a name of
/// letters, digits and underscores; other braces are plain text.
pub fn used(text: &str) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for (_, name) in tokens(text) {
        if let Some(name) = name {
            if !names.contains(&name) {
                names.push(name);
            }
        }
    }
    names
}

/// Splits a text into literal runs and placeholders.
fn tokens(text: &str) -> Vec<(String, Option<String>)> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let close = after.find('}');
        let name = close
            .map(|c| &after[..c])
            .filter(|n| !n.is_empty() && n.chars().all(|c| c.is_alphanumeric() || c == '_'));
        match (name, close) {
            (Some(name), Some(close)) => {
                out.push((rest[..open].to_owned(), None));
                out.push((String::new(), Some(name.to_lowercase())));
                rest = &after[close + 1..];
            }
            _ => {
                out.push((rest[..=open].to_owned(), None));
                rest = after;
            }
        }
    }
    out.push((rest.to_owned(), None));
    out
}

/// Problems of the template over all recipients: unknown placeholders once, placeholders empty
/// for the session once, and placeholders empty for a person once per person.
pub fn problems(template: &LetterTemplate, letters: &[Values]) -> Vec<PlaceholderProblem> {
    let mut problems = Vec::new();
    let mut names = used(&template.subject);
    for name in used(&template.body) {
        if !names.contains(&name) {
            names.push(name);
        }
    }
    for name in &names {
        if !PLACEHOLDERS.iter().any(|(known, _)| known == name) {
            problems.push(PlaceholderProblem {
                placeholder: name.clone(),
                person: None,
                message: format!(
                    "Unbekannter Platzhalter {{{name}}}. Möglich sind: {}.",
                    PLACEHOLDERS
                        .iter()
                        .map(|(n, _)| format!("{{{n}}}"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            });
        }
    }
    let mut reported_session_wide: Vec<&str> = Vec::new();
    for letter in letters {
        for name in &names {
            let Some(None) = letter.get(name) else {
                continue;
            };
            if letter.session_wide.contains(&name.as_str()) {
                if !reported_session_wide.contains(&name.as_str()) {
                    reported_session_wide.push(name.as_str());
                    problems.push(PlaceholderProblem {
                        placeholder: name.clone(),
                        person: None,
                        message: format!(
                            "{{{name}}} ist leer: In der Sitzung bzw. den Einstellungen fehlt \
                             dieser Wert. Bitte dort ergänzen oder den Platzhalter entfernen."
                        ),
                    });
                }
            } else {
                problems.push(PlaceholderProblem {
                    placeholder: name.clone(),
                    person: Some(letter.person.clone()),
                    message: format!(
                        "{{{name}}} ist leer für {}. Bitte im Register ergänzen oder den \
                         Platzhalter entfernen.",
                        letter.person
                    ),
                });
            }
        }
    }
    problems
}

/// Fills the template for one recipient; unknown or empty placeholders are left visible as
/// "{name}" (the preview shows them; printing refuses them before this point).
pub fn fill(template: &LetterTemplate, values: &Values) -> FilledLetter {
    let fill_text = |text: &str| -> String {
        tokens(text)
            .into_iter()
            .map(|(literal, name)| match name {
                None => literal,
                Some(name) => match values.get(&name) {
                    Some(Some(value)) => value.clone(),
                    _ => format!("{{{name}}}"),
                },
            })
            .collect()
    };
    let body = fill_text(&template.body.replace("\r\n", "\n"));
    let paragraphs = body
        .split("\n\n")
        .map(|p| p.trim_matches('\n').to_owned())
        .filter(|p| !p.trim().is_empty())
        .collect();
    FilledLetter {
        subject: fill_text(template.subject.trim()),
        paragraphs,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(person: &str, organisation: Option<&str>) -> Values {
        Values {
            person: person.to_owned(),
            values: vec![
                ("anrede", Some(format!("Guten Tag {person},"))),
                ("name", Some(person.to_owned())),
                ("organisation", organisation.map(str::to_owned)),
                ("anmeldeschluss", None),
                ("nummer", Some("39".to_owned())),
            ],
            session_wide: &["anmeldeschluss", "nummer"],
        }
    }

    #[test]
    fn fills_placeholders_and_keeps_other_braces() {
        let template = LetterTemplate {
            subject: "Einladung zur {nummer}. Sitzung".into(),
            body: "{anrede}\n\nfür {organisation} {ohne Namen} {}.\n\nGruß".into(),
        };
        let filled = fill(&template, &values("Şükrü Özdemir", Some("Stadt Köln")));
        assert_eq!(filled.subject, "Einladung zur 39. Sitzung");
        assert_eq!(
            filled.paragraphs,
            [
                "Guten Tag Şükrü Özdemir,",
                "für Stadt Köln {ohne Namen} {}.",
                "Gruß"
            ]
        );
    }

    #[test]
    fn unknown_and_empty_placeholders_are_listed_by_name_and_person() {
        let template = LetterTemplate {
            subject: "{nummer}".into(),
            body: "{anrede} {organisation} {anmeldeschluss} {raum}".into(),
        };
        let letters = [
            values("Łukasz Nowak", None),
            values("Nguyễn Thị Lan", Some("Landkreis Harburg")),
            values("Şükrü Özdemir", None),
        ];
        let found: Vec<(String, Option<String>)> = problems(&template, &letters)
            .into_iter()
            .map(|p| (p.placeholder, p.person))
            .collect();
        assert_eq!(
            found,
            [
                ("raum".to_owned(), None),
                ("organisation".to_owned(), Some("Łukasz Nowak".to_owned())),
                ("anmeldeschluss".to_owned(), None),
                ("organisation".to_owned(), Some("Şükrü Özdemir".to_owned())),
            ],
            "unknown once, session-wide once, per person for each person"
        );
    }

    fn all_known(value: &str) -> Values {
        Values {
            person: "Nguyễn Thị Lan".to_owned(),
            values: PLACEHOLDERS
                .iter()
                .map(|(name, _)| (*name, Some(value.to_owned())))
                .collect(),
            session_wide: &[],
        }
    }

    proptest::proptest! {
        #![proptest_config(crate::test_support::proptest_config())]

        /// Any template: no panic; with every known placeholder filled, none is left and no
        /// problem is reported but the unknown ones; text outside placeholders is kept.
        #[test]
        fn any_template_fills_without_panic_and_keeps_its_text(
            subject in "[a-zA-ZäöüßŞễ {}_0-9.,\\n]{0,40}",
            body in proptest::prop_oneof![
                "[a-zA-ZäöüßŞễ {}_0-9.,\\n\\r]{0,80}",
                proptest::prelude::any::<String>(),
            ],
        ) {
            let template = LetterTemplate { subject, body };
            let values = all_known("Wert");
            let filled = fill(&template, &values);
            let problems = problems(&template, std::slice::from_ref(&values));
            let known: Vec<&str> = PLACEHOLDERS.iter().map(|(n, _)| *n).collect();
            for problem in &problems {
                proptest::prop_assert!(
                    !known.contains(&problem.placeholder.as_str()),
                    "a filled placeholder reported: {:?}", problem
                );
            }
            let text = format!("{}\n{}", filled.subject, filled.paragraphs.join("\n"));
            for name in used(&template.subject).into_iter().chain(used(&template.body)) {
                let token = format!("{{{name}}}");
                if known.contains(&name.as_str()) {
                    proptest::prop_assert!(!text.contains(&token), "{} left in {:?}", token, text);
                } else {
                    proptest::prop_assert!(
                        problems.iter().any(|p| p.placeholder == name),
                        "unknown {} not reported", token
                    );
                }
            }
        }

        /// A text without braces comes out as typed (paragraphs split at empty lines).
        #[test]
        fn text_without_placeholders_is_kept(body in "[a-zA-ZäöüßŞễŁ .,;:!?()\\n-]{0,120}") {
            let template = LetterTemplate { subject: "Betreff".into(), body: body.clone() };
            let filled = fill(&template, &all_known("x"));
            let words = |t: &str| t.split_whitespace().map(str::to_owned).collect::<Vec<_>>();
            proptest::prop_assert_eq!(words(&filled.paragraphs.join(" ")), words(&body));
        }
    }
}
