//! Mandates.

use tauri::State;
use zirkel::model::{Mandate, MandateInput, Stamp};
use zirkel::ops;

use crate::ipc_error::IpcResult;
use crate::state::AppState;

/// Adds a mandate.
#[tauri::command(async)]
pub fn mandate_create(state: State<'_, AppState>, input: MandateInput) -> IpcResult<Mandate> {
    Ok(ops::mandates::create(
        &mut *state.store()?,
        &Stamp::now(),
        &input,
    )?)
}

/// Changes a mandate.
#[tauri::command(async)]
pub fn mandate_update(
    state: State<'_, AppState>,
    id: i64,
    input: MandateInput,
) -> IpcResult<Mandate> {
    Ok(ops::mandates::update(
        &mut *state.store()?,
        &Stamp::now(),
        id,
        &input,
    )?)
}

/// Removes a mandate.
#[tauri::command(async)]
pub fn mandate_delete(state: State<'_, AppState>, id: i64) -> IpcResult<()> {
    Ok(ops::mandates::delete(
        &mut *state.store()?,
        &Stamp::now(),
        id,
    )?)
}
