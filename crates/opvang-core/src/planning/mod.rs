//! Capacity planning (DESIGN.md §5): a monthly projection of supply and demand per area and
//! target group through April 2031, under a scenario whose ranges give Monte Carlo bands.
//!
//! [`projecteren`] is pure and works on a [`PlanInvoer`]; [`invoer_laden`] reads one from the
//! database and [`export`] writes the result for Dutch Excel.

pub mod export;
mod financiering;
mod kaart;
mod optimaliseren;
mod projectie;
mod scenario;
#[cfg(test)]
mod tests;
mod vergelijking;
pub mod xlsx;

pub use financiering::{
    financiering_ramen, voorbeeld_booo_2022, FinancieringJaar, Financieringsraming, Normbedrag,
    NormbedragInvoer,
};
pub use kaart::{tekort_per_gemeente, GemeenteTekort, KaartTekort};
pub use optimaliseren::{
    ombouwkosten_bij_score, optimaliseren, GemeenteOptimalisatie, Keuze, LocatieBesluit,
    OmbouwGegevens, Optimalisatie, OptimalisatieInstellingen, Vraagniveau,
};
pub use projectie::{
    peildata, projecteren, Band, Banden, DoelgroepReeks, GebiedProjectie, MaandTotaal, Periode,
    PlanGemeente, PlanInvoer, PlanLocatie, Projectie, Stroomcijfers,
};
pub use scenario::{
    is_ingebouwd, Bereik, Ombouw, OpgeslagenScenario, Overgang, Scenario, Stromen, SCENARIO_NAMEN,
};
pub use vergelijking::{
    financiering, kerncijfers, vergelijken, ScenarioKerncijfers, VergelijkingMaand, EINDE_REGELING,
    EINDE_RTB, MAX_VERGELIJKEN,
};

use std::collections::HashMap;

use chrono::{Months, NaiveDate};

use crate::error::CoreResult;
use crate::locations::{LocatieFilter, LocatieStatus};
use crate::occupancy::{Bezetting, Gebied, GebiedSoort};
use crate::reference::Gemeente;
use crate::storage::Db;

/// Reads every location with its capacity periods and its occupancy as of `start`.
pub async fn invoer_laden(db: &Db, start: NaiveDate) -> CoreResult<PlanInvoer> {
    let standen = db.standen(start, &Gebied::land()).await?;
    let locaties = db.locaties(&LocatieFilter::default()).await?;
    let per_id: HashMap<i64, _> = locaties.into_iter().map(|l| (l.id, l)).collect();
    let akkoord = db.ombouw_akkoorden().await?;
    let mut gemeenten: Vec<PlanGemeente> = Vec::new();
    let mut gemeente_index: HashMap<String, usize> = HashMap::new();
    let mut uit = Vec::with_capacity(standen.len());
    for stand in standen {
        let Some(locatie) = per_id.get(&stand.locatie_id) else {
            continue;
        };
        let gemeente = *gemeente_index
            .entry(stand.gemeente_code.clone())
            .or_insert_with(|| {
                gemeenten.push(PlanGemeente {
                    code: stand.gemeente_code.clone(),
                    naam: stand.gemeente_naam.clone(),
                    provincie_code: stand.provincie_code.clone(),
                    provincie_naam: stand.provincie_naam.clone(),
                    veiligheidsregio_code: stand.veiligheidsregio_code.clone(),
                    veiligheidsregio_naam: stand.veiligheidsregio_naam.clone(),
                });
                gemeenten.len() - 1
            });
        let perioden = db
            .capaciteit(stand.locatie_id)
            .await?
            .into_iter()
            .map(|p| Periode {
                vanaf: p.vanaf,
                tot_en_met: p.tot_en_met,
                plaatsen: p.plaatsen,
            })
            .collect();
        uit.push(PlanLocatie {
            id: locatie.id,
            naam: locatie.gegevens.naam.clone(),
            gemeente,
            financiering: locatie.gegevens.financiering,
            status: locatie.status,
            openingsdatum: locatie.gegevens.openingsdatum,
            einddatum: locatie.gegevens.einddatum,
            pipeline_kans: locatie.gegevens.pipeline_kans,
            wooneenheden: locatie.gegevens.wooneenheden,
            perioden,
            bezetting: stand.bezetting,
            ombouw_akkoord: akkoord.get(&stand.locatie_id).copied(),
        });
    }
    Ok(PlanInvoer {
        start,
        gemeenten,
        locaties: uit,
    })
}

/// Validates the scenario, reads the register at `start` and projects it.
pub async fn plan(
    db: &Db,
    scenario: &Scenario,
    start: NaiveDate,
    runs: u32,
    seed: u64,
) -> CoreResult<Projectie> {
    scenario.valideer()?;
    let invoer = invoer_laden(db, start).await?;
    Ok(projecteren(&invoer, scenario, runs, seed))
}

/// Projects the register under `scenario` and optimises keep / convert / close per location.
pub async fn optimaliseer(
    db: &Db,
    scenario: &Scenario,
    start: NaiveDate,
    runs: u32,
    seed: u64,
    instellingen: &OptimalisatieInstellingen,
) -> CoreResult<Optimalisatie> {
    scenario.valideer()?;
    instellingen.valideer()?;
    let invoer = invoer_laden(db, start).await?;
    let gegevens = db.ombouw_gegevens().await?;
    let normbedragen = db.normbedragen().await?;
    let projectie = projecteren(&invoer, scenario, runs, seed);
    optimaliseren(
        &invoer,
        &gegevens,
        &projectie,
        scenario,
        &normbedragen,
        instellingen,
    )
}

/// A synthetic national register for the benchmark: `per_gemeente` locations in every
/// municipality, one in eight of them planned, a quarter with a lease ending before 2031.
pub fn synthetische_invoer(
    gemeenten: &[Gemeente],
    per_gemeente: usize,
    start: NaiveDate,
) -> PlanInvoer {
    let mut locaties = Vec::new();
    for (g, _) in gemeenten.iter().enumerate() {
        for n in 0..per_gemeente {
            let i = g * per_gemeente + n;
            let plaatsen = 20 + (i * 37 % 180) as i64;
            let bezet = plaatsen * (90 + (i % 10) as i64) / 100;
            let gepland = i % 8 == 7;
            let status = if gepland {
                LocatieStatus::InVoorbereiding
            } else if i % 23 == 5 {
                LocatieStatus::StandBy
            } else {
                LocatieStatus::InGebruik
            };
            let einddatum = i
                .is_multiple_of(4)
                .then(|| start + Months::new(3 + (i % 48) as u32));
            let actief = !gepland && status == LocatieStatus::InGebruik;
            locaties.push(PlanLocatie {
                id: 0,
                naam: format!("Locatie {i}"),
                gemeente: g,
                financiering: crate::locations::Financiering::Booo,
                status,
                openingsdatum: Some(if gepland {
                    start + Months::new(1 + (i % 18) as u32)
                } else {
                    start - Months::new(12)
                }),
                einddatum,
                pipeline_kans: gepland.then_some(30 + (i % 7) as i64 * 10),
                wooneenheden: Some(plaatsen / 2),
                perioden: if gepland {
                    Vec::new()
                } else {
                    vec![Periode {
                        vanaf: start - Months::new(12),
                        tot_en_met: None,
                        plaatsen,
                    }]
                },
                bezetting: if actief {
                    Bezetting {
                        ontheemden: bezet * 7 / 10,
                        statushouders: bezet / 10,
                        asielzoekers: bezet / 10,
                        overig: bezet - bezet * 7 / 10 - 2 * (bezet / 10),
                    }
                } else {
                    Bezetting::default()
                },
                ombouw_akkoord: None,
            });
        }
    }
    PlanInvoer {
        start,
        gemeenten: gemeenten
            .iter()
            .map(|g| PlanGemeente {
                code: g.code.clone(),
                naam: g.naam.clone(),
                provincie_code: g.provincie_code.clone(),
                provincie_naam: g.provincie_naam.clone(),
                veiligheidsregio_code: g.veiligheidsregio_code.clone(),
                veiligheidsregio_naam: g.veiligheidsregio_naam.clone(),
            })
            .collect(),
        locaties,
    }
}

/// One municipality's runway: the first month with a shortage under the scenario, if any.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct GemeenteRunway {
    pub code: String,
    pub naam: String,
    pub eerste_tekort: Option<NaiveDate>,
}

/// A projection small enough for the screen: the country and provinces in full, and per
/// municipality only its runway.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct PlanOverzicht {
    pub scenario: Scenario,
    pub start: NaiveDate,
    pub runs: i64,
    pub seed: i64,
    /// The country first, then the provinces.
    pub gebieden: Vec<GebiedProjectie>,
    pub gemeenten: Vec<GemeenteRunway>,
}

impl From<Projectie> for PlanOverzicht {
    fn from(p: Projectie) -> Self {
        let mut gebieden = Vec::new();
        let mut gemeenten = Vec::new();
        for g in p.gebieden {
            match g.soort {
                GebiedSoort::Land | GebiedSoort::Provincie => gebieden.push(g),
                GebiedSoort::Gemeente => gemeenten.push(GemeenteRunway {
                    code: g.code,
                    naam: g.naam,
                    eerste_tekort: g.eerste_tekort,
                }),
                GebiedSoort::Veiligheidsregio => {}
            }
        }
        PlanOverzicht {
            scenario: p.scenario,
            start: p.start,
            runs: p.runs,
            seed: p.seed,
            gebieden,
            gemeenten,
        }
    }
}
