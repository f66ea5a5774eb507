//! OS glue for the team server: its settings as JSON in the config folder, its password in the
//! operating system's keyring (never in a file).

use opvang_core::storage::ServerInstellingen;
use opvang_core::{CoreError, CoreResult};
use tauri::Manager;

const KEYRING_DIENST: &str = "nl.opvangplanner.desktop";

fn bestand<R: tauri::Runtime>(app: &tauri::AppHandle<R>) -> CoreResult<std::path::PathBuf> {
    app.path()
        .app_config_dir()
        .map(|d| d.join("teamserver.json"))
        .map_err(|e| {
            CoreError::bestand("fout.app_teamserver.map_instellingen_niet_vinden").met("fout", &e)
        })
}

/// The saved server settings, if the user connected to a team server last.
pub fn instellingen<R: tauri::Runtime>(app: &tauri::AppHandle<R>) -> Option<ServerInstellingen> {
    let tekst = std::fs::read_to_string(bestand(app).ok()?).ok()?;
    serde_json::from_str(&tekst).ok()
}

/// Saves the server settings (without password) so the next start connects to it.
pub fn bewaren<R: tauri::Runtime>(
    app: &tauri::AppHandle<R>,
    instellingen: &ServerInstellingen,
) -> CoreResult<()> {
    let pad = bestand(app)?;
    let json = serde_json::to_string_pretty(instellingen).expect("settings serialize");
    let schrijf = || -> std::io::Result<()> {
        if let Some(dir) = pad.parent() {
            std::fs::create_dir_all(dir)?;
        }
        std::fs::write(&pad, json)
    };
    schrijf().map_err(|e| {
        CoreError::bestand("fout.app_teamserver.serverinstellingen_konden_niet_bewaard")
            .met("fout", &e)
    })
}

/// Forgets the saved server, so the next start opens the local file.
pub fn vergeten<R: tauri::Runtime>(app: &tauri::AppHandle<R>) -> CoreResult<()> {
    match std::fs::remove_file(bestand(app)?) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(CoreError::bestand(
            "fout.app_teamserver.serverinstellingen_konden_niet_verwijderd",
        )
        .met("fout", &e)),
        _ => Ok(()),
    }
}

/// Whether the server answers on its port within a few seconds, so an unreachable server does
/// not hold up the start of the app.
pub async fn bereikbaar(instellingen: &ServerInstellingen) -> CoreResult<()> {
    let adres = (instellingen.host.trim().to_owned(), instellingen.poort);
    match tokio::time::timeout(
        std::time::Duration::from_secs(3),
        tokio::net::TcpStream::connect(adres),
    )
    .await
    {
        Ok(Ok(_)) => Ok(()),
        Ok(Err(e)) => {
            Err(CoreError::database("fout.app_teamserver.geen_verbinding").met("fout", &e))
        }
        Err(_) => Err(CoreError::database(
            "fout.app_teamserver.server_gaf_binnen_3",
        )),
    }
}

fn account(instellingen: &ServerInstellingen) -> String {
    format!(
        "{}@{}:{}/{}",
        instellingen.gebruiker.trim(),
        instellingen.host.trim(),
        instellingen.poort,
        instellingen.database.trim()
    )
}

fn sleutelhanger_fout(e: keyring::Error) -> CoreError {
    CoreError::bestand("fout.app_teamserver.sleutelhanger_systeem_niet_beschikbaar").met("fout", &e)
}

async fn blokkerend<T: Send + 'static>(
    werk: impl FnOnce() -> CoreResult<T> + Send + 'static,
) -> CoreResult<T> {
    tokio::task::spawn_blocking(werk).await.map_err(|e| {
        CoreError::bestand("fout.app_teamserver.sleutelhanger_gaf_geen_antwoord").met("fout", &e)
    })?
}

/// The password saved in the keyring for these settings, if any (a missing keyring counts as none).
pub async fn bewaard_wachtwoord(instellingen: &ServerInstellingen) -> Option<String> {
    let account = account(instellingen);
    blokkerend(move || {
        Ok(keyring::Entry::new(KEYRING_DIENST, &account)
            .and_then(|e| e.get_password())
            .ok())
    })
    .await
    .ok()
    .flatten()
}

/// Stores the password in the keyring; fails with a clear message when there is no keyring.
pub async fn wachtwoord_bewaren(
    instellingen: &ServerInstellingen,
    wachtwoord: String,
) -> CoreResult<()> {
    let account = account(instellingen);
    blokkerend(move || {
        keyring::Entry::new(KEYRING_DIENST, &account)
            .and_then(|e| e.set_password(&wachtwoord))
            .map_err(sleutelhanger_fout)
    })
    .await
}

/// Removes a saved password (nothing to do when there is none or no keyring at all).
pub async fn wachtwoord_vergeten(instellingen: &ServerInstellingen) {
    let account = account(instellingen);
    let _ = blokkerend(move || {
        let _ = keyring::Entry::new(KEYRING_DIENST, &account).and_then(|e| e.delete_credential());
        Ok(())
    })
    .await;
}
