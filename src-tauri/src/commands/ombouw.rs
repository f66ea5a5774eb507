//! Commands for conversion suitability: portfolio, assessments and their review workflow.

use std::path::PathBuf;

use chrono::NaiveDate;
use opvang_core::reviews::{
    bijlagen_controleren, dossier_pdf_schrijven, BesluitInvoer, BijlageControle, Review,
};
use opvang_core::suitability::{
    Beoordeling, BeoordelingInvoer, Criteriaset, CriteriasetInvoer, Portefeuille,
    PortefeuilleFilter,
};
use opvang_core::{CoreError, CoreResult};
use tauri::State;

use crate::AppState;

#[tauri::command(rename_all = "snake_case")]
pub async fn ombouw_portefeuille(
    state: State<'_, AppState>,
    filter: PortefeuilleFilter,
) -> CoreResult<Portefeuille> {
    state.db().await.portefeuille(&filter).await
}

/// The criteria set new assessments use: the newest version.
#[tauri::command(rename_all = "snake_case")]
pub async fn ombouw_criteriaset(state: State<'_, AppState>) -> CoreResult<Criteriaset> {
    state
        .db()
        .await
        .criteriasets()
        .await?
        .into_iter()
        .next()
        .ok_or_else(|| CoreError::niet_gevonden("fout.app_ombouw.nog_geen_criteriaset"))
}

/// Every version of the criteria set, newest first.
#[tauri::command(rename_all = "snake_case")]
pub async fn ombouw_criteriasets(state: State<'_, AppState>) -> CoreResult<Vec<Criteriaset>> {
    state.db().await.criteriasets().await
}

/// Saves edited criteria as a new version; older versions and their assessments stay as they were.
#[tauri::command(rename_all = "snake_case")]
pub async fn ombouw_criteriaset_nieuwe_versie(
    state: State<'_, AppState>,
    invoer: CriteriasetInvoer,
) -> CoreResult<Criteriaset> {
    state.db().await.criteriaset_toevoegen(&invoer).await
}

/// A criteria set by id (the one an earlier assessment used).
#[tauri::command(rename_all = "snake_case")]
pub async fn ombouw_criteriaset_van(
    state: State<'_, AppState>,
    id: i64,
) -> CoreResult<Criteriaset> {
    state.db().await.criteriaset(id).await
}

/// A location's assessments, newest first.
#[tauri::command(rename_all = "snake_case")]
pub async fn beoordelingen(
    state: State<'_, AppState>,
    locatie_id: i64,
) -> CoreResult<Vec<Beoordeling>> {
    state.db().await.beoordelingen(locatie_id).await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn beoordeling_voorinvullen(
    state: State<'_, AppState>,
    locatie_id: i64,
    criteriaset_id: i64,
    datum: NaiveDate,
) -> CoreResult<BeoordelingInvoer> {
    let db = state.db().await;
    db.beoordeling_voorinvullen(locatie_id, criteriaset_id, datum)
        .await
}

/// Saves an assessment: a new one without `id`, else edits made on `versie`.
#[tauri::command(rename_all = "snake_case")]
pub async fn beoordeling_opslaan(
    state: State<'_, AppState>,
    id: Option<i64>,
    versie: Option<i64>,
    invoer: BeoordelingInvoer,
) -> CoreResult<Beoordeling> {
    let db = state.db().await;
    match id {
        None => db.beoordeling_toevoegen(&invoer).await,
        Some(id) => {
            db.beoordeling_wijzigen(id, versie.unwrap_or(0), &invoer)
                .await
        }
    }
}

/// A location's reviews (its review history), as the core orders them.
#[tauri::command(rename_all = "snake_case")]
pub async fn reviews(state: State<'_, AppState>, locatie_id: i64) -> CoreResult<Vec<Review>> {
    state.db().await.reviews(locatie_id).await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn review_starten(state: State<'_, AppState>, beoordeling_id: i64) -> CoreResult<Review> {
    state.db().await.review_starten(beoordeling_id).await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn review_indienen(
    state: State<'_, AppState>,
    review_id: i64,
    versie: i64,
    datum: NaiveDate,
) -> CoreResult<Review> {
    let db = state.db().await;
    db.review_indienen(review_id, versie, datum).await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn review_besluiten(
    state: State<'_, AppState>,
    invoer: BesluitInvoer,
) -> CoreResult<Review> {
    state.db().await.review_besluiten(&invoer).await
}

/// Attaches the file the user chose in the open dialog: its path and SHA-256 are kept.
#[tauri::command(rename_all = "snake_case")]
pub async fn review_bijlage(
    state: State<'_, AppState>,
    review_id: i64,
    pad: PathBuf,
) -> CoreResult<Review> {
    state.db().await.review_bijlage(review_id, &pad).await
}

/// Hashes the attachments of a location's reviews again and compares them with the kept SHA-256.
#[tauri::command(rename_all = "snake_case")]
pub async fn ombouw_bijlagen_controleren(
    state: State<'_, AppState>,
    locatie_id: i64,
) -> CoreResult<Vec<BijlageControle>> {
    bijlagen_controleren(&state.db().await, locatie_id).await
}

/// Writes a location's conversion dossier as PDF to the path the user chose in the save dialog.
#[tauri::command(rename_all = "snake_case")]
pub async fn ombouw_dossier_pdf(
    state: State<'_, AppState>,
    locatie_id: i64,
    pad: PathBuf,
) -> CoreResult<()> {
    let db = state.db().await;
    dossier_pdf_schrijven(&db, locatie_id, &pad, opvang_core::vandaag()).await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn review_opmerking(
    state: State<'_, AppState>,
    review_id: i64,
    tekst: String,
) -> CoreResult<Review> {
    state.db().await.review_opmerking(review_id, &tekst).await
}
