//! The members list: people with their main mandate, filtered and sorted.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Direction, OrganisationKind, Role};

/// Which people the members list shows, relative to the reference date.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum MemberStatus {
    /// People who hold a mandate on the reference date, and active people who have never held
    /// one (new contacts).
    #[default]
    Current,
    /// Deactivated people, and people whose mandates have all ended.
    Former,
    /// Everybody.
    All,
}

/// Column to sort the members list by.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum MemberSort {
    /// Last name, first name (German collation, particles ignored).
    #[default]
    Name,
    /// Organisation name.
    Organisation,
    /// Role.
    Role,
    /// Function.
    Function,
    /// E-mail.
    Email,
    /// Phone.
    Phone,
    /// Bundesland of the organisation.
    State,
    /// Start of the main mandate.
    Since,
}

/// Filter and sort of the members list.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct MemberFilter {
    /// Free text over name, organisation, function, e-mail (diacritics and case ignored).
    pub text: String,
    /// Only people with a mandate in this role (on the reference date unless status is all/former).
    pub role: Option<Role>,
    /// Only people with a mandate for this organisation.
    pub organisation_id: Option<i64>,
    /// Only people whose main organisation lies in this Bundesland.
    pub state: Option<String>,
    /// Current / former / all.
    pub status: MemberStatus,
    /// Reference date ("Stichtag"), TT.MM.JJJJ or ISO; empty means today.
    pub as_of: String,
    /// Sort column.
    pub sort: MemberSort,
    /// Sort direction.
    pub direction: Direction,
}

/// One row of the members list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MemberRow {
    /// Person id.
    pub person_id: i64,
    /// "Özdemir, Şükrü, Dr."
    pub name: String,
    /// Academic title.
    pub title: Option<String>,
    /// First name.
    pub first_name: String,
    /// Particle.
    pub name_particle: Option<String>,
    /// Last name.
    pub last_name: String,
    /// Main mandate's organisation.
    pub organisation_id: Option<i64>,
    /// Its name.
    pub organisation: Option<String>,
    /// Its kind.
    pub organisation_kind: Option<OrganisationKind>,
    /// Main mandate's role.
    pub role: Option<Role>,
    /// Function.
    pub function: Option<String>,
    /// E-mail.
    pub email: Option<String>,
    /// Phone.
    pub phone: Option<String>,
    /// Bundesland of the organisation.
    pub state: Option<String>,
    /// Start of the main mandate.
    pub since: Option<NaiveDate>,
    /// End of the main mandate.
    pub until: Option<NaiveDate>,
    /// True when the person holds a mandate on the reference date (or is active and never held one).
    pub current: bool,
    /// False once the person was deactivated.
    pub active: bool,
}

/// The members list with its counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MemberList {
    /// Rows that pass the filter, sorted.
    pub rows: Vec<MemberRow>,
    /// All people in the store.
    pub total: i64,
    /// The reference date used (ISO).
    pub as_of: NaiveDate,
}
