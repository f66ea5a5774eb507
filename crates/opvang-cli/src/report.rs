//! `opvang report`: the VNG occupancy report as XLSX, CSV, JSON or PDF, and aggregation of many
//! municipalities' report files into provincial, regional and national totals.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::Subcommand;
use opvang_core::format::{aantal, datum, percentage};
use opvang_core::occupancy::GebiedTotalen;
use opvang_core::reports::vng::{self, aggregatie, VngFormaat};
use opvang_core::{i18n, CoreError, CoreResult, Db};

#[derive(Subcommand)]
pub enum ReportOpdracht {
    /// Het VNG-rapport op een peildatum: per gemeente en locatietype de locaties, plaatsen,
    /// bezetting per doelgroep, vrij, beide bezettingsgraden en signalen, met de controles.
    Vng {
        /// Peildatum als JJJJ-MM-DD (standaard vandaag); per locatie telt de laatste peiling
        /// op of voor die datum.
        #[arg(long, value_parser = crate::lees_datum)]
        peildatum: Option<NaiveDate>,
        /// xlsx, csv (Excel NL: `;`, decimale komma; met --taal en: `,`, decimale punt), json (met
        /// schema) of pdf (afdrukbaar); koppen, labels, getallen en datums in de taal van --taal.
        #[arg(long = "format", visible_alias = "formaat", value_parser = lees_formaat)]
        formaat: VngFormaat,
        /// Het bestand dat wordt geschreven.
        #[arg(long = "out", visible_alias = "uit", value_name = "BESTAND")]
        uit: PathBuf,
    },
    /// Voegt VNG-rapporten van gemeenten (XLSX, CSV of JSON) samen tot totalen per provincie,
    /// veiligheidsregio en land. Hetzelfde rapport twee keer telt één keer; twee verschillende
    /// rapporten van één gemeente op één peildatum zijn een conflict (exitcode ≠ 0).
    Aggregeer {
        /// De rapportbestanden.
        #[arg(required = true, value_name = "BESTAND")]
        bestanden: Vec<PathBuf>,
        /// Schrijf het samengevoegde rapport (xlsx, csv of json, naar de extensie).
        #[arg(long = "out", visible_alias = "uit", value_name = "BESTAND")]
        uit: Option<PathBuf>,
    },
    /// Het jaarwerkboek (XLSX): een werkblad per maand, een rij per dag, een kolom per locatie
    /// met de bezetting op die dag (alle doelgroepen samen) en maandgemiddelden.
    Jaarwerkboek {
        /// Het jaar, bijvoorbeeld 2026.
        #[arg(long, value_name = "JJJJ", value_parser = clap::value_parser!(i32).range(2000..=2100))]
        jaar: i32,
        /// Het XLSX-bestand dat wordt geschreven.
        #[arg(long = "out", visible_alias = "uit", value_name = "BESTAND.xlsx")]
        uit: PathBuf,
    },
}

fn lees_formaat(tekst: &str) -> Result<VngFormaat, String> {
    VngFormaat::uit_naam(tekst)
        .ok_or_else(|| format!("onbekend formaat {tekst:?}; kies xlsx, csv, json of pdf"))
}

/// Runs a report command against the database; returns what to print.
pub async fn uitvoeren(
    db: &Db,
    opdracht: &ReportOpdracht,
    vandaag: NaiveDate,
) -> CoreResult<String> {
    match opdracht {
        ReportOpdracht::Vng {
            peildatum,
            formaat,
            uit,
        } => {
            use opvang_core::format::{aantal_in, datum_in, percentage_in};
            let taal = i18n::actieve_taal();
            let rapport = vng::rapport(db, peildatum.unwrap_or(vandaag)).await?;
            let rijen = vng::exporteren(&rapport, *formaat, uit)?;
            let mut tekst = String::new();
            for controle in &rapport.controles {
                tekst.push_str(&i18n::tekst_met(
                    taal,
                    "cli.report.controle",
                    &[("melding", &controle.melding)],
                ));
                tekst.push('\n');
            }
            tekst.push_str(&i18n::tekst_met(
                taal,
                "cli.report.vng_geschreven",
                &[
                    ("peildatum", &datum_in(taal, rapport.peildatum)),
                    ("bestand", &uit.display()),
                    ("rijen", &rijen),
                    (
                        "gerealiseerd",
                        &aantal_in(taal, rapport.totalen.gerealiseerd),
                    ),
                    ("bezet", &aantal_in(taal, rapport.totalen.bezet)),
                    ("graad", &percentage_in(taal, rapport.totalen.graad)),
                    ("controles", &rapport.controles.len()),
                ],
            ));
            tekst.push('\n');
            Ok(tekst)
        }
        ReportOpdracht::Aggregeer { bestanden, uit } => aggregeren(bestanden, uit.as_deref()),
        ReportOpdracht::Jaarwerkboek { jaar, uit } => {
            let locaties =
                opvang_core::reports::jaarwerkboek::exporteren(db, *jaar, vandaag, uit).await?;
            Ok(format!(
                "Jaarwerkboek {jaar} met {locaties} locaties geschreven naar {}.\n",
                uit.display()
            ))
        }
    }
}

fn regel(tekst: &mut String, g: &GebiedTotalen) {
    let t = &g.totalen;
    tekst.push_str(&format!(
        "  {:<32} {:>9} plaatsen {:>9} bezet {:>7}\n",
        g.naam,
        aantal(t.gerealiseerd),
        aantal(t.bezet),
        percentage(t.graad)
    ));
}

/// Reads the report files and prints the aggregated view; a conflict is an error naming the files.
fn aggregeren(bestanden: &[PathBuf], uit: Option<&std::path::Path>) -> CoreResult<String> {
    let a = aggregatie::lezen_paden(bestanden)?;
    let mut tekst = String::new();
    for r in &a.rapporten {
        tekst.push_str(&format!(
            "Peildatum {}: {} rijen\n",
            datum(r.peildatum),
            r.rijen.len()
        ));
        tekst.push_str("Per provincie:\n");
        r.provincies.iter().for_each(|g| regel(&mut tekst, g));
        tekst.push_str("Per veiligheidsregio:\n");
        r.veiligheidsregios
            .iter()
            .for_each(|g| regel(&mut tekst, g));
        regel(
            &mut tekst,
            &GebiedTotalen {
                soort: opvang_core::occupancy::GebiedSoort::Land,
                code: "NL".to_owned(),
                naam: "Nederland".to_owned(),
                totalen: r.totalen.clone(),
            },
        );
    }
    tekst.push_str(&format!(
        "{} gemeenterapporten, {} dubbel ingelezen, {} conflicten.\n",
        a.bronnen.len(),
        a.dubbel,
        a.conflicten.len()
    ));
    if let Some(c) = a.conflicten.first() {
        print!("{tekst}");
        return Err(CoreError::conflict("fout.cli_report.conflict")
            .met("gemeente", &c.gemeente_naam)
            .met("code", &c.gemeente_code)
            .met("peildatum", &datum(c.peildatum))
            .met("bestanden", &c.bestanden.join(" en ")));
    }
    if let Some(pad) = uit {
        if a.rapporten.len() > 1 {
            return Err(
                CoreError::validatie("out", "fout.cli_report.meerdere_peildata")
                    .met("aantal", &a.rapporten.len()),
            );
        }
        let naam = pad.display().to_string();
        let extensie = naam.rsplit_once('.').map_or("", |(_, e)| e);
        let formaat = VngFormaat::uit_naam(extensie).unwrap_or(VngFormaat::Xlsx);
        if let Some(r) = a.rapporten.first() {
            vng::exporteren(r, formaat, pad)?;
            tekst.push_str(&format!("Samengevoegd rapport geschreven naar {naam}.\n"));
        }
    }
    Ok(tekst)
}
