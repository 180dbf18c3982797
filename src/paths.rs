//! Where the store lives: the platform's app-data folder for the app's identifier, shared by the
//! app and the CLI; `ZIRKEL_DB` overrides it.

use std::path::PathBuf;

/// The app identifier (`tauri.conf.json`); it fixes the data folder.
pub const APP_IDENTIFIER: &str = "de.zirkel.desktop";

/// The default database path: `ZIRKEL_DB` if set, else `<data dir>/de.zirkel.desktop/zirkel.sqlite3`
/// (on Linux `$XDG_DATA_HOME` or `~/.local/share`, on Windows `%APPDATA%`).
pub fn default_db_path() -> PathBuf {
    if let Some(path) = std::env::var_os("ZIRKEL_DB").filter(|p| !p.is_empty()) {
        return PathBuf::from(path);
    }
    dirs::data_dir()
        .unwrap_or_else(|| PathBuf::from("."))
        .join(APP_IDENTIFIER)
        .join(crate::store::FILE_NAME)
}
