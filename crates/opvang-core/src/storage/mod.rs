//! The database: opening, migrations and pragmas, and every SQL statement of the product.
//!
//! Queries go through sqlx's `Any` driver with `$n` bind parameters and ISO-8601 text dates, so one
//! set of statements serves both the local SQLite file and a shared PostgreSQL server; each
//! backend has its own migrations folder, kept in step.

mod audit;
pub mod backup;
mod benchdata;
mod bulk;
mod copy;
mod import;
mod locations;
mod occupancy;
mod planning;
mod reviews;
mod server;
mod settings;
mod suitability;
mod vng;

pub use audit::AuditRegel;
pub use import::ImportResultaat;
pub use server::{ServerInstellingen, ServerTest};
pub use settings::{DatabaseInfo, Rol};
pub use vng::OnbekendeGemeenteLocatie;

use std::path::{Path, PathBuf};
use std::str::FromStr;

use chrono::NaiveDate;
use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::{AnyPool, Executor, Row};

use crate::error::{CoreError, CoreResult};
use crate::reference;

/// The application identifier; the desktop app keeps its data in the folder of this name.
pub const APP_IDENTIFIER: &str = "nl.opvangplanner.desktop";
const DATABASE_FILE: &str = "opvangplanner.db";

/// The default database: `opvangplanner.db` in the OS app-data folder (as Tauri resolves it).
pub fn standaard_database_pad() -> CoreResult<PathBuf> {
    let base = std::env::var_os("XDG_DATA_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/share")))
        .ok_or_else(|| CoreError::bestand("fout.storage.map_programmagegevens_niet_vinden"))?;
    Ok(base.join(APP_IDENTIFIER).join(DATABASE_FILE))
}

/// Which kind of database is open.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// An open database; cheap to clone (it holds a connection pool).
#[derive(Clone, Debug)]
pub struct Db {
    pool: AnyPool,
    pad: String,
    backend: Backend,
}

/// Whether `spec` names a PostgreSQL server rather than a file.
pub fn is_postgres_url(spec: &str) -> bool {
    spec.starts_with("postgres://") || spec.starts_with("postgresql://")
}

/// A connection URL without its password, for display and messages.
fn zonder_wachtwoord(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(schema), Some(at)) if at > schema => {
            let gebruiker = &url[schema + 3..at];
            let gebruiker = gebruiker.split(':').next().unwrap_or_default();
            format!("{}{gebruiker}{}", &url[..schema + 3], &url[at..])
        }
        _ => url.to_owned(),
    }
}

impl Db {
    /// Opens a PostgreSQL URL (`postgres://…`) or else a SQLite file path.
    pub async fn verbinden(spec: &str) -> CoreResult<Db> {
        if is_postgres_url(spec) {
            Db::open_postgres(spec).await
        } else {
            Db::open(Path::new(spec)).await
        }
    }

    /// Connects to a PostgreSQL server (TLS when the server offers it), migrates and loads
    /// reference data.
    pub async fn open_postgres(url: &str) -> CoreResult<Db> {
        sqlx::any::install_default_drivers();
        let getoond = zonder_wachtwoord(url);
        let options = AnyConnectOptions::from_str(url).map_err(|e| {
            CoreError::database("fout.storage.ongeldige_serveradres")
                .met("getoond", &getoond)
                .met("fout", &e)
        })?;
        let pool = AnyPoolOptions::new()
            .max_connections(8)
            .acquire_timeout(std::time::Duration::from_secs(10))
            .connect_with(options)
            .await
            .map_err(|e| {
                CoreError::database("fout.storage.geen_verbinding_databaseserver")
                    .met("getoond", &getoond)
                    .met("fout", &e)
            })?;
        let db = Db {
            pool,
            pad: getoond,
            backend: Backend::Postgres,
        };
        // Only an administrator can migrate; other roles open an up-to-date database as it is.
        let migrator = sqlx::migrate!("./migrations/postgres");
        let toegepast: Result<i64, _> =
            sqlx::query_scalar("SELECT COUNT(*) FROM _sqlx_migrations WHERE success")
                .fetch_one(&db.pool)
                .await;
        if toegepast.map_or(true, |n| n < migrator.iter().count() as i64) {
            migrator.run(&db.pool).await?;
        }
        db.referentiedata_laden().await?;
        Ok(db)
    }

    /// Opens (creating if needed) the SQLite file at `path`, migrates it and loads reference data.
    ///
    /// An existing file is checked first (`PRAGMA quick_check`; a damaged one gives an error with
    /// code `beschadigd`) and backed up into its `backups` folder before migrations change it.
    pub async fn open(path: &Path) -> CoreResult<Db> {
        sqlx::any::install_default_drivers();
        let bestond = path.metadata().is_ok_and(|m| m.len() > 0);
        if bestond {
            backup::controleer_bij_openen(path).await?;
        }
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| {
                CoreError::bestand("fout.storage.map_niet_gemaakt")
                    .met("dir", &dir.display())
                    .met("fout", &e)
            })?;
        }
        let url = format!("sqlite://{}?mode=rwc", path.display());
        let options = AnyConnectOptions::from_str(&url)?;
        let pool = AnyPoolOptions::new()
            .max_connections(4)
            .after_connect(|conn, _meta| {
                Box::pin(async move {
                    conn.execute(
                        "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; \
                         PRAGMA synchronous = NORMAL; PRAGMA cache_size = -32768;",
                    )
                    .await?;
                    Ok(())
                })
            })
            .connect_with(options)
            .await
            .map_err(|e| {
                if backup::is_beschadigd(&e) {
                    return backup::beschadigd(
                        path,
                        &backup::detail("fout.storage_backup.detail.onleesbaar"),
                    );
                }
                CoreError::database("fout.storage.database_niet_geopend")
                    .met("path", &path.display())
                    .met("fout", &e)
            })?;
        let db = Db {
            pool,
            pad: path.display().to_string(),
            backend: Backend::Sqlite,
        };
        let geopend = async {
            db.pool
                .execute("PRAGMA journal_mode = WAL;")
                .await
                .map_err(|e| match backup::is_beschadigd(&e) {
                    true => backup::beschadigd(
                        path,
                        &backup::detail("fout.storage_backup.detail.onleesbaar"),
                    ),
                    false => e.into(),
                })?;
            let migrator = sqlx::migrate!("./migrations/sqlite");
            if bestond {
                db.reservekopie_voor_migratie(&migrator).await?;
            }
            migrator.run(&db.pool).await?;
            Ok::<(), CoreError>(())
        }
        .await;
        if let Err(fout) = geopend {
            db.close().await;
            return Err(fout);
        }
        db.referentiedata_laden().await?;
        Ok(db)
    }

    /// An empty database in memory, migrated and with reference data: what the window works on
    /// while it offers the way out of a damaged file.
    pub async fn in_geheugen() -> CoreResult<Db> {
        sqlx::any::install_default_drivers();
        let pool = AnyPoolOptions::new()
            .max_connections(1)
            .min_connections(1)
            .idle_timeout(None)
            .max_lifetime(None)
            .connect_with(AnyConnectOptions::from_str("sqlite::memory:")?)
            .await?;
        let db = Db {
            pool,
            pad: ":memory:".to_owned(),
            backend: Backend::Sqlite,
        };
        sqlx::migrate!("./migrations/sqlite").run(&db.pool).await?;
        db.referentiedata_laden().await?;
        Ok(db)
    }

    /// Where this database lives, for display (a file path, or a server URL without password).
    pub fn pad(&self) -> &str {
        &self.pad
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Closes every connection. For SQLite the write-ahead log is first folded into the database
    /// file, so the closed file is whole on its own: a copy of just the `.db` file (by a planner,
    /// a backup tool or a test) holds everything. Closing the pool alone leaves the log behind
    /// whenever two connections close at once and each sees the other still open.
    pub async fn close(&self) {
        if self.backend == Backend::Sqlite && !self.pool.is_closed() {
            // A failed checkpoint loses nothing: SQLite replays the log on the next open.
            let _ = self.pool.execute("PRAGMA wal_checkpoint(TRUNCATE);").await;
        }
        self.pool.close().await;
    }

    /// Inserts every shipped municipal division that is not in the database yet.
    async fn referentiedata_laden(&self) -> CoreResult<()> {
        for &(jaar, csv_text) in reference::INDELINGEN {
            let aanwezig: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM gemeente WHERE jaar = $1")
                .bind(i64::from(jaar))
                .fetch_one(&self.pool)
                .await?;
            if aanwezig > 0 {
                continue;
            }
            let mut tx = self.pool.begin().await?;
            for g in reference::indeling(csv_text) {
                sqlx::query(
                    "INSERT INTO gemeente (jaar, code, naam, provincie_code, provincie_naam, \
                     veiligheidsregio_code, veiligheidsregio_naam, ggd_code, ggd_naam, lon, lat) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
                )
                .bind(i64::from(g.jaar))
                .bind(g.code)
                .bind(g.naam)
                .bind(g.provincie_code)
                .bind(g.provincie_naam)
                .bind(g.veiligheidsregio_code)
                .bind(g.veiligheidsregio_naam)
                .bind(g.ggd_code)
                .bind(g.ggd_naam)
                .bind(g.lon)
                .bind(g.lat)
                .execute(&mut *tx)
                .await?;
            }
            tx.commit().await?;
        }
        self.standaard_criteriaset_laden().await?;
        Ok(())
    }

    /// The municipalities of the division in force, sorted by name.
    pub async fn gemeenten(&self) -> CoreResult<Vec<reference::Gemeente>> {
        let rows = sqlx::query(
            "SELECT jaar, code, naam, provincie_code, provincie_naam, veiligheidsregio_code, \
             veiligheidsregio_naam, ggd_code, ggd_naam, lon, lat \
             FROM gemeente_actueel ORDER BY naam",
        )
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(reference::Gemeente {
                    jaar: r.try_get::<i64, _>("jaar")? as i32,
                    code: r.try_get("code")?,
                    naam: r.try_get("naam")?,
                    provincie_code: r.try_get("provincie_code")?,
                    provincie_naam: r.try_get("provincie_naam")?,
                    veiligheidsregio_code: r.try_get("veiligheidsregio_code")?,
                    veiligheidsregio_naam: r.try_get("veiligheidsregio_naam")?,
                    ggd_code: r.try_get("ggd_code")?,
                    ggd_naam: r.try_get("ggd_naam")?,
                    lon: r.try_get("lon")?,
                    lat: r.try_get("lat")?,
                })
            })
            .collect()
    }

    /// The name of a municipality in the division in force, or a Dutch error naming the field.
    async fn gemeente_naam(&self, code: &str) -> CoreResult<String> {
        sqlx::query_scalar("SELECT naam FROM gemeente_actueel WHERE code = $1")
            .bind(code.trim().to_uppercase())
            .fetch_optional(&self.pool)
            .await?
            .ok_or_else(|| {
                CoreError::validatie(
                    "gemeente_code",
                    "fout.storage.onbekende_gemeentecode_gebruik_cbs",
                )
                .met("code", &(format!("{:?}", code)))
            })
    }
}

/// A stored ISO date back into a date; a malformed one is a damaged database.
/// (`FromStr` reads ISO `YYYY-MM-DD` without interpreting a format string each time, which
/// showed in the profile of the country trend, 240,000 dates.)
fn datum_uit(text: &str) -> CoreResult<NaiveDate> {
    text.parse::<NaiveDate>().map_err(|_| {
        CoreError::database("fout.storage.ongeldige_datum_database")
            .met("text", &(format!("{:?}", text)))
    })
}

fn datum_optie_uit(text: Option<String>) -> CoreResult<Option<NaiveDate>> {
    text.as_deref().map(datum_uit).transpose()
}

fn datum_in(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

#[cfg(test)]
pub(crate) mod testdb;

#[cfg(test)]
mod tests {
    use super::*;
    use sqlx::sqlite::{SqliteConnectOptions, SqliteConnection};
    use sqlx::Connection;

    #[tokio::test]
    async fn opens_migrates_and_loads_342_municipalities_once() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/opvang.db");
        let db = Db::open(&path).await.unwrap();
        assert_eq!(db.gemeenten().await.unwrap().len(), 342);
        db.close().await;
        let db = Db::open(&path).await.unwrap();
        assert_eq!(db.gemeenten().await.unwrap().len(), 342);
        let mode: String = sqlx::query_scalar("PRAGMA journal_mode")
            .fetch_one(&db.pool)
            .await
            .unwrap();
        assert_eq!(mode, "wal");
        let fk: i64 = sqlx::query_scalar("PRAGMA foreign_keys")
            .fetch_one(&db.pool)
            .await
            .unwrap();
        assert_eq!(fk, 1);
    }

    /// Without the checkpoint in `close`, about two in three closes left the migrations in the
    /// log (measured: 40 of 60), and a copy of the `.db` file alone came up empty.
    #[tokio::test(flavor = "multi_thread")]
    async fn a_closed_file_holds_everything_without_its_log() {
        let dir = tempfile::tempdir().unwrap();
        for poging in 0..10 {
            let origineel = dir.path().join(format!("origineel-{poging}.db"));
            Db::open(&origineel).await.unwrap().close().await;
            let kopie = dir.path().join(format!("kopie-{poging}.db"));
            std::fs::copy(&origineel, &kopie).unwrap();
            let opties =
                SqliteConnectOptions::from_str(&format!("sqlite://{}", kopie.display())).unwrap();
            let mut conn = SqliteConnection::connect_with(&opties).await.unwrap();
            let gemeenten: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM gemeente")
                .fetch_one(&mut conn)
                .await
                .unwrap_or(0);
            conn.close().await.unwrap();
            assert!(
                gemeenten >= 342,
                "poging {poging}: {gemeenten} gemeenten in de kopie"
            );
        }
    }

    crate::storage::testdb::beide_backends!(
        async fn unknown_municipality_code_is_a_dutch_field_error(db) {
            let err = db.gemeente_naam("GM9999").await.unwrap_err();
            assert_eq!(err.field.as_deref(), Some("gemeente_code"));
            assert!(err.message.starts_with("Onbekende gemeentecode"));
        }
    );
}
