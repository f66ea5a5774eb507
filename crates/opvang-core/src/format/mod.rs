//! Formatting of counts, rates and dates for the CLI, messages and exports: Dutch (`96.830`,
//! `99,9%`, `4-3-2027`) by default, English (en-GB: `96,830`, `99.9%`, `4 Mar 2027`) on request.

use chrono::{Datelike, NaiveDate};

use crate::i18n::{self, Taal};

mod spreadsheet;

pub use spreadsheet::spreadsheet_veilig;

/// A count with a dot as thousands separator: `96830` → `96.830`, `-1024` → `-1.024`.
pub fn aantal(value: i64) -> String {
    let digits = value.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if value < 0 {
        out.push('-');
    }
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(ch);
    }
    out
}

/// A rate in tenths of a percent: `Some(999)` → `99,9%`; `None` (no capacity) → `–`.
pub fn percentage(tenths: Option<i64>) -> String {
    match tenths {
        None => "–".to_owned(),
        Some(t) => format!("{},{}%", aantal(t / 10), (t % 10).abs()),
    }
}

/// A date the Dutch way without leading zeros: 2027-03-04 → `4-3-2027`.
pub fn datum(date: NaiveDate) -> String {
    format!("{}-{}-{}", date.day(), date.month(), date.year())
}

/// A count in `taal`: Dutch `96.830`, English `96,830`.
pub fn aantal_in(taal: Taal, value: i64) -> String {
    match taal {
        Taal::Nl => aantal(value),
        Taal::En => aantal(value).replace('.', ","),
    }
}

/// A rate in tenths of a percent in `taal`: Dutch `99,9%`, English `99.9%`; `None` → `–`.
pub fn percentage_in(taal: Taal, tenths: Option<i64>) -> String {
    match (taal, tenths) {
        (_, None) | (Taal::Nl, _) => percentage(tenths),
        (Taal::En, Some(t)) => format!("{}.{}%", aantal_in(taal, t / 10), (t % 10).abs()),
    }
}

/// A date in `taal`: Dutch `4-3-2027`, English `4 Mar 2027` (as the app's screens write it).
pub fn datum_in(taal: Taal, date: NaiveDate) -> String {
    match taal {
        Taal::Nl => datum(date),
        Taal::En => format!(
            "{} {} {}",
            date.day(),
            maand_kort(taal, date.month()),
            date.year()
        ),
    }
}

/// A date in digits in `taal`, as the CSV export and the command line write it: Dutch
/// `23-11-2026` (`4-3-2027`), English (en-GB) `23/11/2026` (`04/03/2027`).
pub fn datum_cijfers_in(taal: Taal, date: NaiveDate) -> String {
    match taal {
        Taal::Nl => datum(date),
        Taal::En => format!("{:02}/{:02}/{}", date.day(), date.month(), date.year()),
    }
}

/// The short name of month `maand` (1–12) in `taal`: `mrt`, `Mar`.
pub fn maand_kort(taal: Taal, maand: u32) -> String {
    const MAANDEN: [&str; 12] = [
        "opmaak.maand_kort.m1",
        "opmaak.maand_kort.m2",
        "opmaak.maand_kort.m3",
        "opmaak.maand_kort.m4",
        "opmaak.maand_kort.m5",
        "opmaak.maand_kort.m6",
        "opmaak.maand_kort.m7",
        "opmaak.maand_kort.m8",
        "opmaak.maand_kort.m9",
        "opmaak.maand_kort.m10",
        "opmaak.maand_kort.m11",
        "opmaak.maand_kort.m12",
    ];
    let index = (maand.clamp(1, 12) - 1) as usize;
    i18n::tekst(taal, MAANDEN[index])
}

/// The full name of month `maand` (1–12) in `taal`: `maart`, `March`.
pub fn maand_lang(taal: Taal, maand: u32) -> String {
    const MAANDEN: [&str; 12] = [
        "opmaak.maand.m1",
        "opmaak.maand.m2",
        "opmaak.maand.m3",
        "opmaak.maand.m4",
        "opmaak.maand.m5",
        "opmaak.maand.m6",
        "opmaak.maand.m7",
        "opmaak.maand.m8",
        "opmaak.maand.m9",
        "opmaak.maand.m10",
        "opmaak.maand.m11",
        "opmaak.maand.m12",
    ];
    let index = (maand.clamp(1, 12) - 1) as usize;
    i18n::tekst(taal, MAANDEN[index])
}

/// A number that may have a fraction, with one decimal at most: Dutch `2,5` and `96.830`,
/// English `2.5` and `96,830`.
pub fn getal_in(taal: Taal, v: f64) -> String {
    if (v - v.round()).abs() < 1e-9 {
        aantal_in(taal, v.round() as i64)
    } else {
        let tienden = (v * 10.0).round() as i64;
        let teken = if tienden < 0 { "-" } else { "" };
        let decimaal = match taal {
            Taal::Nl => ',',
            Taal::En => '.',
        };
        format!(
            "{teken}{}{decimaal}{}",
            aantal_in(taal, (tienden / 10).abs()),
            (tienden % 10).abs()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_dutch() {
        assert_eq!(aantal(96_830), "96.830");
        assert_eq!(aantal(135_010), "135.010");
        assert_eq!(aantal(999), "999");
        assert_eq!(aantal(1_000_000), "1.000.000");
        assert_eq!(aantal(-1_024), "-1.024");
        assert_eq!(aantal(0), "0");
        assert_eq!(percentage(Some(999)), "99,9%");
        assert_eq!(percentage(Some(962)), "96,2%");
        assert_eq!(percentage(Some(1000)), "100,0%");
        assert_eq!(percentage(Some(5)), "0,5%");
        assert_eq!(percentage(None), "–");
        assert_eq!(
            datum(NaiveDate::from_ymd_opt(2027, 3, 4).unwrap()),
            "4-3-2027"
        );
    }

    #[test]
    fn formats_english() {
        let d = NaiveDate::from_ymd_opt(2027, 3, 4).unwrap();
        assert_eq!(aantal_in(Taal::En, 96_830), "96,830");
        assert_eq!(aantal_in(Taal::En, -1_024), "-1,024");
        assert_eq!(aantal_in(Taal::Nl, 96_830), "96.830");
        assert_eq!(percentage_in(Taal::En, Some(999)), "99.9%");
        assert_eq!(percentage_in(Taal::En, Some(10_215)), "1,021.5%");
        assert_eq!(percentage_in(Taal::En, None), "–");
        assert_eq!(percentage_in(Taal::Nl, Some(999)), "99,9%");
        assert_eq!(datum_in(Taal::En, d), "4 Mar 2027");
        assert_eq!(datum_in(Taal::Nl, d), "4-3-2027");
        assert_eq!(datum_cijfers_in(Taal::En, d), "04/03/2027");
        assert_eq!(datum_cijfers_in(Taal::Nl, d), "4-3-2027");
        assert_eq!(maand_lang(Taal::Nl, 3), "maart");
        assert_eq!(maand_lang(Taal::En, 12), "December");
        assert_eq!(getal_in(Taal::En, 2.5), "2.5");
        assert_eq!(getal_in(Taal::Nl, 1234.5), "1.234,5");
        assert_eq!(getal_in(Taal::En, -0.5), "-0.5");
    }
}
