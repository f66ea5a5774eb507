//! Shell wiring: commands are registered, reach opvang-core and cross IPC as the front end expects.

use std::path::PathBuf;

use opvangplanner_lib::{app_builder, AppState};
use serde_json::{json, Value};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{get_ipc_response, mock_builder, mock_context, noop_assets, MockRuntime};
use tauri::webview::InvokeRequest;
use tauri::{App, Manager, WebviewWindow, WebviewWindowBuilder};

/// A mock app over a fresh database file that is deleted when the test ends.
struct Shell {
    _app: App<MockRuntime>,
    window: WebviewWindow<MockRuntime>,
    dir: PathBuf,
}

impl Shell {
    fn new(naam: &str) -> Shell {
        let dir = std::env::temp_dir().join(format!("opvang-wiring-{}-{naam}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp dir");
        let state = tauri::async_runtime::block_on(AppState::open(&dir.join("test.db")))
            .expect("database opens");
        let app = app_builder(mock_builder())
            .manage(state)
            .build(mock_context(noop_assets()))
            .expect("app builds");
        let window = WebviewWindowBuilder::new(&app, "main", Default::default())
            .build()
            .expect("window builds");
        Shell {
            _app: app,
            window,
            dir,
        }
    }

    /// Invokes `cmd` with JSON arguments as the front end would; Ok or Err carry the JSON payload.
    fn invoke(&self, cmd: &str, args: Value) -> Result<Value, Value> {
        get_ipc_response(
            &self.window,
            InvokeRequest {
                cmd: cmd.into(),
                callback: CallbackFn(0),
                error: CallbackFn(1),
                url: "tauri://localhost".parse().unwrap(),
                body: InvokeBody::Json(args),
                headers: Default::default(),
                invoke_key: tauri::test::INVOKE_KEY.to_string(),
            },
        )
        .map(|body| body.deserialize::<Value>().expect("JSON response"))
    }
}

impl Shell {
    /// Invokes `cmd` with a raw byte body, as the front end sends a chosen file.
    fn invoke_raw(&self, cmd: &str, bytes: &[u8]) -> Result<Value, Value> {
        get_ipc_response(
            &self.window,
            InvokeRequest {
                cmd: cmd.into(),
                callback: CallbackFn(0),
                error: CallbackFn(1),
                url: "tauri://localhost".parse().unwrap(),
                body: InvokeBody::Raw(bytes.to_vec()),
                headers: Default::default(),
                invoke_key: tauri::test::INVOKE_KEY.to_string(),
            },
        )
        .map(|body| body.deserialize::<Value>().expect("JSON response"))
    }
}

impl Drop for Shell {
    fn drop(&mut self) {
        if let Some(state) = self.window.app_handle().try_state::<AppState>() {
            tauri::async_runtime::block_on(async { state.db().await.close().await });
        }
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn locatie_invoer(gemeente_code: &str) -> Value {
    json!({
        "gemeente_code": gemeente_code,
        "naam": "Hotel De Linde",
        "straat": "Lindelaan",
        "huisnummer": "1",
        "postcode": "3511 AA",
        "plaats": "Utrecht",
        "lat": null,
        "lon": null,
        "bag_id": null,
        "soort": "hotel_pension",
        "beheerder": "gemeente",
        "openingsdatum": null,
        "einddatum": null,
        "vergunning": null,
        "financiering": "booo",
        "wooneenheden": null,
        "eigen_voordeur": false,
        "eigen_keuken": false,
        "eigen_sanitair": false,
        "vloeroppervlak": null,
        "kosten_per_jaar": null,
        "pipeline_kans": null,
        "notities": ""
    })
}

#[test]
fn gemeenten_lists_all_342_municipalities() {
    let shell = Shell::new("gemeenten");
    let gemeenten = shell.invoke("gemeenten", json!({})).expect("gemeenten");
    let lijst = gemeenten.as_array().expect("an array");
    assert_eq!(lijst.len(), 342);
    assert!(lijst
        .iter()
        .any(|g| g["code"] == "GM0344" && g["naam"] == "Utrecht"));
}

#[test]
fn unknown_municipality_code_is_a_validation_error_with_field() {
    let shell = Shell::new("onbekend");
    let fout = shell
        .invoke(
            "locatie_toevoegen",
            json!({ "invoer": locatie_invoer("GM9999") }),
        )
        .expect_err("an unknown code is refused");
    let object = fout.as_object().expect("an object");
    let mut sleutels: Vec<&str> = object.keys().map(String::as_str).collect();
    sleutels.sort_unstable();
    assert_eq!(
        sleutels,
        ["code", "field", "message"],
        "exactly code, message and field: {fout}"
    );
    assert_eq!(fout["code"], "validatie");
    assert_eq!(fout["field"], "gemeente_code");
    let message = fout["message"].as_str().expect("a message");
    assert!(
        message.starts_with("Onbekende gemeentecode"),
        "Dutch message naming the code: {message}"
    );
    assert!(message.contains("GM9999"), "{message}");
}

#[test]
fn added_location_comes_back_with_its_municipality() {
    let shell = Shell::new("toevoegen");
    let locatie = shell
        .invoke(
            "locatie_toevoegen",
            json!({ "invoer": locatie_invoer("GM0344") }),
        )
        .expect("a valid location is stored");
    assert_eq!(locatie["naam"], "Hotel De Linde");
    assert_eq!(locatie["gemeente_naam"], "Utrecht");
    let opnieuw = shell
        .invoke("locatie", json!({ "id": locatie["id"] }))
        .expect("the stored location");
    assert_eq!(opnieuw, locatie);
}

#[test]
fn dashboard_on_an_empty_database_has_zero_totals_and_no_rate() {
    let shell = Shell::new("dashboard");
    let dashboard = shell
        .invoke(
            "dashboard",
            json!({
                "peildatum": "2026-11-23",
                "gebied": { "soort": "land", "code": null }
            }),
        )
        .expect("dashboard");
    assert_eq!(dashboard["peildatum"], "2026-11-23");
    let totalen = &dashboard["totalen"];
    for veld in [
        "locaties",
        "gerealiseerd",
        "niet_inzetbaar",
        "inzetbaar",
        "bezet",
        "vrij",
        "verouderd",
        "overbezet",
        "zonder_peiling",
    ] {
        assert_eq!(totalen[veld], 0, "{veld} in {totalen}");
    }
    assert_eq!(totalen["graad"], Value::Null);
    assert_eq!(totalen["graad_inzetbaar"], Value::Null);
    assert_eq!(dashboard["per_gemeente"], json!([]));
    assert_eq!(dashboard["signalen"], json!([]));
}

#[test]
fn a_bad_argument_is_rejected_before_reaching_core() {
    let shell = Shell::new("argument");
    let fout = shell
        .invoke(
            "dashboard",
            json!({ "peildatum": "23-11-2026", "gebied": { "soort": "land", "code": null } }),
        )
        .expect_err("a non-ISO date is refused");
    assert!(
        fout.as_str().is_some_and(|s| s.contains("peildatum")),
        "{fout}"
    );
}

#[test]
fn team_server_commands_refuse_bad_settings_and_a_local_copy() {
    let shell = Shell::new("teamserver");
    let fout = shell
        .invoke(
            "server_verbinden",
            json!({
                "instellingen": { "host": "", "poort": 5432, "database": "opvang", "gebruiker": "anna" },
                "wachtwoord": "geheim",
                "onthouden": true
            }),
        )
        .expect_err("an empty host is refused");
    assert_eq!(fout["code"], "validatie");
    assert_eq!(fout["field"], "host");
    assert_eq!(fout["message"], "Vul het serveradres in.");

    let fout = shell
        .invoke(
            "kopieer_lokaal_naar_server",
            json!({ "voortgang": "__CHANNEL__:1" }),
        )
        .expect_err("copying needs a connected team server");
    assert_eq!(fout["code"], "validatie");
    assert!(
        fout["message"]
            .as_str()
            .unwrap()
            .starts_with("Verbind eerst met de teamserver"),
        "{fout}"
    );
    assert_eq!(shell.invoke("opstartmelding", json!({})), Ok(Value::Null));
}

#[test]
fn auditlog_export_writes_csv_or_a_dutch_file_error() {
    let shell = Shell::new("auditlog");
    shell
        .invoke(
            "locatie_toevoegen",
            json!({ "invoer": locatie_invoer("GM0344") }),
        )
        .expect("a location is stored");
    let pad = shell.dir.join("log.csv");
    let aantal = shell
        .invoke(
            "auditlog_exporteren",
            json!({ "locatie_id": null, "pad": pad }),
        )
        .expect("the log is written");
    assert_eq!(aantal, 1);
    assert!(std::fs::read(&pad).unwrap().starts_with(b"\xEF\xBB\xBF"));
    let fout = shell
        .invoke(
            "auditlog_exporteren",
            json!({ "locatie_id": 1, "pad": shell.dir.join("geen/map/log.csv") }),
        )
        .expect_err("a missing folder is a file error");
    assert_eq!(fout["code"], "bestand");
}

#[test]
fn planning_lists_scenarios_projects_and_reports_a_bad_range_on_its_field() {
    let shell = Shell::new("planning");
    let scenarios = shell.invoke("scenarios", json!({})).expect("scenarios");
    let namen: Vec<&str> = scenarios
        .as_array()
        .expect("a list")
        .iter()
        .map(|s| s["scenario"]["naam"].as_str().expect("naam"))
        .collect();
    assert_eq!(namen, ["standaard", "hoge_instroom", "snelle_doorstroom"]);
    let scenarios: Vec<serde_json::Value> = scenarios
        .as_array()
        .expect("a list")
        .iter()
        .map(|s| s["scenario"].clone())
        .collect();
    shell
        .invoke(
            "locatie_toevoegen",
            json!({ "invoer": locatie_invoer("GM0344") }),
        )
        .expect("a valid location is stored");
    let overzicht = shell
        .invoke(
            "plan_projecteren",
            json!({ "scenario": scenarios[0], "start": "2026-11-23", "runs": 20, "seed": 7 }),
        )
        .expect("a projection");
    assert_eq!(overzicht["runs"], 20);
    assert_eq!(overzicht["gebieden"][0]["code"], "NL");
    assert!(overzicht["gebieden"]
        .as_array()
        .expect("areas")
        .iter()
        .all(|g| g["soort"] == "land" || g["soort"] == "provincie"));
    assert_eq!(overzicht["gemeenten"][0]["code"], "GM0344");

    let mut fout_scenario = scenarios[0].clone();
    fout_scenario["overgang"]["maanden"] = json!({ "min": 9, "max": 3 });
    let fout = shell
        .invoke(
            "plan_projecteren",
            json!({ "scenario": fout_scenario, "start": "2026-11-23", "runs": 20, "seed": 7 }),
        )
        .expect_err("min above max is refused");
    assert_eq!(fout["code"], "validatie");
    assert_eq!(fout["field"], "maanden");
}

#[test]
fn ombouw_assessment_review_and_four_eyes_refusal_cross_ipc() {
    let shell = Shell::new("ombouw");
    let locatie = shell
        .invoke(
            "locatie_toevoegen",
            json!({ "invoer": locatie_invoer("GM0344") }),
        )
        .expect("location");
    let set = shell
        .invoke("ombouw_criteriaset", json!({}))
        .expect("the default criteria set");
    let mut invoer = shell
        .invoke(
            "beoordeling_voorinvullen",
            json!({ "locatie_id": locatie["id"], "criteriaset_id": set["id"], "datum": "2026-11-23" }),
        )
        .expect("pre-filled input");
    for s in invoer["scores"].as_array_mut().expect("scores") {
        if s["score"].is_null() {
            s["score"] = json!(3);
            s["onderbouwing"] = json!("Bezocht.");
        }
    }
    let beoordeling = shell
        .invoke(
            "beoordeling_opslaan",
            json!({ "id": null, "versie": null, "invoer": invoer }),
        )
        .expect("saved assessment");
    assert!(beoordeling["uitslag"]["totaal"].is_i64());

    let review = shell
        .invoke(
            "review_starten",
            json!({ "beoordeling_id": beoordeling["id"] }),
        )
        .expect("review started");
    let review = shell
        .invoke(
            "review_indienen",
            json!({ "review_id": review["id"], "versie": review["versie"], "datum": "2026-11-23" }),
        )
        .expect("review submitted");
    assert_eq!(review["status"], "ter_beoordeling");
    let fout = shell
        .invoke(
            "review_besluiten",
            json!({ "invoer": { "review_id": review["id"], "versie": review["versie"],
                "besluit": "akkoord", "besluitdatum": "2026-11-23", "toelichting": "" } }),
        )
        .expect_err("the assessor may not decide");
    assert_eq!(fout["field"], "beoordelaar");

    // An attachment chosen in the open dialog keeps its SHA-256; the check sees it unchanged.
    let bijlage = shell.dir.join("raadsvoorstel.txt");
    std::fs::write(&bijlage, b"abc").expect("attachment written");
    let review = shell
        .invoke(
            "review_bijlage",
            json!({ "review_id": review["id"], "pad": bijlage }),
        )
        .expect("attachment added");
    assert_eq!(
        review["bijlagen"][0]["sha256"],
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    );
    let controles = shell
        .invoke(
            "ombouw_bijlagen_controleren",
            json!({ "locatie_id": locatie["id"] }),
        )
        .expect("attachments checked");
    assert_eq!(controles[0]["staat"], "ongewijzigd");

    // The dossier is written as PDF to the path chosen in the save dialog.
    let pdf = shell.dir.join("dossier.pdf");
    shell
        .invoke(
            "ombouw_dossier_pdf",
            json!({ "locatie_id": locatie["id"], "pad": pdf }),
        )
        .expect("dossier written");
    assert!(std::fs::read(&pdf).expect("pdf").starts_with(b"%PDF-"));

    // A new criteria set version: a Dutch error on the field, then version 2.
    let mut set = shell
        .invoke("ombouw_criteriaset", json!({}))
        .expect("criteria set");
    set["naam"] = json!(" ");
    let fout = shell
        .invoke(
            "ombouw_criteriaset_nieuwe_versie",
            json!({ "invoer": { "naam": set["naam"], "criteria": set["criteria"] } }),
        )
        .expect_err("a name is required");
    assert_eq!(fout["code"], "validatie");
    assert_eq!(fout["field"], "naam");
    let nieuw = shell
        .invoke(
            "ombouw_criteriaset_nieuwe_versie",
            json!({ "invoer": { "naam": "Versie twee", "criteria": set["criteria"] } }),
        )
        .expect("version 2");
    assert_eq!(nieuw["nummer"], 2);
    let sets = shell
        .invoke("ombouw_criteriasets", json!({}))
        .expect("all versions");
    assert_eq!(sets.as_array().map(Vec::len), Some(2));

    let reviews = shell
        .invoke("reviews", json!({ "locatie_id": locatie["id"] }))
        .expect("history");
    assert_eq!(reviews.as_array().map(Vec::len), Some(1));
    let portefeuille = shell
        .invoke(
            "ombouw_portefeuille",
            json!({ "filter": { "gemeente_code": null, "categorie": null } }),
        )
        .expect("portfolio");
    assert_eq!(portefeuille["regels"][0]["rang"], 1);
}

#[test]
fn vng_report_crosses_ipc_with_rows_totals_and_checks() {
    let shell = Shell::new("vng");
    let locatie = shell
        .invoke(
            "locatie_toevoegen",
            json!({ "invoer": locatie_invoer("GM0344") }),
        )
        .expect("location added");
    shell
        .invoke(
            "capaciteit_toevoegen",
            json!({ "invoer": { "locatie_id": locatie["id"], "vanaf": "2026-01-01",
                "tot_en_met": null, "plaatsen": 40 } }),
        )
        .expect("capacity added");
    let rapport = shell
        .invoke("vng_rapport", json!({ "peildatum": "2026-11-23" }))
        .expect("report");
    assert_eq!(rapport["schemaversie"], 1);
    assert_eq!(rapport["totalen"]["gerealiseerd"], 40);
    assert_eq!(rapport["rijen"][0]["gemeente_code"], "GM0344");
    assert_eq!(rapport["rijen"][0]["soort"], "hotel_pension");
    assert_eq!(rapport["controles"][0]["soort"], "geen_peiling");
    assert_eq!(rapport["controles"][0]["locatie_naam"], "Hotel De Linde");

    let pad = shell.dir.join("vng.xlsx");
    let rijen = shell
        .invoke(
            "vng_rapport_exporteren",
            json!({ "peildatum": "2026-11-23", "formaat": "xlsx", "pad": pad }),
        )
        .expect("exported");
    assert_eq!(rijen, 1);
    assert!(std::fs::read(&pad)
        .expect("file written")
        .starts_with(b"PK"));
    let fout = shell
        .invoke(
            "vng_rapport_exporteren",
            json!({ "peildatum": "2026-11-23", "formaat": "csv",
                "pad": shell.dir.join("geen/map/vng.csv") }),
        )
        .expect_err("no such folder");
    assert_eq!(fout["code"], "bestand");

    let json_pad = shell.dir.join("vng.json");
    shell
        .invoke(
            "vng_rapport_exporteren",
            json!({ "peildatum": "2026-11-23", "formaat": "json", "pad": json_pad }),
        )
        .expect("json exported");
    // Received report files: the body frames the files as the UI's api does.
    let xlsx = std::fs::read(&pad).unwrap();
    let json_bytes = std::fs::read(&json_pad).unwrap();
    let lijst = serde_json::to_vec(&json!([
        ["utrecht.xlsx", xlsx.len()],
        ["utrecht.json", json_bytes.len()]
    ]))
    .unwrap();
    let mut body = (lijst.len() as u32).to_le_bytes().to_vec();
    body.extend(&lijst);
    body.extend(&xlsx);
    body.extend(&json_bytes);
    let ontvangst = shell
        .invoke_raw("vng_ontvangen_toevoegen", &body)
        .expect("received");
    assert_eq!(ontvangst, json!({ "toegevoegd": 2, "al_ontvangen": 0 }));
    let overzicht = shell.invoke("vng_ontvangen", json!({})).expect("overview");
    let samen = &overzicht["aggregatie"];
    assert_eq!(samen["rapporten"][0]["totalen"]["gerealiseerd"], 40);
    assert_eq!(samen["dubbel"], 1);
    assert_eq!(samen["conflicten"], json!([]));
    assert_eq!(overzicht["bestanden"].as_array().unwrap().len(), 2);
    let uit = shell.dir.join("samen.csv");
    let rijen = shell
        .invoke(
            "vng_aggregatie_exporteren",
            json!({ "peildatum": "2026-11-23", "formaat": "csv", "pad": uit }),
        )
        .expect("aggregate exported");
    assert_eq!(rijen, 1);
    let fout = shell
        .invoke(
            "vng_aggregatie_exporteren",
            json!({ "peildatum": "2020-01-01", "formaat": "csv", "pad": uit }),
        )
        .expect_err("no reports at that date");
    assert_eq!(fout["code"], "niet_gevonden");
    let fout = shell
        .invoke_raw("vng_ontvangen_toevoegen", &body[..body.len() - 1])
        .expect_err("a truncated body");
    assert_eq!(fout["code"], "bestand");
    let id = overzicht["bestanden"][0]["id"].clone();
    shell
        .invoke("vng_ontvangen_verwijderen", json!({ "id": id }))
        .expect("removed");
    let overzicht = shell.invoke("vng_ontvangen", json!({})).unwrap();
    assert_eq!(overzicht["bestanden"].as_array().unwrap().len(), 1);

    let jaar = shell.dir.join("jaar.xlsx");
    let locaties = shell
        .invoke(
            "jaarwerkboek_exporteren",
            json!({ "jaar": 2026, "pad": jaar }),
        )
        .expect("workbook");
    assert_eq!(locaties, 1);
    assert!(std::fs::read(&jaar).expect("written").starts_with(b"PK"));
}

#[test]
fn import_receives_reads_previews_and_imports_a_file_and_reuses_a_corrected_mapping() {
    let shell = Shell::new("import");
    let fout = shell
        .invoke(
            "import_voorbeeld",
            json!({ "koppeling": { "kolommen": [] }, "voortgang": "__CHANNEL__:1" }),
        )
        .expect_err("nothing read yet");
    assert_eq!(fout["message"], "Kies eerst een bestand om te importeren.");

    let csv = "Opvang Utrecht;;;\nGemeente;Plek;Peildatum;Capaciteit;Bezet ontheemden\n\
               Utrecht;Hotel Zuid;2-11-2026;120;100\nUtrecht;Kantoor Noord;2-11-2026;1.024;900\n";
    assert_eq!(
        shell.invoke_raw("import_ontvangen", csv.as_bytes()),
        Ok(json!(csv.len()))
    );
    let bestand = shell
        .invoke("import_lezen", json!({ "naam": "opvang.csv" }))
        .expect("the file is read");
    assert_eq!(bestand["kopregel"], 2);
    assert_eq!(bestand["rijen"], 2);
    assert_eq!(bestand["opgeslagen"], false);
    assert_eq!(
        bestand["koppeling"]["kolommen"][1],
        json!({ "kop": "Plek", "veld": null })
    );

    let mut koppeling = bestand["koppeling"].clone();
    koppeling["kolommen"][1]["veld"] = json!("locatie");
    let voorbeeld = shell
        .invoke(
            "import_voorbeeld",
            json!({ "koppeling": koppeling, "voortgang": "__CHANNEL__:2" }),
        )
        .expect("a preview");
    assert_eq!(voorbeeld["fouten"], 0);
    assert_eq!(voorbeeld["koppeling_opgeslagen"], true);
    assert_eq!(voorbeeld["resultaat"]["nieuwe_locaties"], 2);
    assert_eq!(voorbeeld["resultaat"]["proef"], true);

    let resultaat = shell
        .invoke(
            "import_uitvoeren",
            json!({ "koppeling": koppeling, "voortgang": "__CHANNEL__:3" }),
        )
        .expect("the import");
    assert_eq!(resultaat["nieuwe_peilingen"], 2);
    assert_eq!(resultaat["proef"], false);

    // The same headings again: the corrected mapping comes back.
    shell
        .invoke_raw("import_ontvangen", csv.as_bytes())
        .unwrap();
    let opnieuw = shell
        .invoke("import_lezen", json!({ "naam": "opvang.csv" }))
        .unwrap();
    assert_eq!(opnieuw["opgeslagen"], true);
    assert_eq!(opnieuw["koppeling"], koppeling);

    shell.invoke_raw("import_ontvangen", b"leeg").unwrap();
    let fout = shell
        .invoke("import_lezen", json!({ "naam": "notities.docx" }))
        .expect_err("not a spreadsheet");
    assert_eq!(fout["code"], "bestand");
    assert_eq!(
        fout["message"],
        "notities.docx is geen CSV-, XLSX- of ODS-bestand."
    );
}
