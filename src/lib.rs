//! Zirkel's core: the member register, sessions and minutes of a working group's secretariat,
//! without any UI. The Tauri app and the `zirkel` CLI call the same functions in [`ops`].
//!
//! ```
//! use zirkel::{model::{PersonInput, Stamp}, ops, Store};
//!
//! let mut store = Store::open_in_memory()?;
//! let stamp = Stamp { user: "gs".into(), at: "2026-11-25T10:00:00".parse().expect("time") };
//! let input = PersonInput { first_name: "Şükrü".into(), last_name: "Özdemir".into(), ..Default::default() };
//! let person = store.write(&stamp, |w| ops::people::create(w, &input))?;
//! assert_eq!(person.full_name(), "Şükrü Özdemir");
//! # Ok::<(), zirkel::Error>(())
//! ```
#![deny(missing_docs)]

pub mod backup;
pub mod bindings;
pub mod demo;
pub mod error;
pub mod export;
pub mod files;
pub mod import;
pub mod model;
pub mod ops;
pub mod paths;
pub mod pdf;
pub mod store;

pub use error::{Error, Result};
pub use store::Store;

#[cfg(test)]
pub(crate) mod test_support {
    /// The configuration of the property tests beside the code: `PROPTEST_CASES` cases (300 by
    /// default), at most a minute per property, and no failure files written into the repo.
    pub fn proptest_config() -> proptest::prelude::ProptestConfig {
        proptest::prelude::ProptestConfig {
            cases: std::env::var("PROPTEST_CASES")
                .ok()
                .and_then(|v| v.parse().ok())
                .unwrap_or(300),
            failure_persistence: None,
            timeout: 60_000,
            ..Default::default()
        }
    }
}
