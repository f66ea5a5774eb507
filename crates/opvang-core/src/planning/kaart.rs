//! The projected gap per municipality in one month, as the map colours it (central projection).

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Projectie;
use crate::error::{CoreError, CoreResult};
use crate::occupancy::GebiedSoort;

/// One municipality's projected position in the chosen month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct GemeenteTekort {
    /// `GM0344`.
    pub code: String,
    /// Places short in that month (0 when supply covers demand).
    pub tekort: i64,
    /// Supply − demand in that month; negative is a shortage.
    pub saldo: i64,
    /// The municipality's runway: its first month with a shortage, if any.
    pub eerste_tekort: Option<NaiveDate>,
}

/// The projected gap of every municipality in the projection for one month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct KaartTekort {
    pub scenario: String,
    /// The first day of the chosen month.
    pub maand: NaiveDate,
    pub gemeenten: Vec<GemeenteTekort>,
}

/// Picks month `maand` (any day of it) out of a projection, per municipality.
pub fn tekort_per_gemeente(projectie: &Projectie, maand: NaiveDate) -> CoreResult<KaartTekort> {
    let eerste = maand.with_day(1).expect("day 1 exists in every month");
    let mut gemeenten = Vec::new();
    for gebied in projectie
        .gebieden
        .iter()
        .filter(|g| g.soort == GebiedSoort::Gemeente)
    {
        let Some(m) = gebied.maanden.iter().find(|m| m.maand == eerste) else {
            return Err(buiten_projectie(projectie, eerste));
        };
        gemeenten.push(GemeenteTekort {
            code: gebied.code.clone(),
            tekort: m.tekort,
            saldo: m.saldo,
            eerste_tekort: gebied.eerste_tekort,
        });
    }
    let land = projectie.gebieden.first().map(|g| &g.maanden);
    if gemeenten.is_empty() && !land.is_some_and(|ms| ms.iter().any(|m| m.maand == eerste)) {
        return Err(buiten_projectie(projectie, eerste));
    }
    Ok(KaartTekort {
        scenario: projectie.scenario.naam.clone(),
        maand: eerste,
        gemeenten,
    })
}

fn buiten_projectie(projectie: &Projectie, maand: NaiveDate) -> CoreError {
    let laatste = projectie
        .gebieden
        .first()
        .and_then(|g| g.maanden.last())
        .map_or(projectie.start, |m| m.maand);
    CoreError::validatie("maand", "fout.planning_kaart.maand_valt_buiten_projectie")
        .met_datum("maand", maand)
        .met_datum("start", projectie.start)
        .met_datum("laatste", laatste)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::planning::projecteren;
    use crate::planning::tests::{d, gemeente, locatie, stil};
    use crate::planning::PlanInvoer;

    /// Zero flows keep demand flat, so a municipality runs short exactly when its lease ends.
    fn projectie() -> Projectie {
        let mut tijdelijk = locatie(0, 100, 80);
        tijdelijk.einddatum = Some(d("2027-05-31"));
        let invoer = PlanInvoer {
            start: d("2026-11-01"),
            gemeenten: vec![
                gemeente("GM0001", "VR09", "PV26"),
                gemeente("GM0002", "VR09", "PV26"),
            ],
            locaties: vec![tijdelijk, locatie(1, 50, 50)],
        };
        projecteren(&invoer, &stil(), 0, 1)
    }

    #[test]
    fn picks_the_gap_of_each_municipality_in_the_month() {
        let p = projectie();
        let voor = tekort_per_gemeente(&p, d("2027-03-15")).unwrap();
        assert_eq!(voor.maand, d("2027-03-01"));
        let per: Vec<_> = voor
            .gemeenten
            .iter()
            .map(|g| (g.code.as_str(), g.tekort, g.saldo))
            .collect();
        assert_eq!(per, [("GM0001", 0, 20), ("GM0002", 0, 0)]);

        let na = tekort_per_gemeente(&p, d("2027-06-01")).unwrap();
        let gm1 = &na.gemeenten[0];
        assert_eq!((gm1.tekort, gm1.saldo), (80, -80));
        assert_eq!(gm1.eerste_tekort, Some(d("2027-06-01")));
        assert_eq!(na.gemeenten[1].eerste_tekort, None);
    }

    #[test]
    fn a_month_outside_the_projection_is_refused_in_dutch() {
        let fout = tekort_per_gemeente(&projectie(), d("2035-01-01")).unwrap_err();
        assert_eq!(fout.field.as_deref(), Some("maand"));
        assert!(
            fout.message.contains("1-1-2035 valt buiten de projectie"),
            "{}",
            fout.message
        );
    }
}
