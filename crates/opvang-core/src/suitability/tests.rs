//! Scoring edge cases: weights and rounding, thresholds, knock-outs, missing scores and evidence,
//! validation of sets and scores, pre-filling from the location and ranking.

use super::*;
use crate::locations::{voorbeeld_invoer, LocatieStatus};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn c(sleutel: &str, gewicht: i64, knockout: Option<i64>) -> Criterium {
    Criterium {
        sleutel: sleutel.into(),
        label: format!("Label {sleutel}"),
        gewicht,
        rubriek: (0..5).map(|i| format!("rubriek {i}")).collect(),
        knockout_tot_en_met: knockout,
    }
}

fn s(sleutel: &str, score: Option<i64>) -> CriteriumScore {
    CriteriumScore {
        sleutel: sleutel.into(),
        score,
        onderbouwing: "Gezien bij schouw.".into(),
    }
}

#[test]
fn weights_decide_the_total_rounded_half_up() {
    let set = [c("a", 3, None), c("b", 1, None)];
    assert_eq!(
        scoren(&set, &[s("a", Some(4)), s("b", Some(0))]).totaal,
        Some(75)
    );
    assert_eq!(
        scoren(&set, &[s("a", Some(0)), s("b", Some(4))]).totaal,
        Some(25)
    );
    assert_eq!(
        scoren(&set, &[s("a", Some(4)), s("b", Some(4))]).totaal,
        Some(100)
    );
    assert_eq!(
        scoren(&set, &[s("a", Some(0)), s("b", Some(0))]).totaal,
        Some(0)
    );
    // 100 · 1 / 8 = 12,5 → 13; 100 · 1 / 12 = 8,33 → 8.
    let twee = [c("a", 1, None), c("b", 1, None)];
    assert_eq!(
        scoren(&twee, &[s("a", Some(1)), s("b", Some(0))]).totaal,
        Some(13)
    );
    let drie = [c("a", 1, None), c("b", 1, None), c("c", 1, None)];
    let uit = scoren(&drie, &[s("a", Some(1)), s("b", Some(0)), s("c", Some(0))]);
    assert_eq!(uit.totaal, Some(8));
    // A criterion with weight 0 is explained but does not count.
    let nul = [c("a", 1, None), c("b", 0, None)];
    let uit = scoren(&nul, &[s("a", Some(4)), s("b", Some(0))]);
    assert_eq!(uit.totaal, Some(100));
    assert_eq!(uit.criteria.len(), 2);
}

#[test]
fn thresholds_between_categories() {
    assert_eq!(Categorie::bij_totaal(100), Categorie::Geschikt);
    assert_eq!(Categorie::bij_totaal(70), Categorie::Geschikt);
    assert_eq!(Categorie::bij_totaal(69), Categorie::GeschiktNaAanpassing);
    assert_eq!(Categorie::bij_totaal(45), Categorie::GeschiktNaAanpassing);
    assert_eq!(Categorie::bij_totaal(44), Categorie::NietGeschikt);
    assert_eq!(Categorie::bij_totaal(0), Categorie::NietGeschikt);
    for cat in [
        Categorie::Geschikt,
        Categorie::GeschiktNaAanpassing,
        Categorie::NietGeschikt,
    ] {
        assert_eq!(Categorie::from_code(cat.code()), Some(cat));
    }
}

#[test]
fn a_knock_out_forces_niet_geschikt_whatever_the_total() {
    let set = [c("a", 10, None), c("b", 1, Some(0)), c("c", 1, Some(1))];
    let uit = scoren(&set, &[s("a", Some(4)), s("b", Some(0)), s("c", Some(4))]);
    assert_eq!(uit.totaal, Some(92), "the total is still shown");
    assert_eq!(uit.categorie, Some(Categorie::NietGeschikt));
    assert_eq!(uit.knockouts, vec!["Label b"]);
    assert!(uit.criteria[1].knockout);
    assert!(uit.criteria[1].toelichting.contains("knock-out"));

    // The rule "at or below 1": 1 is a knock-out, 2 is not.
    let uit = scoren(&set, &[s("a", Some(4)), s("b", Some(4)), s("c", Some(1))]);
    assert_eq!(uit.knockouts, vec!["Label c"]);
    let uit = scoren(&set, &[s("a", Some(4)), s("b", Some(4)), s("c", Some(2))]);
    assert!(uit.knockouts.is_empty());
    assert_eq!(uit.categorie, Some(Categorie::Geschikt));

    // A knock-out decides even while other criteria are unscored.
    let uit = scoren(&set, &[s("b", Some(0))]);
    assert_eq!(uit.totaal, None);
    assert_eq!(uit.categorie, Some(Categorie::NietGeschikt));
    assert_eq!(uit.onvolledig.len(), 2);
}

#[test]
fn missing_scores_and_evidence_make_it_incomplete() {
    let set = [c("a", 1, None), c("b", 1, None)];
    let uit = scoren(&set, &[s("a", Some(3))]);
    assert_eq!((uit.totaal, uit.categorie), (None, None));
    assert_eq!(uit.onvolledig, vec!["Label b is nog niet gescoord."]);
    assert_eq!(uit.criteria[1].toelichting, "Label b: nog niet gescoord.");

    let uit = scoren(&set, &[s("a", Some(3)), s("b", None)]);
    assert_eq!(uit.onvolledig, vec!["Label b is nog niet gescoord."]);

    let zonder = CriteriumScore {
        sleutel: "b".into(),
        score: Some(2),
        onderbouwing: "  ".into(),
    };
    let uit = scoren(&set, &[s("a", Some(3)), zonder]);
    assert_eq!(uit.totaal, None);
    assert_eq!(
        uit.onvolledig,
        vec!["Bij Label b ontbreekt de onderbouwing."]
    );
    assert!(uit.criteria[1]
        .toelichting
        .ends_with("Onderbouwing ontbreekt."));

    let uit = scoren(&set, &[s("a", Some(3)), s("b", Some(2))]);
    assert!(uit.onvolledig.is_empty());
    assert_eq!(uit.totaal, Some(63));
    assert_eq!(
        uit.criteria[0].toelichting,
        "Label a: score 3 van 4 (rubriek 3), gewicht 1. Onderbouwing: Gezien bij schouw."
    );
}

#[test]
fn explanations_come_in_the_chosen_language() {
    let set = standaard_criteria_in(Taal::En);
    let klein = CriteriumScore {
        sleutel: "oppervlakte".into(),
        score: Some(0),
        onderbouwing: "Measured on site.".into(),
    };
    let uit = scoren_in(Taal::En, &set, &[klein]);
    assert_eq!(
        uit.criteria[1].toelichting,
        "Floor area per housing unit: score 0 of 4 (Less than 18 m² of living area per unit \
         (knock-out for self-contained living)), weight 15; knock-out. Evidence: Measured on site."
    );
    assert_eq!(
        uit.criteria[0].toelichting,
        "Self-contained housing: not scored yet."
    );
    assert_eq!(
        uit.onvolledig[0],
        "Self-contained housing has not been scored yet."
    );
    assert_eq!(uit.knockouts, vec!["Floor area per housing unit"]);
}

#[test]
fn scores_are_checked_against_the_set() {
    let set = standaard_criteria();
    assert!(valideer_scores(&set, &[s("oppervlakte", Some(4))]).is_ok());
    let err = valideer_scores(&set, &[s("oppervlakte", Some(5))]).unwrap_err();
    assert_eq!(err.field.as_deref(), Some("scores.oppervlakte"));
    assert_eq!(
        err.message,
        "Oppervlakte per wooneenheid: de score ligt tussen 0 en 4."
    );
    let err = valideer_scores(&set, &[s("oppervlakte", Some(-1))]).unwrap_err();
    assert_eq!(err.field.as_deref(), Some("scores.oppervlakte"));
    let err = valideer_scores(&set, &[s("zwembad", Some(1))]).unwrap_err();
    assert!(err.message.starts_with("Onbekend criterium"));
    let err = valideer_scores(&set, &[s("ligging", Some(1)), s("ligging", Some(2))]).unwrap_err();
    assert!(err.message.contains("twee keer"));
}

#[test]
fn the_default_set_is_valid_and_weighs_100() {
    let set = CriteriasetInvoer {
        naam: "Standaard".into(),
        criteria: standaard_criteria(),
    };
    assert!(set.valideer().is_ok());
    assert_eq!(set.criteria.iter().map(|c| c.gewicht).sum::<i64>(), 100);
    let opp = set
        .criteria
        .iter()
        .find(|c| c.sleutel == "oppervlakte")
        .unwrap();
    assert_eq!(opp.knockout_tot_en_met, Some(0));
    assert!(opp.rubriek[0].contains("18 m²"));

    let mut fout = set.clone();
    fout.criteria[2].rubriek.pop();
    assert_eq!(
        fout.valideer().unwrap_err().field.as_deref(),
        Some("criteria.2.rubriek")
    );
    let mut fout = set.clone();
    fout.criteria[4].rubriek[2] = "  ".into();
    let err = fout.valideer().unwrap_err();
    assert_eq!(err.field.as_deref(), Some("criteria.4.rubriek.2"));
    assert!(
        err.message.ends_with("beschrijf wat score 2 betekent."),
        "{}",
        err.message
    );
    let mut fout = set.clone();
    fout.criteria[1].sleutel = fout.criteria[0].sleutel.clone();
    assert!(fout.valideer().unwrap_err().message.contains("twee keer"));
    let mut fout = set.clone();
    fout.criteria[0].knockout_tot_en_met = Some(4);
    assert_eq!(
        fout.valideer().unwrap_err().field.as_deref(),
        Some("criteria.0.knockout_tot_en_met")
    );
    let mut fout = set.clone();
    fout.criteria[3].gewicht = -1;
    assert_eq!(
        fout.valideer().unwrap_err().field.as_deref(),
        Some("criteria.3.gewicht")
    );
    let mut fout = set;
    fout.naam = " ".into();
    assert_eq!(fout.valideer().unwrap_err().field.as_deref(), Some("naam"));
}

fn locatie(aanpassen: impl FnOnce(&mut crate::locations::LocatieInvoer)) -> Locatie {
    let mut gegevens = voorbeeld_invoer("GM0344", "Hotel");
    aanpassen(&mut gegevens);
    Locatie {
        id: 1,
        status: LocatieStatus::InGebruik,
        versie: 1,
        gemeente_naam: "Utrecht".into(),
        gegevens,
    }
}

fn score_van(scores: &[CriteriumScore], sleutel: &str) -> (Option<i64>, String) {
    let s = scores.iter().find(|s| s.sleutel == sleutel).unwrap();
    (s.score, s.onderbouwing.clone())
}

#[test]
fn pre_fills_from_the_location() {
    let set = standaard_criteria();
    let peildatum = d("2026-11-23");
    // voorbeeld_invoer: 20 units, 900 m², own sanitation only, temporary until 30-6-2027.
    let scores = voorinvullen(&set, &locatie(|_| {}), peildatum);
    assert_eq!(scores.len(), set.len());
    let (score, tekst) = score_van(&scores, "zelfstandigheid");
    assert_eq!(score, Some(1));
    assert!(tekst.contains("eigen voordeur nee, eigen keuken nee, eigen toilet en douche ja"));
    let (score, tekst) = score_van(&scores, "oppervlakte");
    assert_eq!(score, Some(4));
    assert!(tekst.contains("gemiddeld 45 m² per eenheid"), "{tekst}");
    let (score, tekst) = score_van(&scores, "planologie");
    assert_eq!(score, Some(1));
    assert!(
        tekst.contains("30-6-2027") && tekst.contains("30-4-2031"),
        "{tekst}"
    );
    assert_eq!(score_van(&scores, "ligging"), (None, String::new()));

    // Below 18 m² per unit: score 0, a knock-out for self-contained use.
    let klein = locatie(|g| {
        g.vloeroppervlak = Some(340);
        g.eigen_voordeur = true;
        g.eigen_keuken = true;
    });
    let scores = voorinvullen(&set, &klein, peildatum);
    let (score, tekst) = score_van(&scores, "oppervlakte");
    assert_eq!(score, Some(0));
    assert!(
        tekst.contains("17 m²") && tekst.contains("minder dan 18 m²"),
        "{tekst}"
    );
    assert_eq!(score_van(&scores, "zelfstandigheid").0, Some(4));
    let uit = scoren(&set, &scores);
    assert_eq!(uit.categorie, Some(Categorie::NietGeschikt));
    assert_eq!(uit.knockouts, vec!["Oppervlakte per wooneenheid"]);

    // Exactly 18 m² is enough; a permanent permit and a lease past the horizon score high.
    let precies = locatie(|g| {
        g.vloeroppervlak = Some(360);
        g.vergunning = Some(Vergunning::Permanent);
    });
    let scores = voorinvullen(&set, &precies, peildatum);
    assert_eq!(score_van(&scores, "oppervlakte").0, Some(1));
    assert_eq!(score_van(&scores, "planologie").0, Some(4));
    let lang = locatie(|g| g.einddatum = Some(HORIZON));
    assert_eq!(
        score_van(&voorinvullen(&set, &lang, peildatum), "planologie").0,
        Some(3)
    );
    let middel = locatie(|g| g.einddatum = Some(d("2030-01-31")));
    assert_eq!(
        score_van(&voorinvullen(&set, &middel, peildatum), "planologie").0,
        Some(2)
    );

    // Without data nothing is guessed.
    let leeg = locatie(|g| {
        g.vloeroppervlak = None;
        g.wooneenheden = Some(0);
        g.einddatum = None;
        g.vergunning = None;
    });
    let scores = voorinvullen(&set, &leeg, peildatum);
    assert_eq!(score_van(&scores, "oppervlakte").0, None);
    assert_eq!(score_van(&scores, "planologie").0, None);
}

fn regel(id: i64, naam: &str, gemeente: &str, totaal: Option<i64>) -> PortefeuilleRegel {
    PortefeuilleRegel {
        rang: None,
        locatie_id: id,
        locatie_naam: naam.into(),
        gemeente_code: gemeente.into(),
        gemeente_naam: format!("Gemeente {gemeente}"),
        wooneenheden: Some(10),
        beoordeling_id: totaal.map(|_| id),
        totaal,
        categorie: totaal.map(Categorie::bij_totaal),
        knockouts: Vec::new(),
        onvolledig: false,
        review_status: None,
        besluit: None,
    }
}

#[test]
fn ranks_by_total_then_name_and_counts_units() {
    let mut akkoord = regel(4, "D", "GM2", Some(50));
    akkoord.besluit = Some(crate::reviews::Besluit::Akkoord);
    let regels = vec![
        regel(1, "B", "GM1", Some(60)),
        regel(2, "A", "GM1", None),
        regel(3, "C", "GM1", Some(90)),
        akkoord,
        regel(5, "E", "GM2", Some(20)),
        regel(6, "A2", "GM2", Some(60)),
    ];
    let p = rangschikken(regels.clone(), &PortefeuilleFilter::default());
    let volgorde: Vec<_> = p.regels.iter().map(|r| (r.locatie_id, r.rang)).collect();
    assert_eq!(
        volgorde,
        vec![
            (3, Some(1)),
            (6, Some(2)),
            (1, Some(3)),
            (4, Some(4)),
            (5, Some(5)),
            (2, None)
        ]
    );
    let gm1 = &p.per_gemeente[0];
    assert_eq!(
        (
            gm1.locaties,
            gm1.beoordeeld,
            gm1.ombouwbare_eenheden,
            gm1.akkoord_eenheden
        ),
        (3, 2, 20, 0)
    );
    let gm2 = &p.per_gemeente[1];
    assert_eq!((gm2.ombouwbare_eenheden, gm2.akkoord_eenheden), (20, 10));

    // The category filter keeps the overall rank and the per-municipality counts.
    let p = rangschikken(
        regels,
        &PortefeuilleFilter {
            gemeente_code: None,
            categorie: Some(Categorie::GeschiktNaAanpassing),
        },
    );
    let volgorde: Vec<_> = p.regels.iter().map(|r| (r.locatie_id, r.rang)).collect();
    assert_eq!(volgorde, vec![(6, Some(2)), (1, Some(3)), (4, Some(4))]);
    assert_eq!(p.per_gemeente[0].ombouwbare_eenheden, 20);
}
