//! The VNG report as CSV for Excel in the report's language: Dutch with `;` between cells and a
//! decimal comma, English (en-GB) with `,` and a decimal point; UTF-8 with BOM, CRLF.

use super::tabel::{cellen, rijen_uit, Cel, GelezenRijen, Waarde};
use super::teksten::KOLOMMEN;
use super::VngRapport;
use crate::error::{CoreError, CoreResult};
use crate::format::{datum_cijfers_in, spreadsheet_veilig};
use crate::i18n::{self, Taal};

/// A rate as Excel in `taal` reads a percentage: `999` → `99,9%` (English `99.9%`); empty
/// without capacity.
fn percentage(taal: Taal, tenths: Option<i64>) -> String {
    let teken = match taal {
        Taal::Nl => ',',
        Taal::En => '.',
    };
    tenths.map_or_else(String::new, |t| format!("{}{teken}{}%", t / 10, t % 10))
}

/// The text of one cell; only text passes through [`spreadsheet_veilig`], numbers stay numbers.
/// Dates are written as Excel in `taal` reads them: `23-11-2026`, English `23/11/2026`.
pub(super) fn cel_tekst(taal: Taal, cel: &Cel) -> String {
    match cel {
        Cel::Tekst(t) => spreadsheet_veilig(t).into_owned(),
        Cel::Aantal(n) => n.to_string(),
        Cel::Percentage(p) => percentage(taal, *p),
        Cel::Datum(d) => datum_cijfers_in(taal, *d),
    }
}

/// The CSV bytes of the report's data rows in `taal`, with the header row.
pub fn schrijven(rapport: &VngRapport, taal: Taal) -> CoreResult<Vec<u8>> {
    let fout = |e: csv::Error| {
        CoreError::bestand("fout.reports_vng_csv.rapport_niet_geschreven").met("fout", &e)
    };
    let mut schrijver = csv::WriterBuilder::new()
        .delimiter(match taal {
            Taal::Nl => b';',
            Taal::En => b',',
        })
        .terminator(csv::Terminator::CRLF)
        .from_writer(b"\xEF\xBB\xBF".to_vec());
    schrijver
        .write_record(KOLOMMEN.iter().map(|(_, kop, _)| i18n::tekst(taal, kop)))
        .map_err(fout)?;
    for rij in &rapport.rijen {
        let rij: Vec<String> = cellen(taal, rapport.peildatum, rij)
            .iter()
            .map(|c| cel_tekst(taal, c))
            .collect();
        schrijver.write_record(&rij).map_err(fout)?;
    }
    schrijver.into_inner().map_err(|e| {
        CoreError::bestand("fout.reports_vng_csv.rapport_niet_geschreven").met("fout", &e)
    })
}

/// Reads the data rows of a CSV report in either language (`;` or `,`, UTF-8 with or without BOM).
pub fn lezen(bestand: &str, bytes: &[u8]) -> CoreResult<GelezenRijen> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let tekst = std::str::from_utf8(bytes).map_err(|_| {
        CoreError::bestand("fout.reports_vng_csv.geen_utf_8_tekst").met("bestand", &bestand)
    })?;
    let eerste = tekst.lines().next().unwrap_or_default();
    let scheiding = if eerste.contains(';') { b';' } else { b',' };
    let mut lezer = csv::ReaderBuilder::new()
        .delimiter(scheiding)
        .has_headers(false)
        .flexible(true)
        .from_reader(tekst.as_bytes());
    let mut regels = Vec::new();
    for (i, record) in lezer.records().enumerate() {
        let record = record.map_err(|e| {
            CoreError::bestand("fout.reports_vng_csv.rij_geen_geldige_csv")
                .met("bestand", &bestand)
                .met("i", &(i + 1))
                .met("fout", &e)
        })?;
        regels.push((i + 1, record.iter().map(str::to_owned).collect::<Vec<_>>()));
    }
    let Some((kopregel, koppen)) = regels.first().cloned() else {
        return Err(CoreError::bestand("fout.reports_vng_csv.leeg").met("bestand", &bestand));
    };
    let rijen: Vec<(usize, Vec<Waarde>)> = regels
        .into_iter()
        .skip(1)
        .map(|(n, cellen)| {
            let waarden = cellen
                .into_iter()
                .map(|c| {
                    if c.trim().is_empty() {
                        Waarde::Leeg
                    } else {
                        Waarde::Tekst(c)
                    }
                })
                .collect();
            (n, waarden)
        })
        .collect();
    rijen_uit(bestand, kopregel, &koppen, &rijen)
}
