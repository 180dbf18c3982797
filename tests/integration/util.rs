//! Shared helpers: a store in a temp folder and a fixed stamp.

use std::path::PathBuf;

use zirkel::model::Stamp;
use zirkel::Store;

/// A store in a fresh temporary folder; the folder lives as long as the value.
pub struct TempStore {
    pub store: Store,
    pub path: PathBuf,
    _dir: tempfile::TempDir,
}

pub fn temp_store() -> TempStore {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("zirkel.sqlite3");
    let store = Store::open(&path).expect("open store");
    TempStore {
        store,
        path,
        _dir: dir,
    }
}

pub fn stamp() -> Stamp {
    Stamp {
        user: "geschaeftsstelle".into(),
        at: "2026-11-25T10:00:00".parse().expect("time"),
    }
}

pub fn today() -> chrono::NaiveDate {
    stamp().today()
}
