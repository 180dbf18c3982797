//! The FTS5 search index over people and organisations. The store keeps it current in the same
//! transaction as every write; `folded` holds a transliteration so that a search typed without
//! special letters ("Sukru", "Lukasz") finds the names as written.

use rusqlite::{params, Connection};

use crate::error::Result;
use crate::model::text::fold;

/// A search hit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// "person" or "organisation".
    pub entity: String,
    /// The record's id.
    pub entity_id: i64,
    /// Its title (name).
    pub title: String,
}

/// The FTS rowid of a record: the entity's code in the high bits, its id in the low 40 bits.
/// Deleting by rowid is a direct lookup; `WHERE entity = ? AND entity_id = ?` would scan the whole
/// index, since FTS5 cannot index those columns (10,000 imported people took 12 s that way).
fn rowid(entity: &str, entity_id: i64) -> i64 {
    let code: i64 = match entity {
        "person" => 1,
        "organisation" => 2,
        "session" => 3,
        "minutes" => 4,
        "practice_example" => 5,
        "recommendation" => 6,
        "topic" => 7,
        _ => 63,
    };
    (code << 40) | (entity_id & ((1 << 40) - 1))
}

/// Replaces the index entry of one record.
pub fn put(conn: &Connection, entity: &str, entity_id: i64, title: &str, body: &str) -> Result<()> {
    remove(conn, entity, entity_id)?;
    insert(conn, entity, entity_id, title, body)
}

/// Adds the index entry of a record that has none yet (created in the same transaction).
pub fn insert(
    conn: &Connection,
    entity: &str,
    entity_id: i64,
    title: &str,
    body: &str,
) -> Result<()> {
    let folded = fold(&format!("{title} {body}"));
    conn.prepare_cached(
        "INSERT INTO search_index (rowid, entity, entity_id, title, body, folded)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![
        rowid(entity, entity_id),
        entity,
        entity_id,
        title,
        body,
        folded
    ])?;
    Ok(())
}

/// Removes the index entry of one record.
pub fn remove(conn: &Connection, entity: &str, entity_id: i64) -> Result<()> {
    conn.prepare_cached("DELETE FROM search_index WHERE rowid = ?1")?
        .execute([rowid(entity, entity_id)])?;
    Ok(())
}

/// Finds records whose text contains words starting with each word of `query` (diacritics and
/// case ignored). The query is user text: it is turned into quoted prefix terms, never passed
/// through as FTS syntax.
pub fn query(conn: &Connection, query: &str, limit: usize) -> Result<Vec<Hit>> {
    let terms: Vec<String> = fold(query)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .map(|t| format!("\"{t}\"*"))
        .collect();
    if terms.is_empty() {
        return Ok(Vec::new());
    }
    let expression = format!("folded : ({})", terms.join(" AND "));
    let mut stmt = conn.prepare(
        "SELECT entity, entity_id, title FROM search_index WHERE search_index MATCH ?1
         ORDER BY rank LIMIT ?2",
    )?;
    let limit = i64::try_from(limit).unwrap_or(i64::MAX);
    let hits = stmt.query_map(params![expression, limit], |r| {
        Ok(Hit {
            entity: r.get(0)?,
            entity_id: r.get(1)?,
            title: r.get(2)?,
        })
    })?;
    Ok(hits.collect::<rusqlite::Result<_>>()?)
}
