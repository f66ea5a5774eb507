//! The review workflow on both backends: every transition and its refusals, the four-eyes rule
//! with a second user, comments, attachments with SHA-256, supersession and the audit trail.

use chrono::NaiveDate;

use crate::error::ErrorCode;
use crate::locations::voorbeeld_invoer;
use crate::reviews::{Besluit, BesluitInvoer, ReviewStatus};
use crate::storage::{Backend, Db};
use crate::suitability::{Beoordeling, BeoordelingInvoer, Categorie, CriteriumScore};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// An assessment of a new location; complete (all criteria scored 3) or with one criterion open.
async fn beoordeling(db: &Db, naam: &str, compleet: bool) -> Beoordeling {
    let locatie = db
        .locatie_toevoegen(&voorbeeld_invoer("GM0344", naam), d("2026-01-01"))
        .await
        .unwrap();
    nieuwe_beoordeling(db, locatie.id, compleet).await
}

async fn nieuwe_beoordeling(db: &Db, locatie_id: i64, compleet: bool) -> Beoordeling {
    let set = db.criteriasets().await.unwrap().remove(0);
    let mut scores: Vec<_> = set
        .criteria
        .iter()
        .map(|c| CriteriumScore {
            sleutel: c.sleutel.clone(),
            score: Some(3),
            onderbouwing: format!("Schouw: {}", c.label),
        })
        .collect();
    if !compleet {
        scores.pop();
    }
    db.beoordeling_toevoegen(&BeoordelingInvoer {
        locatie_id,
        criteriaset_id: set.id,
        datum: d("2026-11-02"),
        scores,
    })
    .await
    .unwrap()
}

/// The same database as another user: a name in the settings (SQLite) or another login with
/// the reviewer role (PostgreSQL, where the login is the user).
async fn als_andere_gebruiker(db: &Db) -> Db {
    match db.backend() {
        Backend::Sqlite => {
            db.gebruiker_instellen("Bert de Beoordelaar").await.unwrap();
            db.clone()
        }
        Backend::Postgres => {
            sqlx::query(
                "DO $$ BEGIN CREATE ROLE opvang_test_ombouw_bert LOGIN; \
                 EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$",
            )
            .execute(&db.pool)
            .await
            .unwrap();
            sqlx::query("GRANT opvang_beoordelaar TO opvang_test_ombouw_bert")
                .execute(&db.pool)
                .await
                .unwrap();
            let (schema, rest) = db.pad().split_once("://").unwrap();
            let host = rest.rsplit_once('@').map_or(rest, |(_, host)| host);
            Db::open_postgres(&format!("{schema}://opvang_test_ombouw_bert@{host}"))
                .await
                .unwrap()
        }
    }
}

fn besluit(review: &crate::reviews::Review, besluit: Besluit, datum: &str) -> BesluitInvoer {
    BesluitInvoer {
        review_id: review.id,
        versie: review.versie,
        besluit,
        besluitdatum: d(datum),
        toelichting: String::new(),
    }
}

crate::storage::testdb::beide_backends!(
    async fn workflow_with_four_eyes_and_supersession(db) {
        if db.backend() == Backend::Sqlite {
            db.gebruiker_instellen("Anna de Planner").await.unwrap();
        }
        let anna = db.gebruiker().await.unwrap();
        let b = beoordeling(&db, "Hotel", false).await;
        let review = db.review_starten(b.id).await.unwrap();
        assert_eq!(review.status, ReviewStatus::Concept);
        assert_eq!(review.indiener, anna);
        assert_eq!(review.opsteller, anna);
        assert_eq!(review.vervangt_id, None);

        // One review at a time per location.
        let err = db.review_starten(b.id).await.unwrap_err();
        assert_eq!(err.field.as_deref(), Some("review"));

        // Deciding a concept skips a step; an incomplete assessment cannot be submitted.
        let err = db
            .review_besluiten(&besluit(&review, Besluit::Akkoord, "2026-11-10"))
            .await
            .unwrap_err();
        assert_eq!(err.field.as_deref(), Some("status"));
        assert!(err.message.contains("van concept naar besloten"), "{}", err.message);
        let err = db
            .review_indienen(review.id, review.versie, d("2026-11-03"))
            .await
            .unwrap_err();
        assert_eq!(err.field.as_deref(), Some("beoordeling"));
        assert!(err.message.starts_with("De beoordeling is onvolledig"), "{}", err.message);

        // Complete the assessment while the review is a concept, then submit.
        let mut invoer = BeoordelingInvoer {
            locatie_id: b.locatie_id,
            criteriaset_id: b.criteriaset_id,
            datum: b.datum,
            scores: b.scores.clone(),
        };
        let set = db.criteriaset(b.criteriaset_id).await.unwrap();
        let laatste = set.criteria.last().unwrap();
        invoer.scores.push(CriteriumScore {
            sleutel: laatste.sleutel.clone(),
            score: Some(3),
            onderbouwing: "Gesprek met bewoners.".into(),
        });
        let b = db.beoordeling_wijzigen(b.id, b.versie, &invoer).await.unwrap();
        assert_eq!(b.uitslag.categorie, Some(Categorie::Geschikt));
        let err = db
            .review_indienen(review.id, review.versie + 1, d("2026-11-03"))
            .await
            .unwrap_err();
        assert_eq!(err.code, ErrorCode::Conflict);
        let review = db
            .review_indienen(review.id, review.versie, d("2026-11-03"))
            .await
            .unwrap();
        assert_eq!(review.status, ReviewStatus::TerBeoordeling);
        assert_eq!(review.ingediend_op, Some(d("2026-11-03")));
        let err = db
            .review_indienen(review.id, review.versie, d("2026-11-03"))
            .await
            .unwrap_err();
        assert!(err.message.contains("van ter beoordeling naar ter beoordeling"));

        // A submitted assessment is frozen.
        let err = db.beoordeling_wijzigen(b.id, b.versie, &invoer).await.unwrap_err();
        assert_eq!(err.field.as_deref(), Some("beoordeling"));
        assert!(!db.beoordeling(b.id).await.unwrap().wijzigbaar);

        // Comments and an attachment with its SHA-256.
        let review = db.review_opmerking(review.id, "Graag brandrapport toevoegen.").await.unwrap();
        let err = db.review_opmerking(review.id, "  ").await.unwrap_err();
        assert_eq!(err.field.as_deref(), Some("tekst"));
        let dir = tempfile::tempdir().unwrap();
        let rapport = dir.path().join("brandrapport.pdf");
        std::fs::write(&rapport, b"abc").unwrap();
        let review = db.review_bijlage(review.id, &rapport).await.unwrap();
        assert_eq!(review.bijlagen.len(), 1);
        assert_eq!(
            review.bijlagen[0].sha256,
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(review.bijlagen[0].pad, rapport.display().to_string());
        let err = db
            .review_bijlage(review.id, &dir.path().join("ontbreekt.pdf"))
            .await
            .unwrap_err();
        assert_eq!(err.code, ErrorCode::Bestand);

        // Four eyes: the assessor may not decide.
        let err = db
            .review_besluiten(&besluit(&review, Besluit::Akkoord, "2026-11-10"))
            .await
            .unwrap_err();
        assert_eq!(err.field.as_deref(), Some("beoordelaar"));
        assert!(err.message.starts_with("Vier-ogenprincipe"), "{}", err.message);

        let bert = als_andere_gebruiker(&db).await;
        let bert_naam = bert.gebruiker().await.unwrap();
        assert_ne!(bert_naam, anna);
        let review = bert.review_opmerking(review.id, "Rapport ontvangen.").await.unwrap();
        assert_eq!(review.opmerkingen[1].gebruiker, bert_naam);
        let err = bert
            .review_besluiten(&besluit(&review, Besluit::Akkoord, "2026-11-01"))
            .await
            .unwrap_err();
        assert_eq!(err.field.as_deref(), Some("besluitdatum"));
        let err = bert
            .review_besluiten(&besluit(&review, Besluit::Aangehouden, "2026-11-10"))
            .await
            .unwrap_err();
        assert_eq!(err.field.as_deref(), Some("toelichting"));
        let mut akkoord = besluit(&review, Besluit::Akkoord, "2026-11-10");
        akkoord.toelichting = "Geschikt, ombouw in 2027.".into();
        let besloten = bert.review_besluiten(&akkoord).await.unwrap();
        assert_eq!(besloten.status, ReviewStatus::Besloten);
        assert_eq!(besloten.besluit, Some(Besluit::Akkoord));
        assert_eq!(besloten.beoordelaar.as_deref(), Some(bert_naam.as_str()));
        assert_eq!(besloten.besluitdatum, Some(d("2026-11-10")));

        // A decided review is never edited: no decision, comment, attachment or submission.
        let err = bert
            .review_besluiten(&besluit(&besloten, Besluit::Afgewezen, "2026-11-11"))
            .await
            .unwrap_err();
        assert!(err.message.contains("al besloten"), "{}", err.message);
        let err = bert.review_opmerking(besloten.id, "Toch niet").await.unwrap_err();
        assert!(err.message.contains("al besloten"));
        assert!(bert.review_bijlage(besloten.id, &rapport).await.is_err());
        assert!(db
            .review_indienen(besloten.id, besloten.versie, d("2026-11-12"))
            .await
            .is_err());
        // Not even with direct SQL.
        assert!(sqlx::query("UPDATE review SET besluit = 'afgewezen' WHERE id = $1")
            .bind(besloten.id)
            .execute(&db.pool)
            .await
            .is_err());
        assert_eq!(db.review(besloten.id).await.unwrap(), besloten);

        // The portfolio shows the decision.
        let p = db.portefeuille(&Default::default()).await.unwrap();
        assert_eq!(p.regels[0].besluit, Some(Besluit::Akkoord));
        assert_eq!(p.per_gemeente[0].akkoord_eenheden, 20);

        // A new assessment and review supersede the decided one.
        if db.backend() == Backend::Sqlite {
            db.gebruiker_instellen("Anna de Planner").await.unwrap();
        }
        let b2 = nieuwe_beoordeling(&db, b.locatie_id, true).await;
        let opvolger = db.review_starten(b2.id).await.unwrap();
        assert_eq!(opvolger.vervangt_id, Some(besloten.id));
        let oud = db.review(besloten.id).await.unwrap();
        assert_eq!(oud.vervangen_door, Some(opvolger.id));
        assert_eq!(oud.besluit, Some(Besluit::Akkoord));
        let historie = db.reviews(b.locatie_id).await.unwrap();
        let ids: Vec<_> = historie.iter().map(|r| r.id).collect();
        assert_eq!(ids, vec![opvolger.id, besloten.id]);
        let p = db.portefeuille(&Default::default()).await.unwrap();
        assert_eq!(p.regels[0].review_status, Some(ReviewStatus::Concept));
        assert_eq!(p.regels[0].besluit, None);

        // Every transition is in the audit log, with who did it.
        let log = db.auditlog(Some(b.locatie_id)).await.unwrap();
        let trail: Vec<_> = log
            .iter()
            .rev()
            .filter(|r| r.tabel.starts_with("review"))
            .map(|r| (r.tabel.as_str(), r.actie.as_str(), r.gebruiker.as_str()))
            .collect();
        assert_eq!(
            trail,
            vec![
                ("review", "starten", anna.as_str()),
                ("review", "indienen", anna.as_str()),
                ("review_opmerking", "toevoegen", anna.as_str()),
                ("review_bijlage", "toevoegen", anna.as_str()),
                ("review_opmerking", "toevoegen", bert_naam.as_str()),
                ("review", "besluiten", bert_naam.as_str()),
                ("review", "starten", anna.as_str()),
            ]
        );
        if db.backend() == Backend::Postgres {
            bert.close().await;
        }
    }
);

crate::storage::testdb::beide_backends!(
    async fn rejected_and_held_reviews_need_a_reason(db) {
        if db.backend() == Backend::Sqlite {
            db.gebruiker_instellen("Anna de Planner").await.unwrap();
        }
        let b = beoordeling(&db, "Kantoor", true).await;
        let review = db.review_starten(b.id).await.unwrap();
        let review = db.review_indienen(review.id, review.versie, d("2026-11-03")).await.unwrap();
        let bert = als_andere_gebruiker(&db).await;
        let mut afgewezen = besluit(&review, Besluit::Afgewezen, "2026-11-03");
        let err = bert.review_besluiten(&afgewezen).await.unwrap_err();
        assert_eq!(err.field.as_deref(), Some("toelichting"));
        afgewezen.toelichting = "Brandveiligheid niet op te lossen.".into();
        let besloten = bert.review_besluiten(&afgewezen).await.unwrap();
        assert_eq!(besloten.besluit, Some(Besluit::Afgewezen));
        let p = db.portefeuille(&Default::default()).await.unwrap();
        assert_eq!(p.regels[0].besluit, Some(Besluit::Afgewezen));
        assert_eq!(p.per_gemeente[0].akkoord_eenheden, 0);
        assert_eq!(db.review(review.id + 100).await.unwrap_err().code, ErrorCode::NietGevonden);
        if db.backend() == Backend::Postgres {
            bert.close().await;
        }
    }
);

#[tokio::test]
async fn roles_on_the_server_for_assessments_and_reviews() {
    let Some(test) = crate::storage::testdb::postgres().await else {
        return;
    };
    for (login, groep) in [
        ("opvang_test_ombouw_lezer", "opvang_lezer"),
        ("opvang_test_ombouw_planner", "opvang_planner"),
        ("opvang_test_ombouw_beoordelaar", "opvang_beoordelaar"),
    ] {
        test.als_beheerder(&format!(
            "DO $$ BEGIN CREATE ROLE {login} LOGIN; \
             EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$; \
             GRANT {groep} TO {login}"
        ))
        .await;
    }
    let planner = Db::open_postgres(&test.url_als("opvang_test_ombouw_planner"))
        .await
        .unwrap();
    let beoordelaar = Db::open_postgres(&test.url_als("opvang_test_ombouw_beoordelaar"))
        .await
        .unwrap();
    let lezer = Db::open_postgres(&test.url_als("opvang_test_ombouw_lezer"))
        .await
        .unwrap();

    let b = beoordeling(&planner, "Hotel", true).await;
    assert_eq!(b.opsteller, "opvang_test_ombouw_planner");
    let review = planner.review_starten(b.id).await.unwrap();
    let review = planner
        .review_indienen(review.id, review.versie, d("2026-11-03"))
        .await
        .unwrap();

    // Reviewers and readers cannot write assessments or criteria sets; readers cannot comment.
    let invoer = BeoordelingInvoer {
        locatie_id: b.locatie_id,
        criteriaset_id: b.criteriaset_id,
        datum: b.datum,
        scores: b.scores.clone(),
    };
    let err = beoordelaar
        .beoordeling_toevoegen(&invoer)
        .await
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::GeenRechten, "{err:?}");
    let err = lezer
        .review_opmerking(review.id, "Mag ik dit?")
        .await
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::GeenRechten, "{err:?}");

    // The assessor cannot decide; the reviewer can.
    let err = planner
        .review_besluiten(&besluit(&review, Besluit::Akkoord, "2026-11-05"))
        .await
        .unwrap_err();
    assert_eq!(err.field.as_deref(), Some("beoordelaar"));
    let besloten = beoordelaar
        .review_besluiten(&besluit(&review, Besluit::Akkoord, "2026-11-05"))
        .await
        .unwrap();
    assert_eq!(
        besloten.beoordelaar.as_deref(),
        Some("opvang_test_ombouw_beoordelaar")
    );
    let log = lezer.auditlog(Some(b.locatie_id)).await.unwrap();
    assert_eq!(log[0].gebruiker, "opvang_test_ombouw_beoordelaar");
    assert_eq!(log[0].actie, "besluiten");

    for db in [planner, beoordelaar, lezer] {
        db.close().await;
    }
    test.opruimen().await;
}

crate::storage::testdb::beide_backends!(
    async fn two_simultaneous_starts_one_wins(db) {
        let b = beoordeling(&db, "Hotel", true).await;
        let starts: Vec<_> = (0..2)
            .map(|_| {
                let db = db.clone();
                tokio::spawn(async move { db.review_starten(b.id).await })
            })
            .collect();
        let mut uitkomsten = Vec::new();
        for start in starts {
            uitkomsten.push(start.await.unwrap());
        }
        let gewonnen: Vec<_> = uitkomsten.iter().filter(|u| u.is_ok()).collect();
        assert_eq!(gewonnen.len(), 1, "{uitkomsten:?}");
        let err = uitkomsten.into_iter().find_map(Result::err).unwrap();
        assert_eq!(err.code, ErrorCode::Conflict, "{err:?}");
        assert_eq!(err.field.as_deref(), Some("review"));
        assert!(err.message.starts_with("Voor deze locatie"), "{}", err.message);
        assert_eq!(db.reviews(b.locatie_id).await.unwrap().len(), 1);

        // The database itself holds the rule, whatever a client does.
        let err = sqlx::query(
            "INSERT INTO review (beoordeling_id, locatie_id, status, indiener) \
             VALUES ($1, $2, 'concept', 'iemand')",
        )
        .bind(b.id)
        .bind(b.locatie_id)
        .execute(&db.pool)
        .await
        .unwrap_err();
        assert!(
            matches!(&err, sqlx::Error::Database(e) if e.is_unique_violation()),
            "{err:?}"
        );
    }
);

#[tokio::test]
async fn only_a_reviewer_login_may_decide_on_the_server() {
    let Some(test) = crate::storage::testdb::postgres().await else {
        return;
    };
    for (login, groep) in [
        ("opvang_test_besluit_planner", "opvang_planner"),
        ("opvang_test_besluit_collega", "opvang_planner"),
        ("opvang_test_besluit_beoordelaar", "opvang_beoordelaar"),
    ] {
        test.als_beheerder(&format!(
            "DO $$ BEGIN CREATE ROLE {login} LOGIN; \
             EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$; \
             GRANT {groep} TO {login}"
        ))
        .await;
    }
    let planner = Db::open_postgres(&test.url_als("opvang_test_besluit_planner"))
        .await
        .unwrap();
    let collega = Db::open_postgres(&test.url_als("opvang_test_besluit_collega"))
        .await
        .unwrap();
    let beoordelaar = Db::open_postgres(&test.url_als("opvang_test_besluit_beoordelaar"))
        .await
        .unwrap();
    let b = beoordeling(&planner, "Hotel", true).await;
    let review = planner.review_starten(b.id).await.unwrap();
    let review = planner
        .review_indienen(review.id, review.versie, d("2026-11-03"))
        .await
        .unwrap();

    // Another planner passes the four-eyes rule but is no reviewer: the database refuses.
    let err = collega
        .review_besluiten(&besluit(&review, Besluit::Akkoord, "2026-11-05"))
        .await
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::GeenRechten, "{err:?}");
    assert!(
        err.message.starts_with("Alleen een beoordelaar"),
        "{}",
        err.message
    );
    let err = sqlx::query("UPDATE review SET status = 'besloten' WHERE id = $1")
        .bind(review.id)
        .execute(&collega.pool)
        .await
        .unwrap_err();
    assert!(err.to_string().contains("Alleen een beoordelaar"), "{err}");
    assert_eq!(
        beoordelaar.review(review.id).await.unwrap().status,
        ReviewStatus::TerBeoordeling
    );

    let besloten = beoordelaar
        .review_besluiten(&besluit(&review, Besluit::Akkoord, "2026-11-05"))
        .await
        .unwrap();
    assert_eq!(besloten.status, ReviewStatus::Besloten);

    for db in [planner, collega, beoordelaar] {
        db.close().await;
    }
    test.opruimen().await;
}
