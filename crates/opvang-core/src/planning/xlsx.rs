//! The projection as an Excel workbook: one row per month × area × target group with the same
//! headers as the CSV (in the active language), a frozen header row, autofilter, number and date
//! formats, plus a sheet with the scenario; and [`bestand_schrijven`], which picks CSV or XLSX by
//! extension.

use std::path::Path;

use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

use super::export::{self, KOPPEN};
use super::{Band, Projectie, Stroomcijfers};
use crate::error::{CoreError, CoreResult};
use crate::format::{datum_in, spreadsheet_veilig};
use crate::i18n::{self, Taal};
use crate::occupancy::GebiedSoort;

fn fout(e: XlsxError) -> CoreError {
    CoreError::bestand("fout.planning_xlsx.niet_geschreven").met("fout", &e)
}

struct Opmaak {
    kop: Format,
    aantal: Format,
    percentage: Format,
    datum: Format,
}

enum Cel<'a> {
    Tekst(&'a str),
    Aantal(i64),
    Percentage(Option<i64>),
    Datum(Option<NaiveDate>),
    Leeg,
}

fn schrijf(
    blad: &mut Worksheet,
    rij: u32,
    kolom: u16,
    c: &Cel,
    o: &Opmaak,
) -> Result<(), XlsxError> {
    match c {
        Cel::Tekst(t) => blad
            .write_string(rij, kolom, spreadsheet_veilig(t))
            .map(|_| ()),
        Cel::Aantal(n) => blad
            .write_number_with_format(rij, kolom, *n as f64, &o.aantal)
            .map(|_| ()),
        Cel::Percentage(Some(t)) => blad
            .write_number_with_format(rij, kolom, *t as f64 / 1000.0, &o.percentage)
            .map(|_| ()),
        Cel::Datum(Some(d)) => {
            let datum = ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)?;
            blad.write_datetime_with_format(rij, kolom, &datum, &o.datum)
                .map(|_| ())
        }
        Cel::Percentage(None) | Cel::Datum(None) | Cel::Leeg => Ok(()),
    }
}

fn soort(s: GebiedSoort) -> &'static str {
    match s {
        GebiedSoort::Land => "land",
        GebiedSoort::Provincie => "provincie",
        GebiedSoort::Veiligheidsregio => "veiligheidsregio",
        GebiedSoort::Gemeente => "gemeente",
    }
}

fn stromen(s: &Stroomcijfers) -> [Cel<'static>; 4] {
    [
        Cel::Aantal(s.vraag),
        Cel::Aantal(s.instroom),
        Cel::Aantal(s.uitstroom_woning),
        Cel::Aantal(s.uitstroom_terugkeer),
    ]
}

fn band(b: Option<Band>) -> [Cel<'static>; 3] {
    match b {
        Some(b) => [Cel::Aantal(b.p10), Cel::Aantal(b.p50), Cel::Aantal(b.p90)],
        None => [Cel::Leeg, Cel::Leeg, Cel::Leeg],
    }
}

/// The XLSX bytes of a projection in the active language.
pub fn xlsx(projectie: &Projectie) -> CoreResult<Vec<u8>> {
    xlsx_in(projectie, i18n::actieve_taal())
}

/// The XLSX bytes of a projection in `taal`.
pub fn xlsx_in(projectie: &Projectie, taal: Taal) -> CoreResult<Vec<u8>> {
    werkboek(projectie, taal).map_err(fout)
}

fn werkboek(p: &Projectie, taal: Taal) -> Result<Vec<u8>, XlsxError> {
    let o = Opmaak {
        kop: Format::new().set_bold().set_text_wrap(),
        aantal: Format::new().set_num_format("#,##0"),
        percentage: Format::new().set_num_format("0.0%"),
        datum: Format::new().set_num_format(match taal {
            Taal::Nl => "d-m-yyyy",
            Taal::En => "dd/mm/yyyy",
        }),
    };
    let t = |sleutel: &str| i18n::tekst(taal, sleutel);
    let mut boek = Workbook::new();
    let blad = boek
        .add_worksheet()
        .set_name(t("export.projectie.blad_projectie"))?;
    let mut rij: u32 = 1;
    for gebied in &p.gebieden {
        for (k, t) in gebied.maanden.iter().enumerate() {
            let begin = [
                Cel::Datum(Some(t.maand)),
                Cel::Tekst(soort(gebied.soort)),
                Cel::Tekst(&gebied.code),
                Cel::Tekst(&gebied.naam),
            ];
            let mut cellen: Vec<Cel> = begin.into_iter().collect();
            cellen.push(Cel::Tekst("totaal"));
            cellen.extend(stromen(&t.totaal));
            cellen.extend(
                [t.aanbod, t.stand_by, t.pipeline, t.saldo, t.tekort, t.bezet].map(Cel::Aantal),
            );
            cellen.push(Cel::Percentage(t.graad));
            cellen.push(Cel::Aantal(t.aflopend));
            cellen.push(Cel::Datum(gebied.eerste_tekort));
            cellen.extend(band(t.banden.map(|b| b.vraag)));
            cellen.extend(band(t.banden.map(|b| b.aanbod)));
            cellen.extend(band(t.banden.map(|b| b.saldo)));
            for (kolom, c) in cellen.iter().enumerate() {
                schrijf(blad, rij, kolom as u16, c, &o)?;
            }
            rij += 1;
            for reeks in &gebied.doelgroepen {
                let mut cellen: Vec<Cel> = vec![
                    Cel::Datum(Some(t.maand)),
                    Cel::Tekst(soort(gebied.soort)),
                    Cel::Tekst(&gebied.code),
                    Cel::Tekst(&gebied.naam),
                    Cel::Tekst(reeks.doelgroep.code()),
                ];
                cellen.extend(stromen(&reeks.maanden[k]));
                for (kolom, c) in cellen.iter().enumerate() {
                    schrijf(blad, rij, kolom as u16, c, &o)?;
                }
                rij += 1;
            }
        }
    }
    for (k, sleutel) in KOPPEN.iter().enumerate() {
        let kop = export::kop(taal, sleutel);
        blad.write_string_with_format(0, k as u16, &kop, &o.kop)?;
        blad.set_column_width(
            k as u16,
            (kop.chars().count() as f64 * 0.9).clamp(10.0, 24.0),
        )?;
    }
    blad.set_row_height(0, 32)?;
    blad.set_freeze_panes(1, 0)?;
    blad.autofilter(0, 0, rij - 1, KOPPEN.len() as u16 - 1)?;

    let info = boek
        .add_worksheet()
        .set_name(t("export.projectie.blad_scenario"))?;
    info.set_column_width(0, 28)?;
    info.set_column_width(1, 80)?;
    let regels = [
        ("export.projectie.info_scenario", p.scenario.naam.clone()),
        (
            "export.projectie.info_beschrijving",
            p.scenario.beschrijving.clone(),
        ),
        ("export.projectie.info_start", datum_in(taal, p.start)),
        ("export.projectie.info_runs", p.runs.to_string()),
        ("export.projectie.info_seed", p.seed.to_string()),
        ("export.projectie.info_parameters", p.scenario.naar_json()),
    ];
    for (i, (kop, waarde)) in regels.iter().enumerate() {
        info.write_string_with_format(i as u32, 0, t(kop), &o.kop)?;
        info.write_string(i as u32, 1, spreadsheet_veilig(waarde))?;
    }
    boek.save_to_buffer()
}

/// Writes the projection to `pad` as XLSX (`.xlsx`) or CSV (`.csv`); returns the data rows.
pub fn bestand_schrijven(projectie: &Projectie, pad: &Path) -> CoreResult<usize> {
    let extensie = pad
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_lowercase);
    match extensie.as_deref() {
        Some("csv") => export::exporteren(projectie, pad),
        Some("xlsx") => {
            std::fs::write(pad, xlsx(projectie)?).map_err(|e| {
                CoreError::bestand("fout.planning_xlsx.bestand_niet_geschreven")
                    .met("pad", &pad.display())
                    .met("fout", &e)
            })?;
            Ok(projectie
                .gebieden
                .iter()
                .map(|g| g.maanden.len() * (1 + g.doelgroepen.len()))
                .sum())
        }
        _ => Err(
            CoreError::validatie("uit", "fout.planning_xlsx.kies_csv_of_xlsx")
                .met("pad", &pad.display()),
        ),
    }
}
