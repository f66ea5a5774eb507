//! Commands for the team server: test, connect, back to the local file, copy data, export the log.

use std::path::PathBuf;

use opvang_core::progress::Voortgang;
use opvang_core::reports;
use opvang_core::storage::{Backend, DatabaseInfo, ServerInstellingen, ServerTest};
use opvang_core::{CoreError, CoreResult, Db};
use tauri::ipc::Channel;
use tauri::{AppHandle, Runtime, State};

use crate::{state, teamserver, AppState};

/// The typed password, else the one saved in the keyring for these settings.
async fn wachtwoord_of_bewaard(
    instellingen: &ServerInstellingen,
    wachtwoord: Option<String>,
) -> Option<String> {
    match wachtwoord.filter(|w| !w.is_empty()) {
        Some(w) => Some(w),
        None => teamserver::bewaard_wachtwoord(instellingen).await,
    }
}

/// The saved team server settings (without password), if any.
#[tauri::command(rename_all = "snake_case")]
pub fn server_instellingen<R: Runtime>(app: AppHandle<R>) -> Option<ServerInstellingen> {
    teamserver::instellingen(&app)
}

/// Why start-up opened the local file instead of the saved team server, if it did.
#[tauri::command(rename_all = "snake_case")]
pub async fn opstartmelding(state: State<'_, AppState>) -> CoreResult<Option<String>> {
    Ok(state.opstartmelding().await)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn server_verbinding_testen(
    instellingen: ServerInstellingen,
    wachtwoord: Option<String>,
) -> CoreResult<ServerTest> {
    instellingen.valideer()?;
    let wachtwoord = wachtwoord_of_bewaard(&instellingen, wachtwoord).await;
    Db::verbinding_testen(&instellingen, wachtwoord.as_deref()).await
}

/// Connects to the team server and makes it the current database; remembers the settings and,
/// when asked, the password in the keyring.
#[tauri::command(rename_all = "snake_case")]
pub async fn server_verbinden<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    instellingen: ServerInstellingen,
    wachtwoord: Option<String>,
    onthouden: bool,
) -> CoreResult<DatabaseInfo> {
    instellingen.valideer()?;
    let getypt = wachtwoord.filter(|w| !w.is_empty());
    let wachtwoord = wachtwoord_of_bewaard(&instellingen, getypt.clone()).await;
    let db = Db::open_postgres(&instellingen.url(wachtwoord.as_deref())).await?;
    let bewaard = match (onthouden, getypt) {
        (true, Some(w)) => teamserver::wachtwoord_bewaren(&instellingen, w).await,
        (true, None) => Ok(()),
        (false, _) => {
            teamserver::wachtwoord_vergeten(&instellingen).await;
            Ok(())
        }
    };
    if let Err(fout) = bewaard.and_then(|()| teamserver::bewaren(&app, &instellingen)) {
        db.close().await;
        return Err(fout);
    }
    state.vervang(db.clone()).await;
    db.info().await
}

/// Goes back to the local database file and forgets the team server for the next start.
#[tauri::command(rename_all = "snake_case")]
pub async fn lokaal_gebruiken<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> CoreResult<DatabaseInfo> {
    let db = state.wissel(&state::lokaal_pad(&app)?).await?;
    if let Some(server) = teamserver::instellingen(&app) {
        teamserver::wachtwoord_vergeten(&server).await;
    }
    teamserver::vergeten(&app)?;
    db.info().await
}

/// Copies the local database file into the connected (empty) team server; returns the rows copied.
#[tauri::command(rename_all = "snake_case")]
pub async fn kopieer_lokaal_naar_server<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    voortgang: Channel<Voortgang>,
) -> CoreResult<usize> {
    let doel = state.db().await;
    if doel.backend() != Backend::Postgres {
        return Err(CoreError::validatie(
            "server",
            "fout.app_server.verbind_eerst_teamserver_daarna",
        ));
    }
    let bron = Db::open(&state::lokaal_pad(&app)?).await?;
    let uitslag = bron
        .kopieer_naar(&doel, |stap| {
            let _ = voortgang.send(stap);
        })
        .await;
    bron.close().await;
    uitslag
}

/// Writes the audit log (of one location, or all) as a CSV file; returns the number of entries.
#[tauri::command(rename_all = "snake_case")]
pub async fn auditlog_exporteren(
    state: State<'_, AppState>,
    locatie_id: Option<i64>,
    pad: PathBuf,
) -> CoreResult<usize> {
    reports::auditlog::exporteren(&state.db().await, locatie_id, &pad).await
}
