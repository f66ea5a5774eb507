//! `opvang report`: the VNG occupancy report as XLSX, CSV, JSON or PDF.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::Subcommand;
use opvang_core::reports::vng::{self, VngFormaat};
use opvang_core::{CoreResult, Db};

#[derive(Subcommand)]
pub enum ReportOpdracht {
    /// Het VNG-rapport op een peildatum: per gemeente en locatietype de locaties, plaatsen,
    /// bezetting per doelgroep, vrij, beide bezettingsgraden en signalen, met de controles.
    Vng {
        /// Peildatum als JJJJ-MM-DD (standaard vandaag); per locatie telt de laatste peiling
        /// op of voor die datum.
        #[arg(long, value_parser = crate::lees_datum)]
        peildatum: Option<NaiveDate>,
        /// xlsx, csv (Excel NL: `;`, decimale komma), json (met schema) of pdf (afdrukbaar).
        #[arg(long = "format", visible_alias = "formaat", value_parser = lees_formaat)]
        formaat: VngFormaat,
        /// Het bestand dat wordt geschreven.
        #[arg(long = "out", visible_alias = "uit", value_name = "BESTAND")]
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
            let rapport = vng::rapport(db, peildatum.unwrap_or(vandaag)).await?;
            let rijen = vng::exporteren(&rapport, *formaat, uit)?;
            let mut tekst = String::new();
            for controle in &rapport.controles {
                tekst.push_str(&format!("Controle: {}\n", controle.melding));
            }
            tekst.push_str(&format!(
                "VNG-rapport op {} geschreven naar {}: {rijen} rijen, {} gerealiseerde plaatsen, \
                 {} bezet ({}), {} controlebevindingen.\n",
                opvang_core::format::datum(rapport.peildatum),
                uit.display(),
                opvang_core::format::aantal(rapport.totalen.gerealiseerd),
                opvang_core::format::aantal(rapport.totalen.bezet),
                opvang_core::format::percentage(rapport.totalen.graad),
                rapport.controles.len()
            ));
            Ok(tekst)
        }
    }
}
