//! Progress of long work (demo data, imports), reported through a plain callback.

use std::fmt::Display;

use serde::Serialize;
use ts_rs::TS;

use crate::i18n;

/// How far a long operation is: `gedaan` of `totaal` steps, with a description in the active
/// language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Voortgang {
    pub gedaan: u64,
    pub totaal: u64,
    pub bericht: String,
}

impl Voortgang {
    /// `gedaan` of `totaal` steps, described by the catalog text `sleutel` (section `voortgang`)
    /// with its `{naam}` placeholders filled from `waarden`.
    pub fn nieuw(
        gedaan: u64,
        totaal: u64,
        sleutel: &str,
        waarden: &[(&str, &dyn Display)],
    ) -> Self {
        Voortgang {
            gedaan,
            totaal,
            bericht: i18n::tekst_met(i18n::actieve_taal(), sleutel, waarden),
        }
    }
}
