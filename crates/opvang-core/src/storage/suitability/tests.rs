//! Storage of criteria sets and assessments on both backends: the shipped default set,
//! versioning (old assessments stay reproducible), optimistic locking, audit and the portfolio.

use chrono::NaiveDate;

use crate::error::ErrorCode;
use crate::locations::{voorbeeld_invoer, Locatie};
use crate::storage::Db;
use crate::suitability::{
    BeoordelingInvoer, Categorie, CriteriasetInvoer, CriteriumScore, PortefeuilleFilter,
};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

async fn locatie(db: &Db, gemeente: &str, naam: &str) -> Locatie {
    db.locatie_toevoegen(&voorbeeld_invoer(gemeente, naam), d("2026-01-01"))
        .await
        .unwrap()
}

/// Every criterion of the set scored `score`, with evidence.
fn alles(db_set: &crate::suitability::Criteriaset, score: i64) -> Vec<CriteriumScore> {
    db_set
        .criteria
        .iter()
        .map(|c| CriteriumScore {
            sleutel: c.sleutel.clone(),
            score: Some(score),
            onderbouwing: format!("Schouw: {}", c.label),
        })
        .collect()
}

crate::storage::testdb::beide_backends!(
    async fn default_set_ships_as_version_1(db) {
        let sets = db.criteriasets().await.unwrap();
        assert_eq!(sets.len(), 1);
        let set = &sets[0];
        assert_eq!((set.nummer, set.in_gebruik, set.versie), (1, false, 1));
        assert_eq!(set.criteria.len(), 9);
        assert_eq!(set.criteria, crate::suitability::standaard_criteria());
        // Loading reference data again does not add a second default set.
        db.referentiedata_laden().await.unwrap();
        assert_eq!(db.criteriasets().await.unwrap().len(), 1);
        let err = db.criteriaset(set.id + 100).await.unwrap_err();
        assert_eq!(err.code, ErrorCode::NietGevonden);
    }
);

crate::storage::testdb::beide_backends!(
    async fn a_new_set_leaves_old_assessments_as_they_were(db) {
        let hotel = locatie(&db, "GM0344", "Hotel").await;
        let v1 = db.criteriasets().await.unwrap().remove(0);
        let mut scores = alles(&v1, 3);
        scores.iter_mut().find(|s| s.sleutel == "oppervlakte").unwrap().score = Some(1);
        let oud = db
            .beoordeling_toevoegen(&BeoordelingInvoer {
                locatie_id: hotel.id,
                criteriaset_id: v1.id,
                datum: d("2026-11-01"),
                scores: scores.clone(),
            })
            .await
            .unwrap();
        // 3 on everything but floor area (weight 15) at 1: (85·3 + 15·1) / 400 = 67,5 → 68.
        assert_eq!(oud.uitslag.totaal, Some(68));
        assert_eq!(oud.uitslag.categorie, Some(Categorie::GeschiktNaAanpassing));
        assert_eq!(oud.criteriaset_nummer, 1);

        // The used set cannot be edited any more; a new version can be made.
        let mut invoer = CriteriasetInvoer {
            naam: "Zwaarder op oppervlakte".into(),
            criteria: v1.criteria.clone(),
        };
        invoer
            .criteria
            .iter_mut()
            .find(|c| c.sleutel == "oppervlakte")
            .unwrap()
            .gewicht = 85;
        let v1 = db.criteriaset(v1.id).await.unwrap();
        assert!(v1.in_gebruik);
        let err = db
            .criteriaset_wijzigen(v1.id, v1.versie, &invoer)
            .await
            .unwrap_err();
        assert_eq!(err.field.as_deref(), Some("criteria"));
        assert!(err.message.contains("nieuwe versie"), "{}", err.message);
        let v2 = db.criteriaset_toevoegen(&invoer).await.unwrap();
        assert_eq!((v2.nummer, v2.in_gebruik), (2, false));

        // An unused set can still be edited, with optimistic locking.
        invoer.naam = "Versie twee".into();
        let v2b = db.criteriaset_wijzigen(v2.id, v2.versie, &invoer).await.unwrap();
        assert_eq!((v2b.naam.as_str(), v2b.versie), ("Versie twee", 2));
        let err = db
            .criteriaset_wijzigen(v2.id, v2.versie, &invoer)
            .await
            .unwrap_err();
        assert_eq!(err.code, ErrorCode::Conflict);

        // The same scores on version 2 give another outcome; the old assessment is unchanged.
        let nieuw = db
            .beoordeling_toevoegen(&BeoordelingInvoer {
                locatie_id: hotel.id,
                criteriaset_id: v2.id,
                datum: d("2026-11-20"),
                scores,
            })
            .await
            .unwrap();
        // (85·3 + 85·1) / 680 = 50.
        assert_eq!(nieuw.uitslag.totaal, Some(50));
        assert_eq!(nieuw.criteriaset_nummer, 2);
        assert_eq!(db.beoordeling(oud.id).await.unwrap(), oud);
        let lijst = db.beoordelingen(hotel.id).await.unwrap();
        assert_eq!(
            lijst.iter().map(|b| b.id).collect::<Vec<_>>(),
            vec![nieuw.id, oud.id]
        );
        assert_eq!(db.criteriasets().await.unwrap()[0].nummer, 2, "newest first");

        let log = db.auditlog(None).await.unwrap();
        let sets: Vec<_> = log
            .iter()
            .filter(|r| r.tabel == "criteriaset")
            .map(|r| (r.actie.as_str(), r.locatie_id))
            .collect();
        assert_eq!(sets, vec![("wijzigen", None), ("toevoegen", None)]);
    }
);

crate::storage::testdb::beide_backends!(
    async fn assessments_validate_prefill_edit_and_log(db) {
        let hotel = locatie(&db, "GM0344", "Hotel").await;
        let set = db.criteriasets().await.unwrap().remove(0);
        let invoer = db
            .beoordeling_voorinvullen(hotel.id, set.id, d("2026-11-23"))
            .await
            .unwrap();
        assert_eq!(invoer.scores.len(), 9);
        let b = db.beoordeling_toevoegen(&invoer).await.unwrap();
        assert_eq!(b.opsteller, db.gebruiker().await.unwrap());
        assert!(b.wijzigbaar);
        assert_eq!(b.uitslag.totaal, None, "six criteria are not pre-filled");
        assert_eq!(b.uitslag.onvolledig.len(), 6);

        let mut fout = invoer.clone();
        fout.scores[0].score = Some(7);
        let err = db.beoordeling_toevoegen(&fout).await.unwrap_err();
        assert_eq!(err.field.as_deref(), Some("scores.zelfstandigheid"));
        let mut fout = invoer.clone();
        fout.locatie_id = hotel.id + 99;
        assert_eq!(
            db.beoordeling_toevoegen(&fout).await.unwrap_err().code,
            ErrorCode::NietGevonden
        );

        let mut compleet = invoer.clone();
        compleet.scores = alles(&set, 4);
        let b2 = db.beoordeling_wijzigen(b.id, b.versie, &compleet).await.unwrap();
        assert_eq!((b2.uitslag.totaal, b2.versie), (Some(100), 2));
        assert_eq!(b2.uitslag.categorie, Some(Categorie::Geschikt));
        let err = db
            .beoordeling_wijzigen(b.id, b.versie, &compleet)
            .await
            .unwrap_err();
        assert_eq!(err.code, ErrorCode::Conflict);

        let log = db.auditlog(Some(hotel.id)).await.unwrap();
        assert_eq!(
            (log[0].tabel.as_str(), log[0].actie.as_str()),
            ("beoordeling", "wijzigen")
        );
        assert!(log[0].na.as_deref().unwrap().contains("\"score\":4"));
        assert_eq!(log[1].actie, "toevoegen");
    }
);

crate::storage::testdb::beide_backends!(
    async fn portfolio_ranks_filters_and_counts_units(db) {
        let set = db.criteriasets().await.unwrap().remove(0);
        let a = locatie(&db, "GM0344", "Hotel A").await;
        let b = locatie(&db, "GM0344", "Kantoor B").await;
        let c = locatie(&db, "GM0202", "School C").await;
        locatie(&db, "GM0202", "Paviljoen D").await;
        for (loc, score) in [(&a, 2), (&b, 4), (&c, 3)] {
            db.beoordeling_toevoegen(&BeoordelingInvoer {
                locatie_id: loc.id,
                criteriaset_id: set.id,
                datum: d("2026-11-01"),
                scores: alles(&set, score),
            })
            .await
            .unwrap();
        }
        let p = db.portefeuille(&PortefeuilleFilter::default()).await.unwrap();
        let rijen: Vec<_> = p
            .regels
            .iter()
            .map(|r| (r.locatie_naam.as_str(), r.rang, r.totaal, r.categorie))
            .collect();
        assert_eq!(
            rijen,
            vec![
                ("Kantoor B", Some(1), Some(100), Some(Categorie::Geschikt)),
                ("School C", Some(2), Some(75), Some(Categorie::Geschikt)),
                (
                    "Hotel A",
                    Some(3),
                    Some(50),
                    Some(Categorie::GeschiktNaAanpassing)
                ),
                ("Paviljoen D", None, None, None),
            ]
        );
        let per: Vec<_> = p
            .per_gemeente
            .iter()
            .map(|g| (g.gemeente_naam.as_str(), g.locaties, g.ombouwbare_eenheden))
            .collect();
        assert_eq!(per, vec![("Arnhem", 2, 20), ("Utrecht", 2, 40)]);

        let utrecht = db
            .portefeuille(&PortefeuilleFilter {
                gemeente_code: Some("gm0344".into()),
                categorie: Some(Categorie::GeschiktNaAanpassing),
            })
            .await
            .unwrap();
        assert_eq!(utrecht.regels.len(), 1);
        assert_eq!(utrecht.regels[0].locatie_id, a.id);
        assert_eq!(utrecht.per_gemeente.len(), 1);
        assert_eq!(utrecht.per_gemeente[0].ombouwbare_eenheden, 40);

        let err = db
            .portefeuille(&PortefeuilleFilter {
                gemeente_code: Some("GM9999".into()),
                categorie: None,
            })
            .await
            .unwrap_err();
        assert_eq!(err.field.as_deref(), Some("gemeente_code"));
    }
);
