//! The app's state: the open database (a local file or the team server), which the user can swap.

use std::path::{Path, PathBuf};

use opvang_core::storage::is_postgres_url;
use opvang_core::{CoreError, CoreResult, Db};
use tauri::Manager;
use tokio::sync::RwLock;

use crate::teamserver;

/// The database the window works on, and why start-up fell back to the local file (if it did).
pub struct AppState {
    db: RwLock<Db>,
    opstartmelding: Option<String>,
}

impl AppState {
    pub async fn open(pad: &Path) -> CoreResult<AppState> {
        Ok(AppState::met(Db::open(pad).await?, None))
    }

    pub fn met(db: Db, opstartmelding: Option<String>) -> AppState {
        AppState {
            db: RwLock::new(db),
            opstartmelding,
        }
    }

    /// The current database (a cheap handle to its pool).
    pub async fn db(&self) -> Db {
        self.db.read().await.clone()
    }

    /// Why the saved team server could not be used at start-up, if so.
    pub fn opstartmelding(&self) -> Option<String> {
        self.opstartmelding.clone()
    }

    /// Opens `pad` and makes it the current database; the old one is closed.
    pub async fn wissel(&self, pad: &Path) -> CoreResult<Db> {
        let nieuw = Db::open(pad).await?;
        self.vervang(nieuw.clone()).await;
        Ok(nieuw)
    }

    /// Makes an already opened database the current one; the old one is closed.
    pub async fn vervang(&self, nieuw: Db) {
        let oud = std::mem::replace(&mut *self.db.write().await, nieuw);
        oud.close().await;
    }
}

/// Opens the database to start with: `OPVANG_DB` (file or URL) when set, else the saved team
/// server with its keyring password, else the local file. When the server cannot be reached the
/// local file is opened and the reason returned for the window to show.
pub async fn opstarten<R: tauri::Runtime>(
    app: &tauri::AppHandle<R>,
) -> CoreResult<(Db, Option<String>)> {
    if let Some(spec) = std::env::var_os("OPVANG_DB") {
        return Ok((Db::verbinden(&spec.to_string_lossy()).await?, None));
    }
    let mut melding = None;
    if let Some(server) = teamserver::instellingen(app) {
        let wachtwoord = teamserver::bewaard_wachtwoord(&server).await;
        let verbinding = match teamserver::bereikbaar(&server).await {
            Ok(()) => Db::open_postgres(&server.url(wachtwoord.as_deref())).await,
            Err(fout) => Err(fout),
        };
        match verbinding {
            Ok(db) => return Ok((db, None)),
            Err(fout) => {
                melding = Some(format!(
                    "De teamserver {}:{} was bij het starten niet bereikbaar; het lokale bestand is geopend. {}",
                    server.host, server.poort, fout.message
                ))
            }
        }
    }
    Ok((Db::open(&lokaal_pad(app)?).await?, melding))
}

/// The local database file: `OPVANG_DB` when it names a file, else the last file the user
/// opened, else the app-data default.
pub fn lokaal_pad<R: tauri::Runtime>(app: &tauri::AppHandle<R>) -> CoreResult<PathBuf> {
    if let Some(pad) = std::env::var_os("OPVANG_DB") {
        if !is_postgres_url(&pad.to_string_lossy()) {
            return Ok(PathBuf::from(pad));
        }
    }
    if let Some(pad) = laatst_geopend(app) {
        return Ok(pad);
    }
    Ok(app
        .path()
        .app_data_dir()
        .map_err(|e| {
            CoreError::bestand("fout.app_state.map_programmagegevens_niet_vinden").met("fout", &e)
        })?
        .join("opvangplanner.db"))
}

fn onthoud_bestand<R: tauri::Runtime>(app: &tauri::AppHandle<R>) -> Option<PathBuf> {
    app.path()
        .app_config_dir()
        .ok()
        .map(|d| d.join("laatste-database.txt"))
}

fn laatst_geopend<R: tauri::Runtime>(app: &tauri::AppHandle<R>) -> Option<PathBuf> {
    let tekst = std::fs::read_to_string(onthoud_bestand(app)?).ok()?;
    let pad = PathBuf::from(tekst.trim());
    pad.exists().then_some(pad)
}

/// Remembers the file the user opened, so the next start opens it again.
pub fn onthoud<R: tauri::Runtime>(app: &tauri::AppHandle<R>, pad: &Path) -> CoreResult<()> {
    let bestand = onthoud_bestand(app)
        .ok_or_else(|| CoreError::bestand("fout.app_state.map_instellingen_niet_vinden"))?;
    let schrijf = || -> std::io::Result<()> {
        if let Some(dir) = bestand.parent() {
            std::fs::create_dir_all(dir)?;
        }
        std::fs::write(&bestand, pad.display().to_string())
    };
    schrijf().map_err(|e| {
        CoreError::bestand("fout.app_state.gekozen_database_niet_onthouden").met("fout", &e)
    })
}
