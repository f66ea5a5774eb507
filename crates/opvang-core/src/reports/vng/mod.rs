//! The VNG occupancy report for one peildatum: rows per municipality and location type (occupied
//! places per target group in columns), national totals and the data-quality checks before export.

pub mod aggregatie;
mod controles;
pub mod csv;
pub mod json;
mod pdf;
pub mod tabel;
pub mod teksten;
pub mod xlsx;

pub use controles::{Controle, ControleSoort};

use std::collections::{BTreeMap, HashSet};
use std::path::Path;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{CoreError, CoreResult};
use crate::i18n::{self, Taal};
use crate::locations::LocatieType;
use crate::occupancy::totals::{per_gebied, signalen};
use crate::occupancy::{Gebied, GebiedSoort, GebiedTotalen, LocatieStand, SignaalSoort, Totalen};
use crate::storage::{Db, OnbekendeGemeenteLocatie};

/// The version of the report's file formats (JSON schema, CSV and XLSX columns).
pub const SCHEMA_VERSIE: i64 = 1;

/// The largest count a report file may hold in one cell: ten million places or persons (more
/// than the country has). Larger numbers are refused when a file is read, so sums stay exact.
pub const MAX_AANTAL: i64 = 10_000_000;

/// One report: what is exported and what the aggregation reads back.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct VngRapport {
    pub schemaversie: i64,
    pub peildatum: NaiveDate,
    /// When the report was made, RFC 3339 in UTC.
    pub gegenereerd_op: String,
    /// The name of the database the numbers come from (file name or server database).
    pub bron: String,
    pub verouderd_na_dagen: i64,
    /// Sorted by municipality name, then location type.
    pub rijen: Vec<VngRij>,
    /// Sum of all rows; equals the dashboard's country totals at the peildatum.
    pub totalen: Totalen,
    /// Totals per province, sorted by name.
    pub provincies: Vec<GebiedTotalen>,
    /// Totals per safety region, sorted by name.
    pub veiligheidsregios: Vec<GebiedTotalen>,
    pub controles: Vec<Controle>,
}

/// One municipality × location type: counts, occupancy per target group and flagged locations.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct VngRij {
    pub gemeente_code: String,
    pub gemeente_naam: String,
    pub provincie_code: String,
    pub provincie_naam: String,
    pub veiligheidsregio_code: String,
    pub veiligheidsregio_naam: String,
    pub soort: LocatieType,
    pub totalen: Totalen,
    /// Locations whose lease or permit ends within six months after the peildatum.
    pub einde_binnen_zes_maanden: i64,
}

/// What a report says besides its numbers.
pub struct Herkomst {
    pub gegenereerd_op: String,
    pub bron: String,
    pub verouderd_na_dagen: i64,
}

/// The report at `peildatum` from the database (as-of: latest snapshot on or before the date).
pub async fn rapport(db: &Db, peildatum: NaiveDate) -> CoreResult<VngRapport> {
    let standen = db.standen(peildatum, &Gebied::land()).await?;
    let onbekend = db.locaties_met_onbekende_gemeente().await?;
    let herkomst = Herkomst {
        gegenereerd_op: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        bron: bron_naam(db.pad()),
        verouderd_na_dagen: db.verouderd_na_dagen().await?,
    };
    Ok(samenstellen(&standen, &onbekend, peildatum, herkomst))
}

/// The last part of a file path or server URL: the database's own name, never a password.
fn bron_naam(pad: &str) -> String {
    let zonder_query = pad.split('?').next().unwrap_or(pad);
    zonder_query
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or(zonder_query)
        .to_owned()
}

/// The report over these location states; pure, so the arithmetic is tested without a database.
pub fn samenstellen(
    standen: &[LocatieStand],
    onbekend: &[OnbekendeGemeenteLocatie],
    peildatum: NaiveDate,
    herkomst: Herkomst,
) -> VngRapport {
    let signalen = signalen(standen, peildatum);
    let einde: HashSet<i64> = signalen
        .iter()
        .filter(|s| s.soort == SignaalSoort::EinddatumNadert)
        .map(|s| s.locatie_id)
        .collect();
    let mut groepen: BTreeMap<(&str, &str, usize), Vec<&LocatieStand>> = BTreeMap::new();
    for s in standen {
        let volgorde = teksten::LOCATIETYPEN
            .iter()
            .position(|t| *t == s.soort)
            .unwrap_or(usize::MAX);
        groepen
            .entry((&s.gemeente_naam, &s.gemeente_code, volgorde))
            .or_default()
            .push(s);
    }
    let rijen: Vec<VngRij> = groepen
        .into_values()
        .map(|leden| {
            let eerste = leden[0];
            VngRij {
                gemeente_code: eerste.gemeente_code.clone(),
                gemeente_naam: eerste.gemeente_naam.clone(),
                provincie_code: eerste.provincie_code.clone(),
                provincie_naam: eerste.provincie_naam.clone(),
                veiligheidsregio_code: eerste.veiligheidsregio_code.clone(),
                veiligheidsregio_naam: eerste.veiligheidsregio_naam.clone(),
                soort: eerste.soort,
                einde_binnen_zes_maanden: leden
                    .iter()
                    .filter(|s| einde.contains(&s.locatie_id))
                    .count() as i64,
                totalen: Totalen::van(leden),
            }
        })
        .filter(|r| r.totalen != Totalen::default() || r.einde_binnen_zes_maanden > 0)
        .collect();
    VngRapport {
        schemaversie: SCHEMA_VERSIE,
        peildatum,
        gegenereerd_op: herkomst.gegenereerd_op,
        bron: herkomst.bron,
        verouderd_na_dagen: herkomst.verouderd_na_dagen,
        totalen: Totalen::van(standen),
        provincies: per_gebied(standen, GebiedSoort::Provincie),
        veiligheidsregios: per_gebied(standen, GebiedSoort::Veiligheidsregio),
        controles: controles::controleren(standen, &signalen, onbekend, peildatum),
        rijen,
    }
}

/// Totals per area of `soort` summed from report rows, sorted by area name (as the dashboard's).
pub fn gebieden_uit_rijen(rijen: &[VngRij], soort: GebiedSoort) -> Vec<GebiedTotalen> {
    let mut groepen: BTreeMap<(&str, &str), Vec<&Totalen>> = BTreeMap::new();
    for r in rijen {
        let sleutel = match soort {
            GebiedSoort::Land => ("Nederland", "NL"),
            GebiedSoort::Provincie => (r.provincie_naam.as_str(), r.provincie_code.as_str()),
            GebiedSoort::Veiligheidsregio => (
                r.veiligheidsregio_naam.as_str(),
                r.veiligheidsregio_code.as_str(),
            ),
            GebiedSoort::Gemeente => (r.gemeente_naam.as_str(), r.gemeente_code.as_str()),
        };
        groepen.entry(sleutel).or_default().push(&r.totalen);
    }
    groepen
        .into_iter()
        .map(|((naam, code), delen)| GebiedTotalen {
            soort,
            code: code.to_owned(),
            naam: naam.to_owned(),
            totalen: Totalen::som(delen),
        })
        .collect()
}

/// The file formats of the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum VngFormaat {
    Xlsx,
    Csv,
    Json,
    Pdf,
}

impl VngFormaat {
    /// The format named by a file extension or CLI argument (`xlsx`, `csv`, `json`, `pdf`).
    pub fn uit_naam(naam: &str) -> Option<Self> {
        match naam.to_ascii_lowercase().as_str() {
            "xlsx" => Some(Self::Xlsx),
            "csv" => Some(Self::Csv),
            "json" => Some(Self::Json),
            "pdf" => Some(Self::Pdf),
            _ => None,
        }
    }
}

/// The bytes of the report in `formaat`, its texts in the active language.
pub fn bytes(rapport: &VngRapport, formaat: VngFormaat) -> CoreResult<Vec<u8>> {
    bytes_in(rapport, formaat, i18n::actieve_taal())
}

/// The bytes of the report in `formaat` with its headers, labels, numbers and dates in `taal`
/// (JSON has codes, no texts, and is the same in every language).
pub fn bytes_in(rapport: &VngRapport, formaat: VngFormaat, taal: Taal) -> CoreResult<Vec<u8>> {
    match formaat {
        VngFormaat::Xlsx => xlsx::schrijven(rapport, taal),
        VngFormaat::Csv => csv::schrijven(rapport, taal),
        VngFormaat::Json => json::schrijven(rapport),
        VngFormaat::Pdf => pdf::schrijven(rapport, taal),
    }
}

/// Writes the report to `pad` in the active language; returns the number of data rows.
pub fn exporteren(rapport: &VngRapport, formaat: VngFormaat, pad: &Path) -> CoreResult<usize> {
    let inhoud = bytes(rapport, formaat)?;
    std::fs::write(pad, inhoud).map_err(|e| {
        CoreError::bestand("fout.reports_vng.bestand_niet_geschreven")
            .met("pad", &pad.display())
            .met("fout", &e)
    })?;
    Ok(rapport.rijen.len())
}

/// Reads a report file (XLSX, CSV or JSON, told apart by the extension of `bestand`).
pub fn lezen(bestand: &str, bytes: &[u8]) -> CoreResult<tabel::GelezenRijen> {
    let extensie = bestand.rsplit_once('.').map_or("", |(_, e)| e);
    match VngFormaat::uit_naam(extensie) {
        Some(VngFormaat::Xlsx) => xlsx::lezen(bestand, bytes),
        Some(VngFormaat::Csv) => csv::lezen(bestand, bytes),
        Some(VngFormaat::Json) => json::lezen(bestand, bytes),
        _ => Err(
            CoreError::bestand("fout.reports_vng.alleen_vng_rapporten_xlsx")
                .met("bestand", &bestand),
        ),
    }
}

#[cfg(test)]
mod bestanden_tests;
#[cfg(test)]
pub(crate) mod tests;
