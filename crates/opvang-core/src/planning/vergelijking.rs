//! Scenarios side by side: the key outputs of each scenario's projection for the country, and
//! its demand and supply per month for an overlaid chart.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::projectie::eerste_van_maand;
use super::{
    financiering_ramen, invoer_laden, projecteren, Financieringsraming, Projectie, Scenario,
};
use crate::error::{CoreError, CoreResult};
use crate::storage::Db;

/// The end of temporary protection (RTB): 4 March 2027.
pub const EINDE_RTB: NaiveDate = match NaiveDate::from_ymd_opt(2027, 3, 4) {
    Some(d) => d,
    None => panic!("valid date"),
};
/// The last day of the five-year doelgroepflexibele regeling: 30 April 2031.
pub const EINDE_REGELING: NaiveDate = match NaiveDate::from_ymd_opt(2031, 4, 30) {
    Some(d) => d,
    None => panic!("valid date"),
};

/// The most scenarios compared at once.
pub const MAX_VERGELIJKEN: usize = 4;

/// The country's demand and supply in one month of one scenario (central projection, with
/// the P10–P90 band of demand when Monte Carlo ran).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct VergelijkingMaand {
    pub maand: NaiveDate,
    pub vraag: i64,
    pub aanbod: i64,
    /// Sum of the municipalities' shortages.
    pub tekort: i64,
    pub vraag_p10: Option<i64>,
    pub vraag_p90: Option<i64>,
}

/// The key outputs of one scenario for the whole country.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ScenarioKerncijfers {
    pub scenario: Scenario,
    /// The country's runway: the first month in which demand exceeds supply nationally.
    pub eerste_tekort: Option<NaiveDate>,
    /// The first month in which any municipality has a shortage.
    pub eerste_tekort_gemeente: Option<NaiveDate>,
    pub gemeenten_met_tekort: i64,
    /// The largest sum of municipal shortages in any month, and that month.
    pub piek_tekort: i64,
    pub piek_maand: Option<NaiveDate>,
    /// The shortage in the month of 4 March 2027 and of 30 April 2031 (`None` outside the
    /// projection).
    pub tekort_einde_rtb: Option<i64>,
    pub tekort_einde_regeling: Option<i64>,
    pub financiering: Financieringsraming,
    pub maanden: Vec<VergelijkingMaand>,
}

/// The key outputs of a projection and its funding estimate.
pub fn kerncijfers(p: &Projectie, financiering: Financieringsraming) -> ScenarioKerncijfers {
    let land = &p.gebieden[0];
    let gemeenten = p
        .gebieden
        .iter()
        .filter(|g| g.soort == crate::occupancy::GebiedSoort::Gemeente);
    let piek = land
        .maanden
        .iter()
        .filter(|t| t.tekort > 0)
        .max_by_key(|t| (t.tekort, std::cmp::Reverse(t.maand)));
    let tekort_in = |dag: NaiveDate| {
        land.maanden
            .iter()
            .find(|t| t.maand == eerste_van_maand(dag))
            .map(|t| t.tekort)
    };
    ScenarioKerncijfers {
        scenario: p.scenario.clone(),
        eerste_tekort: land.eerste_tekort,
        eerste_tekort_gemeente: land.maanden.iter().find(|t| t.tekort > 0).map(|t| t.maand),
        gemeenten_met_tekort: gemeenten.filter(|g| g.eerste_tekort.is_some()).count() as i64,
        piek_tekort: piek.map_or(0, |t| t.tekort),
        piek_maand: piek.map(|t| t.maand),
        tekort_einde_rtb: tekort_in(EINDE_RTB),
        tekort_einde_regeling: tekort_in(EINDE_REGELING),
        financiering,
        maanden: land
            .maanden
            .iter()
            .map(|t| VergelijkingMaand {
                maand: t.maand,
                vraag: t.totaal.vraag,
                aanbod: t.aanbod,
                tekort: t.tekort,
                vraag_p10: t.banden.map(|b| b.vraag.p10),
                vraag_p90: t.banden.map(|b| b.vraag.p90),
            })
            .collect(),
    }
}

/// The funding estimate of `scenario` over the register at `start`, with the stored normbedragen.
pub async fn financiering(
    db: &Db,
    scenario: &Scenario,
    start: NaiveDate,
) -> CoreResult<Financieringsraming> {
    scenario.valideer()?;
    let invoer = invoer_laden(db, start).await?;
    Ok(financiering_ramen(
        &invoer,
        scenario,
        &db.normbedragen().await?,
    ))
}

/// Projects 2 to 4 scenarios over the same register, runs and seed; their key outputs in order.
pub async fn vergelijken(
    db: &Db,
    scenarios: &[Scenario],
    start: NaiveDate,
    runs: u32,
    seed: u64,
) -> CoreResult<Vec<ScenarioKerncijfers>> {
    if !(2..=MAX_VERGELIJKEN).contains(&scenarios.len()) {
        return Err(CoreError::validatie(
            "scenarios",
            "fout.planning_vergelijking.kies_2_tot_scenario",
        )
        .met("max_vergelijken", &MAX_VERGELIJKEN));
    }
    for s in scenarios {
        s.valideer()?;
    }
    let invoer = invoer_laden(db, start).await?;
    let normbedragen = db.normbedragen().await?;
    Ok(scenarios
        .iter()
        .map(|s| {
            let p = projecteren(&invoer, s, runs, seed);
            kerncijfers(&p, financiering_ramen(&invoer, s, &normbedragen))
        })
        .collect())
}
