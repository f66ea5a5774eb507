//! Commands for capacity planning: scenarios (built in and saved), normbedragen, a projection
//! for the screen, the funding estimate and the comparison of scenarios.

use std::path::PathBuf;

use chrono::NaiveDate;
use opvang_core::planning::{
    self, Financieringsraming, KaartTekort, Normbedrag, NormbedragInvoer, OpgeslagenScenario,
    Optimalisatie, OptimalisatieInstellingen, PlanOverzicht, Scenario, ScenarioKerncijfers,
};
use opvang_core::{CoreError, CoreResult};
use tauri::State;

use crate::AppState;

/// The most Monte Carlo runs the screen may ask for.
const MAX_RUNS: u32 = 2000;

fn runs_toegestaan(runs: u32) -> CoreResult<()> {
    if runs > MAX_RUNS {
        return Err(
            CoreError::validatie("runs", "fout.app_planning.kies_ten_hoogste_runs")
                .met("max_runs", &MAX_RUNS),
        );
    }
    Ok(())
}

/// The built-in scenarios, then the saved ones.
#[tauri::command(rename_all = "snake_case")]
pub async fn scenarios(state: State<'_, AppState>) -> CoreResult<Vec<OpgeslagenScenario>> {
    state.db().await.scenarios().await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn scenario_opslaan(
    state: State<'_, AppState>,
    scenario: Scenario,
    id: Option<i64>,
    versie: i64,
) -> CoreResult<OpgeslagenScenario> {
    state
        .db()
        .await
        .scenario_opslaan(&scenario, id, versie)
        .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn scenario_verwijderen(
    state: State<'_, AppState>,
    id: i64,
    versie: i64,
) -> CoreResult<()> {
    state.db().await.scenario_verwijderen(id, versie).await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn normbedragen(state: State<'_, AppState>) -> CoreResult<Vec<Normbedrag>> {
    state.db().await.normbedragen().await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn normbedrag_opslaan(
    state: State<'_, AppState>,
    invoer: NormbedragInvoer,
    id: Option<i64>,
    versie: i64,
) -> CoreResult<Normbedrag> {
    state
        .db()
        .await
        .normbedrag_opslaan(&invoer, id, versie)
        .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn normbedrag_verwijderen(
    state: State<'_, AppState>,
    id: i64,
    versie: i64,
) -> CoreResult<()> {
    state.db().await.normbedrag_verwijderen(id, versie).await
}

/// Loads the historic BOOO rates of 2022 as examples; returns how many were added.
#[tauri::command(rename_all = "snake_case")]
pub async fn normbedragen_voorbeeld_laden(state: State<'_, AppState>) -> CoreResult<usize> {
    state.db().await.voorbeeld_booo_2022_laden().await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn plan_financiering(
    state: State<'_, AppState>,
    scenario: Scenario,
    start: NaiveDate,
) -> CoreResult<Financieringsraming> {
    planning::financiering(&state.db().await, &scenario, start).await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn plan_vergelijken(
    state: State<'_, AppState>,
    scenarios: Vec<Scenario>,
    start: NaiveDate,
    runs: u32,
    seed: u64,
) -> CoreResult<Vec<ScenarioKerncijfers>> {
    runs_toegestaan(runs)?;
    planning::vergelijken(&state.db().await, &scenarios, start, runs, seed).await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn plan_projecteren(
    state: State<'_, AppState>,
    scenario: Scenario,
    start: NaiveDate,
    runs: u32,
    seed: u64,
) -> CoreResult<PlanOverzicht> {
    scenario.valideer()?;
    runs_toegestaan(runs)?;
    let invoer = planning::invoer_laden(&state.db().await, start).await?;
    tokio::task::spawn_blocking(move || {
        PlanOverzicht::from(planning::projecteren(&invoer, &scenario, runs, seed))
    })
    .await
    .map_err(|e| CoreError::database("fout.app_planning.projectie_afgebroken").met("fout", &e))
}

/// The projected gap per municipality in `maand` under `scenario` (central projection, no runs),
/// for colouring the map.
#[tauri::command(rename_all = "snake_case")]
pub async fn plan_kaart(
    state: State<'_, AppState>,
    scenario: Scenario,
    start: NaiveDate,
    maand: NaiveDate,
) -> CoreResult<KaartTekort> {
    scenario.valideer()?;
    let invoer = planning::invoer_laden(&state.db().await, start).await?;
    tokio::task::spawn_blocking(move || {
        planning::tekort_per_gemeente(&planning::projecteren(&invoer, &scenario, 0, 0), maand)
    })
    .await
    .map_err(|e| CoreError::database("fout.app_planning.projectie_afgebroken").met("fout", &e))?
}

#[tauri::command(rename_all = "snake_case")]
pub async fn plan_optimaliseren(
    state: State<'_, AppState>,
    scenario: Scenario,
    start: NaiveDate,
    runs: u32,
    seed: u64,
    instellingen: OptimalisatieInstellingen,
) -> CoreResult<Optimalisatie> {
    runs_toegestaan(runs)?;
    planning::optimaliseer(
        &state.db().await,
        &scenario,
        start,
        runs,
        seed,
        &instellingen,
    )
    .await
}

/// Writes the projection to the path the user chose in the save dialog (.csv or .xlsx).
#[tauri::command(rename_all = "snake_case")]
pub async fn plan_exporteren(
    state: State<'_, AppState>,
    scenario: Scenario,
    start: NaiveDate,
    runs: u32,
    seed: u64,
    pad: PathBuf,
) -> CoreResult<usize> {
    runs_toegestaan(runs)?;
    let projectie = planning::plan(&state.db().await, &scenario, start, runs, seed).await?;
    planning::xlsx::bestand_schrijven(&projectie, &pad)
}
