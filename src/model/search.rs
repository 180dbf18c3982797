//! German search folding, pure: what the index stores for a text, what a query asks for, and
//! which words of a shown text match (for highlighting). Both sides fold case and accents away
//! ("Ozdemir" = "Özdemir", "Lukasz" = "Łukasz"); umlauts and ß also match their German
//! transcription ("Mueller" = "Müller", "Strasse" = "Straße"), so the index holds both spellings
//! of a word that has one, and a query word with an umlaut asks for either.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::text::fold;

/// What a search hit is, in the order the results show the groups.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SearchKind {
    /// A person.
    Person,
    /// An organisation.
    Organisation,
    /// A session.
    Session,
    /// An agenda item.
    AgendaItem,
    /// The notes of an agenda item in the (current) minutes.
    MinutesNote,
    /// A decision in the (current) minutes.
    Decision,
    /// An action item.
    ActionItem,
    /// A practice example.
    PracticeExample,
    /// A recommendation.
    Recommendation,
    /// A topic.
    Topic,
}

impl SearchKind {
    /// Every kind, in display order.
    pub const ALL: [SearchKind; 10] = [
        SearchKind::Person,
        SearchKind::Organisation,
        SearchKind::Session,
        SearchKind::AgendaItem,
        SearchKind::MinutesNote,
        SearchKind::Decision,
        SearchKind::ActionItem,
        SearchKind::PracticeExample,
        SearchKind::Recommendation,
        SearchKind::Topic,
    ];

    /// The name stored in the index's `entity` column.
    pub fn as_str(self) -> &'static str {
        match self {
            SearchKind::Person => "person",
            SearchKind::Organisation => "organisation",
            SearchKind::Session => "session",
            SearchKind::AgendaItem => "agenda_item",
            SearchKind::MinutesNote => "minutes_note",
            SearchKind::Decision => "decision",
            SearchKind::ActionItem => "action_item",
            SearchKind::PracticeExample => "practice_example",
            SearchKind::Recommendation => "recommendation",
            SearchKind::Topic => "topic",
        }
    }

    /// The kind stored as `name`.
    pub fn parse(name: &str) -> Option<SearchKind> {
        SearchKind::ALL.into_iter().find(|k| k.as_str() == name)
    }

    /// The group's heading in the results.
    pub fn label(self) -> &'static str {
        match self {
            SearchKind::Person => "Personen",
            SearchKind::Organisation => "Organisationen",
            SearchKind::Session => "Sitzungen",
            SearchKind::AgendaItem => "Tagesordnungspunkte",
            SearchKind::MinutesNote => "Protokollnotizen",
            SearchKind::Decision => "Beschlüsse",
            SearchKind::ActionItem => "Aufgaben",
            SearchKind::PracticeExample => "Praxisbeispiele",
            SearchKind::Recommendation => "Empfehlungen",
            SearchKind::Topic => "Themenfelder",
        }
    }
}

/// A run of shown text; `hit` marks a word that matches the query.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Marked {
    /// The text, as stored.
    pub text: String,
    /// True for a matching word.
    pub hit: bool,
}

/// The German transcription of umlauts and ß: "Müller" → "Mueller", "Straße" → "Strasse".
pub fn transcribe(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            'ä' => out.push_str("ae"),
            'ö' => out.push_str("oe"),
            'ü' => out.push_str("ue"),
            'Ä' => out.push_str("Ae"),
            'Ö' => out.push_str("Oe"),
            'Ü' => out.push_str("Ue"),
            'ß' => out.push_str("ss"),
            'ẞ' => out.push_str("SS"),
            other => out.push(other),
        }
    }
    out
}

/// Words as the index's tokenizer sees them: runs of letters and digits.
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// The folded forms of one word: the plain transliteration ("muller"), and the German
/// transcription ("mueller") when it differs. A word can fold into several tokens ("Ǆ" …), so
/// each form is a list.
fn forms(word: &str) -> Vec<Vec<String>> {
    let plain: Vec<String> = words(&fold(word)).map(str::to_owned).collect();
    let mut forms = vec![plain];
    if word.chars().any(|c| "äöüÄÖÜßẞ".contains(c)) {
        let german: Vec<String> = words(&fold(&transcribe(word))).map(str::to_owned).collect();
        if german != forms[0] {
            forms.push(german);
        }
    }
    forms
}

/// What the index's `folded` column holds for a text: every word folded, plus the German
/// transcription of each word that has a different one.
pub fn index_text(text: &str) -> String {
    let mut plain = String::with_capacity(text.len() + 16);
    let mut german = String::new();
    for word in words(text) {
        let mut forms = forms(word).into_iter();
        if let Some(first) = forms.next() {
            for token in first {
                plain.push_str(&token);
                plain.push(' ');
            }
        }
        for other in forms {
            for token in other {
                german.push_str(&token);
                german.push(' ');
            }
        }
    }
    plain.push_str(&german);
    plain.trim_end().to_owned()
}

/// A parsed query: per typed word, its alternative folded forms (each a list of tokens that
/// must all match as prefixes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    words: Vec<Vec<Vec<String>>>,
}

impl Query {
    /// Parses what the user typed; punctuation and FTS syntax are only separators.
    pub fn parse(text: &str) -> Query {
        let words = words(text)
            .map(forms)
            .map(|forms| {
                forms
                    .into_iter()
                    .filter(|tokens| !tokens.is_empty())
                    .collect::<Vec<_>>()
            })
            .filter(|forms| !forms.is_empty())
            .collect();
        Query { words }
    }

    /// True when nothing searchable was typed.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The FTS5 expression over the `folded` column: every word must match (as a prefix), in
    /// either of its forms. Tokens are letters and digits only, so quoting them is safe.
    pub fn fts(&self) -> String {
        let words: Vec<String> = self
            .words
            .iter()
            .map(|forms| {
                let alternatives: Vec<String> = forms
                    .iter()
                    .map(|tokens| {
                        let terms: Vec<String> =
                            tokens.iter().map(|t| format!("\"{t}\"*")).collect();
                        format!("({})", terms.join(" AND "))
                    })
                    .collect();
                format!("({})", alternatives.join(" OR "))
            })
            .collect();
        format!("folded : ({})", words.join(" AND "))
    }

    /// True when the shown `word` matches one of the query's words as a prefix (in any form).
    fn matches(&self, word: &str) -> bool {
        let word_forms = forms(word);
        self.words.iter().any(|query_forms| {
            query_forms.iter().any(|tokens| {
                word_forms.iter().any(|shown| {
                    tokens
                        .iter()
                        .all(|t| shown.iter().any(|s| s.starts_with(t.as_str())))
                })
            })
        })
    }

    /// How well an entry of the index (its folded text, see [`index_text`]) matches: per query
    /// word 2 for a whole word, 1 for a prefix only, and 1 more when it matches among the first
    /// words (the title: documents begin with it). Cheap enough to rank a few hundred candidates
    /// without FTS5's bm25, which reads every match's size and costs tens of milliseconds at
    /// 100,000 entries.
    pub fn score(&self, folded: &str) -> u32 {
        const TITLE_WORDS: usize = 8;
        let tokens: Vec<&str> = folded.split(' ').collect();
        self.words
            .iter()
            .map(|query_forms| {
                let mut best = 0;
                for tokens_of_form in query_forms {
                    let Some(first) = tokens_of_form.first() else {
                        continue;
                    };
                    for (position, token) in tokens.iter().enumerate() {
                        let whole = token == first;
                        if whole || token.starts_with(first.as_str()) {
                            let title = u32::from(position < TITLE_WORDS);
                            best = best.max(if whole { 2 } else { 1 } + title);
                        }
                    }
                }
                best
            })
            .sum()
    }

    /// True when every word of the query matches (as a prefix) a word of one of `texts`: the
    /// same rule as the index, for filtering a list that is already in memory.
    pub fn matches_all(&self, texts: &[&str]) -> bool {
        let shown: Vec<Vec<Vec<String>>> = texts.iter().flat_map(|t| words(t)).map(forms).collect();
        self.words.iter().all(|query_forms| {
            query_forms.iter().any(|tokens| {
                shown.iter().any(|word_forms| {
                    word_forms.iter().any(|w| {
                        tokens
                            .iter()
                            .all(|t| w.iter().any(|s| s.starts_with(t.as_str())))
                    })
                })
            })
        })
    }

    /// `text` split into runs, the matching words marked.
    pub fn mark(&self, text: &str) -> Vec<Marked> {
        let mut runs: Vec<Marked> = Vec::new();
        let mut push = |piece: &str, hit: bool| match runs.last_mut() {
            Some(last) if last.hit == hit => last.text.push_str(piece),
            _ => runs.push(Marked {
                text: piece.to_owned(),
                hit,
            }),
        };
        let mut rest = text;
        while !rest.is_empty() {
            let start = rest.find(char::is_alphanumeric).unwrap_or(rest.len());
            if start > 0 {
                push(&rest[..start], false);
                rest = &rest[start..];
                continue;
            }
            let end = rest
                .find(|c: char| !c.is_alphanumeric())
                .unwrap_or(rest.len());
            let word = &rest[..end];
            push(word, self.matches(word));
            rest = &rest[end..];
        }
        runs
    }

    /// A few words of `text` around its first matching word, marked; empty when none matches.
    pub fn snippet(&self, text: &str, words_around: usize) -> Vec<Marked> {
        let flat: Vec<&str> = text.split_whitespace().collect();
        let Some(first) = flat
            .iter()
            .position(|w| words(w).any(|part| self.matches(part)))
        else {
            return Vec::new();
        };
        let from = first.saturating_sub(words_around / 3);
        let to = (from + words_around).min(flat.len());
        let mut shown = flat[from..to].join(" ");
        if from > 0 {
            shown.insert_str(0, "… ");
        }
        if to < flat.len() {
            shown.push_str(" …");
        }
        self.mark(&shown)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hits(query: &str, text: &str) -> Vec<String> {
        Query::parse(query)
            .mark(text)
            .into_iter()
            .filter(|m| m.hit)
            .map(|m| m.text)
            .collect()
    }

    #[test]
    fn the_index_holds_both_spellings_of_an_umlaut() {
        assert_eq!(index_text("Müller"), "muller mueller");
        assert_eq!(
            index_text("Straße 5"),
            "strasse 5",
            "ß folds to ss either way"
        );
        assert_eq!(
            index_text("Şükrü Özdemir"),
            "sukru ozdemir suekrue oezdemir"
        );
        assert_eq!(
            index_text("Łukasz"),
            "lukasz",
            "no German transcription for Ł"
        );
    }

    #[test]
    fn a_typed_umlaut_asks_for_both_spellings() {
        assert_eq!(
            Query::parse("Müller").fts(),
            "folded : (((\"muller\"*) OR (\"mueller\"*)))"
        );
        assert_eq!(
            Query::parse("integr jena").fts(),
            "folded : (((\"integr\"*)) AND ((\"jena\"*)))"
        );
    }

    #[test]
    fn fts_syntax_in_a_query_is_only_text() {
        let q = Query::parse("\"x\" OR NEAR(a* -b)");
        assert!(!q.fts().contains("NEAR("), "{}", q.fts());
        assert!(Query::parse(" *-\"( ").is_empty());
    }

    #[test]
    fn matching_words_are_marked_in_every_spelling() {
        assert_eq!(hits("oezdemir", "Şükrü Özdemir"), ["Özdemir"]);
        assert_eq!(hits("ozdemir", "Şükrü Özdemir"), ["Özdemir"]);
        assert_eq!(
            hits("Müller", "Frau Mueller, Herr Muller"),
            ["Mueller", "Muller"]
        );
        assert_eq!(hits("strasse", "Hauptstraße 1, Straße 2"), ["Straße"]);
        assert_eq!(
            hits("integr", "Die Integrationsbeauftragte"),
            ["Integrationsbeauftragte"]
        );
        assert_eq!(hits("nguyen", "Nguyễn Thị Lan"), ["Nguyễn"]);
    }

    #[test]
    fn whole_words_and_title_words_score_higher() {
        let q = Query::parse("müller");
        let exact = q.score(&index_text("Anna Müller Integrationsbeauftragte"));
        let prefix = q.score(&index_text("Anna Müllerschön Integrationsbeauftragte"));
        let late = q.score(&index_text(
            "Bericht über die Sitzung des Beirats mit vielen Gästen und Frau Müller",
        ));
        assert!(
            exact > prefix,
            "a whole word beats a prefix: {exact} {prefix}"
        );
        assert!(
            exact > late,
            "a title word beats one deep in the text: {exact} {late}"
        );
        assert_eq!(Query::parse("fehlt").score(&index_text("Anna Müller")), 0);
    }

    #[test]
    fn a_snippet_shows_the_words_around_the_first_match() {
        let text = "eins zwei drei vier fünf sechs sieben acht neun zehn Religion elf zwölf";
        let snippet = Query::parse("relig").snippet(text, 6);
        let shown: String = snippet.iter().map(|m| m.text.as_str()).collect();
        assert_eq!(shown, "… neun zehn Religion elf zwölf");
        assert!(snippet.iter().any(|m| m.hit && m.text == "Religion"));
        assert!(Query::parse("fehlt").snippet(text, 6).is_empty());
    }
}
