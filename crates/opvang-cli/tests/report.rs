//! End-to-end tests of `opvang report`: the VNG report in every format, aggregation of report
//! files with conflicts and Dutch errors, and the yearly occupancy workbook.

use std::path::Path;
use std::process::{Command, Output};

fn opvang(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_opvang"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("OPVANG_DB")
        .env_remove("OPVANG_TAAL")
        .output()
        .expect("opvang runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

/// A demo database in `dir`.
fn demo(dir: &Path) -> std::path::PathBuf {
    let db = dir.join("demo.db");
    let uit = opvang(&db, &["demo"]);
    assert!(uit.status.success(), "{}", stderr(&uit));
    db
}

/// With `--taal en` the CSV report is English (headers, labels, separator, dates); aggregating it
/// together with the Dutch one of the same data counts it once, without a conflict.
#[test]
fn an_english_report_aggregates_with_the_dutch_one() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let mut paden = Vec::new();
    for taal in ["nl", "en"] {
        let pad = dir.path().join(format!("vng-{taal}.csv"));
        let uit = opvang(
            &db,
            &[
                "--taal",
                taal,
                "report",
                "vng",
                "--peildatum",
                "2026-11-23",
                "--format",
                "csv",
                "--out",
                pad.to_str().unwrap(),
            ],
        );
        assert!(uit.status.success(), "{taal}: {}", stderr(&uit));
        if taal == "en" {
            assert!(
                stdout(&uit).contains("VNG report for 23/11/2026 written to"),
                "{}",
                stdout(&uit)
            );
        }
        paden.push(pad);
    }
    let engels = std::fs::read_to_string(&paden[1]).unwrap();
    assert!(
        engels.starts_with("\u{feff}Reference date,Municipality code,Municipality,"),
        "{engels}"
    );
    assert!(engels.contains("23/11/2026,GM"), "{engels}");
    assert!(engels.contains(",Hotel/guesthouse,"), "{engels}");
    let uit = opvang(
        &db,
        &[
            "report",
            "aggregeer",
            paden[0].to_str().unwrap(),
            paden[1].to_str().unwrap(),
        ],
    );
    assert!(uit.status.success(), "{}", stderr(&uit));
    assert!(!stdout(&uit).contains("Conflict"), "{}", stdout(&uit));
}

#[test]
fn report_vng_writes_each_format_or_fails_in_dutch() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    for (formaat, begin) in [
        ("xlsx", &b"PK"[..]),
        ("csv", &b"\xEF\xBB\xBFPeildatum;"[..]),
        ("json", &b"{"[..]),
        ("pdf", &b"%PDF"[..]),
    ] {
        let pad = dir.path().join(format!("vng.{formaat}"));
        let uit = opvang(
            &db,
            &[
                "report",
                "vng",
                "--peildatum",
                "2026-11-23",
                "--format",
                formaat,
                "--out",
                pad.to_str().unwrap(),
            ],
        );
        assert!(uit.status.success(), "{formaat}: {}", stderr(&uit));
        assert!(stdout(&uit).contains("VNG-rapport op 23-11-2026 geschreven naar"));
        assert!(std::fs::read(&pad).unwrap().starts_with(begin), "{formaat}");
    }
    let fout = opvang(
        &db,
        &["report", "vng", "--format", "docx", "--out", "x.docx"],
    );
    assert!(!fout.status.success());
    assert!(
        stderr(&fout).contains("onbekend formaat \"docx\""),
        "{}",
        stderr(&fout)
    );
    let fout = opvang(
        &db,
        &[
            "report",
            "vng",
            "--format",
            "csv",
            "--out",
            dir.path().join("geen/map/vng.csv").to_str().unwrap(),
        ],
    );
    assert!(!fout.status.success());
    assert!(
        stderr(&fout).starts_with("Fout: Het bestand"),
        "{}",
        stderr(&fout)
    );
}

#[test]
fn report_aggregeer_sums_files_dedupes_and_refuses_conflicts_naming_both_files() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let pad = |naam: &str| dir.path().join(naam).to_str().unwrap().to_owned();
    for (formaat, naam) in [("csv", "a.csv"), ("json", "b.json"), ("xlsx", "c.xlsx")] {
        let uit = opvang(
            &db,
            &[
                "report",
                "vng",
                "--peildatum",
                "2026-11-23",
                "--format",
                formaat,
                "--out",
                &pad(naam),
            ],
        );
        assert!(uit.status.success(), "{}", stderr(&uit));
    }
    let status = stdout(&opvang(&db, &["status", "--peildatum", "2026-11-23"]));
    let samen = opvang(
        &db,
        &[
            "report",
            "aggregeer",
            &pad("a.csv"),
            &pad("b.json"),
            &pad("c.xlsx"),
            "--out",
            &pad("samen.csv"),
        ],
    );
    assert!(samen.status.success(), "{}", stderr(&samen));
    let tekst = stdout(&samen);
    assert!(tekst.contains("Peildatum 23-11-2026"), "{tekst}");
    assert!(tekst.contains("0 conflicten"), "{tekst}");
    let nederland = tekst
        .lines()
        .find(|r| r.trim_start().starts_with("Nederland"))
        .unwrap();
    let gerealiseerd = status
        .lines()
        .find(|r| r.starts_with("Gerealiseerde plaatsen"))
        .unwrap()
        .rsplit(' ')
        .next()
        .unwrap();
    assert!(
        nederland.contains(gerealiseerd),
        "{nederland} vs {gerealiseerd}"
    );
    assert!(std::fs::read(pad("samen.csv"))
        .unwrap()
        .starts_with(b"\xEF\xBB\xBF"));

    // A changed copy of one municipality's numbers is a conflict naming both files.
    let csv = std::fs::read_to_string(pad("a.csv")).unwrap();
    let mut regels: Vec<String> = csv.split("\r\n").map(str::to_owned).collect();
    let mut cellen: Vec<String> = regels[1].split(';').map(str::to_owned).collect();
    let n: i64 = cellen[12].replace('.', "").parse().unwrap();
    let totaal: i64 = cellen[16].replace('.', "").parse().unwrap();
    let vrij: i64 = cellen[17].replace('.', "").parse().unwrap();
    cellen[12] = (n + 1).to_string();
    cellen[16] = (totaal + 1).to_string();
    cellen[17] = (vrij - 1).to_string();
    regels[1] = cellen.join(";");
    std::fs::write(pad("a2.csv"), regels.join("\r\n")).unwrap();
    let conflict = opvang(&db, &["report", "aggregeer", &pad("a.csv"), &pad("a2.csv")]);
    assert!(!conflict.status.success());
    let fout = stderr(&conflict);
    assert!(
        fout.contains("Conflict:") && fout.contains("a.csv") && fout.contains("a2.csv"),
        "{fout}"
    );

    let kapot = opvang(
        &db,
        &[
            "report",
            "aggregeer",
            &pad("a.csv"),
            &pad("bestaat-niet.csv"),
        ],
    );
    assert!(!kapot.status.success());
    assert!(
        stderr(&kapot).contains("bestaat-niet.csv kan niet worden gelezen"),
        "{}",
        stderr(&kapot)
    );
}

#[test]
fn report_jaarwerkboek_writes_a_workbook_or_refuses_a_bad_year() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let pad = dir.path().join("jaar.xlsx");
    let uit = opvang(
        &db,
        &[
            "report",
            "jaarwerkboek",
            "--jaar",
            "2026",
            "--out",
            pad.to_str().unwrap(),
        ],
    );
    assert!(uit.status.success(), "{}", stderr(&uit));
    assert!(stdout(&uit).starts_with("Jaarwerkboek 2026 met 40 locaties geschreven naar"));
    assert!(std::fs::read(&pad).unwrap().starts_with(b"PK"));
    let fout = opvang(
        &db,
        &[
            "report",
            "jaarwerkboek",
            "--jaar",
            "twintig",
            "--out",
            "x.xlsx",
        ],
    );
    assert!(!fout.status.success());
}
