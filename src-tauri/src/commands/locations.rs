//! Commands for the location register and capacity periods.

use opvang_core::locations::{
    CapaciteitInvoer, CapaciteitPeriode, Locatie, LocatieInvoer, StatusWijziging,
};
use opvang_core::reference::Gemeente;
use opvang_core::storage::AuditRegel;
use opvang_core::{vandaag, CoreResult};
use tauri::State;

use crate::AppState;

#[tauri::command(rename_all = "snake_case")]
pub async fn gemeenten(state: State<'_, AppState>) -> CoreResult<Vec<Gemeente>> {
    state.db().await.gemeenten().await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn locatie(state: State<'_, AppState>, id: i64) -> CoreResult<Locatie> {
    state.db().await.locatie(id).await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn locatie_toevoegen(
    state: State<'_, AppState>,
    invoer: LocatieInvoer,
) -> CoreResult<Locatie> {
    state.db().await.locatie_toevoegen(&invoer, vandaag()).await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn locatie_wijzigen(
    state: State<'_, AppState>,
    id: i64,
    versie: i64,
    invoer: LocatieInvoer,
) -> CoreResult<Locatie> {
    let db = state.db().await;
    db.locatie_wijzigen(id, versie, &invoer, vandaag()).await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn status_wijzigen(
    state: State<'_, AppState>,
    wijziging: StatusWijziging,
) -> CoreResult<Locatie> {
    state.db().await.status_wijzigen(&wijziging).await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn capaciteit(
    state: State<'_, AppState>,
    locatie_id: i64,
) -> CoreResult<Vec<CapaciteitPeriode>> {
    state.db().await.capaciteit(locatie_id).await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn capaciteit_toevoegen(
    state: State<'_, AppState>,
    invoer: CapaciteitInvoer,
) -> CoreResult<Vec<CapaciteitPeriode>> {
    state.db().await.capaciteit_toevoegen(&invoer).await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn capaciteit_verwijderen(
    state: State<'_, AppState>,
    periode_id: i64,
    versie: i64,
) -> CoreResult<()> {
    state
        .db()
        .await
        .capaciteit_verwijderen(periode_id, versie)
        .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn auditlog(
    state: State<'_, AppState>,
    locatie_id: Option<i64>,
) -> CoreResult<Vec<AuditRegel>> {
    state.db().await.auditlog(locatie_id).await
}
