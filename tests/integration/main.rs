//! Integration tests of the core over a temporary database file (one test binary).

mod agenda;
mod attendance;
mod backup;
mod cli;
mod crash;
mod demo;
mod exports;
mod imports;
mod knowledge;
mod letters;
mod mandates;
mod members;
mod minutes;
mod organisations;
mod pdf;
mod people;
mod privacy;
mod properties;
mod search;
mod sessions;
mod settings;
mod util;
mod write_path;
