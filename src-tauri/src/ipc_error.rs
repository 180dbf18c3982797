//! The error the UI receives: `{ code, message, field, errors }` with German messages; `errors`
//! holds every problem of a refused input, each at its field. Only codes the UI acts on exist.

use serde::Serialize;
use zirkel::model::FieldError;
use zirkel::Error;

/// What kind of failure the UI is looking at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Code {
    /// Input refused; `field` names the form field.
    Validation,
    /// The record is gone.
    NotFound,
    /// Refused to protect history; the message names the safe alternative.
    Conflict,
    /// Locked record (approved minutes).
    Locked,
    /// Anything else (database, file system); the message says what happened.
    Internal,
    /// The store could not be opened (damaged, foreign, newer, in use by another window): the
    /// UI shows the recovery screen instead of the screens.
    StoreUnavailable,
}

/// The serialised error.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IpcError {
    /// Kind.
    pub code: Code,
    /// German message for the user.
    pub message: String,
    /// The first refused field of a validation error.
    pub field: Option<String>,
    /// Every problem of a refused input (empty for other errors).
    pub errors: Vec<FieldError>,
}

impl From<Error> for IpcError {
    fn from(error: Error) -> Self {
        let code = match &error {
            Error::Invalid(_) => Code::Validation,
            Error::NotFound { .. } => Code::NotFound,
            Error::Conflict { .. } => Code::Conflict,
            Error::Locked { .. } => Code::Locked,
            _ => Code::Internal,
        };
        if code == Code::Internal {
            log::error!("{}", error.log_line());
        }
        let errors = error.field_errors().to_vec();
        IpcError {
            code,
            message: error.user_message(),
            field: errors.first().map(|e| e.field.as_str().to_owned()),
            errors,
        }
    }
}

impl IpcError {
    /// The store could not be opened for `error`.
    pub fn unavailable(error: Error) -> Self {
        IpcError {
            code: Code::StoreUnavailable,
            ..IpcError::from(error)
        }
    }
}

/// Result of every command.
pub type IpcResult<T> = Result<T, IpcError>;
