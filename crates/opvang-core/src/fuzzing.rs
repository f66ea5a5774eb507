//! The bodies of the cargo-fuzz targets in `fuzz/`: each feeds arbitrary bytes to one importer or
//! parser the way the app does, up to the preview, and checks what must always hold. The
//! regression test `tests/fuzz_regressies.rs` runs the same functions over every input a fuzzer
//! once crashed on and over the seed corpora, on stable Rust.
//!
//! Not part of the product's API: only the fuzz targets and that test call it.

use std::sync::OnceLock;

use chrono::NaiveDate;

use crate::error::CoreResult;
use crate::import::{
    lees_aantal, lees_bestand, lees_datum, ontleed, soort_uit_tekst, splits_adres, ImportBestand,
    ImportVeld, Koppeling, Ontleding,
};
use crate::reference::{indeling, Gemeente, INDELINGEN};
use crate::reports::vng::aggregatie::{samenvoegen, Aggregatie};

/// The shipped municipalities, parsed once.
fn gemeenten() -> &'static [Gemeente] {
    static GEMEENTEN: OnceLock<Vec<Gemeente>> = OnceLock::new();
    GEMEENTEN.get_or_init(|| indeling(INDELINGEN[INDELINGEN.len() - 1].1))
}

/// A fixed "today", so a run does not depend on the date.
fn vandaag() -> NaiveDate {
    NaiveDate::from_ymd_opt(2030, 1, 1).expect("valid date")
}

/// A spreadsheet import up to its preview: reads the file as `naam` (its extension picks CSV or
/// workbook), builds what the mapping screen shows, and parses the rows with the automatic
/// mapping into import rows and problems.
pub fn import(naam: &str, bytes: &[u8]) -> CoreResult<Ontleding> {
    let tabel = lees_bestand(naam, bytes)?;
    let bestand = ImportBestand::van(naam, &tabel, None);
    assert!(bestand.voorbeeld.len() <= 3 && bestand.voorbeeld.len() <= bestand.rijen);
    assert_eq!(Koppeling::vingerafdruk(&tabel.koppen).len(), 64);
    let opgeslagen =
        Koppeling::uit_json(&bestand.koppeling.naar_json()).expect("a written mapping reads back");
    assert!(opgeslagen.past_op(&tabel.koppen));
    let ontleding = ontleed(&tabel, &opgeslagen, gemeenten(), vandaag())?;
    for regel in &ontleding.regels {
        assert!(regel.peildatum <= vandaag(), "no future peildatum passes");
        assert!(!regel.naam.is_empty(), "no nameless location passes");
    }
    Ok(ontleding)
}

/// A VNG report file as the aggregation reads it: the format is recognised from the content
/// (zip: XLSX, `{`: JSON, else CSV), the file is read, and combined with an identical copy of
/// itself, which must count once.
pub fn vng_rapport(bytes: &[u8]) -> CoreResult<Aggregatie> {
    let naam = if bytes.starts_with(b"PK") {
        "rapport.xlsx"
    } else if bytes.trim_ascii_start().starts_with(b"{") {
        "rapport.json"
    } else {
        "rapport.csv"
    };
    let gelezen = crate::reports::vng::lezen(naam, bytes)?;
    let kopie = format!("kopie-{naam}");
    let aggregatie = samenvoegen(
        &[(naam.to_owned(), gelezen.clone()), (kopie, gelezen)],
        "2030-01-01T00:00:00Z",
    );
    assert!(
        aggregatie.conflicten.is_empty(),
        "a file never conflicts with its copy"
    );
    Ok(aggregatie)
}

/// The cell parsers on each line of `bytes` (as UTF-8, invalid bytes replaced): counts, dates,
/// addresses, location types and headings; a value read must read back the same when written
/// the plain way.
pub fn waarden(bytes: &[u8]) {
    let tekst = String::from_utf8_lossy(bytes);
    for cel in tekst.split('\n') {
        if let Ok(n) = lees_aantal(cel) {
            assert!(n >= 0, "{cel:?} read as negative {n}");
            assert_eq!(lees_aantal(&n.to_string()), Ok(n));
        }
        if let Ok(d) = lees_datum(cel) {
            assert_eq!(lees_datum(&d.format("%Y-%m-%d").to_string()), Ok(d));
        }
        let adres = splits_adres(cel);
        assert!(adres.postcode.is_empty() || adres.postcode.len() == 7);
        let _ = soort_uit_tekst(cel);
        let _ = ImportVeld::uit_kop(cel);
    }
}
