//! Crash safety: `opvang import` killed with SIGKILL at random moments leaves the database whole,
//! with the import there completely or not at all.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use opvang_core::storage::backup::controleer_reservekopie;
use opvang_core::Db;

const LOCATIES: usize = 1500;
const PEILDATA: usize = 8;
const POGINGEN: usize = 30;

/// A CSV of `LOCATIES` new locations with a snapshot on `PEILDATA` Mondays each.
fn groot_bestand(pad: &Path) {
    let mut tekst = String::from("Gemeentecode;Locatie;Capaciteit;Bezet ontheemden;Peildatum\n");
    for l in 0..LOCATIES {
        for d in 0..PEILDATA {
            tekst.push_str(&format!(
                "GM0344;Crashtest {l};{};{};{}-{}-2026\n",
                100 + l % 50,
                50 + (l + d) % 40,
                1 + d,
                3
            ));
        }
    }
    std::fs::write(pad, tekst).unwrap();
}

fn opvang(db: &Path, args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_opvang"));
    c.arg("--db")
        .arg(db)
        .args(args)
        .env_remove("OPVANG_DB")
        .env_remove("OPVANG_TAAL");
    c
}

/// Opens the file as the app would (recovering its WAL), checks it fully, and counts locations.
async fn gecontroleerd(db: &Path) -> i64 {
    let open = Db::open(db)
        .await
        .expect("the database opens after the kill");
    let locaties = open.info().await.unwrap().locaties;
    open.close().await;
    controleer_reservekopie(db)
        .await
        .expect("PRAGMA integrity_check is ok after the kill");
    locaties
}

/// A small deterministic generator (xorshift), so every run kills at the same moments.
struct Toeval(u64);

impl Toeval {
    fn volgende(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn an_import_killed_at_random_moments_is_whole_or_absent() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("groot.csv");
    groot_bestand(&csv);
    let leeg = dir.path().join("leeg.db");
    assert!(opvang(&leeg, &["status"])
        .output()
        .unwrap()
        .status
        .success());
    assert_eq!(gecontroleerd(&leeg).await, 0);

    // One complete import: the count after, and how long it takes.
    let referentie = dir.path().join("referentie.db");
    std::fs::copy(&leeg, &referentie).unwrap();
    let begin = Instant::now();
    let uit = opvang(&referentie, &["import", csv.to_str().unwrap()])
        .output()
        .unwrap();
    let duur = begin.elapsed();
    assert!(
        uit.status.success(),
        "{}",
        String::from_utf8_lossy(&uit.stderr)
    );
    assert_eq!(gecontroleerd(&referentie).await, LOCATIES as i64);

    let mut toeval = Toeval(2026);
    let (mut leeg_gebleven, mut heel) = (0, 0);
    for poging in 0..POGINGEN {
        let db = dir.path().join(format!("poging-{poging}.db"));
        std::fs::copy(&leeg, &db).unwrap();
        let wacht = Duration::from_micros(toeval.volgende() % (duur.as_micros() as u64 * 11 / 10));
        let mut kind = opvang(&db, &["import", csv.to_str().unwrap()])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(wacht);
        let _ = kind.kill(); // SIGKILL on Unix
        let _ = kind.wait();
        match gecontroleerd(&db).await {
            0 => leeg_gebleven += 1,
            n if n == LOCATIES as i64 => heel += 1,
            n => panic!("attempt {poging} (killed after {wacht:?}): {n} locations, half an import"),
        }
    }
    eprintln!(
        "{POGINGEN} kills within {duur:?}: {leeg_gebleven} left the database as before, {heel} after a whole import"
    );
    assert!(
        leeg_gebleven > 0,
        "no kill landed before the commit; the test proves nothing"
    );
}
