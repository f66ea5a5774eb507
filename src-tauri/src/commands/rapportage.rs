//! Commands for VNG reporting: the report with its checks for a peildatum, and its export.

use std::path::PathBuf;

use chrono::NaiveDate;
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
