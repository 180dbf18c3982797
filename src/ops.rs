//! Use cases, by domain: each is a plain function over the [`Store`](crate::Store) that validates
//! through `model`, writes through `store` in one transaction, and takes "now" as a [`Stamp`]
//! argument. The app and the CLI call exactly these.
//!
//! [`Stamp`]: crate::model::Stamp

pub mod demo;
pub mod mandates;
pub mod members;
pub mod organisations;
pub mod people;
pub mod reference;
