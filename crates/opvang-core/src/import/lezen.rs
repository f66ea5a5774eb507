//! Reading a CSV file or a workbook into rows: encoding, separator and the heading row under any title rows.

use super::ImportVeld;
use crate::error::{CoreError, CoreResult};

/// The cells of a file: the heading row and the data rows below it with their row numbers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tabel {
    /// Row number (as the spreadsheet shows it, from 1) of the heading row.
    pub kopregel: usize,
    pub koppen: Vec<String>,
    pub rijen: Vec<(usize, Vec<String>)>,
}

/// The characters Windows-1252 puts at 0x80..=0x9F; other bytes are Latin-1.
const CP1252_80_9F: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
];

/// Decodes UTF-8 (with or without BOM); anything else is read as Windows-1252.
fn decodeer(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(tekst) => tekst.to_owned(),
        Err(_) => bytes
            .iter()
            .map(|&b| match b {
                0x80..=0x9F => CP1252_80_9F[usize::from(b - 0x80)],
                _ => char::from(b),
            })
            .collect(),
    }
}

/// How many lines (of the first 20) contain the candidate separator consistently.
fn scheidingsteken(tekst: &str) -> u8 {
    let regels: Vec<&str> = tekst.lines().take(20).collect();
    let telling = |teken: char| -> usize { regels.iter().map(|r| r.matches(teken).count()).sum() };
    if telling(';') >= telling(',') && telling(';') > 0 {
        b';'
    } else {
        b','
    }
}

/// Reads a CSV file (`;` or `,`, UTF-8 or Windows-1252) and finds its heading row.
pub fn lees_csv(bytes: &[u8]) -> CoreResult<Tabel> {
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Err(CoreError::bestand(
            "fout.import_lezen.bestand_utf_16_gecodeerd",
        ));
    }
    let tekst = decodeer(bytes);
    let mut lezer = csv::ReaderBuilder::new()
        .delimiter(scheidingsteken(&tekst))
        .has_headers(false)
        .flexible(true)
        .from_reader(tekst.as_bytes());
    let mut alle = Vec::new();
    for (i, record) in lezer.records().enumerate() {
        let record = record.map_err(|e| {
            CoreError::bestand("fout.import_lezen.rij_csv_bestand_onleesbaar")
                .met("i", &(i + 1))
                .met("fout", &e)
        })?;
        // The csv crate gives a record that follows blank lines the line of the first blank one.
        let rij = record.position().map_or(i + 1, |p| {
            let leeg = tekst.as_bytes()[p.byte() as usize..]
                .iter()
                .take_while(|&&b| b == b'\n' || b == b'\r')
                .filter(|&&b| b == b'\n')
                .count();
            p.line() as usize + leeg
        });
        alle.push((rij, record.iter().map(str::to_owned).collect::<Vec<_>>()));
    }
    tabel_uit_rijen(alle)
}

/// Picks the first row (of the first 30) where at least two cells name known fields as the heading.
pub(crate) fn tabel_uit_rijen(alle: Vec<(usize, Vec<String>)>) -> CoreResult<Tabel> {
    let positie = alle
        .iter()
        .take(30)
        .position(|(_, cellen)| {
            cellen
                .iter()
                .filter(|c| ImportVeld::uit_kop(c).is_some())
                .count()
                >= 2
        })
        .ok_or_else(|| CoreError::bestand("fout.import_lezen.geen_kopregel_gevonden_geen"))?;
    let mut rijen = alle;
    let rest = rijen.split_off(positie + 1);
    let (kopregel, koppen) = rijen.pop().expect("heading row exists");
    Ok(Tabel {
        kopregel,
        koppen: koppen.into_iter().map(|k| k.trim().to_owned()).collect(),
        rijen: rest,
    })
}

/// A spreadsheet number as the CSV path would have read it: whole numbers without decimals,
/// fractions with a decimal comma (so counts refuse them).
fn getal_tekst(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        f.to_string().replace('.', ",")
    }
}

/// One cell as the text the CSV path would have read; dates as their spreadsheet serial.
fn cel_tekst(cel: &calamine::Data) -> String {
    use calamine::Data;
    match cel {
        Data::Empty | Data::Error(_) => String::new(),
        Data::Int(n) => n.to_string(),
        Data::Float(f) => getal_tekst(*f),
        Data::DateTime(d) => getal_tekst(d.as_f64().floor()),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Bool(b) => if *b { "ja" } else { "nee" }.to_owned(),
    }
}

/// [`cel_tekst`] for a cell as the XLSX reader gives it, a shared string borrowed.
fn cel_ref_tekst(cel: calamine::DataRef<'_>) -> String {
    use calamine::DataRef;
    match cel {
        DataRef::Empty | DataRef::Error(_) => String::new(),
        DataRef::Int(n) => n.to_string(),
        DataRef::Float(f) => getal_tekst(f),
        DataRef::DateTime(d) => getal_tekst(d.as_f64().floor()),
        DataRef::SharedString(s) => s.to_owned(),
        DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => s,
        DataRef::Bool(b) => if b { "ja" } else { "nee" }.to_owned(),
    }
}

/// Reads the first sheet of an XLSX, XLS or ODS workbook and finds its heading row.
pub fn lees_werkboek(bytes: &[u8]) -> CoreResult<Tabel> {
    use calamine::Reader;
    super::zipgrens::controleer(bytes)?;
    super::zipgrens::controleer_celverwijzingen(bytes)?;
    let alle = match calamine::Xlsx::new(std::io::Cursor::new(bytes)) {
        Ok(mut boek) => xlsx_rijen(&mut boek)?,
        Err(_) => andere_rijen(bytes)?,
    };
    tabel_uit_rijen(alle)
}

fn niet_gelezen(fout: impl std::fmt::Display) -> CoreError {
    CoreError::bestand("fout.import_lezen.eerste_werkblad_niet_gelezen").met("fout", &fout)
}

/// The first sheet of an XLSX workbook cell by cell straight into rows, as the spreadsheet
/// numbers them, each as wide as the sheet's used part (the cells calamine's grid would hold,
/// without building that grid: a third of the reading time of a large file). Rows without any
/// cell are left out; every reader skips empty rows.
fn xlsx_rijen<RS: std::io::Read + std::io::Seek>(
    boek: &mut calamine::Xlsx<RS>,
) -> CoreResult<Vec<(usize, Vec<String>)>> {
    use calamine::{DataRef, Reader, XlsxError};
    let naam =
        boek.sheet_names().first().cloned().ok_or_else(|| {
            CoreError::bestand("fout.import_lezen.werkboek_heeft_geen_werkbladen")
        })?;
    let mut lezer = match boek.worksheet_cells_reader(&naam) {
        Ok(lezer) => lezer,
        Err(XlsxError::NotAWorksheet(_)) => return Ok(Vec::new()),
        Err(fout) => return Err(niet_gelezen(fout)),
    };
    let mut alle: Vec<(usize, Vec<String>)> = Vec::new();
    let mut breedte = 0;
    let mut op_volgorde = true;
    while let Some(cel) = lezer.next_cell().map_err(niet_gelezen)? {
        let (rij, kolom) = cel.get_position();
        let (rij, kolom) = (rij as usize + 1, kolom as usize);
        let waarde = cel.get_value().clone();
        if waarde == DataRef::Empty {
            continue;
        }
        match alle.last() {
            Some((laatste, _)) if *laatste == rij => {}
            Some((laatste, _)) if *laatste > rij => {
                op_volgorde = false;
                alle.push((rij, Vec::new()));
            }
            _ => alle.push((rij, Vec::new())),
        }
        let cellen = &mut alle.last_mut().expect("a row was just found or pushed").1;
        if cellen.len() <= kolom {
            cellen.resize(kolom + 1, String::new());
        }
        cellen[kolom] = cel_ref_tekst(waarde);
        breedte = breedte.max(kolom + 1);
    }
    if !op_volgorde {
        // Rows out of order (never written so, but possible): in order, later cells winning.
        alle.sort_by_key(|(rij, _)| *rij);
        alle.dedup_by(|later, eerder| {
            if later.0 != eerder.0 {
                return false;
            }
            let later = std::mem::take(&mut later.1);
            if eerder.1.len() < later.len() {
                eerder.1.resize(later.len(), String::new());
            }
            for (kolom, tekst) in later.into_iter().enumerate().filter(|(_, t)| !t.is_empty()) {
                eerder.1[kolom] = tekst;
            }
            true
        });
    }
    for (_, cellen) in &mut alle {
        cellen.resize(breedte, String::new());
    }
    Ok(alle)
}

/// The first sheet of an XLS or ODS workbook (or an XLSX the XLSX reader refused) through
/// calamine's grid.
fn andere_rijen(bytes: &[u8]) -> CoreResult<Vec<(usize, Vec<String>)>> {
    use calamine::Reader;
    let mut boek =
        calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes)).map_err(|e| {
            CoreError::bestand("fout.import_lezen.werkboek_niet_gelezen_geen").met("fout", &e)
        })?;
    let blad = boek
        .worksheet_range_at(0)
        .ok_or_else(|| CoreError::bestand("fout.import_lezen.werkboek_heeft_geen_werkbladen"))?
        .map_err(niet_gelezen)?;
    let (eerste_rij, eerste_kolom) = blad.start().unwrap_or((0, 0));
    let opvulling = vec![String::new(); eerste_kolom as usize];
    Ok(blad
        .rows()
        .enumerate()
        .map(|(i, cellen)| {
            let mut rij = opvulling.clone();
            rij.extend(cellen.iter().map(cel_tekst));
            (eerste_rij as usize + i + 1, rij)
        })
        .collect())
}

/// Reads a CSV file or a workbook, told apart by its name.
pub fn lees_bestand(naam: &str, bytes: &[u8]) -> CoreResult<Tabel> {
    let extensie = naam.rsplit_once('.').map_or("", |(_, e)| e).to_lowercase();
    match extensie.as_str() {
        "xlsx" | "xlsm" | "xls" | "ods" => lees_werkboek(bytes),
        "csv" | "txt" => lees_csv(bytes),
        _ => Err(CoreError::bestand("fout.import_lezen.geen_csv_xlsx_ods").met("naam", &naam)),
    }
}

#[cfg(test)]
mod tests {
    use super::{andere_rijen, xlsx_rijen};
    use calamine::Reader;

    /// A sheet with what the grid has to get right: title rows, a gap, cells from column B,
    /// numbers, fractions, dates, booleans, a formatted empty cell and a cell left empty.
    fn werkboek() -> Vec<u8> {
        use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
        let mut boek = Workbook::new();
        let blad = boek.add_worksheet();
        let datum = Format::new().set_num_format("dd-mm-yyyy");
        blad.write_string(0, 2, "Overzicht opvang").unwrap();
        blad.write_string(3, 1, "Gemeentecode").unwrap();
        blad.write_string(3, 2, "Locatie").unwrap();
        blad.write_string(3, 3, "Peildatum").unwrap();
        blad.write_string(3, 4, "Capaciteit").unwrap();
        blad.write_blank(3, 7, &Format::new().set_bold()).unwrap();
        for rij in 4..40u32 {
            blad.write_string(rij, 1, "GM0363").unwrap();
            blad.write_string(rij, 2, format!("Hotel {}", rij % 7))
                .unwrap();
            let dag = ExcelDateTime::from_ymd(2026, 3, 2).unwrap();
            blad.write_datetime_with_format(rij, 3, &dag, &datum)
                .unwrap();
            if rij % 5 != 0 {
                blad.write_number(rij, 4, f64::from(rij) * 1.5).unwrap();
            }
            if rij % 9 == 0 {
                blad.write_boolean(rij, 5, rij % 2 == 0).unwrap();
            }
        }
        boek.save_to_buffer().unwrap()
    }

    /// The XLSX reader gives the rows of calamine's grid, less the rows without any cell.
    #[test]
    fn the_xlsx_cell_reader_gives_the_rows_of_the_grid() {
        let map = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures");
        let bestanden = [
            std::fs::read(map.join("import/libreoffice/bezetting.xlsx")).unwrap(),
            std::fs::read(map.join("import/libreoffice/fout.xlsx")).unwrap(),
            werkboek(),
        ];
        for bytes in bestanden {
            let mut boek = calamine::Xlsx::new(std::io::Cursor::new(&bytes[..])).unwrap();
            let cellen = xlsx_rijen(&mut boek).unwrap();
            let mut grid = andere_rijen(&bytes).unwrap();
            grid.retain(|(_, rij)| rij.iter().any(|tekst| !tekst.is_empty()));
            assert!(cellen.len() > 3);
            assert_eq!(cellen, grid);
        }
    }
}
