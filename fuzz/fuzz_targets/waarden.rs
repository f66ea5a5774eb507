//! Fuzzes the cell parsers (counts, dates, addresses, location types, headings), one cell a line.
#![no_main]

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| {
    opvang_core::fuzzing::waarden(bytes);
});
