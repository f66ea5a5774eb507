//! `opvang plan`: the capacity projection written as CSV, and its timed benchmark (whose Markdown
//! table is for developers and stays English).

use std::fmt::Write;
use std::path::Path;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use opvang_core::occupancy::GebiedSoort;
use opvang_core::planning::{
    self, Keuze, OptimalisatieInstellingen, Projectie, Scenario, Vraagniveau,
};
use opvang_core::reference;
use opvang_core::{CoreError, Db};

use crate::tekst::{aantal, datum, t, t_met};

/// Projects the register under the named scenario and writes the CSV; returns the summary.
pub async fn uitvoeren(
    db: &Db,
    scenario: &str,
    start: NaiveDate,
    runs: u32,
    seed: u64,
    uit: &Path,
) -> Result<String, CoreError> {
    let scenario = scenario_kiezen(db, scenario).await?;
    let projectie = planning::plan(db, &scenario, start, runs, seed).await?;
    let rijen = planning::xlsx::bestand_schrijven(&projectie, uit)?;
    Ok(samenvatting(&projectie, rijen, uit))
}

/// A scenario file when the argument ends in `.json`, else a built-in or saved scenario.
async fn scenario_kiezen(db: &Db, naam_of_pad: &str) -> Result<Scenario, CoreError> {
    if naam_of_pad.to_lowercase().ends_with(".json") {
        Scenario::kiezen(naam_of_pad)
    } else {
        db.scenario_laden(naam_of_pad).await
    }
}

/// A built-in or saved scenario as pretty JSON with a final newline.
pub async fn scenario_json(db: &Db, naam: &str) -> Result<String, CoreError> {
    Ok(format!("{}\n", db.scenario_laden(naam).await?.naar_json()))
}

/// The built-in and saved scenarios, one per line.
pub async fn scenario_lijst(db: &Db) -> Result<String, CoreError> {
    let mut tekst = String::new();
    for s in db.scenarios().await? {
        let soort = if s.ingebouwd {
            t("cli.scenario.ingebouwd")
        } else {
            let gewijzigd = s.gewijzigd.unwrap_or_default();
            let dag = gewijzigd.get(..10).unwrap_or_default();
            let dag = NaiveDate::parse_from_str(dag, "%Y-%m-%d").map_or(dag.to_owned(), datum);
            t_met(
                "cli.scenario.opgeslagen_door",
                &[
                    ("wie", &s.gewijzigd_door.unwrap_or_default()),
                    ("datum", &dag),
                ],
            )
        };
        let _ = writeln!(tekst, "{:<30}{soort}", s.scenario.naam);
    }
    Ok(tekst)
}

/// Saves a scenario file under its own name or `naam`; updates a saved scenario of that name.
pub async fn scenario_opslaan(
    db: &Db,
    bestand: &Path,
    naam: Option<String>,
) -> Result<String, CoreError> {
    let tekst = std::fs::read_to_string(bestand).map_err(|e| {
        CoreError::bestand("fout.cli_plan.scenariobestand_niet_gelezen")
            .met("bestand", &bestand.display())
            .met("fout", &e)
    })?;
    let mut scenario = Scenario::uit_json(&tekst)?;
    if let Some(naam) = naam {
        scenario.naam = naam;
    }
    let bestaand = db
        .scenarios()
        .await?
        .into_iter()
        .find(|s| !s.ingebouwd && s.scenario.naam == scenario.naam.trim());
    let opgeslagen = match bestaand {
        Some(s) => db.scenario_opslaan(&scenario, s.id, s.versie).await?,
        None => db.scenario_opslaan(&scenario, None, 0).await?,
    };
    Ok(t_met(
        "cli.scenario.opgeslagen",
        &[
            ("naam", &opgeslagen.scenario.naam),
            ("versie", &opgeslagen.versie),
        ],
    ))
}

/// Deletes a saved scenario by name.
pub async fn scenario_verwijderen(db: &Db, naam: &str) -> Result<String, CoreError> {
    let s = db
        .scenarios()
        .await?
        .into_iter()
        .find(|s| s.scenario.naam == naam.trim())
        .ok_or_else(|| {
            CoreError::niet_gevonden("fout.cli_plan.scenario_bestaat_niet")
                .met("naam", &(format!("{:?}", naam)))
        })?;
    let Some(id) = s.id else {
        return Err(CoreError::validatie(
            "naam",
            "fout.cli_plan.ingebouwd_scenario_niet_verwijderd",
        )
        .met("naam", &(format!("{:?}", naam))));
    };
    db.scenario_verwijderen(id, s.versie).await?;
    Ok(t_met(
        "cli.scenario.verwijderd",
        &[("naam", &s.scenario.naam)],
    ))
}

fn samenvatting(p: &Projectie, rijen: usize, uit: &Path) -> String {
    let mut tekst = String::new();
    let _ = writeln!(
        tekst,
        "{}",
        t_met(
            "cli.plan.kop",
            &[
                ("scenario", &p.scenario.naam),
                ("runs", &aantal(p.runs)),
                ("seed", &p.seed),
                ("start", &datum(p.start)),
            ],
        )
    );
    let _ = writeln!(
        tekst,
        "{}",
        t_met(
            "cli.plan.geschreven",
            &[
                ("regels", &aantal(rijen as i64)),
                ("bestand", &uit.display())
            ],
        )
    );
    let _ = writeln!(tekst, "{}", t("cli.plan.eerste_tekort"));
    for g in p
        .gebieden
        .iter()
        .filter(|g| matches!(g.soort, GebiedSoort::Land | GebiedSoort::Provincie))
    {
        let maand = g
            .eerste_tekort
            .map_or_else(|| t("cli.plan.geen_tekort"), datum);
        let _ = writeln!(tekst, "  {:<30}{maand}", g.naam);
    }
    let gemeenten = p
        .gebieden
        .iter()
        .filter(|g| g.soort == GebiedSoort::Gemeente);
    let met_tekort = gemeenten
        .clone()
        .filter(|g| g.eerste_tekort.is_some())
        .count();
    let _ = writeln!(
        tekst,
        "{}",
        t_met(
            "cli.plan.gemeenten_met_tekort",
            &[
                ("tot", &datum(p.scenario.tot_maand)),
                ("met_tekort", &aantal(met_tekort as i64)),
                ("gemeenten", &aantal(gemeenten.count() as i64)),
            ],
        )
    );
    tekst
}

/// Times `runs` Monte Carlo runs over a synthetic register in all municipalities; a Markdown table.
pub fn benchmark(runs: u32, seed: u64, per_gemeente: usize, herhalingen: usize) -> String {
    let (_, csv_tekst) = *reference::INDELINGEN.last().expect("a shipped division");
    let gemeenten = reference::indeling(csv_tekst);
    let start = NaiveDate::from_ymd_opt(2026, 11, 1).expect("valid date");
    let invoer = planning::synthetische_invoer(&gemeenten, per_gemeente, start);
    let scenario = Scenario::standaard();
    let mut tijden: Vec<Duration> = Vec::with_capacity(herhalingen);
    let mut projectie = None;
    for _ in 0..herhalingen.max(1) {
        let begin = Instant::now();
        projectie = Some(planning::projecteren(&invoer, &scenario, runs, seed));
        tijden.push(begin.elapsed());
    }
    let projectie = projectie.expect("at least one repetition");
    tijden.sort();
    let ms = |d: Duration| format!("{:.0} ms", d.as_secs_f64() * 1000.0);
    let maanden = projectie.gebieden[0].maanden.len();
    format!(
        "| municipalities | locations | months | areas | runs | repetitions | min | median | max |\n\
         |---:|---:|---:|---:|---:|---:|---:|---:|---:|\n\
         | {} | {} | {maanden} | {} | {runs} | {} | {} | {} | {} |\n",
        gemeenten.len(),
        invoer.locaties.len(),
        projectie.gebieden.len(),
        tijden.len(),
        ms(tijden[0]),
        ms(tijden[tijden.len() / 2]),
        ms(tijden[tijden.len() - 1]),
    )
}

/// Reads an amount in euros ("83", "82,50", "45.000") into cents.
fn euro_cent(veld: &str, tekst: &str) -> Result<i64, CoreError> {
    let schoon = tekst.trim().replace('.', "");
    let (heel, deel) = schoon.split_once(',').unwrap_or((&schoon, ""));
    let geldig = !heel.is_empty()
        && heel.chars().all(|c| c.is_ascii_digit())
        && deel.len() <= 2
        && deel.chars().all(|c| c.is_ascii_digit());
    if !geldig {
        return Err(
            CoreError::validatie(veld, "fout.cli_plan.geen_bedrag_euro_bijvoorbeeld")
                .met("tekst", &(format!("{:?}", tekst))),
        );
    }
    let heel: i64 = heel.parse().map_err(|_| {
        CoreError::validatie(veld, "fout.cli_plan.groot_bedrag")
            .met("tekst", &(format!("{:?}", tekst)))
    })?;
    Ok(heel * 100 + format!("{deel:0<2}").parse::<i64>().unwrap_or(0))
}

/// The optimiser's settings from the command line.
pub fn instellingen(
    bezettingsdoel: i64,
    vraag: &str,
    besluitdatum: NaiveDate,
    gemeente: Option<String>,
    kosten_per_plaats_per_dag: Option<&str>,
    ombouwkosten_per_wooneenheid: Option<&str>,
) -> Result<OptimalisatieInstellingen, CoreError> {
    let vraag = match vraag.trim().to_lowercase().as_str() {
        "centraal" => Vraagniveau::Centraal,
        "p10" => Vraagniveau::P10,
        "p50" => Vraagniveau::P50,
        "p90" => Vraagniveau::P90,
        _ => {
            return Err(CoreError::validatie(
                "vraag",
                "fout.cli_plan.onbekend_vraagniveau_kies_centraal",
            )
            .met("vraag", &(format!("{:?}", vraag))))
        }
    };
    Ok(OptimalisatieInstellingen {
        vraag,
        bezettingsdoel_procent: bezettingsdoel,
        besluitdatum,
        kosten_per_plaats_per_dag_cent: kosten_per_plaats_per_dag
            .map(|t| euro_cent("kosten_per_plaats_per_dag", t))
            .transpose()?,
        ombouwkosten_per_wooneenheid_cent: ombouwkosten_per_wooneenheid
            .map(|t| euro_cent("ombouwkosten_per_wooneenheid", t))
            .transpose()?,
        gemeente_code: gemeente,
    })
}

/// Runs the plan optimiser and describes its decisions per municipality and location.
pub async fn optimaliseer(
    db: &Db,
    scenario: &str,
    start: NaiveDate,
    runs: u32,
    seed: u64,
    instellingen: &OptimalisatieInstellingen,
) -> Result<String, CoreError> {
    let scenario = scenario_kiezen(db, scenario).await?;
    let o = planning::optimaliseer(db, &scenario, start, runs, seed, instellingen).await?;
    let mut tekst = String::new();
    let _ = writeln!(
        tekst,
        "{}",
        t_met(
            "cli.plan.optimaliseer_kop",
            &[
                ("scenario", &scenario.naam),
                ("start", &datum(start)),
                ("doel", &instellingen.bezettingsdoel_procent),
            ],
        )
    );
    for g in &o.gemeenten {
        let _ = writeln!(tekst, "\n{} ({})", g.naam, g.code);
        if let Some(t) = &g.toelichting {
            let _ = writeln!(tekst, "  {t}");
        }
        for b in &g.besluiten {
            let keuze = t(match b.keuze {
                Keuze::Behouden => "cli.plan.keuze.behouden",
                Keuze::Ombouwen => "cli.plan.keuze.ombouwen",
                Keuze::Sluiten => "cli.plan.keuze.sluiten",
            });
            let plaatsen = t_met(
                "cli.plan.plaatsen",
                &[("aantal", &format!("{:>6}", aantal(b.plaatsen)))],
            );
            let _ = writeln!(
                tekst,
                "  {:<32} {:<9} {plaatsen}  {}",
                b.naam, keuze, b.uitleg
            );
        }
    }
    let _ = writeln!(tekst);
    let _ = writeln!(
        tekst,
        "{}",
        t_met(
            "cli.plan.kosten",
            &[("bedrag", &aantal((o.kosten_cent + 50) / 100))],
        )
    );
    Ok(tekst)
}
