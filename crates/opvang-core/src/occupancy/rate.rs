//! The exact occupancy arithmetic of DESIGN.md §4: integer rates in tenths of a percent.

/// `numerator / denominator` as tenths of a percent, rounded half-up, without floats.
///
/// `None` when the denominator is zero (displayed as "–"). A rate strictly between 0 and
/// 100% never rounds to 0,0% or 100,0%, and a rate above 100% never rounds down to 100,0%,
/// so a planner can trust that "100,0%" means exactly full and "0,0%" exactly empty.
pub fn rate_tenths(numerator: i64, denominator: i64) -> Option<i64> {
    if denominator <= 0 {
        return None;
    }
    let numerator = numerator.max(0);
    let rounded = (numerator * 2000 + denominator) / (2 * denominator);
    let exact_full = numerator == denominator;
    Some(if numerator > 0 && rounded == 0 {
        1
    } else if numerator < denominator && rounded >= 1000 {
        999
    } else if numerator > denominator && rounded <= 1000 && !exact_full {
        1001
    } else {
        rounded
    })
}

#[cfg(test)]
mod tests {
    use super::rate_tenths;

    #[test]
    fn national_series_examples() {
        assert_eq!(rate_tenths(96_733, 96_830), Some(999));
        assert_eq!(rate_tenths(96_829, 96_830), Some(999));
        assert_eq!(rate_tenths(96_830, 96_830), Some(1000));
    }

    #[test]
    fn rounds_half_up() {
        assert_eq!(rate_tenths(1, 8), Some(125)); // 12,5 exactly
        assert_eq!(rate_tenths(1, 16), Some(63)); // 6,25 → 6,3
        assert_eq!(rate_tenths(962, 1000), Some(962));
        assert_eq!(rate_tenths(9_624, 10_000), Some(962)); // 96,24
        assert_eq!(rate_tenths(9_625, 10_000), Some(963)); // 96,25 → 96,3
    }

    #[test]
    fn never_shows_the_boundaries_when_not_exact() {
        assert_eq!(rate_tenths(1, 100_000), Some(1));
        assert_eq!(rate_tenths(0, 100_000), Some(0));
        assert_eq!(rate_tenths(99_999, 100_000), Some(999));
        assert_eq!(rate_tenths(100_001, 100_000), Some(1001));
        assert_eq!(rate_tenths(110, 100), Some(1100));
    }

    #[test]
    fn zero_capacity_has_no_rate() {
        assert_eq!(rate_tenths(0, 0), None);
        assert_eq!(rate_tenths(5, 0), None);
    }
}
