//! `opvang import`: reads a CSV, XLSX or ODS file, lists its problems and imports it in one transaction.

use std::fmt::Write;
use std::path::Path;

use chrono::NaiveDate;
use opvang_core::i18n::{self, tekst_met};
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
                eprintln!(
                    "{}",
                    i18n::tekst(i18n::actieve_taal(), "cli.import.koppeling_gebruikt")
                );
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
        eprintln!(
            "{}",
            i18n::tekst(i18n::actieve_taal(), "cli.import.koppeling_opgeslagen")
        );
    }
    let sleutel = if proef {
        "cli.import.samenvatting_proef"
    } else {
        "cli.import.samenvatting"
    };
    writeln!(
        uit,
        "{}",
        tekst_met(
            i18n::actieve_taal(),
            sleutel,
            &[
                ("rijen", &ontleding.regels.len()),
                ("bestand", &bestand.display()),
                ("nieuwe_locaties", &uitslag.nieuwe_locaties),
                ("capaciteit", &uitslag.capaciteitswijzigingen),
                ("nieuwe_peilingen", &uitslag.nieuwe_peilingen),
                ("gewijzigd", &uitslag.gewijzigde_peilingen),
                ("ongewijzigd", &uitslag.ongewijzigde_peilingen),
            ],
        )
    )
    .expect("writing to a String");
    Ok(uit)
}
