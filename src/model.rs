//! Plain domain types and their validation. No I/O here: the store persists these types, the ops
//! validate inputs with the functions in the submodules, and the UI receives them as generated
//! TypeScript types (see `bindings`).

pub mod backup;
pub mod content;
pub mod date;
pub mod field;
pub mod geo;
pub mod letter;
pub mod mandate;
pub mod member;
pub mod organisation;
pub mod overview;
pub mod person;
pub mod privacy;
pub mod search;
pub mod session;
pub mod settings;
pub mod stored;
pub mod text;

pub use content::{RecommendationStatus, ReleaseStatus};
pub use field::{Field, FieldError};
pub use session::{ActionStatus, AgendaKind, AttendanceStatus, MinutesStatus, SessionStatus};
pub use stored::Stored;

pub use mandate::{Mandate, MandateInput, MandateView, Role};
pub use member::{MemberFilter, MemberList, MemberRow, MemberSort, MemberStatus};
pub use organisation::{
    Organisation, OrganisationDetail, OrganisationFilter, OrganisationInput, OrganisationKind,
    OrganisationList, OrganisationRow, OrganisationSort, OrganisationStatus, BUNDESLAENDER,
};
pub use person::{Person, PersonDetail, PersonInput, Salutation};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Who made a change and when. Ops take it as an argument, so logic never reads the clock or
/// the environment itself and tests stay deterministic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stamp {
    /// The operating-system user, as the audit log records it.
    pub user: String,
    /// The moment of the change, local time, to the second.
    pub at: chrono::NaiveDateTime,
}

impl Stamp {
    /// A stamp for "now" by the current OS user: the one place that reads clock and environment.
    pub fn now() -> Self {
        let user = std::env::var("USER")
            .or_else(|_| std::env::var("USERNAME"))
            .unwrap_or_else(|_| "unbekannt".to_owned());
        Stamp {
            user,
            at: chrono::Local::now().naive_local().with_nanosecond_zero(),
        }
    }

    /// The calendar day of the stamp.
    pub fn today(&self) -> chrono::NaiveDate {
        self.at.date()
    }
}

trait WithNanosecondZero {
    fn with_nanosecond_zero(self) -> Self;
}

impl WithNanosecondZero for chrono::NaiveDateTime {
    fn with_nanosecond_zero(self) -> Self {
        use chrono::Timelike;
        self.with_nanosecond(0).unwrap_or(self)
    }
}

/// When and by whom a record was created and last changed, shown at the bottom of each form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct History {
    /// Creation time, ISO 8601 local time.
    pub created_at: String,
    /// OS user who created it.
    pub created_by: String,
    /// Last change, ISO 8601 local time.
    pub updated_at: String,
    /// OS user who changed it last.
    pub updated_by: String,
}

/// Sort direction of a list.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// A to Z, oldest first.
    #[default]
    Ascending,
    /// Z to A, newest first.
    Descending,
}

/// Information about the running app for the status line and the first-start dialog.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct StoreInfo {
    /// Path of the SQLite file.
    pub path: String,
    /// Schema version (`PRAGMA user_version`).
    pub schema_version: i64,
    /// True when the store holds no organisations and no people: the app then offers the demo.
    pub is_empty: bool,
    /// Number of people.
    pub people: i64,
    /// Number of organisations.
    pub organisations: i64,
}
