//! Progress of long work (demo data, imports), reported through a plain callback.

use serde::Serialize;
use ts_rs::TS;

/// How far a long operation is: `gedaan` of `totaal` steps, with a Dutch description.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Voortgang {
    pub gedaan: u64,
    pub totaal: u64,
    pub bericht: String,
}
