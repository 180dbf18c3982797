//! The Zirkel desktop app: a thin Tauri 2 shell. It opens the store, registers the commands
//! (which only translate between IPC and the core's ops) and remembers the window's geometry.

pub mod commands;
pub mod ipc_error;
pub mod state;

use state::AppState;

/// Every command the UI may call.
macro_rules! zirkel_handlers {
    () => {
        tauri::generate_handler![
            commands::store::store_info,
            commands::store::demo_load,
            commands::store::reference_data,
            commands::people::members_list,
            commands::people::person_get,
            commands::people::person_create,
            commands::people::person_update,
            commands::people::person_delete,
            commands::people::person_deactivate,
            commands::people::person_reactivate,
            commands::mandates::mandate_create,
            commands::mandates::mandate_update,
            commands::mandates::mandate_delete,
            commands::organisations::organisations_list,
            commands::organisations::organisation_get,
            commands::organisations::organisation_create,
            commands::organisations::organisation_update,
            commands::organisations::organisation_delete,
            commands::organisations::organisation_end_membership,
        ]
    };
}

/// Adds Zirkel's state and commands to a builder (the app and the shell's tests share this).
pub fn builder<R: tauri::Runtime>(
    builder: tauri::Builder<R>,
    state: AppState,
) -> tauri::Builder<R> {
    builder.manage(state).invoke_handler(zirkel_handlers!())
}

/// Starts the app.
pub fn run() {
    let app = builder(tauri::Builder::default(), AppState::open_default())
        .plugin(tauri_plugin_window_state::Builder::default().build());
    if let Err(error) = app.run(tauri::generate_context!()) {
        eprintln!("Zirkel konnte nicht gestartet werden: {error}");
        std::process::exit(1);
    }
}
