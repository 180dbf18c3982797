//! People and the members list.

use tauri::State;
use zirkel::model::{MemberFilter, MemberList, Person, PersonDetail, PersonInput, Stamp};
use zirkel::ops;

use crate::ipc_error::IpcResult;
use crate::state::AppState;

/// The members list.
#[tauri::command(async)]
pub fn members_list(state: State<'_, AppState>, filter: MemberFilter) -> IpcResult<MemberList> {
    Ok(ops::members::list(
        state.store()?.read(),
        &filter,
        Stamp::now().today(),
    )?)
}

/// One person with mandates.
#[tauri::command(async)]
pub fn person_get(state: State<'_, AppState>, id: i64) -> IpcResult<PersonDetail> {
    Ok(ops::people::get(
        state.store()?.read(),
        id,
        Stamp::now().today(),
    )?)
}

/// Creates a person.
#[tauri::command(async)]
pub fn person_create(state: State<'_, AppState>, input: PersonInput) -> IpcResult<Person> {
    Ok(state
        .store()?
        .write(&Stamp::now(), |w| ops::people::create(w, &input))?)
}

/// Saves a person.
#[tauri::command(async)]
pub fn person_update(state: State<'_, AppState>, id: i64, input: PersonInput) -> IpcResult<Person> {
    Ok(state
        .store()?
        .write(&Stamp::now(), |w| ops::people::update(w, id, &input))?)
}

/// Deletes a person without history.
#[tauri::command(async)]
pub fn person_delete(state: State<'_, AppState>, id: i64) -> IpcResult<()> {
    Ok(state
        .store()?
        .write(&Stamp::now(), |w| ops::people::delete(w, id))?)
}

/// Deactivates a person.
#[tauri::command(async)]
pub fn person_deactivate(state: State<'_, AppState>, id: i64) -> IpcResult<Person> {
    Ok(state
        .store()?
        .write(&Stamp::now(), |w| ops::people::deactivate(w, id))?)
}

/// Reactivates a person.
#[tauri::command(async)]
pub fn person_reactivate(state: State<'_, AppState>, id: i64) -> IpcResult<Person> {
    Ok(state
        .store()?
        .write(&Stamp::now(), |w| ops::people::reactivate(w, id))?)
}
