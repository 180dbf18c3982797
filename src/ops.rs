//! Use cases, by domain: each is a plain function over the [`Store`](crate::Store) that validates
//! through `model`, writes through `store` in one transaction, and takes "now" as a [`Stamp`]
//! argument. The app and the CLI call exactly these.
//!
//! [`Stamp`]: crate::model::Stamp

pub mod attachments;
pub mod attendance;
pub mod demo;
pub mod letters;
pub mod mandates;
pub mod members;
pub mod minutes;
pub mod organisations;
pub mod overview;
pub mod people;
pub mod practice_examples;
pub mod privacy;
pub mod recommendations;
pub mod reference;
pub mod search;
pub mod sessions;
pub mod settings;
pub mod topics;

/// "2 Mandate, 1 Sitzungsteilnahme": German phrases for the counts that are not zero, each as
/// `(count, singular, plural)`.
pub(crate) fn counted(counts: &[(i64, &str, &str)]) -> String {
    counts
        .iter()
        .filter(|(n, _, _)| *n > 0)
        .map(|(n, one, many)| format!("{n} {}", if *n == 1 { one } else { many }))
        .collect::<Vec<_>>()
        .join(", ")
}
