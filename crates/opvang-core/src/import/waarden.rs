//! Reading cell values the Dutch way: counts, dates, location types and one-cell addresses.

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::i18n::{self, Taal};
use crate::locations::{normaliseer_postcode, LocatieType};

/// A message about the cell text `tekst` from the catalog, in `taal`.
fn melding(taal: Taal, sleutel: &str, tekst: &str) -> String {
    i18n::tekst_met(taal, sleutel, &[("tekst", &format!("{tekst:?}"))])
}

/// Reads a count: `1024`, `1.024`, `1 024` or `1024,0`; a fraction or a negative number is refused
/// with a message in the active language.
pub fn lees_aantal(tekst: &str) -> Result<i64, String> {
    lees_aantal_in(i18n::actieve_taal(), tekst)
}

/// [`lees_aantal`] with its message in `taal`.
pub fn lees_aantal_in(taal: Taal, tekst: &str) -> Result<i64, String> {
    let t: String = tekst
        .trim()
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{a0}')
        .collect();
    let geen_getal = || melding(taal, "fout.import_waarden.geen_geheel_aantal", tekst);
    if t.starts_with('-') {
        return Err(melding(taal, "fout.import_waarden.negatief", tekst));
    }
    let (geheel, fractie) = match t.split_once(',') {
        Some((g, f)) => (g, Some(f)),
        None => (t.as_str(), None),
    };
    if let Some(f) = fractie {
        if f.chars().any(|c| c != '0') || f.is_empty() {
            return Err(melding(taal, "fout.import_waarden.decimalen", tekst));
        }
    }
    let groepen: Vec<&str> = geheel.split('.').collect();
    let cijfers = if groepen.len() > 1 {
        let geldig = groepen[0].len() <= 3
            && !groepen[0].is_empty()
            && groepen[1..].iter().all(|g| g.len() == 3);
        if !geldig {
            return Err(geen_getal());
        }
        groepen.concat()
    } else {
        geheel.to_owned()
    };
    if cijfers.is_empty() || !cijfers.chars().all(|c| c.is_ascii_digit()) {
        return Err(geen_getal());
    }
    cijfers.parse().map_err(|_| geen_getal())
}

/// Reads a date: `2-11-2026`, `02-11-2026`, `2/11/2026`, `2026-11-02` or a spreadsheet serial;
/// anything else is refused with a message in the active language.
pub fn lees_datum(tekst: &str) -> Result<NaiveDate, String> {
    lees_datum_in(i18n::actieve_taal(), tekst)
}

/// [`lees_datum`] with its message in `taal`.
pub fn lees_datum_in(taal: Taal, tekst: &str) -> Result<NaiveDate, String> {
    let t = tekst.trim();
    if t.is_empty() {
        return Err(i18n::tekst(taal, "fout.import_waarden.peildatum_ontbreekt"));
    }
    let fout = || melding(taal, "fout.import_waarden.geen_datum", t);
    // A spreadsheet serial first (every date cell of a workbook arrives as one): five digits
    // before any decimals, which no written date has before its first separator.
    let serieel = t.split_once(['.', ',']).map_or(t, |(g, _)| g);
    if !serieel.is_empty() && serieel.chars().all(|c| c.is_ascii_digit()) {
        let n: u64 = serieel.parse().map_err(|_| fout())?;
        // Spreadsheet day 1 is 1900-01-01; counting from 1899-12-30 absorbs Excel's 1900 leap-day bug.
        if (20_000..=80_000).contains(&n) {
            let basis = NaiveDate::from_ymd_opt(1899, 12, 30).expect("valid date");
            return basis.checked_add_days(Days::new(n)).ok_or_else(fout);
        }
    }
    for formaat in ["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y"] {
        if let Ok(d) = NaiveDate::parse_from_str(t, formaat) {
            return Ok(d);
        }
    }
    Err(fout())
}

/// The nearest location type for free text such as `Hotel`, `Kantoor` or `Modulair`.
pub fn soort_uit_tekst(tekst: &str) -> Option<LocatieType> {
    let t = tekst.trim().to_lowercase();
    if t.is_empty() {
        return None;
    }
    if let Some(soort) = LocatieType::from_code(&t.replace([' ', '-', '/'], "_")) {
        return Some(soort);
    }
    let bevat = |woorden: &[&str]| woorden.iter().any(|w| t.contains(w));
    let soort = if bevat(&["hotel", "pension", "b&b", "hostel"]) {
        LocatieType::HotelPension
    } else if bevat(&["kantoor", "bedrijf", "office", "fabriek", "loods"]) {
        LocatieType::KantoorBedrijfspand
    } else if bevat(&["zorg", "verpleeg", "ziekenhuis", "klooster", "care"]) {
        LocatieType::Zorgvastgoed
    } else if bevat(&["school", "onderwijs", "college", "universiteit"]) {
        LocatieType::Onderwijsgebouw
    } else if bevat(&["vakantie", "recreatie", "camping", "bungalow", "chalet"]) {
        LocatieType::Vakantiepark
    } else if bevat(&["modula", "unit", "tiny", "flex", "container"]) {
        LocatieType::ModulaireWoningen
    } else if bevat(&["woning", "appartement", "huis", "house"]) {
        LocatieType::ReguliereWoningen
    } else if bevat(&["schip", "boot", "cruise", "ship", "boat"]) {
        LocatieType::Schip
    } else if bevat(&["sporthal", "nood", "gym", "sport"]) {
        LocatieType::SporthalNoodopvang
    } else if t == "overig" || t == "other" {
        LocatieType::Overig
    } else {
        return None;
    };
    Some(soort)
}

/// An address split into its parts; what cannot be split stays in `straat`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Adres {
    pub straat: String,
    pub huisnummer: String,
    pub postcode: String,
    pub plaats: String,
}

/// Splits `Stationsweg 12a, 3511 AB Utrecht` (comma optional) into street, number, postcode, place.
pub fn splits_adres(tekst: &str) -> Adres {
    let t = tekst.trim();
    let woorden: Vec<&str> = t.split_whitespace().collect();
    // Find the postcode: four digits, then two letters (together or apart).
    let mut postcode = None;
    for i in 0..woorden.len() {
        let w = woorden[i].trim_matches(',');
        let kandidaat = if w.len() == 4 && i + 1 < woorden.len() {
            format!("{w}{}", woorden[i + 1].trim_matches(','))
        } else {
            w.to_owned()
        };
        if let Some(pc) = normaliseer_postcode(&kandidaat) {
            let lengte = if w.len() == 4 { 2 } else { 1 };
            postcode = Some((i, lengte, pc));
            break;
        }
        if let Some(pc) = normaliseer_postcode(w) {
            postcode = Some((i, 1, pc));
            break;
        }
    }
    let (voor, postcode, plaats) = match postcode {
        Some((i, lengte, pc)) => (
            woorden[..i].join(" "),
            pc,
            woorden[i + lengte..]
                .join(" ")
                .trim_matches(',')
                .trim()
                .to_owned(),
        ),
        None => match t.split_once(',') {
            Some((v, p)) => (v.trim().to_owned(), String::new(), p.trim().to_owned()),
            None => (t.to_owned(), String::new(), String::new()),
        },
    };
    let voor = voor.trim().trim_end_matches(',').trim();
    let (straat, huisnummer) = match voor.rsplit_once(' ') {
        Some((s, n)) if n.starts_with(|c: char| c.is_ascii_digit()) => {
            (s.trim().to_owned(), n.to_owned())
        }
        _ => (voor.to_owned(), String::new()),
    };
    if huisnummer.is_empty() && postcode.is_empty() {
        return Adres {
            straat: t.to_owned(),
            ..Adres::default()
        };
    }
    Adres {
        straat,
        huisnummer,
        postcode,
        plaats,
    }
}
