//! Data protection: the report of everything stored about a person, anonymising a person, the
//! retention rule and the audit log screen.

use std::path::PathBuf;

use super::open_saved;
use tauri::{AppHandle, State};
use zirkel::model::privacy::{
    AnonymisePreview, Anonymised, AuditFilter, AuditPage, RetentionOverview,
};
use zirkel::model::Stamp;
use zirkel::ops;
use zirkel::pdf::PdfSummary;

use crate::ipc_error::IpcResult;
use crate::state::AppState;

/// Saves the report of person `id` ("Auskunft", DSGVO Art. 15) where the user chose: a PDF,
/// which is then opened, or JSON when the name ends in `.json`.
#[tauri::command(async)]
pub fn person_report_save<R: tauri::Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: i64,
    path: PathBuf,
) -> IpcResult<PdfSummary> {
    let summary = ops::privacy::save_report(&*state.store()?, id, Stamp::now().at, &path)?;
    if summary.pages > 0 {
        open_saved(&app, &path);
    }
    Ok(summary)
}

/// What anonymising person `id` will do, for the confirmation.
#[tauri::command(async)]
pub fn anonymise_preview(state: State<'_, AppState>, id: i64) -> IpcResult<AnonymisePreview> {
    Ok(ops::privacy::preview(state.store()?.read(), id)?)
}

/// Anonymises person `id` (DSGVO Art. 17), once confirmed.
#[tauri::command(async)]
pub fn anonymise_person(state: State<'_, AppState>, id: i64) -> IpcResult<Anonymised> {
    Ok(ops::privacy::anonymise_now(
        &mut *state.store()?,
        &Stamp::now(),
        id,
    )?)
}

/// The retention rule and the former members it offers for anonymisation.
#[tauri::command(async)]
pub fn retention_overview(state: State<'_, AppState>) -> IpcResult<RetentionOverview> {
    Ok(ops::privacy::retention(
        state.store()?.read(),
        Stamp::now().today(),
    )?)
}

/// Saves the retention rule's years and returns what it now offers.
#[tauri::command(async)]
pub fn retention_save(state: State<'_, AppState>, years: String) -> IpcResult<RetentionOverview> {
    let stamp = Stamp::now();
    let mut store = state.store()?;
    store.write(&stamp, |w| ops::privacy::save_retention_years(w, &years))?;
    Ok(ops::privacy::retention(store.read(), stamp.today())?)
}

/// A page of the audit log.
#[tauri::command(async)]
pub fn audit_log(state: State<'_, AppState>, filter: AuditFilter) -> IpcResult<AuditPage> {
    Ok(ops::privacy::audit_log(state.store()?.read(), &filter)?)
}
