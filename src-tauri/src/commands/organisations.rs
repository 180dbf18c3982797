//! Organisations.

use tauri::State;
use zirkel::model::{
    Organisation, OrganisationDetail, OrganisationFilter, OrganisationInput, OrganisationList,
    Stamp,
};
use zirkel::ops;

use crate::ipc_error::IpcResult;
use crate::state::AppState;

/// The organisation list.
#[tauri::command(async)]
pub fn organisations_list(
    state: State<'_, AppState>,
    filter: OrganisationFilter,
) -> IpcResult<OrganisationList> {
    Ok(ops::organisations::list(
        state.store()?.read(),
        &filter,
        Stamp::now().today(),
    )?)
}

/// One organisation with its mandates.
#[tauri::command(async)]
pub fn organisation_get(state: State<'_, AppState>, id: i64) -> IpcResult<OrganisationDetail> {
    Ok(ops::organisations::get(
        state.store()?.read(),
        id,
        Stamp::now().today(),
    )?)
}

/// Creates an organisation.
#[tauri::command(async)]
pub fn organisation_create(
    state: State<'_, AppState>,
    input: OrganisationInput,
) -> IpcResult<Organisation> {
    Ok(state
        .store()?
        .write(&Stamp::now(), |w| ops::organisations::create(w, &input))?)
}

/// Saves an organisation.
#[tauri::command(async)]
pub fn organisation_update(
    state: State<'_, AppState>,
    id: i64,
    input: OrganisationInput,
) -> IpcResult<Organisation> {
    Ok(state
        .store()?
        .write(&Stamp::now(), |w| ops::organisations::update(w, id, &input))?)
}

/// Deletes an organisation nothing refers to.
#[tauri::command(async)]
pub fn organisation_delete(state: State<'_, AppState>, id: i64) -> IpcResult<()> {
    Ok(state
        .store()?
        .write(&Stamp::now(), |w| ops::organisations::delete(w, id))?)
}

/// Ends an organisation's membership today.
#[tauri::command(async)]
pub fn organisation_end_membership(state: State<'_, AppState>, id: i64) -> IpcResult<Organisation> {
    Ok(state
        .store()?
        .write(&Stamp::now(), |w| ops::organisations::end_membership(w, id))?)
}
