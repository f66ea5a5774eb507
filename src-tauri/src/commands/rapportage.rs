//! Commands for VNG reporting: the report with its checks for a peildatum.

use chrono::NaiveDate;
use opvang_core::reports::vng::{self, VngRapport};
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
