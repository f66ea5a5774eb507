//! `opvang plan`: the capacity projection written as CSV, and its timed benchmark.

use std::fmt::Write;
use std::path::Path;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use opvang_core::format::datum;
use opvang_core::occupancy::GebiedSoort;
use opvang_core::planning::{self, export, Projectie, Scenario};
use opvang_core::reference;
use opvang_core::{CoreError, Db};

/// Projects the register under the named scenario and writes the CSV; returns a Dutch summary.
pub async fn uitvoeren(
    db: &Db,
    scenario: &str,
    start: NaiveDate,
    runs: u32,
    seed: u64,
    uit: &Path,
) -> Result<String, CoreError> {
    let extensie = uit
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_lowercase);
    if extensie.as_deref() != Some("csv") {
        return Err(
            CoreError::validatie("uit", "fout.cli_plan.niet_schrijven_alleen_csv")
                .met("uit", &uit.display()),
        );
    }
    let scenario = Scenario::kiezen(scenario)?;
    let projectie = planning::plan(db, &scenario, start, runs, seed).await?;
    let rijen = export::exporteren(&projectie, uit)?;
    Ok(samenvatting(&projectie, rijen, uit))
}

/// A shipped scenario as pretty JSON with a final newline.
pub fn scenario_json(naam: &str) -> Result<String, CoreError> {
    Ok(format!("{}\n", Scenario::met_naam(naam)?.naar_json()))
}

fn samenvatting(p: &Projectie, rijen: usize, uit: &Path) -> String {
    let mut tekst = String::new();
    let _ = writeln!(
        tekst,
        "Scenario {}: {} runs (seed {}), vanaf {}.",
        p.scenario.naam,
        p.runs,
        p.seed,
        datum(p.start)
    );
    let _ = writeln!(tekst, "{rijen} regels geschreven naar {}.", uit.display());
    let _ = writeln!(tekst, "Eerste maand met tekort:");
    for g in p
        .gebieden
        .iter()
        .filter(|g| matches!(g.soort, GebiedSoort::Land | GebiedSoort::Provincie))
    {
        let maand = g
            .eerste_tekort
            .map_or_else(|| "geen tekort".to_owned(), datum);
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
        "Gemeenten met een tekort vóór {}: {met_tekort} van {}.",
        datum(p.scenario.tot_maand),
        gemeenten.count()
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
