//! The FTS5 search index over every searchable record: people, organisations, sessions, agenda
//! items, the notes and decisions of current minutes, action items, practice examples,
//! recommendations and topics. The writer rewrites the entry of every record a transaction
//! touched just before it commits ([`reindex`]), so the index never lags the tables; a migration
//! or a check rebuilds it from the tables with the same code ([`rebuild`]).
//!
//! The index holds only the folded text ([`index_text`]); what a hit shows (its title, context
//! and snippet) is read from the tables when it is shown ([`display`]), so renaming a record
//! never leaves a stale title in another record's entry.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};

use crate::error::{Error, Result};
use crate::model::date;
use crate::model::search::{index_text, Query, SearchKind};
use crate::model::{ActionStatus, OrganisationKind, RecommendationStatus, ReleaseStatus, Stored};

/// Bits of the rowid that hold a record's id; the kind sits above them.
const ID_BITS: u32 = 40;

/// The FTS rowid of a record: the kind's code in the high bits, its id in the low 40 bits.
/// Deleting by rowid is a direct lookup (FTS5 cannot index `entity`/`entity_id`), and one kind's
/// entries form one rowid range, which a query can restrict itself to.
fn rowid(kind: SearchKind, id: i64) -> i64 {
    (code(kind) << ID_BITS) | (id & ((1 << ID_BITS) - 1))
}

fn code(kind: SearchKind) -> i64 {
    SearchKind::ALL
        .iter()
        .position(|k| *k == kind)
        .and_then(|p| i64::try_from(p).ok())
        .unwrap_or(62)
        + 1
}

/// The text of a record that the index folds, or `None` when the record does not exist or is
/// not searchable (a note of superseded minutes, an empty note).
pub(crate) fn document(conn: &Connection, kind: SearchKind, id: i64) -> Result<Option<String>> {
    let sql = match kind {
        SearchKind::Person => return person_document(conn, id),
        SearchKind::Organisation => return organisation_document(conn, id),
        SearchKind::Session => {
            "SELECT concat_ws(' ', number || '. Sitzung', title, venue, address, description)
             FROM sessions WHERE id = ?1"
        }
        SearchKind::AgendaItem => {
            "SELECT concat_ws(' ', i.title, i.description, i.place,
                (SELECT group_concat(free_text, ' ') FROM agenda_item_speakers
                 WHERE agenda_item_id = i.id))
             FROM agenda_items i WHERE i.id = ?1"
        }
        SearchKind::MinutesNote => {
            "SELECT n.text FROM minute_notes n JOIN minutes m ON m.id = n.minutes_id
             WHERE n.id = ?1 AND m.is_current = 1 AND trim(n.text) <> ''"
        }
        SearchKind::Decision => {
            "SELECT d.text FROM decisions d JOIN minutes m ON m.id = d.minutes_id
             WHERE d.id = ?1 AND m.is_current = 1"
        }
        SearchKind::ActionItem => {
            "SELECT concat_ws(' ', text, assignee_text) FROM action_items WHERE id = ?1"
        }
        SearchKind::PracticeExample => {
            "SELECT concat_ws(' ', title, summary, body, target_groups)
             FROM practice_examples WHERE id = ?1"
        }
        SearchKind::Recommendation => {
            "SELECT concat_ws(' ', r.title, (SELECT body FROM recommendation_versions
                WHERE recommendation_id = r.id ORDER BY version DESC LIMIT 1))
             FROM recommendations r WHERE r.id = ?1"
        }
        SearchKind::Topic => "SELECT concat_ws(' ', name, description) FROM topics WHERE id = ?1",
    };
    Ok(conn
        .prepare_cached(sql)?
        .query_row([id], |r| r.get::<_, Option<String>>(0))
        .optional()?
        .flatten())
}

/// Name, function, e-mail and the organisations a person represents (so "Özdemir Jena" narrows).
fn person_document(conn: &Connection, id: i64) -> Result<Option<String>> {
    let person = match super::people::get(conn, id) {
        Ok(person) => person,
        Err(Error::NotFound { .. }) => return Ok(None),
        Err(other) => return Err(other),
    };
    // Repeated names dropped here rather than by DISTINCT, which builds a temporary B-tree for
    // every person (a tenth of an import's index time).
    let mut stmt = conn.prepare_cached(
        "SELECT o.name FROM mandates m JOIN organisations o ON o.id = m.organisation_id
         WHERE m.person_id = ?1",
    )?;
    let mut organisations: Vec<String> = Vec::new();
    for name in stmt.query_map([id], |r| r.get::<_, String>(0))? {
        let name = name?;
        if !organisations.contains(&name) {
            organisations.push(name);
        }
    }
    let text = [Some(person.full_name()), person.function, person.email]
        .into_iter()
        .flatten()
        .chain(organisations)
        .collect::<Vec<_>>()
        .join(" ");
    Ok(Some(text))
}

/// Name, town, Land and kind of an organisation.
fn organisation_document(conn: &Connection, id: i64) -> Result<Option<String>> {
    let org = match super::organisations::get(conn, id) {
        Ok(org) => org,
        Err(Error::NotFound { .. }) => return Ok(None),
        Err(other) => return Err(other),
    };
    let text = [
        Some(org.name.as_str()),
        org.city.as_deref(),
        org.state.as_deref(),
        Some(org.kind.label()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    Ok(Some(text))
}

/// Rewrites the entry of one record from the tables (removes it when the record is gone or not
/// searchable); `fresh`: created in this transaction, so there is no entry to replace.
pub(crate) fn reindex(conn: &Connection, kind: SearchKind, id: i64, fresh: bool) -> Result<()> {
    if !fresh {
        conn.prepare_cached("DELETE FROM search_index WHERE rowid = ?1")?
            .execute([rowid(kind, id)])?;
    }
    if let Some(text) = document(conn, kind, id)? {
        conn.prepare_cached(
            "INSERT INTO search_index (rowid, entity, entity_id, folded) VALUES (?1, ?2, ?3, ?4)",
        )?
        .execute(params![
            rowid(kind, id),
            kind.as_str(),
            id,
            index_text(&text)
        ])?;
    }
    Ok(())
}

/// The ids of every record of a kind (those that may have an entry).
fn ids(conn: &Connection, kind: SearchKind) -> Result<Vec<i64>> {
    let table = match kind {
        SearchKind::Person => "people",
        SearchKind::Organisation => "organisations",
        SearchKind::Session => "sessions",
        SearchKind::AgendaItem => "agenda_items",
        SearchKind::MinutesNote => "minute_notes",
        SearchKind::Decision => "decisions",
        SearchKind::ActionItem => "action_items",
        SearchKind::PracticeExample => "practice_examples",
        SearchKind::Recommendation => "recommendations",
        SearchKind::Topic => "topics",
    };
    let mut stmt = conn.prepare(&format!("SELECT id FROM {table} ORDER BY id"))?;
    let ids = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(ids)
}

/// Empties the index and writes every record's entry afresh from the tables.
pub(crate) fn rebuild(conn: &Connection) -> Result<()> {
    conn.execute("DELETE FROM search_index", [])?;
    for kind in SearchKind::ALL {
        for id in ids(conn, kind)? {
            reindex(conn, kind, id, true)?;
        }
    }
    conn.execute(
        "INSERT INTO search_index (search_index) VALUES ('optimize')",
        [],
    )?;
    Ok(())
}

/// Every entry as `(rowid, entity, entity_id, folded)`, by rowid: for comparing the index with
/// a rebuild of it.
pub(crate) fn entries(conn: &Connection) -> Result<Vec<(i64, String, i64, String)>> {
    let mut stmt =
        conn.prepare("SELECT rowid, entity, entity_id, folded FROM search_index ORDER BY rowid")?;
    let rows = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// How many of the newest matches of a kind are ranked.
const CANDIDATES: usize = 100;

/// The hits of one kind: ids best first, and whether there were more than asked for.
pub type KindMatches = (SearchKind, Vec<i64>, bool);

/// The records that match `query`, per kind (in the kinds' order, kinds without a match left
/// out): at most `limit` ids each, best first. One pass over the index's matches, newest first
/// (FTS5 walks its doclists once, however many kinds there are; ten range-restricted queries
/// would load every term's doclist ten times); the newest [`CANDIDATES`] of each kind are then
/// ranked by [`Query::score`], newer before older at the same score.
pub(crate) fn matches(conn: &Connection, query: &Query, limit: usize) -> Result<Vec<KindMatches>> {
    let mut buckets: Vec<(Vec<i64>, bool)> = vec![(Vec::new(), false); SearchKind::ALL.len()];
    let mut full = 0;
    let mut stmt = conn.prepare_cached(
        "SELECT rowid FROM search_index WHERE search_index MATCH ?1 ORDER BY rowid DESC",
    )?;
    let mut rows = stmt.query([query.fts()])?;
    while let Some(row) = rows.next()? {
        let rowid: i64 = row.get(0)?;
        let Some(bucket) = usize::try_from((rowid >> ID_BITS) - 1)
            .ok()
            .and_then(|k| buckets.get_mut(k))
        else {
            continue;
        };
        if bucket.0.len() < CANDIDATES {
            bucket.0.push(rowid);
        } else if !bucket.1 {
            bucket.1 = true;
            full += 1;
            if full == SearchKind::ALL.len() {
                break;
            }
        }
    }
    drop(rows);
    let mut folded = conn.prepare_cached("SELECT folded FROM search_index WHERE rowid = ?1")?;
    let mut found = Vec::new();
    for (kind, (rowids, overflow)) in SearchKind::ALL.into_iter().zip(buckets) {
        if rowids.is_empty() {
            continue;
        }
        let mut scored = Vec::with_capacity(rowids.len());
        for rowid in rowids {
            let text: String = folded.query_row([rowid], |r| r.get(0))?;
            scored.push((query.score(&text), rowid & ((1 << ID_BITS) - 1)));
        }
        // Stable: at the same score the newer (higher id) stays first.
        scored.sort_by_key(|(score, _)| std::cmp::Reverse(*score));
        let more = overflow || scored.len() > limit;
        found.push((
            kind,
            scored.into_iter().take(limit).map(|(_, id)| id).collect(),
            more,
        ));
    }
    Ok(found)
}

/// What a hit shows, read from the tables at the time it is shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shown {
    /// Its title.
    pub title: String,
    /// The text a snippet is cut from (may be empty).
    pub body: String,
    /// Where it belongs: "39. Sitzung · 16.–17.09.2027", "Stadt · Jena" …
    pub context: String,
    /// The session it belongs to, for opening it.
    pub session_id: Option<i64>,
}

/// How a record of `kind` is shown in the results; `None` when it no longer exists.
pub(crate) fn display(
    conn: &Connection,
    kind: SearchKind,
    id: i64,
    today: NaiveDate,
) -> Result<Option<Shown>> {
    let shown = match kind {
        SearchKind::Person => {
            let person = match super::people::get(conn, id) {
                Ok(person) => person,
                Err(Error::NotFound { .. }) => return Ok(None),
                Err(other) => return Err(other),
            };
            let organisations: Option<String> = conn
                .prepare_cached(
                    "SELECT group_concat(DISTINCT o.name) FROM mandates m
                     JOIN organisations o ON o.id = m.organisation_id
                     WHERE m.person_id = ?1 AND (m.end_date IS NULL OR m.end_date >= ?2)",
                )?
                .query_row(params![id, today], |r| r.get(0))?;
            let context = [person.function.clone(), organisations]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" · ");
            Some(Shown {
                title: person.full_name(),
                body: person.email.unwrap_or_default(),
                context,
                session_id: None,
            })
        }
        SearchKind::Organisation => conn
            .prepare_cached("SELECT name, kind, city, state FROM organisations WHERE id = ?1")?
            .query_row([id], |r| {
                let kind: String = r.get(1)?;
                let kind = OrganisationKind::parse(&kind).map_or(kind, |k| k.label().to_owned());
                let place = [r.get::<_, Option<String>>(2)?, r.get(3)?]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(", ");
                Ok(Shown {
                    title: r.get(0)?,
                    body: String::new(),
                    context: [kind, place]
                        .into_iter()
                        .filter(|s| !s.is_empty())
                        .collect::<Vec<_>>()
                        .join(" · "),
                    session_id: None,
                })
            })
            .optional()?,
        SearchKind::Session => conn
            .prepare_cached(
                "SELECT number, title, first_day, last_day, venue, description
                 FROM sessions WHERE id = ?1",
            )?
            .query_row([id], |r| {
                let number: i64 = r.get(0)?;
                let title: String = r.get(1)?;
                let venue: Option<String> = r.get(4)?;
                let when = date::german_range(r.get(2)?, r.get(3)?);
                Ok(Shown {
                    title: session_title(number, &title),
                    body: r.get::<_, Option<String>>(5)?.unwrap_or_default(),
                    context: [Some(when), venue]
                        .into_iter()
                        .flatten()
                        .collect::<Vec<_>>()
                        .join(" · "),
                    session_id: Some(id),
                })
            })
            .optional()?,
        SearchKind::AgendaItem => conn
            .prepare_cached(
                "SELECT i.title, i.description, s.number, i.day, s.id FROM agenda_items i
                 JOIN sessions s ON s.id = i.session_id WHERE i.id = ?1",
            )?
            .query_row([id], |r| {
                let day: NaiveDate = r.get(3)?;
                Ok(Shown {
                    title: r.get(0)?,
                    body: r.get::<_, Option<String>>(1)?.unwrap_or_default(),
                    context: format!("{}. Sitzung · {}", r.get::<_, i64>(2)?, date::german(day)),
                    session_id: Some(r.get(4)?),
                })
            })
            .optional()?,
        SearchKind::MinutesNote => conn
            .prepare_cached(
                "SELECT coalesce(i.title, 'Allgemeines'), n.text, s.number, s.id
                 FROM minute_notes n JOIN minutes m ON m.id = n.minutes_id
                 JOIN sessions s ON s.id = m.session_id
                 LEFT JOIN agenda_items i ON i.id = n.agenda_item_id WHERE n.id = ?1",
            )?
            .query_row([id], |r| {
                Ok(Shown {
                    title: r.get(0)?,
                    body: r.get(1)?,
                    context: format!("Protokoll der {}. Sitzung", r.get::<_, i64>(2)?),
                    session_id: Some(r.get(3)?),
                })
            })
            .optional()?,
        SearchKind::Decision => conn
            .prepare_cached(
                "SELECT d.text, s.number, s.id, i.title FROM decisions d
                 JOIN minutes m ON m.id = d.minutes_id JOIN sessions s ON s.id = m.session_id
                 LEFT JOIN agenda_items i ON i.id = d.agenda_item_id WHERE d.id = ?1",
            )?
            .query_row([id], |r| {
                let item: Option<String> = r.get(3)?;
                Ok(Shown {
                    title: r.get(0)?,
                    body: String::new(),
                    context: [
                        Some(format!("Beschluss der {}. Sitzung", r.get::<_, i64>(1)?)),
                        item,
                    ]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(" · "),
                    session_id: Some(r.get(2)?),
                })
            })
            .optional()?,
        SearchKind::ActionItem => conn
            .prepare_cached(
                "SELECT a.text, s.number, s.id, a.status, a.due_date FROM action_items a
                 JOIN sessions s ON s.id = a.session_id WHERE a.id = ?1",
            )?
            .query_row([id], |r| {
                let status: ActionStatus = r.get(3)?;
                let due: Option<NaiveDate> = r.get(4)?;
                let mut context = format!("{}. Sitzung · {}", r.get::<_, i64>(1)?, status.label());
                if let Some(due) = due {
                    context.push_str(&format!(" · fällig {}", date::german(due)));
                }
                Ok(Shown {
                    title: r.get(0)?,
                    body: String::new(),
                    context,
                    session_id: Some(r.get(2)?),
                })
            })
            .optional()?,
        SearchKind::PracticeExample => conn
            .prepare_cached(
                "SELECT e.title, concat_ws(' ', e.summary, e.body), o.name, e.release_status
                 FROM practice_examples e LEFT JOIN organisations o ON o.id = e.organisation_id
                 WHERE e.id = ?1",
            )?
            .query_row([id], |r| {
                let status: ReleaseStatus = r.get(3)?;
                let organisation: Option<String> = r.get(2)?;
                Ok(Shown {
                    title: r.get(0)?,
                    body: r.get(1)?,
                    context: [organisation, Some(status.label().to_owned())]
                        .into_iter()
                        .flatten()
                        .collect::<Vec<_>>()
                        .join(" · "),
                    session_id: None,
                })
            })
            .optional()?,
        SearchKind::Recommendation => conn
            .prepare_cached(
                "SELECT r.title, v.body, v.status, v.version,
                    (SELECT group_concat(t.name, ', ') FROM recommendation_topics rt
                     JOIN topics t ON t.id = rt.topic_id WHERE rt.recommendation_id = r.id)
                 FROM recommendations r JOIN recommendation_versions v
                   ON v.recommendation_id = r.id
                 WHERE r.id = ?1 ORDER BY v.version DESC LIMIT 1",
            )?
            .query_row([id], |r| {
                let status: RecommendationStatus = r.get(2)?;
                let topics: Option<String> = r.get(4)?;
                Ok(Shown {
                    title: r.get(0)?,
                    body: r.get(1)?,
                    context: [
                        topics,
                        Some(format!(
                            "Fassung {} ({})",
                            r.get::<_, i64>(3)?,
                            status.label()
                        )),
                    ]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(" · "),
                    session_id: None,
                })
            })
            .optional()?,
        SearchKind::Topic => conn
            .prepare_cached(
                "SELECT name, coalesce(description, ''),
                    (SELECT count(*) FROM practice_example_topics WHERE topic_id = t.id),
                    (SELECT count(*) FROM recommendation_topics WHERE topic_id = t.id)
                 FROM topics t WHERE id = ?1",
            )?
            .query_row([id], |r| {
                let examples: i64 = r.get(2)?;
                let recommendations: i64 = r.get(3)?;
                Ok(Shown {
                    title: r.get(0)?,
                    body: r.get(1)?,
                    context: format!(
                        "Themenfeld · {examples} Praxisbeispiele, {recommendations} Empfehlungen"
                    ),
                    session_id: None,
                })
            })
            .optional()?,
    };
    Ok(shown)
}

/// "39. Sitzung: Integration im ländlichen Raum", or just "39. Sitzung" when the title says so.
fn session_title(number: i64, title: &str) -> String {
    let prefix = format!("{number}. Sitzung");
    if title.starts_with(&prefix) {
        title.to_owned()
    } else {
        format!("{prefix}: {title}")
    }
}

/// Reads of the search index.
pub struct Search<'a> {
    pub(super) conn: &'a Connection,
}

impl Search<'_> {
    /// The records that match `query`, per kind: at most `limit` ids each, best first, and
    /// whether there are more.
    pub fn matches(&self, query: &Query, limit: usize) -> Result<Vec<KindMatches>> {
        matches(self.conn, query, limit)
    }

    /// How a record is shown in the results; `None` when it no longer exists.
    pub fn display(&self, kind: SearchKind, id: i64, today: NaiveDate) -> Result<Option<Shown>> {
        display(self.conn, kind, id, today)
    }

    /// Every entry as `(rowid, entity, entity_id, folded)`, by rowid.
    pub fn entries(&self) -> Result<Vec<(i64, String, i64, String)>> {
        entries(self.conn)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_has_its_own_rowid_range() {
        let person = rowid(SearchKind::Person, 7);
        let topic = rowid(SearchKind::Topic, 7);
        assert_ne!(person, topic, "the same id of two kinds must not collide");
        assert_eq!(person & ((1 << ID_BITS) - 1), 7);
        assert!(rowid(SearchKind::Person, (1 << ID_BITS) - 1) < rowid(SearchKind::Organisation, 0));
    }

    #[test]
    fn a_person_with_two_mandates_at_one_organisation_names_it_once() {
        let mut conn = Connection::open_in_memory().expect("open");
        super::super::schema::migrations()
            .to_latest(&mut conn)
            .expect("schema");
        conn.execute_batch(
            "INSERT INTO people (id, first_name, last_name, created_at, created_by, updated_at,
                updated_by) VALUES (1, 'Thị Lan', 'Nguyễn', 't', 'u', 't', 'u');
             INSERT INTO organisations (id, name, kind, created_at, created_by, updated_at,
                updated_by) VALUES (1, 'Stadt Köln', 'city', 't', 'u', 't', 'u'),
                (2, 'Deutscher Städtetag', 'umbrella_association', 't', 'u', 't', 'u');
             INSERT INTO mandates (person_id, organisation_id, role, start_date, end_date,
                created_at, created_by, updated_at, updated_by) VALUES
                (1, 1, 'permanent', '2020-01-01', '2022-12-31', 't', 'u', 't', 'u'),
                (1, 2, 'guest', '2021-01-01', NULL, 't', 'u', 't', 'u'),
                (1, 1, 'deputy', '2023-01-01', NULL, 't', 'u', 't', 'u');",
        )
        .expect("data");
        let text = person_document(&conn, 1).expect("read").expect("entry");
        assert_eq!(text.matches("Stadt Köln").count(), 1, "{text}");
        assert!(text.contains("Nguyễn"), "{text}");
        // In the order of the mandates, each organisation at its first.
        let koeln = text.find("Stadt Köln").expect("Köln");
        let staedtetag = text.find("Deutscher Städtetag").expect("Städtetag");
        assert!(koeln < staedtetag, "{text}");
        assert_eq!(person_document(&conn, 2).expect("read"), None);
    }
}
