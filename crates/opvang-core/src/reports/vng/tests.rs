//! Tests of the VNG report: totals against the dashboard, row grouping and the checks.

use super::*;
use crate::locations::{voorbeeld_invoer, CapaciteitInvoer};
use crate::overview::dashboard;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// A database with the demo set loaded up to 2026-11-23.
pub(crate) async fn demo_db(dir: &std::path::Path) -> Db {
    let db = Db::open(&dir.join("demo.db")).await.unwrap();
    crate::demo::laden(&db, d("2026-11-23"), |_| {})
        .await
        .unwrap();
    db
}

#[tokio::test]
async fn totals_equal_the_dashboard_at_each_peildatum() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path()).await;
    for peildatum in ["2026-11-23", "2026-06-01", "2025-01-01"] {
        let peildatum = d(peildatum);
        let r = rapport(&db, peildatum).await.unwrap();
        let dash = dashboard(&db, peildatum, &Gebied::land()).await.unwrap();
        assert_eq!(r.totalen, dash.totalen, "{peildatum}");
        let som = Totalen::som(r.rijen.iter().map(|r| &r.totalen));
        assert_eq!(
            som, dash.totalen,
            "rows sum to the dashboard at {peildatum}"
        );
        let per_provincie = Totalen::som(r.provincies.iter().map(|p| &p.totalen));
        assert_eq!(per_provincie, dash.totalen);
        for g in &dash.per_gemeente {
            let rijen = r.rijen.iter().filter(|r| r.gemeente_code == g.code);
            assert_eq!(
                Totalen::som(rijen.map(|r| &r.totalen)),
                g.totalen,
                "{}",
                g.naam
            );
        }
        let einde = dash
            .signalen
            .iter()
            .filter(|s| s.soort == SignaalSoort::EinddatumNadert)
            .count() as i64;
        let rijen_einde: i64 = r.rijen.iter().map(|r| r.einde_binnen_zes_maanden).sum();
        assert_eq!(rijen_einde, einde);
    }
    let r = rapport(&db, d("2026-11-23")).await.unwrap();
    assert_eq!(r.schemaversie, SCHEMA_VERSIE);
    assert_eq!(r.bron, "demo.db");
    assert!(r.totalen.bezet > 0);
    let mut gezien = HashSet::new();
    for rij in &r.rijen {
        assert!(
            gezien.insert((rij.gemeente_code.clone(), rij.soort)),
            "one row per municipality and type"
        );
    }
    db.close().await;
}

#[tokio::test]
async fn checks_name_each_location_with_its_problem() {
    let dir = tempfile::tempdir().unwrap();
    let db = Db::open(&dir.path().join("c.db")).await.unwrap();
    let peildatum = d("2026-11-23");
    let zonder = db
        .locatie_toevoegen(
            &voorbeeld_invoer("GM0344", "Hotel Zonder Peiling"),
            peildatum,
        )
        .await
        .unwrap();
    db.capaciteit_toevoegen(&CapaciteitInvoer {
        locatie_id: zonder.id,
        vanaf: d("2026-01-01"),
        tot_en_met: None,
        plaatsen: 40,
    })
    .await
    .unwrap();
    let leeg = db
        .locatie_toevoegen(&voorbeeld_invoer("GM0344", "Kantoor Leeg"), peildatum)
        .await
        .unwrap();
    db.test_sql(
        "UPDATE locatie SET status = 'in_gebruik' WHERE id = $1",
        Some(leeg.id),
    )
    .await;
    db.test_sql(
        "INSERT INTO locatie (gemeente_code, naam, soort, beheerder, status, financiering) \
         SELECT 'GM9999', 'Paviljoen Opgeheven', 'overig', 'gemeente', 'in_gebruik', 'booo' \
         WHERE $1 IS NULL",
        None,
    )
    .await;

    let r = rapport(&db, peildatum).await.unwrap();
    let gevonden: Vec<_> = r
        .controles
        .iter()
        .map(|c| (c.soort, c.locatie_naam.as_str()))
        .collect();
    assert_eq!(
        gevonden,
        vec![
            (ControleSoort::OnbekendeGemeente, "Paviljoen Opgeheven"),
            (ControleSoort::CapaciteitOntbreekt, "Kantoor Leeg"),
            (ControleSoort::GeenPeiling, "Hotel Zonder Peiling"),
        ]
    );
    assert_eq!(
        r.controles[2].melding,
        "Hotel Zonder Peiling (Utrecht) heeft geen peiling op of voor 23-11-2026."
    );
    assert!(r.controles[0].melding.contains("GM9999"));
    assert_eq!(r.totalen.zonder_peiling, 1);
    db.close().await;
}

#[tokio::test]
async fn stale_and_over_occupied_locations_are_counted_and_checked() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path()).await;
    // Eight weeks later nothing new was entered: every snapshot is stale.
    let r = rapport(&db, d("2027-01-18")).await.unwrap();
    assert!(r.totalen.verouderd > 0);
    let verouderd = r
        .controles
        .iter()
        .filter(|c| c.soort == ControleSoort::VerouderdePeiling)
        .count() as i64;
    assert_eq!(verouderd, r.totalen.verouderd);
    let overbezet = r
        .controles
        .iter()
        .filter(|c| c.soort == ControleSoort::Overbezetting)
        .count() as i64;
    assert_eq!(overbezet, r.totalen.overbezet);
    db.close().await;
}

#[test]
fn source_name_is_the_last_part_of_a_path_or_url() {
    assert_eq!(bron_naam("/home/a/opvangplanner.db"), "opvangplanner.db");
    assert_eq!(bron_naam(r"C:\Users\a\opvang.db"), "opvang.db");
    assert_eq!(
        bron_naam("postgres://anna@server:5432/regio_utrecht?sslmode=require"),
        "regio_utrecht"
    );
}
