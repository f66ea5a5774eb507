//! Tests of reading and mapping spreadsheet files, written by the tests themselves.

use super::*;
use crate::reference;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn gemeenten() -> Vec<Gemeente> {
    reference::indeling(reference::INDELINGEN[0].1)
}

fn ontleed_csv(bytes: &[u8]) -> Ontleding {
    let tabel = lees_csv(bytes).unwrap();
    let koppeling = Koppeling::automatisch(&tabel.koppen);
    ontleed(&tabel, &koppeling, &gemeenten(), d("2026-11-23")).unwrap()
}

#[test]
fn dutch_counts_and_their_refusals() {
    assert_eq!(lees_aantal("1.024"), Ok(1024));
    assert_eq!(lees_aantal("1024"), Ok(1024));
    assert_eq!(lees_aantal(" 96.830 "), Ok(96830));
    assert_eq!(lees_aantal("12,0"), Ok(12));
    assert!(lees_aantal("12,5").unwrap_err().contains("geen decimalen"));
    assert!(lees_aantal("-3").unwrap_err().contains("negatief"));
    assert!(lees_aantal("1.02")
        .unwrap_err()
        .contains("geen geheel aantal"));
    assert!(lees_aantal("veel")
        .unwrap_err()
        .contains("geen geheel aantal"));
}

#[test]
fn dates_as_text_and_serials() {
    for tekst in [
        "2-11-2026",
        "02-11-2026",
        "2026-11-02",
        "2/11/2026",
        "46328",
    ] {
        assert_eq!(lees_datum(tekst), Ok(d("2026-11-02")), "{tekst}");
    }
    assert_eq!(lees_datum("46328.0"), Ok(d("2026-11-02")));
    assert!(lees_datum("31-02-2026").unwrap_err().contains("geen datum"));
    assert!(lees_datum("").unwrap_err().contains("ontbreekt"));
}

#[test]
fn free_text_types_map_to_the_nearest() {
    assert_eq!(soort_uit_tekst("Hotel"), Some(LocatieType::HotelPension));
    assert_eq!(
        soort_uit_tekst("Kantoor"),
        Some(LocatieType::KantoorBedrijfspand)
    );
    assert_eq!(
        soort_uit_tekst("Modulair"),
        Some(LocatieType::ModulaireWoningen)
    );
    assert_eq!(
        soort_uit_tekst("vakantiepark"),
        Some(LocatieType::Vakantiepark)
    );
    assert_eq!(soort_uit_tekst("Iglo"), None);
}

#[test]
fn addresses_split_where_they_can() {
    assert_eq!(
        splits_adres("Stationsweg 12a, 3511 AB Utrecht"),
        Adres {
            straat: "Stationsweg".into(),
            huisnummer: "12a".into(),
            postcode: "3511 AB".into(),
            plaats: "Utrecht".into(),
        }
    );
    assert_eq!(
        splits_adres("Lange Nieuwstraat 4 3512pk Utrecht"),
        Adres {
            straat: "Lange Nieuwstraat".into(),
            huisnummer: "4".into(),
            postcode: "3512 PK".into(),
            plaats: "Utrecht".into(),
        }
    );
    assert_eq!(splits_adres("Achter de kerk").straat, "Achter de kerk");
    assert_eq!(splits_adres("Achter de kerk").huisnummer, "");
}

const KOP: &str = "Gemeentecode;Locatie;Adres;Type;Capaciteit;Niet inzetbaar;Bezet ontheemden;Bezet statushouders;Bezet asielzoekers;Peildatum";

#[test]
fn finds_the_heading_under_title_rows_with_bom_and_semicolons() {
    let tekst = format!(
        "\u{feff}Opvang gemeente Utrecht;;;\nStand november;;\n\n{KOP}\nGM0344;Hotel Zuid;Stationsweg 12, 3511 AB Utrecht;Hotel;1.024;4;10;20;30;2-11-2026\n"
    );
    let o = ontleed_csv(tekst.as_bytes());
    assert_eq!(o.problemen, vec![]);
    assert_eq!(o.regels.len(), 1);
    let r = &o.regels[0];
    assert_eq!(r.rij, 5);
    assert_eq!(r.gemeente_code, "GM0344");
    assert_eq!(r.capaciteit, Some(1024));
    assert_eq!(r.bezetting.totaal(), 60);
    assert_eq!(r.peildatum, d("2026-11-02"));
    assert_eq!(r.soort, LocatieType::HotelPension);
    assert_eq!(r.adres.postcode, "3511 AB");
}

#[test]
fn english_headings_commas_and_windows_1252() {
    let mut bytes =
        b"Municipality,Location,Type,Capacity,Displaced,Date\nUtrecht,Caf\xe9 \x80uro,Kantoor,\"1.200\",5,2026-11-02\n"
            .to_vec();
    let o = ontleed_csv(&bytes);
    assert_eq!(o.problemen, vec![]);
    assert_eq!(o.regels[0].naam, "Café €uro");
    assert_eq!(o.regels[0].capaciteit, Some(1200));
    assert_eq!(o.regels[0].bezetting.ontheemden, 5);
    bytes.splice(0..0, [0xFF, 0xFE]);
    let fout = lees_csv(&bytes).unwrap_err();
    assert!(fout.message.contains("UTF-16"), "{}", fout.message);
}

#[test]
fn every_problem_names_row_and_column() {
    let tekst = format!(
        "{KOP}\n\
         GM0344;A;;Iglo;100;0;1;0;0;2-11-2026\n\
         GM9999;B;;;100;0;1;0;0;2-11-2026\n\
         GM0344;C;;;12,5;0;1;0;0;2-11-2026\n\
         GM0344;D;;;100;0;1;0;0;31-02-2026\n\
         GM0344;E;;;10;20;0;0;0;2-11-2026\n\
         GM0344;A;;;100;0;1;0;0;2026-11-02\n\
         GM0344;F;;;10;0;0;0;0;1-1-2030\n"
    );
    let o = ontleed_csv(tekst.as_bytes());
    let regels: Vec<String> = o.problemen.iter().map(|p| p.to_string()).collect();
    assert_eq!(
        regels,
        vec![
            "Rij 2, kolom Type: type \"Iglo\" niet herkend; de locatie wordt overig. (waarschuwing)",
            "Rij 3, kolom Gemeentecode: onbekende gemeentecode \"GM9999\". (fout)",
            "Rij 4, kolom Capaciteit: \"12,5\" is geen geheel aantal; een aantal personen of plaatsen heeft geen decimalen. (fout)",
            "Rij 5, kolom Peildatum: \"31-02-2026\" is geen datum; schrijf bijvoorbeeld 2-11-2026 of 2026-11-02. (fout)",
            "Rij 6, kolom Niet inzetbaar: 20 niet inzetbaar is meer dan de capaciteit 10. (fout)",
            "Rij 7, kolom Peildatum: A staat op 2-11-2026 al in rij 2. (fout)",
            "Rij 8, kolom Peildatum: de peildatum 1-1-2030 ligt in de toekomst. (fout)",
        ]
    );
    assert!(o.heeft_fouten());
}

#[test]
fn a_corrected_mapping_round_trips_as_json() {
    let tabel = lees_csv(b"Plek;Bedden\nX;40\n").unwrap_err();
    assert!(tabel.message.contains("Geen kopregel"));
    let tabel = lees_csv(b"Plek;Gemeente;Datum;Aantal bedden\nX;Utrecht;2-11-2026;40\n").unwrap();
    let mut koppeling = Koppeling::automatisch(&tabel.koppen);
    assert_eq!(koppeling.kolommen[0].veld, None);
    let fout = ontleed(&tabel, &koppeling, &gemeenten(), d("2026-11-23")).unwrap_err();
    assert_eq!(fout.message, "Geen kolom gekoppeld aan Locatie.");
    koppeling.kolommen[0].veld = Some(ImportVeld::Locatie);
    koppeling.kolommen[3].veld = Some(ImportVeld::Capaciteit);
    let opnieuw = Koppeling::uit_json(&koppeling.naar_json()).unwrap();
    assert_eq!(opnieuw, koppeling);
    let o = ontleed(&tabel, &opnieuw, &gemeenten(), d("2026-11-23")).unwrap();
    assert_eq!(o.regels[0].naam, "X");
    assert_eq!(o.regels[0].capaciteit, Some(40));
}

#[test]
fn a_workbook_with_numbers_text_numbers_and_date_cells() {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let mut boek = Workbook::new();
    let blad = boek.add_worksheet();
    blad.write_string(0, 0, "Opvang Utrecht, stand november")
        .unwrap();
    for (kolom, kop) in [
        "Gemeente",
        "Locatie",
        "Type",
        "Capaciteit",
        "Bezet asielzoekers",
        "Peildatum",
    ]
    .iter()
    .enumerate()
    {
        blad.write_string(2, kolom as u16, *kop).unwrap();
    }
    let datum = Format::new().set_num_format("d-m-yyyy");
    let dag = ExcelDateTime::from_ymd(2026, 11, 2).unwrap();
    blad.write_string(3, 0, "Utrecht").unwrap();
    blad.write_string(3, 1, "Hotel Zuid").unwrap();
    blad.write_string(3, 2, "Modulair").unwrap();
    blad.write_number(3, 3, 1024).unwrap();
    blad.write_string(3, 4, "1.000").unwrap();
    blad.write_datetime_with_format(3, 5, &dag, &datum).unwrap();
    blad.write_string(4, 0, "Utrecht").unwrap();
    blad.write_string(4, 1, "Kantoor Noord").unwrap();
    blad.write_number(4, 3, 12.5).unwrap();
    blad.write_number(4, 4, 3).unwrap();
    blad.write_string(4, 5, "2-11-2026").unwrap();
    let bytes = boek.save_to_buffer().unwrap();

    let tabel = lees_bestand("bezetting.xlsx", &bytes).unwrap();
    assert_eq!(tabel.kopregel, 3);
    let koppeling = Koppeling::automatisch(&tabel.koppen);
    let o = ontleed(&tabel, &koppeling, &gemeenten(), d("2026-11-23")).unwrap();
    assert_eq!(o.regels.len(), 1);
    let r = &o.regels[0];
    assert_eq!(
        (r.rij, r.capaciteit, r.bezetting.asielzoekers, r.peildatum),
        (4, Some(1024), 1000, d("2026-11-02"))
    );
    assert_eq!(r.soort, LocatieType::ModulaireWoningen);
    assert_eq!(
        o.problemen.iter().map(|p| p.to_string()).collect::<Vec<_>>(),
        vec![
            "Rij 5, kolom Capaciteit: \"12,5\" is geen geheel aantal; een aantal personen of plaatsen heeft geen decimalen. (fout)"
        ]
    );
    let kapot = lees_bestand("kapot.ods", b"geen zip").unwrap_err();
    assert!(kapot
        .message
        .starts_with("Het werkboek kan niet worden gelezen"));
    let anders = lees_bestand("notities.docx", b"").unwrap_err();
    assert_eq!(
        anders.message,
        "notities.docx is geen CSV-, XLSX- of ODS-bestand."
    );
}

#[test]
fn one_field_mapped_to_two_columns_is_refused() {
    let tabel = lees_csv(b"Gemeente;Locatie;Naam;Peildatum\nUtrecht;A;B;1-11-2026\n").unwrap();
    let mut koppeling = Koppeling::automatisch(&tabel.koppen);
    koppeling.kolommen[2].veld = Some(ImportVeld::Locatie);
    let e = ontleed(&tabel, &koppeling, &gemeenten(), d("2026-11-23")).unwrap_err();
    assert_eq!(
        e.message,
        "Kolom \"Locatie\" en kolom \"Naam\" zijn allebei gekoppeld aan Locatie; koppel elk veld \
         aan één kolom."
    );
}

#[test]
fn the_fingerprint_ignores_case_and_spacing_but_not_order() {
    let k = |koppen: &[&str]| {
        Koppeling::vingerafdruk(&koppen.iter().map(|s| s.to_string()).collect::<Vec<_>>())
    };
    assert_eq!(
        k(&["Gemeente", "Bezet  ontheemden"]),
        k(&[" gemeente", "BEZET ONTHEEMDEN"])
    );
    assert_ne!(k(&["Gemeente", "Locatie"]), k(&["Locatie", "Gemeente"]));
    assert_ne!(k(&["Gemeente", "Locatie"]), k(&["GemeenteLocatie"]));
    assert_eq!(k(&["a"]).len(), 64);
}

#[test]
fn the_mapping_screen_gets_headings_examples_and_the_row_count() {
    let tabel = lees_csv(
        b"Titel\n\nGemeente;Locatie;Peildatum\nUtrecht;A;1-11-2026\n;;\nUtrecht;B;1-11-2026\n",
    )
    .unwrap();
    let bestand = ImportBestand::van("x.csv", &tabel, None);
    assert_eq!(bestand.kopregel, 3);
    assert_eq!(tabel.rijen[0].nummer, 4);
    assert_eq!(bestand.rijen, 2);
    assert_eq!(bestand.voorbeeld[1], vec!["Utrecht", "B", "1-11-2026"]);
    assert!(!bestand.opgeslagen);
    assert_eq!(bestand.koppeling, Koppeling::automatisch(&tabel.koppen));
}

#[test]
fn counts_above_the_limit_and_overlong_cells_are_refused_by_row_and_column() {
    let naam = "x".repeat(MAX_TEKENS);
    let te_lang = "y".repeat(MAX_TEKENS + 1);
    let gemeente = "Utrecht".repeat(100);
    let tekst = format!(
        "{KOP}\n\
         GM0344;{naam};;;100000;0;100000;0;0;2-11-2026\n\
         GM0344;A;;;100001;0;1;0;0;2-11-2026\n\
         GM0344;B;;;100;0;1;100.001;0;2-11-2026\n\
         GM0344;{te_lang};;;10;0;1;0;0;2-11-2026\n\
         {gemeente};C;{te_lang};;10;0;1;0;0;2-11-2026\n"
    );
    let tabel = lees_csv(tekst.as_bytes()).unwrap();
    let koppeling = Koppeling::automatisch(&tabel.koppen);
    let o = ontleed_in(&tabel, &koppeling, &gemeenten(), d("2026-11-23"), Taal::Nl).unwrap();
    let regels: Vec<String> = o.problemen.iter().map(|p| p.tekst(Taal::Nl)).collect();
    assert_eq!(
        regels,
        vec![
            "Rij 3, kolom Capaciteit: \"100001\" is te groot; een aantal per locatie is hoogstens 100.000. (fout)",
            "Rij 4, kolom Bezet statushouders: \"100.001\" is te groot; een aantal per locatie is hoogstens 100.000. (fout)",
            "Rij 5, kolom Locatie: de cel bevat 201 tekens; een cel mag hoogstens 200 tekens bevatten. (fout)",
            "Rij 6, kolom Gemeentecode: de cel bevat 700 tekens; een cel mag hoogstens 200 tekens bevatten. (fout)",
            "Rij 6, kolom Adres: de cel bevat 201 tekens; een cel mag hoogstens 200 tekens bevatten. (fout)",
        ]
    );
    assert_eq!(o.regels.len(), 1, "the row at the limits is accepted");
    assert_eq!(o.regels[0].capaciteit, Some(MAX_AANTAL));
    assert_eq!(o.regels[0].naam.chars().count(), MAX_TEKENS);

    let o = ontleed_in(&tabel, &koppeling, &gemeenten(), d("2026-11-23"), Taal::En).unwrap();
    assert_eq!(
        o.problemen[0].tekst(Taal::En),
        "Row 3, column Capaciteit: \"100001\" is too large; a count per location is at most 100,000. (error)"
    );
    assert_eq!(
        o.problemen[2].tekst(Taal::En),
        "Row 5, column Locatie: the cell holds 201 characters; a cell may hold at most 200 characters. (error)"
    );
}

#[test]
fn problems_read_in_english_with_english_dates_and_numbers() {
    let tekst = format!(
        "{KOP}\n\
         GM0344;A;;Iglo;100;0;1;0;0;2-11-2026\n\
         GM0344;C;;;12,5;0;1;0;0;2-11-2026\n\
         GM0344;E;;;1000;2000;0;0;0;2-11-2026\n\
         GM0344;A;;;100;0;1;0;0;2026-11-02\n\
         GM0344;F;;;10;0;0;0;0;1-1-2030\n"
    );
    let tabel = lees_csv(tekst.as_bytes()).unwrap();
    let koppeling = Koppeling::automatisch(&tabel.koppen);
    let o = ontleed_in(&tabel, &koppeling, &gemeenten(), d("2026-11-23"), Taal::En).unwrap();
    let regels: Vec<String> = o.problemen.iter().map(|p| p.tekst(Taal::En)).collect();
    assert_eq!(
        regels,
        vec![
            "Row 2, column Type: type \"Iglo\" not recognised; the location is recorded as other. (warning)",
            "Row 3, column Capaciteit: \"12,5\" is not a whole number; a number of people or places has no decimals. (error)",
            "Row 4, column Niet inzetbaar: 2,000 places not usable is more than the capacity of 1,000. (error)",
            "Row 5, column Peildatum: A on 2 Nov 2026 is already in row 2. (error)",
            "Row 6, column Peildatum: the reference date 1 Jan 2030 is in the future. (error)",
        ]
    );
}

#[test]
fn a_large_file_checked_in_two_halves_gives_what_one_pass_gives() {
    let mut csv = String::from("Gemeentecode;Locatie;Peildatum;Capaciteit;Bezet ontheemden\n");
    let rijen = TWEE_HELFTEN_VANAF + 1_001;
    for i in 0..rijen {
        let (code, aantal) = match i % 997 {
            0 => ("GM9999", "12"),
            1 => ("GM0014", "veel"),
            _ => ("GM0014", "12"),
        };
        let dag = d("2020-01-01") + chrono::Days::new((i % 1_500) as u64);
        csv.push_str(&format!(
            "{code};Locatie {};{dag};100;{aantal}\n",
            i / 1_500
        ));
    }
    // The same location and date as a row in the first half, in the second half.
    csv.push_str("GM0014;Locatie 0;2020-01-03;100;5\n");
    let tabel = lees_csv(csv.as_bytes()).unwrap();
    let koppeling = Koppeling::automatisch(&tabel.koppen);
    let gemeenten = gemeenten();
    let vandaag = d("2026-11-23");
    let gesplitst = ontleed_in(&tabel, &koppeling, &gemeenten, vandaag, Taal::Nl).unwrap();

    let index = koppeling.indexen(&tabel.koppen).unwrap();
    let controle = Rijcontrole::nieuw(&index, &tabel.koppen, &gemeenten, vandaag, Taal::Nl);
    let (regels, problemen) = controle.rijen(&tabel.rijen);
    assert_eq!(gesplitst.regels, regels);
    let fouten_per_rij: Vec<usize> = problemen.iter().map(|p| p.rij).collect();
    let gesplitste_fouten: Vec<usize> = gesplitst
        .problemen
        .iter()
        .filter(|p| !p.bericht.contains("al in rij"))
        .map(|p| p.rij)
        .collect();
    assert_eq!(gesplitste_fouten, fouten_per_rij);
    assert_eq!(problemen.len(), (0..rijen).filter(|i| i % 997 < 2).count());
    let dubbel: Vec<&Probleem> = gesplitst
        .problemen
        .iter()
        .filter(|p| p.bericht.contains("al in rij"))
        .collect();
    assert_eq!(dubbel.len(), 1, "{dubbel:?}");
    assert_eq!(dubbel[0].rij, tabel.rijen.last().unwrap().nummer);
}
