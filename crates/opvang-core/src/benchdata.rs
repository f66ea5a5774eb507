//! Generated benchmark data at national and stress scale: locations in all municipalities with weekly snapshots.
//!
//! The generator is deterministic (same seed and end date, same file) and every record it makes
//! passes the core's own rules before it is stored: [`LocatieInvoer::valideer`], capacity periods
//! through [`CapaciteitInvoer::inpassen`], the lifecycle through
//! [`LocatieStatus::check_transition`] and each snapshot through [`PeilingInvoer::valideer`].
//! Storage writes it with multi-row inserts in large transactions ([`Db::bench_data_opslaan`]).

use std::time::Instant;

use chrono::{Datelike, Duration, NaiveDate};

use crate::error::{CoreError, CoreResult};
use crate::format::aantal_in;
use crate::i18n;
use crate::locations::{
    Beheerder, CapaciteitInvoer, CapaciteitPeriode, Financiering, LocatieFilter, LocatieInvoer,
    LocatieStatus, LocatieType, Vergunning,
};
use crate::occupancy::{Bezetting, PeilingContext, PeilingInvoer};
use crate::progress::Voortgang;
use crate::reference::{self, Gemeente};
use crate::storage::Db;

/// Weekly snapshots over four years: 209 Mondays up to and including the end date.
pub const WEKEN: i64 = 209;

/// Locations generated and stored per transaction.
const PER_TRANSACTIE: usize = 500;

/// How much data to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Schaal {
    /// 3,000 locations in all 342 municipalities, ≈1.9M occupancy rows (DESIGN.md §12).
    Nationaal,
    /// Ten times the national scale.
    Stress,
}

impl Schaal {
    pub fn locaties(self) -> usize {
        match self {
            Schaal::Nationaal => 3_000,
            Schaal::Stress => 30_000,
        }
    }
}

/// Counts of what was generated, and how long it took.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BenchDataResultaat {
    pub locaties: u64,
    pub gemeenten: u64,
    pub capaciteitsperioden: u64,
    pub statuswijzigingen: u64,
    pub peilingen: u64,
    /// Rows in `bezetting`: one per snapshot and target group (three groups).
    pub bezettingsrijen: u64,
    pub seconden: f64,
}

/// One generated location with its whole history, already checked against the core's rules.
pub struct BenchLocatie {
    pub id: i64,
    pub invoer: LocatieInvoer,
    pub status: LocatieStatus,
    /// Status changes in order, the first being the status it started with.
    pub statussen: Vec<(LocatieStatus, NaiveDate)>,
    pub capaciteit: Vec<CapaciteitPeriode>,
    pub peilingen: Vec<PeilingInvoer>,
}

/// A small deterministic generator (splitmix64).
struct Toeval(u64);

impl Toeval {
    fn volgende(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `lo..=hi`.
    fn tussen(&mut self, lo: i64, hi: i64) -> i64 {
        lo + (self.volgende() % (hi - lo + 1) as u64) as i64
    }

    /// True with a chance of `procent` in a hundred.
    fn kans(&mut self, procent: i64) -> bool {
        self.tussen(0, 99) < procent
    }

    /// An index into `gewichten`, chosen with those weights.
    fn gewogen(&mut self, gewichten: &[i64]) -> usize {
        let mut r = self.tussen(0, gewichten.iter().sum::<i64>() - 1);
        for (i, &g) in gewichten.iter().enumerate() {
            if r < g {
                return i;
            }
            r -= g;
        }
        gewichten.len() - 1
    }
}

/// Location types with their share (per mille), a name prefix and a range of places.
const SOORTEN: [(LocatieType, i64, &str, i64, i64); 10] = [
    (LocatieType::HotelPension, 160, "Hotel", 30, 180),
    (LocatieType::KantoorBedrijfspand, 190, "Kantoor", 60, 400),
    (LocatieType::Zorgvastgoed, 100, "Zorgcentrum", 30, 150),
    (
        LocatieType::Onderwijsgebouw,
        70,
        "Voormalige school",
        30,
        120,
    ),
    (LocatieType::Vakantiepark, 100, "Vakantiepark", 50, 300),
    (
        LocatieType::ModulaireWoningen,
        150,
        "Modulair wonen",
        20,
        200,
    ),
    (LocatieType::ReguliereWoningen, 140, "Woningen", 4, 40),
    (LocatieType::Schip, 30, "Schip", 80, 250),
    (LocatieType::SporthalNoodopvang, 20, "Sporthal", 100, 300),
    (LocatieType::Overig, 40, "Paviljoen", 10, 100),
];

const STRATEN: [&str; 16] = [
    "Kerkstraat",
    "Dorpsstraat",
    "Stationsweg",
    "Molenweg",
    "Schoolstraat",
    "Industrieweg",
    "Parallelweg",
    "Julianastraat",
    "Wilhelminastraat",
    "Beatrixlaan",
    "Nieuwstraat",
    "Hoofdstraat",
    "Parklaan",
    "Havenweg",
    "Sportlaan",
    "Zuiderweg",
];

/// The role a location plays in the data set, so that every situation occurs at scale.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Rol {
    /// In use for the whole four years.
    Gewoon,
    /// Opened during the four years (first snapshot in the given week).
    LaterGeopend(i64),
    /// In use, then stand-by from the given week (empty from then on).
    StandBy(i64),
    /// Phased out from the given week and closed eight weeks later.
    Gesloten(i64),
    /// Being phased out since the given week.
    InAfbouw(i64),
    /// In use, but the last snapshots are missing for the given number of weeks.
    Verouderd(i64),
    /// Planned: no capacity and no snapshots yet.
    InVoorbereiding,
}

fn rol_kiezen(toeval: &mut Toeval) -> Rol {
    match toeval.tussen(0, 999) {
        0..=799 => Rol::Gewoon,
        800..=859 => Rol::LaterGeopend(toeval.tussen(10, WEKEN - 10)),
        860..=889 => Rol::StandBy(toeval.tussen(WEKEN - 60, WEKEN - 2)),
        890..=929 => Rol::Gesloten(toeval.tussen(40, WEKEN - 12)),
        930..=949 => Rol::InAfbouw(toeval.tussen(WEKEN - 30, WEKEN - 2)),
        950..=979 => Rol::Verouderd(toeval.tussen(3, 8)),
        _ => Rol::InVoorbereiding,
    }
}

/// The Monday on or before `datum`.
pub fn maandag_op_of_voor(datum: NaiveDate) -> NaiveDate {
    datum - Duration::days(i64::from(datum.weekday().num_days_from_monday()))
}

/// Which municipality each of `aantal` locations lies in: every municipality at least one, the
/// rest skewed towards a seeded selection of larger ones (a few big cities host many locations).
fn verdeling(gemeenten: &[Gemeente], aantal: usize, toeval: &mut Toeval) -> Vec<usize> {
    let n = gemeenten.len();
    let mut rang: Vec<usize> = (0..n).collect();
    for i in (1..n).rev() {
        rang.swap(i, toeval.tussen(0, i as i64) as usize);
    }
    // Weight ∝ 1 / (rank + 3), in integers.
    let gewichten: Vec<i64> = (0..n).map(|r| 1_000_000 / (r as i64 + 3)).collect();
    let mut uit: Vec<usize> = (0..n.min(aantal)).collect();
    while uit.len() < aantal {
        uit.push(rang[toeval.gewogen(&gewichten)]);
    }
    uit.sort_unstable();
    uit
}

/// Adds an open-ended capacity period the way a planner records one, closing the previous period.
fn periode_toevoegen(
    capaciteit: &mut Vec<CapaciteitPeriode>,
    id: i64,
    vanaf: NaiveDate,
    plaatsen: i64,
) -> CoreResult<()> {
    let nieuw = CapaciteitInvoer {
        locatie_id: id,
        vanaf,
        tot_en_met: None,
        plaatsen,
    };
    if let Some((periode, eind)) = nieuw.inpassen(capaciteit)?.afsluiten {
        if let Some(p) = capaciteit.iter_mut().find(|p| p.id == periode) {
            p.tot_en_met = Some(eind);
        }
    }
    capaciteit.push(CapaciteitPeriode {
        id: id * 4 + capaciteit.len() as i64,
        locatie_id: id,
        vanaf,
        tot_en_met: None,
        plaatsen,
        versie: 1,
    });
    Ok(())
}

/// Generates location `id` (1-based) in `gemeente`, its capacity, lifecycle and snapshots up to
/// `tot` (a Monday), and checks all of it with the core's rules.
fn locatie_maken(
    id: i64,
    gemeente: &Gemeente,
    seed: u64,
    tot: NaiveDate,
) -> CoreResult<BenchLocatie> {
    let mut toeval = Toeval(seed ^ (id as u64).wrapping_mul(0xA24B_AED4_963E_E407));
    let eerste = tot - Duration::weeks(WEKEN - 1);
    let week = |w: i64| eerste + Duration::weeks(w);
    let (soort, _, voorvoegsel, min, max) = SOORTEN[toeval.gewogen(&SOORTEN.map(|s| s.1))];
    let rol = rol_kiezen(&mut toeval);
    let plaatsen = toeval.tussen(min, max);

    let begin_week = match rol {
        Rol::LaterGeopend(w) => w,
        _ => 0,
    };
    let openingsdatum = match rol {
        Rol::InVoorbereiding => tot + Duration::days(toeval.tussen(30, 400)),
        Rol::LaterGeopend(w) => week(w) - Duration::days(toeval.tussen(0, 6)),
        _ => eerste - Duration::days(toeval.tussen(7, 900)),
    };
    let financiering = match toeval.tussen(0, 99) {
        0..=44 => Financiering::Booo,
        45..=69 => Financiering::Doelgroepflexibel,
        70..=79 => Financiering::Doorstroom,
        80..=94 => Financiering::Coa,
        _ => Financiering::Overig,
    };
    let beheerder = match (financiering, toeval.tussen(0, 99)) {
        (Financiering::Coa, _) => Beheerder::Coa,
        (_, 0..=59) => Beheerder::Gemeente,
        (_, 60..=74) => Beheerder::Woningcorporatie,
        (_, 75..=94) => Beheerder::Particulier,
        _ => Beheerder::Overig,
    };
    let permanent = soort == LocatieType::ReguliereWoningen && toeval.kans(70);
    let sluit_week = match rol {
        Rol::Gesloten(w) => Some(w + 8),
        _ => None,
    };
    // Lease or permit end: most temporary ones run out between now and the end of the
    // five-year scheme (30 April 2031), many around the end of temporary protection.
    let einddatum = match sluit_week {
        Some(w) => Some(week(w) + Duration::days(toeval.tussen(0, 60))),
        None if permanent || toeval.kans(12) => None,
        None => {
            let basis = tot.max(openingsdatum);
            Some(basis + Duration::days(toeval.tussen(20, 6 * 365)))
        }
    };
    let zelfstandig = matches!(
        soort,
        LocatieType::ModulaireWoningen | LocatieType::ReguliereWoningen | LocatieType::Vakantiepark
    );
    let wooneenheden = if zelfstandig {
        (plaatsen / 3).max(1)
    } else {
        (plaatsen / 8).max(1)
    };
    let straat = STRATEN[toeval.tussen(0, STRATEN.len() as i64 - 1) as usize];
    let letters = ["AB", "BC", "CD", "EK", "GH", "JL", "KM", "LN", "PR", "TV"];
    let invoer = LocatieInvoer {
        gemeente_code: gemeente.code.clone(),
        naam: format!("{voorvoegsel} {straat} {id}"),
        straat: straat.to_owned(),
        huisnummer: toeval.tussen(1, 250).to_string(),
        postcode: format!(
            "{} {}",
            toeval.tussen(1000, 9999),
            letters[toeval.tussen(0, 9) as usize]
        ),
        plaats: gemeente.naam.clone(),
        lat: Some(gemeente.lat + toeval.tussen(-250, 250) as f64 / 10_000.0),
        lon: Some(gemeente.lon + toeval.tussen(-400, 400) as f64 / 10_000.0),
        bag_id: None,
        soort,
        beheerder,
        openingsdatum: Some(openingsdatum),
        einddatum,
        vergunning: Some(if permanent {
            Vergunning::Permanent
        } else {
            Vergunning::Tijdelijk
        }),
        financiering,
        wooneenheden: Some(wooneenheden),
        eigen_voordeur: zelfstandig,
        eigen_keuken: zelfstandig || toeval.kans(30),
        eigen_sanitair: zelfstandig || toeval.kans(45),
        vloeroppervlak: Some(plaatsen * toeval.tussen(15, 40)),
        kosten_per_jaar: Some(plaatsen * toeval.tussen(9_000, 22_000)),
        pipeline_kans: (rol == Rol::InVoorbereiding).then(|| toeval.tussen(3, 9) * 10),
        notities: "Gegenereerde benchmarklocatie.".to_owned(),
    };
    invoer.valideer()?;

    // Capacity: one period from opening, sometimes extended or reduced once or twice; a closing
    // location's last period ends on the day it closes.
    let mut capaciteit: Vec<CapaciteitPeriode> = Vec::new();
    if rol != Rol::InVoorbereiding {
        periode_toevoegen(&mut capaciteit, id, openingsdatum, plaatsen)?;
        let mut huidig = plaatsen;
        let mut w = begin_week;
        for _ in 0..2 {
            if !toeval.kans(35) {
                break;
            }
            w += toeval.tussen(8, 80);
            if w >= sluit_week.unwrap_or(WEKEN) - 1 {
                break;
            }
            huidig = (huidig * toeval.tussen(70, 140) / 100).max(4);
            let vanaf = week(w) - Duration::days(toeval.tussen(0, 6));
            periode_toevoegen(&mut capaciteit, id, vanaf, huidig)?;
        }
        if let (Some(w), Some(laatste)) = (sluit_week, capaciteit.last_mut()) {
            laatste.tot_en_met = Some(week(w));
        }
    }
    let capaciteit_op = |datum: NaiveDate| {
        capaciteit
            .iter()
            .find(|p| p.dekt(datum))
            .map_or(0, |p| p.plaatsen)
    };

    // Lifecycle.
    let mut statussen = vec![(
        if rol == Rol::InVoorbereiding {
            LocatieStatus::InVoorbereiding
        } else {
            LocatieStatus::InGebruik
        },
        if rol == Rol::InVoorbereiding {
            tot - Duration::days(toeval.tussen(7, 120))
        } else {
            openingsdatum
        },
    )];

    // Weekly snapshots: occupancy as a random walk near full, some places out of use for
    // maintenance, three target groups in shares that follow the funding scheme.
    let laatste_week = match rol {
        Rol::InVoorbereiding => -1,
        Rol::Verouderd(achter) => WEKEN - 1 - achter,
        Rol::Gesloten(w) => w + 7,
        _ => WEKEN - 1,
    };
    let aandeel_ontheemden = match financiering {
        Financiering::Booo => 90,
        Financiering::Doelgroepflexibel => 50,
        Financiering::Doorstroom => 20,
        Financiering::Coa => 5,
        Financiering::Overig => 60,
    };
    let aandeel_asielzoekers = if financiering == Financiering::Coa {
        80
    } else {
        toeval.tussen(0, 10)
    };
    let overbezet_kans = if toeval.kans(3) { 20 } else { 0 };
    let onderhoud = toeval.kans(30);
    let mut vulling: i64 = toeval.tussen(880, 1000);
    let mut peilingen = Vec::with_capacity((laatste_week - begin_week + 1).max(0) as usize);
    for w in begin_week..=laatste_week {
        let peildatum = week(w);
        let c = capaciteit_op(peildatum);
        vulling = (vulling + toeval.tussen(-15, 15)).clamp(820, 1000);
        let niet_inzetbaar = if onderhoud && (w + id) % 17 < 2 {
            c / 10
        } else {
            0
        };
        let inzetbaar = c - niet_inzetbaar;
        let mut bezet = inzetbaar * vulling / 1000;
        match rol {
            Rol::StandBy(vanaf) if w >= vanaf => bezet = 0,
            Rol::InAfbouw(vanaf) if w >= vanaf => bezet = bezet * (WEKEN - w) / (WEKEN - vanaf + 1),
            Rol::Gesloten(vanaf) if w >= vanaf => bezet = bezet * (laatste_week - w) / 8,
            _ => {
                if toeval.kans(overbezet_kans) {
                    bezet = inzetbaar + toeval.tussen(1, 6);
                }
            }
        }
        let ontheemden = bezet * aandeel_ontheemden / 100;
        let asielzoekers = (bezet - ontheemden) * aandeel_asielzoekers / 100;
        let peiling = PeilingInvoer {
            locatie_id: id,
            peildatum,
            bezetting: Bezetting {
                ontheemden,
                statushouders: bezet - ontheemden - asielzoekers,
                asielzoekers,
                overig: 0,
            },
            niet_inzetbaar,
            reden_niet_inzetbaar: if niet_inzetbaar > 0 {
                "Onderhoud".to_owned()
            } else {
                String::new()
            },
            versie: None,
        };
        peiling.valideer(&PeilingContext {
            locatie_naam: &invoer.naam,
            gesloten: false,
            capaciteit: c,
            vandaag: tot,
        })?;
        peilingen.push(peiling);
    }
    let bezet_op = |datum: NaiveDate| {
        let i = peilingen.partition_point(|p| p.peildatum <= datum);
        i.checked_sub(1)
            .map_or(0, |i| peilingen[i].bezetting.totaal())
    };
    let overgang =
        |statussen: &mut Vec<(LocatieStatus, NaiveDate)>, naar: LocatieStatus, datum: NaiveDate| {
            let (nu, _) = *statussen.last().expect("a first status");
            nu.check_transition(naar, bezet_op(datum), "")?;
            statussen.push((naar, datum));
            CoreResult::Ok(())
        };
    match rol {
        Rol::StandBy(w) => overgang(&mut statussen, LocatieStatus::StandBy, week(w))?,
        Rol::InAfbouw(w) => overgang(&mut statussen, LocatieStatus::InAfbouw, week(w))?,
        Rol::Gesloten(w) => {
            overgang(&mut statussen, LocatieStatus::InAfbouw, week(w))?;
            let sluiting = week(w + 8);
            overgang(&mut statussen, LocatieStatus::Gesloten, sluiting)?;
        }
        _ => {}
    }
    let status = statussen.last().expect("a first status").0;
    Ok(BenchLocatie {
        id,
        invoer,
        status,
        statussen,
        capaciteit,
        peilingen,
    })
}

/// Fills an empty SQLite or PostgreSQL database with `aantal` generated locations (see
/// [`Schaal::locaties`]) and their data up to the Monday on or before `tot`; refuses a database
/// that already has locations.
pub async fn genereren(
    db: &Db,
    aantal: usize,
    seed: u64,
    tot: NaiveDate,
    mut voortgang: impl FnMut(Voortgang),
) -> CoreResult<BenchDataResultaat> {
    let start = Instant::now();
    if !db.locaties(&LocatieFilter::default()).await?.is_empty() {
        return Err(CoreError::validatie(
            "database",
            "fout.benchdata.database_bevat_locaties_benchmarkdata",
        ));
    }
    let tot = maandag_op_of_voor(tot);
    let (_, csv) = *reference::INDELINGEN.last().expect("a shipped division");
    let gemeenten = reference::indeling(csv);
    let mut toeval = Toeval(seed);
    let verdeling = verdeling(&gemeenten, aantal, &mut toeval);
    let mut uitslag = BenchDataResultaat {
        gemeenten: {
            let mut g = verdeling.clone();
            g.dedup();
            g.len() as u64
        },
        ..BenchDataResultaat::default()
    };
    for (stuk, indexen) in verdeling.chunks(PER_TRANSACTIE).enumerate() {
        let mut locaties = Vec::with_capacity(indexen.len());
        for (i, &g) in indexen.iter().enumerate() {
            let id = (stuk * PER_TRANSACTIE + i + 1) as i64;
            locaties.push(locatie_maken(id, &gemeenten[g], seed, tot)?);
        }
        db.bench_data_opslaan(&locaties).await?;
        for l in &locaties {
            uitslag.locaties += 1;
            uitslag.capaciteitsperioden += l.capaciteit.len() as u64;
            uitslag.statuswijzigingen += l.statussen.len() as u64;
            uitslag.peilingen += l.peilingen.len() as u64;
        }
        let taal = i18n::actieve_taal();
        voortgang(Voortgang::nieuw(
            uitslag.locaties,
            aantal as u64,
            "voortgang.benchdata",
            &[
                ("gedaan", &aantal_in(taal, uitslag.locaties as i64)),
                ("totaal", &aantal_in(taal, aantal as i64)),
            ],
        ));
    }
    uitslag.bezettingsrijen = uitslag.peilingen * 3;
    uitslag.seconden = start.elapsed().as_secs_f64();
    Ok(uitslag)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::occupancy::{Gebied, Totalen};

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn generation_is_deterministic_and_spreads_over_all_municipalities() {
        let gemeenten = reference::indeling(reference::INDELINGEN[0].1);
        let a = verdeling(&gemeenten, 3_000, &mut Toeval(7));
        let b = verdeling(&gemeenten, 3_000, &mut Toeval(7));
        assert_eq!(a, b);
        let mut uniek = a.clone();
        uniek.dedup();
        assert_eq!(uniek.len(), 342);
        let tot = d("2026-11-23");
        let l1 = locatie_maken(17, &gemeenten[0], 7, tot).unwrap();
        let l2 = locatie_maken(17, &gemeenten[0], 7, tot).unwrap();
        assert_eq!(l1.invoer, l2.invoer);
        assert_eq!(l1.peilingen, l2.peilingen);
    }

    #[test]
    fn every_role_passes_the_core_rules() {
        let gemeenten = reference::indeling(reference::INDELINGEN[0].1);
        let tot = d("2026-11-23");
        let mut statussen = std::collections::BTreeSet::new();
        for id in 1..=600 {
            let l = locatie_maken(id, &gemeenten[id as usize % 342], 2027, tot).unwrap();
            statussen.insert(l.status.code());
            assert!(l.peilingen.len() <= WEKEN as usize);
        }
        assert_eq!(statussen.len(), 5, "{statussen:?}");
    }

    crate::storage::testdb::beide_backends!(
        async fn a_small_generated_set_reads_back_through_the_core(db) {
            let tot = d("2026-11-23");
            let gemeenten = reference::indeling(reference::INDELINGEN[0].1);
            let locaties: Vec<_> = (1..=30)
                .map(|id| locatie_maken(id, &gemeenten[id as usize * 11], 5, tot).unwrap())
                .collect();
            db.bench_data_opslaan(&locaties).await.unwrap();
            let peilingen: usize = locaties.iter().map(|l| l.peilingen.len()).sum();
            let standen = db.standen(tot, &Gebied::land()).await.unwrap();
            assert_eq!(standen.len(), 30);
            let t = Totalen::van(&standen);
            let verwacht: i64 = locaties
                .iter()
                .filter_map(|l| l.peilingen.last())
                .filter(|p| p.peildatum == tot)
                .map(|p| p.bezetting.totaal())
                .sum();
            let stale: i64 = standen
                .iter()
                .filter(|s| s.peildatum.is_some_and(|p| p < tot))
                .map(|s| s.bezet)
                .sum();
            assert_eq!(t.bezet, verwacht + stale);
            let eerste = &locaties[0];
            let gelezen = db.peilingen(eerste.id).await.unwrap();
            assert_eq!(gelezen.len(), eerste.peilingen.len());
            assert!(peilingen > 30 * 100);
            let locatie = db.locatie(eerste.id).await.unwrap();
            assert_eq!(locatie.status, eerste.status);
            assert_eq!(locatie.gegevens.naam, eerste.invoer.naam);

            // The windowed history gives the same time series as the full one.
            let datums: Vec<NaiveDate> = (0..40).rev().map(|w| tot - Duration::weeks(w)).collect();
            let land = Gebied::land();
            let volledig = crate::occupancy::totals::trend(&db.historie(&land).await.unwrap(), &datums);
            let venster = db.historie_tussen(&land, datums[0], tot).await.unwrap();
            assert_eq!(crate::occupancy::totals::trend(&venster, &datums), volledig);
            let minder: usize = venster.iter().map(|h| h.peilingen.len()).sum();
            assert!(minder < peilingen, "{minder} of {peilingen} snapshots");
        }
    );
}
