//! Tests of `opvang backup` and `opvang restore`, and of the message for a damaged database file.

use std::path::Path;
use std::process::{Command, Output};

fn opvang(db: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_opvang"))
        .args(["--db", db])
        .args(args)
        .env_remove("OPVANG_DB")
        .env_remove("OPVANG_TAAL")
        .output()
        .expect("opvang runs")
}

fn pad(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn locaties(db: &Path) -> String {
    let o = opvang(pad(db), &["status", "--peildatum", "2026-11-23"]);
    assert!(o.status.success(), "{}", stderr(&o));
    stdout(&o)
        .lines()
        .find(|r| r.starts_with("Locaties met capaciteit"))
        .unwrap_or_default()
        .to_owned()
}

#[test]
fn backup_then_restore_brings_the_old_state_back() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("opvang.db");
    let leeg = locaties(&db);

    let o = opvang(pad(&db), &["backup"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let uit = stdout(&o);
    let kopie = uit
        .trim()
        .strip_prefix("Reservekopie gemaakt: ")
        .unwrap_or_else(|| panic!("{uit}"))
        .to_owned();
    assert!(
        Path::new(&kopie).starts_with(dir.path().join("backups")),
        "{kopie}"
    );

    let gekozen = dir.path().join("mijn kopie.db");
    let o = opvang(pad(&db), &["backup", "--naar", pad(&gekozen)]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(gekozen.is_file());

    assert!(opvang(pad(&db), &["demo"]).status.success());
    let vol = locaties(&db);
    assert_ne!(vol, leeg);

    let o = opvang(pad(&db), &["restore", &kopie]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("teruggezet"), "{}", stdout(&o));
    assert!(stdout(&o).contains("voor-terugzetten"), "{}", stdout(&o));
    assert_eq!(locaties(&db), leeg);

    // The Dutch alias does the same with the file chosen earlier.
    let o = opvang(pad(&db), &["terugzetten", pad(&gekozen)]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(locaties(&db), leeg);
}

#[test]
fn a_bad_backup_is_refused_and_nothing_changes() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("opvang.db");
    assert!(opvang(pad(&db), &["demo"]).status.success());
    let voor = std::fs::read(&db).unwrap();
    let nep = dir.path().join("nep.db");
    std::fs::write(&nep, "geen database").unwrap();
    let o = opvang(pad(&db), &["restore", pad(&nep)]);
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("geen bruikbare reservekopie"),
        "{}",
        stderr(&o)
    );
    assert!(stderr(&o).contains("Er is niets veranderd"));
    assert_eq!(std::fs::read(&db).unwrap(), voor);

    let o = opvang(pad(&db), &["restore", pad(&dir.path().join("weg.db"))]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("bestaat niet"), "{}", stderr(&o));
}

#[test]
fn a_server_database_gets_the_pg_dump_advice() {
    for args in [&["backup"][..], &["restore", "kopie.db"][..]] {
        let o = opvang("postgres://planner@localhost:1/opvang", args);
        assert!(!o.status.success());
        let fout = stderr(&o);
        assert!(fout.contains("pg_dump"), "{fout}");
        assert!(fout.contains("beheerder van die server"), "{fout}");
    }
}

#[test]
fn a_damaged_file_gives_a_dutch_message_and_restore_repairs_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("opvang.db");
    assert!(opvang(pad(&db), &["demo"]).status.success());
    let o = opvang(pad(&db), &["backup"]);
    let kopie = stdout(&o).trim().replace("Reservekopie gemaakt: ", "");
    let vol = locaties(&db);

    let mut bytes = std::fs::read(&db).unwrap();
    let midden = bytes.len() / 3;
    for b in &mut bytes[4096 * 2..midden] {
        *b = 0x5A;
    }
    std::fs::write(&db, &bytes).unwrap();
    let o = opvang(pad(&db), &["status"]);
    assert!(!o.status.success());
    let fout = stderr(&o);
    assert!(fout.contains("is beschadigd"), "{fout}");
    assert!(fout.contains("Zet een reservekopie terug"), "{fout}");
    let o = opvang(pad(&db), &["backup"]);
    assert!(!o.status.success());

    let o = opvang(pad(&db), &["restore", &kopie]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(locaties(&db), vol);
}
