//! A realistic, clearly fictional demo data set: 40 locations in 8 real municipalities of two provinces.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use crate::error::{CoreError, CoreResult};
use crate::locations::{
    Beheerder, CapaciteitInvoer, Financiering, LocatieFilter, LocatieInvoer, LocatieStatus,
    LocatieType, StatusWijziging, Vergunning,
};
use crate::occupancy::{Bezetting, PeilingInvoer};
use crate::progress::Voortgang;
use crate::storage::Db;

/// Weeks of snapshots in the demo (18 months).
const WEKEN: i64 = 78;

/// Real municipality codes (Utrecht and Gelderland) with the place names used for addresses.
const GEMEENTEN: [(&str, &str); 8] = [
    ("GM0344", "Utrecht"),
    ("GM0307", "Amersfoort"),
    ("GM0355", "Zeist"),
    ("GM0356", "Nieuwegein"),
    ("GM0202", "Arnhem"),
    ("GM0268", "Nijmegen"),
    ("GM0200", "Apeldoorn"),
    ("GM0228", "Ede"),
];

/// Approximate town centres (lat, lon) of `GEMEENTEN`, so demo locations show as pins on the map.
const CENTRA: [(f64, f64); 8] = [
    (52.0907, 5.1214),
    (52.1561, 5.3878),
    (52.0894, 5.2330),
    (52.0293, 5.0815),
    (51.9851, 5.8987),
    (51.8426, 5.8528),
    (52.2112, 5.9699),
    (52.0402, 5.6649),
];

/// Fictional building names; every demo location carries "(demo)" in its name.
const NAMEN: [(&str, LocatieType); 10] = [
    ("Hotel De Zonnehoek", LocatieType::HotelPension),
    ("Kantoor Voorbeeldpoort", LocatieType::KantoorBedrijfspand),
    ("Zorgcentrum De Linde", LocatieType::Zorgvastgoed),
    ("Oude School Hoogland", LocatieType::Onderwijsgebouw),
    ("Vakantiepark Het Bosrijk", LocatieType::Vakantiepark),
    ("Modulair Wonen Parkrand", LocatieType::ModulaireWoningen),
    ("Woningen Fictieflaan", LocatieType::ReguliereWoningen),
    ("Pension Het Anker", LocatieType::HotelPension),
    ("Bedrijfspand Molenweg", LocatieType::KantoorBedrijfspand),
    ("Paviljoen Sporthal Oost", LocatieType::SporthalNoodopvang),
];

/// A small deterministic generator, so every demo set is the same for the same date.
struct Toeval(u64);

impl Toeval {
    fn volgende(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A number in `lo..=hi`.
    fn tussen(&mut self, lo: i64, hi: i64) -> i64 {
        lo + (self.volgende() % (hi - lo + 1) as u64) as i64
    }
}

/// The role a demo location plays, so the set shows every situation a planner meets.
#[derive(Clone, Copy, PartialEq)]
enum Rol {
    Gewoon,
    Verouderd(i64),
    Overbezet,
    StandBy,
    InVoorbereiding,
    Gesloten,
}

fn rol(index: usize) -> Rol {
    match index {
        3 => Rol::Verouderd(4),
        17 => Rol::Verouderd(6),
        29 => Rol::Verouderd(3),
        11 => Rol::Overbezet,
        22 => Rol::StandBy,
        9 | 34 => Rol::InVoorbereiding,
        38 => Rol::Gesloten,
        _ => Rol::Gewoon,
    }
}

/// Fills an empty database with the demo set up to `vandaag`; refuses a database with locations.
pub async fn laden(
    db: &Db,
    vandaag: NaiveDate,
    mut voortgang: impl FnMut(Voortgang),
) -> CoreResult<usize> {
    if !db.locaties(&LocatieFilter::default()).await?.is_empty() {
        return Err(CoreError::validatie(
            "database",
            "fout.demo.database_bevat_locaties_demodata",
        ));
    }
    let laatste_maandag =
        vandaag - Duration::days(i64::from(vandaag.weekday().num_days_from_monday()));
    let eerste_peiling = laatste_maandag - Duration::weeks(WEKEN - 1);
    let mut toeval = Toeval(0x9E37_79B9_7F4A_7C15);
    let totaal = (GEMEENTEN.len() * 5) as u64;
    let mut aantal = 0;
    for (g, (code, plaats)) in GEMEENTEN.iter().enumerate() {
        for n in 0..5 {
            let index = g * 5 + n;
            let (naam, soort) = NAMEN[(index * 3 + g) % NAMEN.len()];
            let rol = rol(index);
            let mut invoer = demo_invoer(
                &mut toeval,
                code,
                plaats,
                &format!("{naam} {} (demo)", index + 1),
                soort,
                rol,
                index,
                eerste_peiling,
                vandaag,
            );
            // Spread the five locations of a municipality a few hundred metres around its centre.
            let (lat, lon) = CENTRA[g];
            let hoek = n as f64 * std::f64::consts::TAU / 5.0;
            invoer.lat = Some(lat + 0.008 * hoek.sin());
            invoer.lon = Some(lon + 0.012 * hoek.cos());
            let locatie = db
                .locatie_toevoegen(&invoer, vandaag.min(eerste_peiling))
                .await?;
            if rol != Rol::InVoorbereiding {
                vul_locatie(db, &mut toeval, locatie.id, rol, eerste_peiling, vandaag).await?;
            }
            aantal += 1;
            voortgang(Voortgang::nieuw(
                aantal as u64,
                totaal,
                "voortgang.demo",
                &[("naam", &invoer.naam)],
            ));
        }
    }
    Ok(aantal)
}

#[allow(clippy::too_many_arguments)]
fn demo_invoer(
    toeval: &mut Toeval,
    code: &str,
    plaats: &str,
    naam: &str,
    soort: LocatieType,
    rol: Rol,
    index: usize,
    eerste_peiling: NaiveDate,
    vandaag: NaiveDate,
) -> LocatieInvoer {
    let geopend = eerste_peiling - Duration::days(toeval.tussen(30, 600));
    // Several leases end in 2027, around the end of temporary protection (4 March 2027).
    let einddatum = match index % 4 {
        0 => {
            NaiveDate::from_ymd_opt(2027, 1 + (index % 12) as u32, 1).map(|d| d - Duration::days(1))
        }
        1 => NaiveDate::from_ymd_opt(2028 + (index % 3) as i32, 6, 30),
        2 => NaiveDate::from_ymd_opt(2031, 4, 30),
        _ => None,
    };
    let einddatum = if index == 6 {
        Some(vandaag + Duration::days(75))
    } else {
        einddatum
    };
    let wooneenheden = toeval.tussen(8, 60);
    let zelfstandig = matches!(
        soort,
        LocatieType::ModulaireWoningen | LocatieType::ReguliereWoningen | LocatieType::Vakantiepark
    );
    LocatieInvoer {
        gemeente_code: code.to_owned(),
        naam: naam.to_owned(),
        straat: "Voorbeeldlaan".to_owned(),
        huisnummer: (index + 1).to_string(),
        postcode: String::new(),
        plaats: plaats.to_owned(),
        lat: None,
        lon: None,
        bag_id: None,
        soort,
        beheerder: if index % 5 == 4 {
            Beheerder::Woningcorporatie
        } else {
            Beheerder::Gemeente
        },
        openingsdatum: if rol == Rol::InVoorbereiding {
            Some(vandaag + Duration::days(toeval.tussen(60, 240)))
        } else {
            Some(geopend)
        },
        einddatum: if rol == Rol::InVoorbereiding {
            NaiveDate::from_ymd_opt(2031, 4, 30)
        } else {
            einddatum
        },
        vergunning: Some(if index.is_multiple_of(3) {
            Vergunning::Permanent
        } else {
            Vergunning::Tijdelijk
        }),
        financiering: if index.is_multiple_of(2) {
            Financiering::Doelgroepflexibel
        } else {
            Financiering::Booo
        },
        wooneenheden: Some(wooneenheden),
        eigen_voordeur: zelfstandig,
        eigen_keuken: zelfstandig || index % 4 == 1,
        eigen_sanitair: zelfstandig || index % 2 == 1,
        vloeroppervlak: Some(wooneenheden * toeval.tussen(14, 45)),
        kosten_per_jaar: None,
        pipeline_kans: (rol == Rol::InVoorbereiding).then_some(if index == 9 { 80 } else { 50 }),
        notities: crate::i18n::tekst(crate::i18n::actieve_taal(), "voorbeeld.demo.notitie"),
    }
}

/// Capacity periods, weekly snapshots and status changes for one demo location.
async fn vul_locatie(
    db: &Db,
    toeval: &mut Toeval,
    id: i64,
    rol: Rol,
    eerste_peiling: NaiveDate,
    vandaag: NaiveDate,
) -> CoreResult<()> {
    let start_capaciteit = toeval.tussen(2, 25) * 10;
    let begin = eerste_peiling - Duration::days(7);
    db.capaciteit_toevoegen(&CapaciteitInvoer {
        locatie_id: id,
        vanaf: begin,
        tot_en_met: None,
        plaatsen: start_capaciteit,
    })
    .await?;
    let uitbreiding_week = if id % 3 == 0 {
        toeval.tussen(20, 60)
    } else {
        WEKEN
    };
    let extra = toeval.tussen(1, 4) * 10;
    if uitbreiding_week < WEKEN {
        db.capaciteit_toevoegen(&CapaciteitInvoer {
            locatie_id: id,
            vanaf: eerste_peiling + Duration::weeks(uitbreiding_week),
            tot_en_met: None,
            plaatsen: start_capaciteit + extra,
        })
        .await?;
    }
    let weken = match rol {
        Rol::Verouderd(achter) => WEKEN - achter,
        Rol::Gesloten => WEKEN - 20,
        _ => WEKEN,
    };
    let mut peilingen = Vec::new();
    let mut vulling = toeval.tussen(975, 1000);
    for week in 0..weken {
        let peildatum = eerste_peiling + Duration::weeks(week);
        let capaciteit = if week >= uitbreiding_week {
            start_capaciteit + extra
        } else {
            start_capaciteit
        };
        vulling = (vulling + toeval.tussen(-10, 10)).clamp(955, 1000);
        // Some places are periodically out of use for maintenance, and a few locations are being
        // renovated at the end of the series.
        let renovatie = id % 10 == 7 && week >= weken - 3;
        let onderhoud = id % 3 == 0 && (week + id) % 13 == 5;
        let niet_inzetbaar = if onderhoud || renovatie {
            capaciteit / 20
        } else {
            0
        };
        let inzetbaar = capaciteit - niet_inzetbaar;
        let mut bezet = inzetbaar * vulling / 1000;
        match rol {
            Rol::StandBy if week > WEKEN - 10 => bezet = 0,
            Rol::Gesloten => bezet = bezet * (weken - week - 1) / weken,
            Rol::Overbezet if week == weken - 1 => bezet = inzetbaar + 4,
            _ => {}
        }
        let statushouders = if id % 4 == 1 { bezet / 6 } else { 0 };
        let asielzoekers = if id % 7 == 2 { bezet / 10 } else { 0 };
        let overig = if id % 9 == 0 { bezet.min(2) } else { 0 };
        peilingen.push(PeilingInvoer {
            locatie_id: id,
            peildatum,
            bezetting: Bezetting {
                ontheemden: bezet - statushouders - asielzoekers - overig,
                statushouders,
                asielzoekers,
                overig,
            },
            niet_inzetbaar,
            reden_niet_inzetbaar: if renovatie {
                "Renovatie".to_owned()
            } else if niet_inzetbaar > 0 {
                "Onderhoud".to_owned()
            } else {
                String::new()
            },
            versie: None,
        });
    }
    db.peilingen_opslaan(&peilingen, vandaag).await?;
    let laatste = eerste_peiling + Duration::weeks(weken - 1);
    let locatie = db.locatie(id).await?;
    let wijzig = |versie, nieuwe_status, datum| StatusWijziging {
        locatie_id: id,
        versie,
        nieuwe_status,
        datum,
        reden: String::new(),
    };
    match rol {
        Rol::StandBy => {
            db.status_wijzigen(&wijzig(locatie.versie, LocatieStatus::StandBy, vandaag))
                .await?;
        }
        Rol::Gesloten => {
            let afbouw = laatste - Duration::weeks(8);
            let locatie = db
                .status_wijzigen(&wijzig(locatie.versie, LocatieStatus::InAfbouw, afbouw))
                .await?;
            let sluiting = laatste + Duration::days(1);
            let sluiting = if sluiting.weekday() == Weekday::Sun {
                sluiting + Duration::days(1)
            } else {
                sluiting
            };
            db.status_wijzigen(&wijzig(locatie.versie, LocatieStatus::Gesloten, sluiting))
                .await?;
        }
        _ => {}
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::occupancy::{Gebied, GebiedSoort, Totalen};

    crate::storage::testdb::beide_backends!(
        async fn demo_set_shows_every_situation(db) {
            let vandaag: NaiveDate = "2026-11-23".parse().unwrap();
            let mut stappen = 0;
            let n = laden(&db, vandaag, |_| stappen += 1).await.unwrap();
            assert_eq!((n, stappen), (40, 40));

            let standen = db.standen(vandaag, &Gebied::land()).await.unwrap();
            assert_eq!(standen.len(), 40);
            let provincies: std::collections::BTreeSet<_> =
                standen.iter().map(|s| s.provincie_code.as_str()).collect();
            assert_eq!(provincies.len(), 2);
            assert_eq!(standen.iter().filter(|s| s.verouderd).count(), 3);
            assert_eq!(standen.iter().filter(|s| s.overbezet).count(), 1);
            let eind_2027 = standen
                .iter()
                .filter(|s| s.einddatum.is_some_and(|d| d.year() == 2027))
                .count();
            assert!(eind_2027 >= 4, "{eind_2027} leases end in 2027");
            let t = Totalen::van(&standen);
            let graad = t.graad.unwrap();
            assert!((930..1000).contains(&graad), "rate {graad}");
            assert!(t.niet_inzetbaar > 0);

            let err = laden(&db, vandaag, |_| {}).await.unwrap_err();
            assert_eq!(err.field.as_deref(), Some("database"));

            let gelderland = Gebied {
                soort: GebiedSoort::Provincie,
                code: Some("PV25".into()),
            };
            assert_eq!(db.standen(vandaag, &gelderland).await.unwrap().len(), 20);
        }
    );
}
