//! Integration tests of the core over a temporary database file (one test binary).

mod cli;
mod demo;
mod mandates;
mod members;
mod organisations;
mod people;
mod util;
