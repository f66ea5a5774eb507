//! Funding estimate of a scenario: places × days × normbedrag per funding scheme and year, in
//! whole euro cents (DESIGN.md §5). Normbedragen are entered by the user; the program ships only
//! the documented historic BOOO rates of 2022 as an example to load.

use std::collections::BTreeMap;

use chrono::{Datelike, Months, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::projectie::{capaciteit_op, eerste_van_maand, ombouwmaanden};
use super::{peildata, PlanInvoer, Scenario};
use crate::error::{CoreError, CoreResult};
use crate::locations::{Financiering, LocatieStatus};

/// What a funding scheme pays per place per day from `geldig_vanaf` until the next rate of the
/// same scheme.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Normbedrag {
    pub id: i64,
    pub regeling: Financiering,
    pub geldig_vanaf: NaiveDate,
    /// Euro cents per place per day.
    pub bedrag_cent: i64,
    pub toelichting: String,
    /// A documented past rate loaded as an example, not a current rate.
    pub historisch: bool,
    pub versie: i64,
}

/// A normbedrag as the user enters it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct NormbedragInvoer {
    pub regeling: Financiering,
    pub geldig_vanaf: NaiveDate,
    pub bedrag_cent: i64,
    pub toelichting: String,
}

impl NormbedragInvoer {
    pub fn valideer(&self) -> CoreResult<()> {
        if !(0..=10_000_000).contains(&self.bedrag_cent) {
            return Err(CoreError::validatie(
                "bedrag_cent",
                "fout.planning_financiering.normbedrag_moet_tussen_0",
            ));
        }
        if self.toelichting.chars().count() > 500 {
            return Err(CoreError::validatie(
                "toelichting",
                "fout.planning_financiering.toelichting_langer_500_tekens",
            ));
        }
        Ok(())
    }
}

/// The documented historic BOOO rates (DESIGN.md §5): € 100 per realised GOO place per day at
/// the start of 2022 and € 83 from 15 October 2022. Examples to load, not current rates; their
/// notes are written in the active language (once loaded they are the planner's data).
pub fn voorbeeld_booo_2022() -> Vec<NormbedragInvoer> {
    let taal = crate::i18n::actieve_taal();
    vec![
        NormbedragInvoer {
            regeling: Financiering::Booo,
            geldig_vanaf: NaiveDate::from_ymd_opt(2022, 1, 1).expect("valid date"),
            bedrag_cent: 10_000,
            toelichting: crate::i18n::tekst(taal, "voorbeeld.normbedrag.booo_begin_2022"),
        },
        NormbedragInvoer {
            regeling: Financiering::Booo,
            geldig_vanaf: NaiveDate::from_ymd_opt(2022, 10, 15).expect("valid date"),
            bedrag_cent: 8_300,
            toelichting: crate::i18n::tekst(taal, "voorbeeld.normbedrag.booo_oktober_2022"),
        },
    ]
}

/// The estimate of one funding scheme in one calendar year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct FinancieringJaar {
    pub jaar: i64,
    pub regeling: Financiering,
    /// Place-days funded at a known normbedrag (planned places weighted by their chance).
    pub plaatsdagen: i64,
    /// Place-days for which no normbedrag is known; they are not in `bedrag_cent`.
    pub plaatsdagen_zonder_normbedrag: i64,
    pub bedrag_cent: i64,
}

/// The funding estimate of a scenario: per year and scheme, and the total.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Financieringsraming {
    pub per_jaar: Vec<FinancieringJaar>,
    pub totaal_cent: i64,
    pub plaatsdagen_zonder_normbedrag: i64,
}

/// The rate of `regeling` on `dag`: the latest normbedrag on or before it.
fn tarief(normbedragen: &[Normbedrag], regeling: Financiering, dag: NaiveDate) -> Option<i64> {
    normbedragen
        .iter()
        .filter(|n| n.regeling == regeling && n.geldig_vanaf <= dag)
        .max_by_key(|n| n.geldig_vanaf)
        .map(|n| n.bedrag_cent)
}

/// `teller / 100` rounded half-up, for non-negative numbers.
fn honderdste(teller: i128) -> i64 {
    ((teller + 50) / 100) as i64
}

/// Estimates the funding of the central projection of `scenario`: for every location and every
/// projected month, the places it supplies that month (realised and stand-by places when the
/// scenario counts them, planned places weighted by their chance and at the central delay) times
/// the days of the month from the start date on, times the normbedrag of its scheme per day.
/// Rates that change within a month are applied day by day. Exact: whole cents, one rounding
/// per year and scheme.
pub fn financiering_ramen(
    invoer: &PlanInvoer,
    scenario: &Scenario,
    normbedragen: &[Normbedrag],
) -> Financieringsraming {
    let data = peildata(invoer.start, scenario.tot_maand);
    let ombouw = ombouwmaanden(invoer, scenario);
    let vertraging = scenario.pipeline_vertraging_maanden.midden().max(0) as usize;
    // Per (year, scheme): weighted place-days ×100, cents ×100, unpriced place-days ×100.
    let mut som: BTreeMap<(i32, &str), (Financiering, i128, i128, i128)> = BTreeMap::new();
    for (index, loc) in invoer.locaties.iter().enumerate() {
        let weging: i128 = match loc.status {
            LocatieStatus::Gesloten => continue,
            LocatieStatus::StandBy if !scenario.stand_by_meetellen => continue,
            LocatieStatus::InVoorbereiding => {
                i128::from(loc.pipeline_kans.unwrap_or(100).clamp(0, 100))
            }
            _ => 100,
        };
        for (k, &peildatum) in data.iter().enumerate() {
            let plaatsen = if loc.status == LocatieStatus::InVoorbereiding {
                // As the projection: the month `vertraging` months earlier, before the delay.
                let datum = if k >= vertraging {
                    data[k - vertraging]
                } else {
                    eerste_van_maand(invoer.start) - Months::new((vertraging - k) as u32)
                };
                pipeline_plaatsen(loc, datum, ombouw[index], scenario, invoer.start)
            } else {
                capaciteit_op(loc, peildatum, ombouw[index])
            };
            if plaatsen <= 0 {
                continue;
            }
            let einde = eerste_van_maand(peildatum) + Months::new(1);
            let mut dag = peildatum;
            while dag < einde {
                let prijs = tarief(normbedragen, loc.financiering, dag);
                // The rate holds until the next rate of the scheme or the end of the month.
                let volgende = normbedragen
                    .iter()
                    .filter(|n| n.regeling == loc.financiering && n.geldig_vanaf > dag)
                    .map(|n| n.geldig_vanaf)
                    .min()
                    .map_or(einde, |v| v.min(einde));
                let dagen = i128::from((volgende - dag).num_days());
                let plaatsdagen = i128::from(plaatsen) * dagen * weging;
                let regel = som.entry((dag.year(), loc.financiering.code())).or_insert((
                    loc.financiering,
                    0,
                    0,
                    0,
                ));
                match prijs {
                    Some(cent) => {
                        regel.1 += plaatsdagen;
                        regel.2 += plaatsdagen * i128::from(cent);
                    }
                    None => regel.3 += plaatsdagen,
                }
                dag = volgende;
            }
        }
    }
    let per_jaar: Vec<FinancieringJaar> = som
        .into_iter()
        .map(
            |((jaar, _), (regeling, dagen, cent, zonder))| FinancieringJaar {
                jaar: i64::from(jaar),
                regeling,
                plaatsdagen: honderdste(dagen),
                plaatsdagen_zonder_normbedrag: honderdste(zonder),
                bedrag_cent: honderdste(cent),
            },
        )
        .collect();
    Financieringsraming {
        totaal_cent: per_jaar.iter().map(|j| j.bedrag_cent).sum(),
        plaatsdagen_zonder_normbedrag: per_jaar
            .iter()
            .map(|j| j.plaatsdagen_zonder_normbedrag)
            .sum(),
        per_jaar,
    }
}

/// The places a planned location supplies on `datum` (before weighting by its chance).
fn pipeline_plaatsen(
    loc: &super::PlanLocatie,
    datum: NaiveDate,
    ombouw: Option<NaiveDate>,
    scenario: &Scenario,
    start: NaiveDate,
) -> i64 {
    if loc.perioden.is_empty() {
        let opening = loc.openingsdatum.unwrap_or(start);
        let open = datum >= opening
            && loc.einddatum.is_none_or(|e| datum <= e)
            && ombouw.is_none_or(|o| datum < o);
        if open {
            loc.wooneenheden.unwrap_or(0).max(0) * scenario.pipeline_plaatsen_per_wooneenheid
        } else {
            0
        }
    } else {
        capaciteit_op(loc, datum, ombouw)
    }
}
