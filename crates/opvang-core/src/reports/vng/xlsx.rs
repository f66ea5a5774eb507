//! The VNG report as an XLSX workbook: data rows, totals per province and safety region, the
//! checks and the metadata, with headers in the report's language, a frozen header row, autofilter
//! and number formats.

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

use super::tabel::{cellen, rijen_uit, Cel, GelezenRijen, Waarde};
use super::teksten::{self, KOLOMMEN};
use super::{VngRapport, SCHEMA_VERSIE};
use crate::error::{CoreError, CoreResult};
use crate::format::spreadsheet_veilig;
use crate::i18n::{self, Taal};
use crate::occupancy::{GebiedTotalen, Totalen};

/// The number formats of the workbook.
struct Opmaak {
    kop: Format,
    aantal: Format,
    percentage: Format,
    datum: Format,
}

impl Opmaak {
    fn nieuw(taal: Taal) -> Self {
        Opmaak {
            kop: Format::new().set_bold().set_text_wrap(),
            aantal: Format::new().set_num_format("#,##0"),
            percentage: Format::new().set_num_format("0.0%"),
            datum: Format::new().set_num_format(match taal {
                Taal::Nl => "d-m-yyyy",
                Taal::En => "dd/mm/yyyy",
            }),
        }
    }
}

fn fout(e: XlsxError) -> CoreError {
    CoreError::bestand("fout.reports_vng_xlsx.werkboek_niet_geschreven").met("fout", &e)
}

/// Writes one typed cell; text always through [`spreadsheet_veilig`].
fn cel(blad: &mut Worksheet, rij: u32, kolom: u16, c: &Cel, o: &Opmaak) -> Result<(), XlsxError> {
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
        Cel::Percentage(None) => Ok(()),
        Cel::Datum(d) => {
            use chrono::Datelike;
            let datum = ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)?;
            blad.write_datetime_with_format(rij, kolom, &datum, &o.datum)
                .map(|_| ())
        }
    }
}

/// A header row (bold, frozen) and an autofilter over `rijen` data rows.
fn kopregel(
    blad: &mut Worksheet,
    koppen: &[String],
    rijen: usize,
    o: &Opmaak,
) -> Result<(), XlsxError> {
    for (k, kop) in koppen.iter().enumerate() {
        blad.write_string_with_format(0, k as u16, kop, &o.kop)?;
        blad.set_column_width(
            k as u16,
            (kop.chars().count() as f64 * 0.9).clamp(10.0, 28.0),
        )?;
    }
    blad.set_row_height(0, 32)?;
    blad.set_freeze_panes(1, 0)?;
    blad.autofilter(0, 0, rijen as u32, koppen.len() as u16 - 1)?;
    Ok(())
}

fn totalen_cellen(t: &Totalen) -> [Cel; 15] {
    [
        Cel::Aantal(t.locaties),
        Cel::Aantal(t.gerealiseerd),
        Cel::Aantal(t.niet_inzetbaar),
        Cel::Aantal(t.inzetbaar),
        Cel::Aantal(t.bezetting.ontheemden),
        Cel::Aantal(t.bezetting.statushouders),
        Cel::Aantal(t.bezetting.asielzoekers),
        Cel::Aantal(t.bezetting.overig),
        Cel::Aantal(t.bezet),
        Cel::Aantal(t.vrij),
        Cel::Percentage(t.graad),
        Cel::Percentage(t.graad_inzetbaar),
        Cel::Aantal(t.verouderd),
        Cel::Aantal(t.overbezet),
        Cel::Aantal(t.zonder_peiling),
    ]
}

/// The texts of catalog keys in `taal`.
fn teksten_in(taal: Taal, sleutels: &[&str]) -> Vec<String> {
    sleutels.iter().map(|s| i18n::tekst(taal, s)).collect()
}

/// A sheet of area totals with the country total as the last row.
fn gebieden(
    boek: &mut Workbook,
    taal: Taal,
    naam: &str,
    gebieden: &[GebiedTotalen],
    land: &Totalen,
    o: &Opmaak,
) -> Result<(), XlsxError> {
    let blad = boek.add_worksheet();
    blad.set_name(i18n::tekst(taal, naam))?;
    kopregel(
        blad,
        &teksten_in(taal, &teksten::GEBIED_KOPPEN),
        gebieden.len(),
        o,
    )?;
    let nederland = i18n::tekst(taal, teksten::TOTAAL_NEDERLAND);
    let regels = gebieden
        .iter()
        .map(|g| (g.code.as_str(), g.naam.as_str(), &g.totalen))
        .chain([("NL", nederland.as_str(), land)]);
    for (r, (code, gebied, t)) in regels.enumerate() {
        let r = r as u32 + 1;
        cel(blad, r, 0, &Cel::Tekst(code.to_owned()), o)?;
        cel(blad, r, 1, &Cel::Tekst(gebied.to_owned()), o)?;
        for (k, c) in totalen_cellen(t).iter().enumerate() {
            cel(blad, r, k as u16 + 2, c, o)?;
        }
    }
    Ok(())
}

/// The XLSX bytes of the report in `taal`.
pub fn schrijven(rapport: &VngRapport, taal: Taal) -> CoreResult<Vec<u8>> {
    let o = Opmaak::nieuw(taal);
    let mut boek = Workbook::new();
    let blad = boek.add_worksheet();
    blad.set_name(i18n::tekst(taal, teksten::BLAD_RAPPORT))
        .map_err(fout)?;
    let koppen: Vec<&str> = KOLOMMEN.iter().map(|(_, kop, _)| *kop).collect();
    kopregel(blad, &teksten_in(taal, &koppen), rapport.rijen.len(), &o).map_err(fout)?;
    for (r, rij) in rapport.rijen.iter().enumerate() {
        for (k, c) in cellen(taal, rapport.peildatum, rij).iter().enumerate() {
            cel(blad, r as u32 + 1, k as u16, c, &o).map_err(fout)?;
        }
    }
    gebieden(
        &mut boek,
        taal,
        teksten::BLAD_PROVINCIES,
        &rapport.provincies,
        &rapport.totalen,
        &o,
    )
    .map_err(fout)?;
    gebieden(
        &mut boek,
        taal,
        teksten::BLAD_VEILIGHEIDSREGIOS,
        &rapport.veiligheidsregios,
        &rapport.totalen,
        &o,
    )
    .map_err(fout)?;

    let blad = boek.add_worksheet();
    blad.set_name(i18n::tekst(taal, teksten::BLAD_CONTROLES))
        .map_err(fout)?;
    kopregel(
        blad,
        &teksten_in(taal, &teksten::CONTROLE_KOPPEN),
        rapport.controles.len(),
        &o,
    )
    .map_err(fout)?;
    blad.set_column_width(5, 90).map_err(fout)?;
    for (r, c) in rapport.controles.iter().enumerate() {
        let r = r as u32 + 1;
        let regel = [
            Cel::Tekst(teksten::controlesoort(taal, c.soort)),
            Cel::Tekst(c.gemeente_code.clone()),
            Cel::Tekst(c.gemeente_naam.clone()),
            Cel::Aantal(c.locatie_id),
            Cel::Tekst(c.locatie_naam.clone()),
            Cel::Tekst(c.melding.clone()),
        ];
        for (k, waarde) in regel.iter().enumerate() {
            cel(blad, r, k as u16, waarde, &o).map_err(fout)?;
        }
    }

    let blad = boek.add_worksheet();
    blad.set_name(i18n::tekst(taal, teksten::BLAD_METADATA))
        .map_err(fout)?;
    kopregel(blad, &teksten_in(taal, &teksten::META_KOPPEN), 5, &o).map_err(fout)?;
    blad.set_column_width(0, 30).map_err(fout)?;
    blad.set_column_width(1, 30).map_err(fout)?;
    let meta = [
        (teksten::META_PEILDATUM, Cel::Datum(rapport.peildatum)),
        (
            teksten::META_GEGENEREERD,
            Cel::Tekst(rapport.gegenereerd_op.clone()),
        ),
        (
            teksten::META_SCHEMAVERSIE,
            Cel::Aantal(rapport.schemaversie),
        ),
        (teksten::META_BRON, Cel::Tekst(rapport.bron.clone())),
        (
            teksten::META_VEROUDERD,
            Cel::Aantal(rapport.verouderd_na_dagen),
        ),
    ];
    for (r, (label, waarde)) in meta.iter().enumerate() {
        let r = r as u32 + 1;
        cel(blad, r, 0, &Cel::Tekst(i18n::tekst(taal, label)), &o).map_err(fout)?;
        cel(blad, r, 1, waarde, &o).map_err(fout)?;
    }
    boek.save_to_buffer().map_err(fout)
}

/// One workbook cell as the table reader sees it; date cells become dates.
fn waarde(c: &calamine::Data) -> Waarde {
    use calamine::Data;
    match c {
        Data::Empty | Data::Error(_) => Waarde::Leeg,
        Data::Int(n) => Waarde::Getal(*n as f64),
        Data::Float(f) => Waarde::Getal(*f),
        Data::Bool(b) => Waarde::Tekst(b.to_string()),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => Waarde::Tekst(s.clone()),
        Data::DateTime(d) => {
            let basis = chrono::NaiveDate::from_ymd_opt(1899, 12, 30).expect("valid date");
            let dagen = d.as_f64().floor();
            if (0.0..1e6).contains(&dagen) {
                Waarde::Datum(basis + chrono::Days::new(dagen as u64))
            } else {
                Waarde::Getal(d.as_f64())
            }
        }
    }
}

/// The rows of a sheet with their spreadsheet row numbers (from 1).
fn blad_rijen(range: &calamine::Range<calamine::Data>) -> Vec<(usize, Vec<Waarde>)> {
    let (eerste_rij, eerste_kolom) = range.start().unwrap_or((0, 0));
    range
        .rows()
        .enumerate()
        .map(|(i, cellen)| {
            let mut rij = vec![Waarde::Leeg; eerste_kolom as usize];
            rij.extend(cellen.iter().map(waarde));
            (eerste_rij as usize + i + 1, rij)
        })
        .collect()
}

/// Reads the data rows of an XLSX report in either language (sheet "Rapport" or "Report") and
/// checks the metadata's schema version.
pub fn lezen(bestand: &str, bytes: &[u8]) -> CoreResult<GelezenRijen> {
    use crate::import::zipgrens;
    use calamine::Reader;
    zipgrens::controleer(bytes).map_err(|_| {
        CoreError::bestand("fout.reports_vng_xlsx.werkboek_te_groot")
            .met("bestand", &bestand)
            .met("grens", &format!("{} MB", zipgrens::MAX_UITGEPAKT >> 20))
    })?;
    zipgrens::controleer_celverwijzingen(bytes).map_err(|e| {
        CoreError::bestand("fout.reports_vng_xlsx.geen_leesbaar_xlsx_werkboek")
            .met("bestand", &bestand)
            .met("fout", &e.message)
    })?;
    let mut boek = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes.to_vec()))
        .map_err(|e| {
            CoreError::bestand("fout.reports_vng_xlsx.geen_leesbaar_xlsx_werkboek")
                .met("bestand", &bestand)
                .met("fout", &e)
        })?;
    let bladen = boek.sheet_names();
    let blad = |sleutel: &str| {
        let namen = teksten::in_alle_talen(sleutel);
        bladen.iter().find(|n| namen.contains(n)).cloned()
    };
    let schemaversie = teksten::in_alle_talen(teksten::META_SCHEMAVERSIE);
    if let Some(metadata) = blad(teksten::BLAD_METADATA) {
        let meta = boek.worksheet_range(&metadata).map_err(|e| {
            CoreError::bestand("fout.reports_vng_xlsx.fout")
                .met("bestand", &bestand)
                .met("fout", &e)
        })?;
        for (nummer, rij) in blad_rijen(&meta) {
            let label = match rij.first() {
                Some(Waarde::Tekst(t)) => t.as_str(),
                _ => "",
            };
            if schemaversie.iter().any(|s| s == label) {
                let versie = rij.get(1).cloned().unwrap_or(Waarde::Leeg);
                if versie != Waarde::Getal(SCHEMA_VERSIE as f64) {
                    return Err(CoreError::bestand(
                        "fout.reports_vng_xlsx.werkblad_rij_kolom_schemaversie",
                    )
                    .met("bestand", &bestand)
                    .met("blad_metadata", &metadata)
                    .met("nummer", &nummer)
                    .met(
                        "meta_koppen",
                        &i18n::tekst(i18n::actieve_taal(), teksten::META_KOPPEN[1]),
                    )
                    .met(
                        "to_owned",
                        &(match versie {
                            Waarde::Getal(g) => g.to_string(),
                            Waarde::Tekst(t) => t,
                            _ => i18n::tekst(i18n::actieve_taal(), "export.vng.meta.leeg"),
                        }),
                    )
                    .met("schema_versie", &SCHEMA_VERSIE));
                }
            }
        }
    }
    let ontbreekt = || {
        CoreError::bestand("fout.reports_vng_xlsx.werkblad_ontbreekt_geen_vng")
            .met("bestand", &bestand)
            .met(
                "blad_rapport",
                &i18n::tekst(i18n::actieve_taal(), teksten::BLAD_RAPPORT),
            )
    };
    let rapport = blad(teksten::BLAD_RAPPORT).ok_or_else(ontbreekt)?;
    let range = boek.worksheet_range(&rapport).map_err(|_| ontbreekt())?;
    let mut rijen = blad_rijen(&range);
    if rijen.is_empty() {
        return Err(
            CoreError::bestand("fout.reports_vng_xlsx.werkblad_leeg").met("bestand", &bestand)
        );
    }
    let (kopregel, koppen) = rijen.remove(0);
    let koppen: Vec<String> = koppen
        .into_iter()
        .map(|k| match k {
            Waarde::Tekst(t) => t,
            _ => String::new(),
        })
        .collect();
    rijen_uit(bestand, kopregel, &koppen, &rijen)
}
