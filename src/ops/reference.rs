//! Fixed choices with their German labels, so the UI never keeps its own copy.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::model::{OrganisationKind, Role, Salutation, BUNDESLAENDER};

/// A value with its German label.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Choice<T> {
    /// The value as sent to the core.
    pub value: T,
    /// What the UI shows.
    pub label: String,
}

/// All fixed choices of the forms and filters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ReferenceData {
    /// The sixteen Länder.
    pub states: Vec<String>,
    /// Kinds of organisation.
    pub organisation_kinds: Vec<Choice<OrganisationKind>>,
    /// Roles of a mandate.
    pub roles: Vec<Choice<Role>>,
    /// Salutations ("keine" for neutral).
    pub salutations: Vec<Choice<Salutation>>,
}

/// The reference data.
pub fn reference_data() -> ReferenceData {
    ReferenceData {
        states: BUNDESLAENDER.iter().map(|s| (*s).to_owned()).collect(),
        organisation_kinds: OrganisationKind::ALL
            .into_iter()
            .map(|k| Choice {
                value: k,
                label: k.label().to_owned(),
            })
            .collect(),
        roles: Role::ALL
            .into_iter()
            .map(|r| Choice {
                value: r,
                label: r.label().to_owned(),
            })
            .collect(),
        salutations: Salutation::ALL
            .into_iter()
            .map(|s| Choice {
                value: s,
                label: if s.label().is_empty() {
                    "keine Anrede".to_owned()
                } else {
                    s.label().to_owned()
                },
            })
            .collect(),
    }
}
