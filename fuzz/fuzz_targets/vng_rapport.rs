//! Fuzzes reading a VNG report file (XLSX, CSV or JSON, recognised from the content) for aggregation.
#![no_main]

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| {
    let _ = opvang_core::fuzzing::vng_rapport(bytes);
});
