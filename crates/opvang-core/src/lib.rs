//! Opvangplanner's core: the domain of Dutch municipal reception locations, their storage and rules.
//!
//! Everything a planner can do lives here and is tested without a window: the location register
//! with its lifecycle ([`locations`]), occupancy snapshots and their totals ([`occupancy`]),
//! conversion suitability ([`suitability`]) and its review workflow ([`reviews`]), the
//! database ([`storage`]), spreadsheet import ([`import`]), capacity planning ([`planning`]),
//! Dutch formatting ([`format`]), reference data ([`reference`]) and the demo data set
//! ([`demo`]). The desktop shell and the
//! `opvang` CLI only translate to and from it.

pub mod benchdata;
pub mod demo;
pub mod error;
pub mod format;
#[doc(hidden)]
pub mod fuzzing;
pub mod i18n;
pub mod import;
pub mod locations;
pub mod occupancy;
pub mod overview;
pub mod planning;
pub mod progress;
pub mod reference;
pub mod reports;
pub mod reviews;
pub mod storage;
pub mod suitability;

pub use error::{CoreError, CoreResult, ErrorCode};
pub use storage::Db;

/// Today's date on this computer, the default peildatum.
pub fn vandaag() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}
