//! The app's state: the open database, which the user can swap for another file.

use std::path::{Path, PathBuf};

use opvang_core::{CoreError, CoreResult, Db};
use tauri::Manager;
use tokio::sync::RwLock;

/// The database the window works on.
pub struct AppState {
    db: RwLock<Db>,
}

impl AppState {
    pub async fn open(pad: &Path) -> CoreResult<AppState> {
        Ok(AppState {
            db: RwLock::new(Db::open(pad).await?),
        })
    }

    /// The current database (a cheap handle to its pool).
    pub async fn db(&self) -> Db {
        self.db.read().await.clone()
    }

    /// Opens `pad` and makes it the current database; the old one is closed.
    pub async fn wissel(&self, pad: &Path) -> CoreResult<Db> {
        let nieuw = Db::open(pad).await?;
        let oud = std::mem::replace(&mut *self.db.write().await, nieuw.clone());
        oud.close().await;
        Ok(nieuw)
    }
}

/// `OPVANG_DB` when set, else the last file the user opened, else the app-data default.
pub fn database_pad<R: tauri::Runtime>(app: &tauri::AppHandle<R>) -> tauri::Result<PathBuf> {
    if let Some(pad) = std::env::var_os("OPVANG_DB") {
        return Ok(PathBuf::from(pad));
    }
    if let Some(pad) = laatst_geopend(app) {
        return Ok(pad);
    }
    Ok(app.path().app_data_dir()?.join("opvangplanner.db"))
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
        .ok_or_else(|| CoreError::bestand("De map voor instellingen is niet te vinden."))?;
    let schrijf = || -> std::io::Result<()> {
        if let Some(dir) = bestand.parent() {
            std::fs::create_dir_all(dir)?;
        }
        std::fs::write(&bestand, pad.display().to_string())
    };
    schrijf().map_err(|e| {
        CoreError::bestand(format!("De gekozen database kon niet worden onthouden: {e}"))
    })
}
