//! Random-input smoke test of the importers and the Dutch value parsers on stable Rust: mutations
//! of the bad-input corpus and random cell texts must give a value or a Dutch error, never a panic.
//! (A seeded stand-in for the cargo-fuzz targets that SECURITY.md lists as still to do.)

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;

use opvang_core::import::{lees_aantal, lees_bestand, lees_datum, splits_adres};

struct Toeval(u64);

impl Toeval {
    fn volgende(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn onder(&mut self, n: usize) -> usize {
        (self.volgende() % n.max(1) as u64) as usize
    }
}

/// Flips, inserts, deletes or truncates a few bytes.
fn muteer(toeval: &mut Toeval, bytes: &[u8]) -> Vec<u8> {
    let mut uit = bytes.to_vec();
    for _ in 0..=toeval.onder(4) {
        let plek = toeval.onder(uit.len() + 1);
        match toeval.onder(4) {
            0 if plek < uit.len() => uit[plek] = toeval.volgende() as u8,
            1 => uit.insert(plek, toeval.volgende() as u8),
            2 if plek < uit.len() => {
                uit.remove(plek);
            }
            _ => uit.truncate(plek),
        }
    }
    uit
}

fn zonder_paniek(wat: &str, invoer: &[u8], f: impl FnOnce()) {
    if catch_unwind(AssertUnwindSafe(f)).is_err() {
        panic!(
            "{wat} panicked on input {:?}",
            String::from_utf8_lossy(invoer)
        );
    }
}

#[test]
fn mutated_corpus_files_never_panic_the_importers() {
    let map = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/bad-input");
    let mut zaden = Vec::new();
    for item in std::fs::read_dir(&map).unwrap().flatten() {
        let naam = item.file_name().to_string_lossy().into_owned();
        let grootte = item.metadata().unwrap().len();
        let soort = [".csv", ".xlsx", ".ods"].iter().any(|s| naam.ends_with(s));
        if grootte < 64 * 1024 && soort {
            zaden.push((naam, std::fs::read(item.path()).unwrap()));
        }
    }
    assert!(zaden.len() >= 10, "corpus found");
    let mut toeval = Toeval(0x5eed_2026);
    for _ in 0..3000 {
        let (naam, zaad) = &zaden[toeval.onder(zaden.len())];
        let invoer = muteer(&mut toeval, zaad);
        zonder_paniek(naam, &invoer, || {
            let _ = lees_bestand(naam, &invoer);
        });
    }
}

#[test]
fn random_cell_texts_never_panic_the_value_parsers() {
    const TEKENS: &[char] = &[
        '0', '1', '2', '9', '.', ',', '-', '/', ' ', '\u{a0}', '+', 'e', 'E', 'a', 'Z', '€', 'ë',
        '3', '1', '2', '0', '0', '4', '5',
    ];
    let mut toeval = Toeval(0x3102_2026);
    for _ in 0..50_000 {
        let lengte = toeval.onder(24);
        let tekst: String = (0..lengte)
            .map(|_| TEKENS[toeval.onder(TEKENS.len())])
            .collect();
        zonder_paniek("lees_aantal", tekst.as_bytes(), || {
            let _ = lees_aantal(&tekst);
        });
        zonder_paniek("lees_datum", tekst.as_bytes(), || {
            let _ = lees_datum(&tekst);
        });
        zonder_paniek("splits_adres", tekst.as_bytes(), || {
            let _ = splits_adres(&tekst);
        });
    }
    assert!(lees_aantal("99999999999999999999").is_err());
    assert!(lees_datum("31-02-2026").is_err());
}
