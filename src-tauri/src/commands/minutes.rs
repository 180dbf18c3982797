//! Minutes and action items (docs/minutes-contract.md). Each command calls core ops and converts
//! the error; most answer with the fresh minutes detail.

use std::path::PathBuf;

use super::open_saved;
use tauri::{AppHandle, State};
use zirkel::model::{ActionStatus, Stamp};
use zirkel::ops::minutes::{
    self, ActionItemInput, ApprovalInput, DecisionInput, MinutesDetail, SavedAt, SectionDiff,
};
use zirkel::pdf::PdfSummary;
use zirkel::store::minutes::{ActionItem, TaskFilter};
use zirkel::store::Writer;

use crate::ipc_error::IpcResult;
use crate::state::AppState;

/// Runs `f` in a write and answers with the minutes detail of the session they belong to.
fn write_detail(
    state: &State<'_, AppState>,
    f: impl FnOnce(&mut Writer<'_>) -> zirkel::Result<i64>,
) -> IpcResult<MinutesDetail> {
    let stamp = Stamp::now();
    let today = stamp.today();
    Ok(state.store()?.write(&stamp, |w| {
        let minutes_id = f(w)?;
        let session_id = w.read().minutes().get(minutes_id)?.session_id;
        minutes::detail(w.read(), session_id, today)
    })?)
}

/// The minutes of a session.
#[tauri::command(async)]
pub fn minutes_get(state: State<'_, AppState>, session_id: i64) -> IpcResult<MinutesDetail> {
    Ok(minutes::detail(
        state.store()?.read(),
        session_id,
        Stamp::now().today(),
    )?)
}

/// Begins the minutes of a session.
#[tauri::command(async)]
pub fn minutes_start(state: State<'_, AppState>, session_id: i64) -> IpcResult<MinutesDetail> {
    write_detail(&state, |w| Ok(minutes::start(w, session_id)?.id))
}

/// Autosaves the notes of an agenda item.
#[tauri::command(async)]
pub fn minutes_save_notes(
    state: State<'_, AppState>,
    minutes_id: i64,
    agenda_item_id: Option<i64>,
    text: String,
) -> IpcResult<SavedAt> {
    Ok(state.store()?.write(&Stamp::now(), |w| {
        minutes::save_notes(w, minutes_id, agenda_item_id, &text)
    })?)
}

/// Sets the recorder.
#[tauri::command(async)]
pub fn minutes_set_recorder(
    state: State<'_, AppState>,
    minutes_id: i64,
    person_id: Option<i64>,
) -> IpcResult<MinutesDetail> {
    write_detail(&state, |w| {
        minutes::set_recorder(w, minutes_id, person_id)?;
        Ok(minutes_id)
    })
}

/// Adds a decision.
#[tauri::command(async)]
pub fn decision_add(
    state: State<'_, AppState>,
    minutes_id: i64,
    agenda_item_id: Option<i64>,
    input: DecisionInput,
) -> IpcResult<MinutesDetail> {
    write_detail(&state, |w| {
        minutes::add_decision(w, minutes_id, agenda_item_id, &input)?;
        Ok(minutes_id)
    })
}

/// Changes a decision.
#[tauri::command(async)]
pub fn decision_update(
    state: State<'_, AppState>,
    id: i64,
    input: DecisionInput,
) -> IpcResult<MinutesDetail> {
    write_detail(&state, |w| minutes::update_decision(w, id, &input))
}

/// Removes a decision.
#[tauri::command(async)]
pub fn decision_remove(state: State<'_, AppState>, id: i64) -> IpcResult<MinutesDetail> {
    write_detail(&state, |w| minutes::remove_decision(w, id))
}

/// Adds an action item.
#[tauri::command(async)]
pub fn action_add(
    state: State<'_, AppState>,
    minutes_id: i64,
    agenda_item_id: Option<i64>,
    input: ActionItemInput,
) -> IpcResult<MinutesDetail> {
    let today = Stamp::now().today();
    write_detail(&state, |w| {
        minutes::add_action(w, minutes_id, agenda_item_id, &input, today)?;
        Ok(minutes_id)
    })
}

/// Changes an action item.
#[tauri::command(async)]
pub fn action_update(
    state: State<'_, AppState>,
    id: i64,
    input: ActionItemInput,
) -> IpcResult<ActionItem> {
    let stamp = Stamp::now();
    let today = stamp.today();
    Ok(state
        .store()?
        .write(&stamp, |w| minutes::update_action(w, id, &input, today))?)
}

/// Removes an action item of a draft.
#[tauri::command(async)]
pub fn action_remove(state: State<'_, AppState>, id: i64) -> IpcResult<()> {
    let stamp = Stamp::now();
    let today = stamp.today();
    Ok(state
        .store()?
        .write(&stamp, |w| minutes::remove_action(w, id, today))?)
}

/// Marks an action item done, dropped or open.
#[tauri::command(async)]
pub fn action_set_status(
    state: State<'_, AppState>,
    id: i64,
    status: ActionStatus,
    done_on: String,
) -> IpcResult<ActionItem> {
    let stamp = Stamp::now();
    let today = stamp.today();
    Ok(state.store()?.write(&stamp, |w| {
        minutes::set_action_status(w, id, status, &done_on, today)
    })?)
}

/// Marks the minutes as sent.
#[tauri::command(async)]
pub fn minutes_send(
    state: State<'_, AppState>,
    minutes_id: i64,
    date: String,
) -> IpcResult<MinutesDetail> {
    let today = Stamp::now().today();
    write_detail(&state, |w| {
        minutes::send(w, minutes_id, &date, today)?;
        Ok(minutes_id)
    })
}

/// The e-mail list of the minutes' recipients.
#[tauri::command(async)]
pub fn minutes_email_list(state: State<'_, AppState>, session_id: i64) -> IpcResult<String> {
    Ok(minutes::email_list(state.store()?.read(), session_id)?)
}

/// Approves the minutes and stores their record.
#[tauri::command(async)]
pub fn minutes_approve(
    state: State<'_, AppState>,
    minutes_id: i64,
    input: ApprovalInput,
) -> IpcResult<MinutesDetail> {
    let now = Stamp::now().at;
    write_detail(&state, |w| {
        minutes::approve(w, minutes_id, &input, now)?;
        Ok(minutes_id)
    })
}

/// Corrects approved minutes: a new version.
#[tauri::command(async)]
pub fn minutes_correct(
    state: State<'_, AppState>,
    minutes_id: i64,
    reason: String,
) -> IpcResult<MinutesDetail> {
    write_detail(&state, |w| Ok(minutes::correct(w, minutes_id, &reason)?.id))
}

/// What changed between two versions.
#[tauri::command(async)]
pub fn minutes_diff(
    state: State<'_, AppState>,
    session_id: i64,
    from: i64,
    to: i64,
) -> IpcResult<Vec<SectionDiff>> {
    Ok(minutes::diff(state.store()?.read(), session_id, from, to)?)
}

/// The minutes as PDF: an approved version's stored record byte for byte, otherwise rendered.
#[tauri::command(async)]
pub fn minutes_pdf<R: tauri::Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    session_id: i64,
    version: Option<i64>,
    path: PathBuf,
) -> IpcResult<PdfSummary> {
    let now = Stamp::now().at;
    let summary = {
        let store = state.store()?;
        minutes::pdf(&store, session_id, version, now)?.save(&path)?
    };
    open_saved(&app, &path);
    Ok(summary)
}

/// The "Offene Aufgaben" view.
#[tauri::command(async)]
pub fn tasks_list(state: State<'_, AppState>, filter: TaskFilter) -> IpcResult<Vec<ActionItem>> {
    Ok(minutes::tasks(
        state.store()?.read(),
        &filter,
        Stamp::now().today(),
    )?)
}

/// The action items as XLSX.
#[tauri::command(async)]
pub fn tasks_export(
    state: State<'_, AppState>,
    filter: TaskFilter,
    path: PathBuf,
) -> IpcResult<usize> {
    let (bytes, rows) =
        minutes::tasks_workbook(state.store()?.read(), &filter, Stamp::now().today())?;
    zirkel::files::write_atomically(&path, &bytes)?;
    Ok(rows)
}
