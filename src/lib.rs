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
