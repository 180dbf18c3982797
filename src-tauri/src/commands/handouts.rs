//! PDF handouts: rendered outside the store lock, saved where the user chose, then opened in the
//! default viewer.

use std::path::PathBuf;

use super::open_saved;
use tauri::{AppHandle, State};
use zirkel::model::Stamp;
use zirkel::pdf::{self, Document, MemberListOptions, PdfSummary};

use crate::ipc_error::IpcResult;
use crate::state::AppState;

/// The member list of the current view as PDF.
#[tauri::command(async)]
pub fn pdf_member_list<R: tauri::Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    options: MemberListOptions,
    path: PathBuf,
) -> IpcResult<PdfSummary> {
    let now = Stamp::now().at;
    // Read under the lock, lay out and write without it.
    let prepared = pdf::prepare(&*state.store()?, &Document::Members(options), now)?;
    let summary = prepared.render()?.save(&path)?;
    open_saved(&app, &path);
    Ok(summary)
}
