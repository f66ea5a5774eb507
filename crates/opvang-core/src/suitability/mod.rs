//! Conversion suitability (DESIGN.md §6): versioned criteria sets, scoring and pre-filling.
//!
//! A criteria set is immutable once an assessment used it, so an old assessment always scores
//! the same. The total is 0–100 from the weighted 0–4 scores; knock-outs force *niet geschikt*.

mod standaard;

pub use standaard::{
    in_taal, setnaam_in_taal, standaard_criteria, standaard_criteria_in, standaard_setnaam,
    HORIZON, MIN_OPPERVLAK_PER_EENHEID,
};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{CoreError, CoreResult};
use crate::format::{aantal_in, datum_in};
use crate::i18n::{self, Taal};
use crate::locations::{Locatie, Vergunning};

/// Highest score on a criterion's scale (the scale is 0–4).
pub const MAX_SCORE: i64 = 4;
/// From this total (and without knock-outs) a location is *geschikt*.
pub const DREMPEL_GESCHIKT: i64 = 70;
/// From this total up to [`DREMPEL_GESCHIKT`] it is *geschikt na aanpassing*; below it is
/// *niet geschikt*.
pub const DREMPEL_NA_AANPASSING: i64 = 45;

/// One criterion of a set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Criterium {
    /// Stable key, e.g. `oppervlakte`.
    pub sleutel: String,
    /// Label shown to the planner (a default criterion's untouched texts in the active language,
    /// see [`in_taal`]).
    pub label: String,
    /// Relative weight (0 means the criterion is recorded but does not count).
    pub gewicht: i64,
    /// What scores 0, 1, 2, 3 and 4 mean (exactly five texts).
    pub rubriek: Vec<String>,
    /// A score at or below this is a knock-out (`Some(0)`: "score 0 is knock-out").
    pub knockout_tot_en_met: Option<i64>,
}

/// A new criteria set (or the edit of one no assessment used yet).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CriteriasetInvoer {
    pub naam: String,
    pub criteria: Vec<Criterium>,
}

/// A stored criteria set: `nummer` is its version number (1 is the shipped default set),
/// `versie` the row version for optimistic locking.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Criteriaset {
    pub id: i64,
    pub nummer: i64,
    pub naam: String,
    pub criteria: Vec<Criterium>,
    /// UTC time in RFC 3339.
    pub aangemaakt: String,
    pub aangemaakt_door: String,
    /// Whether an assessment used this set (then it can no longer be changed).
    pub in_gebruik: bool,
    pub versie: i64,
}

/// The score on one criterion with its evidence; `score: None` is not scored (yet).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CriteriumScore {
    pub sleutel: String,
    pub score: Option<i64>,
    /// Evidence (onderbouwing) for the score, in the planner's words.
    pub onderbouwing: String,
}

/// The outcome category of an assessment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Categorie {
    Geschikt,
    GeschiktNaAanpassing,
    NietGeschikt,
}

impl Categorie {
    pub fn code(self) -> &'static str {
        match self {
            Categorie::Geschikt => "geschikt",
            Categorie::GeschiktNaAanpassing => "geschikt_na_aanpassing",
            Categorie::NietGeschikt => "niet_geschikt",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "geschikt" => Some(Categorie::Geschikt),
            "geschikt_na_aanpassing" => Some(Categorie::GeschiktNaAanpassing),
            "niet_geschikt" => Some(Categorie::NietGeschikt),
            _ => None,
        }
    }

    /// The label in the active language, for the CLI and exports.
    pub fn label(self) -> String {
        self.label_in(crate::i18n::actieve_taal())
    }

    /// The label in `taal`, lower case (`geschikt na aanpassing`, `suitable after adaptation`).
    pub fn label_in(self, taal: crate::i18n::Taal) -> String {
        let sleutel = match self {
            Categorie::Geschikt => "label.categorie.geschikt",
            Categorie::GeschiktNaAanpassing => "label.categorie.geschikt_na_aanpassing",
            Categorie::NietGeschikt => "label.categorie.niet_geschikt",
        };
        crate::i18n::tekst(taal, sleutel)
    }

    /// The category of a complete assessment with this total.
    pub fn bij_totaal(totaal: i64) -> Self {
        if totaal >= DREMPEL_GESCHIKT {
            Categorie::Geschikt
        } else if totaal >= DREMPEL_NA_AANPASSING {
            Categorie::GeschiktNaAanpassing
        } else {
            Categorie::NietGeschikt
        }
    }
}

/// How one criterion counted, with an explanation in the active language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CriteriumUitslag {
    pub sleutel: String,
    pub label: String,
    pub gewicht: i64,
    pub score: Option<i64>,
    pub knockout: bool,
    /// Explanation: the score, its rubric text, its weight and the evidence.
    pub toelichting: String,
}

/// The outcome of an assessment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Uitslag {
    /// 0–100, `None` while the assessment is incomplete.
    pub totaal: Option<i64>,
    /// `None` while incomplete, unless a knock-out already makes it *niet geschikt*.
    pub categorie: Option<Categorie>,
    /// Labels of the criteria whose knock-out rule was hit.
    pub knockouts: Vec<String>,
    /// Reasons the assessment is incomplete (unscored criteria, missing evidence).
    pub onvolledig: Vec<String>,
    pub criteria: Vec<CriteriumUitslag>,
}

impl CriteriasetInvoer {
    /// Checks the set: a name, at least one criterion, unique keys, five rubric texts, sane
    /// weights and knock-out rules. Errors name the field, e.g. `criteria.2.gewicht`.
    pub fn valideer(&self) -> CoreResult<()> {
        if self.naam.trim().is_empty() {
            return Err(CoreError::validatie(
                "naam",
                "fout.suitability.geef_criteriaset_naam",
            ));
        }
        if self.criteria.is_empty() {
            return Err(CoreError::validatie(
                "criteria",
                "fout.suitability.criteriaset_heeft_minstens_criterium",
            ));
        }
        let mut gezien = std::collections::HashSet::new();
        for (i, c) in self.criteria.iter().enumerate() {
            let veld = |naam: &str| format!("criteria.{i}.{naam}");
            let sleutel = c.sleutel.trim();
            if sleutel.is_empty()
                || !sleutel
                    .chars()
                    .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '_')
            {
                return Err(CoreError::validatie(
                    &veld("sleutel"),
                    "fout.suitability.criterium_sleutel_bestaat_alleen",
                )
                .met("i", &(i + 1)));
            }
            if !gezien.insert(sleutel) {
                return Err(CoreError::validatie(
                    &veld("sleutel"),
                    "fout.suitability.sleutel_komt_twee_keer",
                )
                .met("sleutel", &(format!("{:?}", sleutel))));
            }
            if c.label.trim().is_empty() {
                return Err(CoreError::validatie(
                    &veld("label"),
                    "fout.suitability.criterium_vul_omschrijving",
                )
                .met("sleutel", &sleutel));
            }
            if !(0..=100).contains(&c.gewicht) {
                return Err(CoreError::validatie(
                    &veld("gewicht"),
                    "fout.suitability.criterium_gewicht_ligt_tussen",
                )
                .met("label", &c.label));
            }
            if let Some(n) = c.rubriek.iter().position(|r| r.trim().is_empty()) {
                return Err(CoreError::validatie(
                    &format!("criteria.{i}.rubriek.{n}"),
                    "fout.suitability.criterium_beschrijf_wat_score",
                )
                .met("label", &c.label)
                .met("n", &n));
            }
            if c.rubriek.len() != (MAX_SCORE + 1) as usize {
                return Err(CoreError::validatie(
                    &veld("rubriek"),
                    "fout.suitability.criterium_beschrijf_wat_scores",
                )
                .met("label", &c.label));
            }
            if c.knockout_tot_en_met
                .is_some_and(|k| !(0..MAX_SCORE).contains(&k))
            {
                return Err(CoreError::validatie(
                    &veld("knockout_tot_en_met"),
                    "fout.suitability.criterium_knock_out_geldt",
                )
                .met("label", &c.label));
            }
        }
        if self.criteria.iter().map(|c| c.gewicht).sum::<i64>() == 0 {
            return Err(CoreError::validatie(
                "criteria",
                "fout.suitability.minstens_criterium_moet_gewicht",
            ));
        }
        Ok(())
    }
}

/// Checks scores against a set: known keys, each at most once, scores 0–4.
pub fn valideer_scores(criteria: &[Criterium], scores: &[CriteriumScore]) -> CoreResult<()> {
    let mut gezien = std::collections::HashSet::new();
    for s in scores {
        let veld = format!("scores.{}", s.sleutel);
        let Some(c) = criteria.iter().find(|c| c.sleutel == s.sleutel) else {
            return Err(CoreError::validatie(
                &veld,
                "fout.suitability.onbekend_criterium_criteriaset",
            )
            .met("sleutel", &(format!("{:?}", s.sleutel))));
        };
        if !gezien.insert(s.sleutel.as_str()) {
            return Err(
                CoreError::validatie(&veld, "fout.suitability.twee_keer_gescoord")
                    .met("label", &c.label),
            );
        }
        if s.score.is_some_and(|v| !(0..=MAX_SCORE).contains(&v)) {
            return Err(
                CoreError::validatie(&veld, "fout.suitability.score_ligt_tussen_0")
                    .met("label", &c.label),
            );
        }
    }
    Ok(())
}

/// `teller / noemer` rounded half up, for non-negative numbers.
fn afgerond(teller: i64, noemer: i64) -> i64 {
    (2 * teller + noemer) / (2 * noemer)
}

/// Scores an assessment: weighted total 0–100 (rounded half up), category, knock-outs and a
/// per-criterion explanation. Unscored criteria and scores without evidence make it incomplete
/// (`onvolledig`, no total); a knock-out makes it *niet geschikt* in any case. The explanations
/// are in the active language.
pub fn scoren(criteria: &[Criterium], scores: &[CriteriumScore]) -> Uitslag {
    scoren_in(i18n::actieve_taal(), criteria, scores)
}

/// [`scoren`] with the explanations in `taal`.
pub fn scoren_in(taal: Taal, criteria: &[Criterium], scores: &[CriteriumScore]) -> Uitslag {
    let mut uitslag = Uitslag {
        totaal: None,
        categorie: None,
        knockouts: Vec::new(),
        onvolledig: Vec::new(),
        criteria: Vec::new(),
    };
    let mut gewogen = 0;
    let mut gewichten = 0;
    for c in criteria {
        let gegeven = scores.iter().find(|s| s.sleutel == c.sleutel);
        let score = gegeven.and_then(|s| s.score);
        let onderbouwing = gegeven.map_or("", |s| s.onderbouwing.trim());
        let knockout = match (score, c.knockout_tot_en_met) {
            (Some(s), Some(k)) => s <= k,
            _ => false,
        };
        let label: (&str, &dyn std::fmt::Display) = ("label", &c.label);
        let toelichting = match score {
            None => i18n::tekst_met(taal, "uitleg.geschiktheid.niet_gescoord", &[label]),
            Some(s) => {
                let rubriek = c.rubriek.get(s as usize).map_or("", String::as_str);
                let sleutel = if knockout {
                    "uitleg.geschiktheid.score_knockout"
                } else {
                    "uitleg.geschiktheid.score"
                };
                let score = i18n::tekst_met(
                    taal,
                    sleutel,
                    &[
                        label,
                        ("score", &s),
                        ("max", &MAX_SCORE),
                        ("rubriek", &rubriek),
                        ("gewicht", &c.gewicht),
                    ],
                );
                let onderbouwing = if onderbouwing.is_empty() {
                    i18n::tekst(taal, "uitleg.geschiktheid.onderbouwing_ontbreekt")
                } else {
                    i18n::tekst_met(
                        taal,
                        "uitleg.geschiktheid.onderbouwing",
                        &[("onderbouwing", &onderbouwing)],
                    )
                };
                format!("{score} {onderbouwing}")
            }
        };
        match score {
            None => uitslag.onvolledig.push(i18n::tekst_met(
                taal,
                "uitleg.geschiktheid.onvolledig_niet_gescoord",
                &[label],
            )),
            Some(_) if onderbouwing.is_empty() => uitslag.onvolledig.push(i18n::tekst_met(
                taal,
                "uitleg.geschiktheid.onvolledig_onderbouwing",
                &[label],
            )),
            Some(_) => {}
        }
        if knockout {
            uitslag.knockouts.push(c.label.clone());
        }
        if let Some(s) = score {
            gewogen += c.gewicht * s;
        }
        gewichten += c.gewicht;
        uitslag.criteria.push(CriteriumUitslag {
            sleutel: c.sleutel.clone(),
            label: c.label.clone(),
            gewicht: c.gewicht,
            score,
            knockout,
            toelichting,
        });
    }
    if uitslag.onvolledig.is_empty() && gewichten > 0 {
        let totaal = afgerond(100 * gewogen, MAX_SCORE * gewichten);
        uitslag.totaal = Some(totaal);
        uitslag.categorie = Some(Categorie::bij_totaal(totaal));
    }
    if !uitslag.knockouts.is_empty() {
        uitslag.categorie = Some(Categorie::NietGeschikt);
    }
    uitslag
}

/// Scores pre-filled from the location's own data for the criteria of the default set that the
/// register can answer (self-containment, floor area per unit, permit term against the
/// five-year horizon); other criteria stay unscored. Evidence says where the score came from, in
/// the active language (it becomes the planner's text once saved).
pub fn voorinvullen(
    criteria: &[Criterium],
    locatie: &Locatie,
    peildatum: NaiveDate,
) -> Vec<CriteriumScore> {
    let taal = i18n::actieve_taal();
    let g = &locatie.gegevens;
    criteria
        .iter()
        .map(|c| {
            let (score, onderbouwing) = match c.sleutel.as_str() {
                "zelfstandigheid" => {
                    let eigen = [g.eigen_voordeur, g.eigen_keuken, g.eigen_sanitair]
                        .iter()
                        .filter(|&&b| b)
                        .count();
                    let jn = |b: bool| {
                        i18n::tekst(
                            taal,
                            if b {
                                "uitleg.voorinvullen.ja"
                            } else {
                                "uitleg.voorinvullen.nee"
                            },
                        )
                    };
                    (
                        Some(match eigen {
                            3 => 4,
                            2 => 2,
                            1 => 1,
                            _ => 0,
                        }),
                        i18n::tekst_met(
                            taal,
                            "uitleg.voorinvullen.zelfstandigheid",
                            &[
                                ("voordeur", &jn(g.eigen_voordeur)),
                                ("keuken", &jn(g.eigen_keuken)),
                                ("sanitair", &jn(g.eigen_sanitair)),
                            ],
                        ),
                    )
                }
                "oppervlakte" => match (g.vloeroppervlak, g.wooneenheden) {
                    (Some(m2), Some(n)) if n > 0 => {
                        let per_eenheid = m2 / n;
                        let score = match per_eenheid {
                            40.. => 4,
                            30..=39 => 3,
                            24..=29 => 2,
                            18..=23 => 1,
                            _ => 0,
                        };
                        let oordeel = i18n::tekst_met(
                            taal,
                            if per_eenheid < MIN_OPPERVLAK_PER_EENHEID {
                                "uitleg.voorinvullen.oppervlakte_te_klein"
                            } else {
                                "uitleg.voorinvullen.oppervlakte_genoeg"
                            },
                            &[("min", &MIN_OPPERVLAK_PER_EENHEID)],
                        );
                        (
                            Some(score),
                            i18n::tekst_met(
                                taal,
                                "uitleg.voorinvullen.oppervlakte",
                                &[
                                    ("m2", &aantal_in(taal, m2)),
                                    ("n", &aantal_in(taal, n)),
                                    ("per_eenheid", &aantal_in(taal, per_eenheid)),
                                    ("oordeel", &oordeel),
                                ],
                            ),
                        )
                    }
                    _ => (None, String::new()),
                },
                "planologie" => match (g.vergunning, g.einddatum) {
                    (Some(Vergunning::Permanent), _) => {
                        (Some(4), i18n::tekst(taal, "uitleg.voorinvullen.permanent"))
                    }
                    (_, Some(eind)) if eind >= HORIZON => (
                        Some(3),
                        i18n::tekst_met(
                            taal,
                            "uitleg.voorinvullen.na_horizon",
                            &[
                                ("eind", &datum_in(taal, eind)),
                                ("horizon", &datum_in(taal, HORIZON)),
                            ],
                        ),
                    ),
                    (_, Some(eind)) => {
                        let jaren = (eind - peildatum).num_days().max(0) / 365;
                        (
                            Some(if jaren >= 3 { 2 } else { 1 }),
                            i18n::tekst_met(
                                taal,
                                "uitleg.voorinvullen.voor_horizon",
                                &[
                                    ("eind", &datum_in(taal, eind)),
                                    ("horizon", &datum_in(taal, HORIZON)),
                                    ("jaren", &jaren),
                                ],
                            ),
                        )
                    }
                    _ => (None, String::new()),
                },
                _ => (None, String::new()),
            };
            CriteriumScore {
                sleutel: c.sleutel.clone(),
                score,
                onderbouwing,
            }
        })
        .collect()
}

/// What the assessor enters: the scores with evidence, on a chosen criteria set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BeoordelingInvoer {
    pub locatie_id: i64,
    pub criteriaset_id: i64,
    pub datum: NaiveDate,
    pub scores: Vec<CriteriumScore>,
}

/// A stored assessment with its outcome, scored with the criteria set it recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Beoordeling {
    pub id: i64,
    pub locatie_id: i64,
    pub criteriaset_id: i64,
    /// The version number of the criteria set used.
    pub criteriaset_nummer: i64,
    /// Who drew up the assessment.
    pub opsteller: String,
    pub datum: NaiveDate,
    pub scores: Vec<CriteriumScore>,
    pub uitslag: Uitslag,
    /// False once a review of it was submitted: then only a new assessment can change the outcome.
    pub wijzigbaar: bool,
    pub versie: i64,
}

/// Filters for the portfolio; empty fields do not filter.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PortefeuilleFilter {
    pub gemeente_code: Option<String>,
    pub categorie: Option<Categorie>,
}

/// One location in the portfolio with its latest assessment and review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PortefeuilleRegel {
    /// 1 for the highest total; locations without a total come last, unranked.
    pub rang: Option<i64>,
    pub locatie_id: i64,
    pub locatie_naam: String,
    pub gemeente_code: String,
    pub gemeente_naam: String,
    pub wooneenheden: Option<i64>,
    pub beoordeling_id: Option<i64>,
    pub totaal: Option<i64>,
    pub categorie: Option<Categorie>,
    pub knockouts: Vec<String>,
    /// Whether the latest assessment is still incomplete.
    pub onvolledig: bool,
    pub review_status: Option<crate::reviews::ReviewStatus>,
    pub besluit: Option<crate::reviews::Besluit>,
}

/// Units that could convert in one municipality: those of locations assessed *geschikt* or
/// *geschikt na aanpassing*, and of those the units with an *akkoord* decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct OmbouwPerGemeente {
    pub gemeente_code: String,
    pub gemeente_naam: String,
    pub locaties: i64,
    pub beoordeeld: i64,
    pub ombouwbare_eenheden: i64,
    pub akkoord_eenheden: i64,
}

/// The ranked portfolio and the convertible units per municipality.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Portefeuille {
    pub regels: Vec<PortefeuilleRegel>,
    pub per_gemeente: Vec<OmbouwPerGemeente>,
}

impl PortefeuilleRegel {
    /// Whether the units of this location count as convertible.
    pub fn ombouwbaar(&self) -> bool {
        matches!(
            self.categorie,
            Some(Categorie::Geschikt | Categorie::GeschiktNaAanpassing)
        )
    }
}

/// Ranks the rows: highest total first (ties by name), then unranked rows by name; ranks are
/// over all rows, then the category filter applies. Per municipality the convertible units.
pub fn rangschikken(
    mut regels: Vec<PortefeuilleRegel>,
    filter: &PortefeuilleFilter,
) -> Portefeuille {
    regels.sort_by(|a, b| {
        b.totaal
            .is_some()
            .cmp(&a.totaal.is_some())
            .then(b.totaal.cmp(&a.totaal))
            .then_with(|| a.locatie_naam.cmp(&b.locatie_naam))
            .then(a.locatie_id.cmp(&b.locatie_id))
    });
    let mut per_gemeente: Vec<OmbouwPerGemeente> = Vec::new();
    for r in &regels {
        let idx = match per_gemeente
            .iter()
            .position(|g| g.gemeente_code == r.gemeente_code)
        {
            Some(i) => i,
            None => {
                per_gemeente.push(OmbouwPerGemeente {
                    gemeente_code: r.gemeente_code.clone(),
                    gemeente_naam: r.gemeente_naam.clone(),
                    locaties: 0,
                    beoordeeld: 0,
                    ombouwbare_eenheden: 0,
                    akkoord_eenheden: 0,
                });
                per_gemeente.len() - 1
            }
        };
        let g = &mut per_gemeente[idx];
        g.locaties += 1;
        if r.beoordeling_id.is_some() {
            g.beoordeeld += 1;
        }
        if r.ombouwbaar() {
            let eenheden = r.wooneenheden.unwrap_or(0);
            g.ombouwbare_eenheden += eenheden;
            if r.besluit == Some(crate::reviews::Besluit::Akkoord) {
                g.akkoord_eenheden += eenheden;
            }
        }
    }
    per_gemeente.sort_by(|a, b| a.gemeente_naam.cmp(&b.gemeente_naam));
    let mut rang = 0;
    let regels = regels
        .into_iter()
        .map(|mut r| {
            if r.totaal.is_some() {
                rang += 1;
                r.rang = Some(rang);
            }
            r
        })
        .filter(|r| filter.categorie.is_none_or(|c| r.categorie == Some(c)))
        .collect();
    Portefeuille {
        regels,
        per_gemeente,
    }
}

#[cfg(test)]
mod tests;
