//! End-to-end tests of the `opvang` binary: demo data, status output and Dutch errors.

use std::process::{Command, Output};

fn opvang(db: &std::path::Path, args: &[&str]) -> Output {
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

/// The value printed after a label in `opvang status`.
fn waarde<'a>(tekst: &'a str, label: &str) -> &'a str {
    tekst
        .lines()
        .find(|regel| regel.starts_with(label))
        .unwrap_or_else(|| panic!("no line {label:?} in:\n{tekst}"))[label.len()..]
        .trim()
}

#[test]
fn demo_then_status_prints_dutch_totals() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    let demo = opvang(&db, &["demo"]);
    assert!(demo.status.success(), "{}", stderr(&demo));
    assert!(stdout(&demo).starts_with("40 fictieve demolocaties geladen"));

    let status = opvang(&db, &["status"]);
    assert!(status.status.success(), "{}", stderr(&status));
    let tekst = stdout(&status);
    assert_eq!(waarde(&tekst, "Locaties met capaciteit"), "37");
    let graad = waarde(&tekst, "Bezettingsgraad (bezet/gerealiseerd)");
    assert!(graad.ends_with('%') && graad.contains(','), "{graad}");
    let gerealiseerd = waarde(&tekst, "Gerealiseerde plaatsen");
    assert!(
        gerealiseerd.contains('.'),
        "thousands separator in {gerealiseerd}"
    );
    assert!(tekst.contains("Verouderde peilingen (ouder dan 14 dagen): 3"));
    assert!(tekst.contains("Overbezette locaties: 1"));

    // A second demo load is refused and changes nothing.
    let nogmaals = opvang(&db, &["demo"]);
    assert!(!nogmaals.status.success());
    assert!(stderr(&nogmaals).contains("De database bevat al locaties"));
    assert_eq!(stdout(&opvang(&db, &["status"])), tekst);
}

#[test]
fn status_of_one_municipality_and_an_empty_database() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("leeg.db");
    let status = opvang(
        &db,
        &[
            "status",
            "--peildatum",
            "2026-03-04",
            "--gemeente",
            "gm0344",
        ],
    );
    assert!(status.status.success(), "{}", stderr(&status));
    let tekst = stdout(&status);
    assert!(
        tekst.starts_with("Stand op 4-3-2026 — Utrecht (GM0344)"),
        "{tekst}"
    );
    assert_eq!(waarde(&tekst, "Gerealiseerde plaatsen"), "0");
    assert_eq!(waarde(&tekst, "Bezettingsgraad (bezet/gerealiseerd)"), "–");
}

#[test]
fn bad_input_gives_a_dutch_error_and_exit_code() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("fout.db");
    let onbekend = opvang(&db, &["status", "--gemeente", "GM9999"]);
    assert_eq!(onbekend.status.code(), Some(1));
    assert_eq!(
        stderr(&onbekend).trim(),
        "Fout: Onbekende gemeentecode \"GM9999\"; gebruik een CBS-code zoals GM0344."
    );
    let datum = opvang(&db, &["status", "--peildatum", "31-02-2026"]);
    assert!(!datum.status.success());
    assert!(stderr(&datum).contains("ongeldige datum \"31-02-2026\"; gebruik JJJJ-MM-DD"));
}

#[test]
fn accepts_a_postgres_url_for_db() {
    let Ok(admin) = std::env::var("OPVANG_TEST_PG") else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must set OPVANG_TEST_PG"
        );
        eprintln!("OPVANG_TEST_PG not set: skipped");
        return;
    };
    let database = format!("opvang_cli_{}", std::process::id());
    let psql = |sql: &str| {
        let status = Command::new("psql")
            .args([admin.as_str(), "-q", "-c", sql])
            .status()
            .expect("psql runs");
        assert!(status.success(), "{sql}");
    };
    psql(&format!("DROP DATABASE IF EXISTS {database} WITH (FORCE)"));
    psql(&format!("CREATE DATABASE {database}"));
    let url = format!("{}/{database}", admin.rsplit_once('/').unwrap().0);
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_opvang"))
            .arg("--db")
            .arg(&url)
            .args(args)
            .env_remove("OPVANG_TAAL")
            .output()
            .unwrap()
    };
    let demo = run(&["demo"]);
    assert!(demo.status.success(), "{}", stderr(&demo));
    let status = run(&["status"]);
    assert!(status.status.success(), "{}", stderr(&status));
    assert_eq!(waarde(&stdout(&status), "Locaties met capaciteit"), "37");

    // A local file copied into an empty server gives the same status.
    let dir = tempfile::tempdir().unwrap();
    let lokaal = dir.path().join("lokaal.db");
    assert!(opvang(&lokaal, &["demo"]).status.success());
    psql(&format!("DROP DATABASE {database} WITH (FORCE)"));
    psql(&format!("CREATE DATABASE {database}"));
    let kopie = opvang(&lokaal, &["kopieer", "--naar", &url]);
    assert!(kopie.status.success(), "{}", stderr(&kopie));
    assert_eq!(
        stdout(&run(&["status"])),
        stdout(&opvang(&lokaal, &["status"]))
    );
    psql(&format!("DROP DATABASE {database} WITH (FORCE)"));
}

#[test]
fn auditlog_writes_an_excel_csv() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    assert!(opvang(&db, &["demo"]).status.success());
    let uit = dir.path().join("log.csv");
    let alles = opvang(&db, &["auditlog", "--uit", uit.to_str().unwrap()]);
    assert!(alles.status.success(), "{}", stderr(&alles));
    assert!(stdout(&alles).contains("regels uit het auditlog geschreven"));
    let bytes = std::fs::read(&uit).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
    let tekst = String::from_utf8(bytes).unwrap();
    assert!(tekst.contains("Tijdstip;Gebruiker;Tabel;Record;Locatie;Actie;Voor;Na\r\n"));
    let totaal = tekst.lines().count();

    let een = opvang(
        &db,
        &["auditlog", "--locatie", "1", "--uit", uit.to_str().unwrap()],
    );
    assert!(een.status.success(), "{}", stderr(&een));
    let tekst = std::fs::read_to_string(&uit).unwrap();
    assert!(tekst.lines().count() > 1 && tekst.lines().count() < totaal);
    assert!(tekst.lines().skip(1).all(|r| r.contains(";1;")));

    let fout = opvang(&db, &["auditlog", "--uit", "/geen/map/log.csv"]);
    assert!(!fout.status.success());
    assert!(stderr(&fout).starts_with("Fout: Het bestand /geen/map/log.csv kon niet"));
}

#[test]
fn plan_writes_a_dutch_csv_per_month_area_and_group() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plan.db");
    assert!(opvang(&db, &["demo"]).status.success());
    let uit = dir.path().join("plan.csv");
    let args = [
        "plan",
        "--runs",
        "40",
        "--seed",
        "7",
        "--start",
        "2026-11-01",
        "--uit",
        uit.to_str().unwrap(),
    ];
    let plan = opvang(&db, &args);
    assert!(plan.status.success(), "{}", stderr(&plan));
    let tekst = stdout(&plan);
    assert!(tekst.starts_with("Scenario standaard: 40 runs (seed 7), vanaf 1-11-2026."));
    assert!(tekst.contains("Nederland"), "{tekst}");
    assert!(
        tekst.contains("Gemeenten met een tekort vóór 1-4-2031: "),
        "{tekst}"
    );

    let bytes = std::fs::read(&uit).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
    let csv = String::from_utf8(bytes[3..].to_vec()).unwrap();
    let regels: Vec<&str> = csv.trim_end().split("\r\n").collect();
    // Country, 2 provinces, their safety regions and 8 municipalities; 54 months; total + 4 groups.
    let gebieden = regels
        .iter()
        .filter(|r| r.starts_with("1-11-2026;") && r.contains(";totaal;"))
        .count();
    assert_eq!(regels.len() - 1, gebieden * 54 * 5);
    assert!(gebieden >= 1 + 2 + 2 + 8, "{gebieden} areas");
    let geschreven = opvang_core::format::aantal(regels.len() as i64 - 1);
    assert!(
        tekst.contains(&format!("{geschreven} regels geschreven")),
        "{tekst}"
    );
    let land = regels
        .iter()
        .find(|r| r.starts_with("1-11-2026;land;NL;Nederland;totaal;"))
        .unwrap();
    assert!(
        land.split(';').any(|c| c.contains(',')),
        "rate with decimal comma: {land}"
    );
    assert!(regels
        .iter()
        .any(|r| r.starts_with("1-4-2031;gemeente;GM0344;Utrecht;ontheemden;")));

    // The same seed writes the same file.
    let tweede = dir.path().join("tweede.csv");
    let mut args2 = args;
    args2[8] = tweede.to_str().unwrap();
    assert!(opvang(&db, &args2).status.success());
    assert_eq!(std::fs::read(&tweede).unwrap(), bytes);

    // A shipped scenario printed as JSON, edited and read back as a scenario file.
    let json = stdout(&opvang(&db, &["scenario", "snelle_doorstroom"]));
    assert!(json.contains("\"naam\": \"snelle_doorstroom\""), "{json}");
    let bestand = dir.path().join("eigen.json");
    std::fs::write(&bestand, json.replace("\"snelle_doorstroom\"", "\"eigen\"")).unwrap();
    let eigen = dir.path().join("eigen.csv");
    let plan = opvang(
        &db,
        &[
            "plan",
            "--scenario",
            bestand.to_str().unwrap(),
            "--runs",
            "0",
            "--uit",
            eigen.to_str().unwrap(),
        ],
    );
    assert!(plan.status.success(), "{}", stderr(&plan));
    assert!(stdout(&plan).starts_with("Scenario eigen: 0 runs"));

    let fout = opvang(&db, &["plan", "--scenario", "paniek", "--uit", "x.csv"]);
    assert!(!fout.status.success());
    assert!(stderr(&fout).contains("Scenario \"paniek\" bestaat niet"));
    let fout = opvang(&db, &["plan", "--out", "plan.ods"]);
    assert!(stderr(&fout).contains("kies een CSV-bestand (.csv) of een Excel-bestand (.xlsx)"));
    let xlsx = dir.path().join("plan.xlsx");
    let plan = opvang(
        &db,
        &["plan", "--runs", "0", "--out", xlsx.to_str().unwrap()],
    );
    assert!(plan.status.success(), "{}", stderr(&plan));
    assert!(std::fs::read(&xlsx).unwrap().starts_with(b"PK"));
}

/// Assesses, submits and decides (as another user) the first demo location through the core.
async fn beoordeel_eerste_demolocatie(pad: &std::path::Path) {
    use opvang_core::reviews::{Besluit, BesluitInvoer};
    use opvang_core::suitability::{BeoordelingInvoer, CriteriumScore};
    let db = opvang_core::Db::open(pad).await.unwrap();
    db.gebruiker_instellen("Anna de Planner").await.unwrap();
    let set = db.criteriasets().await.unwrap().remove(0);
    let datum = chrono::NaiveDate::from_ymd_opt(2026, 11, 2).unwrap();
    let beoordeling = db
        .beoordeling_toevoegen(&BeoordelingInvoer {
            locatie_id: 1,
            criteriaset_id: set.id,
            datum,
            scores: set
                .criteria
                .iter()
                .map(|c| CriteriumScore {
                    sleutel: c.sleutel.clone(),
                    score: Some(4),
                    onderbouwing: "Schouw 2-11-2026.".into(),
                })
                .collect(),
        })
        .await
        .unwrap();
    let review = db.review_starten(beoordeling.id).await.unwrap();
    let review = db
        .review_indienen(review.id, review.versie, datum)
        .await
        .unwrap();
    db.gebruiker_instellen("Bert de Beoordelaar").await.unwrap();
    db.review_besluiten(&BesluitInvoer {
        review_id: review.id,
        versie: review.versie,
        besluit: Besluit::Akkoord,
        besluitdatum: datum,
        toelichting: String::new(),
    })
    .await
    .unwrap();
    db.close().await;
}

#[tokio::test]
async fn ombouw_portfolio_ranks_the_demo_locations() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    let demo = opvang(&db, &["demo"]);
    assert!(demo.status.success(), "{}", stderr(&demo));

    let voor = opvang(&db, &["ombouw", "portefeuille"]);
    assert!(voor.status.success(), "{}", stderr(&voor));
    let tekst = stdout(&voor);
    assert!(
        tekst.starts_with("Ombouwportefeuille — alle gemeenten"),
        "{tekst}"
    );
    assert_eq!(tekst.matches("niet beoordeeld").count(), 40, "{tekst}");

    beoordeel_eerste_demolocatie(&db).await;
    let na = opvang(&db, &["ombouw", "portefeuille", "--gemeente", "gm0344"]);
    assert!(na.status.success(), "{}", stderr(&na));
    let tekst = stdout(&na);
    assert!(
        tekst.starts_with("Ombouwportefeuille — Utrecht (GM0344)"),
        "{tekst}"
    );
    let eerste = tekst
        .lines()
        .find(|r| r.trim_start().starts_with("1 "))
        .unwrap_or_else(|| panic!("no rank 1 in:\n{tekst}"));
    assert!(eerste.contains("Hotel De Zonnehoek 1 (demo)"), "{eerste}");
    assert!(
        eerste.contains(" 100 ") && eerste.contains("geschikt"),
        "{eerste}"
    );
    assert!(eerste.trim_end().ends_with("akkoord"), "{eerste}");
    assert_eq!(tekst.matches("niet beoordeeld").count(), 4, "{tekst}");
    let utrecht = tekst
        .lines()
        .find(|r| r.starts_with("Utrecht "))
        .unwrap_or_else(|| panic!("no municipality row in:\n{tekst}"));
    let getallen: Vec<&str> = utrecht.split_whitespace().skip(1).collect();
    assert_eq!(getallen[0..2], ["5", "1"], "{utrecht}");
    assert_eq!(
        getallen[2], getallen[3],
        "decided units are convertible: {utrecht}"
    );

    let dossier = opvang(&db, &["ombouw", "dossier", "--locatie", "1"]);
    assert!(dossier.status.success(), "{}", stderr(&dossier));
    let tekst = stdout(&dossier);
    for regel in [
        "Ombouwdossier — Hotel De Zonnehoek 1 (demo) (Utrecht)",
        "Score: 100 van 100; categorie: geschikt",
        "criteriaset versie 1",
        ": besloten, besluit akkoord",
        "Opgesteld door Anna de Planner, ingediend door Anna de Planner op 2-11-2026",
        "Besloten door Bert de Beoordelaar op 2-11-2026",
    ] {
        assert!(tekst.contains(regel), "{regel:?} not in:\n{tekst}");
    }
    let fout = opvang(&db, &["ombouw", "dossier", "--locatie", "999"]);
    assert!(!fout.status.success());
    assert!(stderr(&fout).contains("Locatie 999 bestaat niet."));

    let pdf = db.with_file_name("dossier.pdf");
    let met_pdf = opvang(
        &db,
        &[
            "ombouw",
            "dossier",
            "--locatie",
            "1",
            "--pdf",
            pdf.to_str().unwrap(),
        ],
    );
    assert!(met_pdf.status.success(), "{}", stderr(&met_pdf));
    assert!(stdout(&met_pdf).contains("Ombouwdossier — Hotel De Zonnehoek 1 (demo)"));
    assert!(stdout(&met_pdf).contains("Dossier als PDF geschreven naar"));
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));

    let geschikt = opvang(&db, &["ombouw", "portefeuille", "--categorie", "geschikt"]);
    assert!(geschikt.status.success(), "{}", stderr(&geschikt));
    assert!(!stdout(&geschikt).contains("niet beoordeeld"));

    let fout = opvang(&db, &["ombouw", "portefeuille", "--gemeente", "GM9999"]);
    assert!(!fout.status.success());
    assert!(
        stderr(&fout).contains("Onbekende gemeentecode \"GM9999\""),
        "{}",
        stderr(&fout)
    );
}

const IMPORT_CSV: &str = "\u{feff}Bezetting november;;;\n\
    Gemeentecode;Locatie;Adres;Type;Capaciteit;Niet inzetbaar;Bezet ontheemden;Peildatum\n\
    GM0344;Hotel Zuid;Stationsweg 12, 3511 AB Utrecht;Hotel;1.024;4;900;2-11-2026\n\
    GM0344;Kantoor Noord;;Kantoor;200;0;150;02-11-2026\n";

#[test]
fn import_dry_run_then_import_then_again_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("import.db");
    let csv = dir.path().join("bezetting.csv");
    std::fs::write(&csv, IMPORT_CSV).unwrap();
    let csv_arg = csv.to_str().unwrap();

    let proef = opvang(&db, &["import", csv_arg, "--dry-run"]);
    assert!(proef.status.success(), "{}", stderr(&proef));
    assert!(stdout(&proef).contains("Proefimport (niets opgeslagen): 2 rijen"));
    assert!(stdout(&proef).contains("Nieuwe locaties: 2"));
    assert_eq!(
        waarde(
            &stdout(&opvang(&db, &["status"])),
            "Locaties met capaciteit"
        ),
        "0"
    );

    let echt = opvang(&db, &["import", csv_arg]);
    assert!(echt.status.success(), "{}", stderr(&echt));
    assert!(stdout(&echt).contains("Nieuwe peilingen: 2"));
    let status = stdout(&opvang(&db, &["status", "--peildatum", "2026-11-02"]));
    assert_eq!(waarde(&status, "Gerealiseerde plaatsen"), "1.224");

    let opnieuw = opvang(&db, &["import", csv_arg]);
    assert!(opnieuw.status.success(), "{}", stderr(&opnieuw));
    assert!(stdout(&opnieuw).contains("Nieuwe locaties: 0"));
    assert!(stdout(&opnieuw).contains("Ongewijzigde peilingen: 2"));
    assert_eq!(
        stdout(&opvang(&db, &["status", "--peildatum", "2026-11-02"])),
        status
    );
}

#[test]
fn import_refusals_are_dutch_and_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("fout.db");
    let csv = dir.path().join("fout.csv");
    std::fs::write(
        &csv,
        format!("{IMPORT_CSV}GM0344;Slecht;;;12,5;0;0;2-11-2026\n"),
    )
    .unwrap();
    let fout = opvang(&db, &["import", csv.to_str().unwrap()]);
    assert!(!fout.status.success());
    let melding = stderr(&fout);
    assert!(
        melding.contains("Rij 5, kolom Capaciteit: \"12,5\" is geen geheel aantal"),
        "{melding}"
    );
    assert!(melding.contains("Fout: Het bestand is niet geïmporteerd: 1 fout(en)."));
    assert_eq!(
        waarde(
            &stdout(&opvang(&db, &["status"])),
            "Locaties met capaciteit"
        ),
        "0"
    );

    let xlsx = dir.path().join("werkblad.xlsx");
    std::fs::write(&xlsx, b"PK").unwrap();
    let geweigerd = opvang(&db, &["import", xlsx.to_str().unwrap()]);
    assert!(!geweigerd.status.success());
    assert!(stderr(&geweigerd).contains("Fout: Het werkboek kan niet worden gelezen"));
    let docx = dir.path().join("notities.docx");
    std::fs::write(&docx, b"").unwrap();
    let anders = opvang(&db, &["import", docx.to_str().unwrap()]);
    assert!(!anders.status.success());
    assert!(stderr(&anders).contains("notities.docx is geen CSV-, XLSX- of ODS-bestand."));
}

#[test]
fn import_with_a_saved_mapping() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("koppeling.db");
    let csv = dir.path().join("eigen.csv");
    std::fs::write(
        &csv,
        "Plek,Gemeente,Datum,Bedden\nDe Boot,Utrecht,2026-11-02,80\n",
    )
    .unwrap();
    let koppeling = dir.path().join("koppeling.json");
    std::fs::write(
        &koppeling,
        r#"{"kolommen":[{"kop":"Plek","veld":"locatie"},{"kop":"Gemeente","veld":"gemeente"},
            {"kop":"Datum","veld":"peildatum"},{"kop":"Bedden","veld":"capaciteit"}]}"#,
    )
    .unwrap();
    let zonder = opvang(&db, &["import", csv.to_str().unwrap()]);
    assert!(!zonder.status.success());
    assert!(stderr(&zonder).contains("Geen kolom gekoppeld aan Locatie."));
    let met = opvang(
        &db,
        &[
            "import",
            csv.to_str().unwrap(),
            "--mapping",
            koppeling.to_str().unwrap(),
        ],
    );
    assert!(met.status.success(), "{}", stderr(&met));
    assert!(stdout(&met).contains("Nieuwe locaties: 1"));
    assert!(stderr(&met).contains("De koppeling is opgeslagen voor bestanden met deze kolommen."));

    // The next file with the same headings uses the saved mapping without --mapping.
    let volgende = dir.path().join("volgende.csv");
    std::fs::write(
        &volgende,
        "Plek,Gemeente,Datum,Bedden\nDe Boot,Utrecht,2026-11-09,90\n",
    )
    .unwrap();
    let opnieuw = opvang(&db, &["import", volgende.to_str().unwrap()]);
    assert!(opnieuw.status.success(), "{}", stderr(&opnieuw));
    assert!(stderr(&opnieuw).contains("Opgeslagen koppeling gebruikt voor deze kolommen."));
    assert!(stdout(&opnieuw).contains("Capaciteitswijzigingen: 1"));
}

#[test]
fn saved_scenarios_are_listed_used_by_plan_and_deleted() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("scenario.db");
    assert!(opvang(&db, &["demo"]).status.success());
    let json = stdout(&opvang(&db, &["scenario", "hoge_instroom"]));
    let bestand = dir.path().join("krimp.json");
    std::fs::write(&bestand, json).unwrap();
    let opslaan = opvang(
        &db,
        &[
            "scenario",
            "opslaan",
            bestand.to_str().unwrap(),
            "--naam",
            "Krimp",
        ],
    );
    assert!(opslaan.status.success(), "{}", stderr(&opslaan));
    assert!(stdout(&opslaan).contains("Scenario Krimp opgeslagen (versie 1)."));
    // Saving again updates the saved scenario.
    let opnieuw = opvang(
        &db,
        &[
            "scenario",
            "opslaan",
            bestand.to_str().unwrap(),
            "--naam",
            "Krimp",
        ],
    );
    assert!(
        stdout(&opnieuw).contains("(versie 2)"),
        "{}",
        stderr(&opnieuw)
    );
    let lijst = stdout(&opvang(&db, &["scenario", "lijst"]));
    assert!(lijst.starts_with("standaard"), "{lijst}");
    assert!(lijst
        .lines()
        .any(|r| r.starts_with("Krimp") && r.contains("opgeslagen door")));
    assert!(stdout(&opvang(&db, &["scenario", "Krimp"])).contains("\"naam\": \"Krimp\""));

    let uit = dir.path().join("krimp.csv");
    let plan = opvang(
        &db,
        &[
            "plan",
            "--scenario",
            "Krimp",
            "--runs",
            "0",
            "--out",
            uit.to_str().unwrap(),
        ],
    );
    assert!(plan.status.success(), "{}", stderr(&plan));
    assert!(stdout(&plan).starts_with("Scenario Krimp: 0 runs"));

    let weg = opvang(&db, &["scenario", "verwijderen", "standaard"]);
    assert!(!weg.status.success());
    assert!(stderr(&weg).contains("ingebouwd scenario"));
    assert!(opvang(&db, &["scenario", "verwijderen", "Krimp"])
        .status
        .success());
    let plan = opvang(
        &db,
        &[
            "plan",
            "--scenario",
            "Krimp",
            "--runs",
            "0",
            "--out",
            uit.to_str().unwrap(),
        ],
    );
    assert!(!plan.status.success());
    assert!(
        stderr(&plan).contains("Scenario \"Krimp\" bestaat niet"),
        "{}",
        stderr(&plan)
    );
}

#[test]
fn plan_optimaliseer_explains_each_location_in_dutch() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("optimaliseer.db");
    assert!(opvang(&db, &["demo"]).status.success());
    let uit = opvang(
        &db,
        &[
            "plan",
            "optimaliseer",
            "--runs",
            "20",
            "--gemeente",
            "GM0344",
            "--kosten-per-plaats-per-dag",
            "83",
        ],
    );
    assert!(uit.status.success(), "{}", stderr(&uit));
    let tekst = stdout(&uit);
    assert!(tekst.starts_with("Plan voor scenario standaard"), "{tekst}");
    assert!(tekst.contains("Utrecht (GM0344)"), "{tekst}");
    assert!(tekst.contains("Kosten van de besluiten"), "{tekst}");
    let fout = opvang(&db, &["plan", "optimaliseer", "--bezettingsdoel", "120"]);
    assert!(!fout.status.success());
    assert!(stderr(&fout).contains("bezettingsdoel moet tussen 50% en 100%"));
}

#[test]
fn help_and_output_follow_the_language() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("taal.db");
    let engels = stdout(&opvang(&db, &["--taal", "en", "status", "--help"]));
    for tekst in [
        "Shows the totals on a reference date",
        "Usage: opvang status [OPTIONS]",
        "Options:",
        "--peildatum <YYYY-MM-DD>  Reference date as YYYY-MM-DD",
        "Print help",
    ] {
        assert!(engels.contains(tekst), "{tekst:?} not in:\n{engels}");
    }
    let nederlands = stdout(&opvang(&db, &["status", "--help"]));
    for tekst in [
        "Toont de totalen op een peildatum",
        "Gebruik: opvang status [OPTIES]",
        "Opties:",
        "--peildatum <JJJJ-MM-DD>  Peildatum als JJJJ-MM-DD",
        "Toon deze hulp",
    ] {
        assert!(
            nederlands.contains(tekst),
            "{tekst:?} not in:\n{nederlands}"
        );
    }
    assert!(!nederlands.contains("Usage"), "{nederlands}");
    let via_omgeving = Command::new(env!("CARGO_BIN_EXE_opvang"))
        .args(["status", "--help"])
        .env("OPVANG_TAAL", "en")
        .output()
        .unwrap();
    assert!(stdout(&via_omgeving).contains("Usage: opvang status [OPTIONS]"));

    assert!(opvang(&db, &["demo"]).status.success());
    let status = opvang(
        &db,
        &["--taal", "en", "status", "--peildatum", "2026-11-23"],
    );
    assert!(status.status.success(), "{}", stderr(&status));
    let tekst = stdout(&status);
    assert!(
        tekst.starts_with("Situation on 23/11/2026 — all municipalities"),
        "{tekst}"
    );
    assert_eq!(waarde(&tekst, "Locations with capacity"), "37");
    let gerealiseerd = waarde(&tekst, "Realised places");
    assert!(
        gerealiseerd.contains(',') && !gerealiseerd.contains('.'),
        "en-GB thousands: {gerealiseerd}"
    );
    let graad = waarde(&tekst, "Occupancy rate (occupied/realised)");
    assert!(graad.ends_with('%') && graad.contains('.'), "{graad}");
    assert!(
        tekst.contains("Outdated counts (older than 14 days): "),
        "{tekst}"
    );
    let nl = stdout(&opvang(&db, &["status", "--peildatum", "2026-11-23"]));
    assert_eq!(
        waarde(&nl, "Gerealiseerde plaatsen"),
        gerealiseerd.replace(',', ".")
    );

    let fout = opvang(
        &db,
        &["--taal", "en", "status", "--peildatum", "2026-13-01"],
    );
    assert_eq!(fout.status.code(), Some(2));
    assert!(
        stderr(&fout).starts_with(
            "Error: --peildatum <YYYY-MM-DD>: invalid date \"2026-13-01\"; use YYYY-MM-DD"
        ),
        "{}",
        stderr(&fout)
    );
    let fout = opvang(&db, &["status", "--onbekend"]);
    assert_eq!(fout.status.code(), Some(2));
    assert!(
        stderr(&fout).starts_with("Fout: onbekend argument --onbekend"),
        "{}",
        stderr(&fout)
    );
    assert!(stderr(&fout).contains("Gebruik: opvang status [OPTIES]"));
}
