//! Commands for the user's language: kept in the config folder (per user, outside the database)
//! and handed to the core so its messages follow it.

use opvang_core::i18n::{self, Taal};
use opvang_core::{CoreError, CoreResult};
use tauri::{AppHandle, Manager, Runtime};

fn bestand<R: Runtime>(app: &AppHandle<R>) -> CoreResult<std::path::PathBuf> {
    app.path()
        .app_config_dir()
        .map(|d| d.join("taal.txt"))
        .map_err(|e| CoreError::bestand("fout.instellingen.map").met("fout", &e))
}

/// The language the user chose last; Dutch when none was saved.
pub fn taal_opgeslagen<R: Runtime>(app: &AppHandle<R>) -> Taal {
    bestand(app)
        .ok()
        .and_then(|pad| std::fs::read_to_string(pad).ok())
        .and_then(|tekst| Taal::van_code(&tekst))
        .unwrap_or_default()
}

/// The language the window starts in (read before its first paint).
#[tauri::command(rename_all = "snake_case")]
pub fn taal<R: Runtime>(app: AppHandle<R>) -> Taal {
    taal_opgeslagen(&app)
}

/// Saves the user's language for the next start and switches the core's messages to it.
#[tauri::command(rename_all = "snake_case")]
pub fn taal_instellen<R: Runtime>(app: AppHandle<R>, taal: Taal) -> CoreResult<Taal> {
    let pad = bestand(&app)?;
    let schrijf = || -> std::io::Result<()> {
        if let Some(dir) = pad.parent() {
            std::fs::create_dir_all(dir)?;
        }
        std::fs::write(&pad, taal.code())
    };
    schrijf().map_err(|e| CoreError::bestand("fout.instellingen.taal").met("fout", &e))?;
    i18n::zet_taal(taal);
    Ok(taal)
}
