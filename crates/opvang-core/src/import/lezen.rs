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

/// One cell as the text the CSV path would have read: whole numbers without decimals, fractions
/// with a decimal comma (so counts refuse them), dates as their spreadsheet serial.
fn cel_tekst(cel: &calamine::Data) -> String {
    use calamine::Data;
    let getal = |f: f64| {
        if f.fract() == 0.0 && f.abs() < 1e15 {
            format!("{}", f as i64)
        } else {
            f.to_string().replace('.', ",")
        }
    };
    match cel {
        Data::Empty | Data::Error(_) => String::new(),
        Data::Int(n) => n.to_string(),
        Data::Float(f) => getal(*f),
        Data::DateTime(d) => getal(d.as_f64().floor()),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Bool(b) => if *b { "ja" } else { "nee" }.to_owned(),
    }
}

/// Reads the first sheet of an XLSX, XLS or ODS workbook and finds its heading row.
pub fn lees_werkboek(bytes: &[u8]) -> CoreResult<Tabel> {
    use calamine::Reader;
    super::zipgrens::controleer(bytes)?;
    super::zipgrens::controleer_celverwijzingen(bytes)?;
    let mut boek = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes.to_vec()))
        .map_err(|e| {
            CoreError::bestand("fout.import_lezen.werkboek_niet_gelezen_geen").met("fout", &e)
        })?;
    let blad = boek
        .worksheet_range_at(0)
        .ok_or_else(|| CoreError::bestand("fout.import_lezen.werkboek_heeft_geen_werkbladen"))?
        .map_err(|e| {
            CoreError::bestand("fout.import_lezen.eerste_werkblad_niet_gelezen").met("fout", &e)
        })?;
    let (eerste_rij, eerste_kolom) = blad.start().unwrap_or((0, 0));
    let opvulling = vec![String::new(); eerste_kolom as usize];
    let alle = blad
        .rows()
        .enumerate()
        .map(|(i, cellen)| {
            let mut rij = opvulling.clone();
            rij.extend(cellen.iter().map(cel_tekst));
            (eerste_rij as usize + i + 1, rij)
        })
        .collect();
    tabel_uit_rijen(alle)
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
