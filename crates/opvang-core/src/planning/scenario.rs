//! Planning scenarios: named sets of flow parameters, each possibly a range for Monte Carlo.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{CoreError, CoreResult};
use crate::i18n;
use crate::occupancy::Doelgroep;

/// A parameter value: fixed when `min == max`, otherwise drawn uniformly per Monte Carlo run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Bereik {
    pub min: i64,
    pub max: i64,
}

impl Bereik {
    pub const fn vast(waarde: i64) -> Self {
        Bereik {
            min: waarde,
            max: waarde,
        }
    }

    pub const fn van(min: i64, max: i64) -> Self {
        Bereik { min, max }
    }

    /// The value of the central (deterministic) projection: the midpoint, rounded down.
    pub fn midden(self) -> i64 {
        self.min + (self.max - self.min) / 2
    }
}

/// Monthly flows of one target group, in promille (tenths of a percent) per month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Stromen {
    pub doelgroep: Doelgroep,
    /// New arrivals per month as ‰ of the group's occupancy at the start (a constant number).
    pub instroom_promille: Bereik,
    /// Moves to own housing per month as ‰ of the group's current number.
    pub uitstroom_woning_promille: Bereik,
    /// Returns per month as ‰ of the group's current number.
    pub uitstroom_terugkeer_promille: Bereik,
}

/// The end of temporary protection: an extra, phased outflow of ontheemden after `datum`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Overgang {
    /// 4 March 2027; the extra outflow starts in the first month that begins after it.
    pub datum: NaiveDate,
    /// Extra outflow per month as ‰ of the ontheemden present.
    pub extra_uitstroom_promille: Bereik,
    /// For how many months the extra outflow lasts.
    pub maanden: Bereik,
    /// Which share (%) of the extra outflow is return; the rest moves to own housing.
    pub aandeel_terugkeer_procent: Bereik,
}

/// A location that leaves the reception stock because it is converted to regular housing: its
/// places no longer count as supply from the month in which `datum` falls.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Ombouw {
    pub locatie_id: i64,
    pub datum: NaiveDate,
}

/// A named planning scenario (DESIGN.md §5).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Scenario {
    pub naam: String,
    pub beschrijving: String,
    /// The last projected month (any day in it); at least April 2031.
    pub tot_maand: NaiveDate,
    pub stromen: Vec<Stromen>,
    pub overgang: Overgang,
    /// Months a planned location opens later than its opening date.
    pub pipeline_vertraging_maanden: Bereik,
    /// Places per housing unit for a planned location without capacity periods.
    pub pipeline_plaatsen_per_wooneenheid: i64,
    /// Whether stand-by places count as supply.
    pub stand_by_meetellen: bool,
    /// Planned conversions: each location leaves the supply from the month of its date.
    #[serde(default)]
    pub ombouwen: Vec<Ombouw>,
    /// When set, a location with an approved conversion review (*akkoord*) leaves the supply
    /// this many months after the decision date (unless `ombouwen` names an earlier date).
    #[serde(default)]
    pub ombouw_na_akkoord_maanden: Option<i64>,
}

/// The names of the scenarios that ship with the product; the first is the default.
pub const SCENARIO_NAMEN: [&str; 3] = ["standaard", "hoge_instroom", "snelle_doorstroom"];

/// The description of built-in scenario `naam` in the active language.
fn ingebouwde_beschrijving(naam: &str) -> String {
    i18n::tekst(
        i18n::actieve_taal(),
        &format!("label.scenario_beschrijving.{naam}"),
    )
}

fn stromen(groep: Doelgroep, instroom: Bereik, woning: Bereik, terugkeer: Bereik) -> Stromen {
    Stromen {
        doelgroep: groep,
        instroom_promille: instroom,
        uitstroom_woning_promille: woning,
        uitstroom_terugkeer_promille: terugkeer,
    }
}

impl Scenario {
    /// The default scenario: example flows (not forecasts) that a planner replaces by their own.
    pub fn standaard() -> Scenario {
        Scenario {
            naam: "standaard".to_owned(),
            beschrijving: ingebouwde_beschrijving("standaard"),
            tot_maand: NaiveDate::from_ymd_opt(2031, 4, 1).expect("valid date"),
            stromen: vec![
                stromen(
                    Doelgroep::Ontheemden,
                    Bereik::van(5, 15),
                    Bereik::van(5, 10),
                    Bereik::van(1, 4),
                ),
                stromen(
                    Doelgroep::Statushouders,
                    Bereik::van(30, 50),
                    Bereik::van(30, 50),
                    Bereik::vast(0),
                ),
                stromen(
                    Doelgroep::Asielzoekers,
                    Bereik::van(10, 30),
                    Bereik::van(5, 15),
                    Bereik::van(2, 8),
                ),
                stromen(
                    Doelgroep::Overig,
                    Bereik::vast(0),
                    Bereik::van(5, 15),
                    Bereik::vast(0),
                ),
            ],
            overgang: Overgang {
                datum: NaiveDate::from_ymd_opt(2027, 3, 4).expect("valid date"),
                extra_uitstroom_promille: Bereik::van(20, 60),
                maanden: Bereik::van(6, 18),
                aandeel_terugkeer_procent: Bereik::van(20, 50),
            },
            pipeline_vertraging_maanden: Bereik::van(0, 6),
            pipeline_plaatsen_per_wooneenheid: 2,
            stand_by_meetellen: true,
            ombouwen: Vec::new(),
            ombouw_na_akkoord_maanden: None,
        }
    }

    /// A shipped scenario by name (`standaard`, `hoge_instroom`, `snelle_doorstroom`).
    pub fn met_naam(naam: &str) -> CoreResult<Scenario> {
        let mut s = Scenario::standaard();
        match naam.trim().to_lowercase().replace('-', "_").as_str() {
            "standaard" => {}
            "hoge_instroom" => {
                s.naam = "hoge_instroom".to_owned();
                s.beschrijving = ingebouwde_beschrijving("hoge_instroom");
                s.stromen[0].instroom_promille = Bereik::van(20, 40);
                s.stromen[2].instroom_promille = Bereik::van(30, 60);
                s.overgang.extra_uitstroom_promille = Bereik::van(10, 30);
            }
            "snelle_doorstroom" => {
                s.naam = "snelle_doorstroom".to_owned();
                s.beschrijving = ingebouwde_beschrijving("snelle_doorstroom");
                for stroom in &mut s.stromen {
                    let w = stroom.uitstroom_woning_promille;
                    stroom.uitstroom_woning_promille = Bereik::van(w.min * 2, w.max * 2);
                }
                s.overgang.extra_uitstroom_promille = Bereik::van(60, 120);
                s.overgang.maanden = Bereik::van(4, 8);
            }
            _ => {
                return Err(CoreError::validatie(
                    "scenario",
                    "fout.planning_scenario.onbekend_scenario_kies_uit",
                )
                .met("naam", &(format!("{:?}", naam)))
                .met("scenario_namen", &SCENARIO_NAMEN.join(", ")))
            }
        }
        Ok(s)
    }

    /// A scenario saved as JSON (as `opvang scenario` prints it), validated.
    pub fn uit_json(tekst: &str) -> CoreResult<Scenario> {
        let scenario: Scenario = serde_json::from_str(tekst).map_err(|e| {
            CoreError::validatie(
                "scenario",
                "fout.planning_scenario.scenariobestand_geen_geldig_scenario",
            )
            .met("fout", &e)
        })?;
        scenario.valideer()?;
        Ok(scenario)
    }

    /// The scenario as indented JSON, the format [`Scenario::uit_json`] reads.
    pub fn naar_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a scenario serialises")
    }

    /// A shipped scenario by name, or a scenario file when `naam_of_pad` ends in `.json`.
    pub fn kiezen(naam_of_pad: &str) -> CoreResult<Scenario> {
        if !naam_of_pad.to_lowercase().ends_with(".json") {
            return Scenario::met_naam(naam_of_pad);
        }
        let tekst = std::fs::read_to_string(naam_of_pad).map_err(|e| {
            CoreError::bestand("fout.planning_scenario.scenariobestand_niet_gelezen")
                .met("naam_of_pad", &naam_of_pad)
                .met("fout", &e)
        })?;
        Scenario::uit_json(&tekst)
    }

    /// The flows of `groep`; a group the scenario does not mention has no flows.
    pub fn stromen_van(&self, groep: Doelgroep) -> Stromen {
        self.stromen
            .iter()
            .find(|s| s.doelgroep == groep)
            .cloned()
            .unwrap_or_else(|| stromen(groep, Bereik::vast(0), Bereik::vast(0), Bereik::vast(0)))
    }

    /// Checks every parameter; the message names the field and the target group.
    pub fn valideer(&self) -> CoreResult<()> {
        if self.naam.trim().is_empty() {
            return Err(CoreError::validatie(
                "naam",
                "fout.planning_scenario.geef_scenario_naam",
            ));
        }
        if self.tot_maand < NaiveDate::from_ymd_opt(2031, 4, 1).expect("valid date") {
            return Err(CoreError::validatie(
                "tot_maand",
                "fout.planning_scenario.projectie_loopt_ten_minste",
            ));
        }
        let taal = i18n::actieve_taal();
        let bereik = |veld: &str, label: String, b: Bereik, max: i64| -> CoreResult<()> {
            if b.min < 0 || b.max > max || b.min > b.max {
                return Err(
                    CoreError::validatie(veld, "fout.planning_scenario.moet_bereik_0_tot")
                        .met("label", &label)
                        .met("max", &max),
                );
            }
            Ok(())
        };
        for s in &self.stromen {
            let groep = s.doelgroep.label(taal);
            let label = |sleutel: &str| i18n::tekst_met(taal, sleutel, &[("doelgroep", &groep)]);
            bereik(
                "instroom_promille",
                label("label.scenarioveld.instroom"),
                s.instroom_promille,
                1000,
            )?;
            bereik(
                "uitstroom_woning_promille",
                label("label.scenarioveld.uitstroom_woning"),
                s.uitstroom_woning_promille,
                1000,
            )?;
            bereik(
                "uitstroom_terugkeer_promille",
                label("label.scenarioveld.uitstroom_terugkeer"),
                s.uitstroom_terugkeer_promille,
                1000,
            )?;
        }
        let o = &self.overgang;
        let label = |sleutel: &str| i18n::tekst(taal, sleutel);
        bereik(
            "extra_uitstroom_promille",
            label("label.scenarioveld.extra_uitstroom"),
            o.extra_uitstroom_promille,
            1000,
        )?;
        bereik(
            "maanden",
            label("label.scenarioveld.maanden"),
            o.maanden,
            120,
        )?;
        bereik(
            "aandeel_terugkeer_procent",
            label("label.scenarioveld.aandeel_terugkeer"),
            o.aandeel_terugkeer_procent,
            100,
        )?;
        bereik(
            "pipeline_vertraging_maanden",
            label("label.scenarioveld.pipeline_vertraging"),
            self.pipeline_vertraging_maanden,
            60,
        )?;
        if self
            .ombouw_na_akkoord_maanden
            .is_some_and(|m| !(0..=120).contains(&m))
        {
            return Err(CoreError::validatie(
                "ombouw_na_akkoord_maanden",
                "fout.planning_scenario.aantal_maanden_tussen_akkoord",
            ));
        }
        let mut gezien = std::collections::BTreeSet::new();
        for o in &self.ombouwen {
            if !gezien.insert(o.locatie_id) {
                return Err(CoreError::validatie(
                    "ombouwen",
                    "fout.planning_scenario.locatie_staat_meer_eens",
                )
                .met("locatie_id", &o.locatie_id));
            }
        }
        if self.naam.chars().count() > 100 {
            return Err(CoreError::validatie(
                "naam",
                "fout.planning_scenario.naam_scenario_langer_100",
            ));
        }
        if !(0..=20).contains(&self.pipeline_plaatsen_per_wooneenheid) {
            return Err(CoreError::validatie(
                "pipeline_plaatsen_per_wooneenheid",
                "fout.planning_scenario.aantal_plaatsen_per_wooneenheid",
            ));
        }
        Ok(())
    }
}

/// A scenario as the list shows it: built in (always there, read-only) or saved in the database.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct OpgeslagenScenario {
    /// `None` for a built-in scenario.
    pub id: Option<i64>,
    pub ingebouwd: bool,
    pub scenario: Scenario,
    pub aangemaakt: Option<String>,
    pub aangemaakt_door: Option<String>,
    pub gewijzigd: Option<String>,
    pub gewijzigd_door: Option<String>,
    /// For optimistic locking; 0 for a built-in scenario.
    pub versie: i64,
}

impl OpgeslagenScenario {
    /// The built-in scenarios, the default first.
    pub fn ingebouwd() -> Vec<OpgeslagenScenario> {
        SCENARIO_NAMEN
            .iter()
            .map(|n| OpgeslagenScenario {
                id: None,
                ingebouwd: true,
                scenario: Scenario::met_naam(n).expect("shipped scenario"),
                aangemaakt: None,
                aangemaakt_door: None,
                gewijzigd: None,
                gewijzigd_door: None,
                versie: 0,
            })
            .collect()
    }
}

/// Whether `naam` is a built-in scenario's name (compared as [`Scenario::met_naam`] does).
pub fn is_ingebouwd(naam: &str) -> bool {
    let n = naam.trim().to_lowercase().replace('-', "_");
    SCENARIO_NAMEN.contains(&n.as_str())
}
