//! Rows of topics, practice examples and recommendations (with their topics, versions and the
//! practice examples behind them): the reads of their screens and their audited writes, which
//! also mark each touched record for the search index.

use chrono::NaiveDate;
use rusqlite::{params, Connection, Row};

use super::audit::{Action, Entity};
use super::documents::name_from;
use super::sessions::TopicRef;
use super::{by_id, decode, Indexed, Writer};
use crate::error::{Error, Result};
use crate::model::content::{
    PracticeExampleDetail, PracticeExampleFields, PracticeExampleRef, PracticeExampleRow,
    RecommendationDetail, RecommendationFields, RecommendationListRow, RecommendationRef,
    RecommendationStatus, RecommendationVersion, ReleaseStatus, TopicFields, TopicRow, TopicUses,
};
use crate::model::{date, History};

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

impl<'a> NewPracticeExample<'a> {
    /// A new example from the validated form.
    pub fn from_fields(f: &'a PracticeExampleFields) -> Self {
        NewPracticeExample {
            title: &f.title,
            organisation_id: f.organisation_id,
            contact_person_id: f.contact_person_id,
            summary: f.summary.as_deref(),
            body: f.body.as_deref(),
            target_groups: f.target_groups.as_deref(),
            since: f.since,
            link: f.link.as_deref(),
            release_status: f.release_status,
            brochure_position: None,
            topic_ids: &f.topic_ids,
        }
    }
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
        self.w.mark_created(Indexed::Topic, id);
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
        self.w.mark_created(Indexed::PracticeExample, id);
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
        self.w.mark_created(Indexed::Recommendation, id);
        self.w
            .audit(Entity::Recommendation, Some(id), Action::Create, &[])?;
        Ok(id)
    }

    /// Renames or describes a topic.
    pub fn update_topic(&mut self, id: i64, f: &TopicFields) -> Result<()> {
        let changed = self.w.conn().execute(
            "UPDATE topics SET name = ?2, description = ?3, updated_at = ?4, updated_by = ?5
             WHERE id = ?1",
            params![id, f.name, f.description, self.w.at(), self.w.user()],
        )?;
        if changed == 0 {
            return Err(Error::NotFound {
                entity: "topic",
                id,
            });
        }
        self.w.mark_stale(Indexed::Topic, id);
        self.w.audit(
            Entity::Topic,
            Some(id),
            Action::Update,
            &["name", "description"],
        )
    }

    /// Moves every use of topic `from` to `into` (a record that has both keeps one) and deletes
    /// `from`.
    pub fn merge_topic(&mut self, from: i64, into: i64) -> Result<()> {
        for (table, owner) in [
            ("agenda_item_topics", "agenda_item_id"),
            ("practice_example_topics", "practice_example_id"),
            ("recommendation_topics", "recommendation_id"),
        ] {
            self.w.conn().execute(
                &format!(
                    "INSERT OR IGNORE INTO {table} ({owner}, topic_id)
                     SELECT {owner}, ?2 FROM {table} WHERE topic_id = ?1"
                ),
                params![from, into],
            )?;
            self.w
                .conn()
                .execute(&format!("DELETE FROM {table} WHERE topic_id = ?1"), [from])?;
        }
        self.w
            .audit(Entity::Topic, Some(into), Action::Update, &["merged"])?;
        self.delete_topic(from)
    }

    /// Deletes a topic nothing uses (the op checks).
    pub fn delete_topic(&mut self, id: i64) -> Result<()> {
        self.w.delete_row("topics", Entity::Topic, "topic", id)?;
        self.w.mark_stale(Indexed::Topic, id);
        Ok(())
    }

    /// Saves the form over a practice example (its topics replaced).
    pub fn update_practice_example(&mut self, id: i64, f: &PracticeExampleFields) -> Result<()> {
        let changed = self.w.conn().execute(
            "UPDATE practice_examples SET title = ?2, organisation_id = ?3,
                contact_person_id = ?4, summary = ?5, body = ?6, target_groups = ?7, since = ?8,
                link = ?9, release_status = ?10, updated_at = ?11, updated_by = ?12
             WHERE id = ?1",
            params![
                id,
                f.title,
                f.organisation_id,
                f.contact_person_id,
                f.summary,
                f.body,
                f.target_groups,
                f.since,
                f.link,
                f.release_status,
                self.w.at(),
                self.w.user()
            ],
        )?;
        if changed == 0 {
            return Err(Error::NotFound {
                entity: "practice_example",
                id,
            });
        }
        replace_links(
            self.w.conn(),
            ("practice_example_topics", "practice_example_id", "topic_id"),
            id,
            &f.topic_ids,
        )?;
        self.w.mark_stale(Indexed::PracticeExample, id);
        self.w.audit(
            Entity::PracticeExample,
            Some(id),
            Action::Update,
            &[
                "title",
                "organisation_id",
                "contact_person_id",
                "topic_ids",
                "summary",
                "body",
                "target_groups",
                "since",
                "link",
                "release_status",
            ],
        )
    }

    /// Deletes a practice example (the op checks that no recommendation rests on it).
    pub fn delete_practice_example(&mut self, id: i64) -> Result<()> {
        self.w.delete_row(
            "practice_examples",
            Entity::PracticeExample,
            "practice_example",
            id,
        )?;
        self.w.mark_stale(Indexed::PracticeExample, id);
        Ok(())
    }

    /// Sets the brochure order: `ids` get the positions 1, 2, …; every other example none.
    pub fn set_brochure_order(&mut self, ids: &[i64]) -> Result<()> {
        self.w.conn().execute(
            "UPDATE practice_examples SET brochure_position = NULL
             WHERE brochure_position IS NOT NULL",
            [],
        )?;
        for (position, id) in (1_i64..).zip(ids) {
            self.w.conn().execute(
                "UPDATE practice_examples SET brochure_position = ?2 WHERE id = ?1",
                params![id, position],
            )?;
        }
        self.w.audit(
            Entity::PracticeExample,
            None,
            Action::Update,
            &["brochure_position"],
        )
    }

    /// Saves title, topics and practice examples of a recommendation.
    pub fn update_recommendation(&mut self, id: i64, f: &RecommendationFields) -> Result<()> {
        let changed = self.w.conn().execute(
            "UPDATE recommendations SET title = ?2, updated_at = ?3, updated_by = ?4 WHERE id = ?1",
            params![id, f.title, self.w.at(), self.w.user()],
        )?;
        if changed == 0 {
            return Err(Error::NotFound {
                entity: "recommendation",
                id,
            });
        }
        replace_links(
            self.w.conn(),
            ("recommendation_topics", "recommendation_id", "topic_id"),
            id,
            &f.topic_ids,
        )?;
        replace_links(
            self.w.conn(),
            (
                "recommendation_practice_examples",
                "recommendation_id",
                "practice_example_id",
            ),
            id,
            &f.practice_example_ids,
        )?;
        self.w.mark_stale(Indexed::Recommendation, id);
        self.w.audit(
            Entity::Recommendation,
            Some(id),
            Action::Update,
            &["title", "topic_ids", "practice_example_ids"],
        )
    }

    /// Changes the text of a draft version (the op checks that it is one).
    pub fn set_draft_text(
        &mut self,
        recommendation_id: i64,
        version_id: i64,
        body: &str,
    ) -> Result<()> {
        self.w.conn().execute(
            "UPDATE recommendation_versions SET body = ?2, updated_at = ?3, updated_by = ?4
             WHERE id = ?1 AND status = 'draft'",
            params![version_id, body, self.w.at(), self.w.user()],
        )?;
        self.touch_recommendation(recommendation_id, &["body"])
    }

    /// Adds a new draft version `version` of a recommendation.
    pub fn insert_version(
        &mut self,
        recommendation_id: i64,
        version: i64,
        body: &str,
        change_note: &str,
    ) -> Result<()> {
        let at = self.w.at();
        self.w.conn().execute(
            "INSERT INTO recommendation_versions (recommendation_id, version, body, status,
                change_note, created_at, created_by, updated_at, updated_by)
             VALUES (?1, ?2, ?3, 'draft', ?4, ?5, ?6, ?5, ?6)",
            params![
                recommendation_id,
                version,
                body,
                change_note,
                at,
                self.w.user()
            ],
        )?;
        self.touch_recommendation(recommendation_id, &["version", "body", "change_note"])
    }

    /// Adopts a draft version at a session.
    pub fn adopt_version(
        &mut self,
        recommendation_id: i64,
        version_id: i64,
        session_id: i64,
        published_on: Option<NaiveDate>,
    ) -> Result<()> {
        self.w.conn().execute(
            "UPDATE recommendation_versions SET status = 'adopted', adopted_at_session_id = ?2,
                published_on = ?3, updated_at = ?4, updated_by = ?5
             WHERE id = ?1 AND status = 'draft'",
            params![
                version_id,
                session_id,
                published_on,
                self.w.at(),
                self.w.user()
            ],
        )?;
        self.w.conn().execute(
            "UPDATE recommendations SET updated_at = ?2, updated_by = ?3 WHERE id = ?1",
            params![recommendation_id, self.w.at(), self.w.user()],
        )?;
        self.w
            .mark_stale(Indexed::Recommendation, recommendation_id);
        self.w.audit(
            Entity::Recommendation,
            Some(recommendation_id),
            Action::Approve,
            &["status", "adopted_at_session_id", "published_on"],
        )
    }

    /// Deletes a recommendation with its versions (the op checks that none is adopted).
    pub fn delete_recommendation(&mut self, id: i64) -> Result<()> {
        self.w.delete_row(
            "recommendations",
            Entity::Recommendation,
            "recommendation",
            id,
        )?;
        self.w.mark_stale(Indexed::Recommendation, id);
        Ok(())
    }

    fn touch_recommendation(&mut self, id: i64, fields: &[&str]) -> Result<()> {
        self.w.conn().execute(
            "UPDATE recommendations SET updated_at = ?2, updated_by = ?3 WHERE id = ?1",
            params![id, self.w.at(), self.w.user()],
        )?;
        self.w.mark_stale(Indexed::Recommendation, id);
        self.w
            .audit(Entity::Recommendation, Some(id), Action::Update, fields)
    }
}

/// Replaces the links of `owner_id` in a link table by `ids`. Table and columns are the
/// handles' own constants.
fn replace_links(
    conn: &Connection,
    (table, owner, target): (&str, &str, &str),
    owner_id: i64,
    ids: &[i64],
) -> Result<()> {
    conn.execute(
        &format!("DELETE FROM {table} WHERE {owner} = ?1"),
        [owner_id],
    )?;
    for id in ids {
        conn.execute(
            &format!("INSERT INTO {table} ({owner}, {target}) VALUES (?1, ?2)"),
            params![owner_id, id],
        )?;
    }
    Ok(())
}

/// Reads of topics, practice examples and recommendations.
pub struct Content<'a> {
    pub(super) conn: &'a Connection,
}

const TOPIC_ROW: &str = "SELECT t.id, t.name, t.description,
        (SELECT count(*) FROM agenda_item_topics WHERE topic_id = t.id),
        (SELECT count(*) FROM practice_example_topics WHERE topic_id = t.id),
        (SELECT count(*) FROM recommendation_topics WHERE topic_id = t.id)
     FROM topics t";

fn topic_row(r: &Row<'_>) -> rusqlite::Result<TopicRow> {
    Ok(TopicRow {
        id: r.get(0)?,
        name: r.get(1)?,
        description: r.get(2)?,
        uses: TopicUses {
            agenda_items: r.get(3)?,
            practice_examples: r.get(4)?,
            recommendations: r.get(5)?,
        },
    })
}

fn history(r: &Row<'_>, first: usize) -> rusqlite::Result<History> {
    Ok(History {
        created_at: r.get(first)?,
        created_by: r.get(first + 1)?,
        updated_at: r.get(first + 2)?,
        updated_by: r.get(first + 3)?,
    })
}

impl Content<'_> {
    /// Every topic with its uses, in the order they were defined.
    pub fn topics(&self) -> Result<Vec<TopicRow>> {
        let mut stmt = self.conn.prepare(&format!("{TOPIC_ROW} ORDER BY t.id"))?;
        let rows = stmt
            .query_map([], topic_row)?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// One topic.
    pub fn topic(&self, id: i64) -> Result<TopicRow> {
        by_id(
            self.conn,
            &format!("{TOPIC_ROW} WHERE t.id = ?1"),
            id,
            "topic",
            topic_row,
        )
    }

    /// The topics of a practice example or recommendation: `table` is a link table constant.
    fn topics_of(&self, table: &str, owner: &str, id: i64) -> Result<Vec<TopicRef>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT t.id, t.name FROM {table} l JOIN topics t ON t.id = l.topic_id
             WHERE l.{owner} = ?1 ORDER BY t.id"
        ))?;
        let rows = stmt
            .query_map([id], |r| {
                Ok(TopicRef {
                    id: r.get(0)?,
                    name: r.get(1)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// Every practice example as a list row, by title.
    pub fn practice_example_rows(&self) -> Result<Vec<PracticeExampleRow>> {
        let mut stmt = self.conn.prepare(
            "SELECT e.id, e.title, e.organisation_id, o.name, o.state, e.release_status, e.since,
                e.brochure_position, e.updated_at
             FROM practice_examples e LEFT JOIN organisations o ON o.id = e.organisation_id
             ORDER BY e.title, e.id",
        )?;
        let mut rows: Vec<PracticeExampleRow> = stmt
            .query_map([], |r| {
                decode("practice_examples", r, |r| {
                    Ok(PracticeExampleRow {
                        id: r.get(0)?,
                        title: r.get(1)?,
                        organisation_id: r.get(2)?,
                        organisation: r.get(3)?,
                        state: r.get(4)?,
                        topics: Vec::new(),
                        release_status: r.get(5)?,
                        since: r.get(6)?,
                        brochure_position: r.get(7)?,
                        updated_at: r.get(8)?,
                    })
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        for row in &mut rows {
            row.topics =
                self.topics_of("practice_example_topics", "practice_example_id", row.id)?;
        }
        Ok(rows)
    }

    /// One practice example in full.
    pub fn practice_example(&self, id: i64) -> Result<PracticeExampleDetail> {
        let mut detail = by_id(
            self.conn,
            "SELECT e.id, e.title, e.organisation_id, o.name, e.contact_person_id, p.title,
                p.first_name, p.name_particle, p.last_name, e.summary, e.body, e.target_groups,
                e.since, e.link, e.release_status, e.brochure_position, e.created_at,
                e.created_by, e.updated_at, e.updated_by
             FROM practice_examples e LEFT JOIN organisations o ON o.id = e.organisation_id
             LEFT JOIN people p ON p.id = e.contact_person_id WHERE e.id = ?1",
            id,
            "practice_example",
            |r| {
                decode("practice_examples", r, |r| {
                    let contact_person = name_from(r, 5)?.map(|(full, _)| full);
                    Ok(PracticeExampleDetail {
                        id: r.get(0)?,
                        title: r.get(1)?,
                        organisation_id: r.get(2)?,
                        organisation: r.get(3)?,
                        contact_person_id: r.get(4)?,
                        contact_person,
                        topics: Vec::new(),
                        summary: r.get(9)?,
                        body: r.get(10)?,
                        target_groups: r.get(11)?,
                        since: r.get(12)?,
                        link: r.get(13)?,
                        release_status: r.get(14)?,
                        brochure_position: r.get(15)?,
                        recommendations: Vec::new(),
                        history: history(r, 16)?,
                    })
                })
            },
        )?;
        detail.topics = self.topics_of("practice_example_topics", "practice_example_id", id)?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT r.id, r.title FROM recommendation_practice_examples l
             JOIN recommendations r ON r.id = l.recommendation_id
             WHERE l.practice_example_id = ?1 ORDER BY r.title",
        )?;
        detail.recommendations = stmt
            .query_map([id], |r| {
                Ok(RecommendationRef {
                    id: r.get(0)?,
                    title: r.get(1)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(detail)
    }

    /// Every recommendation as a list row, by title, with the folded text of its current
    /// version for the list's text filter.
    pub fn recommendation_rows(&self) -> Result<Vec<(RecommendationListRow, String)>> {
        let mut stmt = self.conn.prepare(
            "SELECT r.id, r.title, v.version, v.status, v.body, r.updated_at,
                (SELECT s.number FROM recommendation_versions a JOIN sessions s
                   ON s.id = a.adopted_at_session_id
                 WHERE a.recommendation_id = r.id AND a.status = 'adopted'
                 ORDER BY a.version DESC LIMIT 1),
                (SELECT a.published_on FROM recommendation_versions a
                 WHERE a.recommendation_id = r.id AND a.status = 'adopted'
                 ORDER BY a.version DESC LIMIT 1)
             FROM recommendations r JOIN recommendation_versions v ON v.recommendation_id = r.id
               AND v.version = (SELECT max(version) FROM recommendation_versions
                                WHERE recommendation_id = r.id)
             ORDER BY r.title, r.id",
        )?;
        let mut rows: Vec<(RecommendationListRow, String)> = stmt
            .query_map([], |r| {
                decode("recommendations", r, |r| {
                    Ok((
                        RecommendationListRow {
                            id: r.get(0)?,
                            title: r.get(1)?,
                            topics: Vec::new(),
                            version: r.get(2)?,
                            status: r.get(3)?,
                            adopted_at_session: r.get(6)?,
                            published_on: r.get(7)?,
                            updated_at: r.get(5)?,
                        },
                        r.get(4)?,
                    ))
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        for (row, _) in &mut rows {
            row.topics = self.topics_of("recommendation_topics", "recommendation_id", row.id)?;
        }
        Ok(rows)
    }

    /// One recommendation in full.
    pub fn recommendation(&self, id: i64) -> Result<RecommendationDetail> {
        let (title, history) = by_id(
            self.conn,
            "SELECT title, created_at, created_by, updated_at, updated_by
             FROM recommendations WHERE id = ?1",
            id,
            "recommendation",
            |r| Ok((r.get::<_, String>(0)?, history(r, 1)?)),
        )?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT v.id, v.version, v.body, v.status, v.adopted_at_session_id, s.number,
                s.first_day, v.published_on, v.change_note, v.created_at, v.created_by
             FROM recommendation_versions v LEFT JOIN sessions s ON s.id = v.adopted_at_session_id
             WHERE v.recommendation_id = ?1 ORDER BY v.version DESC",
        )?;
        let versions: Vec<RecommendationVersion> = stmt
            .query_map([id], |r| {
                decode("recommendation_versions", r, |r| {
                    let number: Option<i64> = r.get(5)?;
                    let day: Option<NaiveDate> = r.get(6)?;
                    Ok(RecommendationVersion {
                        id: r.get(0)?,
                        version: r.get(1)?,
                        body: r.get(2)?,
                        status: r.get(3)?,
                        adopted_at_session_id: r.get(4)?,
                        adopted_at_session: number.map(|n| match day {
                            Some(day) => format!("{n}. Sitzung, {}", date::german(day)),
                            None => format!("{n}. Sitzung"),
                        }),
                        published_on: r.get(7)?,
                        change_note: r.get(8)?,
                        created_at: r.get(9)?,
                        created_by: r.get(10)?,
                    })
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT e.id, e.title, o.name FROM recommendation_practice_examples l
             JOIN practice_examples e ON e.id = l.practice_example_id
             LEFT JOIN organisations o ON o.id = e.organisation_id
             WHERE l.recommendation_id = ?1 ORDER BY e.title",
        )?;
        let practice_examples = stmt
            .query_map([id], |r| {
                Ok(PracticeExampleRef {
                    id: r.get(0)?,
                    title: r.get(1)?,
                    organisation: r.get(2)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let editable = versions
            .first()
            .is_some_and(|v| v.status == RecommendationStatus::Draft);
        Ok(RecommendationDetail {
            id,
            title,
            topics: self.topics_of("recommendation_topics", "recommendation_id", id)?,
            practice_examples,
            versions,
            editable,
            history,
        })
    }

    /// The practice examples of an organisation, by title.
    pub fn practice_examples_of(&self, organisation_id: i64) -> Result<Vec<PracticeExampleRef>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT e.id, e.title, o.name FROM practice_examples e
             JOIN organisations o ON o.id = e.organisation_id
             WHERE e.organisation_id = ?1 ORDER BY e.title, e.id",
        )?;
        let examples = stmt
            .query_map([organisation_id], |r| {
                Ok(PracticeExampleRef {
                    id: r.get(0)?,
                    title: r.get(1)?,
                    organisation: r.get(2)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(examples)
    }

    /// The ids among `ids` that are not practice examples.
    pub fn missing_practice_examples(&self, ids: &[i64]) -> Result<Vec<i64>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT count(*) FROM practice_examples WHERE id = ?1")?;
        let mut missing = Vec::new();
        for id in ids {
            if stmt.query_row([id], |r| r.get::<_, i64>(0))? == 0 {
                missing.push(*id);
            }
        }
        Ok(missing)
    }
}
