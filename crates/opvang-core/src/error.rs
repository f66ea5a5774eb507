//! The error every core operation returns: a code the front end can act on and a Dutch message.

use serde::Serialize;
use ts_rs::TS;

/// What kind of failure happened; the front end switches on this, never on the message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ErrorCode {
    /// Input broke a rule; `field` names the offending field.
    Validatie,
    /// The record does not exist (any more).
    NietGevonden,
    /// Someone else saved a newer version of the record first.
    Conflict,
    /// The database could not be opened, read or written.
    Database,
    /// A file could not be read or written.
    Bestand,
    /// The user's role does not allow this (enforced by the database in team mode).
    GeenRechten,
}

/// The error crossing every boundary (CLI, IPC): `{code, message, field}` with a Dutch message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS, thiserror::Error)]
#[error("{message}")]
#[ts(export)]
pub struct CoreError {
    pub code: ErrorCode,
    pub message: String,
    /// The input field the message is about, e.g. `plaatsen` or `peildatum`.
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

pub type CoreResult<T> = Result<T, CoreError>;

impl CoreError {
    pub fn validatie(field: &str, message: impl Into<String>) -> Self {
        CoreError {
            code: ErrorCode::Validatie,
            message: message.into(),
            field: Some(field.to_owned()),
        }
    }

    pub fn niet_gevonden(message: impl Into<String>) -> Self {
        CoreError {
            code: ErrorCode::NietGevonden,
            message: message.into(),
            field: None,
        }
    }

    pub fn conflict(message: impl Into<String>) -> Self {
        CoreError {
            code: ErrorCode::Conflict,
            message: message.into(),
            field: None,
        }
    }

    pub fn database(message: impl Into<String>) -> Self {
        CoreError {
            code: ErrorCode::Database,
            message: message.into(),
            field: None,
        }
    }

    pub fn bestand(message: impl Into<String>) -> Self {
        CoreError {
            code: ErrorCode::Bestand,
            message: message.into(),
            field: None,
        }
    }
}

impl From<sqlx::Error> for CoreError {
    fn from(err: sqlx::Error) -> Self {
        if let sqlx::Error::Database(db) = &err {
            if db.is_unique_violation() {
                return CoreError::validatie(
                    "naam",
                    "Er bestaat al een record met deze gegevens (dubbele naam of peildatum).",
                );
            }
            if db.code().as_deref() == Some("42501") {
                return CoreError {
                    code: ErrorCode::GeenRechten,
                    message: "Uw rol in de teamdatabase staat deze wijziging niet toe.".to_owned(),
                    field: None,
                };
            }
            if db.is_foreign_key_violation() {
                return CoreError::validatie(
                    "locatie",
                    "Het record verwijst naar een locatie of gemeente die niet bestaat.",
                );
            }
        }
        CoreError::database(format!("Databasefout: {err}"))
    }
}

impl From<sqlx::migrate::MigrateError> for CoreError {
    fn from(err: sqlx::migrate::MigrateError) -> Self {
        CoreError::database(format!("De database kon niet worden bijgewerkt: {err}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serializes_as_code_message_field() {
        let err = CoreError::validatie("plaatsen", "Aantal plaatsen mag niet negatief zijn.");
        assert_eq!(
            serde_json::to_string(&err).unwrap(),
            r#"{"code":"validatie","message":"Aantal plaatsen mag niet negatief zijn.","field":"plaatsen"}"#
        );
        let err = CoreError::niet_gevonden("Locatie 7 bestaat niet.");
        assert_eq!(
            serde_json::to_string(&err).unwrap(),
            r#"{"code":"niet_gevonden","message":"Locatie 7 bestaat niet."}"#
        );
    }
}
