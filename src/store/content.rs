//! Rows of topics, practice examples and recommendations. Their screens come in later issues;
//! for now the demo data is written through these functions.

use chrono::NaiveDate;
use rusqlite::{params, Connection};

use super::{iso, iso_time};
use crate::error::Result;
use crate::model::Stamp;

/// Inserts a topic.
pub fn insert_topic(conn: &Connection, name: &str, description: Option<&str>) -> Result<i64> {
    conn.execute(
        "INSERT INTO topics (name, description) VALUES (?1, ?2)",
        params![name, description],
    )?;
    Ok(conn.last_insert_rowid())
}

/// A new practice example.
#[derive(Debug, Clone)]
pub struct NewPracticeExample<'a> {
    /// Title.
    pub title: &'a str,
    /// Organisation.
    pub organisation_id: Option<i64>,
    /// Contact.
    pub contact_person_id: Option<i64>,
    /// Summary.
    pub summary: Option<&'a str>,
    /// Body.
    pub body: Option<&'a str>,
    /// Target groups.
    pub target_groups: Option<&'a str>,
    /// Since.
    pub since: Option<NaiveDate>,
    /// Link.
    pub link: Option<&'a str>,
    /// In the brochure.
    pub in_brochure: bool,
    /// Topics.
    pub topic_ids: &'a [i64],
}

/// Inserts a practice example with its topics.
pub fn insert_practice_example(
    conn: &Connection,
    stamp: &Stamp,
    p: &NewPracticeExample<'_>,
) -> Result<i64> {
    let at = iso_time(stamp.at);
    conn.execute(
        "INSERT INTO practice_examples (title, organisation_id, contact_person_id, summary, body,
            target_groups, since, link, in_brochure, created_at, created_by, updated_at, updated_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?10, ?11)",
        params![
            p.title,
            p.organisation_id,
            p.contact_person_id,
            p.summary,
            p.body,
            p.target_groups,
            p.since.map(iso),
            p.link,
            p.in_brochure,
            at,
            stamp.user
        ],
    )?;
    let id = conn.last_insert_rowid();
    for topic_id in p.topic_ids {
        conn.execute(
            "INSERT INTO practice_example_topics (practice_example_id, topic_id) VALUES (?1, ?2)",
            params![id, topic_id],
        )?;
    }
    Ok(id)
}

/// A new recommendation.
#[derive(Debug, Clone)]
pub struct NewRecommendation<'a> {
    /// Topic.
    pub topic_id: i64,
    /// Title.
    pub title: &'a str,
    /// Body.
    pub body: &'a str,
    /// Adopting session.
    pub adopted_at_session_id: Option<i64>,
    /// Published on.
    pub published_on: Option<NaiveDate>,
}

/// Inserts a recommendation.
pub fn insert_recommendation(
    conn: &Connection,
    stamp: &Stamp,
    r: &NewRecommendation<'_>,
) -> Result<i64> {
    let at = iso_time(stamp.at);
    conn.execute(
        "INSERT INTO recommendations (topic_id, title, body, adopted_at_session_id, published_on,
            created_at, created_by, updated_at, updated_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?6, ?7)",
        params![
            r.topic_id,
            r.title,
            r.body,
            r.adopted_at_session_id,
            r.published_on.map(iso),
            at,
            stamp.user
        ],
    )?;
    Ok(conn.last_insert_rowid())
}
