//! Tests of the projection: hand-computed cases, properties over random registers, the demo set.

use chrono::NaiveDate;

use super::*;
use crate::locations::LocatieStatus;
use crate::occupancy::{Bezetting, Doelgroep, GebiedSoort};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn gemeente(code: &str, vr: &str, pv: &str) -> PlanGemeente {
    PlanGemeente {
        code: code.into(),
        naam: format!("Gemeente {code}"),
        provincie_code: pv.into(),
        provincie_naam: format!("Provincie {pv}"),
        veiligheidsregio_code: vr.into(),
        veiligheidsregio_naam: format!("Regio {vr}"),
    }
}

fn locatie(gemeente: usize, plaatsen: i64, ontheemden: i64) -> PlanLocatie {
    PlanLocatie {
        gemeente,
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
    }
}

/// A scenario without any flows, transition or delay.
fn stil() -> Scenario {
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
