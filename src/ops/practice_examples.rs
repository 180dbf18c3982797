//! Practice examples (Praxisbeispiele): the filtered list, the page, create / update / delete,
//! and the brochure: which released examples it holds in which order, and what it leaves out.

use crate::error::{Error, Result};
use crate::model::content::{
    BrochureEntry, BrochureLeftOut, BrochurePlan, PracticeExampleDetail, PracticeExampleFields,
    PracticeExampleFilter, PracticeExampleInput, PracticeExampleList,
};
use crate::model::search::Query;
use crate::model::{Field, FieldError, ReleaseStatus};
use crate::store::content::NewPracticeExample;
use crate::store::{Reader, Writer};

/// The examples the filter lets through, by title, and the number of all.
pub fn list(r: Reader<'_>, filter: &PracticeExampleFilter) -> Result<PracticeExampleList> {
    let rows = r.content().practice_example_rows()?;
    let total = i64::try_from(rows.len()).unwrap_or(i64::MAX);
    let query = Query::parse(&filter.text);
    let rows = rows
        .into_iter()
        .filter(|e| {
            filter
                .topic_id
                .is_none_or(|t| e.topics.iter().any(|x| x.id == t))
        })
        .filter(|e| {
            filter
                .organisation_id
                .is_none_or(|o| e.organisation_id == Some(o))
        })
        .filter(|e| {
            filter
                .state
                .as_deref()
                .is_none_or(|s| e.state.as_deref() == Some(s))
        })
        .filter(|e| filter.release_status.is_none_or(|s| e.release_status == s))
        .filter(|e| {
            query.is_empty()
                || query.matches_all(&[
                    e.title.as_str(),
                    e.organisation.as_deref().unwrap_or(""),
                    &e.topics
                        .iter()
                        .map(|t| t.name.as_str())
                        .collect::<Vec<_>>()
                        .join(" "),
                ])
        })
        .collect();
    Ok(PracticeExampleList { rows, total })
}

/// One example in full.
pub fn get(r: Reader<'_>, id: i64) -> Result<PracticeExampleDetail> {
    r.content().practice_example(id)
}

/// Validates the form and checks its references against the store, every problem at once.
fn check(r: Reader<'_>, input: &PracticeExampleInput) -> Result<PracticeExampleFields> {
    let (fields, mut problems) = match input.validate() {
        Ok(fields) => (Some(fields), Vec::new()),
        Err(problems) => (None, problems),
    };
    if let Some(id) = input.organisation_id {
        if !r.organisations().exists(id)? {
            problems.push(FieldError::new(
                Field::OrganisationId,
                "Organisation: Die gewählte Organisation gibt es nicht mehr.",
            ));
        }
    }
    if let Some(id) = input.contact_person_id {
        if !r.people().exists(id)? {
            problems.push(FieldError::new(
                Field::ContactPersonId,
                "Ansprechperson: Die gewählte Person gibt es nicht mehr.",
            ));
        }
    }
    if !r.sessions().missing_topics(&input.topic_ids)?.is_empty() {
        problems.push(FieldError::new(
            Field::TopicIds,
            "Themenfelder: Ein gewähltes Themenfeld gibt es nicht mehr.",
        ));
    }
    match fields {
        Some(fields) if problems.is_empty() => Ok(fields),
        _ => Err(Error::Invalid(problems)),
    }
}

/// Creates an example from the form.
pub fn create(w: &mut Writer<'_>, input: &PracticeExampleInput) -> Result<PracticeExampleDetail> {
    let fields = check(w.read(), input)?;
    let id = w
        .content()
        .insert_practice_example(&NewPracticeExample::from_fields(&fields))?;
    get(w.read(), id)
}

/// Saves the form over an example.
pub fn update(
    w: &mut Writer<'_>,
    id: i64,
    input: &PracticeExampleInput,
) -> Result<PracticeExampleDetail> {
    get(w.read(), id)?;
    let fields = check(w.read(), input)?;
    w.content().update_practice_example(id, &fields)?;
    get(w.read(), id)
}

/// Deletes an example no recommendation rests on; otherwise refuses and names them.
pub fn delete(w: &mut Writer<'_>, id: i64) -> Result<()> {
    let example = get(w.read(), id)?;
    if !example.recommendations.is_empty() {
        let titles: Vec<String> = example
            .recommendations
            .iter()
            .map(|r| format!("„{}“", r.title))
            .collect();
        return Err(Error::Conflict {
            message: format!(
                "„{}“ kann nicht gelöscht werden: Die Empfehlung {} stützt sich darauf. \
                 Zuerst dort die Verknüpfung lösen, oder das Beispiel auf „Entwurf“ setzen, \
                 damit es nicht in die Broschüre kommt.",
                example.title,
                titles.join(", ")
            ),
        });
    }
    w.content().delete_practice_example(id)
}

/// Why an example is not in the brochure; `None` when it is.
fn left_out_because(status: ReleaseStatus) -> Option<&'static str> {
    match status {
        ReleaseStatus::Released => None,
        ReleaseStatus::Agreed => Some("mit der Kommune abgestimmt, aber noch nicht freigegeben"),
        ReleaseStatus::Draft => Some("Entwurf – noch nicht mit der Kommune abgestimmt"),
    }
}

/// The brochure: the released examples in brochure order (those without a place at the end, by
/// title), and the others with the reason.
pub fn brochure(r: Reader<'_>) -> Result<BrochurePlan> {
    let mut rows = r.content().practice_example_rows()?;
    rows.sort_by(|a, b| {
        (a.brochure_position.is_none(), a.brochure_position)
            .cmp(&(b.brochure_position.is_none(), b.brochure_position))
    });
    let mut included = Vec::new();
    let mut left_out = Vec::new();
    for row in rows {
        match left_out_because(row.release_status) {
            None => included.push(BrochureEntry {
                id: row.id,
                title: row.title,
                organisation: row.organisation,
                topic: row.topics.first().map(|t| t.name.clone()),
            }),
            Some(reason) => left_out.push(BrochureLeftOut {
                id: row.id,
                title: row.title,
                organisation: row.organisation,
                reason: reason.to_owned(),
            }),
        }
    }
    Ok(BrochurePlan { included, left_out })
}

/// Sets the brochure order to `ids` (drag and drop). Every released example must be named
/// once, and nothing else, so an order from a stale screen is refused rather than half applied.
pub fn set_brochure_order(w: &mut Writer<'_>, ids: &[i64]) -> Result<BrochurePlan> {
    let plan = brochure(w.read())?;
    let mut expected: Vec<i64> = plan.included.iter().map(|e| e.id).collect();
    let mut given = ids.to_vec();
    expected.sort_unstable();
    given.sort_unstable();
    if expected != given {
        return Err(Error::Conflict {
            message: "Die Reihenfolge passt nicht mehr zu den freigegebenen Praxisbeispielen \
                      (inzwischen geändert?). Bitte die Broschüre neu öffnen."
                .into(),
        });
    }
    w.content().set_brochure_order(ids)?;
    brochure(w.read())
}
