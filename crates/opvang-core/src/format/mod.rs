//! Dutch formatting of counts, rates and dates for the CLI and Dutch exports (`96.830`, `99,9%`, `4-3-2027`).

use chrono::{Datelike, NaiveDate};

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
}
