//! Regression test of the cargo-fuzz targets on stable Rust: every input a fuzzer once crashed on
//! (`tests/fixtures/fuzz-regressions/<target>/`) and every seed (`fuzz/seeds/<target>/`) goes
//! through the target's body in `opvang_core::fuzzing` and must give a value or a Dutch error.

use std::path::{Path, PathBuf};

use opvang_core::fuzzing;

/// The files in `map` under the repository root, sorted; none when the folder does not exist.
fn bestanden(map: &str) -> Vec<PathBuf> {
    let map = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(map);
    let mut uit: Vec<PathBuf> = std::fs::read_dir(&map)
        .map(|items| items.flatten().map(|i| i.path()).collect())
        .unwrap_or_default();
    uit.retain(|p| p.is_file() && p.file_name().is_some_and(|n| n != "README.md"));
    uit.sort();
    uit
}

/// Runs `doel` over the regression inputs and seeds of `target`; returns how many ran.
fn alle(target: &str, doel: impl Fn(&[u8])) -> usize {
    let mut gelopen = 0;
    for map in [
        format!("tests/fixtures/fuzz-regressions/{target}"),
        format!("fuzz/seeds/{target}"),
    ] {
        for pad in bestanden(&map) {
            let bytes = std::fs::read(&pad).unwrap();
            eprintln!("{target}: {}", pad.display());
            doel(&bytes);
            gelopen += 1;
        }
    }
    gelopen
}

/// The seeds the import targets take from the committed fixtures (see `fuzz/seeds.sh`).
fn fixtures(extensie: &str) -> Vec<PathBuf> {
    let mut uit = bestanden("tests/fixtures/bad-input");
    uit.extend(bestanden("tests/fixtures/import/libreoffice"));
    uit.retain(|p| {
        p.extension().is_some_and(|e| e == extensie)
            && std::fs::metadata(p).is_ok_and(|m| m.len() < 65_536)
    });
    uit
}

fn import(extensie: &str) {
    let naam = format!("bestand.{extensie}");
    let mut gelopen = alle(&format!("import_{extensie}"), |bytes| {
        let _ = fuzzing::import(&naam, bytes);
    });
    for pad in fixtures(extensie) {
        let _ = fuzzing::import(&naam, &std::fs::read(pad).unwrap());
        gelopen += 1;
    }
    assert!(gelopen >= 3, "{gelopen} inputs for import_{extensie}");
}

#[test]
fn import_csv_inputs_never_panic() {
    import("csv");
}

#[test]
fn import_xlsx_inputs_never_panic() {
    import("xlsx");
}

#[test]
fn import_ods_inputs_never_panic() {
    import("ods");
}

#[test]
fn vng_report_inputs_never_panic_and_the_seeds_read() {
    let gelezen = alle("vng_rapport", |bytes| {
        let _ = fuzzing::vng_rapport(bytes);
    });
    assert!(gelezen >= 3);
    for pad in bestanden("fuzz/seeds/vng_rapport") {
        let aggregatie = fuzzing::vng_rapport(&std::fs::read(&pad).unwrap())
            .unwrap_or_else(|e| panic!("{}: {}", pad.display(), e.message));
        assert_eq!(aggregatie.dubbel as usize, aggregatie.bronnen.len());
    }
}

#[test]
fn value_parser_inputs_never_panic() {
    assert!(alle("waarden", fuzzing::waarden) >= 4);
}
