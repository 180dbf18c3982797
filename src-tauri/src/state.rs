//! The app's state: the open store behind a mutex, or the reason it could not be opened (shown to
//! the user by every command instead of a panic).

use std::sync::{Mutex, MutexGuard};

use zirkel::Store;

use crate::ipc_error::{Code, IpcError, IpcResult};

/// Shared by all commands.
pub struct AppState {
    store: Result<Mutex<Store>, IpcError>,
}

impl AppState {
    /// Opens the store at its default path (`ZIRKEL_DB` overrides it).
    pub fn open_default() -> Self {
        let path = zirkel::paths::default_db_path();
        let store = Store::open(&path).map(Mutex::new).map_err(|error| {
            log::error!("cannot open {}: {error}", path.display());
            IpcError::from(error)
        });
        AppState { store }
    }

    /// Wraps an open store (tests).
    pub fn new(store: Store) -> Self {
        AppState {
            store: Ok(Mutex::new(store)),
        }
    }

    /// Locks the store briefly for one operation.
    pub fn store(&self) -> IpcResult<MutexGuard<'_, Store>> {
        let mutex = self.store.as_ref().map_err(Clone::clone)?;
        mutex.lock().map_err(|_| IpcError {
            code: Code::Internal,
            message: "Ein früherer Fehler hat die Datenbankverbindung blockiert. Bitte Zirkel neu starten.".to_owned(),
            field: None,
            errors: Vec::new(),
        })
    }
}
