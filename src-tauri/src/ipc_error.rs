//! The error the UI receives: `{ code, message, field }` with a German message. Only codes the UI
//! acts on exist.

use serde::Serialize;
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
}

/// The serialised error.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IpcError {
    /// Kind.
    pub code: Code,
    /// German message for the user.
    pub message: String,
    /// Input field for validation errors.
    pub field: Option<String>,
}

impl From<Error> for IpcError {
    fn from(error: Error) -> Self {
        let code = match &error {
            Error::Validation { .. } => Code::Validation,
            Error::NotFound { .. } => Code::NotFound,
            Error::Conflict { .. } => Code::Conflict,
            Error::Locked { .. } => Code::Locked,
            _ => Code::Internal,
        };
        if code == Code::Internal {
            log::error!("{error}");
        }
        let field = match &error {
            Error::Validation { field, .. } => Some(field.clone()),
            _ => None,
        };
        IpcError {
            code,
            message: error.user_message(),
            field,
        }
    }
}

/// Result of every command.
pub type IpcResult<T> = Result<T, IpcError>;
