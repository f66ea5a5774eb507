//! Commands for VNG reporting: the report with its checks for a peildatum, its export, and the
//! aggregation of report files the user chose (kept per session: the screen holds the paths).

use std::path::PathBuf;

use chrono::NaiveDate;
use opvang_core::reports::vng::aggregatie::{self, Aggregatie};
use opvang_core::reports::vng::{self, VngFormaat, VngRapport};
use opvang_core::CoreResult;
use tauri::State;

use crate::AppState;

#[tauri::command(rename_all = "snake_case")]
pub async fn vng_rapport(
    state: State<'_, AppState>,
    peildatum: NaiveDate,
) -> CoreResult<VngRapport> {
    vng::rapport(&state.db().await, peildatum).await
}

/// Writes the report to the file the user chose in the save dialog; returns the rows written.
#[tauri::command(rename_all = "snake_case")]
pub async fn vng_rapport_exporteren(
    state: State<'_, AppState>,
    peildatum: NaiveDate,
    formaat: VngFormaat,
    pad: PathBuf,
) -> CoreResult<usize> {
    let rapport = vng::rapport(&state.db().await, peildatum).await?;
    vng::exporteren(&rapport, formaat, &pad)
}

/// Reads the VNG report files the user chose in the open dialog into the aggregated view.
#[tauri::command(rename_all = "snake_case")]
pub async fn vng_aggregeren(paden: Vec<PathBuf>) -> CoreResult<Aggregatie> {
    aggregatie::lezen_paden(&paden)
}

/// Writes the aggregated report of one peildatum (XLSX, CSV or JSON) to the chosen file.
#[tauri::command(rename_all = "snake_case")]
pub async fn vng_aggregatie_exporteren(
    paden: Vec<PathBuf>,
    peildatum: NaiveDate,
    formaat: VngFormaat,
    pad: PathBuf,
) -> CoreResult<usize> {
    let samen = aggregatie::lezen_paden(&paden)?;
    match samen.rapporten.iter().find(|r| r.peildatum == peildatum) {
        Some(rapport) => vng::exporteren(rapport, formaat, &pad),
        None => Ok(0),
    }
}

/// Writes the yearly occupancy workbook (a sheet per month) to the chosen file; returns the locations.
#[tauri::command(rename_all = "snake_case")]
pub async fn jaarwerkboek_exporteren(
    state: State<'_, AppState>,
    jaar: i32,
    pad: PathBuf,
) -> CoreResult<usize> {
    opvang_core::reports::jaarwerkboek::exporteren(
        &state.db().await,
        jaar,
        opvang_core::vandaag(),
        &pad,
    )
    .await
}
