//! The default criteria set of DESIGN.md §6, shipped as version 1 (defaults to verify, not law).
//!
//! Its texts live in the catalogs (section `criteria`). The database stores version 1 in Dutch,
//! as data like any set a planner saves; when a set is shown, a label or rubric text of a built-in
//! criterion that is still exactly a catalog text (in either language) is shown in the active
//! language ([`in_taal`]); texts a planner wrote stay as written.

use chrono::NaiveDate;

use super::Criterium;
use crate::i18n::{self, Taal};

/// End of the five-year doelgroepflexibele scheme: 30 April 2031.
pub const HORIZON: NaiveDate = match NaiveDate::from_ymd_opt(2031, 4, 30) {
    Some(d) => d,
    None => panic!("valid date"),
};

/// Minimum *verblijfsgebied* of a self-contained dwelling (Bouwbesluit 2012, carried into the Bbl).
pub const MIN_OPPERVLAK_PER_EENHEID: i64 = 18;

/// Key, weight and knock-out rule of the nine default criteria; the weights add up to 100. Each
/// key has `criteria.<key>.label` and `criteria.<key>.rubriek.s0`…`s4` in the catalogs.
const STANDAARD: [(&str, i64, Option<i64>); 9] = [
    ("zelfstandigheid", 20, None),
    ("oppervlakte", 15, Some(0)),
    ("planologie", 15, Some(0)),
    ("bouwkundige_staat", 10, None),
    ("brandveiligheid", 10, Some(0)),
    ("ombouwkosten", 10, None),
    ("ligging", 10, None),
    ("eigenaar", 5, None),
    ("privacy", 5, None),
];

/// The catalog key of the default set's name.
const SETNAAM: &str = "criteria.standaardset";

fn label(taal: Taal, sleutel: &str) -> String {
    let pad = format!("criteria.{sleutel}.label");
    i18n::tekst(taal, &pad)
}

fn rubriek(taal: Taal, sleutel: &str, score: usize) -> String {
    let pad = format!("criteria.{sleutel}.rubriek.s{score}");
    i18n::tekst(taal, &pad)
}

/// The nine criteria of the default set in `taal`.
pub fn standaard_criteria_in(taal: Taal) -> Vec<Criterium> {
    STANDAARD
        .iter()
        .map(|&(sleutel, gewicht, knockout_tot_en_met)| Criterium {
            sleutel: sleutel.to_owned(),
            label: label(taal, sleutel),
            gewicht,
            rubriek: (0..5).map(|s| rubriek(taal, sleutel, s)).collect(),
            knockout_tot_en_met,
        })
        .collect()
}

/// The nine criteria of the default set as the database stores them (Dutch).
pub fn standaard_criteria() -> Vec<Criterium> {
    standaard_criteria_in(Taal::Nl)
}

/// The name of the default set as the database stores it (Dutch).
pub fn standaard_setnaam() -> String {
    i18n::tekst(Taal::Nl, SETNAAM)
}

/// `tekst` in `taal` when it is the text `maak` gives in one of the languages; else as it is.
fn vertaald(tekst: &mut String, taal: Taal, maak: impl Fn(Taal) -> String) {
    if Taal::ALLE.iter().any(|&t| maak(t) == *tekst) {
        *tekst = maak(taal);
    }
}

/// Shows the built-in texts of `criteria` in `taal`: a label or rubric text of a default criterion
/// that is still exactly its catalog text in either language; everything else stays as written.
pub fn in_taal(criteria: &mut [Criterium], taal: Taal) {
    for c in criteria {
        let Some(&(sleutel, _, _)) = STANDAARD.iter().find(|s| s.0 == c.sleutel) else {
            continue;
        };
        vertaald(&mut c.label, taal, |t| label(t, sleutel));
        for (score, tekst) in c.rubriek.iter_mut().enumerate() {
            vertaald(tekst, taal, |t| rubriek(t, sleutel, score));
        }
    }
}

/// The name of a criteria set in `taal`: the default set's catalog name, or the name as written.
pub fn setnaam_in_taal(naam: &mut String, taal: Taal) {
    vertaald(naam, taal, |t| i18n::tekst(t, SETNAAM));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_default_text_is_in_both_catalogs() {
        for (sleutel, _, _) in STANDAARD {
            assert!(i18n::bestaat(&format!("criteria.{sleutel}.label")));
            for s in 0..5 {
                assert!(i18n::bestaat(&format!("criteria.{sleutel}.rubriek.s{s}")));
            }
        }
        assert_eq!(STANDAARD.iter().map(|s| s.1).sum::<i64>(), 100);
    }

    #[test]
    fn built_in_texts_follow_the_language_and_own_texts_stay() {
        let mut criteria = standaard_criteria();
        criteria[0].rubriek[2] = "Eigen tekst van de planner".to_owned();
        criteria[1].sleutel = "eigen".to_owned();
        in_taal(&mut criteria, Taal::En);
        assert_eq!(criteria[0].label, "Self-contained housing");
        assert_eq!(
            criteria[0].rubriek[0],
            standaard_criteria_in(Taal::En)[0].rubriek[0]
        );
        assert_eq!(criteria[0].rubriek[2], "Eigen tekst van de planner");
        // Not a default key: stays Dutch.
        assert_eq!(criteria[1].label, "Oppervlakte per wooneenheid");
        // English texts saved in a later version read as Dutch again in Dutch.
        in_taal(&mut criteria, Taal::Nl);
        assert_eq!(criteria[0].label, "Zelfstandige woonruimte");
        let mut naam = standaard_setnaam();
        setnaam_in_taal(&mut naam, Taal::En);
        assert_eq!(naam, "Default conversion set (DESIGN §6)");
        let mut eigen = "Set van de regio".to_owned();
        setnaam_in_taal(&mut eigen, Taal::En);
        assert_eq!(eigen, "Set van de regio");
    }
}
