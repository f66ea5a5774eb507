//! Realised capacity of a location as dated periods; capacity at a date is the period covering it.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{CoreError, CoreResult};

/// A stored period: `plaatsen` realised places from `vanaf` through `tot_en_met` (open when `None`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CapaciteitPeriode {
    pub id: i64,
    pub locatie_id: i64,
    pub vanaf: NaiveDate,
    pub tot_en_met: Option<NaiveDate>,
    pub plaatsen: i64,
    /// Version for optimistic locking.
    pub versie: i64,
}

/// A new capacity period as entered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CapaciteitInvoer {
    pub locatie_id: i64,
    pub vanaf: NaiveDate,
    pub tot_en_met: Option<NaiveDate>,
    pub plaatsen: i64,
}

impl CapaciteitPeriode {
    pub fn dekt(&self, datum: NaiveDate) -> bool {
        self.vanaf <= datum && self.tot_en_met.is_none_or(|eind| datum <= eind)
    }
}

/// What must change to fit a new period in between the existing ones.
#[derive(Debug, PartialEq, Eq)]
pub struct Inpassing {
    /// An open-ended period that started earlier and now ends the day before the new one.
    pub afsluiten: Option<(i64, NaiveDate)>,
}

impl CapaciteitInvoer {
    /// Validates the period against the location's existing periods.
    ///
    /// An open-ended period that started earlier is closed the day before the new one starts
    /// (that is how a planner records "from 1 May, 80 places"); any other overlap is refused.
    pub fn inpassen(&self, bestaand: &[CapaciteitPeriode]) -> CoreResult<Inpassing> {
        if self.plaatsen < 0 {
            return Err(CoreError::validatie(
                "plaatsen",
                "fout.locations_capacity.aantal_plaatsen_mag_niet",
            ));
        }
        if self.plaatsen > super::MAX_AANTAL {
            return Err(CoreError::validatie(
                "plaatsen",
                "fout.locations_capacity.te_veel_plaatsen",
            )
            .met(
                "max",
                &crate::format::aantal_in(crate::i18n::actieve_taal(), super::MAX_AANTAL),
            ));
        }
        if self.tot_en_met.is_some_and(|eind| eind < self.vanaf) {
            return Err(CoreError::validatie(
                "tot_en_met",
                "fout.locations_capacity.einddatum_capaciteitsperiode_ligt_begindatum",
            ));
        }
        let mut afsluiten = None;
        for periode in bestaand {
            let open_en_eerder = periode.tot_en_met.is_none() && periode.vanaf < self.vanaf;
            if open_en_eerder {
                let dag_ervoor = self.vanaf.pred_opt().expect("date after an earlier date");
                afsluiten = Some((periode.id, dag_ervoor));
                continue;
            }
            let overlapt = periode.vanaf <= self.tot_en_met.unwrap_or(NaiveDate::MAX)
                && self.vanaf <= periode.tot_en_met.unwrap_or(NaiveDate::MAX);
            if overlapt {
                return Err(CoreError::validatie(
                    "vanaf",
                    "fout.locations_capacity.periode_overlapt_bestaande_capaciteitsperiode",
                )
                .met_datum("vanaf", periode.vanaf));
            }
        }
        Ok(Inpassing { afsluiten })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn periode(id: i64, vanaf: &str, tot: Option<&str>) -> CapaciteitPeriode {
        CapaciteitPeriode {
            id,
            locatie_id: 1,
            vanaf: d(vanaf),
            tot_en_met: tot.map(d),
            plaatsen: 50,
            versie: 1,
        }
    }

    fn invoer(vanaf: &str, tot: Option<&str>, plaatsen: i64) -> CapaciteitInvoer {
        CapaciteitInvoer {
            locatie_id: 1,
            vanaf: d(vanaf),
            tot_en_met: tot.map(d),
            plaatsen,
        }
    }

    #[test]
    fn covers_inclusive_dates() {
        let p = periode(1, "2025-01-01", Some("2025-12-31"));
        assert!(p.dekt(d("2025-01-01")));
        assert!(p.dekt(d("2025-12-31")));
        assert!(!p.dekt(d("2026-01-01")));
        assert!(periode(1, "2025-01-01", None).dekt(d("2031-04-30")));
    }

    #[test]
    fn a_new_period_closes_the_open_one() {
        let bestaand = [periode(7, "2024-01-01", None)];
        let inpassing = invoer("2025-05-01", None, 80).inpassen(&bestaand).unwrap();
        assert_eq!(inpassing.afsluiten, Some((7, d("2025-04-30"))));
    }

    #[test]
    fn refuses_overlap_negative_and_reversed() {
        let bestaand = [periode(7, "2024-01-01", Some("2024-12-31"))];
        let err = invoer("2024-06-01", None, 80)
            .inpassen(&bestaand)
            .unwrap_err();
        assert_eq!(
            err.message,
            "De periode overlapt met de bestaande capaciteitsperiode vanaf 1-1-2024."
        );
        let err = invoer("2025-01-01", None, -1)
            .inpassen(&bestaand)
            .unwrap_err();
        assert_eq!(err.field.as_deref(), Some("plaatsen"));
        let err = invoer("2025-01-01", Some("2024-12-01"), 5)
            .inpassen(&bestaand)
            .unwrap_err();
        assert_eq!(err.field.as_deref(), Some("tot_en_met"));
        assert!(invoer("2025-01-01", None, 5).inpassen(&bestaand).is_ok());
        assert!(invoer("2025-01-01", None, super::super::MAX_AANTAL)
            .inpassen(&bestaand)
            .is_ok());
        let err = invoer("2025-01-01", None, 1_000_000_000_000_000)
            .inpassen(&bestaand)
            .unwrap_err();
        assert_eq!(err.field.as_deref(), Some("plaatsen"));
        assert_eq!(
            err.message,
            "Het aantal plaatsen is te groot: een locatie heeft hoogstens 100.000 plaatsen."
        );
    }
}
