//! Commands for looking after the database file: backups, restoring one, and the way out of a
//! damaged file found at start.

use std::path::PathBuf;

use opvang_core::storage::backup::{Herstel, Terugzetting};
use opvang_core::CoreResult;
use tauri::State;

use crate::AppState;

/// Writes a backup of the open local file to the path the user chose in the save dialog.
#[tauri::command(rename_all = "snake_case")]
pub async fn reservekopie_maken(state: State<'_, AppState>, pad: PathBuf) -> CoreResult<String> {
    Ok(state.reservekopie_maken(&pad).await?.display().to_string())
}

/// Puts back the backup the user chose in the open dialog (after confirming).
#[tauri::command(rename_all = "snake_case")]
pub async fn reservekopie_terugzetten(
    state: State<'_, AppState>,
    pad: PathBuf,
) -> CoreResult<Terugzetting> {
    Ok(state.terugzetten(&pad).await?.1)
}

/// The damaged file found at start and its backups, or `None` when the database is fine.
#[tauri::command(rename_all = "snake_case")]
pub async fn herstel_info(state: State<'_, AppState>) -> CoreResult<Option<Herstel>> {
    Ok(state.herstel().await)
}
