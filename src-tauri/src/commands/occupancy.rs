//! Commands for occupancy: the dashboard, location states, snapshots and the demo set.

use chrono::NaiveDate;
use opvang_core::occupancy::{
    Gebied, GebiedSoort, GebiedTotalen, LocatieStand, Peiling, PeilingInvoer, TrendPunt,
};
use opvang_core::overview::{self, Dashboard};
use opvang_core::progress::Voortgang;
use opvang_core::{demo, vandaag, CoreResult};
use tauri::ipc::Channel;
use tauri::State;

use crate::AppState;

#[tauri::command(rename_all = "snake_case")]
pub async fn dashboard(
    state: State<'_, AppState>,
    peildatum: NaiveDate,
    gebied: Gebied,
) -> CoreResult<Dashboard> {
    overview::dashboard(&state.db().await, peildatum, &gebied).await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn trend(
    state: State<'_, AppState>,
    tot: NaiveDate,
    gebied: Gebied,
) -> CoreResult<Vec<TrendPunt>> {
    overview::trend_tot(&state.db().await, tot, &gebied).await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn rollup(
    state: State<'_, AppState>,
    peildatum: NaiveDate,
    soort: GebiedSoort,
) -> CoreResult<Vec<GebiedTotalen>> {
    overview::rollup(&state.db().await, peildatum, soort).await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn standen(
    state: State<'_, AppState>,
    peildatum: NaiveDate,
    gebied: Gebied,
) -> CoreResult<Vec<LocatieStand>> {
    state.db().await.standen(peildatum, &gebied).await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn peilingen(state: State<'_, AppState>, locatie_id: i64) -> CoreResult<Vec<Peiling>> {
    state.db().await.peilingen(locatie_id).await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn peilingen_opslaan(
    state: State<'_, AppState>,
    invoer: Vec<PeilingInvoer>,
) -> CoreResult<usize> {
    state.db().await.peilingen_opslaan(&invoer, vandaag()).await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn demo_laden(
    state: State<'_, AppState>,
    voortgang: Channel<Voortgang>,
) -> CoreResult<usize> {
    let db = state.db().await;
    demo::laden(&db, vandaag(), |stap| {
        let _ = voortgang.send(stap);
    })
    .await
}
