//! The error every core operation returns: a code the front end can act on and a message in the
//! user's language.

use std::fmt::Display;

use serde::Serialize;
use ts_rs::TS;

use crate::i18n::{self, Taal};

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
    /// The database file is damaged; the user restores a backup or opens another file.
    Beschadigd,
}

/// The error crossing every boundary (CLI, IPC): `{code, message, field}`. The message comes from
/// the catalog (`i18n/*.json`) by its key, rendered in the active language when the error is made;
/// the key and its arguments are kept so it can be rendered in another language.
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
    /// The catalog key of the message, e.g. `fout.capaciteit.negatief`.
    #[serde(skip)]
    #[ts(skip)]
    pub sleutel: String,
    /// The values of the message's `{naam}` placeholders.
    #[serde(skip)]
    #[ts(skip)]
    pub argumenten: Vec<(String, String)>,
}

pub type CoreResult<T> = Result<T, CoreError>;

impl CoreError {
    /// An error with the message `sleutel` from the catalog, in the active language.
    pub fn nieuw(code: ErrorCode, sleutel: impl Into<String>) -> Self {
        let sleutel = sleutel.into();
        CoreError {
            code,
            message: i18n::tekst(i18n::actieve_taal(), &sleutel),
            field: None,
            sleutel,
            argumenten: Vec::new(),
        }
    }

    /// Fills the placeholder `{naam}` of the message with `waarde`.
    pub fn met(mut self, naam: &str, waarde: &dyn Display) -> Self {
        self.argumenten.push((naam.to_owned(), waarde.to_string()));
        self.message = self.bericht(i18n::actieve_taal());
        self
    }

    /// Fills the placeholder `{naam}` with a date written the active language's way (`4-3-2027`,
    /// English `4 Mar 2027`).
    pub fn met_datum(self, naam: &str, datum: chrono::NaiveDate) -> Self {
        let tekst = crate::format::datum_in(i18n::actieve_taal(), datum);
        self.met(naam, &tekst)
    }

    /// The message in `taal`.
    pub fn bericht(&self, taal: Taal) -> String {
        i18n::invullen(&i18n::tekst(taal, &self.sleutel), &self.argumenten)
    }

    /// The same error with its message in `taal`.
    pub fn in_taal(mut self, taal: Taal) -> Self {
        self.message = self.bericht(taal);
        self
    }

    pub fn validatie(field: &str, sleutel: impl Into<String>) -> Self {
        CoreError {
            field: Some(field.to_owned()),
            ..CoreError::nieuw(ErrorCode::Validatie, sleutel)
        }
    }

    pub fn niet_gevonden(sleutel: impl Into<String>) -> Self {
        CoreError::nieuw(ErrorCode::NietGevonden, sleutel)
    }

    pub fn conflict(sleutel: impl Into<String>) -> Self {
        CoreError::nieuw(ErrorCode::Conflict, sleutel)
    }

    pub fn database(sleutel: impl Into<String>) -> Self {
        CoreError::nieuw(ErrorCode::Database, sleutel)
    }

    pub fn bestand(sleutel: impl Into<String>) -> Self {
        CoreError::nieuw(ErrorCode::Bestand, sleutel)
    }

    pub fn geen_rechten(sleutel: impl Into<String>) -> Self {
        CoreError::nieuw(ErrorCode::GeenRechten, sleutel)
    }
}

impl From<sqlx::Error> for CoreError {
    fn from(err: sqlx::Error) -> Self {
        if let sqlx::Error::Database(db) = &err {
            if db.is_unique_violation() {
                return CoreError::validatie("naam", "fout.database.dubbel");
            }
            if db.code().as_deref() == Some("42501") {
                return CoreError::geen_rechten("fout.database.geen_rechten");
            }
            if db.is_foreign_key_violation() {
                return CoreError::validatie("locatie", "fout.database.verwijzing");
            }
        }
        CoreError::database("fout.database.algemeen").met("fout", &err)
    }
}

impl From<sqlx::migrate::MigrateError> for CoreError {
    fn from(err: sqlx::migrate::MigrateError) -> Self {
        CoreError::database("fout.database.migratie").met("fout", &err)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serializes_as_code_message_field() {
        let err = CoreError::validatie("plaatsen", "fout.capaciteit.negatief");
        assert_eq!(
            serde_json::to_string(&err).unwrap(),
            r#"{"code":"validatie","message":"Aantal plaatsen mag niet negatief zijn.","field":"plaatsen"}"#
        );
        let err = CoreError::niet_gevonden("fout.locatie.niet_gevonden").met("id", &7);
        assert_eq!(
            serde_json::to_string(&err).unwrap(),
            r#"{"code":"niet_gevonden","message":"Locatie 7 bestaat niet."}"#
        );
    }

    #[test]
    fn renders_in_either_language() {
        let err = CoreError::niet_gevonden("fout.locatie.niet_gevonden").met("id", &7);
        assert_eq!(err.bericht(Taal::En), "Location 7 does not exist.");
        let en = err.in_taal(Taal::En);
        assert_eq!(en.message, "Location 7 does not exist.");
        assert_eq!(en.bericht(Taal::Nl), "Locatie 7 bestaat niet.");
    }
}
