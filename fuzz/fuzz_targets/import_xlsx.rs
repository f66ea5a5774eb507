//! Fuzzes the spreadsheet import of a .xlsx file up to its preview (rows and problems).
#![no_main]

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| {
    let _ = opvang_core::fuzzing::import("bestand.xlsx", bytes);
});
