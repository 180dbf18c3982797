//! Mandates.

use tauri::State;
use zirkel::model::{Mandate, MandateInput, Stamp};
use zirkel::ops;

use crate::ipc_error::IpcResult;
use crate::state::AppState;

/// Adds a mandate.
#[tauri::command(async)]
pub fn mandate_create(state: State<'_, AppState>, input: MandateInput) -> IpcResult<Mandate> {
    Ok(state
        .store()?
        .write(&Stamp::now(), |w| ops::mandates::create(w, &input))?)
}

/// Changes a mandate.
#[tauri::command(async)]
pub fn mandate_update(
    state: State<'_, AppState>,
    id: i64,
    input: MandateInput,
) -> IpcResult<Mandate> {
    Ok(state
        .store()?
        .write(&Stamp::now(), |w| ops::mandates::update(w, id, &input))?)
}

/// Removes a mandate.
#[tauri::command(async)]
pub fn mandate_delete(state: State<'_, AppState>, id: i64) -> IpcResult<()> {
    Ok(state
        .store()?
        .write(&Stamp::now(), |w| ops::mandates::delete(w, id))?)
}
