//! The core error type. Every variant is structured so the shell can map it to a German message
//! for the user without parsing strings; `Display` is for logs.

use std::path::PathBuf;

/// Result of every fallible core operation.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong in the core.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Input was refused. `field` names the input field (as in the Rust type), `message` is German
    /// and names the field as the user sees it.
    #[error("validation failed on {field}: {message}")]
    Validation {
        /// The field's name in the input type, e.g. `email`.
        field: String,
        /// German message for the user, e.g. "E-Mail: „x@“ ist keine gültige Adresse."
        message: String,
    },
    /// A referenced record does not exist (any more).
    #[error("{entity} {id} not found")]
    NotFound {
        /// What was looked for, e.g. "person".
        entity: &'static str,
        /// Its id.
        id: i64,
    },
    /// The operation would lose history or break a rule; the message (German) says the safe
    /// alternative, e.g. "deactivate instead of delete".
    #[error("conflict: {message}")]
    Conflict {
        /// German message for the user.
        message: String,
    },
    /// The record is locked (e.g. approved minutes) and cannot be changed in place.
    #[error("locked: {message}")]
    Locked {
        /// German message for the user.
        message: String,
    },
    /// The database file was written by a newer Zirkel; it is left untouched.
    #[error("database schema version {found} is newer than this program supports ({supported})")]
    TooNew {
        /// `user_version` found in the file.
        found: i64,
        /// Highest version this binary knows.
        supported: i64,
    },
    /// SQLite failed.
    #[error("database error: {0}")]
    Db(#[from] rusqlite::Error),
    /// A migration failed.
    #[error("migration error: {0}")]
    Migration(#[from] rusqlite_migration::Error),
    /// Reading or writing a file failed.
    #[error("i/o error on {path}: {source}")]
    Io {
        /// The file involved.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// Shipped or imported JSON could not be read.
    #[error("json error: {0}")]
    Json(#[from] serde_json::Error),
    /// A PDF could not be produced (e.g. the embedded font or the logo could not be read).
    #[error("pdf error: {message}")]
    Pdf {
        /// German message for the user.
        message: String,
    },
}

impl Error {
    /// Shorthand for a validation error.
    pub fn validation(field: &str, message: impl Into<String>) -> Self {
        Error::Validation {
            field: field.to_owned(),
            message: message.into(),
        }
    }

    /// A German message for the user, whatever the variant.
    pub fn user_message(&self) -> String {
        match self {
            Error::Validation { message, .. }
            | Error::Conflict { message }
            | Error::Locked { message }
            | Error::Pdf { message } => message.clone(),
            Error::NotFound { entity, id } => {
                format!("{} (Nr. {id}) wurde nicht gefunden. Wurde der Eintrag gelöscht?", entity_de(entity))
            }
            Error::TooNew { found, supported } => format!(
                "Die Datenbank stammt von einer neueren Zirkel-Version (Schema {found}, diese Version kennt {supported}). Sie wurde nicht verändert. Bitte Zirkel aktualisieren."
            ),
            Error::Db(e) => format!("Datenbankfehler: {e}. Es wurde nichts gespeichert."),
            Error::Migration(e) => format!("Die Datenbank konnte nicht aktualisiert werden: {e}"),
            Error::Io { path, source } => {
                format!("Datei „{}“ konnte nicht gelesen oder geschrieben werden: {source}", path.display())
            }
            Error::Json(e) => format!("Die Daten konnten nicht gelesen werden: {e}"),
        }
    }
}

fn entity_de(entity: &str) -> &'static str {
    match entity {
        "person" => "Die Person",
        "organisation" => "Die Organisation",
        "mandate" => "Das Mandat",
        "session" => "Die Sitzung",
        "topic" => "Das Themenfeld",
        _ => "Der Eintrag",
    }
}
