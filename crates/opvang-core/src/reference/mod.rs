//! Shipped reference data: the CBS municipal division per year with province, safety region and GGD region.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The catalog key of the attribution that must accompany every use of the CBS reference data
/// and boundaries ("Bron: CBS").
pub const BRON: &str = "label.bron.cbs";

/// The years for which a municipal division ships with the product, oldest first.
/// A municipal merger adds a year here and a CSV beside the existing one.
pub const INDELINGEN: &[(i32, &str)] = &[(2025, include_str!("../../data/gemeenten_2025.csv"))];

/// A municipality in the CBS division of one year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Gemeente {
    pub jaar: i32,
    pub code: String,
    pub naam: String,
    pub provincie_code: String,
    pub provincie_naam: String,
    pub veiligheidsregio_code: String,
    pub veiligheidsregio_naam: String,
    pub ggd_code: String,
    pub ggd_naam: String,
    pub lon: f64,
    pub lat: f64,
}

#[derive(Deserialize)]
struct CsvRij {
    gemeentecode: String,
    gemeentenaam: String,
    provinciecode: String,
    provincienaam: String,
    veiligheidsregiocode: String,
    veiligheidsregionaam: String,
    ggdregiocode: String,
    ggdregionaam: String,
    lon: f64,
    lat: f64,
    jaar: i32,
}

/// Parses one shipped division; the files are part of the build, so a bad one is a build defect.
pub fn indeling(csv_text: &str) -> Vec<Gemeente> {
    csv::Reader::from_reader(csv_text.as_bytes())
        .deserialize::<CsvRij>()
        .map(|rij| {
            let r = rij.expect("shipped municipality CSV is well-formed");
            Gemeente {
                jaar: r.jaar,
                code: r.gemeentecode,
                naam: r.gemeentenaam,
                provincie_code: r.provinciecode,
                provincie_naam: r.provincienaam,
                veiligheidsregio_code: r.veiligheidsregiocode,
                veiligheidsregio_naam: r.veiligheidsregionaam,
                ggd_code: r.ggdregiocode,
                ggd_naam: r.ggdregionaam,
                lon: r.lon,
                lat: r.lat,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_2025_division_has_342_municipalities_in_12_provinces() {
        let (jaar, csv_text) = INDELINGEN[0];
        let gemeenten = indeling(csv_text);
        assert_eq!(gemeenten.len(), 342);
        assert!(gemeenten.iter().all(|g| g.jaar == jaar));
        let provincies: std::collections::BTreeSet<_> = gemeenten
            .iter()
            .map(|g| g.provincie_code.as_str())
            .collect();
        assert_eq!(provincies.len(), 12);
        let utrecht = gemeenten.iter().find(|g| g.code == "GM0344").unwrap();
        assert_eq!(utrecht.naam, "Utrecht");
        assert_eq!(utrecht.provincie_code, "PV26");
    }
}
