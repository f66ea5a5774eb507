//! Spreadsheet safety: text cells that Excel or LibreOffice would run as a formula are made inert.

use std::borrow::Cow;

/// A text cell that starts like a formula (`=`, `+`, `-`, `@`, tab or carriage return) gets a
/// leading apostrophe, so a spreadsheet shows it as text (OWASP's advice against CSV injection).
///
/// Only for text: numbers are written as numbers (a number cell, or digits in CSV) and never
/// pass through here, so a negative count such as `-2` free places stays a number.
pub fn spreadsheet_veilig(tekst: &str) -> Cow<'_, str> {
    match tekst.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => Cow::Owned(format!("'{tekst}")),
        _ => Cow::Borrowed(tekst),
    }
}

#[cfg(test)]
mod tests {
    use super::spreadsheet_veilig;

    #[test]
    fn formula_starts_get_an_apostrophe_and_other_text_stays_as_is() {
        for (invoer, uit) in [
            ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
            ("=SOM(A1)", "'=SOM(A1)"),
            ("+31 30 123", "'+31 30 123"),
            ("-1", "'-1"),
            ("@cmd", "'@cmd"),
            ("\tx", "'\tx"),
            ("\rx", "'\rx"),
            ("Hotel De Linde", "Hotel De Linde"),
            ("'s-Hertogenbosch", "'s-Hertogenbosch"),
            ("a=b", "a=b"),
            ("", ""),
        ] {
            assert_eq!(spreadsheet_veilig(invoer), uit, "{invoer:?}");
        }
        assert!(matches!(
            spreadsheet_veilig("Utrecht"),
            std::borrow::Cow::Borrowed(_)
        ));
    }
}
