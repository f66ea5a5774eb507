//! The projection as a CSV file for Excel in the active language: one row per month × area ×
//! target group; Dutch with `;` between cells and a decimal comma, English (en-GB) with `,` and a
//! decimal point; UTF-8 with BOM, CRLF lines. Area kinds and target groups are written as codes.

use std::path::Path;

use super::{Band, MaandTotaal, Projectie, Stroomcijfers};
use crate::error::{CoreError, CoreResult};
use crate::format::{datum, spreadsheet_veilig};
use crate::i18n::{self, Taal};
use crate::occupancy::GebiedSoort;

/// Catalog keys of the header row; [`kop`] gives the text in the active language.
pub(super) const KOPPEN: [&str; 27] = [
    "export.projectie.maand",
    "export.projectie.gebiedssoort",
    "export.projectie.gebiedscode",
    "export.projectie.gebied",
    "export.projectie.doelgroep",
    "export.projectie.vraag",
    "export.projectie.instroom",
    "export.projectie.uitstroom_woning",
    "export.projectie.uitstroom_terugkeer",
    "export.projectie.aanbod",
    "export.projectie.waarvan_stand_by",
    "export.projectie.waarvan_pipeline",
    "export.projectie.saldo",
    "export.projectie.tekort_gemeenten",
    "export.projectie.bezet",
    "export.projectie.bezettingsgraad",
    "export.projectie.aflopend",
    "export.projectie.eerste_tekortmaand",
    "export.projectie.vraag_p10",
    "export.projectie.vraag_p50",
    "export.projectie.vraag_p90",
    "export.projectie.aanbod_p10",
    "export.projectie.aanbod_p50",
    "export.projectie.aanbod_p90",
    "export.projectie.saldo_p10",
    "export.projectie.saldo_p50",
    "export.projectie.saldo_p90",
];

/// A header cell in `taal`.
pub(super) fn kop(taal: Taal, sleutel: &str) -> String {
    i18n::tekst(taal, sleutel)
}

/// A text cell a spreadsheet would read as a formula gets a leading quote, so it stays text.
fn cel(tekst: &str) -> String {
    spreadsheet_veilig(tekst).into_owned()
}

/// A rate in tenths of a percent without thousands separator: `999` → `99,9` (English `99.9`).
fn graad(taal: Taal, tenths: Option<i64>) -> String {
    let teken = match taal {
        Taal::Nl => ',',
        Taal::En => '.',
    };
    tenths.map_or_else(String::new, |t| format!("{}{teken}{}", t / 10, t % 10))
}

/// A date as Excel in `taal` reads it: `4-3-2027`, English `04/03/2027`.
fn dag(taal: Taal, d: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    match taal {
        Taal::Nl => datum(d),
        Taal::En => format!("{:02}/{:02}/{}", d.day(), d.month(), d.year()),
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

fn band(b: Option<Band>) -> [String; 3] {
    b.map_or_else(Default::default, |b| {
        [b.p10.to_string(), b.p50.to_string(), b.p90.to_string()]
    })
}

fn stromen(s: &Stroomcijfers) -> [String; 4] {
    [
        s.vraag.to_string(),
        s.instroom.to_string(),
        s.uitstroom_woning.to_string(),
        s.uitstroom_terugkeer.to_string(),
    ]
}

/// The CSV bytes of a projection, with a header row, in the active language.
pub fn csv(projectie: &Projectie) -> CoreResult<Vec<u8>> {
    csv_in(projectie, i18n::actieve_taal())
}

/// The CSV bytes of a projection in `taal`.
pub fn csv_in(projectie: &Projectie, taal: Taal) -> CoreResult<Vec<u8>> {
    let fout = |e: csv::Error| {
        CoreError::bestand("fout.planning_export.projectie_niet_geschreven").met("fout", &e)
    };
    let mut schrijver = csv::WriterBuilder::new()
        .delimiter(match taal {
            Taal::Nl => b';',
            Taal::En => b',',
        })
        .terminator(csv::Terminator::CRLF)
        .from_writer(b"\xEF\xBB\xBF".to_vec());
    schrijver
        .write_record(KOPPEN.map(|k| kop(taal, k)))
        .map_err(fout)?;
    for gebied in &projectie.gebieden {
        let eerste_tekort = gebied
            .eerste_tekort
            .map(|d| dag(taal, d))
            .unwrap_or_default();
        for (k, t) in gebied.maanden.iter().enumerate() {
            let MaandTotaal { maand, banden, .. } = t;
            let begin = [
                dag(taal, *maand),
                soort(gebied.soort).to_owned(),
                cel(&gebied.code),
                cel(&gebied.naam),
            ];
            let mut rij: Vec<String> = begin.to_vec();
            rij.push("totaal".to_owned());
            rij.extend(stromen(&t.totaal));
            rij.extend(
                [t.aanbod, t.stand_by, t.pipeline, t.saldo, t.tekort, t.bezet]
                    .map(|n| n.to_string()),
            );
            rij.push(graad(taal, t.graad));
            rij.push(t.aflopend.to_string());
            rij.push(eerste_tekort.clone());
            rij.extend(band(banden.map(|b| b.vraag)));
            rij.extend(band(banden.map(|b| b.aanbod)));
            rij.extend(band(banden.map(|b| b.saldo)));
            schrijver.write_record(&rij).map_err(fout)?;
            for reeks in &gebied.doelgroepen {
                let mut rij: Vec<String> = begin.to_vec();
                rij.push(reeks.doelgroep.code().to_owned());
                rij.extend(stromen(&reeks.maanden[k]));
                rij.resize(KOPPEN.len(), String::new());
                schrijver.write_record(&rij).map_err(fout)?;
            }
        }
    }
    schrijver.into_inner().map_err(|e| {
        CoreError::bestand("fout.planning_export.projectie_niet_geschreven").met("fout", &e)
    })
}

/// Writes the projection to `pad`; returns the number of data rows.
pub fn exporteren(projectie: &Projectie, pad: &Path) -> CoreResult<usize> {
    std::fs::write(pad, csv(projectie)?).map_err(|e| {
        CoreError::bestand("fout.planning_export.bestand_niet_geschreven")
            .met("pad", &pad.display())
            .met("fout", &e)
    })?;
    Ok(projectie
        .gebieden
        .iter()
        .map(|g| g.maanden.len() * (1 + g.doelgroepen.len()))
        .sum())
}
