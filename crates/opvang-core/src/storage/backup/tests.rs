//! Tests of backups: making, restoring, refusing bad backups, the automatic backup before
//! migrations and the check of a damaged file.

use std::borrow::Cow;
use std::io::{Seek, SeekFrom, Write};

use chrono::NaiveDate;

use super::*;
use crate::demo;

fn dag() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

async fn demo_db(pad: &Path) -> Db {
    let db = Db::open(pad).await.unwrap();
    demo::laden(&db, dag(), |_| {}).await.unwrap();
    db
}

async fn locaties(pad: &Path) -> i64 {
    let db = Db::open(pad).await.unwrap();
    let n = db.info().await.unwrap().locaties;
    db.close().await;
    n
}

/// Overwrites `lengte` bytes at `positie` with a pattern no SQLite page has.
fn beschadig(pad: &Path, positie: u64, lengte: usize) {
    let mut f = std::fs::OpenOptions::new().write(true).open(pad).unwrap();
    f.seek(SeekFrom::Start(positie)).unwrap();
    f.write_all(&vec![0xA5; lengte]).unwrap();
    f.sync_all().unwrap();
}

#[tokio::test]
async fn backup_in_the_backups_folder_restores_to_the_same_data() {
    let dir = tempfile::tempdir().unwrap();
    let pad = dir.path().join("opvang.db");
    let db = demo_db(&pad).await;
    let kopie = db.reservekopie_maken(None).await.unwrap();
    assert_eq!(kopie.parent().unwrap(), dir.path().join(BACKUP_MAP));
    let naam = kopie.file_name().unwrap().to_string_lossy().into_owned();
    assert!(
        naam.starts_with("opvang-") && naam.ends_with(".db"),
        "{naam}"
    );
    controleer_reservekopie(&kopie).await.unwrap();

    // A change after the backup is undone by restoring it, and kept in the copy of the old file.
    sqlx::query("DELETE FROM bezetting")
        .execute(&db.pool)
        .await
        .unwrap();
    sqlx::query("DELETE FROM peiling")
        .execute(&db.pool)
        .await
        .unwrap();
    db.close().await;
    let uitslag = terugzetten(&kopie, &pad).await.unwrap();
    let vorige = PathBuf::from(uitslag.vorige.expect("the replaced file is kept"));
    assert!(vorige
        .file_name()
        .unwrap()
        .to_string_lossy()
        .contains("voor-terugzetten"));
    let db = Db::open(&pad).await.unwrap();
    let peilingen: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM peiling")
        .fetch_one(&db.pool)
        .await
        .unwrap();
    assert!(peilingen > 0);
    db.close().await;
    let oud = Db::open(&vorige).await.unwrap();
    let peilingen: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM peiling")
        .fetch_one(&oud.pool)
        .await
        .unwrap();
    assert_eq!(peilingen, 0);
    oud.close().await;
    assert_eq!(locaties(&pad).await, 40);

    let lijst = reservekopieen(&pad);
    assert!(lijst.iter().any(|r| r.pad == kopie.display().to_string()));
    assert!(lijst.iter().all(|r| r.grootte > 0 && r.tijd.len() == 5));
}

#[tokio::test]
async fn backup_to_a_chosen_file_replaces_it_but_never_the_open_database() {
    let dir = tempfile::tempdir().unwrap();
    let pad = dir.path().join("opvang.db");
    let db = demo_db(&pad).await;
    let doel = dir.path().join("elders/kopie.db");
    std::fs::create_dir_all(doel.parent().unwrap()).unwrap();
    std::fs::write(&doel, b"oude inhoud").unwrap();
    assert_eq!(db.reservekopie_maken(Some(&doel)).await.unwrap(), doel);
    controleer_reservekopie(&doel).await.unwrap();
    let fout = db.reservekopie_maken(Some(&pad)).await.unwrap_err();
    assert!(
        fout.message.contains("geopende database zelf"),
        "{}",
        fout.message
    );
    db.close().await;
    assert_eq!(locaties(&doel).await, 40);
}

#[tokio::test]
async fn a_bad_backup_is_refused_and_the_database_stays_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let pad = dir.path().join("opvang.db");
    demo_db(&pad).await.close().await;
    // Fold any write-ahead log into the file first, so its bytes are final before comparing.
    let mut conn = SqliteConnection::connect(&format!("sqlite://{}", pad.display()))
        .await
        .unwrap();
    sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
        .execute(&mut conn)
        .await
        .unwrap();
    conn.close().await.unwrap();
    let voor = std::fs::read(&pad).unwrap();

    let tekst = dir.path().join("notities.db");
    std::fs::write(&tekst, "dit is geen database\n".repeat(100)).unwrap();
    let fout = terugzetten(&tekst, &pad).await.unwrap_err();
    assert!(
        fout.message.contains("geen bruikbare reservekopie"),
        "{}",
        fout.message
    );
    assert!(fout.message.contains("Er is niets veranderd"));

    let vreemd = dir.path().join("vreemd.db");
    let mut conn = SqliteConnection::connect(&format!("sqlite://{}?mode=rwc", vreemd.display()))
        .await
        .unwrap();
    sqlx::query("CREATE TABLE x (a)")
        .execute(&mut conn)
        .await
        .unwrap();
    conn.close().await.unwrap();
    let fout = terugzetten(&vreemd, &pad).await.unwrap_err();
    assert!(
        fout.message
            .contains("tabellen van Opvangplanner ontbreken"),
        "{}",
        fout.message
    );

    let stuk = dir.path().join("stuk.db");
    std::fs::copy(&pad, &stuk).unwrap();
    let lengte = std::fs::metadata(&stuk).unwrap().len();
    beschadig(&stuk, 4096 * 3, (lengte - 4096 * 3) as usize);
    let fout = terugzetten(&stuk, &pad).await.unwrap_err();
    assert!(
        fout.message.contains("geen bruikbare reservekopie"),
        "{}",
        fout.message
    );

    let fout = terugzetten(&pad, &pad).await.unwrap_err();
    assert!(
        fout.message.contains("databasebestand zelf"),
        "{}",
        fout.message
    );
    let fout = terugzetten(&dir.path().join("weg.db"), &pad)
        .await
        .unwrap_err();
    assert!(fout.message.contains("bestaat niet"), "{}", fout.message);

    assert_eq!(std::fs::read(&pad).unwrap(), voor, "database unchanged");
    assert!(
        reservekopieen(&pad).is_empty(),
        "no copy made for a refused restore"
    );
}

#[tokio::test]
async fn a_damaged_file_is_reported_with_code_beschadigd() {
    let dir = tempfile::tempdir().unwrap();
    let pad = dir.path().join("opvang.db");
    let db = demo_db(&pad).await;
    let kopie = db.reservekopie_maken(None).await.unwrap();
    db.close().await;

    // Damaged pages in the middle of the file.
    let lengte = std::fs::metadata(&pad).unwrap().len();
    beschadig(&pad, 4096 * 2, (lengte / 2) as usize);
    let fout = Db::open(&pad).await.unwrap_err();
    assert_eq!(fout.code, ErrorCode::Beschadigd, "{fout:?}");
    assert!(fout.message.contains("is beschadigd"), "{}", fout.message);
    assert!(fout.message.contains("reservekopie terug"));

    // A destroyed header: no SQLite database at all.
    beschadig(&pad, 0, 100);
    let fout = Db::open(&pad).await.unwrap_err();
    assert_eq!(fout.code, ErrorCode::Beschadigd, "{fout:?}");

    // The way out: restore the backup over the damaged file, which is kept as it was.
    let kapot = std::fs::read(&pad).unwrap();
    let uitslag = terugzetten(&kopie, &pad).await.unwrap();
    assert_eq!(std::fs::read(uitslag.vorige.unwrap()).unwrap(), kapot);
    assert_eq!(locaties(&pad).await, 40);
}

/// A passed check is recorded in the backup folder; the unchanged file is not read again (the
/// stamp is not rewritten), and a change to the file brings the check back.
#[tokio::test]
async fn a_passed_check_is_not_repeated_until_the_file_changes() {
    let dir = tempfile::tempdir().unwrap();
    let pad = dir.path().join("opvang.db");
    demo_db(&pad).await.close().await;
    let stempel = controle_stempel(&pad);
    assert!(!stempel.exists(), "a new file needs no check");

    Db::open(&pad).await.unwrap().close().await;
    let gezet = std::fs::metadata(&stempel).unwrap().modified().unwrap();
    assert_eq!(
        std::fs::read_to_string(&stempel).ok(),
        controle_afdruk(&pad),
        "opening and closing without a change leaves the file as checked"
    );
    assert!(reservekopieen(&pad).is_empty(), "the stamp is no backup");

    tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    Db::open(&pad).await.unwrap().close().await;
    assert_eq!(
        std::fs::metadata(&stempel).unwrap().modified().unwrap(),
        gezet,
        "the unchanged file was checked again"
    );

    let lengte = std::fs::metadata(&pad).unwrap().len();
    beschadig(&pad, 4096 * 2, (lengte / 2) as usize);
    let fout = Db::open(&pad).await.unwrap_err();
    assert_eq!(fout.code, ErrorCode::Beschadigd, "{fout:?}");
}

#[tokio::test]
async fn an_update_backs_up_the_file_first_and_keeps_the_last_five() {
    let dir = tempfile::tempdir().unwrap();
    let pad = dir.path().join("opvang.db");
    {
        // A file of an older version: only the first migration applied.
        let mut oud = sqlx::migrate!("./migrations/sqlite");
        oud.migrations = Cow::Owned(oud.migrations[..1].to_vec());
        let opties =
            SqliteConnectOptions::from_str(&format!("sqlite://{}?mode=rwc", pad.display()))
                .unwrap();
        let mut conn = SqliteConnection::connect_with(&opties).await.unwrap();
        oud.run(&mut conn).await.unwrap();
        conn.close().await.unwrap();
    }
    let map = backup_map(&pad);
    std::fs::create_dir_all(&map).unwrap();
    for i in 0..6 {
        std::fs::write(
            map.join(format!("opvang-2020010{i}-000000-voor-bijwerken.db")),
            b"x",
        )
        .unwrap();
    }
    let db = Db::open(&pad).await.unwrap();
    db.close().await;
    let automatisch: Vec<Reservekopie> = reservekopieen(&pad)
        .into_iter()
        .filter(|r| r.naam.contains("voor-bijwerken"))
        .collect();
    assert_eq!(automatisch.len(), AUTOMATISCH_BEWAARD);
    let nieuwste = automatisch
        .iter()
        .find(|r| !r.naam.starts_with("opvang-2020"))
        .expect("a backup made now");
    let mut conn = SqliteConnection::connect(&format!("sqlite://{}", nieuwste.pad))
        .await
        .unwrap();
    let versies: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM _sqlx_migrations")
        .fetch_one(&mut conn)
        .await
        .unwrap();
    conn.close().await.unwrap();
    assert_eq!(
        versies, 1,
        "the backup holds the file as it was before the update"
    );
    assert!(!map
        .join("opvang-20200100-000000-voor-bijwerken.db")
        .exists());

    // Opening an up-to-date file makes no further backup.
    let db = Db::open(&pad).await.unwrap();
    db.close().await;
    assert_eq!(reservekopieen(&pad).len(), AUTOMATISCH_BEWAARD);
}

#[tokio::test]
async fn a_new_file_gets_no_backup() {
    let dir = tempfile::tempdir().unwrap();
    let pad = dir.path().join("nieuw.db");
    Db::open(&pad).await.unwrap().close().await;
    assert!(!backup_map(&pad).exists());
}

crate::storage::testdb::beide_backends!(
    async fn a_server_database_is_backed_up_with_pg_dump(db) {
        if db.backend() == Backend::Postgres {
            let fout = db.reservekopie_maken(None).await.unwrap_err();
            assert_eq!(fout.sleutel, SERVER_MELDING);
            assert!(fout.message.contains("pg_dump"), "{}", fout.message);
        }
    }
);
