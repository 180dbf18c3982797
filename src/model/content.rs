//! Practice examples and recommendations: their release and adoption states.

use super::stored::stored_enum;

stored_enum! {
    /// How far a practice example is released; only released ones go into the brochure.
    ReleaseStatus ("Freigabestatus") {
        /// Being written.
        Draft = "draft" => "Entwurf",
        /// Agreed with the municipality it describes.
        Agreed = "agreed" => "mit Kommune abgestimmt",
        /// Released for publication.
        Released = "released" => "zur Veröffentlichung freigegeben",
    }
}

stored_enum! {
    /// The state of one version of a recommendation's text.
    RecommendationStatus ("Status der Empfehlung") {
        /// A draft under discussion.
        Draft = "draft" => "Entwurf",
        /// Adopted by the group at a session.
        Adopted = "adopted" => "beschlossen",
    }
}

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::field::{Field, FieldError, Problems};
use super::{date, text, History};
use crate::store::sessions::TopicRef;

/// Where a topic is used.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TopicUses {
    /// Agenda items.
    pub agenda_items: i64,
    /// Practice examples.
    pub practice_examples: i64,
    /// Recommendations.
    pub recommendations: i64,
}

impl TopicUses {
    /// True when nothing carries the topic.
    pub fn is_empty(&self) -> bool {
        self.agenda_items == 0 && self.practice_examples == 0 && self.recommendations == 0
    }
}

/// A topic (Themenfeld) with its uses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TopicRow {
    /// Id.
    pub id: i64,
    /// Name.
    pub name: String,
    /// Description.
    pub description: Option<String>,
    /// Where it is used.
    pub uses: TopicUses,
}

/// What the topic form sends.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct TopicInput {
    /// Name.
    pub name: String,
    /// Description.
    pub description: String,
}

/// A validated topic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopicFields {
    /// Name.
    pub name: String,
    /// Description.
    pub description: Option<String>,
}

impl TopicInput {
    /// Checks every field.
    pub fn validate(&self) -> Result<TopicFields, Vec<FieldError>> {
        let mut problems = Problems::new();
        let name = text::optional(&self.name);
        match &name {
            None => problems.add(Field::Name, "Name: Bitte einen Namen angeben."),
            Some(n) if n.chars().count() > 120 => {
                problems.add(Field::Name, "Name: Höchstens 120 Zeichen.");
            }
            Some(_) => {}
        }
        problems.finish(|| ())?;
        Ok(TopicFields {
            name: name.unwrap_or_default(),
            description: text::optional(&self.description),
        })
    }
}

/// Filters of the practice-example list.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct PracticeExampleFilter {
    /// Words that title, summary or organisation must contain (as word prefixes).
    pub text: String,
    /// Only examples with this topic.
    pub topic_id: Option<i64>,
    /// Only examples of this organisation.
    pub organisation_id: Option<i64>,
    /// Only examples from this Land (of the organisation).
    pub state: Option<String>,
    /// Only examples with this release status.
    pub release_status: Option<ReleaseStatus>,
}

/// A row of the practice-example list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PracticeExampleRow {
    /// Id.
    pub id: i64,
    /// Title.
    pub title: String,
    /// Organisation.
    pub organisation_id: Option<i64>,
    /// Its name.
    pub organisation: Option<String>,
    /// Its Land.
    pub state: Option<String>,
    /// Topics.
    pub topics: Vec<TopicRef>,
    /// Release status.
    pub release_status: ReleaseStatus,
    /// Since when it runs.
    pub since: Option<chrono::NaiveDate>,
    /// Place in the brochure.
    pub brochure_position: Option<i64>,
    /// Last change.
    pub updated_at: String,
}

/// The filtered list and the number of all examples.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PracticeExampleList {
    /// Rows shown.
    pub rows: Vec<PracticeExampleRow>,
    /// All examples.
    pub total: i64,
}

/// A recommendation, by id and title.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RecommendationRef {
    /// Id.
    pub id: i64,
    /// Title.
    pub title: String,
}

/// A practice example in full.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PracticeExampleDetail {
    /// Id.
    pub id: i64,
    /// Title.
    pub title: String,
    /// Organisation.
    pub organisation_id: Option<i64>,
    /// Its name.
    pub organisation: Option<String>,
    /// Contact person.
    pub contact_person_id: Option<i64>,
    /// Their name.
    pub contact_person: Option<String>,
    /// Topics.
    pub topics: Vec<TopicRef>,
    /// Summary.
    pub summary: Option<String>,
    /// Text (the Markdown subset of the minutes).
    pub body: Option<String>,
    /// Target groups.
    pub target_groups: Option<String>,
    /// Since when.
    pub since: Option<chrono::NaiveDate>,
    /// Web link.
    pub link: Option<String>,
    /// Release status.
    pub release_status: ReleaseStatus,
    /// Place in the brochure.
    pub brochure_position: Option<i64>,
    /// The recommendations that rest on it.
    pub recommendations: Vec<RecommendationRef>,
    /// Created / changed.
    pub history: History,
}

/// What the practice-example form sends.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct PracticeExampleInput {
    /// Title.
    pub title: String,
    /// Organisation.
    pub organisation_id: Option<i64>,
    /// Contact person.
    pub contact_person_id: Option<i64>,
    /// Topics.
    pub topic_ids: Vec<i64>,
    /// Summary.
    pub summary: String,
    /// Text.
    pub body: String,
    /// Target groups.
    pub target_groups: String,
    /// Since when, TT.MM.JJJJ or empty.
    pub since: String,
    /// Web link (http or https), or empty.
    pub link: String,
    /// Release status.
    pub release_status: ReleaseStatus,
}

impl Default for PracticeExampleInput {
    fn default() -> Self {
        PracticeExampleInput {
            title: String::new(),
            organisation_id: None,
            contact_person_id: None,
            topic_ids: Vec::new(),
            summary: String::new(),
            body: String::new(),
            target_groups: String::new(),
            since: String::new(),
            link: String::new(),
            release_status: ReleaseStatus::Draft,
        }
    }
}

/// A validated practice example.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PracticeExampleFields {
    /// Title.
    pub title: String,
    /// Organisation.
    pub organisation_id: Option<i64>,
    /// Contact person.
    pub contact_person_id: Option<i64>,
    /// Topics, each once.
    pub topic_ids: Vec<i64>,
    /// Summary.
    pub summary: Option<String>,
    /// Text.
    pub body: Option<String>,
    /// Target groups.
    pub target_groups: Option<String>,
    /// Since.
    pub since: Option<chrono::NaiveDate>,
    /// Link.
    pub link: Option<String>,
    /// Release status.
    pub release_status: ReleaseStatus,
}

/// Checks a web link: empty, or http(s) with a host.
fn link(problems: &mut Problems, field: Field, label: &str, value: &str) -> Option<String> {
    let value = text::optional(value)?;
    let rest = value
        .strip_prefix("https://")
        .or_else(|| value.strip_prefix("http://"));
    match rest {
        Some(host) if !host.is_empty() && !value.chars().any(char::is_whitespace) => Some(value),
        _ => {
            problems.add(
                field,
                format!(
                    "{label}: „{value}“ ist keine Webadresse. Bitte mit https:// oder http:// \
                     angeben."
                ),
            );
            None
        }
    }
}

/// The ids, each once, in the order given.
fn unique(ids: &[i64]) -> Vec<i64> {
    let mut seen = Vec::with_capacity(ids.len());
    for id in ids {
        if !seen.contains(id) {
            seen.push(*id);
        }
    }
    seen
}

impl PracticeExampleInput {
    /// Checks every field; references to stored records are checked by the op.
    pub fn validate(&self) -> Result<PracticeExampleFields, Vec<FieldError>> {
        let mut problems = Problems::new();
        let title = text::optional(&self.title);
        match &title {
            None => problems.add(Field::Title, "Titel: Bitte einen Titel angeben."),
            Some(t) if t.chars().count() > 200 => {
                problems.add(Field::Title, "Titel: Höchstens 200 Zeichen.");
            }
            Some(_) => {}
        }
        let since = problems
            .take(date::parse_optional(Field::Since, "Seit", &self.since))
            .flatten();
        let link = link(&mut problems, Field::Link, "Link", &self.link);
        problems.finish(|| ())?;
        Ok(PracticeExampleFields {
            title: title.unwrap_or_default(),
            organisation_id: self.organisation_id,
            contact_person_id: self.contact_person_id,
            topic_ids: unique(&self.topic_ids),
            summary: text::optional(&self.summary),
            body: text::optional(&self.body),
            target_groups: text::optional(&self.target_groups),
            since,
            link,
            release_status: self.release_status,
        })
    }
}

/// An example in the brochure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BrochureEntry {
    /// Id.
    pub id: i64,
    /// Title.
    pub title: String,
    /// Organisation.
    pub organisation: Option<String>,
    /// Main (first) topic: the chapter it opens or continues.
    pub topic: Option<String>,
}

/// An example the brochure leaves out, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BrochureLeftOut {
    /// Id.
    pub id: i64,
    /// Title.
    pub title: String,
    /// Organisation.
    pub organisation: Option<String>,
    /// Why it is left out.
    pub reason: String,
}

/// What the brochure holds, in order, and what it leaves out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BrochurePlan {
    /// Included, in brochure order.
    pub included: Vec<BrochureEntry>,
    /// Left out.
    pub left_out: Vec<BrochureLeftOut>,
}

/// Filters of the recommendation list.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct RecommendationFilter {
    /// Words that the title or text must contain (as word prefixes).
    pub text: String,
    /// Only recommendations with this topic.
    pub topic_id: Option<i64>,
}

/// A row of the recommendation list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RecommendationListRow {
    /// Id.
    pub id: i64,
    /// Title.
    pub title: String,
    /// Topics.
    pub topics: Vec<TopicRef>,
    /// Number of the current version.
    pub version: i64,
    /// Status of the current version.
    pub status: RecommendationStatus,
    /// Running number of the session that adopted the latest adopted version.
    pub adopted_at_session: Option<i64>,
    /// Publication date of the latest adopted version.
    pub published_on: Option<chrono::NaiveDate>,
    /// Last change.
    pub updated_at: String,
}

/// A practice example, by id, title and organisation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PracticeExampleRef {
    /// Id.
    pub id: i64,
    /// Title.
    pub title: String,
    /// Organisation.
    pub organisation: Option<String>,
}

/// One version of a recommendation's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RecommendationVersion {
    /// Id.
    pub id: i64,
    /// Version number, from 1.
    pub version: i64,
    /// Text.
    pub body: String,
    /// Draft or adopted.
    pub status: RecommendationStatus,
    /// The adopting session.
    pub adopted_at_session_id: Option<i64>,
    /// "38. Sitzung, 21.09.2026".
    pub adopted_at_session: Option<String>,
    /// Published on.
    pub published_on: Option<chrono::NaiveDate>,
    /// What changed against the previous version.
    pub change_note: Option<String>,
    /// Created.
    pub created_at: String,
    /// By.
    pub created_by: String,
}

/// A recommendation in full.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RecommendationDetail {
    /// Id.
    pub id: i64,
    /// Title.
    pub title: String,
    /// Topics.
    pub topics: Vec<TopicRef>,
    /// The practice examples behind it.
    pub practice_examples: Vec<PracticeExampleRef>,
    /// Versions, newest first; the first is current.
    pub versions: Vec<RecommendationVersion>,
    /// True when the current version is a draft (its text can be changed).
    pub editable: bool,
    /// Created / changed.
    pub history: History,
}

/// Title, topics and practice examples of a recommendation.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct RecommendationInput {
    /// Title.
    pub title: String,
    /// Topics (at least one).
    pub topic_ids: Vec<i64>,
    /// The practice examples behind it.
    pub practice_example_ids: Vec<i64>,
}

/// A validated recommendation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecommendationFields {
    /// Title.
    pub title: String,
    /// Topics, each once.
    pub topic_ids: Vec<i64>,
    /// Practice examples, each once.
    pub practice_example_ids: Vec<i64>,
}

impl RecommendationInput {
    /// Checks every field.
    pub fn validate(&self) -> Result<RecommendationFields, Vec<FieldError>> {
        let mut problems = Problems::new();
        let title = text::optional(&self.title);
        match &title {
            None => problems.add(Field::Title, "Titel: Bitte einen Titel angeben."),
            Some(t) if t.chars().count() > 200 => {
                problems.add(Field::Title, "Titel: Höchstens 200 Zeichen.");
            }
            Some(_) => {}
        }
        if self.topic_ids.is_empty() {
            problems.add(
                Field::TopicIds,
                "Themenfelder: Bitte mindestens ein Themenfeld wählen.",
            );
        }
        problems.finish(|| ())?;
        Ok(RecommendationFields {
            title: title.unwrap_or_default(),
            topic_ids: unique(&self.topic_ids),
            practice_example_ids: unique(&self.practice_example_ids),
        })
    }
}

/// The text of a draft version, and what changed (required for a new version).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct RecommendationDraftInput {
    /// Text.
    pub body: String,
    /// What changed against the previous version.
    pub change_note: String,
}

/// The adoption of the current draft.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct AdoptionInput {
    /// The adopting session.
    pub session_id: Option<i64>,
    /// Published on, TT.MM.JJJJ or empty.
    pub published_on: String,
}
