//! The app's state: the open store behind a mutex, or the reason it could not be opened (shown
//! to the user by every command instead of a panic, and by the recovery screen, which can put a
//! backup in its place). The app holds a lock file beside the store while it runs, so a second
//! window cannot edit the same store; the CLI still writes beside it through SQLite's locking.

use std::fs::File;
use std::ops::{Deref, DerefMut};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use zirkel::Store;

use crate::ipc_error::{Code, IpcError, IpcResult};

/// The store, or why there is none.
pub enum Slot {
    /// Open and usable.
    Open(Store),
    /// Could not be opened; the message is the German reason.
    Failed(IpcError),
}

/// Shared by all commands.
pub struct AppState {
    path: PathBuf,
    slot: Mutex<Slot>,
    /// Held while the app runs; released by the OS when the process ends, also on a crash.
    _lock: Option<File>,
    /// Another Zirkel window holds the lock: the store must not be replaced from here.
    held_elsewhere: bool,
}

/// A locked, open store.
pub struct StoreGuard<'a>(MutexGuard<'a, Slot>);

impl Deref for StoreGuard<'_> {
    type Target = Store;
    fn deref(&self) -> &Store {
        match &*self.0 {
            Slot::Open(store) => store,
            Slot::Failed(_) => unreachable!("a guard is only made for an open store"),
        }
    }
}

impl DerefMut for StoreGuard<'_> {
    fn deref_mut(&mut self) -> &mut Store {
        match &mut *self.0 {
            Slot::Open(store) => store,
            Slot::Failed(_) => unreachable!("a guard is only made for an open store"),
        }
    }
}

impl AppState {
    /// Opens the store at its default path (`ZIRKEL_DB` overrides it): takes the lock beside
    /// it, opens it (refusing a foreign or damaged file untouched, after a quick check).
    pub fn open_default() -> Self {
        Self::open_at(zirkel::paths::default_db_path())
    }

    /// Opens the store at `path` as [`AppState::open_default`] does.
    pub fn open_at(path: PathBuf) -> Self {
        let lock = lock(&path);
        let slot = match &lock {
            Err(error) => Slot::Failed(error.clone()),
            Ok(_) => match Store::open_checked(&path) {
                Ok(store) => Slot::Open(store),
                Err(error) => {
                    log::error!("cannot open the store: {}", error.log_line());
                    Slot::Failed(IpcError::unavailable(error))
                }
            },
        };
        let held_elsewhere = lock.is_err();
        AppState {
            path,
            slot: Mutex::new(slot),
            _lock: lock.ok(),
            held_elsewhere,
        }
    }

    /// Wraps an open store (tests).
    pub fn new(store: Store) -> Self {
        AppState {
            path: store.path().to_path_buf(),
            slot: Mutex::new(Slot::Open(store)),
            _lock: None,
            held_elsewhere: false,
        }
    }

    /// A state whose store could not be opened (tests of the recovery).
    pub fn failed(path: PathBuf, error: zirkel::Error) -> Self {
        AppState {
            path,
            slot: Mutex::new(Slot::Failed(IpcError::unavailable(error))),
            _lock: None,
            held_elsewhere: false,
        }
    }

    /// True when another Zirkel window holds the store's lock.
    pub fn held_elsewhere(&self) -> bool {
        self.held_elsewhere
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Locks the store briefly for one operation.
    pub fn store(&self) -> IpcResult<StoreGuard<'_>> {
        let guard = self.slot()?;
        match &*guard {
            Slot::Open(_) => Ok(StoreGuard(guard)),
            Slot::Failed(error) => Err(error.clone()),
        }
    }

    /// The slot itself, open or not (the recovery).
    pub fn slot(&self) -> IpcResult<MutexGuard<'_, Slot>> {
        self.slot.lock().map_err(|_| IpcError {
            code: Code::Internal,
            message: "Ein früherer Fehler hat die Datenbankverbindung blockiert. Bitte Zirkel neu starten.".to_owned(),
            field: None,
            errors: Vec::new(),
        })
    }
}

/// How long a start waits for the lock of a window that is still closing.
const LOCK_WAIT: std::time::Duration = std::time::Duration::from_secs(5);

/// Takes the lock file beside the store (`zirkel.sqlite3.lock`); refused while another Zirkel
/// window holds it.
fn lock(db: &Path) -> Result<File, IpcError> {
    let mut name = db.as_os_str().to_owned();
    name.push(".lock");
    let path = PathBuf::from(name);
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        let _ = std::fs::create_dir_all(parent);
    }
    let file = File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|error| {
            log::error!("cannot create the store's lock file: {}", error.kind());
            IpcError::unavailable(zirkel::Error::Io {
                path: path.clone(),
                source: error,
            })
        })?;
    // A window closed a moment ago may still be ending (its process holds the lock until it has
    // exited): wait up to LOCK_WAIT before saying another window has the store.
    let started = std::time::Instant::now();
    let mut attempt = file.try_lock();
    while matches!(attempt, Err(std::fs::TryLockError::WouldBlock)) && started.elapsed() < LOCK_WAIT
    {
        std::thread::sleep(std::time::Duration::from_millis(100));
        attempt = file.try_lock();
    }
    match attempt {
        Ok(()) => Ok(file),
        Err(std::fs::TryLockError::WouldBlock) => Err(IpcError {
            code: Code::StoreUnavailable,
            message: format!(
                "Die Datenbank „{}“ ist bereits in einem anderen Zirkel-Fenster geöffnet. Bitte dort weiterarbeiten; zwei Fenster würden sich gegenseitig Änderungen überschreiben.",
                db.display()
            ),
            field: None,
            errors: Vec::new(),
        }),
        Err(std::fs::TryLockError::Error(error)) => {
            // A file system without locks (rare): work on, as SQLite's own locking still holds.
            log::warn!("no lock on the store's lock file: {}", error.kind());
            Ok(file)
        }
    }
}
