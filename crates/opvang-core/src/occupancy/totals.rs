//! Per-location state at a date and its sums over municipality, province, safety region and country.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::rate::rate_tenths;
use super::{Bezetting, Peiling};
use crate::locations::{CapaciteitPeriode, LocatieStatus, LocatieType};

/// Days before the lease or permit end that a location is flagged (about six months).
pub const EINDDATUM_SIGNAAL_DAGEN: i64 = 183;

/// The kind of area totals are summed over.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum GebiedSoort {
    Land,
    Provincie,
    Veiligheidsregio,
    Gemeente,
}

/// An area: the whole country, or one province, safety region or municipality by CBS code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Gebied {
    pub soort: GebiedSoort,
    /// `PV26`, `VR09`, `GM0344`; absent for the country.
    pub code: Option<String>,
}

impl Gebied {
    pub fn land() -> Self {
        Gebied {
            soort: GebiedSoort::Land,
            code: None,
        }
    }

    pub fn gemeente(code: &str) -> Self {
        Gebied {
            soort: GebiedSoort::Gemeente,
            code: Some(code.to_owned()),
        }
    }
}

/// A location's numbers at one date: capacity covering it, latest snapshot on or before it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct LocatieStand {
    pub locatie_id: i64,
    pub naam: String,
    pub plaats: String,
    pub gemeente_code: String,
    pub gemeente_naam: String,
    pub provincie_code: String,
    pub provincie_naam: String,
    pub veiligheidsregio_code: String,
    pub veiligheidsregio_naam: String,
    /// WGS84 coordinates, when known (the map shows a pin).
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub soort: LocatieType,
    pub status: LocatieStatus,
    pub einddatum: Option<NaiveDate>,
    pub capaciteit: i64,
    pub niet_inzetbaar: i64,
    pub bezetting: Bezetting,
    /// Peildatum of the snapshot used; absent when there is none on or before the date.
    pub peildatum: Option<NaiveDate>,
    /// Version of that snapshot, sent back when the snapshot of that very peildatum is edited.
    pub peiling_versie: Option<i64>,
    pub bezet: i64,
    pub vrij: i64,
    /// O / C in tenths of a percent; absent when C = 0.
    pub graad: Option<i64>,
    /// O / (C − U) in tenths of a percent; absent when nothing is usable.
    pub graad_inzetbaar: Option<i64>,
    pub verouderd: bool,
    pub overbezet: bool,
}

/// The raw per-location facts storage reads, before the derived numbers are computed.
pub struct LocatieFeiten {
    pub locatie_id: i64,
    pub naam: String,
    pub plaats: String,
    pub gemeente_code: String,
    pub gemeente_naam: String,
    pub provincie_code: String,
    pub provincie_naam: String,
    pub veiligheidsregio_code: String,
    pub veiligheidsregio_naam: String,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub soort: LocatieType,
    pub status: LocatieStatus,
    pub einddatum: Option<NaiveDate>,
    pub capaciteit: i64,
    pub niet_inzetbaar: i64,
    pub bezetting: Bezetting,
    pub peildatum: Option<NaiveDate>,
    pub peiling_versie: Option<i64>,
}

impl LocatieStand {
    /// Derives free places, rates and flags for `datum` with the stale threshold in days.
    pub fn bereken(feiten: LocatieFeiten, datum: NaiveDate, verouderd_na_dagen: i64) -> Self {
        let bezet = feiten.bezetting.totaal();
        // A snapshot's unusable places never exceed the capacity at the date (e.g. after closing).
        let niet_inzetbaar = feiten.niet_inzetbaar.min(feiten.capaciteit);
        let inzetbaar = feiten.capaciteit - niet_inzetbaar;
        let verouderd = feiten.capaciteit > 0
            && feiten
                .peildatum
                .is_some_and(|p| (datum - p).num_days() > verouderd_na_dagen);
        LocatieStand {
            locatie_id: feiten.locatie_id,
            naam: feiten.naam,
            plaats: feiten.plaats,
            gemeente_code: feiten.gemeente_code,
            gemeente_naam: feiten.gemeente_naam,
            provincie_code: feiten.provincie_code,
            provincie_naam: feiten.provincie_naam,
            veiligheidsregio_code: feiten.veiligheidsregio_code,
            veiligheidsregio_naam: feiten.veiligheidsregio_naam,
            lat: feiten.lat,
            lon: feiten.lon,
            soort: feiten.soort,
            status: feiten.status,
            einddatum: feiten.einddatum,
            capaciteit: feiten.capaciteit,
            niet_inzetbaar,
            bezetting: feiten.bezetting,
            peildatum: feiten.peildatum,
            peiling_versie: feiten.peiling_versie,
            bezet,
            vrij: inzetbaar - bezet,
            graad: rate_tenths(bezet, feiten.capaciteit),
            graad_inzetbaar: rate_tenths(bezet, inzetbaar),
            verouderd,
            overbezet: bezet > inzetbaar,
        }
    }

    fn zonder_peiling(&self) -> bool {
        self.capaciteit > 0 && self.peildatum.is_none()
    }
}

/// Summed numbers for a set of locations at one date (DESIGN.md §4: sum counts, then divide).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Totalen {
    /// Locations with realised capacity at the date.
    pub locaties: i64,
    pub gerealiseerd: i64,
    pub niet_inzetbaar: i64,
    pub inzetbaar: i64,
    pub bezetting: Bezetting,
    pub bezet: i64,
    pub vrij: i64,
    pub graad: Option<i64>,
    pub graad_inzetbaar: Option<i64>,
    pub verouderd: i64,
    pub overbezet: i64,
    pub zonder_peiling: i64,
}

impl Totalen {
    pub fn van<'a>(standen: impl IntoIterator<Item = &'a LocatieStand>) -> Self {
        let mut t = Totalen::default();
        for s in standen {
            t.locaties += i64::from(s.capaciteit > 0);
            t.gerealiseerd += s.capaciteit;
            t.niet_inzetbaar += s.niet_inzetbaar;
            t.bezetting.optellen(&s.bezetting);
            t.verouderd += i64::from(s.verouderd);
            t.overbezet += i64::from(s.overbezet);
            t.zonder_peiling += i64::from(s.zonder_peiling());
        }
        t.afleiden();
        t
    }

    /// The sum of already summed totals (e.g. report rows): counts first, then the rates.
    pub fn som<'a>(delen: impl IntoIterator<Item = &'a Totalen>) -> Self {
        let mut t = Totalen::default();
        for d in delen {
            t.locaties += d.locaties;
            t.gerealiseerd += d.gerealiseerd;
            t.niet_inzetbaar += d.niet_inzetbaar;
            t.bezetting.optellen(&d.bezetting);
            t.verouderd += d.verouderd;
            t.overbezet += d.overbezet;
            t.zonder_peiling += d.zonder_peiling;
        }
        t.afleiden();
        t
    }

    /// Usable, occupied and free places and both rates from the summed counts.
    pub fn afleiden(&mut self) {
        self.inzetbaar = self.gerealiseerd - self.niet_inzetbaar;
        self.bezet = self.bezetting.totaal();
        self.vrij = self.inzetbaar - self.bezet;
        self.graad = rate_tenths(self.bezet, self.gerealiseerd);
        self.graad_inzetbaar = rate_tenths(self.bezet, self.inzetbaar);
    }
}

/// Totals of one named area.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct GebiedTotalen {
    pub soort: GebiedSoort,
    pub code: String,
    pub naam: String,
    pub totalen: Totalen,
}

/// Groups location states by area kind and sums each group; sorted by area name.
pub fn per_gebied(standen: &[LocatieStand], soort: GebiedSoort) -> Vec<GebiedTotalen> {
    let mut groepen: BTreeMap<(String, String), Vec<&LocatieStand>> = BTreeMap::new();
    for s in standen {
        let (code, naam) = match soort {
            GebiedSoort::Land => ("NL", "Nederland"),
            GebiedSoort::Provincie => (s.provincie_code.as_str(), s.provincie_naam.as_str()),
            GebiedSoort::Veiligheidsregio => (
                s.veiligheidsregio_code.as_str(),
                s.veiligheidsregio_naam.as_str(),
            ),
            GebiedSoort::Gemeente => (s.gemeente_code.as_str(), s.gemeente_naam.as_str()),
        };
        groepen
            .entry((naam.to_owned(), code.to_owned()))
            .or_default()
            .push(s);
    }
    groepen
        .into_iter()
        .map(|((naam, code), leden)| GebiedTotalen {
            soort,
            code,
            naam,
            totalen: Totalen::van(leden),
        })
        .collect()
}

/// Why a location needs the planner's attention.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum SignaalSoort {
    Overbezet,
    Verouderd,
    ZonderPeiling,
    EinddatumNadert,
}

/// One alert on the dashboard.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Signaal {
    pub soort: SignaalSoort,
    pub locatie_id: i64,
    pub locatie_naam: String,
    pub gemeente_naam: String,
    /// Peildatum of the latest snapshot, for stale and over-occupied locations.
    pub peildatum: Option<NaiveDate>,
    /// Age of the snapshot in days (stale), places short (over-occupied) or days left (lease).
    pub waarde: i64,
    pub einddatum: Option<NaiveDate>,
}

/// All alerts for the given states at `datum`: over-occupied first, then stale, missing, leases.
pub fn signalen(standen: &[LocatieStand], datum: NaiveDate) -> Vec<Signaal> {
    let signaal = |s: &LocatieStand, soort, waarde| Signaal {
        soort,
        locatie_id: s.locatie_id,
        locatie_naam: s.naam.clone(),
        gemeente_naam: s.gemeente_naam.clone(),
        peildatum: s.peildatum,
        waarde,
        einddatum: s.einddatum,
    };
    let mut uit = Vec::new();
    for s in standen.iter().filter(|s| s.overbezet) {
        uit.push(signaal(s, SignaalSoort::Overbezet, -s.vrij));
    }
    for s in standen.iter().filter(|s| s.verouderd) {
        let dagen = s.peildatum.map_or(0, |p| (datum - p).num_days());
        uit.push(signaal(s, SignaalSoort::Verouderd, dagen));
    }
    for s in standen.iter().filter(|s| s.zonder_peiling()) {
        uit.push(signaal(s, SignaalSoort::ZonderPeiling, 0));
    }
    let mut einde: Vec<_> = standen
        .iter()
        .filter(|s| s.status != LocatieStatus::Gesloten)
        .filter_map(|s| {
            let dagen = (s.einddatum? - datum).num_days();
            (0..=EINDDATUM_SIGNAAL_DAGEN)
                .contains(&dagen)
                .then(|| signaal(s, SignaalSoort::EinddatumNadert, dagen))
        })
        .collect();
    einde.sort_by_key(|s| s.waarde);
    uit.extend(einde);
    uit
}

/// Totals at one date of a time series.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TrendPunt {
    pub datum: NaiveDate,
    pub gerealiseerd: i64,
    pub niet_inzetbaar: i64,
    pub bezetting: Bezetting,
    pub bezet: i64,
    pub graad: Option<i64>,
}

/// The full history of one location, as storage reads it for time series.
pub struct LocatieHistorie {
    pub capaciteit: Vec<CapaciteitPeriode>,
    /// Sorted by peildatum, ascending.
    pub peilingen: Vec<Peiling>,
}

/// Totals at each of `datums` over the given histories, using the same as-of rule as a single date.
pub fn trend(historie: &[LocatieHistorie], datums: &[NaiveDate]) -> Vec<TrendPunt> {
    datums
        .iter()
        .map(|&datum| {
            let mut punt = TrendPunt {
                datum,
                gerealiseerd: 0,
                niet_inzetbaar: 0,
                bezetting: Bezetting::default(),
                bezet: 0,
                graad: None,
            };
            for h in historie {
                let capaciteit = h
                    .capaciteit
                    .iter()
                    .find(|p| p.dekt(datum))
                    .map_or(0, |p| p.plaatsen);
                punt.gerealiseerd += capaciteit;
                let tot = h.peilingen.partition_point(|p| p.peildatum <= datum);
                if let Some(laatste) = tot.checked_sub(1).map(|i| &h.peilingen[i]) {
                    punt.niet_inzetbaar += laatste.niet_inzetbaar.min(capaciteit);
                    punt.bezetting.optellen(&laatste.bezetting);
                }
            }
            punt.bezet = punt.bezetting.totaal();
            punt.graad = rate_tenths(punt.bezet, punt.gerealiseerd);
            punt
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::locations::LocatieType;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn feiten(
        id: i64,
        gemeente: &str,
        provincie: &str,
        capaciteit: i64,
        bezet: i64,
    ) -> LocatieFeiten {
        LocatieFeiten {
            locatie_id: id,
            naam: format!("Locatie {id}"),
            plaats: String::new(),
            gemeente_code: gemeente.into(),
            gemeente_naam: format!("Gemeente {gemeente}"),
            provincie_code: provincie.into(),
            provincie_naam: format!("Provincie {provincie}"),
            veiligheidsregio_code: "VR09".into(),
            veiligheidsregio_naam: "Utrecht".into(),
            lat: None,
            lon: None,
            soort: LocatieType::HotelPension,
            status: LocatieStatus::InGebruik,
            einddatum: None,
            capaciteit,
            niet_inzetbaar: 0,
            bezetting: Bezetting {
                ontheemden: bezet,
                ..Bezetting::default()
            },
            peildatum: Some(d("2026-11-16")),
            peiling_versie: Some(1),
        }
    }

    #[test]
    fn a_location_state_derives_free_rates_and_flags() {
        let mut f = feiten(1, "GM0344", "PV26", 100, 97);
        f.niet_inzetbaar = 5;
        let s = LocatieStand::bereken(f, d("2026-11-23"), 14);
        assert_eq!((s.bezet, s.vrij), (97, -2));
        assert_eq!(s.graad, Some(970));
        assert_eq!(s.graad_inzetbaar, Some(1021));
        assert!(s.overbezet);
        assert!(!s.verouderd);

        // Stale only when strictly older than the threshold.
        let s = LocatieStand::bereken(feiten(1, "GM0344", "PV26", 10, 1), d("2026-11-30"), 14);
        assert!(!s.verouderd);
        let s = LocatieStand::bereken(feiten(1, "GM0344", "PV26", 10, 1), d("2026-12-01"), 14);
        assert!(s.verouderd);
        let s = LocatieStand::bereken(feiten(1, "GM0344", "PV26", 10, 1), d("2026-12-01"), 30);
        assert!(!s.verouderd);
    }

    #[test]
    fn totals_sum_counts_before_dividing() {
        let datum = d("2026-11-23");
        let standen: Vec<_> = [
            feiten(1, "GM0344", "PV26", 96_000, 95_933),
            feiten(2, "GM0307", "PV26", 830, 800),
            feiten(3, "GM0202", "PV25", 0, 0),
        ]
        .into_iter()
        .map(|f| LocatieStand::bereken(f, datum, 14))
        .collect();
        let t = Totalen::van(&standen);
        assert_eq!(t.gerealiseerd, 96_830);
        assert_eq!(t.bezet, 96_733);
        assert_eq!(t.graad, Some(999));
        assert_eq!(t.locaties, 2);
        assert_eq!(t.vrij, 97);

        let provincies = per_gebied(&standen, GebiedSoort::Provincie);
        assert_eq!(provincies.len(), 2);
        let pv25 = provincies.iter().find(|g| g.code == "PV25").unwrap();
        assert_eq!(pv25.totalen.graad, None, "capacity 0 has no rate");
        let som: i64 = provincies.iter().map(|g| g.totalen.bezet).sum();
        assert_eq!(som, t.bezet);
        let land = per_gebied(&standen, GebiedSoort::Land);
        assert_eq!(land[0].totalen, t);
    }

    #[test]
    fn alerts_list_over_occupied_stale_missing_and_ending_leases() {
        let datum = d("2026-11-23");
        let mut oud = feiten(2, "GM0344", "PV26", 50, 10);
        oud.peildatum = Some(d("2026-10-01"));
        let mut zonder = feiten(3, "GM0344", "PV26", 50, 0);
        zonder.peildatum = None;
        let mut huur = feiten(4, "GM0344", "PV26", 50, 10);
        huur.einddatum = Some(d("2027-03-01"));
        let standen: Vec<_> = [feiten(1, "GM0344", "PV26", 10, 12), oud, zonder, huur]
            .into_iter()
            .map(|f| LocatieStand::bereken(f, datum, 14))
            .collect();
        let s = signalen(&standen, datum);
        let soorten: Vec<_> = s
            .iter()
            .map(|s| (s.soort, s.locatie_id, s.waarde))
            .collect();
        assert_eq!(
            soorten,
            vec![
                (SignaalSoort::Overbezet, 1, 2),
                (SignaalSoort::Verouderd, 2, 53),
                (SignaalSoort::ZonderPeiling, 3, 0),
                (SignaalSoort::EinddatumNadert, 4, 98),
            ]
        );
    }

    #[test]
    fn trend_uses_the_latest_snapshot_on_or_before_each_date() {
        let peiling = |datum: &str, n: i64| Peiling {
            locatie_id: 1,
            peildatum: d(datum),
            bezetting: Bezetting {
                ontheemden: n,
                ..Bezetting::default()
            },
            niet_inzetbaar: 0,
            reden_niet_inzetbaar: String::new(),
            capaciteit: 0,
            versie: 1,
        };
        let historie = [LocatieHistorie {
            capaciteit: vec![CapaciteitPeriode {
                id: 1,
                locatie_id: 1,
                vanaf: d("2026-01-01"),
                tot_en_met: None,
                plaatsen: 40,
                versie: 1,
            }],
            peilingen: vec![peiling("2026-01-05", 30), peiling("2026-01-19", 36)],
        }];
        let punten = trend(
            &historie,
            &[
                d("2025-12-31"),
                d("2026-01-05"),
                d("2026-01-18"),
                d("2026-02-01"),
            ],
        );
        let bezet: Vec<_> = punten.iter().map(|p| (p.gerealiseerd, p.bezet)).collect();
        assert_eq!(bezet, vec![(0, 0), (40, 30), (40, 30), (40, 36)]);
        assert_eq!(punten[3].graad, Some(900));
    }
}
