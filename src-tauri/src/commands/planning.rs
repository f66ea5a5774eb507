//! Commands for capacity planning: the shipped scenarios and a projection for the screen.

use chrono::NaiveDate;
use opvang_core::planning::{self, PlanOverzicht, Scenario, SCENARIO_NAMEN};
use opvang_core::{CoreError, CoreResult};
use tauri::State;

use crate::AppState;

/// The most Monte Carlo runs the screen may ask for.
const MAX_RUNS: u32 = 2000;

#[tauri::command(rename_all = "snake_case")]
pub fn scenarios() -> CoreResult<Vec<Scenario>> {
    SCENARIO_NAMEN
        .iter()
        .map(|n| Scenario::met_naam(n))
        .collect()
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
    if runs > MAX_RUNS {
        return Err(
            CoreError::validatie("runs", "fout.app_planning.kies_ten_hoogste_runs")
                .met("max_runs", &MAX_RUNS),
        );
    }
    let invoer = planning::invoer_laden(&state.db().await, start).await?;
    tokio::task::spawn_blocking(move || {
        PlanOverzicht::from(planning::projecteren(&invoer, &scenario, runs, seed))
    })
    .await
    .map_err(|e| CoreError::database("fout.app_planning.projectie_afgebroken").met("fout", &e))
}
