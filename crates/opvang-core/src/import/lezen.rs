//! Reading a CSV file or a workbook into rows: encoding, separator and the heading row under any title rows.

use super::ImportVeld;
use crate::error::{CoreError, CoreResult};

/// The cells of a file: the heading row and the data rows below it with their row numbers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tabel {
    /// Row number (as the spreadsheet shows it, from 1) of the heading row.
    pub kopregel: usize,
    pub koppen: Vec<String>,
    pub rijen: Vec<Rij>,
}

/// A row of a file: its number as the spreadsheet shows it (from 1) and its cells' texts, held
/// in one string (a 100,000-row sheet is a million cells; one allocation per cell made reading
/// it slower and its memory twice as large).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rij {
    pub nummer: usize,
    tekst: String,
    /// Where each cell ends in `tekst`.
    einden: Vec<u32>,
}

impl Rij {
    /// Row `nummer` with `cellen`.
    pub fn nieuw<'c>(nummer: usize, cellen: impl IntoIterator<Item = &'c str>) -> Rij {
        let mut rij = Rij {
            nummer,
            tekst: String::new(),
            einden: Vec::new(),
        };
        for cel in cellen {
            rij.tekst.push_str(cel);
            rij.einden.push(rij.tekst.len() as u32);
        }
        rij
    }

    /// The text of cell `kolom` (from 0), if the row is that wide.
    pub fn cel(&self, kolom: usize) -> Option<&str> {
        let eind = *self.einden.get(kolom)? as usize;
        let begin = kolom.checked_sub(1).map_or(0, |k| self.einden[k] as usize);
        Some(&self.tekst[begin..eind])
    }

    /// The texts of the cells, left to right.
    pub fn cellen(&self) -> impl Iterator<Item = &str> + '_ {
        (0..self.einden.len()).map(|kolom| self.cel(kolom).expect("kolom within the row"))
    }

    /// The number of cells.
    pub fn breedte(&self) -> usize {
        self.einden.len()
    }

    /// Widens the row with empty cells to `breedte`.
    fn verbreed(&mut self, breedte: usize) {
        let eind = self.tekst.len() as u32;
        if self.einden.len() < breedte {
            self.einden.resize(breedte, eind);
        }
    }
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
        alle.push(Rij::nieuw(rij, record.iter()));
    }
    tabel_uit_rijen(alle)
}

/// Picks the first row (of the first 30) where at least two cells name known fields as the heading.
pub(crate) fn tabel_uit_rijen(alle: Vec<Rij>) -> CoreResult<Tabel> {
    let positie = alle
        .iter()
        .take(30)
        .position(|rij| {
            rij.cellen()
                .filter(|c| ImportVeld::uit_kop(c).is_some())
                .count()
                >= 2
        })
        .ok_or_else(|| CoreError::bestand("fout.import_lezen.geen_kopregel_gevonden_geen"))?;
    let mut rijen = alle;
    let rest = rijen.split_off(positie + 1);
    let kop = rijen.pop().expect("heading row exists");
    Ok(Tabel {
        kopregel: kop.nummer,
        koppen: kop.cellen().map(|k| k.trim().to_owned()).collect(),
        rijen: rest,
    })
}

/// A spreadsheet number as the CSV path would have read it, written to `uit`: whole numbers
/// without decimals, fractions with a decimal comma (so counts refuse them).
fn getal_tekst_in(f: f64, uit: &mut String) {
    use std::fmt::Write;
    if f.fract() == 0.0 && f.abs() < 1e15 {
        write!(uit, "{}", f as i64).expect("writing to a String");
    } else {
        uit.push_str(&f.to_string().replace('.', ","));
    }
}

/// One cell as the text the CSV path would have read; dates as their spreadsheet serial.
fn cel_tekst(cel: &calamine::Data) -> String {
    use calamine::Data;
    let mut tekst = String::new();
    match cel {
        Data::Empty | Data::Error(_) => {}
        Data::Int(n) => tekst = n.to_string(),
        Data::Float(f) => getal_tekst_in(*f, &mut tekst),
        Data::DateTime(d) => getal_tekst_in(d.as_f64().floor(), &mut tekst),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => tekst.clone_from(s),
        Data::Bool(b) => tekst = waarheid_tekst(*b).to_owned(),
    }
    tekst
}

/// [`cel_tekst`] for a cell as the XLSX reader gives it (a shared string borrowed), written to
/// `uit`.
fn cel_ref_tekst_in(cel: &calamine::DataRef<'_>, uit: &mut String) {
    use calamine::DataRef;
    use std::fmt::Write;
    match cel {
        DataRef::Empty | DataRef::Error(_) => {}
        DataRef::Int(n) => write!(uit, "{n}").expect("writing to a String"),
        DataRef::Float(f) => getal_tekst_in(*f, uit),
        DataRef::DateTime(d) => getal_tekst_in(d.as_f64().floor(), uit),
        DataRef::SharedString(s) => uit.push_str(s),
        DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => uit.push_str(s),
        DataRef::Bool(b) => uit.push_str(waarheid_tekst(*b)),
    }
}

/// A spreadsheet's TRUE or FALSE as the import reads it.
fn waarheid_tekst(waar: bool) -> &'static str {
    if waar {
        "ja"
    } else {
        "nee"
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
) -> CoreResult<Vec<Rij>> {
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
    let mut alle: Vec<Rij> = Vec::new();
    let mut huidig = Rijbouwer::default();
    let mut breedte = 0;
    let mut op_volgorde = true;
    while let Some(cel) = lezer.next_cell().map_err(niet_gelezen)? {
        let (rij, kolom) = cel.get_position();
        let (rij, kolom) = (rij as usize + 1, kolom as usize);
        let waarde = cel.get_value();
        if *waarde == DataRef::Empty {
            continue;
        }
        if huidig.nummer != Some(rij) {
            if let Some(klaar) = huidig.af() {
                op_volgorde &= klaar.nummer < rij;
                alle.push(klaar);
            }
            huidig.nummer = Some(rij);
        }
        cel_ref_tekst_in(waarde, huidig.cel(kolom));
        breedte = breedte.max(kolom + 1);
    }
    alle.extend(huidig.af());
    if !op_volgorde {
        // Rows out of order (never written so, but possible): in order, later cells winning.
        alle.sort_by_key(|rij| rij.nummer);
        alle.dedup_by(|later, eerder| {
            if later.nummer != eerder.nummer {
                return false;
            }
            let mut samen: Vec<String> = eerder.cellen().map(str::to_owned).collect();
            samen.resize(samen.len().max(later.breedte()), String::new());
            for (kolom, tekst) in later.cellen().enumerate().filter(|(_, t)| !t.is_empty()) {
                tekst.clone_into(&mut samen[kolom]);
            }
            *eerder = Rij::nieuw(eerder.nummer, samen.iter().map(String::as_str));
            true
        });
    }
    for rij in &mut alle {
        rij.verbreed(breedte);
    }
    Ok(alle)
}

/// The row a sheet is being read into, cell by cell in any order: the texts by column, kept from
/// row to row so that their buffers are reused.
#[derive(Default)]
struct Rijbouwer {
    nummer: Option<usize>,
    cellen: Vec<String>,
    /// How many of `cellen` belong to this row.
    breedte: usize,
}

impl Rijbouwer {
    /// The emptied cell `kolom` of this row, to write its text to.
    fn cel(&mut self, kolom: usize) -> &mut String {
        if self.cellen.len() <= kolom {
            self.cellen.resize_with(kolom + 1, String::new);
        }
        for cel in &mut self.cellen[self.breedte.min(kolom)..=kolom] {
            cel.clear();
        }
        self.breedte = self.breedte.max(kolom + 1);
        &mut self.cellen[kolom]
    }

    /// The row read so far, if any, leaving the builder empty.
    fn af(&mut self) -> Option<Rij> {
        let nummer = self.nummer.take()?;
        let cellen = &self.cellen[..self.breedte];
        self.breedte = 0;
        Some(Rij::nieuw(nummer, cellen.iter().map(String::as_str)))
    }
}

/// The first sheet of an XLS or ODS workbook (or an XLSX the XLSX reader refused) through
/// calamine's grid.
fn andere_rijen(bytes: &[u8]) -> CoreResult<Vec<Rij>> {
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
    let opvulling = vec![""; eerste_kolom as usize];
    Ok(blad
        .rows()
        .enumerate()
        .map(|(i, cellen)| {
            let teksten: Vec<String> = cellen.iter().map(cel_tekst).collect();
            Rij::nieuw(
                eerste_rij as usize + i + 1,
                opvulling
                    .iter()
                    .copied()
                    .chain(teksten.iter().map(String::as_str)),
            )
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
    use super::{andere_rijen, xlsx_rijen, Rij};
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

    /// A workbook with one sheet whose `<sheetData>` is `rijen`, zipped by hand: what no
    /// spreadsheet program writes but a file may hold.
    fn werkboek_met_blad(rijen: &str) -> Vec<u8> {
        use std::io::Write;
        let delen = [
            (
                "[Content_Types].xml",
                r#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#.to_owned(),
            ),
            (
                "_rels/.rels",
                r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.to_owned(),
            ),
            (
                "xl/workbook.xml",
                r#"<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Blad1" sheetId="1" r:id="rId1"/></sheets></workbook>"#.to_owned(),
            ),
            (
                "xl/_rels/workbook.xml.rels",
                r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#.to_owned(),
            ),
            (
                "xl/worksheets/sheet1.xml",
                format!(
                    r#"<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{rijen}</sheetData></worksheet>"#
                ),
            ),
        ];
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        for (naam, inhoud) in delen {
            zip.start_file(naam, zip::write::SimpleFileOptions::default())
                .unwrap();
            zip.write_all(inhoud.as_bytes()).unwrap();
        }
        zip.finish().unwrap().into_inner()
    }

    /// Cells in any order within a row, and a row that comes back after another: each cell lands
    /// in its column, and the later cells of a row win.
    #[test]
    fn cells_and_rows_out_of_order_land_where_their_references_say() {
        let tekst =
            |r: &str, t: &str| format!(r#"<c r="{r}" t="inlineStr"><is><t>{t}</t></is></c>"#);
        let blad = format!(
            r#"<row r="3">{}{}</row><row r="1"><c r="B1"><v>7</v></c></row><row r="3">{}{}</row>"#,
            tekst("C3", "c3"),
            tekst("A3", "a3"),
            tekst("B3", "b3"),
            tekst("A3", "later"),
        );
        let bytes = werkboek_met_blad(&blad);
        let mut boek = calamine::Xlsx::new(std::io::Cursor::new(&bytes[..])).unwrap();
        let rijen = xlsx_rijen(&mut boek).unwrap();
        assert_eq!(
            rijen,
            [
                Rij::nieuw(1, ["", "7", ""]),
                Rij::nieuw(3, ["later", "b3", "c3"]),
            ]
        );
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
            grid.retain(|rij| rij.cellen().any(|tekst| !tekst.is_empty()));
            assert!(cellen.len() > 3);
            assert_eq!(cellen, grid);
        }
    }
}
