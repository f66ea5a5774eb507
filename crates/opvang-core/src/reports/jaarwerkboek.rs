//! The yearly occupancy workbook as reception staff keep it: a sheet per month, a row per day, a
//! column per location (as-of occupancy, all target groups summed), a total column and monthly
//! averages of occupancy and capacity.

use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{Format, Workbook, XlsxError};

use crate::error::{CoreError, CoreResult};
use crate::format::{maand_lang, spreadsheet_veilig};
use crate::i18n::{self, Taal};
use crate::locations::{CapaciteitPeriode, LocatieFilter};
use crate::occupancy::Peiling;
use crate::Db;

/// Catalog keys of the workbook's texts; the month sheets are named by [`maand_lang`].
mod tekst {
    pub const DATUM: &str = "export.jaarwerkboek.datum";
    pub const TOTAAL: &str = "export.jaarwerkboek.totaal";
    pub const GEMIDDELD_BEZET: &str = "export.jaarwerkboek.gemiddeld_bezet";
    pub const GEMIDDELDE_CAPACITEIT: &str = "export.jaarwerkboek.gemiddelde_capaciteit";
}

/// One location's history for the year.
struct Kolom {
    kop: String,
    capaciteit: Vec<CapaciteitPeriode>,
    peilingen: Vec<Peiling>,
}

impl Kolom {
    fn bezet(&self, datum: NaiveDate) -> i64 {
        let tot = self.peilingen.partition_point(|p| p.peildatum <= datum);
        tot.checked_sub(1)
            .map_or(0, |i| self.peilingen[i].bezetting.totaal())
    }

    fn capaciteit(&self, datum: NaiveDate) -> i64 {
        self.capaciteit
            .iter()
            .find(|p| p.dekt(datum))
            .map_or(0, |p| p.plaatsen)
    }
}

/// Writes the workbook of `jaar` to `pad` in the active language; days after `vandaag` stay empty.
/// Returns the locations.
pub async fn exporteren(
    db: &Db,
    jaar: i32,
    vandaag: NaiveDate,
    pad: &std::path::Path,
) -> CoreResult<usize> {
    let mut kolommen = Vec::new();
    for l in db.locaties(&LocatieFilter::default()).await? {
        let mut peilingen = db.peilingen(l.id).await?;
        peilingen.sort_by_key(|p| p.peildatum);
        kolommen.push(Kolom {
            kop: format!("{} ({})", l.gegevens.naam, l.gemeente_naam),
            capaciteit: db.capaciteit(l.id).await?,
            peilingen,
        });
    }
    let bytes = werkboek(&kolommen, jaar, vandaag, i18n::actieve_taal()).map_err(|e| {
        CoreError::bestand("fout.reports_auditlog.bestand_niet_geschreven")
            .met("pad", &pad.display())
            .met("fout", &e)
    })?;
    std::fs::write(pad, bytes).map_err(|e| {
        CoreError::bestand("fout.reports_auditlog.bestand_niet_geschreven")
            .met("pad", &pad.display())
            .met("fout", &e)
    })?;
    Ok(kolommen.len())
}

fn werkboek(
    kolommen: &[Kolom],
    jaar: i32,
    vandaag: NaiveDate,
    taal: Taal,
) -> Result<Vec<u8>, XlsxError> {
    let kop = Format::new().set_bold().set_text_wrap();
    let aantal = Format::new().set_num_format("#,##0");
    let gemiddeld = Format::new().set_num_format("#,##0.0").set_bold();
    let datum_opmaak = Format::new().set_num_format(match taal {
        Taal::Nl => "d-m-yyyy",
        Taal::En => "dd/mm/yyyy",
    });
    let t = |sleutel: &str| i18n::tekst(taal, sleutel);
    let mut boek = Workbook::new();
    for m in 0..12 {
        let blad = boek.add_worksheet();
        let naam = maand_lang(taal, m + 1);
        let mut letters = naam.chars();
        let naam: String = letters
            .next()
            .map(|c| c.to_uppercase().chain(letters).collect())
            .unwrap_or_default();
        blad.set_name(naam)?;
        blad.write_string_with_format(0, 0, t(tekst::DATUM), &kop)?;
        blad.set_column_width(0, 12)?;
        for (k, kolom) in kolommen.iter().enumerate() {
            blad.write_string_with_format(0, k as u16 + 1, spreadsheet_veilig(&kolom.kop), &kop)?;
            blad.set_column_width(k as u16 + 1, 18)?;
        }
        let totaal_kolom = kolommen.len() as u16 + 1;
        blad.write_string_with_format(0, totaal_kolom, t(tekst::TOTAAL), &kop)?;
        blad.set_column_width(totaal_kolom, 14)?;
        blad.set_row_height(0, 45)?;
        blad.set_freeze_panes(1, 1)?;
        let eerste = NaiveDate::from_ymd_opt(jaar, m + 1, 1).expect("valid month");
        let dagen: Vec<NaiveDate> = eerste
            .iter_days()
            .take_while(|d| d.month() == eerste.month() && *d <= vandaag)
            .collect();
        let mut som_bezet = vec![0i64; kolommen.len() + 1];
        let mut som_capaciteit = vec![0i64; kolommen.len() + 1];
        for (r, dag) in eerste
            .iter_days()
            .take_while(|d| d.month() == eerste.month())
            .enumerate()
        {
            let r = r as u32 + 1;
            let excel = rust_xlsxwriter::ExcelDateTime::from_ymd(
                dag.year() as u16,
                dag.month() as u8,
                dag.day() as u8,
            )?;
            blad.write_datetime_with_format(r, 0, &excel, &datum_opmaak)?;
            if dag > vandaag {
                continue;
            }
            let mut totaal = 0;
            let mut totaal_capaciteit = 0;
            for (k, kolom) in kolommen.iter().enumerate() {
                let bezet = kolom.bezet(dag);
                let capaciteit = kolom.capaciteit(dag);
                som_bezet[k] += bezet;
                som_capaciteit[k] += capaciteit;
                totaal += bezet;
                totaal_capaciteit += capaciteit;
                blad.write_number_with_format(r, k as u16 + 1, bezet as f64, &aantal)?;
            }
            som_bezet[kolommen.len()] += totaal;
            som_capaciteit[kolommen.len()] += totaal_capaciteit;
            blad.write_number_with_format(r, totaal_kolom, totaal as f64, &aantal)?;
        }
        let onder = 33;
        blad.write_string_with_format(onder, 0, t(tekst::GEMIDDELD_BEZET), &kop)?;
        blad.write_string_with_format(onder + 1, 0, t(tekst::GEMIDDELDE_CAPACITEIT), &kop)?;
        if !dagen.is_empty() {
            let n = dagen.len() as f64;
            for (k, (bezet, capaciteit)) in som_bezet.iter().zip(&som_capaciteit).enumerate() {
                let kolom = k as u16 + 1;
                blad.write_number_with_format(onder, kolom, *bezet as f64 / n, &gemiddeld)?;
                blad.write_number_with_format(
                    onder + 1,
                    kolom,
                    *capaciteit as f64 / n,
                    &gemiddeld,
                )?;
            }
        }
    }
    boek.save_to_buffer()
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::Reader;

    #[tokio::test]
    async fn a_sheet_per_month_a_row_per_day_a_column_per_location_and_averages() {
        let dir = tempfile::tempdir().unwrap();
        let db = crate::reports::vng::tests::demo_db(dir.path()).await;
        let l = db
            .locatie_toevoegen(
                &crate::locations::voorbeeld_invoer("GM0344", "=HYPERLINK(\"http://x\")"),
                "2026-11-01".parse().unwrap(),
            )
            .await
            .unwrap();
        assert!(l.id > 0);
        let pad = dir.path().join("jaar.xlsx");
        let vandaag: NaiveDate = "2026-11-23".parse().unwrap();
        assert_eq!(exporteren(&db, 2026, vandaag, &pad).await.unwrap(), 41);
        let mut boek = calamine::open_workbook_auto(&pad).unwrap();
        assert_eq!(boek.sheet_names().len(), 12);
        assert_eq!(boek.sheet_names()[10], "November");
        let nov = boek.worksheet_range("November").unwrap();
        assert_eq!(
            nov.get((0, 0)),
            Some(&calamine::Data::String("Datum".into()))
        );
        let koppen: Vec<String> = nov
            .rows()
            .next()
            .unwrap()
            .iter()
            .map(|c| c.to_string())
            .collect();
        assert!(koppen.contains(&"'=HYPERLINK(\"http://x\") (Utrecht)".to_owned()));
        assert_eq!(koppen.last().unwrap(), "Totaal bezet");
        // The total on the 23rd equals the dashboard's occupied places that day.
        let dash = crate::overview::dashboard(&db, vandaag, &crate::occupancy::Gebied::land())
            .await
            .unwrap();
        let totaal_kolom = koppen.len() - 1;
        assert_eq!(
            nov.get((23, totaal_kolom)),
            Some(&calamine::Data::Float(dash.totalen.bezet as f64))
        );
        assert_eq!(nov.get((24, totaal_kolom)), Some(&calamine::Data::Empty));
        assert_eq!(
            nov.get((33, 0)),
            Some(&calamine::Data::String("Gemiddeld bezet".into()))
        );

        // In English: month sheets, headers and the averages' labels.
        let kolommen: Vec<Kolom> = Vec::new();
        let engels = werkboek(&kolommen, 2026, vandaag, Taal::En).unwrap();
        let mut boek = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(engels)).unwrap();
        assert_eq!(boek.sheet_names()[2], "March");
        let maart = boek.worksheet_range("March").unwrap();
        assert_eq!(
            maart.get((0, 0)),
            Some(&calamine::Data::String("Date".into()))
        );
        assert_eq!(
            maart.get((0, 1)),
            Some(&calamine::Data::String("Total occupied".into()))
        );
        assert_eq!(
            maart.get((33, 0)),
            Some(&calamine::Data::String("Average occupied".into()))
        );
        db.close().await;
    }
}
