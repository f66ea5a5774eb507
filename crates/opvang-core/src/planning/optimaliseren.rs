//! The plan optimiser (DESIGN.md §5): per location keep, convert or close at the end of its lease,
//! so that every municipality's projected demand is covered at a chosen occupancy target at the
//! least cost. A small mixed-integer programme per municipality, solved by good_lp's pure-Rust
//! `microlp` backend; every decision comes with an explanation in the active language (catalog
//! section `uitleg.optimaliseren`).
//!
//! The model and its assumptions:
//! - A decision takes effect in the first month after the lease or permit ends; a location
//!   without an end date in the projection is decided at `besluitdatum` instead.
//! - *Behouden*: the location keeps the places it had before that month until the horizon, at
//!   its cost: the location's own yearly costs when entered, else places × days × the normbedrag
//!   of its scheme, else places × days × the fallback amount of the settings.
//! - *Ombouwen*: the location leaves the reception stock and becomes housing; its residents stay
//!   as tenants, so the demand falls by its occupancy at the start (at most its places). Only for
//!   locations assessed *geschikt*/*geschikt na aanpassing* or with an approved review. Cost:
//!   units × conversion cost per unit, taken from the assessment's *ombouwkosten* score (the
//!   midpoint of the score's band, above € 100.000 counted as € 120.000) or else from the
//!   settings.
//! - *Sluiten*: the location leaves the stock at no further cost.
//! - Costs before the decision are the same for every choice and left out. Places cannot be
//!   shared between municipalities, so each municipality is its own programme. Required places
//!   in a month: demand × 100 / occupancy target.

use std::collections::HashMap;

use chrono::NaiveDate;
use good_lp::{
    constraint, microlp, variable, variables, Expression, ResolutionError, Solution, SolverModel,
    Variable,
};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::projectie::{capaciteit_op, eerste_van_maand, ombouwmaanden};
use super::{peildata, Normbedrag, Ombouw, PlanInvoer, Projectie, Scenario};
use crate::error::{CoreError, CoreResult};
use crate::format::{aantal_in, datum_in, maand_lang};
use crate::i18n::{self, Taal};
use crate::locations::LocatieStatus;
use crate::occupancy::GebiedSoort;

/// Which demand the optimiser covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Vraagniveau {
    /// The central projection (the scenario's midpoints).
    Centraal,
    P10,
    P50,
    P90,
}

/// The optimiser's settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct OptimalisatieInstellingen {
    pub vraag: Vraagniveau,
    /// The occupancy the remaining places may reach, in percent (e.g. 95).
    pub bezettingsdoel_procent: i64,
    /// When locations without a lease end in the projection are decided.
    pub besluitdatum: NaiveDate,
    /// Cost per place per day (cents) for a location without own costs or a normbedrag.
    pub kosten_per_plaats_per_dag_cent: Option<i64>,
    /// Conversion cost per unit (cents) for a location without an *ombouwkosten* score.
    pub ombouwkosten_per_wooneenheid_cent: Option<i64>,
    /// Only this municipality (CBS code); all when absent.
    pub gemeente_code: Option<String>,
}

impl OptimalisatieInstellingen {
    pub fn valideer(&self) -> CoreResult<()> {
        if !(50..=100).contains(&self.bezettingsdoel_procent) {
            return Err(CoreError::validatie(
                "bezettingsdoel_procent",
                "fout.planning_optimaliseren.bezettingsdoel_moet_tussen_50",
            ));
        }
        for (veld, waarde) in [
            (
                "kosten_per_plaats_per_dag_cent",
                self.kosten_per_plaats_per_dag_cent,
            ),
            (
                "ombouwkosten_per_wooneenheid_cent",
                self.ombouwkosten_per_wooneenheid_cent,
            ),
        ] {
            if waarde.is_some_and(|w| !(0..=10_000_000_000).contains(&w)) {
                return Err(CoreError::validatie(
                    veld,
                    "fout.planning_optimaliseren.bedrag_moet_tussen_0",
                ));
            }
        }
        Ok(())
    }
}

/// What the optimiser needs of a location beyond the projection's input.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OmbouwGegevens {
    /// Yearly costs in whole euros, as entered with the location.
    pub kosten_per_jaar: Option<i64>,
    /// Assessed suitable (after adaptation) or approved for conversion.
    pub ombouwbaar: bool,
    /// The latest assessment's *ombouwkosten* score (0–4).
    pub ombouwkosten_score: Option<i64>,
}

/// Keep, convert or close.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Keuze {
    Behouden,
    Ombouwen,
    Sluiten,
}

/// The decision for one location, with its reasons.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct LocatieBesluit {
    pub locatie_id: i64,
    pub naam: String,
    pub keuze: Keuze,
    /// The first month the decision applies.
    pub per: NaiveDate,
    pub plaatsen: i64,
    /// Cost of keeping the location from `per` to the horizon.
    pub kosten_behouden_cent: i64,
    /// Cost of converting it, when it can be converted.
    pub ombouwkosten_cent: Option<i64>,
    /// The month that decided it (the tightest month), if any.
    pub bindende_maand: Option<NaiveDate>,
    pub uitleg: String,
}

/// The optimiser's result for one municipality.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct GemeenteOptimalisatie {
    pub code: String,
    pub naam: String,
    pub haalbaar: bool,
    /// Why no plan covers the demand, or which shortages no decision can prevent.
    pub toelichting: Option<String>,
    /// Cost of the chosen decisions from their month to the horizon.
    pub kosten_cent: i64,
    pub besluiten: Vec<LocatieBesluit>,
}

/// The optimiser's result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Optimalisatie {
    pub instellingen: OptimalisatieInstellingen,
    pub gemeenten: Vec<GemeenteOptimalisatie>,
    pub kosten_cent: i64,
    /// The chosen conversions, to add to a scenario.
    pub ombouwen: Vec<Ombouw>,
}

/// Conversion cost per unit (cents) for an *ombouwkosten* score: the midpoint of its band.
pub fn ombouwkosten_bij_score(score: i64) -> Option<i64> {
    match score {
        0 => Some(12_000_000),
        1 => Some(8_000_000),
        2 => Some(4_500_000),
        3 => Some(2_000_000),
        4 => Some(500_000),
        _ => None,
    }
}

/// A location to decide, with everything the model and the explanation need.
struct Kandidaat {
    locatie_id: i64,
    naam: String,
    /// Month index from which the decision applies.
    t: usize,
    /// Places kept when kept.
    plaatsen: i64,
    /// Status-quo places per month.
    status_quo: Vec<i64>,
    /// Demand removed when converted.
    bewoners: i64,
    kosten_behouden: i64,
    ombouwkosten: Option<i64>,
    /// Catalog key of the reason it cannot be converted.
    waarom_niet_ombouwen: Option<&'static str>,
}

/// Optimises the municipalities of `projectie` (projected from `invoer` under `scenario`).
pub fn optimaliseren(
    invoer: &PlanInvoer,
    gegevens: &HashMap<i64, OmbouwGegevens>,
    projectie: &Projectie,
    scenario: &Scenario,
    normbedragen: &[Normbedrag],
    instellingen: &OptimalisatieInstellingen,
) -> CoreResult<Optimalisatie> {
    instellingen.valideer()?;
    let taal = i18n::actieve_taal();
    let data = peildata(invoer.start, scenario.tot_maand);
    let m = data.len();
    let dagen: Vec<i64> = (0..m)
        .map(|k| {
            let volgende = eerste_van_maand(data[k]) + chrono::Months::new(1);
            (volgende - data[k]).num_days()
        })
        .collect();
    let ombouw = ombouwmaanden(invoer, scenario);
    let besluit_k = data
        .iter()
        .position(|&d| d >= eerste_van_maand(instellingen.besluitdatum));
    let filter = instellingen
        .gemeente_code
        .as_deref()
        .map(|c| c.trim().to_uppercase());
    if let Some(code) = &filter {
        if !invoer.gemeenten.iter().any(|g| &g.code == code) {
            return Err(CoreError::validatie(
                "gemeente_code",
                "fout.planning_optimaliseren.gemeente_heeft_geen_locaties",
            )
            .met("code", &code));
        }
    }

    let mut gemeenten = Vec::new();
    for (g, gm) in invoer.gemeenten.iter().enumerate() {
        if filter.as_ref().is_some_and(|c| c != &gm.code) {
            continue;
        }
        let Some(gebied) = projectie
            .gebieden
            .iter()
            .find(|a| a.soort == GebiedSoort::Gemeente && a.code == gm.code)
        else {
            continue;
        };
        let vraag: Vec<i64> = gebied
            .maanden
            .iter()
            .map(|t| match (instellingen.vraag, t.banden) {
                (Vraagniveau::P10, Some(b)) => b.vraag.p10,
                (Vraagniveau::P50, Some(b)) => b.vraag.p50,
                (Vraagniveau::P90, Some(b)) => b.vraag.p90,
                _ => t.totaal.vraag,
            })
            .collect();
        let aanbod: Vec<i64> = gebied.maanden.iter().map(|t| t.aanbod).collect();

        let mut kandidaten = Vec::new();
        for (index, loc) in invoer.locaties.iter().enumerate() {
            if loc.gemeente != g || ombouw[index].is_some() {
                continue;
            }
            let telt = match loc.status {
                LocatieStatus::InGebruik => true,
                LocatieStatus::StandBy => scenario.stand_by_meetellen,
                _ => false,
            };
            if !telt {
                continue;
            }
            let status_quo: Vec<i64> = data.iter().map(|&d| capaciteit_op(loc, d, None)).collect();
            let einde_k = loc.einddatum.and_then(|e| data.iter().position(|&d| d > e));
            let Some(t) = einde_k.or(if loc.einddatum.is_some_and(|e| e < data[0]) {
                None
            } else {
                besluit_k
            }) else {
                continue;
            };
            let plaatsen = if t > 0 {
                status_quo[t - 1]
            } else {
                capaciteit_op(loc, data[0], None)
            }
            .max(status_quo[t]);
            if plaatsen <= 0 {
                continue;
            }
            let extra = gegevens.get(&loc.id).cloned().unwrap_or_default();
            let kosten_behouden = match extra.kosten_per_jaar {
                Some(per_jaar) => (t..m)
                    .map(|k| (per_jaar * 100 * dagen[k] * 2 + 365) / (365 * 2))
                    .sum(),
                None => {
                    let mut som = 0;
                    for (&dag, &d) in data[t..].iter().zip(&dagen[t..]) {
                        let prijs = normbedragen
                            .iter()
                            .filter(|n| n.regeling == loc.financiering && n.geldig_vanaf <= dag)
                            .max_by_key(|n| n.geldig_vanaf)
                            .map(|n| n.bedrag_cent)
                            .or(instellingen.kosten_per_plaats_per_dag_cent)
                            .ok_or_else(|| {
                                CoreError::validatie(
                                    "kosten_per_plaats_per_dag_cent",
                                    "fout.planning_optimaliseren.locatie_geen_kosten_bekend",
                                )
                                .met("naam", &loc.naam)
                                .met("code", &loc.financiering.code())
                                .met_datum("k", dag)
                            })?;
                        som += plaatsen * d * prijs;
                    }
                    som
                }
            };
            let eenheden = loc.wooneenheden.filter(|&u| u > 0);
            let per_eenheid = extra
                .ombouwkosten_score
                .and_then(ombouwkosten_bij_score)
                .or(instellingen.ombouwkosten_per_wooneenheid_cent);
            let (ombouwkosten, waarom_niet_ombouwen) = if !extra.ombouwbaar {
                (None, Some("uitleg.optimaliseren.niet_ombouwbaar"))
            } else if let (Some(u), Some(p)) = (eenheden, per_eenheid) {
                (Some(u * p), None)
            } else if eenheden.is_none() {
                (None, Some("uitleg.optimaliseren.wooneenheden_onbekend"))
            } else {
                (None, Some("uitleg.optimaliseren.ombouwkosten_onbekend"))
            };
            kandidaten.push(Kandidaat {
                locatie_id: loc.id,
                naam: loc.naam.clone(),
                t,
                plaatsen,
                status_quo,
                bewoners: loc.bezetting.totaal().clamp(0, plaatsen),
                kosten_behouden,
                ombouwkosten,
                waarom_niet_ombouwen,
            });
        }
        gemeenten.push(gemeente_oplossen(
            taal,
            &gm.code,
            &gm.naam,
            &kandidaten,
            &vraag,
            &aanbod,
            &data,
            instellingen.bezettingsdoel_procent,
        )?);
    }
    let ombouwen = gemeenten
        .iter()
        .flat_map(|g| &g.besluiten)
        .filter(|b| b.keuze == Keuze::Ombouwen)
        .map(|b| Ombouw {
            locatie_id: b.locatie_id,
            datum: b.per,
        })
        .collect();
    Ok(Optimalisatie {
        instellingen: instellingen.clone(),
        kosten_cent: gemeenten.iter().map(|g| g.kosten_cent).sum(),
        gemeenten,
        ombouwen,
    })
}

/// Whole euros from cents, written the way of `taal` (`150.000`, `150,000`).
fn euro(taal: Taal, cent: i64) -> String {
    aantal_in(taal, (cent + 50) / 100)
}

/// A month with its year: `juli 2027`, `July 2027`.
fn maand(taal: Taal, d: NaiveDate) -> String {
    use chrono::Datelike;
    format!("{} {}", maand_lang(taal, d.month()), d.year())
}

/// Two sentences of an explanation, one after the other.
fn en_dan(eerste: String, tweede: String) -> String {
    format!("{eerste} {tweede}")
}

/// Solves one municipality's programme and explains each decision.
#[allow(clippy::too_many_arguments)]
fn gemeente_oplossen(
    taal: Taal,
    code: &str,
    naam: &str,
    kandidaten: &[Kandidaat],
    vraag: &[i64],
    aanbod: &[i64],
    data: &[NaiveDate],
    doel: i64,
) -> CoreResult<GemeenteOptimalisatie> {
    let m = data.len();
    // Whole places, rounded up: −(−a ÷ b) with Euclidean division.
    let naar_boven = |a: i64| -(-a).div_euclid(doel);
    let nodig = |k: usize| naar_boven(vraag[k] * 100);
    // Supply per month when every candidate leaves at its decision month.
    let basis: Vec<i64> = (0..m)
        .map(|k| {
            aanbod[k]
                - kandidaten
                    .iter()
                    .filter(|c| k >= c.t)
                    .map(|c| c.status_quo[k])
                    .sum::<i64>()
        })
        .collect();
    // Right-hand side in units of 1/100 place: 100·demand − target·base supply.
    let mut rhs: Vec<i64> = (0..m).map(|k| 100 * vraag[k] - doel * basis[k]).collect();
    let eerste = kandidaten.iter().map(|c| c.t).min();

    // Shortages before any decision can act, or beyond what keeping and converting can add.
    let mut onvermijdelijk: Vec<usize> = Vec::new();
    let mut ontoereikend: Option<(usize, i64)> = None;
    let mut ontoereikende_maanden = 0;
    for (k, r) in rhs.iter_mut().enumerate() {
        let maximaal: i64 = kandidaten
            .iter()
            .filter(|c| k >= c.t)
            .map(|c| {
                (doel * c.plaatsen).max(if c.ombouwkosten.is_some() {
                    100 * c.bewoners
                } else {
                    0
                })
            })
            .sum();
        if *r > maximaal {
            if eerste.is_none_or(|e| k < e) {
                onvermijdelijk.push(k);
            } else {
                let tekort = naar_boven(*r - maximaal);
                if ontoereikend.is_none_or(|(_, t)| tekort > t) {
                    ontoereikend = Some((k, tekort));
                }
                ontoereikende_maanden += 1;
                // Cover what can be covered: in this month every location stays or converts.
                *r = maximaal;
            }
        }
    }
    let getal = |n: i64| aantal_in(taal, n);
    let mut toelichting = (!onvermijdelijk.is_empty()).then(|| {
        let k = onvermijdelijk[0];
        i18n::tekst_met(
            taal,
            "uitleg.optimaliseren.tekort_voor_besluit",
            &[
                ("maanden", &onvermijdelijk.len()),
                ("maand", &maand(taal, data[k])),
                ("nodig", &getal(nodig(k))),
                ("doel", &doel),
                ("beschikbaar", &getal(aanbod[k])),
            ],
        )
    });
    if let Some((k, tekort)) = ontoereikend {
        let alle = basis[k]
            + kandidaten
                .iter()
                .filter(|c| k >= c.t)
                .map(|c| c.plaatsen)
                .sum::<i64>();
        let uitleg = i18n::tekst_met(
            taal,
            "uitleg.optimaliseren.ontoereikend",
            &[
                ("naam", &naam),
                ("maand", &maand(taal, data[k])),
                ("nodig", &getal(nodig(k))),
                ("vraag", &getal(vraag[k])),
                ("doel", &doel),
                ("aanbod", &getal(alle)),
                ("tekort", &getal(tekort)),
                ("andere", &(ontoereikende_maanden - 1)),
            ],
        );
        toelichting = Some(match toelichting {
            Some(t) => en_dan(uitleg, t),
            None => uitleg,
        });
    }
    let haalbaar = ontoereikend.is_none();
    if kandidaten.is_empty() {
        return Ok(GemeenteOptimalisatie {
            code: code.to_owned(),
            naam: naam.to_owned(),
            haalbaar,
            toelichting,
            kosten_cent: 0,
            besluiten: Vec::new(),
        });
    }

    let mut vars = variables!();
    let behoud: Vec<Variable> = kandidaten
        .iter()
        .map(|_| vars.add(variable().binary()))
        .collect();
    let omb: Vec<Option<Variable>> = kandidaten
        .iter()
        .map(|c| c.ombouwkosten.map(|_| vars.add(variable().binary())))
        .collect();
    // Costs in euros keep the solver's numbers moderate.
    let mut kosten = Expression::from(0.0);
    for (i, c) in kandidaten.iter().enumerate() {
        kosten += (c.kosten_behouden as f64 / 100.0) * behoud[i];
        if let (Some(o), Some(prijs)) = (omb[i], c.ombouwkosten) {
            kosten += (prijs as f64 / 100.0) * o;
        }
    }
    let mut model = vars.minimise(kosten).using(microlp);
    for (i, o) in omb.iter().enumerate() {
        if let Some(o) = *o {
            model = model.with(constraint!(behoud[i] + o <= 1));
        }
    }
    for (k, &r) in rhs.iter().enumerate() {
        let actief: Vec<usize> = (0..kandidaten.len())
            .filter(|&i| k >= kandidaten[i].t)
            .collect();
        if actief.is_empty() || r <= 0 {
            continue;
        }
        let mut lhs = Expression::from(0.0);
        for &i in &actief {
            lhs += ((doel * kandidaten[i].plaatsen) as f64) * behoud[i];
            if let Some(o) = omb[i] {
                lhs += ((100 * kandidaten[i].bewoners) as f64) * o;
            }
        }
        model = model.with(constraint!(lhs >= r as f64));
    }
    let oplossing = match model.solve() {
        Ok(s) => s,
        Err(ResolutionError::Infeasible) => {
            return Ok(GemeenteOptimalisatie {
                code: code.to_owned(),
                naam: naam.to_owned(),
                haalbaar: false,
                toelichting: Some(i18n::tekst_met(
                    taal,
                    "uitleg.optimaliseren.onhaalbaar",
                    &[("naam", &naam), ("doel", &doel)],
                )),
                kosten_cent: 0,
                besluiten: Vec::new(),
            })
        }
        Err(e) => {
            return Err(CoreError::validatie(
                "optimaliseren",
                "fout.planning_optimaliseren.optimalisatie_mislukt",
            )
            .met("naam", &naam)
            .met("fout", &e))
        }
    };
    let keuzes: Vec<Keuze> = (0..kandidaten.len())
        .map(|i| {
            if oplossing.value(behoud[i]) > 0.5 {
                Keuze::Behouden
            } else if omb[i].is_some_and(|o| oplossing.value(o) > 0.5) {
                Keuze::Ombouwen
            } else {
                Keuze::Sluiten
            }
        })
        .collect();
    // Slack per month in 1/100 place under the chosen plan.
    let speling: Vec<i64> = (0..m)
        .map(|k| {
            let bijdrage: i64 = kandidaten
                .iter()
                .zip(&keuzes)
                .filter(|(c, _)| k >= c.t)
                .map(|(c, keuze)| match keuze {
                    Keuze::Behouden => doel * c.plaatsen,
                    Keuze::Ombouwen => 100 * c.bewoners,
                    Keuze::Sluiten => 0,
                })
                .sum();
            bijdrage - rhs[k]
        })
        .collect();
    let plaatsen_van = |s: i64| s.div_euclid(doel);
    let krapste = |c: &Kandidaat, zonder: i64| -> Option<(usize, i64)> {
        (c.t..m)
            .map(|k| (k, speling[k] - zonder))
            .min_by_key(|&(k, s)| (s, k))
    };
    let mut besluiten = Vec::new();
    let mut totaal = 0;
    for (c, &keuze) in kandidaten.iter().zip(&keuzes) {
        let per = data[c.t];
        let datum = datum_in(taal, per);
        let (bindend, uitleg) = match keuze {
            Keuze::Behouden => {
                totaal += c.kosten_behouden;
                let zonder = doel * c.plaatsen;
                let alternatief = match c.ombouwkosten {
                    None => {
                        let reden = c
                            .waarom_niet_ombouwen
                            .unwrap_or("uitleg.optimaliseren.niet_mogelijk");
                        i18n::tekst_met(
                            taal,
                            "uitleg.optimaliseren.ombouwen_kan_niet",
                            &[("reden", &i18n::tekst(taal, reden))],
                        )
                    }
                    Some(o) => i18n::tekst_met(
                        taal,
                        "uitleg.optimaliseren.ombouwen_te_weinig",
                        &[
                            ("kosten", &euro(taal, o)),
                            ("bewoners", &getal(c.bewoners)),
                            ("plaatsen", &getal(c.plaatsen)),
                        ],
                    ),
                };
                match krapste(c, zonder) {
                    Some((k, s)) if s < 0 => (
                        Some(data[k]),
                        en_dan(
                            i18n::tekst_met(
                                taal,
                                "uitleg.optimaliseren.behouden_tekort",
                                &[
                                    ("datum", &datum),
                                    ("plaatsen", &getal(c.plaatsen)),
                                    ("maand", &maand(taal, data[k])),
                                    ("tekort", &getal(-plaatsen_van(s))),
                                    ("nodig", &getal(nodig(k))),
                                    ("doel", &doel),
                                    ("kosten", &euro(taal, c.kosten_behouden)),
                                ],
                            ),
                            alternatief,
                        ),
                    ),
                    _ => (
                        None,
                        i18n::tekst_met(
                            taal,
                            "uitleg.optimaliseren.behouden_bespaart_niets",
                            &[
                                ("datum", &datum),
                                ("kosten", &euro(taal, c.kosten_behouden)),
                            ],
                        ),
                    ),
                }
            }
            Keuze::Ombouwen => {
                let kosten = c.ombouwkosten.unwrap_or(0);
                totaal += kosten;
                let zonder = 100 * c.bewoners;
                let hoofd = i18n::tekst_met(
                    taal,
                    "uitleg.optimaliseren.ombouwen",
                    &[
                        ("datum", &datum),
                        ("kosten", &euro(taal, kosten)),
                        ("behouden", &euro(taal, c.kosten_behouden)),
                        ("bewoners", &getal(c.bewoners)),
                    ],
                );
                match krapste(c, zonder) {
                    Some((k, s)) if s < 0 => (
                        Some(data[k]),
                        en_dan(
                            hoofd,
                            i18n::tekst_met(
                                taal,
                                "uitleg.optimaliseren.sluiten_kan_niet",
                                &[
                                    ("bewoners", &getal(c.bewoners)),
                                    ("maand", &maand(taal, data[k])),
                                    ("tekort", &getal(-plaatsen_van(s))),
                                ],
                            ),
                        ),
                    ),
                    _ => (None, hoofd),
                }
            }
            Keuze::Sluiten => match krapste(c, 0) {
                Some((k, s)) => (
                    Some(data[k]),
                    i18n::tekst_met(
                        taal,
                        "uitleg.optimaliseren.sluiten",
                        &[
                            ("datum", &datum),
                            ("maand", &maand(taal, data[k])),
                            ("over", &getal(plaatsen_van(s))),
                            ("doel", &doel),
                            ("kosten", &euro(taal, c.kosten_behouden)),
                        ],
                    ),
                ),
                None => (
                    None,
                    i18n::tekst_met(
                        taal,
                        "uitleg.optimaliseren.sluiten_kort",
                        &[("datum", &datum)],
                    ),
                ),
            },
        };
        besluiten.push(LocatieBesluit {
            locatie_id: c.locatie_id,
            naam: c.naam.clone(),
            keuze,
            per,
            plaatsen: c.plaatsen,
            kosten_behouden_cent: c.kosten_behouden,
            ombouwkosten_cent: c.ombouwkosten,
            bindende_maand: bindend,
            uitleg,
        });
    }
    if toelichting.is_none() && besluiten.is_empty() {
        toelichting = Some(i18n::tekst(taal, "uitleg.optimaliseren.geen_locaties"));
    }
    Ok(GemeenteOptimalisatie {
        code: code.to_owned(),
        naam: naam.to_owned(),
        haalbaar,
        toelichting,
        kosten_cent: totaal,
        besluiten,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn explains_in_the_language_asked_for() {
        let kandidaat = Kandidaat {
            locatie_id: 1,
            naam: "A".to_owned(),
            t: 0,
            plaatsen: 50,
            status_quo: vec![50, 50],
            bewoners: 0,
            kosten_behouden: 12_345_600,
            ombouwkosten: None,
            waarom_niet_ombouwen: Some("uitleg.optimaliseren.wooneenheden_onbekend"),
        };
        let data = [d("2027-07-01"), d("2027-08-01")];
        let uitleg = |taal| {
            gemeente_oplossen(
                taal,
                "GM0344",
                "Utrecht",
                std::slice::from_ref(&kandidaat),
                &[0, 0],
                &[50, 50],
                &data,
                95,
            )
            .unwrap()
            .besluiten[0]
                .uitleg
                .clone()
        };
        assert_eq!(
            uitleg(Taal::En),
            "Close from 1 Jul 2027: the remaining supply covers the demand; the tightest month is \
             July 2027 with 0 places to spare at 95% occupancy. Saves €123,456."
        );
        assert_eq!(
            uitleg(Taal::Nl),
            "Sluiten per 1-7-2027: het overige aanbod dekt de vraag; de krapste maand is juli 2027 \
             met 0 plaatsen over bij 95% bezetting. Bespaart € 123.456."
        );
    }
}
