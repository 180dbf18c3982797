//! Tauri commands, one module per area. Each takes the state, calls one core op and converts the
//! error; no logic and no SQL here.

pub mod backup;
pub mod handouts;
pub mod knowledge;
pub mod mandates;
pub mod minutes;
pub mod organisations;
pub mod people;
pub mod privacy;
pub mod sessions;
pub mod settings;
pub mod store;
pub mod transfer;

use tauri::AppHandle;
use tauri_plugin_opener::OpenerExt;

/// Opens a file the user just saved in the system's default program (the PDF viewer, the
/// calendar); a failure is logged, the file is saved either way. The log names the file's kind
/// only: its name may name a person ("Auskunft Özdemir.pdf").
pub(crate) fn open_saved<R: tauri::Runtime>(app: &AppHandle<R>, path: &std::path::Path) {
    if let Err(error) = app
        .opener()
        .open_path(path.display().to_string(), None::<&str>)
    {
        let kind = path
            .extension()
            .map(|e| e.to_string_lossy().into_owned())
            .unwrap_or_default();
        log::warn!("could not open a saved .{kind} file in its default program: {error}");
    }
}
