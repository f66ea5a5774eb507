//! The report as a table of typed cells (for CSV and XLSX) and back: one row per municipality × type.

use chrono::NaiveDate;

use super::teksten::{locatietype, locatietype_uit, Kolom, KOLOMMEN};
use super::{VngRij, MAX_AANTAL, SCHEMA_VERSIE};
use crate::error::{CoreError, CoreResult};
use crate::i18n::{self, Taal};
use crate::import::{lees_aantal, lees_datum};
use crate::occupancy::Totalen;

/// A cell as the exports write it.
#[derive(Debug, Clone, PartialEq)]
pub enum Cel {
    Tekst(String),
    Aantal(i64),
    /// Tenths of a percent; `None` when there is no capacity.
    Percentage(Option<i64>),
    Datum(NaiveDate),
}

/// The cells of one data row, in the order of [`KOLOMMEN`], with its texts in `taal`.
pub fn cellen(taal: Taal, peildatum: NaiveDate, rij: &VngRij) -> Vec<Cel> {
    let t = &rij.totalen;
    let tekst = |s: &str| Cel::Tekst(s.to_owned());
    KOLOMMEN
        .iter()
        .map(|(kolom, _, _)| match kolom {
            Kolom::Peildatum => Cel::Datum(peildatum),
            Kolom::Gemeentecode => tekst(&rij.gemeente_code),
            Kolom::Gemeente => tekst(&rij.gemeente_naam),
            Kolom::Provinciecode => tekst(&rij.provincie_code),
            Kolom::Provincie => tekst(&rij.provincie_naam),
            Kolom::Veiligheidsregiocode => tekst(&rij.veiligheidsregio_code),
            Kolom::Veiligheidsregio => tekst(&rij.veiligheidsregio_naam),
            Kolom::Locatietype => tekst(&locatietype(taal, rij.soort)),
            Kolom::Locaties => Cel::Aantal(t.locaties),
            Kolom::Gerealiseerd => Cel::Aantal(t.gerealiseerd),
            Kolom::NietInzetbaar => Cel::Aantal(t.niet_inzetbaar),
            Kolom::Inzetbaar => Cel::Aantal(t.inzetbaar),
            Kolom::Ontheemden => Cel::Aantal(t.bezetting.ontheemden),
            Kolom::Statushouders => Cel::Aantal(t.bezetting.statushouders),
            Kolom::Asielzoekers => Cel::Aantal(t.bezetting.asielzoekers),
            Kolom::Overig => Cel::Aantal(t.bezetting.overig),
            Kolom::Bezet => Cel::Aantal(t.bezet),
            Kolom::Vrij => Cel::Aantal(t.vrij),
            Kolom::Graad => Cel::Percentage(t.graad),
            Kolom::GraadInzetbaar => Cel::Percentage(t.graad_inzetbaar),
            Kolom::Verouderd => Cel::Aantal(t.verouderd),
            Kolom::Overbezet => Cel::Aantal(t.overbezet),
            Kolom::ZonderPeiling => Cel::Aantal(t.zonder_peiling),
            Kolom::EindeBinnenZesMaanden => Cel::Aantal(rij.einde_binnen_zes_maanden),
            Kolom::Schemaversie => Cel::Aantal(SCHEMA_VERSIE),
        })
        .collect()
}

/// A cell as read back from a file: text (CSV, or a text cell) or a typed workbook cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Waarde {
    Leeg,
    Tekst(String),
    Getal(f64),
    Datum(NaiveDate),
}

/// The data rows of a report file, with the peildatum they share.
#[derive(Debug, Clone, PartialEq)]
pub struct GelezenRijen {
    pub peildatum: NaiveDate,
    pub rijen: Vec<VngRij>,
}

/// Reads the data rows under `koppen` (the headers in any of the languages); every error names
/// the file, the row and the column.
pub fn rijen_uit(
    bestand: &str,
    kopregel: usize,
    koppen: &[String],
    rijen: &[(usize, Vec<Waarde>)],
) -> CoreResult<GelezenRijen> {
    let mut posities = Vec::with_capacity(KOLOMMEN.len());
    for (_, sleutel, _) in KOLOMMEN {
        let namen: Vec<String> = Taal::ALLE
            .iter()
            .map(|&t| i18n::tekst(t, sleutel))
            .collect();
        let positie = koppen
            .iter()
            .position(|k| namen.iter().any(|n| k.trim().eq_ignore_ascii_case(n)))
            .ok_or_else(|| {
                CoreError::bestand("fout.reports_vng_tabel.rij_kolom_ontbreekt_geen")
                    .met("bestand", &bestand)
                    .met("kopregel", &kopregel)
                    .met("kop", &i18n::tekst(i18n::actieve_taal(), sleutel))
                    .met("schema_versie", &SCHEMA_VERSIE)
            })?;
        posities.push(positie);
    }
    let mut peildatum = None;
    let mut uit = Vec::new();
    for (nummer, cellen) in rijen {
        if cellen.iter().all(|c| match c {
            Waarde::Leeg => true,
            Waarde::Tekst(t) => t.trim().is_empty(),
            _ => false,
        }) {
            continue;
        }
        let lezer = RijLezer {
            bestand,
            nummer: *nummer,
            cellen,
            koppen,
            posities: &posities,
        };
        let versie = lezer.aantal(Kolom::Schemaversie)?;
        if versie != SCHEMA_VERSIE {
            return Err(lezer.fout(
                Kolom::Schemaversie,
                "fout.vng_cel.schemaversie",
                &[("versie", &versie), ("ondersteund", &SCHEMA_VERSIE)],
            ));
        }
        let datum = lezer.datum(Kolom::Peildatum)?;
        match peildatum {
            None => peildatum = Some(datum),
            Some(eerste) if eerste != datum => {
                let taal = i18n::actieve_taal();
                return Err(lezer.fout(
                    Kolom::Peildatum,
                    "fout.vng_cel.andere_peildatum",
                    &[
                        ("datum", &crate::format::datum_in(taal, datum)),
                        ("eerste", &crate::format::datum_in(taal, eerste)),
                    ],
                ));
            }
            Some(_) => {}
        }
        uit.push(lezer.rij()?);
    }
    let peildatum = peildatum.ok_or_else(|| {
        CoreError::bestand("fout.reports_vng_tabel.rapport_bevat_geen_gegevensrijen")
            .met("bestand", &bestand)
    })?;
    Ok(GelezenRijen {
        peildatum,
        rijen: uit,
    })
}

struct RijLezer<'a> {
    bestand: &'a str,
    nummer: usize,
    cellen: &'a [Waarde],
    koppen: &'a [String],
    posities: &'a [usize],
}

impl RijLezer<'_> {
    /// The position of `kolom` in [`KOLOMMEN`].
    fn index(kolom: Kolom) -> usize {
        KOLOMMEN
            .iter()
            .position(|(k, _, _)| *k == kolom)
            .expect("every column is in KOLOMMEN")
    }

    fn waarde(&self, kolom: Kolom) -> &Waarde {
        self.cellen
            .get(self.posities[Self::index(kolom)])
            .unwrap_or(&Waarde::Leeg)
    }

    /// An error about the cell of `kolom` in this row, named by the header the file has; the
    /// problem is the catalog text `sleutel` with `waarden` in the active language.
    fn fout(
        &self,
        kolom: Kolom,
        sleutel: &str,
        waarden: &[(&str, &dyn std::fmt::Display)],
    ) -> CoreError {
        let probleem = i18n::tekst_met(i18n::actieve_taal(), sleutel, waarden);
        self.fout_met(kolom, &probleem)
    }

    /// An error about the cell of `kolom` with an already worded problem.
    fn fout_met(&self, kolom: Kolom, probleem: &str) -> CoreError {
        let kop = &self.koppen[self.posities[Self::index(kolom)]];
        CoreError::bestand("fout.reports_vng_tabel.rij_kolom")
            .met("bestand", &self.bestand)
            .met("nummer", &self.nummer)
            .met("kop", &kop.trim())
            .met("probleem", &probleem)
    }

    fn tekst(&self, kolom: Kolom) -> CoreResult<String> {
        match self.waarde(kolom) {
            Waarde::Tekst(t) if !t.trim().is_empty() => Ok(t.trim().to_owned()),
            Waarde::Getal(g) => Ok(g.to_string()),
            _ => Err(self.fout(kolom, "fout.vng_cel.leeg", &[])),
        }
    }

    fn aantal(&self, kolom: Kolom) -> CoreResult<i64> {
        let n = self.getal(kolom)?;
        if n.unsigned_abs() > MAX_AANTAL.unsigned_abs() {
            return Err(self.fout(
                kolom,
                "fout.reports_vng_tabel.aantal_te_groot",
                &[
                    ("aantal", &n),
                    ("grens", &crate::format::aantal(MAX_AANTAL)),
                ],
            ));
        }
        Ok(n)
    }

    fn getal(&self, kolom: Kolom) -> CoreResult<i64> {
        match self.waarde(kolom) {
            Waarde::Getal(g) if g.fract() == 0.0 && g.abs() < 1e15 => Ok(*g as i64),
            Waarde::Getal(g) => {
                Err(self.fout(kolom, "fout.vng_cel.geen_geheel_aantal", &[("getal", g)]))
            }
            Waarde::Tekst(t) if !t.trim().is_empty() => {
                let t = t.trim();
                let (teken, rest) = t.strip_prefix('-').map_or((1, t), |r| (-1, r));
                lees_aantal(rest)
                    .map(|n| teken * n)
                    .map_err(|_| self.fout(kolom, "fout.vng_cel.geen_getal", &[("tekst", &t)]))
            }
            Waarde::Datum(_) => Err(self.fout(kolom, "fout.vng_cel.datum_voor_getal", &[])),
            _ => Err(self.fout(kolom, "fout.vng_cel.leeg_getal", &[])),
        }
    }

    /// A rate is recomputed from the counts; the cell only has to be a percentage or empty.
    fn percentage(&self, kolom: Kolom) -> CoreResult<()> {
        match self.waarde(kolom) {
            Waarde::Leeg | Waarde::Getal(_) => Ok(()),
            Waarde::Tekst(t) => {
                let t = t.trim().trim_end_matches('%').trim();
                let geldig = t.is_empty()
                    || t == "–"
                    || t.replace(['.', ','], "")
                        .chars()
                        .all(|c| c.is_ascii_digit());
                if geldig {
                    Ok(())
                } else {
                    Err(self.fout(kolom, "fout.vng_cel.geen_percentage", &[("tekst", &t)]))
                }
            }
            Waarde::Datum(_) => Err(self.fout(kolom, "fout.vng_cel.datum_voor_percentage", &[])),
        }
    }

    fn datum(&self, kolom: Kolom) -> CoreResult<NaiveDate> {
        match self.waarde(kolom) {
            Waarde::Datum(d) => Ok(*d),
            Waarde::Tekst(t) => lees_datum(t).map_err(|e| self.fout_met(kolom, &e)),
            Waarde::Getal(g) => lees_datum(&g.to_string()).map_err(|e| self.fout_met(kolom, &e)),
            Waarde::Leeg => Err(self.fout(kolom, "fout.import_waarden.peildatum_ontbreekt", &[])),
        }
    }

    fn rij(&self) -> CoreResult<VngRij> {
        let type_tekst = self.tekst(Kolom::Locatietype)?;
        let soort = locatietype_uit(&type_tekst).ok_or_else(|| {
            self.fout(
                Kolom::Locatietype,
                "fout.vng_cel.onbekend_locatietype",
                &[("tekst", &type_tekst)],
            )
        })?;
        let code = self.tekst(Kolom::Gemeentecode)?.to_uppercase();
        let geldig = code.len() == 6
            && code.starts_with("GM")
            && code[2..].chars().all(|c| c.is_ascii_digit());
        if !geldig {
            return Err(self.fout(
                Kolom::Gemeentecode,
                "fout.vng_cel.geen_gemeentecode",
                &[("code", &code)],
            ));
        }
        let mut t = Totalen {
            locaties: self.aantal(Kolom::Locaties)?,
            gerealiseerd: self.aantal(Kolom::Gerealiseerd)?,
            niet_inzetbaar: self.aantal(Kolom::NietInzetbaar)?,
            verouderd: self.aantal(Kolom::Verouderd)?,
            overbezet: self.aantal(Kolom::Overbezet)?,
            zonder_peiling: self.aantal(Kolom::ZonderPeiling)?,
            ..Totalen::default()
        };
        t.bezetting.ontheemden = self.aantal(Kolom::Ontheemden)?;
        t.bezetting.statushouders = self.aantal(Kolom::Statushouders)?;
        t.bezetting.asielzoekers = self.aantal(Kolom::Asielzoekers)?;
        t.bezetting.overig = self.aantal(Kolom::Overig)?;
        for kolom in [
            Kolom::Locaties,
            Kolom::Gerealiseerd,
            Kolom::NietInzetbaar,
            Kolom::Ontheemden,
            Kolom::Statushouders,
            Kolom::Asielzoekers,
            Kolom::Overig,
            Kolom::Verouderd,
            Kolom::Overbezet,
            Kolom::ZonderPeiling,
            Kolom::EindeBinnenZesMaanden,
        ] {
            if self.aantal(kolom)? < 0 {
                return Err(self.fout(kolom, "fout.vng_cel.negatief", &[]));
            }
        }
        t.afleiden();
        for (kolom, waarde) in [
            (Kolom::Inzetbaar, t.inzetbaar),
            (Kolom::Bezet, t.bezet),
            (Kolom::Vrij, t.vrij),
        ] {
            let gelezen = self.aantal(kolom)?;
            if gelezen != waarde {
                return Err(self.fout(
                    kolom,
                    "fout.vng_cel.klopt_niet",
                    &[("gelezen", &gelezen), ("verwacht", &waarde)],
                ));
            }
        }
        self.percentage(Kolom::Graad)?;
        self.percentage(Kolom::GraadInzetbaar)?;
        Ok(VngRij {
            gemeente_code: code,
            gemeente_naam: self.tekst(Kolom::Gemeente)?,
            provincie_code: self.tekst(Kolom::Provinciecode)?,
            provincie_naam: self.tekst(Kolom::Provincie)?,
            veiligheidsregio_code: self.tekst(Kolom::Veiligheidsregiocode)?,
            veiligheidsregio_naam: self.tekst(Kolom::Veiligheidsregio)?,
            soort,
            totalen: t,
            einde_binnen_zes_maanden: self.aantal(Kolom::EindeBinnenZesMaanden)?,
        })
    }
}
