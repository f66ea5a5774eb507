//! Commands for settings: which database is open, and the stale threshold.

use std::path::PathBuf;

use opvang_core::storage::DatabaseInfo;
use opvang_core::CoreResult;
use tauri::{AppHandle, Runtime, State};

use crate::AppState;

#[tauri::command(rename_all = "snake_case")]
pub async fn database_info(state: State<'_, AppState>) -> CoreResult<DatabaseInfo> {
    state.db().await.info().await
}

/// Opens (or creates) the database file the user chose in the file dialog and remembers it
/// (instead of a team server) for the next start.
#[tauri::command(rename_all = "snake_case")]
pub async fn database_openen<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    pad: PathBuf,
) -> CoreResult<DatabaseInfo> {
    let db = state.wissel(&pad).await?;
    crate::state::onthoud(&app, &pad)?;
    crate::teamserver::vergeten(&app)?;
    db.info().await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn verouderd_na_dagen_instellen(
    state: State<'_, AppState>,
    dagen: i64,
) -> CoreResult<DatabaseInfo> {
    let db = state.db().await;
    db.verouderd_na_dagen_instellen(dagen).await?;
    db.info().await
}

/// Sets the name recorded in the audit log for a local database.
#[tauri::command(rename_all = "snake_case")]
pub async fn gebruiker_instellen(
    state: State<'_, AppState>,
    naam: String,
) -> CoreResult<DatabaseInfo> {
    let db = state.db().await;
    db.gebruiker_instellen(&naam).await?;
    db.info().await
}
