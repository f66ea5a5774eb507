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
