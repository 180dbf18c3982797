//! Tauri commands, one module per area. Each takes the state, calls one core op and converts the
//! error; no logic and no SQL here.

pub mod handouts;
pub mod knowledge;
pub mod mandates;
pub mod minutes;
pub mod organisations;
pub mod people;
pub mod sessions;
pub mod store;
pub mod transfer;
