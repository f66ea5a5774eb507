//! The bad-input corpus (tests/fixtures/bad-input, expected outcomes in expected.tsv) through the
//! core importer and through `opvang import`: a Dutch error naming row and column with exit status
//! 1 and the database unchanged, or a correct import.

use std::path::{Path, PathBuf};
use std::process::Command;

use opvang_core::import::{lees_bestand, ontleed, Koppeling};
use opvang_core::Db;

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/bad-input")
}

async fn locaties(db: &Path) -> i64 {
    let open = Db::open(db).await.unwrap();
    let n = open.info().await.unwrap().locaties;
    open.close().await;
    n
}

/// The core importer's verdict: `Err(message)` when the file is refused, else the rows to store.
async fn kern(bestand: &Path, db: &Db) -> Result<usize, String> {
    let naam = bestand.file_name().unwrap().to_string_lossy().into_owned();
    let tabel = lees_bestand(&naam, &std::fs::read(bestand).unwrap()).map_err(|e| e.message)?;
    let koppeling = Koppeling::automatisch(&tabel.koppen);
    let ontleding = ontleed(
        &tabel,
        &koppeling,
        &db.gemeenten().await.unwrap(),
        opvang_core::vandaag(),
    )
    .map_err(|e| e.message)?;
    if ontleding.heeft_fouten() {
        let problemen: Vec<String> = ontleding.problemen.iter().map(|p| p.to_string()).collect();
        return Err(problemen.join("\n"));
    }
    Ok(ontleding.regels.len())
}

#[tokio::test(flavor = "multi_thread")]
async fn every_bad_input_has_its_expected_outcome() {
    let tabel = std::fs::read_to_string(corpus().join("expected.tsv")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let leeg = dir.path().join("leeg.db");
    Db::open(&leeg).await.unwrap().close().await;
    let kern_db = Db::open(&dir.path().join("kern.db")).await.unwrap();
    for regel in tabel.lines().skip(1) {
        let velden: Vec<&str> = regel.split('\t').collect();
        let (bestand, fout, verwacht) = (corpus().join(velden[0]), velden[1] == "fout", velden[2]);
        let naam = bestand.display().to_string();

        match (kern(&bestand, &kern_db).await, fout) {
            (Err(bericht), true) => {
                assert!(
                    bericht.contains(verwacht),
                    "{naam}: core said {bericht:?}, expected {verwacht:?}"
                );
            }
            (Ok(rijen), false) => assert_eq!(rijen.to_string(), verwacht, "{naam}"),
            (uitslag, _) => panic!("{naam}: core gave {uitslag:?}, expected {}", velden[1]),
        }

        let db = dir.path().join("t.db");
        std::fs::copy(&leeg, &db).unwrap();
        let voor = std::fs::read(&db).unwrap();
        let uit = Command::new(env!("CARGO_BIN_EXE_opvang"))
            .arg("--db")
            .arg(&db)
            .arg("import")
            .arg(&bestand)
            .env_remove("OPVANG_DB")
            .env_remove("OPVANG_TAAL")
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&uit.stderr);
        if fout {
            assert_eq!(uit.status.code(), Some(1), "{naam}: {stderr}");
            assert!(stderr.contains(verwacht), "{naam}: {stderr}");
            assert!(stderr.contains("Fout: "), "{naam}: {stderr}");
            assert_eq!(
                std::fs::read(&db).unwrap(),
                voor,
                "{naam}: database file changed"
            );
            assert_eq!(locaties(&db).await, 0, "{naam}");
        } else {
            assert!(uit.status.success(), "{naam}: {stderr}");
            assert_eq!(locaties(&db).await.to_string(), verwacht, "{naam}");
        }
        std::fs::remove_file(&db).unwrap();
        let _ = std::fs::remove_file(dir.path().join("t.db-wal"));
        let _ = std::fs::remove_file(dir.path().join("t.db-shm"));
    }
}

/// The same refusals in English with `--taal en`, numbers written the English way.
#[test]
fn the_limits_are_refused_in_english_too() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    for (bestand, verwacht) in [
        (
            "groot-getal.csv",
            "Row 2, column Capaciteit: \"1000000000000000\" is too large; a count per location is at most 100,000.",
        ),
        (
            "grote-cel.csv",
            "Row 2, column Locatie: the cell holds 10,485,760 characters; a cell may hold at most 200 characters.",
        ),
    ] {
        let uit = Command::new(env!("CARGO_BIN_EXE_opvang"))
            .arg("--db")
            .arg(&db)
            .args(["--taal", "en", "import"])
            .arg(corpus().join(bestand))
            .env_remove("OPVANG_DB")
            .env_remove("OPVANG_TAAL")
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&uit.stderr);
        assert_eq!(uit.status.code(), Some(1), "{bestand}: {stderr}");
        assert!(stderr.contains(verwacht), "{bestand}: {stderr}");
    }
}
