//! Texts, counts and dates of the command's output in the language of `--taal`: every sentence
//! comes from the core catalogs (section `cli`), numbers and dates follow nl-NL or en-GB.

use std::fmt::Display;

use chrono::NaiveDate;
use opvang_core::format;
use opvang_core::i18n::{self, Taal};

fn taal() -> Taal {
    i18n::actieve_taal()
}

/// The catalog text for `sleutel`.
pub fn t(sleutel: &str) -> String {
    i18n::tekst(taal(), sleutel)
}

/// The catalog text for `sleutel` with its `{naam}` placeholders filled.
pub fn t_met(sleutel: &str, waarden: &[(&str, &dyn Display)]) -> String {
    i18n::tekst_met(taal(), sleutel, waarden)
}

/// A count: `1.234` in Dutch, `1,234` in English.
pub fn aantal(n: i64) -> String {
    format::aantal_in(taal(), n)
}

/// A rate in tenths of a percent: `99,9%` in Dutch, `99.9%` in English; `–` without one.
pub fn percentage(tienden: Option<i64>) -> String {
    format::percentage_in(taal(), tienden)
}

/// A date: `23-11-2026` in Dutch, `23/11/2026` in English.
pub fn datum(d: NaiveDate) -> String {
    format::datum_cijfers_in(taal(), d)
}
