//! `opvang backup` and `opvang restore`: a copy of the local database file, and putting one back.

use std::path::{Path, PathBuf};

use opvang_core::storage::{self, backup, is_postgres_url};
use opvang_core::{CoreError, CoreResult, Db};

use crate::tekst::t_met;

/// The local database file the command works on; a server is refused with the pg_dump advice.
fn bestand(spec: Option<&str>) -> CoreResult<PathBuf> {
    match spec {
        Some(spec) if is_postgres_url(spec) => Err(CoreError::bestand(backup::SERVER_MELDING)),
        Some(spec) => Ok(PathBuf::from(spec)),
        None => storage::standaard_database_pad(),
    }
}

/// Writes a backup to `naar`, or to the `backups` folder beside the database; returns the report.
pub async fn maken(spec: Option<&str>, naar: Option<&Path>) -> CoreResult<String> {
    let pad = bestand(spec)?;
    if !pad.is_file() {
        return Err(
            CoreError::bestand("fout.cli_backup.database_bestaat_niet_niets")
                .met("pad", &pad.display()),
        );
    }
    let db = Db::open(&pad).await?;
    let uitslag = db.reservekopie_maken(naar).await;
    db.close().await;
    let pad = uitslag?;
    Ok(format!(
        "{}\n",
        t_met("cli.backup.gemaakt", &[("pad", &pad.display())])
    ))
}

/// Puts the backup `bron` in place of the database (which is kept in its `backups` folder).
pub async fn terugzetten(spec: Option<&str>, bron: &Path) -> CoreResult<String> {
    let pad = bestand(spec)?;
    let uitslag = backup::terugzetten(bron, &pad).await?;
    // Opening it once applies any newer migrations, so the file is ready for the app.
    Db::open(&pad).await?.close().await;
    let mut tekst = t_met(
        "cli.backup.teruggezet",
        &[("bron", &uitslag.hersteld), ("pad", &pad.display())],
    );
    tekst.push('\n');
    if let Some(vorige) = uitslag.vorige {
        tekst.push_str(&t_met("cli.backup.vorige_bewaard", &[("pad", &vorige)]));
        tekst.push('\n');
    }
    Ok(tekst)
}
