//! Rows of topics, practice examples and recommendations (with their topics, versions and the
//! practice examples behind them). Their screens come in a later issue; the demo data is written
//! through these audited handles.

use chrono::NaiveDate;
use rusqlite::params;

use super::audit::{Action, Entity};
use super::Writer;
use crate::error::Result;
use crate::model::content::{RecommendationStatus, ReleaseStatus};

/// A new practice example.
#[derive(Debug, Clone)]
pub struct NewPracticeExample<'a> {
    /// Title.
    pub title: &'a str,
    /// Organisation.
    pub organisation_id: Option<i64>,
    /// Contact person.
    pub contact_person_id: Option<i64>,
    /// Summary.
    pub summary: Option<&'a str>,
    /// Body text.
    pub body: Option<&'a str>,
    /// Target groups.
    pub target_groups: Option<&'a str>,
    /// Since.
    pub since: Option<NaiveDate>,
    /// Link.
    pub link: Option<&'a str>,
    /// How far it is released.
    pub release_status: ReleaseStatus,
    /// Order in the brochure.
    pub brochure_position: Option<i64>,
    /// Topics.
    pub topic_ids: &'a [i64],
}

/// A new recommendation with its first version.
#[derive(Debug, Clone)]
pub struct NewRecommendation<'a> {
    /// Topics.
    pub topic_ids: &'a [i64],
    /// Title.
    pub title: &'a str,
    /// Text of version 1.
    pub body: &'a str,
    /// Draft or adopted.
    pub status: RecommendationStatus,
    /// Adopting session.
    pub adopted_at_session_id: Option<i64>,
    /// Published on.
    pub published_on: Option<NaiveDate>,
    /// Practice examples behind it.
    pub practice_example_ids: &'a [i64],
}

/// Audited writes of topics, practice examples and recommendations.
pub struct ContentMut<'w, 'a> {
    pub(super) w: &'w mut Writer<'a>,
}

impl ContentMut<'_, '_> {
    /// Inserts a topic.
    pub fn insert_topic(&mut self, name: &str, description: Option<&str>) -> Result<i64> {
        let at = self.w.at();
        self.w.conn().execute(
            "INSERT INTO topics (name, description, created_at, created_by, updated_at, updated_by)
             VALUES (?1, ?2, ?3, ?4, ?3, ?4)",
            params![name, description, at, self.w.user()],
        )?;
        let id = self.w.conn().last_insert_rowid();
        self.w.audit(Entity::Topic, Some(id), Action::Create, &[])?;
        Ok(id)
    }

    /// Inserts a practice example with its topics.
    pub fn insert_practice_example(&mut self, p: &NewPracticeExample<'_>) -> Result<i64> {
        let at = self.w.at();
        self.w.conn().execute(
            "INSERT INTO practice_examples (title, organisation_id, contact_person_id, summary, body,
                target_groups, since, link, release_status, brochure_position, created_at,
                created_by, updated_at, updated_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?11, ?12)",
            params![
                p.title,
                p.organisation_id,
                p.contact_person_id,
                p.summary,
                p.body,
                p.target_groups,
                p.since,
                p.link,
                p.release_status,
                p.brochure_position,
                at,
                self.w.user(),
            ],
        )?;
        let id = self.w.conn().last_insert_rowid();
        for topic in p.topic_ids {
            self.w.conn().execute(
                "INSERT INTO practice_example_topics (practice_example_id, topic_id) VALUES (?1, ?2)",
                params![id, topic],
            )?;
        }
        self.w
            .audit(Entity::PracticeExample, Some(id), Action::Create, &[])?;
        Ok(id)
    }

    /// Inserts a recommendation, its topics, its first version and its practice examples.
    pub fn insert_recommendation(&mut self, r: &NewRecommendation<'_>) -> Result<i64> {
        let at = self.w.at();
        let user = self.w.user().to_owned();
        let conn = self.w.conn();
        conn.execute(
            "INSERT INTO recommendations (title, created_at, created_by, updated_at, updated_by)
             VALUES (?1, ?2, ?3, ?2, ?3)",
            params![r.title, at, user],
        )?;
        let id = conn.last_insert_rowid();
        for topic in r.topic_ids {
            conn.execute(
                "INSERT INTO recommendation_topics (recommendation_id, topic_id) VALUES (?1, ?2)",
                params![id, topic],
            )?;
        }
        conn.execute(
            "INSERT INTO recommendation_versions (recommendation_id, version, body, status,
                adopted_at_session_id, published_on, created_at, created_by, updated_at,
                updated_by)
             VALUES (?1, 1, ?2, ?3, ?4, ?5, ?6, ?7, ?6, ?7)",
            params![
                id,
                r.body,
                r.status,
                r.adopted_at_session_id,
                r.published_on,
                at,
                user
            ],
        )?;
        for example in r.practice_example_ids {
            conn.execute(
                "INSERT INTO recommendation_practice_examples (recommendation_id, practice_example_id)
                 VALUES (?1, ?2)",
                params![id, example],
            )?;
        }
        self.w
            .audit(Entity::Recommendation, Some(id), Action::Create, &[])?;
        Ok(id)
    }
}
