//! Backups of the local SQLite file: making one (`VACUUM INTO`), restoring one safely, the
//! automatic backup before migrations and the integrity check when a file is opened.
//!
//! A team database on a PostgreSQL server is backed up by its administrator with `pg_dump`; the
//! app refuses to pretend otherwise.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use serde::Serialize;
use sqlx::sqlite::{SqliteConnectOptions, SqliteConnection};
use sqlx::Connection;
use ts_rs::TS;

use super::{Backend, Db};
use crate::error::{CoreError, CoreResult, ErrorCode};
use crate::i18n;

/// The folder beside the database file that holds its backups.
pub const BACKUP_MAP: &str = "backups";
/// How many automatic backups of each kind (before an update, before a restore) are kept.
pub const AUTOMATISCH_BEWAARD: usize = 5;

const ACHTERVOEGSEL_MIGRATIE: &str = "voor-bijwerken";
const ACHTERVOEGSEL_TERUGZETTEN: &str = "voor-terugzetten";

/// The catalog key of the message for a team database: backups of a server are not the app's job
/// (`CoreError::bestand(SERVER_MELDING)`).
pub const SERVER_MELDING: &str = "fout.storage_backup.server";

/// A backup file found beside a database, for the list to restore from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Reservekopie {
    pub pad: String,
    pub naam: String,
    /// Size in bytes.
    pub grootte: i64,
    /// When the file was last written: local date (ISO) and time (`HH:MM`).
    pub datum: String,
    pub tijd: String,
}

/// What a restore did: which backup it put back and where the replaced file was kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Terugzetting {
    pub hersteld: String,
    /// The copy of the file that was replaced (`None` when there was no file yet).
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vorige: Option<String>,
}

/// A damaged database file and the backups found beside it: what the window offers at start.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Herstel {
    /// The damaged file.
    pub pad: String,
    /// Why it cannot be used (in the user's language).
    pub melding: String,
    /// The backups to restore from, newest first.
    pub reservekopieen: Vec<Reservekopie>,
}

impl Herstel {
    pub fn voor(pad: &Path, fout: &CoreError) -> Herstel {
        Herstel {
            pad: pad.display().to_string(),
            melding: fout.message.clone(),
            reservekopieen: reservekopieen(pad),
        }
    }
}

/// The folder of backups beside `db_pad`.
pub fn backup_map(db_pad: &Path) -> PathBuf {
    db_pad
        .parent()
        .unwrap_or_else(|| Path::new("."))
        .join(BACKUP_MAP)
}

fn stam(db_pad: &Path) -> String {
    db_pad.file_stem().map_or_else(
        || "opvangplanner".to_owned(),
        |s| s.to_string_lossy().into_owned(),
    )
}

/// A free name `<stem>-<YYYYMMDD-HHMMSS>[-<kind>].db` in the backup folder of `db_pad`.
fn nieuwe_naam(db_pad: &Path, soort: Option<&str>) -> PathBuf {
    let map = backup_map(db_pad);
    let tijd = chrono::Local::now().format("%Y%m%d-%H%M%S");
    let achter = soort.map_or_else(String::new, |s| format!("-{s}"));
    let mut pad = map.join(format!("{}-{tijd}{achter}.db", stam(db_pad)));
    let mut n = 2;
    while pad.exists() {
        pad = map.join(format!("{}-{tijd}{achter}-{n}.db", stam(db_pad)));
        n += 1;
    }
    pad
}

/// A file error: the catalog key `sleutel` says what failed on `pad`.
fn bestandsfout(sleutel: &str, pad: &Path, e: std::io::Error) -> CoreError {
    CoreError::bestand(sleutel)
        .met("pad", &pad.display())
        .met("fout", &e)
}

fn maak_map(map: &Path) -> CoreResult<()> {
    std::fs::create_dir_all(map).map_err(|e| bestandsfout("fout.storage_backup.map_maken", map, e))
}

/// Flushes a file or a folder to disk.
fn fsync(pad: &Path) -> CoreResult<()> {
    std::fs::File::open(pad)
        .and_then(|f| f.sync_all())
        .map_err(|e| bestandsfout("fout.storage_backup.naar_schijf", pad, e))
}

fn fsync_map(bestand: &Path) {
    // Folders cannot be opened for syncing on every platform; the rename is durable enough there.
    if let Some(map) = bestand.parent().filter(|m| !m.as_os_str().is_empty()) {
        let _ = std::fs::File::open(map).and_then(|f| f.sync_all());
    }
}

/// A temporary name in the same folder as `doel`, so the final rename stays on one file system.
fn tijdelijk_naast(doel: &Path) -> PathBuf {
    let naam = doel
        .file_name()
        .map_or_else(|| "database".into(), |n| n.to_string_lossy().into_owned());
    doel.with_file_name(format!(".{naam}.{}.tmp", std::process::id()))
}

fn zelfde_bestand(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// The primary SQLite result code of a database error, if it is one.
fn sqlite_code(err: &sqlx::Error) -> Option<i64> {
    match err {
        sqlx::Error::Database(db) => db.code()?.parse::<i64>().ok().map(|c| c & 0xff),
        _ => None,
    }
}

/// Whether `err` says the file is damaged or no SQLite database (SQLITE_CORRUPT, SQLITE_NOTADB).
pub(crate) fn is_beschadigd(err: &sqlx::Error) -> bool {
    matches!(sqlite_code(err), Some(11 | 26))
}

/// The error for a damaged database file, with the way out; `detail` says what is wrong (a text
/// from [`detail`] or SQLite's own report).
pub fn beschadigd(pad: &Path, detail: &str) -> CoreError {
    CoreError::nieuw(ErrorCode::Beschadigd, "fout.database.beschadigd")
        .met("pad", &pad.display())
        .met("detail", &detail)
}

/// The text of the catalog key `sleutel` (under `fout.storage_backup.detail`) in the active
/// language, for the detail of [`beschadigd`].
pub(crate) fn detail(sleutel: &str) -> String {
    i18n::tekst(i18n::actieve_taal(), sleutel)
}

/// Runs `PRAGMA quick_check` (or the full `integrity_check`) and returns the first problem.
async fn controle(
    conn: &mut SqliteConnection,
    volledig: bool,
) -> Result<Option<String>, sqlx::Error> {
    let pragma = if volledig {
        "PRAGMA integrity_check(1)"
    } else {
        "PRAGMA quick_check(1)"
    };
    let uitslag: Vec<String> = sqlx::query_scalar(pragma).fetch_all(&mut *conn).await?;
    Ok(match uitslag.first().map(String::as_str) {
        Some("ok") => None,
        Some(probleem) => Some(probleem.to_owned()),
        None => Some(detail("fout.storage_backup.detail.geen_uitslag")),
    })
}

/// What a passed check vouches for: the file's size and modification time (to the nanosecond),
/// with its write-ahead log empty. `None` when the log holds anything (the file was not closed
/// cleanly, or another program has it open): such a file is always checked.
fn controle_afdruk(pad: &Path) -> Option<String> {
    let wal = std::fs::metadata(format!("{}-wal", pad.display())).map_or(0, |m| m.len());
    if wal > 0 {
        return None;
    }
    let meta = std::fs::metadata(pad).ok()?;
    let gewijzigd = meta.modified().ok()?;
    let nanos = gewijzigd
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?
        .as_nanos();
    Some(format!("{} {nanos}\n", meta.len()))
}

/// Where the last passed check of `db_pad` is recorded: `<file name>.gecontroleerd` in its
/// backup folder (not a `.db` file, so never listed as a backup).
fn controle_stempel(db_pad: &Path) -> PathBuf {
    let naam = db_pad.file_name().map_or_else(
        || "opvangplanner".into(),
        |n| n.to_string_lossy().into_owned(),
    );
    backup_map(db_pad).join(format!("{naam}.gecontroleerd"))
}

/// Checks an existing file before the pool opens it: `PRAGMA quick_check`, which reads every
/// page but skips the index-against-table comparison of `integrity_check` (SECURITY.md has the
/// measured cost of both). One plain connection, so a damaged file fails at once instead of
/// making the pool retry its connections until it times out.
///
/// A file unchanged since its last passed check (same size and modification time, empty log) is
/// not read again: opening the national file for `opvang status` or a report would otherwise
/// spend 0.2 s rereading 80 MB that nothing has touched. Any write, an unclean close, a copy or a
/// restore changes what the stamp records, so such a file is checked on its next open.
pub(crate) async fn controleer_bij_openen(pad: &Path) -> CoreResult<()> {
    let afdruk = controle_afdruk(pad);
    if afdruk.is_some() && std::fs::read_to_string(controle_stempel(pad)).ok() == afdruk {
        return Ok(());
    }
    controleren_bij_openen(pad).await?;
    if let Some(afdruk) = afdruk {
        // Without a stamp (a read-only folder) the file is simply checked again next time.
        let _ = std::fs::create_dir_all(backup_map(pad))
            .and_then(|()| std::fs::write(controle_stempel(pad), afdruk));
    }
    Ok(())
}

/// The check itself: the SQLite header, then `quick_check` on one plain connection.
async fn controleren_bij_openen(pad: &Path) -> CoreResult<()> {
    let mut kop = [0u8; 16];
    let gelezen = std::fs::File::open(pad).and_then(|mut f| {
        use std::io::Read;
        f.read(&mut kop)
    });
    if matches!(gelezen, Ok(n) if n < 16 || &kop != b"SQLite format 3\0") {
        return Err(beschadigd(
            pad,
            &detail("fout.storage_backup.detail.geen_sqlite"),
        ));
    }
    let opties = SqliteConnectOptions::from_str(&format!("sqlite://{}", pad.display()))?;
    let mut conn = match SqliteConnection::connect_with(&opties).await {
        Ok(conn) => conn,
        Err(e) if is_beschadigd(&e) => {
            return Err(beschadigd(
                pad,
                &detail("fout.storage_backup.detail.onleesbaar"),
            ))
        }
        Err(e) => return Err(e.into()),
    };
    let uitslag = controle(&mut conn, false).await;
    let _ = conn.close().await;
    match uitslag {
        Ok(None) => Ok(()),
        Ok(Some(probleem)) => Err(beschadigd(pad, &probleem)),
        Err(e) if is_beschadigd(&e) => Err(beschadigd(
            pad,
            &detail("fout.storage_backup.detail.onleesbaar"),
        )),
        Err(e) => Err(e.into()),
    }
}

/// Checks that `pad` is a whole, readable Opvangplanner database this version can open.
pub async fn controleer_reservekopie(pad: &Path) -> CoreResult<()> {
    if !pad.is_file() {
        return Err(
            CoreError::bestand("fout.storage_backup.reservekopie_bestaat_niet")
                .met("pad", &pad.display()),
        );
    }
    let opties =
        SqliteConnectOptions::from_str(&format!("sqlite://{}", pad.display()))?.read_only(true);
    let ongeldig_met = |detail: String| {
        CoreError::bestand("fout.storage_backup.geen_bruikbare_reservekopie_opvangplanner")
            .met("pad", &pad.display())
            .met("detail", &detail)
    };
    let ongeldig = |sleutel: &str| ongeldig_met(detail(sleutel));
    let mut conn = SqliteConnection::connect_with(&opties)
        .await
        .map_err(|_| ongeldig("fout.storage_backup.detail.niet_te_openen"))?;
    let resultaat = async {
        match controle(&mut conn, true).await {
            Ok(None) => {}
            Ok(Some(probleem)) => {
                return Err(ongeldig_met(i18n::tekst_met(
                    i18n::actieve_taal(),
                    "fout.storage_backup.detail.beschadigd",
                    &[("probleem", &probleem)],
                )))
            }
            Err(_) => {
                return Err(ongeldig(
                    "fout.storage_backup.detail.geen_sqlite_of_beschadigd",
                ))
            }
        }
        let tabellen: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' \
             AND name IN ('_sqlx_migrations', 'gemeente', 'locatie', 'peiling')",
        )
        .fetch_one(&mut conn)
        .await
        .map_err(|_| ongeldig("fout.storage_backup.detail.tabellen_onleesbaar"))?;
        if tabellen != 4 {
            return Err(ongeldig("fout.storage_backup.detail.tabellen_ontbreken"));
        }
        let hoogste: Option<i64> =
            sqlx::query_scalar("SELECT MAX(version) FROM _sqlx_migrations WHERE success")
                .fetch_one(&mut conn)
                .await
                .map_err(|_| ongeldig("fout.storage_backup.detail.versie_onleesbaar"))?;
        let bekend = sqlx::migrate!("./migrations/sqlite")
            .iter()
            .map(|m| m.version)
            .max()
            .unwrap_or(0);
        if hoogste.unwrap_or(0) > bekend {
            return Err(ongeldig("fout.storage_backup.detail.nieuwere_versie"));
        }
        Ok(())
    }
    .await;
    let _ = conn.close().await;
    resultaat
}

impl Db {
    /// Writes a consistent copy of the open SQLite file to `naar` (replacing it), or to a new
    /// timestamped file in the `backups` folder beside the database; returns its path.
    pub async fn reservekopie_maken(&self, naar: Option<&Path>) -> CoreResult<PathBuf> {
        if self.backend == Backend::Postgres {
            return Err(CoreError::bestand(SERVER_MELDING));
        }
        let eigen = PathBuf::from(&self.pad);
        let doel = match naar {
            Some(pad) => pad.to_owned(),
            None => {
                maak_map(&backup_map(&eigen))?;
                nieuwe_naam(&eigen, None)
            }
        };
        if zelfde_bestand(&doel, &eigen) {
            return Err(CoreError::bestand(
                "fout.storage_backup.reservekopie_niet_over_geopende",
            ));
        }
        if let Some(map) = doel.parent().filter(|m| !m.as_os_str().is_empty()) {
            maak_map(map)?;
        }
        self.vacuum_into(&doel).await?;
        Ok(doel)
    }

    /// `VACUUM INTO` a temporary file beside `doel`, flushed, then renamed over `doel`.
    async fn vacuum_into(&self, doel: &Path) -> CoreResult<()> {
        let tijdelijk = tijdelijk_naast(doel);
        let _ = std::fs::remove_file(&tijdelijk);
        let gelukt = async {
            sqlx::query("VACUUM INTO $1")
                .bind(tijdelijk.display().to_string())
                .execute(&self.pool)
                .await
                .map_err(|e| {
                    CoreError::bestand("fout.storage_backup.reservekopie_niet_geschreven")
                        .met("doel", &doel.display())
                        .met("fout", &e)
                })?;
            fsync(&tijdelijk)?;
            std::fs::rename(&tijdelijk, doel)
                .map_err(|e| bestandsfout("fout.storage_backup.opslaan_als", doel, e))?;
            fsync_map(doel);
            Ok(())
        }
        .await;
        if gelukt.is_err() {
            let _ = std::fs::remove_file(&tijdelijk);
        }
        gelukt
    }

    /// Before migrations change an existing file: a backup in the `backups` folder, keeping the
    /// last [`AUTOMATISCH_BEWAARD`] of them. Returns the backup's path when one was made.
    pub(crate) async fn reservekopie_voor_migratie(
        &self,
        migrator: &sqlx::migrate::Migrator,
    ) -> CoreResult<Option<PathBuf>> {
        let tabel: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '_sqlx_migrations'",
        )
        .fetch_one(&self.pool)
        .await?;
        if tabel == 0 {
            return Ok(None);
        }
        let toegepast: Vec<i64> =
            sqlx::query_scalar("SELECT version FROM _sqlx_migrations WHERE success")
                .fetch_all(&self.pool)
                .await?;
        if migrator.iter().all(|m| toegepast.contains(&m.version)) {
            return Ok(None);
        }
        let eigen = PathBuf::from(&self.pad);
        maak_map(&backup_map(&eigen))?;
        let doel = nieuwe_naam(&eigen, Some(ACHTERVOEGSEL_MIGRATIE));
        self.vacuum_into(&doel).await?;
        opruimen(&eigen, ACHTERVOEGSEL_MIGRATIE);
        Ok(Some(doel))
    }
}

/// Removes all but the newest [`AUTOMATISCH_BEWAARD`] automatic backups of one kind.
fn opruimen(db_pad: &Path, soort: &str) {
    let achter = format!("-{soort}");
    let mut eigen: Vec<PathBuf> = reservekopieen(db_pad)
        .into_iter()
        .map(|r| PathBuf::from(r.pad))
        .filter(|p| {
            p.file_stem()
                .is_some_and(|s| s.to_string_lossy().contains(&achter))
        })
        .collect();
    // Names carry the time, so sorting by name sorts by age; the newest come first.
    eigen.sort();
    eigen.reverse();
    for oud in eigen.into_iter().skip(AUTOMATISCH_BEWAARD) {
        let _ = std::fs::remove_file(oud);
    }
}

/// The backups of `db_pad` (its `backups` folder), newest first.
pub fn reservekopieen(db_pad: &Path) -> Vec<Reservekopie> {
    let voorvoegsel = format!("{}-", stam(db_pad));
    let Ok(inhoud) = std::fs::read_dir(backup_map(db_pad)) else {
        return Vec::new();
    };
    let mut lijst: Vec<(std::time::SystemTime, Reservekopie)> = inhoud
        .filter_map(Result::ok)
        .filter_map(|e| {
            let naam = e.file_name().to_string_lossy().into_owned();
            if !naam.starts_with(&voorvoegsel) || !naam.ends_with(".db") {
                return None;
            }
            let meta = e.metadata().ok().filter(|m| m.is_file())?;
            let gewijzigd = meta.modified().ok()?;
            let lokaal: chrono::DateTime<chrono::Local> = gewijzigd.into();
            Some((
                gewijzigd,
                Reservekopie {
                    pad: e.path().display().to_string(),
                    naam,
                    grootte: i64::try_from(meta.len()).unwrap_or(i64::MAX),
                    datum: lokaal.format("%Y-%m-%d").to_string(),
                    tijd: lokaal.format("%H:%M").to_string(),
                },
            ))
        })
        .collect();
    lijst.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| b.1.naam.cmp(&a.1.naam)));
    lijst.into_iter().map(|(_, r)| r).collect()
}

/// Copies `van` to `naar` (and its `-wal` file, if any) byte for byte.
fn kopieer_ruw(van: &Path, naar: &Path) -> CoreResult<()> {
    std::fs::copy(van, naar).map_err(|e| bestandsfout("fout.storage_backup.kopieren", van, e))?;
    fsync(naar)?;
    let wal = |p: &Path| PathBuf::from(format!("{}-wal", p.display()));
    if wal(van).is_file() {
        std::fs::copy(wal(van), wal(naar))
            .map_err(|e| bestandsfout("fout.storage_backup.kopieren", &wal(van), e))?;
    }
    Ok(())
}

/// Puts the backup `bron` in place of the database file `doel`, which nobody may have open.
///
/// The backup is checked first (whole, an Opvangplanner database, not from a newer version);
/// the current file is kept byte for byte in the `backups` folder; the backup is copied to a
/// temporary file beside `doel`, flushed to disk and renamed over it, so a crash leaves either
/// the old or the new file, never half of one.
pub async fn terugzetten(bron: &Path, doel: &Path) -> CoreResult<Terugzetting> {
    if zelfde_bestand(bron, doel) {
        return Err(CoreError::bestand(
            "fout.storage_backup.databasebestand_zelf_geen_reservekopie",
        ));
    }
    controleer_reservekopie(bron).await?;
    let vorige = if doel.is_file() {
        maak_map(&backup_map(doel))?;
        let kopie = nieuwe_naam(doel, Some(ACHTERVOEGSEL_TERUGZETTEN));
        kopieer_ruw(doel, &kopie)?;
        opruimen(doel, ACHTERVOEGSEL_TERUGZETTEN);
        Some(kopie.display().to_string())
    } else {
        if let Some(map) = doel.parent().filter(|m| !m.as_os_str().is_empty()) {
            maak_map(map)?;
        }
        None
    };
    let tijdelijk = tijdelijk_naast(doel);
    let plaatsen = || -> CoreResult<()> {
        std::fs::copy(bron, &tijdelijk)
            .map_err(|e| bestandsfout("fout.storage_backup.reservekopie_kopieren", bron, e))?;
        let mut f = std::fs::OpenOptions::new()
            .append(true)
            .open(&tijdelijk)
            .map_err(|e| bestandsfout("fout.storage_backup.openen", &tijdelijk, e))?;
        f.flush()
            .and_then(|()| f.sync_all())
            .map_err(|e| bestandsfout("fout.storage_backup.naar_schijf", &tijdelijk, e))?;
        // A log or index of the replaced file must not be applied to the restored one.
        for achter in ["-wal", "-shm", "-journal"] {
            let bij = PathBuf::from(format!("{}{achter}", doel.display()));
            match std::fs::remove_file(&bij) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(bestandsfout("fout.storage_backup.verwijderen", &bij, e)),
            }
        }
        std::fs::rename(&tijdelijk, doel)
            .map_err(|e| bestandsfout("fout.storage_backup.vervangen", doel, e))?;
        fsync_map(doel);
        Ok(())
    };
    if let Err(fout) = plaatsen() {
        let _ = std::fs::remove_file(&tijdelijk);
        return Err(fout);
    }
    Ok(Terugzetting {
        hersteld: bron.display().to_string(),
        vorige,
    })
}

#[cfg(test)]
mod tests;
