//! Member lists out and in: exports to a file the user chose in the save dialog, the e-mail list
//! for the clipboard, and the import's preview and commit.

use std::path::PathBuf;

use tauri::State;
use zirkel::export::{self, ExportFormat, ExportOptions, ExportSummary};
use zirkel::import::{
    self, ColumnMapping, DuplicateDecision, ImportChoices, ImportPreview, ImportSummary,
};
use zirkel::model::Stamp;

use crate::ipc_error::IpcResult;
use crate::state::AppState;

/// Writes the members in the current view to `path` in `format`.
#[tauri::command(async)]
pub fn members_export(
    state: State<'_, AppState>,
    format: ExportFormat,
    options: ExportOptions,
    path: PathBuf,
) -> IpcResult<ExportSummary> {
    Ok(export::write_members(
        &*state.store()?,
        format,
        &options,
        Stamp::now().today(),
        &path,
    )?)
}

/// The e-mail addresses of the members in the current view, ready for a BCC field.
#[tauri::command(async)]
pub fn members_email_list(state: State<'_, AppState>, options: ExportOptions) -> IpcResult<String> {
    Ok(export::email_list(
        &*state.store()?,
        &options,
        Stamp::now().today(),
    )?)
}

/// Reads a CSV or XLSX file and shows what importing it would do; writes nothing.
#[tauri::command(async)]
pub fn members_import_preview(
    state: State<'_, AppState>,
    path: PathBuf,
    mapping: Option<Vec<ColumnMapping>>,
    separate: Option<Vec<String>>,
) -> IpcResult<ImportPreview> {
    let (name, bytes) = import::read_file(&path)?;
    let choices = ImportChoices {
        mapping,
        decisions: Vec::new(),
        separate_organisations: separate.unwrap_or_default(),
    };
    Ok(import::preview_choosing(
        &*state.store()?,
        (&name, &bytes),
        &choices,
        Stamp::now().today(),
    )?)
}

/// Imports the file after a backup, all rows in one transaction, or nothing; refused when the
/// file or the store no longer give the preview the user saw (`seen`, its fingerprint).
#[tauri::command(async)]
pub fn members_import_commit(
    state: State<'_, AppState>,
    path: PathBuf,
    mapping: Option<Vec<ColumnMapping>>,
    decisions: Vec<DuplicateDecision>,
    separate: Option<Vec<String>>,
    seen: String,
) -> IpcResult<ImportSummary> {
    let (name, bytes) = import::read_file(&path)?;
    let choices = ImportChoices {
        mapping,
        decisions,
        separate_organisations: separate.unwrap_or_default(),
    };
    Ok(import::commit_seen(
        &mut *state.store()?,
        &Stamp::now(),
        (&name, &bytes),
        &choices,
        &seen,
    )?)
}
