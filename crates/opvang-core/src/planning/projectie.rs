//! The monthly projection engine: supply and demand per municipality and target group, summed
//! over safety regions, provinces and the country, with seeded Monte Carlo bands.

use std::collections::BTreeMap;

use chrono::{Datelike, Months, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::scenario::{Bereik, Scenario};
use crate::locations::{Financiering, LocatieStatus};
use crate::occupancy::rate::rate_tenths;
use crate::occupancy::{Bezetting, Doelgroep, GebiedSoort};

/// A municipality as the projection groups it.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanGemeente {
    pub code: String,
    pub naam: String,
    pub provincie_code: String,
    pub provincie_naam: String,
    pub veiligheidsregio_code: String,
    pub veiligheidsregio_naam: String,
}

/// A capacity period: `plaatsen` from `vanaf` through `tot_en_met` (open when `None`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Periode {
    pub vanaf: NaiveDate,
    pub tot_en_met: Option<NaiveDate>,
    pub plaatsen: i64,
}

/// What the projection needs of one location.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanLocatie {
    /// The location's id in the register (0 in synthetic registers).
    pub id: i64,
    pub naam: String,
    /// Index into [`PlanInvoer::gemeenten`].
    pub gemeente: usize,
    /// The funding scheme, for the funding estimate.
    pub financiering: Financiering,
    pub status: LocatieStatus,
    pub openingsdatum: Option<NaiveDate>,
    /// End of lease or permit: no capacity after this date.
    pub einddatum: Option<NaiveDate>,
    pub pipeline_kans: Option<i64>,
    pub wooneenheden: Option<i64>,
    pub perioden: Vec<Periode>,
    /// Occupancy as of the start date (latest snapshot on or before it).
    pub bezetting: Bezetting,
    /// Decision date of an approved conversion review (*akkoord*), if any.
    pub ombouw_akkoord: Option<NaiveDate>,
}

/// The register as the projection reads it at its start date.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanInvoer {
    pub start: NaiveDate,
    pub gemeenten: Vec<PlanGemeente>,
    pub locaties: Vec<PlanLocatie>,
}

/// P10, P50 and P90 of a number over the Monte Carlo runs (nearest rank).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Band {
    pub p10: i64,
    pub p50: i64,
    pub p90: i64,
}

/// The uncertainty bands of one area and month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Banden {
    pub vraag: Band,
    pub aanbod: Band,
    pub saldo: Band,
}

/// Demand and flows of one target group in one month (flows happen during the month).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Stroomcijfers {
    /// People needing a place at the start of the month.
    pub vraag: i64,
    pub instroom: i64,
    pub uitstroom_woning: i64,
    pub uitstroom_terugkeer: i64,
}

impl Stroomcijfers {
    /// The demand at the start of the next month: start + inflow − outflows.
    pub fn eind(&self) -> i64 {
        self.vraag + self.instroom - self.uitstroom_woning - self.uitstroom_terugkeer
    }

    fn optellen(&mut self, ander: &Stroomcijfers) {
        self.vraag += ander.vraag;
        self.instroom += ander.instroom;
        self.uitstroom_woning += ander.uitstroom_woning;
        self.uitstroom_terugkeer += ander.uitstroom_terugkeer;
    }
}

/// All target groups of an area in one month, with supply and the gap (central projection).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MaandTotaal {
    /// The first day of the month.
    pub maand: NaiveDate,
    pub totaal: Stroomcijfers,
    /// Usable supply: realised places (plus stand-by when counted) plus weighted pipeline.
    pub aanbod: i64,
    /// Of which stand-by places (counted only when the scenario says so).
    pub stand_by: i64,
    /// Of which planned locations, weighted by their chance.
    pub pipeline: i64,
    /// Supply − demand; negative is a shortage over the area as a whole.
    pub saldo: i64,
    /// Sum of the municipalities' own shortages (places cannot be shared between them).
    pub tekort: i64,
    /// Projected occupancy: per municipality the smaller of demand and supply, summed.
    pub bezet: i64,
    /// Projected occupancy / supply in tenths of a percent.
    pub graad: Option<i64>,
    /// Places whose lease or permit ends in this month (the expiry cliff).
    pub aflopend: i64,
    /// Places leaving the reception stock for conversion to housing in this month.
    pub ombouw: i64,
    /// Monte Carlo bands; absent without runs.
    pub banden: Option<Banden>,
}

/// One target group's series in an area.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DoelgroepReeks {
    pub doelgroep: Doelgroep,
    pub maanden: Vec<Stroomcijfers>,
}

/// The projection of one area.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct GebiedProjectie {
    pub soort: GebiedSoort,
    /// `NL`, `PV26`, `VR09`, `GM0344`.
    pub code: String,
    pub naam: String,
    /// The runway: the first month with a negative balance, if any.
    pub eerste_tekort: Option<NaiveDate>,
    pub maanden: Vec<MaandTotaal>,
    pub doelgroepen: Vec<DoelgroepReeks>,
}

/// A complete projection: country first, then provinces, safety regions and municipalities.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Projectie {
    pub scenario: Scenario,
    pub start: NaiveDate,
    pub runs: i64,
    pub seed: i64,
    pub gebieden: Vec<GebiedProjectie>,
}

/// `x × promille / 1000`, rounded half-up, for non-negative numbers.
fn deel(x: i64, promille: i64) -> i64 {
    (x * promille + 500) / 1000
}

pub(super) fn eerste_van_maand(d: NaiveDate) -> NaiveDate {
    d.with_day(1).expect("day 1 exists")
}

/// The date at which each projected month is evaluated: the start date, then the first of each
/// following month through `tot_maand`.
pub fn peildata(start: NaiveDate, tot_maand: NaiveDate) -> Vec<NaiveDate> {
    let laatste = eerste_van_maand(tot_maand);
    let mut data = vec![start];
    let mut maand = eerste_van_maand(start);
    loop {
        maand = maand + Months::new(1);
        if maand > laatste {
            break;
        }
        data.push(maand);
    }
    data
}

/// One draw of every scenario parameter.
#[derive(Debug, Clone, Copy)]
struct Trek {
    instroom: [i64; 4],
    woning: [i64; 4],
    terugkeer: [i64; 4],
    extra: i64,
    maanden: i64,
    aandeel_terugkeer: i64,
    vertraging: i64,
}

/// SplitMix64: a tiny, fast, well-mixed generator; reproducible across platforms.
struct Toeval(u64);

impl Toeval {
    fn volgende(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn trek(&mut self, b: Bereik) -> i64 {
        if b.max <= b.min {
            return b.min;
        }
        b.min + (self.volgende() % (b.max - b.min + 1) as u64) as i64
    }
}

/// A value in 0..100 for run `run` and planned location `locatie`, independent of order.
fn percentiel_trek(seed: u64, run: u64, locatie: u64) -> i64 {
    let mut t = Toeval(seed ^ run.wrapping_mul(0xD1B5_4A32_D192_ED03) ^ locatie.rotate_left(32));
    (t.volgende() % 100) as i64
}

impl Trek {
    fn midden(s: &Scenario) -> Trek {
        Trek::met(s, |b| b.midden())
    }

    fn willekeurig(s: &Scenario, toeval: &mut Toeval) -> Trek {
        Trek::met(s, |b| toeval.trek(b))
    }

    fn met(s: &Scenario, mut waarde: impl FnMut(Bereik) -> i64) -> Trek {
        let mut t = Trek {
            instroom: [0; 4],
            woning: [0; 4],
            terugkeer: [0; 4],
            extra: 0,
            maanden: 0,
            aandeel_terugkeer: 0,
            vertraging: 0,
        };
        for (i, groep) in Doelgroep::ALLE.into_iter().enumerate() {
            let st = s.stromen_van(groep);
            t.instroom[i] = waarde(st.instroom_promille);
            t.woning[i] = waarde(st.uitstroom_woning_promille);
            t.terugkeer[i] = waarde(st.uitstroom_terugkeer_promille);
        }
        t.extra = waarde(s.overgang.extra_uitstroom_promille);
        t.maanden = waarde(s.overgang.maanden);
        t.aandeel_terugkeer = waarde(s.overgang.aandeel_terugkeer_procent);
        t.vertraging = waarde(s.pipeline_vertraging_maanden);
        t
    }
}

/// A planned location's places per month index, from `-max_vertraging` on (before any delay).
struct PipelineCurve {
    kans: i64,
    globaal: u64,
    plaatsen: Vec<i64>,
}

/// Everything about a municipality that does not depend on a run.
struct Voorbereid {
    start: [i64; 4],
    vast: Vec<i64>,
    stand_by: Vec<i64>,
    aflopend: Vec<i64>,
    ombouw: Vec<i64>,
    pipeline: Vec<PipelineCurve>,
}

/// The first day of the month from which each location has left the stock for conversion:
/// the scenario's planned date or, when the scenario says so, the approved review's decision
/// date plus the given months, whichever is earlier.
pub(super) fn ombouwmaanden(invoer: &PlanInvoer, scenario: &Scenario) -> Vec<Option<NaiveDate>> {
    let gepland: BTreeMap<i64, NaiveDate> = scenario
        .ombouwen
        .iter()
        .map(|o| (o.locatie_id, o.datum))
        .collect();
    invoer
        .locaties
        .iter()
        .map(|loc| {
            let na_akkoord = scenario.ombouw_na_akkoord_maanden.and_then(|m| {
                loc.ombouw_akkoord
                    .map(|d| d + Months::new(m.clamp(0, 1200) as u32))
            });
            let eigen = if loc.id != 0 {
                gepland.get(&loc.id).copied()
            } else {
                None
            };
            [eigen, na_akkoord]
                .into_iter()
                .flatten()
                .min()
                .map(eerste_van_maand)
        })
        .collect()
}

/// The places of `loc` on `datum`: the covering capacity period, none after the lease end or
/// from the month of conversion (`ombouw`, a first of the month) on.
pub(super) fn capaciteit_op(loc: &PlanLocatie, datum: NaiveDate, ombouw: Option<NaiveDate>) -> i64 {
    if loc.einddatum.is_some_and(|e| datum > e) || ombouw.is_some_and(|o| datum >= o) {
        return 0;
    }
    loc.perioden
        .iter()
        .filter(|p| p.vanaf <= datum && p.tot_en_met.is_none_or(|t| datum <= t))
        .map(|p| p.plaatsen)
        .max()
        .unwrap_or(0)
}

fn voorbereiden(invoer: &PlanInvoer, scenario: &Scenario, data: &[NaiveDate]) -> Vec<Voorbereid> {
    let m = data.len();
    let max_vertraging = scenario.pipeline_vertraging_maanden.max.max(0) as usize;
    let mut uit: Vec<Voorbereid> = invoer
        .gemeenten
        .iter()
        .map(|_| Voorbereid {
            start: [0; 4],
            vast: vec![0; m],
            stand_by: vec![0; m],
            aflopend: vec![0; m],
            ombouw: vec![0; m],
            pipeline: Vec::new(),
        })
        .collect();
    let ombouwmaanden = ombouwmaanden(invoer, scenario);
    for (index, loc) in invoer.locaties.iter().enumerate() {
        let ombouw = ombouwmaanden[index];
        let g = &mut uit[loc.gemeente];
        for (i, groep) in Doelgroep::ALLE.into_iter().enumerate() {
            g.start[i] += loc.bezetting.get(groep);
        }
        match loc.status {
            LocatieStatus::Gesloten => {}
            LocatieStatus::InVoorbereiding => {
                let opening = loc.openingsdatum.unwrap_or(invoer.start);
                let per_eenheid = loc.wooneenheden.unwrap_or(0).max(0)
                    * scenario.pipeline_plaatsen_per_wooneenheid;
                let plaatsen = (0..m + max_vertraging)
                    .map(|j| {
                        // Index j stands for month j − max_vertraging, counted from the start.
                        let datum = if j >= max_vertraging {
                            data[j - max_vertraging]
                        } else {
                            eerste_van_maand(invoer.start)
                                - Months::new((max_vertraging - j) as u32)
                        };
                        if loc.perioden.is_empty() {
                            let open = datum >= opening
                                && loc.einddatum.is_none_or(|e| datum <= e)
                                && ombouw.is_none_or(|o| datum < o);
                            if open {
                                per_eenheid
                            } else {
                                0
                            }
                        } else {
                            capaciteit_op(loc, datum, ombouw)
                        }
                    })
                    .collect();
                g.pipeline.push(PipelineCurve {
                    kans: loc.pipeline_kans.unwrap_or(100).clamp(0, 100),
                    globaal: index as u64,
                    plaatsen,
                });
            }
            status => {
                for (k, &datum) in data.iter().enumerate() {
                    let c = capaciteit_op(loc, datum, ombouw);
                    if status == LocatieStatus::StandBy {
                        g.stand_by[k] += c;
                    } else {
                        g.vast[k] += c;
                    }
                    if ombouw == Some(eerste_van_maand(datum)) {
                        g.ombouw[k] += capaciteit_op(loc, datum, None);
                    }
                }
                if let Some(eind) = loc.einddatum {
                    let maand = eerste_van_maand(eind);
                    if let Some(k) = data.iter().position(|&d| eerste_van_maand(d) == maand) {
                        if eind >= data[k] {
                            g.aflopend[k] += capaciteit_op(loc, eind, ombouw);
                        }
                    }
                }
            }
        }
    }
    uit
}

/// One municipality's numbers for one month of one run.
#[derive(Debug, Clone, Copy, Default)]
struct Maandstand {
    groepen: [Stroomcijfers; 4],
    aanbod: i64,
    stand_by: i64,
    pipeline: i64,
}

impl Maandstand {
    fn vraag(&self) -> i64 {
        self.groepen.iter().map(|g| g.vraag).sum()
    }
}

/// Runs one municipality through all months. `weging(curve)` is the percentage of a planned
/// location counted: its chance in the central projection, 0 or 100 in a Monte Carlo run.
fn simuleer(
    g: &Voorbereid,
    trek: &Trek,
    scenario: &Scenario,
    overgang: &[bool],
    max_vertraging: usize,
    weging: impl Fn(&PipelineCurve) -> i64,
    uit: &mut Vec<Maandstand>,
) {
    uit.clear();
    let mut vraag = g.start;
    for (k, &in_overgang) in overgang.iter().enumerate().take(g.vast.len()) {
        let mut stand = Maandstand::default();
        for (i, groep) in stand.groepen.iter_mut().enumerate() {
            let d = vraag[i];
            let instroom = deel(g.start[i], trek.instroom[i]);
            let mut woning = deel(d, trek.woning[i]);
            let mut terugkeer = deel(d, trek.terugkeer[i]);
            if i == 0 && in_overgang {
                let extra = deel(d, trek.extra);
                let extra_terug = (extra * trek.aandeel_terugkeer + 50) / 100;
                terugkeer += extra_terug;
                woning += extra - extra_terug;
            }
            woning = woning.min(d);
            terugkeer = terugkeer.min(d - woning);
            *groep = Stroomcijfers {
                vraag: d,
                instroom,
                uitstroom_woning: woning,
                uitstroom_terugkeer: terugkeer,
            };
            vraag[i] = groep.eind();
        }
        let index = k + max_vertraging - trek.vertraging as usize;
        stand.pipeline = g
            .pipeline
            .iter()
            .map(|c| (c.plaatsen[index] * weging(c) + 50) / 100)
            .sum();
        stand.stand_by = if scenario.stand_by_meetellen {
            g.stand_by[k]
        } else {
            0
        };
        stand.aanbod = g.vast[k] + stand.stand_by + stand.pipeline;
        uit.push(stand);
    }
}

/// Which months carry the extra transition outflow, for a draw of its length.
fn overgangsmaanden(scenario: &Scenario, data: &[NaiveDate], maanden: i64) -> Vec<bool> {
    let eerste = eerste_van_maand(scenario.overgang.datum) + Months::new(1);
    let na = eerste + Months::new(maanden.clamp(0, 1200) as u32);
    data.iter()
        .map(|&d| {
            let m = eerste_van_maand(d);
            eerste <= m && m < na
        })
        .collect()
}

/// The areas of a projection and, per municipality, the areas it counts in.
struct Indeling {
    gebieden: Vec<(GebiedSoort, String, String)>,
    /// Per municipality: its own area (if it has locations) and its parents.
    leden: Vec<Vec<usize>>,
}

fn indeling(invoer: &PlanInvoer) -> Indeling {
    let mut actief = vec![false; invoer.gemeenten.len()];
    for loc in &invoer.locaties {
        actief[loc.gemeente] = true;
    }
    let mut sleutels: BTreeMap<(GebiedSoort, String, String), ()> = BTreeMap::new();
    let sleutel = |soort, code: &str, naam: &str| (soort, naam.to_owned(), code.to_owned());
    sleutels.insert(sleutel(GebiedSoort::Land, "NL", "Nederland"), ());
    for (_, gm) in invoer
        .gemeenten
        .iter()
        .enumerate()
        .filter(|(g, _)| actief[*g])
    {
        sleutels.insert(
            sleutel(
                GebiedSoort::Provincie,
                &gm.provincie_code,
                &gm.provincie_naam,
            ),
            (),
        );
        sleutels.insert(
            sleutel(
                GebiedSoort::Veiligheidsregio,
                &gm.veiligheidsregio_code,
                &gm.veiligheidsregio_naam,
            ),
            (),
        );
        sleutels.insert(sleutel(GebiedSoort::Gemeente, &gm.code, &gm.naam), ());
    }
    let gebieden: Vec<(GebiedSoort, String, String)> = sleutels
        .into_keys()
        .map(|(soort, naam, code)| (soort, code, naam))
        .collect();
    let index: BTreeMap<(GebiedSoort, &str), usize> = gebieden
        .iter()
        .enumerate()
        .map(|(i, (soort, code, _))| ((*soort, code.as_str()), i))
        .collect();
    let leden = invoer
        .gemeenten
        .iter()
        .enumerate()
        .map(|(g, gm)| {
            if !actief[g] {
                return Vec::new();
            }
            vec![
                index[&(GebiedSoort::Gemeente, gm.code.as_str())],
                index[&(
                    GebiedSoort::Veiligheidsregio,
                    gm.veiligheidsregio_code.as_str(),
                )],
                index[&(GebiedSoort::Provincie, gm.provincie_code.as_str())],
                index[&(GebiedSoort::Land, "NL")],
            ]
        })
        .collect();
    Indeling { gebieden, leden }
}

/// Nearest-rank P10/P50/P90 of `waarden` (reordered in place).
fn band(waarden: &mut [i64]) -> Band {
    let n = waarden.len();
    let rang = |p: usize| (p * n).div_ceil(100).max(1) - 1;
    let (i10, i50, i90) = (rang(10), rang(50), rang(90));
    let (laag, &mut p50, hoog) = waarden.select_nth_unstable(i50);
    let p10 = if i10 < i50 {
        *laag.select_nth_unstable(i10).1
    } else {
        p50
    };
    let p90 = if i90 > i50 {
        *hoog.select_nth_unstable(i90 - i50 - 1).1
    } else {
        p50
    };
    Band { p10, p50, p90 }
}

/// Projects `invoer` under `scenario`: the central projection (midpoints, pipeline weighted by
/// chance) and, when `runs > 0`, P10/P50/P90 bands of demand, supply and balance from `runs`
/// Monte Carlo runs drawn with `seed`. The scenario must be valid ([`Scenario::valideer`]).
pub fn projecteren(invoer: &PlanInvoer, scenario: &Scenario, runs: u32, seed: u64) -> Projectie {
    let data = peildata(invoer.start, scenario.tot_maand);
    let m = data.len();
    let max_vertraging = scenario.pipeline_vertraging_maanden.max.max(0) as usize;
    let voorbereid = voorbereiden(invoer, scenario, &data);
    let indeling = indeling(invoer);
    let n_gebieden = indeling.gebieden.len();

    // Central projection, summed per area.
    let midden = Trek::midden(scenario);
    let overgang = overgangsmaanden(scenario, &data, midden.maanden);
    let mut totalen: Vec<Vec<MaandTotaal>> = (0..n_gebieden)
        .map(|_| {
            data.iter()
                .map(|&d| MaandTotaal {
                    maand: eerste_van_maand(d),
                    totaal: Stroomcijfers::default(),
                    aanbod: 0,
                    stand_by: 0,
                    pipeline: 0,
                    saldo: 0,
                    tekort: 0,
                    bezet: 0,
                    graad: None,
                    aflopend: 0,
                    ombouw: 0,
                    banden: None,
                })
                .collect()
        })
        .collect();
    let mut groepen: Vec<[Vec<Stroomcijfers>; 4]> = (0..n_gebieden)
        .map(|_| std::array::from_fn(|_| vec![Stroomcijfers::default(); m]))
        .collect();
    let mut reeks = Vec::with_capacity(m);
    for (g, vb) in voorbereid.iter().enumerate() {
        if indeling.leden[g].is_empty() {
            continue;
        }
        simuleer(
            vb,
            &midden,
            scenario,
            &overgang,
            max_vertraging,
            |c| c.kans,
            &mut reeks,
        );
        for &a in &indeling.leden[g] {
            for (k, stand) in reeks.iter().enumerate() {
                let t = &mut totalen[a][k];
                let vraag = stand.vraag();
                for (reeks, groep) in groepen[a].iter_mut().zip(&stand.groepen) {
                    t.totaal.optellen(groep);
                    reeks[k].optellen(groep);
                }
                t.aanbod += stand.aanbod;
                t.stand_by += stand.stand_by;
                t.pipeline += stand.pipeline;
                t.saldo += stand.aanbod - vraag;
                t.tekort += (vraag - stand.aanbod).max(0);
                t.bezet += vraag.min(stand.aanbod);
                t.aflopend += vb.aflopend[k];
                t.ombouw += vb.ombouw[k];
            }
        }
    }

    if runs > 0 {
        monte_carlo(
            &voorbereid,
            &indeling,
            scenario,
            &data,
            runs,
            seed,
            &mut totalen,
        );
    }

    let gebieden = indeling
        .gebieden
        .into_iter()
        .zip(totalen)
        .zip(groepen)
        .map(|(((soort, code, naam), mut maanden), groepen)| {
            for t in &mut maanden {
                t.graad = rate_tenths(t.bezet, t.aanbod);
            }
            GebiedProjectie {
                soort,
                code,
                naam,
                eerste_tekort: maanden.iter().find(|t| t.saldo < 0).map(|t| t.maand),
                maanden,
                doelgroepen: Doelgroep::ALLE
                    .into_iter()
                    .zip(groepen)
                    .map(|(doelgroep, maanden)| DoelgroepReeks { doelgroep, maanden })
                    .collect(),
            }
        })
        .collect();
    Projectie {
        scenario: scenario.clone(),
        start: invoer.start,
        runs: i64::from(runs),
        seed: seed as i64,
        gebieden,
    }
}

/// Values kept per area, month and run: demand, supply, balance.
const GROOTHEDEN: usize = 3;

fn monte_carlo(
    voorbereid: &[Voorbereid],
    indeling: &Indeling,
    scenario: &Scenario,
    data: &[NaiveDate],
    runs: u32,
    seed: u64,
    totalen: &mut [Vec<MaandTotaal>],
) {
    let m = data.len();
    let r = runs as usize;
    let max_vertraging = scenario.pipeline_vertraging_maanden.max.max(0) as usize;
    let mut toeval = Toeval(seed);
    let trekken: Vec<Trek> = (0..r)
        .map(|_| Trek::willekeurig(scenario, &mut toeval))
        .collect();
    let overgangen: BTreeMap<i64, Vec<bool>> = trekken
        .iter()
        .map(|t| (t.maanden, overgangsmaanden(scenario, data, t.maanden)))
        .collect();
    // Municipal areas are finished one at a time; larger areas accumulate over all runs.
    let mut som: BTreeMap<usize, Vec<i64>> = BTreeMap::new();
    let mut eigen = vec![0i64; m * GROOTHEDEN * r];
    let mut reeks = Vec::with_capacity(m);
    let plek = |k: usize, grootheid: usize, run: usize| (k * GROOTHEDEN + grootheid) * r + run;
    for (g, vb) in voorbereid.iter().enumerate() {
        let Some((&eigen_gebied, ouders)) = indeling.leden[g].split_first() else {
            continue;
        };
        for (run, trek) in trekken.iter().enumerate() {
            simuleer(
                vb,
                trek,
                scenario,
                &overgangen[&trek.maanden],
                max_vertraging,
                |c| {
                    if percentiel_trek(seed, run as u64, c.globaal) < c.kans {
                        100
                    } else {
                        0
                    }
                },
                &mut reeks,
            );
            for (k, stand) in reeks.iter().enumerate() {
                let vraag = stand.vraag();
                eigen[plek(k, 0, run)] = vraag;
                eigen[plek(k, 1, run)] = stand.aanbod;
                eigen[plek(k, 2, run)] = stand.aanbod - vraag;
            }
        }
        for &ouder in ouders {
            let doel = som
                .entry(ouder)
                .or_insert_with(|| vec![0; m * GROOTHEDEN * r]);
            for (d, e) in doel.iter_mut().zip(&eigen) {
                *d += e;
            }
        }
        banden_invullen(&mut eigen, r, &mut totalen[eigen_gebied]);
    }
    for (gebied, mut waarden) in som {
        banden_invullen(&mut waarden, r, &mut totalen[gebied]);
    }
}

fn banden_invullen(waarden: &mut [i64], r: usize, maanden: &mut [MaandTotaal]) {
    for (k, t) in maanden.iter_mut().enumerate() {
        let mut b = |grootheid: usize| {
            let begin = (k * GROOTHEDEN + grootheid) * r;
            band(&mut waarden[begin..begin + r])
        };
        t.banden = Some(Banden {
            vraag: b(0),
            aanbod: b(1),
            saldo: b(2),
        });
    }
}
