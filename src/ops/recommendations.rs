//! Recommendations (Handlungsempfehlungen): versions of their text from draft to adopted (at a
//! session, published on a date, with what changed), linked to the practice examples behind
//! them. An adopted version is a record and never changes; a new text is a new version.

use super::minutes::{line_diff, DiffLine};
use crate::error::{Error, Result};
use crate::model::content::{
    AdoptionInput, RecommendationDetail, RecommendationDraftInput, RecommendationFields,
    RecommendationFilter, RecommendationInput, RecommendationListRow, RecommendationStatus,
};
use crate::model::search::Query;
use crate::model::{date, text, Field, FieldError};
use crate::store::content::NewRecommendation;
use crate::store::{Reader, Writer};

/// The recommendations the filter lets through, by title.
pub fn list(r: Reader<'_>, filter: &RecommendationFilter) -> Result<Vec<RecommendationListRow>> {
    let query = Query::parse(&filter.text);
    Ok(r.content()
        .recommendation_rows()?
        .into_iter()
        .filter(|(row, _)| {
            filter
                .topic_id
                .is_none_or(|t| row.topics.iter().any(|x| x.id == t))
        })
        .filter(|(row, body)| query.is_empty() || query.matches_all(&[row.title.as_str(), body]))
        .map(|(row, _)| row)
        .collect())
}

/// One recommendation in full.
pub fn get(r: Reader<'_>, id: i64) -> Result<RecommendationDetail> {
    r.content().recommendation(id)
}

/// Validates title, topics and examples, and checks them against the store.
fn check(
    r: Reader<'_>,
    input: &RecommendationInput,
    mut problems: Vec<FieldError>,
) -> Result<RecommendationFields> {
    let fields = match input.validate() {
        Ok(fields) => Some(fields),
        Err(found) => {
            problems.extend(found);
            None
        }
    };
    if !r.sessions().missing_topics(&input.topic_ids)?.is_empty() {
        problems.push(FieldError::new(
            Field::TopicIds,
            "Themenfelder: Ein gewähltes Themenfeld gibt es nicht mehr.",
        ));
    }
    if !r
        .content()
        .missing_practice_examples(&input.practice_example_ids)?
        .is_empty()
    {
        problems.push(FieldError::new(
            Field::PracticeExampleIds,
            "Praxisbeispiele: Ein gewähltes Praxisbeispiel gibt es nicht mehr.",
        ));
    }
    match fields {
        Some(fields) if problems.is_empty() => Ok(fields),
        _ => Err(Error::Invalid(problems)),
    }
}

fn body_problem(body: &str) -> Option<FieldError> {
    text::optional(body)
        .is_none()
        .then(|| FieldError::new(Field::Body, "Text: Bitte den Text der Empfehlung angeben."))
}

/// Creates a recommendation with its first version, a draft.
pub fn create(
    w: &mut Writer<'_>,
    input: &RecommendationInput,
    draft: &RecommendationDraftInput,
) -> Result<RecommendationDetail> {
    let problems: Vec<FieldError> = body_problem(&draft.body).into_iter().collect();
    let fields = check(w.read(), input, problems)?;
    let id = w.content().insert_recommendation(&NewRecommendation {
        topic_ids: &fields.topic_ids,
        title: &fields.title,
        body: &text::nfc(draft.body.trim()),
        status: RecommendationStatus::Draft,
        adopted_at_session_id: None,
        published_on: None,
        practice_example_ids: &fields.practice_example_ids,
    })?;
    get(w.read(), id)
}

/// Saves title, topics and practice examples (not the text).
pub fn update(
    w: &mut Writer<'_>,
    id: i64,
    input: &RecommendationInput,
) -> Result<RecommendationDetail> {
    get(w.read(), id)?;
    let fields = check(w.read(), input, Vec::new())?;
    w.content().update_recommendation(id, &fields)?;
    get(w.read(), id)
}

/// Saves the text: over the current version while it is a draft; when the current version is
/// adopted, as a new draft version, which needs a note of what changed.
pub fn save_draft(
    w: &mut Writer<'_>,
    id: i64,
    draft: &RecommendationDraftInput,
) -> Result<RecommendationDetail> {
    let detail = get(w.read(), id)?;
    let mut problems: Vec<FieldError> = body_problem(&draft.body).into_iter().collect();
    let current = detail.versions.first().ok_or(Error::NotFound {
        entity: "recommendation_version",
        id,
    })?;
    let body = &text::nfc(draft.body.trim());
    if current.status == RecommendationStatus::Draft {
        if !problems.is_empty() {
            return Err(Error::Invalid(problems));
        }
        w.content().set_draft_text(id, current.id, body)?;
    } else {
        let note = text::optional(&draft.change_note);
        if note.is_none() {
            problems.push(FieldError::new(
                Field::ChangeNote,
                format!(
                    "Was hat sich geändert?: Fassung {} ist beschlossen; für eine neue Fassung \
                     bitte kurz angeben, was sich ändert.",
                    current.version
                ),
            ));
        }
        if !problems.is_empty() {
            return Err(Error::Invalid(problems));
        }
        w.content()
            .insert_version(id, current.version + 1, body, note.as_deref().unwrap_or(""))?;
    }
    get(w.read(), id)
}

/// Adopts the current draft at a session, optionally with its publication date.
pub fn adopt(
    w: &mut Writer<'_>,
    id: i64,
    adoption: &AdoptionInput,
) -> Result<RecommendationDetail> {
    let detail = get(w.read(), id)?;
    let current = detail.versions.first().ok_or(Error::NotFound {
        entity: "recommendation_version",
        id,
    })?;
    if current.status == RecommendationStatus::Adopted {
        return Err(Error::Locked {
            message: format!(
                "Fassung {} von „{}“ ist bereits beschlossen. Für einen geänderten Text eine \
                 neue Fassung beginnen.",
                current.version, detail.title
            ),
        });
    }
    let mut problems = Vec::new();
    let session = match adoption.session_id {
        None => {
            problems.push(FieldError::new(
                Field::SessionId,
                "Sitzung: Bitte die Sitzung wählen, die die Empfehlung beschlossen hat.",
            ));
            None
        }
        Some(session_id) => match w.read().sessions().get(session_id) {
            Ok(session) => Some(session),
            Err(Error::NotFound { .. }) => {
                problems.push(FieldError::new(
                    Field::SessionId,
                    "Sitzung: Die gewählte Sitzung gibt es nicht mehr.",
                ));
                None
            }
            Err(other) => return Err(other),
        },
    };
    let published_on = match date::parse_optional(
        Field::PublishedOn,
        "Veröffentlicht am",
        &adoption.published_on,
    ) {
        Ok(on) => on,
        Err(problem) => {
            problems.push(problem);
            None
        }
    };
    if let (Some(session), Some(on)) = (&session, published_on) {
        if on < session.first_day {
            problems.push(FieldError::new(
                Field::PublishedOn,
                format!(
                    "Veröffentlicht am: Der {} liegt vor der beschließenden Sitzung ({}).",
                    date::german(on),
                    date::german(session.first_day)
                ),
            ));
        }
    }
    match session {
        Some(session) if problems.is_empty() => {
            w.content()
                .adopt_version(id, current.id, session.id, published_on)?;
            get(w.read(), id)
        }
        _ => Err(Error::Invalid(problems)),
    }
}

/// Deletes a recommendation none of whose versions is adopted.
pub fn delete(w: &mut Writer<'_>, id: i64) -> Result<()> {
    let detail = get(w.read(), id)?;
    if detail
        .versions
        .iter()
        .any(|v| v.status == RecommendationStatus::Adopted)
    {
        return Err(Error::Conflict {
            message: format!(
                "„{}“ wurde beschlossen und bleibt als Beschluss der Gruppe erhalten. Für eine \
                 Änderung eine neue Fassung beginnen.",
                detail.title
            ),
        });
    }
    w.content().delete_recommendation(id)
}

/// What changed in the text from version `from` to version `to`, line by line.
pub fn diff(r: Reader<'_>, id: i64, from: i64, to: i64) -> Result<Vec<DiffLine>> {
    let detail = get(r, id)?;
    let text = |version: i64| {
        detail
            .versions
            .iter()
            .find(|v| v.version == version)
            .map(|v| v.body.clone())
            .ok_or(Error::NotFound {
                entity: "recommendation_version",
                id: version,
            })
    };
    Ok(line_diff(&text(from)?, &text(to)?))
}
