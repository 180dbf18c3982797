//! Store information, reference data and the demo data.

use tauri::State;
use zirkel::model::{Stamp, StoreInfo};
use zirkel::ops;
use zirkel::ops::reference::ReferenceData;

use crate::ipc_error::IpcResult;
use crate::state::AppState;

/// Path, schema version and counts.
#[tauri::command(async)]
pub fn store_info(state: State<'_, AppState>) -> IpcResult<StoreInfo> {
    Ok(state.store()?.info()?)
}

/// Loads the demo data into an empty store.
#[tauri::command(async)]
pub fn demo_load(state: State<'_, AppState>) -> IpcResult<StoreInfo> {
    Ok(ops::demo::load(&mut *state.store()?, &Stamp::now())?)
}

/// Choices and German labels for forms and filters.
#[tauri::command]
pub fn reference_data() -> ReferenceData {
    ops::reference::reference_data()
}
