//! The core error type. Every variant is structured so the shell can map it to a German message
//! for the user without parsing strings; `Display` is for logs.

use std::path::PathBuf;

use crate::model::field::{Field, FieldError};

/// Result of every fallible core operation.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong in the core.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Input was refused: every problem at once, each naming its field, with German messages.
    #[error("validation failed: {}", summary(.0))]
    Invalid(Vec<FieldError>),
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
    /// A stored value is not one this version knows (e.g. a status written by hand or by a
    /// damaged file): the read fails and names where, instead of guessing a default.
    #[error("table {table}, row {row}, column {column}: unknown value {value:?} ({what})")]
    Corrupt {
        /// The table read.
        table: &'static str,
        /// The row's id.
        row: i64,
        /// The column.
        column: String,
        /// What the column holds, e.g. "Rolle".
        what: String,
        /// The stored text.
        value: String,
    },
    /// The database file was written by a newer Zirkel; it is left untouched.
    #[error("database schema version {found} is newer than this program supports ({supported})")]
    TooNew {
        /// `user_version` found in the file.
        found: i64,
        /// Highest version this binary knows.
        supported: i64,
    },
    /// The file holds a schema of a pre-release build (before schema version 1 was frozen); it
    /// is left untouched.
    #[error("database from a pre-release build")]
    PreRelease,
    /// A read-only command was pointed at a path where there is no store; nothing was created.
    #[error("no store at {path}")]
    NoStore {
        /// The path looked at.
        path: PathBuf,
    },
    /// The file is not a Zirkel database (another program's file, an encrypted backup, a
    /// truncated copy); nothing was written to it.
    #[error("{path} is not a Zirkel database")]
    NotZirkel {
        /// The file.
        path: PathBuf,
    },
    /// The database file is damaged; nothing was written to it.
    #[error("database damaged: {detail}")]
    Damaged {
        /// The file, where known.
        path: Option<PathBuf>,
        /// SQLite's finding.
        detail: String,
    },
    /// SQLite failed.
    #[error("database error: {0}")]
    Db(rusqlite::Error),
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

fn summary(errors: &[FieldError]) -> String {
    errors
        .iter()
        .map(|e| format!("{}: {}", e.field, e.message))
        .collect::<Vec<_>>()
        .join("; ")
}

/// A value that failed to decode in a row, with the place the store read it from. The store's
/// row readers wrap conversion failures in it; [`Error`]'s `From` impl unwraps it.
#[derive(Debug)]
pub(crate) struct BadStoredValue {
    pub table: &'static str,
    pub row: i64,
    pub column: String,
    pub what: String,
    pub value: String,
}

impl std::fmt::Display for BadStoredValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}.{} row {}: {} {:?}",
            self.table, self.column, self.row, self.what, self.value
        )
    }
}

impl std::error::Error for BadStoredValue {}

impl From<rusqlite::Error> for Error {
    fn from(error: rusqlite::Error) -> Self {
        if let rusqlite::Error::FromSqlConversionFailure(_, _, cause) = &error {
            if let Some(bad) = cause.downcast_ref::<BadStoredValue>() {
                return Error::Corrupt {
                    table: bad.table,
                    row: bad.row,
                    column: bad.column.clone(),
                    what: bad.what.clone(),
                    value: bad.value.clone(),
                };
            }
        }
        if let rusqlite::Error::SqliteFailure(failure, detail) = &error {
            use rusqlite::ErrorCode;
            if matches!(
                failure.code,
                ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase
            ) {
                return Error::Damaged {
                    path: None,
                    detail: detail.clone().unwrap_or_else(|| failure.to_string()),
                };
            }
        }
        Error::Db(error)
    }
}

impl From<Vec<FieldError>> for Error {
    fn from(errors: Vec<FieldError>) -> Self {
        Error::Invalid(errors)
    }
}

impl From<FieldError> for Error {
    fn from(error: FieldError) -> Self {
        Error::Invalid(vec![error])
    }
}

/// How a path appears in a log line: only its extension, since a folder can hold the user's
/// login and a file name a person's name (`Auskunft Özdemir.pdf`).
fn log_path(path: &std::path::Path) -> String {
    match path.extension().and_then(|e| e.to_str()) {
        Some(ext) => format!("a .{ext} file"),
        None => "a file".to_owned(),
    }
}

impl Error {
    /// The error for the log file: like `Display`, without what may be personal data (paths,
    /// stored values, the values of refused input), so the office's IT can read it.
    pub fn log_line(&self) -> String {
        match self {
            Error::Invalid(errors) => format!(
                "validation failed: {}",
                errors
                    .iter()
                    .map(|e| e.field.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            Error::Corrupt {
                table,
                row,
                column,
                what,
                ..
            } => format!("table {table}, row {row}, column {column}: unknown value ({what})"),
            Error::NoStore { .. } => "no store at the chosen path".to_owned(),
            Error::NotZirkel { path } => format!("{} is not a Zirkel database", log_path(path)),
            Error::Damaged { detail, .. } => format!("database damaged: {detail}"),
            Error::Io { path, source } => {
                format!("i/o error on {}: {}", log_path(path), source.kind())
            }
            other => other.to_string(),
        }
    }

    /// Shorthand for a refusal of one field.
    pub fn validation(field: Field, message: impl Into<String>) -> Self {
        Error::Invalid(vec![FieldError::new(field, message)])
    }

    /// The field problems of a validation error (empty for every other kind).
    pub fn field_errors(&self) -> &[FieldError] {
        match self {
            Error::Invalid(errors) => errors,
            _ => &[],
        }
    }

    /// A German message for the user, whatever the variant. For several field problems it is a
    /// summary; the problems themselves are in [`Error::field_errors`].
    pub fn user_message(&self) -> String {
        match self {
            Error::Invalid(errors) => match errors.as_slice() {
                [] => "Die Eingabe ist ungültig.".to_owned(),
                [one] => one.message.clone(),
                many => format!(
                    "{} Eingaben sind ungültig. Bitte die markierten Felder korrigieren: {}",
                    many.len(),
                    many.iter().map(|e| e.message.as_str()).collect::<Vec<_>>().join(" ")
                ),
            },
            Error::Conflict { message } | Error::Locked { message } | Error::Pdf { message } => {
                message.clone()
            }
            Error::NotFound { entity, id } => {
                format!("{} (Nr. {id}) wurde nicht gefunden. Wurde der Eintrag gelöscht?", entity_de(entity))
            }
            Error::Corrupt { table, row, column, what, value } => format!(
                "Die Datenbank enthält in Tabelle „{table}“, Zeile {row}, Spalte „{column}“ den \
                 unbekannten Wert „{value}“ ({what}). Diese Version von Zirkel kann ihn nicht lesen; \
                 es wurde nichts verändert. Bitte die Datei prüfen oder eine Sicherung zurückspielen."
            ),
            Error::TooNew { found, supported } => format!(
                "Die Datenbank stammt von einer neueren Zirkel-Version (Schema {found}, diese Version kennt {supported}). Sie wurde nicht verändert. Bitte Zirkel aktualisieren."
            ),
            Error::PreRelease => "Die Datenbank stammt von einer Vorabversion von Zirkel, deren \
                 Aufbau nicht mehr unterstützt wird. Sie wurde nicht verändert. Bitte die Daten neu \
                 anlegen oder importieren (z. B. aus einem Export)."
                .to_owned(),
            Error::NoStore { path } => format!(
                "Unter „{}“ gibt es keine Zirkel-Datenbank. Es wurde nichts angelegt. Bitte den Pfad prüfen (--db) oder zuerst Daten anlegen, z. B. mit „zirkel demo“.",
                path.display()
            ),
            Error::NotZirkel { path } => format!(
                "„{}“ ist keine Zirkel-Datenbank. Die Datei wurde nicht verändert.",
                path.display()
            ),
            Error::Damaged { path, detail } => format!(
                "Die Datenbank{} ist beschädigt ({}). Sie wurde nicht verändert. Bitte die \
                 neueste Sicherung wiederherstellen.",
                path.as_ref().map(|p| format!(" „{}“", p.display())).unwrap_or_default(),
                damage_in_german(detail)
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

/// SQLite reports damage in English ("database disk image is malformed", "Page 7: btree …");
/// the user reads it in German, the log keeps SQLite's words (the error's `Display`). Details
/// Zirkel writes itself are German already and pass unchanged.
fn damage_in_german(detail: &str) -> String {
    let lower = detail.to_lowercase();
    if lower.contains("not a database") {
        "die Datei ist keine gültige SQLite-Datenbank".to_owned()
    } else if [
        "malformed",
        "btree",
        "page ",
        "wrong # of entries",
        "missing from index",
        "never used",
        "out of order",
        "corrupt",
        "freelist",
        "overflow",
    ]
    .iter()
    .any(|english| lower.contains(english))
    {
        "die innere Struktur der Datei ist fehlerhaft".to_owned()
    } else {
        detail.to_owned()
    }
}

fn entity_de(entity: &str) -> &'static str {
    match entity {
        "person" => "Die Person",
        "organisation" => "Die Organisation",
        "mandate" => "Das Mandat",
        "session" => "Die Sitzung",
        "topic" => "Das Themenfeld",
        "agenda_item" => "Der Tagesordnungspunkt",
        "attendance" => "Die Teilnahme",
        "attachment" => "Die Anlage",
        "minutes" | "minutes_text" => "Das Protokoll",
        "decision" => "Der Beschluss",
        "action_item" => "Die Aufgabe",
        "practice_example" => "Das Praxisbeispiel",
        "recommendation" => "Die Empfehlung",
        "recommendation_version" => "Die Fassung der Empfehlung",
        _ => "Der Eintrag",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_log_line_holds_no_path_stored_value_or_typed_value() {
        let io = Error::Io {
            path: PathBuf::from("/home/mmustermann/Auskunft Şükrü Özdemir.pdf"),
            source: std::io::Error::from(std::io::ErrorKind::PermissionDenied),
        };
        let corrupt = Error::Corrupt {
            table: "people",
            row: 7,
            column: "role".into(),
            what: "Rolle".into(),
            value: "Özdemir".into(),
        };
        let invalid =
            Error::validation(Field::Email, "„sukru.oezdemir@“ ist keine E-Mail-Adresse.");
        let lines = [io.log_line(), corrupt.log_line(), invalid.log_line()];
        for line in &lines {
            for personal in ["mmustermann", "Özdemir", "sukru"] {
                assert!(!line.contains(personal), "{personal} in {line:?}");
            }
        }
        assert!(lines[0].contains(".pdf file"), "{}", lines[0]);
        assert!(
            lines[1].contains("people") && lines[1].contains("role"),
            "{}",
            lines[1]
        );
        assert!(lines[2].contains("email"), "{}", lines[2]);
    }

    #[test]
    fn damage_is_told_in_german_and_sqlite_s_words_stay_in_the_log() {
        let error = Error::Damaged {
            path: Some(PathBuf::from("/daten/zirkel.sqlite3")),
            detail: "database disk image is malformed".into(),
        };
        assert_eq!(
            error.user_message(),
            "Die Datenbank „/daten/zirkel.sqlite3“ ist beschädigt (die innere Struktur der Datei \
             ist fehlerhaft). Sie wurde nicht verändert. Bitte die neueste Sicherung wiederherstellen."
        );
        assert!(
            error.to_string().contains("malformed"),
            "the log keeps SQLite's words"
        );
        let ours = Error::Damaged {
            path: None,
            detail: "die verschlüsselten Daten sind unvollständig oder verändert".into(),
        };
        assert!(ours.user_message().contains("unvollständig oder verändert"));
    }
}
