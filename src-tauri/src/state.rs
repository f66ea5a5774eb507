//! The app's state: the open database (a local file or the team server), which the user can swap.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use opvang_core::i18n;
use opvang_core::storage::backup::{self, Herstel, Terugzetting};
use opvang_core::storage::{is_postgres_url, Backend};
use opvang_core::{CoreError, CoreResult, Db, ErrorCode};
use tauri::Manager;
use tokio::sync::RwLock;

use crate::teamserver;

/// The database the window works on, and why start-up fell back to the local file (if it did).
pub struct AppState {
    /// `None` only while start-up opens the database in the background; start-up holds the write
    /// lock until then, so every command (which reads it) waits for the outcome.
    db: Arc<RwLock<Option<Db>>>,
    opstartmelding: Mutex<Option<String>>,
    /// The damaged file found at start, while the window offers the way out (the database is
    /// then an empty one in memory).
    herstel: Mutex<Option<Herstel>>,
}

impl AppState {
    pub async fn open(pad: &Path) -> CoreResult<AppState> {
        Ok(AppState::met(Db::open(pad).await?, None))
    }

    pub fn met(db: Db, opstartmelding: Option<String>) -> AppState {
        AppState {
            db: Arc::new(RwLock::new(Some(db))),
            opstartmelding: Mutex::new(opstartmelding),
            herstel: Mutex::new(None),
        }
    }

    /// Manages a state whose database is still being opened, and opens it (as [`opstarten`], or
    /// an empty one in memory beside a damaged file) on the async runtime, so the window and its
    /// web view start meanwhile instead of after it: the file's `quick_check` runs alongside them.
    /// Commands wait until it is open; a damaged file is known (for the recovery screen) before
    /// any command runs. When nothing can be opened the app stops, as it did when this blocked.
    pub fn op_de_achtergrond<R: tauri::Runtime>(app: &tauri::AppHandle<R>) {
        let db = Arc::new(RwLock::new(None));
        let mut bezig = db.clone().try_write_owned().expect("a new lock is free");
        app.manage(AppState {
            db,
            opstartmelding: Mutex::new(None),
            herstel: Mutex::new(None),
        });
        let app = app.clone();
        tauri::async_runtime::spawn(async move {
            match openen(&app).await {
                Ok((db, melding, herstel)) => {
                    let state = app.state::<AppState>();
                    *state.opstartmelding.lock().expect("melding lock") = melding;
                    *state.herstel.lock().expect("herstel lock") = herstel;
                    *bezig = Some(db);
                }
                Err(fout) => {
                    eprintln!("Opvangplanner kon niet starten: {}", fout.message);
                    std::process::exit(1);
                }
            }
        });
    }

    /// The damaged file found at start, if the user has not chosen a way out yet; waits for
    /// start-up.
    pub async fn herstel(&self) -> Option<Herstel> {
        let _open = self.db.read().await;
        self.herstel_nu()
    }

    fn herstel_nu(&self) -> Option<Herstel> {
        self.herstel.lock().expect("herstel lock").clone()
    }

    /// Makes a backup of the open local file at `naar`.
    pub async fn reservekopie_maken(&self, naar: &Path) -> CoreResult<PathBuf> {
        self.db().await.reservekopie_maken(Some(naar)).await
    }

    /// Puts the backup `bron` in place of the open local file (or of the damaged one found at
    /// start) and opens the result; nothing else uses the database meanwhile.
    pub async fn terugzetten(&self, bron: &Path) -> CoreResult<(Db, Terugzetting)> {
        let mut slot = self.db.write().await;
        let huidig = slot.as_ref().expect("start-up has finished");
        let doel = match self.herstel_nu() {
            Some(herstel) => PathBuf::from(herstel.pad),
            None if huidig.backend() == Backend::Postgres => {
                return Err(CoreError::bestand(backup::SERVER_MELDING))
            }
            None => PathBuf::from(huidig.pad()),
        };
        backup::controleer_reservekopie(bron).await?;
        huidig.close().await;
        let uitslag = backup::terugzetten(bron, &doel).await;
        let geopend = match &uitslag {
            Ok(_) => Db::open(&doel).await,
            Err(_) if self.herstel_nu().is_some() => Db::in_geheugen().await,
            Err(_) => Db::open(&doel).await,
        };
        match (uitslag, geopend) {
            (Ok(terugzetting), Ok(db)) => {
                *slot = Some(db.clone());
                *self.herstel.lock().expect("herstel lock") = None;
                Ok((db, terugzetting))
            }
            (Err(fout), Ok(db)) => {
                *slot = Some(db);
                Err(fout)
            }
            (_, Err(fout)) => {
                *slot = Some(Db::in_geheugen().await?);
                *self.herstel.lock().expect("herstel lock") = Some(Herstel::voor(&doel, &fout));
                Err(fout)
            }
        }
    }

    /// The current database (a cheap handle to its pool); waits for start-up.
    pub async fn db(&self) -> Db {
        self.db.read().await.clone().expect("start-up has finished")
    }

    /// Why the saved team server could not be used at start-up, if so; waits for start-up.
    pub async fn opstartmelding(&self) -> Option<String> {
        let _open = self.db.read().await;
        self.opstartmelding.lock().expect("melding lock").clone()
    }

    /// Opens `pad` and makes it the current database; the old one is closed.
    pub async fn wissel(&self, pad: &Path) -> CoreResult<Db> {
        let nieuw = Db::open(pad).await?;
        self.vervang(nieuw.clone()).await;
        Ok(nieuw)
    }

    /// Closes the current database as the app quits (waiting for start-up to finish first), so
    /// a local file is left whole without its write-ahead log.
    pub async fn afsluiten(&self) {
        if let Some(db) = self.db.read().await.as_ref() {
            db.close().await;
        }
    }

    /// Makes an already opened database the current one; the old one is closed.
    pub async fn vervang(&self, nieuw: Db) {
        let oud = self.db.write().await.replace(nieuw);
        if let Some(oud) = oud {
            oud.close().await;
        }
        *self.herstel.lock().expect("herstel lock") = None;
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
                melding = Some(i18n::tekst_met(
                    i18n::actieve_taal(),
                    "fout.app_state.teamserver_niet_bereikbaar_bij_start",
                    &[
                        ("host", &server.host),
                        ("poort", &server.poort),
                        ("fout", &fout.message),
                    ],
                ))
            }
        }
    }
    Ok((Db::open(&lokaal_pad(app)?).await?, melding))
}

/// The database to start with, the start-up message and the damaged file: as [`opstarten`], or,
/// when the local file is damaged, an empty database in memory and the damaged file with its
/// backups, for the window to offer a way out.
async fn openen<R: tauri::Runtime>(
    app: &tauri::AppHandle<R>,
) -> CoreResult<(Db, Option<String>, Option<Herstel>)> {
    match opstarten(app).await {
        Ok((db, melding)) => Ok((db, melding, None)),
        Err(fout) if fout.code == ErrorCode::Beschadigd => {
            let herstel = Herstel::voor(&lokaal_pad(app)?, &fout);
            Ok((Db::in_geheugen().await?, None, Some(herstel)))
        }
        Err(fout) => Err(fout),
    }
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
