//! Tests of the report files: each format reads back to the same totals, malformed files give
//! Dutch errors naming file, row and column, formula-like text stays inert, JSON follows its schema.

use super::tests::demo_db;
use super::*;
use crate::locations::{voorbeeld_invoer, CapaciteitInvoer};

const INJECTIE: &str = "=HYPERLINK(\"http://x\")";

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// The demo report plus a location named like a formula that has no snapshot (so it is checked).
async fn rapport_met_injectie() -> VngRapport {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path()).await;
    let l = db
        .locatie_toevoegen(&voorbeeld_invoer("GM0344", INJECTIE), d("2026-11-01"))
        .await
        .unwrap();
    db.capaciteit_toevoegen(&CapaciteitInvoer {
        locatie_id: l.id,
        vanaf: d("2026-01-01"),
        tot_en_met: None,
        plaatsen: 12,
    })
    .await
    .unwrap();
    let r = rapport(&db, d("2026-11-23")).await.unwrap();
    db.close().await;
    r
}

#[tokio::test]
async fn every_format_reads_back_to_identical_rows_and_totals() {
    let mut r = rapport_met_injectie().await;
    // A municipality name from someone else's file could carry a formula too.
    r.rijen[0].gemeente_naam = INJECTIE.to_owned();
    for (naam, formaat) in [
        ("r.xlsx", VngFormaat::Xlsx),
        ("r.csv", VngFormaat::Csv),
        ("r.json", VngFormaat::Json),
    ] {
        let gelezen = lezen(naam, &bytes(&r, formaat).unwrap()).unwrap();
        assert_eq!(gelezen.peildatum, r.peildatum, "{naam}");
        let mut verwacht = r.rijen.clone();
        if formaat != VngFormaat::Json {
            // Spreadsheets keep the neutralising apostrophe: the text stays inert.
            verwacht[0].gemeente_naam = format!("'{INJECTIE}");
        }
        assert_eq!(gelezen.rijen, verwacht, "{naam}");
        assert_eq!(
            Totalen::som(gelezen.rijen.iter().map(|r| &r.totalen)),
            r.totalen,
            "{naam}"
        );
    }
}

#[tokio::test]
async fn csv_is_dutch_excel_with_inert_formulas() {
    let mut r = rapport_met_injectie().await;
    r.rijen[0].gemeente_naam = INJECTIE.to_owned();
    let bytes = csv::schrijven(&r, Taal::Nl).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
    let tekst = String::from_utf8(bytes[3..].to_vec()).unwrap();
    let regels: Vec<&str> = tekst.split("\r\n").collect();
    assert!(regels[0].starts_with("Peildatum;Gemeentecode;Gemeente;"));
    assert!(regels[1].starts_with("23-11-2026;"), "{}", regels[1]);
    assert!(
        regels[1].contains(r#";"'=HYPERLINK(""http://x"")";"#),
        "{}",
        regels[1]
    );
    // Rates with a decimal comma and a percent sign, as Dutch Excel reads a percentage.
    let graad = crate::format::percentage(r.rijen[0].totalen.graad);
    assert!(regels[1].contains(&format!(";{graad};")), "{}", regels[1]);
}

#[tokio::test]
async fn xlsx_has_frozen_filtered_sheets_checks_metadata_and_inert_text() {
    use calamine::Reader;
    let r = rapport_met_injectie().await;
    let bytes = xlsx::schrijven(&r, Taal::Nl).unwrap();
    let mut boek =
        calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes.clone())).unwrap();
    assert_eq!(
        boek.sheet_names(),
        vec![
            "Rapport",
            "Provincies",
            "Veiligheidsregio's",
            "Controles",
            "Metadata"
        ]
    );
    let controles = boek.worksheet_range("Controles").unwrap();
    let cel = controles
        .rows()
        .flat_map(|r| r.iter())
        .find(|c| c.to_string().contains("HYPERLINK"))
        .expect("the location is named in the checks")
        .clone();
    assert_eq!(cel, calamine::Data::String(format!("'{INJECTIE}")));
    let formules = boek.worksheet_formula("Controles").unwrap();
    assert!(formules.rows().flat_map(|r| r.iter()).all(String::is_empty));
    let meta = boek.worksheet_range("Metadata").unwrap();
    let labels: Vec<String> = meta.rows().map(|r| r[0].to_string()).collect();
    assert_eq!(
        labels,
        vec![
            "Gegeven",
            "Peildatum",
            "Gegenereerd op",
            "Schemaversie",
            "Brondatabase",
            "Peiling verouderd na (dagen)"
        ]
    );
    assert_eq!(
        meta.get((4, 1)),
        Some(&calamine::Data::String("demo.db".into()))
    );
    // Frozen header and autofilter live in the sheet XML.
    let mut zip = zip_blad(&bytes, "xl/worksheets/sheet1.xml");
    assert!(zip.contains(r#"<pane ySplit="1""#), "frozen header");
    assert!(zip.contains("<autoFilter ref=\"A1:"), "autofilter");
    zip = zip_blad(&bytes, "xl/styles.xml");
    assert!(
        zip.contains("0.0%") && zip.contains("#,##0"),
        "number formats"
    );
}

/// The text of one part of an XLSX package.
fn zip_blad(bytes: &[u8], deel: &str) -> String {
    use std::io::Read;
    let mut archief = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut tekst = String::new();
    archief
        .by_name(deel)
        .unwrap()
        .read_to_string(&mut tekst)
        .unwrap();
    tekst
}

#[tokio::test]
async fn json_follows_the_committed_schema() {
    let r = rapport_met_injectie().await;
    let schema: serde_json::Value = serde_json::from_str(include_str!(
        "../../../../../schemas/vng-rapport-v1.schema.json"
    ))
    .unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let waarde: serde_json::Value = serde_json::from_slice(&json::schrijven(&r).unwrap()).unwrap();
    let fouten: Vec<String> = validator
        .iter_errors(&waarde)
        .map(|e| e.to_string())
        .collect();
    assert!(fouten.is_empty(), "{fouten:?}");
    let mut fout = waarde.clone();
    fout["rijen"][0]["soort"] = "kasteel".into();
    assert!(!validator.is_valid(&fout));
}

#[tokio::test]
async fn pdf_has_totals_chart_and_a_table_per_province() {
    let r = rapport_met_injectie().await;
    let bytes = bytes(&r, VngFormaat::Pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF"));
    let tekst = pdf_extract::extract_text_from_mem(&bytes).unwrap();
    for verwacht in [
        "VNG-rapportage bezetting opvang",
        "Landelijke totalen",
        "Bezettingsgraad per provincie",
        "Per veiligheidsregio",
        &r.provincies[0].naam,
        &crate::format::aantal(r.totalen.gerealiseerd),
    ] {
        assert!(tekst.contains(verwacht), "{verwacht} missing in {tekst}");
    }
}

/// A valid CSV report with one cell replaced: (header, new value) on data row 1.
fn csv_met(kop: &str, waarde: &str) -> Vec<u8> {
    let tekst = "\u{feff}Peildatum;Gemeentecode;Gemeente;Provinciecode;Provincie;Veiligheidsregiocode;\
Veiligheidsregio;Locatietype;Locaties;Gerealiseerde plaatsen;Niet inzetbaar;Inzetbaar;Bezet ontheemden;\
Bezet statushouders;Bezet asielzoekers;Bezet overig;Bezet totaal;Vrij;Bezettingsgraad;\
Bezettingsgraad inzetbaar;Verouderde peilingen;Overbezette locaties;Locaties zonder peiling;\
Huur/vergunning eindigt binnen 6 maanden;Schemaversie\r\n\
23-11-2026;GM0344;Utrecht;PV26;Utrecht;VR09;Utrecht;Hotel/pension;2;1.100;10;1.090;1.000;50;0;0;1.050;40;95,5%;96,3%;0;0;0;1;1\r\n";
    let regels: Vec<&str> = tekst.split("\r\n").collect();
    let koppen: Vec<&str> = regels[0].split(';').collect();
    let mut cellen: Vec<String> = regels[1].split(';').map(str::to_owned).collect();
    if let Some(i) = koppen.iter().position(|k| *k == kop) {
        cellen[i] = waarde.to_owned();
    }
    format!("{}\r\n{}\r\n", regels[0], cellen.join(";")).into_bytes()
}

#[test]
fn malformed_files_name_file_row_and_column_in_dutch() {
    let goed = csv::lezen("goed.csv", &csv_met("", "")).unwrap();
    assert_eq!(goed.rijen[0].totalen.graad, Some(955));
    assert_eq!(goed.rijen[0].totalen.bezet, 1_050);

    let fout = |bytes: Vec<u8>| csv::lezen("utrecht.csv", &bytes).unwrap_err().message;
    assert_eq!(
        fout(csv_met("Schemaversie", "2")),
        "utrecht.csv, rij 2, kolom \"Schemaversie\": schemaversie 2 wordt niet ondersteund; \
         dit programma leest versie 1."
    );
    assert_eq!(
        fout(csv_met("Bezet ontheemden", "veel")),
        "utrecht.csv, rij 2, kolom \"Bezet ontheemden\": \"veel\" is geen getal."
    );
    assert_eq!(
        fout(csv_met("Bezet totaal", "1.051")),
        "utrecht.csv, rij 2, kolom \"Bezet totaal\": 1051 klopt niet met de andere kolommen \
         van deze rij (verwacht 1050)."
    );
    assert_eq!(
        fout(csv_met("Bezet ontheemden", "9223372036854775807")),
        "utrecht.csv, rij 2, kolom \"Bezet ontheemden\": 9223372036854775807 is groter dan \
         10.000.000; zo'n aantal kan niet kloppen."
    );
    assert_eq!(
        fout(csv_met("Locatietype", "Kasteel")),
        "utrecht.csv, rij 2, kolom \"Locatietype\": onbekend locatietype \"Kasteel\"."
    );
    let zonder = String::from_utf8(csv_met("", ""))
        .unwrap()
        .replace("Gerealiseerde plaatsen", "Plaatsen");
    assert!(fout(zonder.into_bytes())
        .starts_with("utrecht.csv, rij 1: de kolom \"Gerealiseerde plaatsen\" ontbreekt"));

    let json_fout = json::lezen("r.json", br#"{"schemaversie": 2}"#).unwrap_err();
    assert!(json_fout
        .message
        .starts_with("r.json, veld \"schemaversie\": schemaversie 2 wordt niet ondersteund"));
    let rapport = VngRapport {
        schemaversie: SCHEMA_VERSIE,
        peildatum: goed.peildatum,
        gegenereerd_op: String::new(),
        bron: String::new(),
        verouderd_na_dagen: 0,
        totalen: goed.rijen[0].totalen.clone(),
        provincies: Vec::new(),
        veiligheidsregios: Vec::new(),
        controles: Vec::new(),
        rijen: goed.rijen.clone(),
    };
    let mut negatief: serde_json::Value =
        serde_json::from_slice(&json::schrijven(&rapport).unwrap()).unwrap();
    negatief["rijen"][0]["totalen"]["niet_inzetbaar"] = (-i64::MAX).into();
    assert_eq!(
        json::lezen("r.json", &serde_json::to_vec(&negatief).unwrap())
            .unwrap_err()
            .message,
        "r.json, rijen[0] (GM0344), veld \"totalen.niet_inzetbaar\": -9223372036854775807 ligt \
         niet tussen 0 en 10.000.000."
    );
    let xlsx_fout = xlsx::lezen("r.xlsx", b"geen werkboek").unwrap_err();
    assert!(xlsx_fout
        .message
        .starts_with("r.xlsx is geen leesbaar XLSX-werkboek"));
    let zipbom = std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../tests/fixtures/bad-input/zipbom.xlsx"),
    )
    .unwrap();
    assert_eq!(
        xlsx::lezen("bom.xlsx", &zipbom).unwrap_err().message,
        "bom.xlsx is niet gelezen: uitgepakt is het werkboek groter dan 512 MB. Zo'n bestand is \
         beschadigd of gemaakt om de computer vast te laten lopen (een zipbom)."
    );
    assert!(lezen("r.txt", b"")
        .unwrap_err()
        .message
        .contains("alleen VNG-rapporten als XLSX, CSV of JSON"));
}
