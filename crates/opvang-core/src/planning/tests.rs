//! Tests of the projection: hand-computed cases, properties over random registers, the demo set.

use chrono::NaiveDate;

use super::*;
use crate::locations::LocatieStatus;
use crate::occupancy::{Bezetting, Doelgroep, GebiedSoort};

pub(super) fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

pub(super) fn gemeente(code: &str, vr: &str, pv: &str) -> PlanGemeente {
    PlanGemeente {
        code: code.into(),
        naam: format!("Gemeente {code}"),
        provincie_code: pv.into(),
        provincie_naam: format!("Provincie {pv}"),
        veiligheidsregio_code: vr.into(),
        veiligheidsregio_naam: format!("Regio {vr}"),
    }
}

pub(super) fn locatie(gemeente: usize, plaatsen: i64, ontheemden: i64) -> PlanLocatie {
    PlanLocatie {
        id: 0,
        naam: String::new(),
        gemeente,
        financiering: crate::locations::Financiering::Booo,
        status: LocatieStatus::InGebruik,
        openingsdatum: Some(d("2024-01-01")),
        einddatum: None,
        pipeline_kans: None,
        wooneenheden: None,
        perioden: vec![Periode {
            vanaf: d("2024-01-01"),
            tot_en_met: None,
            plaatsen,
        }],
        bezetting: Bezetting {
            ontheemden,
            ..Bezetting::default()
        },
        ombouw_akkoord: None,
    }
}

/// A scenario without any flows, transition or delay.
pub(super) fn stil() -> Scenario {
    let mut s = Scenario::standaard();
    for st in &mut s.stromen {
        st.instroom_promille = Bereik::vast(0);
        st.uitstroom_woning_promille = Bereik::vast(0);
        st.uitstroom_terugkeer_promille = Bereik::vast(0);
    }
    s.overgang.extra_uitstroom_promille = Bereik::vast(0);
    s.pipeline_vertraging_maanden = Bereik::vast(0);
    s
}

fn gebied<'a>(p: &'a Projectie, code: &str) -> &'a GebiedProjectie {
    p.gebieden.iter().find(|g| g.code == code).unwrap()
}

#[test]
fn hand_computed_inflow_outflow_runway_and_expiry_cliff() {
    let mut tijdelijk = locatie(0, 30, 0);
    tijdelijk.einddatum = Some(d("2027-02-15"));
    let invoer = PlanInvoer {
        start: d("2026-11-10"),
        gemeenten: vec![gemeente("GM0344", "VR09", "PV26")],
        locaties: vec![locatie(0, 100, 80), tijdelijk],
    };
    let mut s = stil();
    // 100‰ of the start (80) arrives each month: 8; 50‰ of those present leave for a home.
    s.stromen[0].instroom_promille = Bereik::vast(100);
    s.stromen[0].uitstroom_woning_promille = Bereik::vast(50);
    let p = projecteren(&invoer, &s, 0, 1);
    let gm = gebied(&p, "GM0344");
    let vraag: Vec<i64> = gm.maanden.iter().take(8).map(|t| t.totaal.vraag).collect();
    // 80 +8 −4 = 84; 84 +8 −4 (4,2) = 88; 88 +8 −4 (4,4) = 92; 92 +8 −5 (4,6) = 95; …
    assert_eq!(vraag, [80, 84, 88, 92, 95, 98, 101, 104]);
    assert_eq!(gm.maanden[0].maand, d("2026-11-01"));
    let aanbod: Vec<i64> = gm.maanden.iter().take(6).map(|t| t.aanbod).collect();
    assert_eq!(aanbod, [130, 130, 130, 130, 100, 100]);
    assert_eq!(gm.maanden[3].aflopend, 30, "30 places end in February 2027");
    assert_eq!(gm.maanden.iter().map(|t| t.aflopend).sum::<i64>(), 30);
    assert_eq!(gm.eerste_tekort, Some(d("2027-05-01")));
    assert_eq!(gm.maanden[6].saldo, -1);
    assert_eq!(gm.maanden[6].bezet, 100);
    assert_eq!(gm.maanden[6].graad, Some(1000));
    assert_eq!(gm.maanden.last().unwrap().maand, d("2031-04-01"));
    assert_eq!(gm.maanden.len(), 54);
    // The country, province and region equal their only municipality.
    for code in ["NL", "PV26", "VR09"] {
        assert_eq!(gebied(&p, code).maanden, gm.maanden);
    }
    assert_eq!(p.gebieden[0].soort, GebiedSoort::Land);
}

#[test]
fn transition_outflow_is_phased_and_split() {
    let invoer = PlanInvoer {
        start: d("2027-01-01"),
        gemeenten: vec![gemeente("GM0344", "VR09", "PV26")],
        locaties: vec![locatie(0, 1200, 1000)],
    };
    let mut s = stil();
    s.overgang.extra_uitstroom_promille = Bereik::vast(100);
    s.overgang.maanden = Bereik::vast(2);
    s.overgang.aandeel_terugkeer_procent = Bereik::vast(50);
    let p = projecteren(&invoer, &s, 0, 1);
    let reeks = &gebied(&p, "GM0344").doelgroepen[0];
    assert_eq!(reeks.doelgroep, Doelgroep::Ontheemden);
    let vraag: Vec<i64> = reeks.maanden.iter().take(7).map(|m| m.vraag).collect();
    // Jan–Mar flat; April −100 (50 home, 50 return); May −90; then flat.
    assert_eq!(vraag, [1000, 1000, 1000, 1000, 900, 810, 810]);
    assert_eq!(reeks.maanden[3].uitstroom_terugkeer, 50);
    assert_eq!(reeks.maanden[3].uitstroom_woning, 50);
    assert_eq!(reeks.maanden[4].uitstroom_woning, 45);
}

#[test]
fn pipeline_counts_weighted_from_opening_and_stand_by_by_choice() {
    let mut gepland = locatie(0, 0, 0);
    gepland.status = LocatieStatus::InVoorbereiding;
    gepland.perioden.clear();
    gepland.openingsdatum = Some(d("2027-01-10"));
    gepland.wooneenheden = Some(10);
    gepland.pipeline_kans = Some(50);
    let mut reserve = locatie(0, 40, 0);
    reserve.status = LocatieStatus::StandBy;
    let invoer = PlanInvoer {
        start: d("2026-12-01"),
        gemeenten: vec![gemeente("GM0344", "VR09", "PV26")],
        locaties: vec![gepland, reserve],
    };
    let mut s = stil();
    let p = projecteren(&invoer, &s, 0, 1);
    let pipeline: Vec<i64> = gebied(&p, "GM0344").maanden[..3]
        .iter()
        .map(|t| t.pipeline)
        .collect();
    // 10 units × 2 places × 50% from the first month after opening on 10 January.
    assert_eq!(pipeline, [0, 0, 10]);
    assert_eq!(gebied(&p, "GM0344").maanden[2].aanbod, 50);
    s.stand_by_meetellen = false;
    let p = projecteren(&invoer, &s, 0, 1);
    assert_eq!(gebied(&p, "GM0344").maanden[2].aanbod, 10);
    // In Monte Carlo runs a planned location opens entirely or not at all.
    let p = projecteren(&invoer, &s, 200, 7);
    let b = gebied(&p, "GM0344").maanden[2].banden.unwrap().aanbod;
    assert_eq!((b.p10, b.p90), (0, 20));
}

/// A random register of a few municipalities in two regions.
fn willekeurig(zaad: u64) -> (PlanInvoer, Scenario) {
    let mut t = projectie_toeval(zaad);
    let gemeenten = vec![
        gemeente("GM0001", "VR01", "PV20"),
        gemeente("GM0002", "VR01", "PV20"),
        gemeente("GM0003", "VR02", "PV21"),
    ];
    let locaties = (0..1 + t(8) as usize)
        .map(|i| {
            let mut l = locatie(i % 3, 10 + t(200), 0);
            for groep in Doelgroep::ALLE {
                l.bezetting.set(groep, t(60));
            }
            l.status = [
                LocatieStatus::InGebruik,
                LocatieStatus::StandBy,
                LocatieStatus::InVoorbereiding,
                LocatieStatus::InAfbouw,
            ][t(4) as usize];
            l.einddatum = (t(2) == 0).then(|| d("2026-12-01") + chrono::Days::new(t(1500) as u64));
            l.openingsdatum = Some(d("2026-12-01") + chrono::Days::new(t(400) as u64));
            l.pipeline_kans = Some(t(101));
            l.wooneenheden = Some(t(30));
            l
        })
        .collect();
    let mut s = Scenario::standaard();
    for st in &mut s.stromen {
        let a = t(50);
        st.instroom_promille = Bereik::van(a, a + t(50));
        let b = t(80);
        st.uitstroom_woning_promille = Bereik::van(b, b + t(40));
        st.uitstroom_terugkeer_promille = Bereik::van(0, t(30));
    }
    let invoer = PlanInvoer {
        start: d("2026-11-23"),
        gemeenten,
        locaties,
    };
    (invoer, s)
}

/// A closure returning numbers in `0..n` from a seeded SplitMix64 stream.
fn projectie_toeval(zaad: u64) -> impl FnMut(i64) -> i64 {
    let mut staat = zaad;
    move |n| {
        staat = staat.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = staat;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        ((z ^ (z >> 31)) % n as u64) as i64
    }
}

#[test]
fn people_are_conserved_in_every_area_and_group() {
    for zaad in 0..150 {
        let (invoer, s) = willekeurig(zaad);
        let p = projecteren(&invoer, &s, 0, zaad);
        for g in &p.gebieden {
            for reeks in &g.doelgroepen {
                for paar in reeks.maanden.windows(2) {
                    assert_eq!(paar[0].eind(), paar[1].vraag, "case {zaad}, {}", g.code);
                    assert!(paar[1].vraag >= 0);
                }
            }
            for (k, t) in g.maanden.iter().enumerate() {
                let groepen: i64 = g.doelgroepen.iter().map(|r| r.maanden[k].vraag).sum();
                assert_eq!(t.totaal.vraag, groepen);
                assert_eq!(t.saldo, t.aanbod - t.totaal.vraag);
            }
        }
        // The country is the sum of its municipalities.
        let land = gebied(&p, "NL");
        for (k, t) in land.maanden.iter().enumerate() {
            let som: i64 = p
                .gebieden
                .iter()
                .filter(|g| g.soort == GebiedSoort::Gemeente)
                .map(|g| g.maanden[k].totaal.vraag)
                .sum();
            assert_eq!(t.totaal.vraag, som);
        }
        // Start: the total occupancy of the register.
        let start: i64 = invoer.locaties.iter().map(|l| l.bezetting.totaal()).sum();
        assert_eq!(land.maanden[0].totaal.vraag, start);
    }
}

#[test]
fn zero_flows_keep_demand_flat() {
    for zaad in 0..50 {
        let (invoer, _) = willekeurig(zaad);
        let p = projecteren(&invoer, &stil(), 20, zaad);
        for g in &p.gebieden {
            let eerste = g.maanden[0].totaal.vraag;
            for t in &g.maanden {
                assert_eq!(t.totaal.vraag, eerste);
                let b = t.banden.unwrap().vraag;
                assert_eq!((b.p10, b.p50, b.p90), (eerste, eerste, eerste));
            }
        }
    }
}

#[test]
fn more_capacity_never_worsens_a_gap() {
    for zaad in 0..80 {
        let (invoer, s) = willekeurig(zaad);
        let mut meer = invoer.clone();
        let extra = 1 + (zaad as i64 * 7) % 50;
        let i = zaad as usize % meer.locaties.len();
        for p in &mut meer.locaties[i].perioden {
            p.plaatsen += extra;
        }
        let voor = projecteren(&invoer, &s, 30, zaad);
        let na = projecteren(&meer, &s, 30, zaad);
        for (a, b) in voor.gebieden.iter().zip(&na.gebieden) {
            assert_eq!(a.code, b.code);
            for (x, y) in a.maanden.iter().zip(&b.maanden) {
                assert!(y.saldo >= x.saldo, "case {zaad} {} {}", a.code, x.maand);
                assert!(y.tekort <= x.tekort);
                let (bx, by) = (x.banden.unwrap().saldo, y.banden.unwrap().saldo);
                assert!(by.p10 >= bx.p10 && by.p50 >= bx.p50 && by.p90 >= bx.p90);
            }
            assert!(b
                .eerste_tekort
                .is_none_or(|m| a.eerste_tekort.is_some_and(|n| n <= m)));
        }
    }
}

#[test]
fn the_same_seed_gives_the_same_bands() {
    let (invoer, s) = willekeurig(3);
    let a = projecteren(&invoer, &s, 100, 42);
    let b = projecteren(&invoer, &s, 100, 42);
    assert_eq!(a, b);
    let land = gebied(&a, "NL").maanden.last().unwrap().banden.unwrap();
    assert!(land.vraag.p10 <= land.vraag.p50 && land.vraag.p50 <= land.vraag.p90);
    assert!(land.vraag.p10 < land.vraag.p90, "ranges give a band");
    let c = projecteren(&invoer, &s, 100, 43);
    assert_ne!(a, c);
}

#[test]
fn scenarios_validate_with_dutch_field_errors() {
    for naam in SCENARIO_NAMEN {
        let s = Scenario::met_naam(naam).unwrap();
        assert_eq!(s.naam, naam);
        s.valideer().unwrap();
    }
    let err = Scenario::met_naam("paniek").unwrap_err();
    assert_eq!(err.field.as_deref(), Some("scenario"));
    let mut s = Scenario::standaard();
    s.stromen[1].instroom_promille = Bereik::van(40, 30);
    let err = s.valideer().unwrap_err();
    assert_eq!(err.field.as_deref(), Some("instroom_promille"));
    assert_eq!(
        err.message,
        "De instroom van statushouders (‰ per maand) moet een bereik van 0 tot en met 1000 zijn met min ≤ max."
    );
    let json = Scenario::met_naam("hoge_instroom").unwrap().naar_json();
    assert_eq!(
        Scenario::uit_json(&json).unwrap(),
        Scenario::met_naam("hoge_instroom").unwrap()
    );
    let fout = Scenario::uit_json(&json.replace("\"max\": 40", "\"max\": 4")).unwrap_err();
    assert_eq!(fout.field.as_deref(), Some("instroom_promille"));
    let fout = Scenario::uit_json("{}").unwrap_err();
    assert!(fout
        .message
        .starts_with("Het scenariobestand is geen geldig scenario"));
    let mut s = Scenario::standaard();
    s.tot_maand = d("2030-12-01");
    assert_eq!(
        s.valideer().unwrap_err().field.as_deref(),
        Some("tot_maand")
    );
}

#[test]
fn csv_is_dutch_excel_with_one_row_per_month_area_and_group() {
    let mut invoer = PlanInvoer {
        start: d("2026-11-10"),
        gemeenten: vec![gemeente("GM0344", "VR09", "PV26")],
        locaties: vec![locatie(0, 100, 99)],
    };
    invoer.gemeenten[0].naam = "=Gevaarlijk".into();
    let p = projecteren(&invoer, &stil(), 10, 1);
    let bytes = export::csv(&p).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
    let tekst = String::from_utf8(bytes[3..].to_vec()).unwrap();
    let regels: Vec<&str> = tekst.trim_end().split("\r\n").collect();
    assert!(regels[0].starts_with("Maand;Gebiedssoort;Gebiedscode;Gebied;Doelgroep;Vraag;"));
    // 4 areas × 54 months × (total + 4 groups) + header.
    assert_eq!(regels.len(), 1 + 4 * 54 * 5);
    let gm = regels
        .iter()
        .find(|r| r.starts_with("1-11-2026;gemeente;GM0344;'=Gevaarlijk;totaal;99;"))
        .unwrap();
    assert!(gm.contains(";99,0;"), "rate with a decimal comma: {gm}");

    let engels = export::csv_in(&p, crate::i18n::Taal::En).unwrap();
    let tekst = String::from_utf8(engels[3..].to_vec()).unwrap();
    let regels: Vec<&str> = tekst.trim_end().split("\r\n").collect();
    assert!(
        regels[0].starts_with("Month,Area type,Area code,Area,Target group,Demand,"),
        "{}",
        regels[0]
    );
    let gm = regels
        .iter()
        .find(|r| r.starts_with("01/11/2026,gemeente,GM0344,'=Gevaarlijk,totaal,99,"))
        .unwrap();
    assert!(gm.contains(",99.0,"), "rate with a decimal point: {gm}");
}

crate::storage::testdb::beide_backends!(
    async fn demo_register_projects_from_its_current_occupancy(db) {
        let vandaag: NaiveDate = "2026-11-23".parse().unwrap();
        crate::demo::laden(&db, vandaag, |_| {}).await.unwrap();
        let p = plan(&db, &Scenario::standaard(), vandaag, 50, 2027).await.unwrap();
        let dashboard = crate::overview::dashboard(&db, vandaag, &crate::occupancy::Gebied::land())
            .await
            .unwrap();
        let land = &p.gebieden[0];
        assert_eq!(land.code, "NL");
        assert_eq!(land.maanden[0].totaal.vraag, dashboard.totalen.bezet);
        assert!(land.maanden.iter().map(|t| t.aflopend).sum::<i64>() > 0);
        assert!(land.maanden.iter().any(|t| t.pipeline > 0));
        let gemeenten = p.gebieden.iter().filter(|g| g.soort == GebiedSoort::Gemeente);
        assert_eq!(gemeenten.count(), 8);
        assert_eq!(
            p.gebieden.iter().filter(|g| g.soort == GebiedSoort::Provincie).count(),
            2
        );
        let mut s = Scenario::standaard();
        s.overgang.maanden = Bereik::van(3, 1);
        let err = plan(&db, &s, vandaag, 0, 1).await.unwrap_err();
        assert_eq!(err.field.as_deref(), Some("maanden"));
    }
);

#[test]
fn planned_and_approved_conversions_leave_the_supply_from_their_month() {
    let mut a = locatie(0, 100, 50);
    a.id = 7;
    let mut b = locatie(0, 40, 10);
    b.id = 8;
    b.ombouw_akkoord = Some(d("2027-01-20"));
    let invoer = PlanInvoer {
        start: d("2026-11-10"),
        gemeenten: vec![gemeente("GM0344", "VR09", "PV26")],
        locaties: vec![a, b],
    };
    let aanbod = |s: &Scenario| -> Vec<(i64, i64)> {
        let p = projecteren(&invoer, s, 0, 1);
        gebied(&p, "GM0344")
            .maanden
            .iter()
            .take(7)
            .map(|t| (t.aanbod, t.ombouw))
            .collect()
    };
    let mut s = stil();
    // Without planned conversions and without counting approvals nothing leaves.
    assert!(aanbod(&s).iter().all(|&(a, o)| a == 140 && o == 0));
    // Location 7 converts on 15 March 2027: gone from March (month index 4) on.
    s.ombouwen = vec![Ombouw {
        locatie_id: 7,
        datum: d("2027-03-15"),
    }];
    assert_eq!(
        aanbod(&s),
        [
            (140, 0),
            (140, 0),
            (140, 0),
            (140, 0),
            (40, 100),
            (40, 0),
            (40, 0)
        ]
    );
    // The approval of 20 January 2027 plus 3 months: location 8 leaves from April 2027.
    s.ombouw_na_akkoord_maanden = Some(3);
    assert_eq!(
        aanbod(&s),
        [
            (140, 0),
            (140, 0),
            (140, 0),
            (140, 0),
            (40, 100),
            (0, 40),
            (0, 0)
        ]
    );
    // A planned date earlier than the approval's wins.
    s.ombouwen.push(Ombouw {
        locatie_id: 8,
        datum: d("2026-12-01"),
    });
    assert_eq!(aanbod(&s)[1], (100, 40));
    // A location named twice is refused.
    s.ombouwen.push(Ombouw {
        locatie_id: 8,
        datum: d("2027-12-01"),
    });
    assert_eq!(s.valideer().unwrap_err().field.as_deref(), Some("ombouwen"));
}

#[test]
fn conversion_ends_the_expiry_cliff_and_never_adds_supply() {
    for zaad in 0..40 {
        let (mut invoer, mut s) = willekeurig(zaad);
        for (i, l) in invoer.locaties.iter_mut().enumerate() {
            l.id = i as i64 + 1;
        }
        let voor = projecteren(&invoer, &s, 0, 1);
        s.ombouwen = vec![Ombouw {
            locatie_id: 1,
            datum: d("2027-06-01"),
        }];
        let na = projecteren(&invoer, &s, 0, 1);
        for (g, h) in voor.gebieden.iter().zip(&na.gebieden) {
            for (v, n) in g.maanden.iter().zip(&h.maanden) {
                assert!(n.aanbod <= v.aanbod, "seed {zaad}: conversion added supply");
                assert!(n.aflopend <= v.aflopend);
            }
        }
    }
}

fn normbedrag(regeling: crate::locations::Financiering, vanaf: &str, cent: i64) -> Normbedrag {
    Normbedrag {
        id: 0,
        regeling,
        geldig_vanaf: d(vanaf),
        bedrag_cent: cent,
        toelichting: String::new(),
        historisch: true,
        versie: 1,
    }
}

#[test]
fn funding_is_places_times_days_times_the_rate_of_each_day_hand_computed() {
    use crate::locations::Financiering;
    // 10 BOOO places from 1 October 2022 to 31 January 2023.
    let mut booo = locatie(0, 10, 10);
    booo.einddatum = Some(d("2023-01-31"));
    // A planned BOOO location: 3 units × 2 places, chance 50%, open in December 2022 only.
    let mut gepland = locatie(0, 0, 0);
    gepland.status = LocatieStatus::InVoorbereiding;
    gepland.perioden.clear();
    gepland.openingsdatum = Some(d("2022-12-01"));
    gepland.einddatum = Some(d("2022-12-31"));
    gepland.pipeline_kans = Some(50);
    gepland.wooneenheden = Some(3);
    // 5 places under a scheme without any normbedrag, for October 2022 only.
    let mut zonder = locatie(0, 5, 5);
    zonder.financiering = Financiering::Doelgroepflexibel;
    zonder.einddatum = Some(d("2022-10-31"));
    for l in [&mut booo, &mut zonder] {
        l.perioden[0].vanaf = d("2022-01-01");
    }
    let invoer = PlanInvoer {
        start: d("2022-10-01"),
        gemeenten: vec![gemeente("GM0344", "VR09", "PV26")],
        locaties: vec![booo, gepland, zonder],
    };
    let tarieven = [
        normbedrag(Financiering::Booo, "2022-01-01", 10_000),
        normbedrag(Financiering::Booo, "2022-10-15", 8_300),
    ];
    let r = financiering_ramen(&invoer, &stil(), &tarieven);
    // 2022: 1–14 Oct 10 × 14 × € 100 = € 14.000; 15 Oct–31 Dec 10 × 78 × € 83 = € 64.740;
    // December planned 6 × 31 × € 83 × 50% = € 7.719. Total € 86.459.
    // 2023: January 10 × 31 × € 83 = € 25.730.
    let booo: Vec<(i64, i64, i64)> = r
        .per_jaar
        .iter()
        .filter(|j| j.regeling == Financiering::Booo)
        .map(|j| (j.jaar, j.plaatsdagen, j.bedrag_cent))
        .collect();
    assert_eq!(booo, [(2022, 920 + 93, 8_645_900), (2023, 310, 2_573_000)]);
    let dgf = r
        .per_jaar
        .iter()
        .find(|j| j.regeling == Financiering::Doelgroepflexibel)
        .unwrap();
    assert_eq!(
        (
            dgf.plaatsdagen,
            dgf.plaatsdagen_zonder_normbedrag,
            dgf.bedrag_cent
        ),
        (0, 155, 0)
    );
    assert_eq!(r.totaal_cent, 8_645_900 + 2_573_000);
    assert_eq!(r.plaatsdagen_zonder_normbedrag, 155);

    // A conversion in January 2023 takes January out of the estimate.
    let mut invoer = invoer;
    invoer.locaties[0].id = 1;
    let mut s = stil();
    s.ombouwen = vec![Ombouw {
        locatie_id: 1,
        datum: d("2023-01-10"),
    }];
    assert_eq!(
        financiering_ramen(&invoer, &s, &tarieven).totaal_cent,
        8_645_900
    );
    // Without normbedragen nothing is priced.
    let leeg = financiering_ramen(&invoer, &stil(), &[]);
    assert_eq!(leeg.totaal_cent, 0);
    assert_eq!(leeg.plaatsdagen_zonder_normbedrag, 920 + 93 + 310 + 155);
}

#[test]
fn comparison_key_outputs_hand_computed() {
    // 100 places; 80 ontheemden plus 10 arriving each month (125‰ of 80), nobody leaving:
    // demand 80 + 10k in month k from November 2026. Shortage from 100 + 10: month 3 (Feb 2027)
    // demand 110 → 10 short. March 2027 (4-3-2027): 120 → 20. Capacity ends 31 March 2027.
    let mut l = locatie(0, 100, 80);
    l.einddatum = Some(d("2027-03-31"));
    let invoer = PlanInvoer {
        start: d("2026-11-10"),
        gemeenten: vec![gemeente("GM0344", "VR09", "PV26")],
        locaties: vec![l],
    };
    let mut s = stil();
    s.stromen[0].instroom_promille = Bereik::vast(125);
    let p = projecteren(&invoer, &s, 0, 1);
    let k = kerncijfers(&p, financiering_ramen(&invoer, &s, &[]));
    assert_eq!(k.eerste_tekort, Some(d("2027-02-01")));
    assert_eq!(k.eerste_tekort_gemeente, Some(d("2027-02-01")));
    assert_eq!(k.gemeenten_met_tekort, 1);
    assert_eq!(k.tekort_einde_rtb, Some(20));
    // April 2031 is month 53: demand 80 + 530 = 610 with no supply left; also the peak.
    assert_eq!(k.tekort_einde_regeling, Some(610));
    assert_eq!((k.piek_tekort, k.piek_maand), (610, Some(d("2031-04-01"))));
    assert_eq!(k.maanden.len(), 54);
    assert_eq!(
        (k.maanden[4].vraag, k.maanden[4].aanbod, k.maanden[5].aanbod),
        (120, 100, 0)
    );
}

mod optimaliseren_tests {
    use std::collections::HashMap;

    use super::*;

    fn instellingen() -> OptimalisatieInstellingen {
        OptimalisatieInstellingen {
            vraag: Vraagniveau::Centraal,
            bezettingsdoel_procent: 95,
            besluitdatum: d("2027-07-01"),
            kosten_per_plaats_per_dag_cent: None,
            ombouwkosten_per_wooneenheid_cent: None,
            gemeente_code: None,
        }
    }

    /// Three locations of 60, 60 and 50 places holding 95 people (flat): 100 places are needed
    /// at 95%. A and B's leases end on 30 June 2027; C has none and is decided in July 2027.
    fn register() -> (PlanInvoer, HashMap<i64, OmbouwGegevens>) {
        let mut a = locatie(0, 60, 40);
        a.id = 1;
        a.naam = "A".into();
        a.einddatum = Some(d("2027-06-30"));
        a.wooneenheden = Some(30);
        let mut b = locatie(0, 60, 30);
        b.id = 2;
        b.naam = "B".into();
        b.einddatum = Some(d("2027-06-30"));
        let mut c = locatie(0, 50, 25);
        c.id = 3;
        c.naam = "C".into();
        let invoer = PlanInvoer {
            start: d("2026-11-10"),
            gemeenten: vec![gemeente("GM0344", "VR09", "PV26")],
            locaties: vec![a, b, c],
        };
        // Yearly costs: A € 365.000 (€ 1.000 a day), B € 182.500 (€ 500), C € 73.000 (€ 200).
        let gegevens = [(1, 365_000), (2, 182_500), (3, 73_000)]
            .into_iter()
            .map(|(id, kosten)| {
                (
                    id,
                    OmbouwGegevens {
                        kosten_per_jaar: Some(kosten),
                        ..OmbouwGegevens::default()
                    },
                )
            })
            .collect();
        (invoer, gegevens)
    }

    /// Days from 1 July 2027 through 30 April 2031.
    fn dagen() -> i64 {
        (d("2031-05-01") - d("2027-07-01")).num_days()
    }

    fn keuzes(o: &Optimalisatie) -> Vec<(String, Keuze)> {
        o.gemeenten[0]
            .besluiten
            .iter()
            .map(|b| (b.naam.clone(), b.keuze))
            .collect()
    }

    #[test]
    fn keeps_the_cheapest_places_that_cover_demand_hand_checked() {
        let (invoer, gegevens) = register();
        let s = stil();
        let p = projecteren(&invoer, &s, 0, 1);
        let o = optimaliseren(&invoer, &gegevens, &p, &s, &[], &instellingen()).unwrap();
        // {B, C} = 110 places ≥ 100 at € 700 a day beats {A, C} (€ 1.200) and {A, B} (€ 1.500).
        assert_eq!(
            keuzes(&o),
            [
                ("A".to_owned(), Keuze::Sluiten),
                ("B".to_owned(), Keuze::Behouden),
                ("C".to_owned(), Keuze::Behouden)
            ]
        );
        assert_eq!(o.kosten_cent, dagen() * (500 + 200) * 100);
        let g = &o.gemeenten[0];
        assert!(g.haalbaar);
        assert_eq!(g.besluiten[0].per, d("2027-07-01"));
        assert!(
            g.besluiten[1].uitleg.contains(
                "zonder deze 60 plaatsen ontstaat in juli 2027 een tekort van 50 plaatsen"
            ),
            "{}",
            g.besluiten[1].uitleg
        );
        assert!(
            g.besluiten[0].uitleg.starts_with("Sluiten per 1-7-2027"),
            "{}",
            g.besluiten[0].uitleg
        );
        assert!(o.ombouwen.is_empty());
    }

    #[test]
    fn converts_when_cheaper_and_the_residents_lower_demand_hand_checked() {
        let (invoer, mut gegevens) = register();
        let a = gegevens.get_mut(&1).unwrap();
        a.ombouwbaar = true;
        // Score 4: under € 10.000 per unit, counted as € 5.000; 30 units = € 150.000.
        a.ombouwkosten_score = Some(4);
        let s = stil();
        let p = projecteren(&invoer, &s, 0, 1);
        let o = optimaliseren(&invoer, &gegevens, &p, &s, &[], &instellingen()).unwrap();
        // Converting A removes its 40 residents from demand: 55 left needs 58 places, which B
        // alone (60) covers. € 150.000 + € 500 a day beats € 700 a day over 1.400 days.
        assert_eq!(
            keuzes(&o),
            [
                ("A".to_owned(), Keuze::Ombouwen),
                ("B".to_owned(), Keuze::Behouden),
                ("C".to_owned(), Keuze::Sluiten)
            ]
        );
        assert_eq!(o.kosten_cent, 15_000_000 + dagen() * 500 * 100);
        assert_eq!(
            o.ombouwen,
            [Ombouw {
                locatie_id: 1,
                datum: d("2027-07-01")
            }]
        );
        assert!(o.gemeenten[0].besluiten[0]
            .uitleg
            .contains("ombouwkosten € 150.000"));
    }

    #[test]
    fn an_impossible_target_is_explained_in_dutch() {
        let (mut invoer, gegevens) = register();
        invoer.locaties.truncate(1);
        invoer.locaties[0].bezetting.ontheemden = 95;
        let s = stil();
        let p = projecteren(&invoer, &s, 0, 1);
        let o = optimaliseren(&invoer, &gegevens, &p, &s, &[], &instellingen()).unwrap();
        let g = &o.gemeenten[0];
        assert!(!g.haalbaar);
        let uitleg = g.toelichting.as_deref().unwrap();
        assert!(
            uitleg.starts_with(
                "Geen plan dekt de vraag in Gemeente GM0344: in juli 2027 zijn 100 plaatsen nodig \
                 (vraag 95 bij een bezettingsdoel van 95%), maar ook als alle locaties blijven"
            ),
            "{uitleg}"
        );
        assert!(
            uitleg.contains("er zijn nog 40 plaatsen extra nodig"),
            "{uitleg}"
        );
        assert!(uitleg.contains("Al vóór het eerste besluit"), "{uitleg}");
        // What can be covered still is: the one location stays.
        assert_eq!(g.besluiten.len(), 1);
        assert_eq!(g.besluiten[0].keuze, Keuze::Behouden);
    }

    #[test]
    fn missing_costs_and_bad_targets_are_field_errors() {
        let (invoer, _) = register();
        let s = stil();
        let p = projecteren(&invoer, &s, 0, 1);
        let err =
            optimaliseren(&invoer, &HashMap::new(), &p, &s, &[], &instellingen()).unwrap_err();
        assert_eq!(err.field.as_deref(), Some("kosten_per_plaats_per_dag_cent"));
        let mut i = instellingen();
        i.kosten_per_plaats_per_dag_cent = Some(8_300);
        assert!(optimaliseren(&invoer, &HashMap::new(), &p, &s, &[], &i).is_ok());
        i.bezettingsdoel_procent = 120;
        let err = optimaliseren(&invoer, &HashMap::new(), &p, &s, &[], &i).unwrap_err();
        assert_eq!(err.field.as_deref(), Some("bezettingsdoel_procent"));
    }
}

#[test]
fn xlsx_has_one_row_per_month_area_and_group_and_neutralised_text() {
    use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};
    let mut invoer = PlanInvoer {
        start: d("2026-11-10"),
        gemeenten: vec![gemeente("GM0344", "VR09", "PV26")],
        locaties: vec![locatie(0, 100, 99)],
    };
    invoer.gemeenten[0].naam = "=Gevaarlijk".into();
    let p = projecteren(&invoer, &stil(), 10, 1);
    let bytes = xlsx::xlsx(&p).unwrap();
    let mut boek: Xlsx<_> = open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    let blad = boek.worksheet_range("Projectie").unwrap();
    // 4 areas × 54 months × (total + 4 groups) + header.
    assert_eq!(blad.height(), 1 + 4 * 54 * 5);
    let kop: Vec<String> = blad
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(
        kop[..6],
        [
            "Maand",
            "Gebiedssoort",
            "Gebiedscode",
            "Gebied",
            "Doelgroep",
            "Vraag"
        ]
    );
    let gm = blad
        .rows()
        .find(|r| r[2] == Data::String("GM0344".into()) && r[4] == Data::String("totaal".into()))
        .unwrap();
    assert_eq!(gm[3], Data::String("'=Gevaarlijk".into()));
    assert_eq!(gm[5], Data::Float(99.0));
    assert!(matches!(gm[0], Data::DateTime(_)), "{:?}", gm[0]);
    assert_eq!(gm[15], Data::Float(0.99));
    let dir = tempfile::tempdir().unwrap();
    let err = xlsx::bestand_schrijven(&p, &dir.path().join("p.ods")).unwrap_err();
    assert_eq!(err.field.as_deref(), Some("uit"));
    assert_eq!(
        xlsx::bestand_schrijven(&p, &dir.path().join("p.XLSX")).unwrap(),
        4 * 54 * 5
    );
}
