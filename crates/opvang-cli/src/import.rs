//! `opvang import`: reads a CSV, XLSX or ODS file, lists its problems and imports it in one transaction.

use std::fmt::Write;
use std::path::Path;

use chrono::NaiveDate;
use opvang_core::import::{lees_bestand, ontleed, Koppeling};
use opvang_core::{CoreError, CoreResult, Db};

/// Reads `bestand` with the mapping file given, else the mapping saved in the database for its
/// headings, else the automatic one; a mapping file given is saved for those headings once the
/// import succeeds. Returns the report to print.
pub async fn uitvoeren(
    db: &Db,
    bestand: &Path,
    koppeling: Option<&Path>,
    proef: bool,
    vandaag: NaiveDate,
) -> CoreResult<String> {
    let lees = |pad: &Path| {
        std::fs::read(pad).map_err(|e| {
            CoreError::bestand("fout.cli_import.niet_gelezen")
                .met("pad", &pad.display())
                .met("fout", &e)
        })
    };
    let naam = bestand
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let tabel = lees_bestand(&naam, &lees(bestand)?)?;
    let gegeven = koppeling.is_some();
    let koppeling = match koppeling {
        Some(pad) => {
            let tekst = String::from_utf8(lees(pad)?).map_err(|_| {
                CoreError::bestand("fout.cli_import.geen_utf_8_tekst").met("pad", &pad.display())
            })?;
            Koppeling::uit_json(&tekst)?
        }
        None => match db.opgeslagen_koppeling(&tabel.koppen).await? {
            Some(opgeslagen) => {
                eprintln!("Opgeslagen koppeling gebruikt voor deze kolommen.");
                opgeslagen
            }
            None => Koppeling::automatisch(&tabel.koppen),
        },
    };
    let ontleding = ontleed(&tabel, &koppeling, &db.gemeenten().await?, vandaag)?;
    let mut uit = String::new();
    for probleem in &ontleding.problemen {
        writeln!(uit, "{probleem}").expect("writing to a String");
    }
    if ontleding.heeft_fouten() {
        eprint!("{uit}");
    }
    let uitslag = db
        .importeren(&ontleding, proef, |stap| eprint!("\r{}", stap.bericht))
        .await?;
    eprintln!();
    if gegeven && !proef && db.koppeling_opslaan(&tabel.koppen, &koppeling).await? {
        eprintln!("De koppeling is opgeslagen voor bestanden met deze kolommen.");
    }
    let werkwoord = if proef {
        "Proefimport (niets opgeslagen)"
    } else {
        "Geïmporteerd"
    };
    writeln!(
        uit,
        "{werkwoord}: {} rijen uit {}.\n\
         Nieuwe locaties: {}\n\
         Capaciteitswijzigingen: {}\n\
         Nieuwe peilingen: {}\n\
         Gewijzigde peilingen: {}\n\
         Ongewijzigde peilingen: {}",
        ontleding.regels.len(),
        bestand.display(),
        uitslag.nieuwe_locaties,
        uitslag.capaciteitswijzigingen,
        uitslag.nieuwe_peilingen,
        uitslag.gewijzigde_peilingen,
        uitslag.ongewijzigde_peilingen
    )
    .expect("writing to a String");
    Ok(uit)
}
