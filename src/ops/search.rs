//! One search over everything (Ctrl+K and `zirkel search`): the hits of each kind, best first,
//! grouped in a fixed order, the matching words marked in the title and in a short snippet.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::Result;
use crate::model::search::{Marked, Query, SearchKind};
use crate::store::Reader;

/// How many words a snippet shows.
const SNIPPET_WORDS: usize = 12;

/// One hit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SearchHit {
    /// What it is.
    pub kind: SearchKind,
    /// Its id.
    pub id: i64,
    /// Its title, matching words marked.
    pub title: Vec<Marked>,
    /// A few words around the first match in its text; empty when only the title matches.
    pub snippet: Vec<Marked>,
    /// Where it belongs, e.g. "39. Sitzung · 16.–17.09.2027".
    pub context: String,
    /// The session it belongs to (sessions, agenda items, minutes, action items), for opening.
    pub session_id: Option<i64>,
}

/// The hits of one kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SearchGroup {
    /// The kind.
    pub kind: SearchKind,
    /// Its heading, e.g. "Personen".
    pub label: String,
    /// The best hits.
    pub hits: Vec<SearchHit>,
    /// True when there are more hits of this kind than shown.
    pub more: bool,
}

/// Everything found for a query.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SearchResults {
    /// The query as typed.
    pub query: String,
    /// The groups that have hits, in the fixed order of the kinds.
    pub groups: Vec<SearchGroup>,
    /// The number of hits shown.
    pub total: usize,
}

/// Searches every kind for `text`, at most `per_kind` hits each.
pub fn search(
    r: Reader<'_>,
    text: &str,
    per_kind: usize,
    today: NaiveDate,
) -> Result<SearchResults> {
    let query = Query::parse(text);
    let mut groups = Vec::new();
    if !query.is_empty() && per_kind > 0 {
        let index = r.search();
        for (kind, ids, more) in index.matches(&query, per_kind)? {
            let mut hits = Vec::with_capacity(per_kind);
            for id in ids {
                if let Some(shown) = index.display(kind, id, today)? {
                    hits.push(SearchHit {
                        kind,
                        id,
                        title: query.mark(&shown.title),
                        snippet: query.snippet(&shown.body, SNIPPET_WORDS),
                        context: shown.context,
                        session_id: shown.session_id,
                    });
                }
            }
            groups.push(SearchGroup {
                kind,
                label: kind.label().to_owned(),
                hits,
                more,
            });
        }
    }
    let total = groups.iter().map(|g| g.hits.len()).sum();
    Ok(SearchResults {
        query: text.to_owned(),
        groups,
        total,
    })
}

/// The shown text of a list of marked runs.
pub fn plain(runs: &[Marked]) -> String {
    runs.iter().map(|m| m.text.as_str()).collect()
}
