//! `opvang report`: the VNG occupancy report as XLSX, CSV, JSON or PDF, and aggregation of many
//! municipalities' report files into provincial, regional and national totals.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::Subcommand;
use opvang_core::occupancy::GebiedTotalen;
use opvang_core::reports::vng::{self, aggregatie, VngFormaat};
use opvang_core::{CoreError, CoreResult, Db};

use crate::tekst::{aantal, datum, percentage, t, t_met};

#[derive(Subcommand)]
pub enum ReportOpdracht {
    Vng {
        #[arg(long, value_parser = crate::lees_datum)]
        peildatum: Option<NaiveDate>,
        #[arg(long = "format", alias = "formaat", value_parser = lees_formaat)]
        formaat: VngFormaat,
        #[arg(long = "out", alias = "uit", value_name = "BESTAND")]
        uit: PathBuf,
    },
    Aggregeer {
        #[arg(required = true, value_name = "BESTAND")]
        bestanden: Vec<PathBuf>,
        #[arg(long = "out", alias = "uit", value_name = "BESTAND")]
        uit: Option<PathBuf>,
    },
    Jaarwerkboek {
        #[arg(long, value_name = "JJJJ", value_parser = lees_jaar)]
        jaar: i32,
        #[arg(long = "out", alias = "uit", value_name = "BESTAND.xlsx")]
        uit: PathBuf,
    },
}

fn lees_jaar(tekst: &str) -> Result<i32, String> {
    tekst
        .trim()
        .parse()
        .ok()
        .filter(|jaar| (2000..=2100).contains(jaar))
        .ok_or_else(|| t_met("cli.invoer.jaar", &[("tekst", &format!("{tekst:?}"))]))
}

fn lees_formaat(tekst: &str) -> Result<VngFormaat, String> {
    VngFormaat::uit_naam(tekst)
        .ok_or_else(|| t_met("cli.invoer.formaat", &[("tekst", &format!("{tekst:?}"))]))
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
            let rapport = vng::rapport(db, peildatum.unwrap_or(vandaag)).await?;
            let rijen = vng::exporteren(&rapport, *formaat, uit)?;
            let mut tekst = String::new();
            for controle in &rapport.controles {
                tekst.push_str(&t_met(
                    "cli.report.controle",
                    &[("melding", &controle.melding)],
                ));
                tekst.push('\n');
            }
            tekst.push_str(&t_met(
                "cli.report.vng_geschreven",
                &[
                    ("peildatum", &datum(rapport.peildatum)),
                    ("bestand", &uit.display()),
                    ("rijen", &aantal(rijen as i64)),
                    ("gerealiseerd", &aantal(rapport.totalen.gerealiseerd)),
                    ("bezet", &aantal(rapport.totalen.bezet)),
                    ("graad", &percentage(rapport.totalen.graad)),
                    ("controles", &aantal(rapport.controles.len() as i64)),
                ],
            ));
            tekst.push('\n');
            Ok(tekst)
        }
        ReportOpdracht::Aggregeer { bestanden, uit } => aggregeren(bestanden, uit.as_deref()),
        ReportOpdracht::Jaarwerkboek { jaar, uit } => {
            let locaties =
                opvang_core::reports::jaarwerkboek::exporteren(db, *jaar, vandaag, uit).await?;
            let tekst = t_met(
                "cli.report.jaarwerkboek_geschreven",
                &[
                    ("jaar", jaar),
                    ("locaties", &aantal(locaties as i64)),
                    ("bestand", &uit.display()),
                ],
            );
            Ok(format!("{tekst}\n"))
        }
    }
}

fn regel(tekst: &mut String, g: &GebiedTotalen) {
    let t = &g.totalen;
    let regel = t_met(
        "cli.report.gebied",
        &[
            ("gebied", &format!("{:<32}", g.naam)),
            ("plaatsen", &format!("{:>9}", aantal(t.gerealiseerd))),
            ("bezet", &format!("{:>9}", aantal(t.bezet))),
            ("graad", &format!("{:>7}", percentage(t.graad))),
        ],
    );
    tekst.push_str(&regel);
    tekst.push('\n');
}

/// Reads the report files and prints the aggregated view; a conflict is an error naming the files.
fn aggregeren(bestanden: &[PathBuf], uit: Option<&std::path::Path>) -> CoreResult<String> {
    let a = aggregatie::lezen_paden(bestanden)?;
    let mut tekst = String::new();
    for r in &a.rapporten {
        let kop = t_met(
            "cli.report.peildatum",
            &[
                ("peildatum", &datum(r.peildatum)),
                ("rijen", &aantal(r.rijen.len() as i64)),
            ],
        );
        tekst.push_str(&format!("{kop}\n{}\n", t("cli.report.per_provincie")));
        r.provincies.iter().for_each(|g| regel(&mut tekst, g));
        tekst.push_str(&format!("{}\n", t("cli.report.per_veiligheidsregio")));
        r.veiligheidsregios
            .iter()
            .for_each(|g| regel(&mut tekst, g));
        regel(
            &mut tekst,
            &GebiedTotalen {
                soort: opvang_core::occupancy::GebiedSoort::Land,
                code: "NL".to_owned(),
                naam: t("export.vng.totaal_nederland"),
                totalen: r.totalen.clone(),
            },
        );
    }
    let samenvatting = t_met(
        "cli.report.samengevoegd",
        &[
            ("rapporten", &aantal(a.bronnen.len() as i64)),
            ("dubbel", &aantal(a.dubbel)),
            ("conflicten", &aantal(a.conflicten.len() as i64)),
        ],
    );
    tekst.push_str(&format!("{samenvatting}\n"));
    if let Some(c) = a.conflicten.first() {
        print!("{tekst}");
        return Err(CoreError::conflict("fout.cli_report.conflict")
            .met("gemeente", &c.gemeente_naam)
            .met("code", &c.gemeente_code)
            .met("peildatum", &datum(c.peildatum))
            .met("bestanden", &c.bestanden.join(&t("cli.report.en"))));
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
            let geschreven = t_met("cli.report.samengevoegd_geschreven", &[("bestand", &naam)]);
            tekst.push_str(&format!("{geschreven}\n"));
        }
    }
    Ok(tekst)
}
