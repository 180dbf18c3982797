//! Topics, practice examples, recommendations, the search and the overview
//! (docs/knowledge-contract.md). Each command calls one core op and converts the error.

use std::path::PathBuf;

use super::open_saved;
use tauri::{AppHandle, State};
use zirkel::model::content::{
    AdoptionInput, BrochurePlan, PracticeExampleDetail, PracticeExampleFilter,
    PracticeExampleInput, PracticeExampleList, RecommendationDetail, RecommendationDraftInput,
    RecommendationFilter, RecommendationInput, RecommendationListRow, TopicInput, TopicRow,
};
use zirkel::model::geo::{self, CoordinatesLookup};
use zirkel::model::overview::Overview;
use zirkel::model::Stamp;
use zirkel::ops::minutes::DiffLine;
use zirkel::ops::search::SearchResults;
use zirkel::ops::{overview, practice_examples, recommendations, search as find, topics};
use zirkel::pdf::{self, Document, PdfSummary};

use crate::ipc_error::IpcResult;
use crate::state::AppState;

/// Every topic with its uses.
#[tauri::command(async)]
pub fn topics_list(state: State<'_, AppState>) -> IpcResult<Vec<TopicRow>> {
    Ok(topics::list(state.store()?.read())?)
}

/// Creates a topic.
#[tauri::command(async)]
pub fn topic_create(state: State<'_, AppState>, input: TopicInput) -> IpcResult<TopicRow> {
    Ok(state
        .store()?
        .write(&Stamp::now(), |w| topics::create(w, &input))?)
}

/// Renames or describes a topic.
#[tauri::command(async)]
pub fn topic_update(state: State<'_, AppState>, id: i64, input: TopicInput) -> IpcResult<TopicRow> {
    Ok(state
        .store()?
        .write(&Stamp::now(), |w| topics::update(w, id, &input))?)
}

/// Merges one topic into another.
#[tauri::command(async)]
pub fn topic_merge(state: State<'_, AppState>, from_id: i64, into_id: i64) -> IpcResult<TopicRow> {
    Ok(state
        .store()?
        .write(&Stamp::now(), |w| topics::merge(w, from_id, into_id))?)
}

/// Deletes an unused topic.
#[tauri::command(async)]
pub fn topic_delete(state: State<'_, AppState>, id: i64) -> IpcResult<()> {
    Ok(state
        .store()?
        .write(&Stamp::now(), |w| topics::delete(w, id))?)
}

/// The filtered practice examples.
#[tauri::command(async)]
pub fn practice_examples_list(
    state: State<'_, AppState>,
    filter: PracticeExampleFilter,
) -> IpcResult<PracticeExampleList> {
    Ok(practice_examples::list(state.store()?.read(), &filter)?)
}

/// One practice example.
#[tauri::command(async)]
pub fn practice_example_get(
    state: State<'_, AppState>,
    id: i64,
) -> IpcResult<PracticeExampleDetail> {
    Ok(practice_examples::get(state.store()?.read(), id)?)
}

/// Creates a practice example.
#[tauri::command(async)]
pub fn practice_example_create(
    state: State<'_, AppState>,
    input: PracticeExampleInput,
) -> IpcResult<PracticeExampleDetail> {
    Ok(state
        .store()?
        .write(&Stamp::now(), |w| practice_examples::create(w, &input))?)
}

/// Saves a practice example.
#[tauri::command(async)]
pub fn practice_example_update(
    state: State<'_, AppState>,
    id: i64,
    input: PracticeExampleInput,
) -> IpcResult<PracticeExampleDetail> {
    Ok(state
        .store()?
        .write(&Stamp::now(), |w| practice_examples::update(w, id, &input))?)
}

/// Deletes a practice example.
#[tauri::command(async)]
pub fn practice_example_delete(state: State<'_, AppState>, id: i64) -> IpcResult<()> {
    Ok(state
        .store()?
        .write(&Stamp::now(), |w| practice_examples::delete(w, id))?)
}

/// What the brochure holds and leaves out.
#[tauri::command(async)]
pub fn brochure_plan(state: State<'_, AppState>) -> IpcResult<BrochurePlan> {
    Ok(practice_examples::brochure(state.store()?.read())?)
}

/// Sets the brochure order.
#[tauri::command(async)]
pub fn brochure_set_order(state: State<'_, AppState>, ids: Vec<i64>) -> IpcResult<BrochurePlan> {
    Ok(state.store()?.write(&Stamp::now(), |w| {
        practice_examples::set_brochure_order(w, &ids)
    })?)
}

/// Renders `document` outside the store lock, saves it where the user chose and opens it.
fn save_pdf<R: tauri::Runtime>(
    app: &AppHandle<R>,
    state: &State<'_, AppState>,
    document: &Document,
    path: &std::path::Path,
) -> IpcResult<PdfSummary> {
    let prepared = pdf::prepare(&*state.store()?, document, Stamp::now().at)?;
    let summary = prepared.render()?.save(path)?;
    open_saved(app, path);
    Ok(summary)
}

/// The brochure as PDF.
#[tauri::command(async)]
pub fn pdf_brochure<R: tauri::Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    path: PathBuf,
) -> IpcResult<PdfSummary> {
    save_pdf(&app, &state, &Document::Brochure, &path)
}

/// The recommendations as PDF.
#[tauri::command(async)]
pub fn pdf_recommendations<R: tauri::Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    path: PathBuf,
) -> IpcResult<PdfSummary> {
    save_pdf(&app, &state, &Document::Recommendations, &path)
}

/// The filtered recommendations.
#[tauri::command(async)]
pub fn recommendations_list(
    state: State<'_, AppState>,
    filter: RecommendationFilter,
) -> IpcResult<Vec<RecommendationListRow>> {
    Ok(recommendations::list(state.store()?.read(), &filter)?)
}

/// One recommendation.
#[tauri::command(async)]
pub fn recommendation_get(state: State<'_, AppState>, id: i64) -> IpcResult<RecommendationDetail> {
    Ok(recommendations::get(state.store()?.read(), id)?)
}

/// Creates a recommendation with its first draft.
#[tauri::command(async)]
pub fn recommendation_create(
    state: State<'_, AppState>,
    input: RecommendationInput,
    draft: RecommendationDraftInput,
) -> IpcResult<RecommendationDetail> {
    Ok(state.store()?.write(&Stamp::now(), |w| {
        recommendations::create(w, &input, &draft)
    })?)
}

/// Saves title, topics and practice examples.
#[tauri::command(async)]
pub fn recommendation_update(
    state: State<'_, AppState>,
    id: i64,
    input: RecommendationInput,
) -> IpcResult<RecommendationDetail> {
    Ok(state
        .store()?
        .write(&Stamp::now(), |w| recommendations::update(w, id, &input))?)
}

/// Saves the draft text, or begins a new version.
#[tauri::command(async)]
pub fn recommendation_save_draft(
    state: State<'_, AppState>,
    id: i64,
    draft: RecommendationDraftInput,
) -> IpcResult<RecommendationDetail> {
    Ok(state.store()?.write(&Stamp::now(), |w| {
        recommendations::save_draft(w, id, &draft)
    })?)
}

/// Adopts the current draft.
#[tauri::command(async)]
pub fn recommendation_adopt(
    state: State<'_, AppState>,
    id: i64,
    adoption: AdoptionInput,
) -> IpcResult<RecommendationDetail> {
    Ok(state
        .store()?
        .write(&Stamp::now(), |w| recommendations::adopt(w, id, &adoption))?)
}

/// What changed between two versions of a recommendation's text.
#[tauri::command(async)]
pub fn recommendation_diff(
    state: State<'_, AppState>,
    id: i64,
    from: i64,
    to: i64,
) -> IpcResult<Vec<DiffLine>> {
    Ok(recommendations::diff(state.store()?.read(), id, from, to)?)
}

/// Deletes a recommendation that was never adopted.
#[tauri::command(async)]
pub fn recommendation_delete(state: State<'_, AppState>, id: i64) -> IpcResult<()> {
    Ok(state
        .store()?
        .write(&Stamp::now(), |w| recommendations::delete(w, id))?)
}

/// The search over everything.
#[tauri::command(async)]
pub fn search(
    state: State<'_, AppState>,
    query: String,
    per_kind: usize,
) -> IpcResult<SearchResults> {
    Ok(find::search(
        state.store()?.read(),
        &query,
        per_kind.min(50),
        Stamp::now().today(),
    )?)
}

/// The overview.
#[tauri::command(async)]
pub fn overview_get(state: State<'_, AppState>) -> IpcResult<Overview> {
    Ok(overview::get(state.store()?.read(), Stamp::now().today())?)
}

/// Coordinates of a town from the shipped municipality table.
#[tauri::command(async)]
pub fn organisation_coordinates_lookup(
    city: String,
    state: Option<String>,
) -> IpcResult<Option<CoordinatesLookup>> {
    Ok(geo::lookup(&city, state.as_deref()))
}
