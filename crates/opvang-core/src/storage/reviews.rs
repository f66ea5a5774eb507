//! SQL for the conversion review workflow: start, submit, decide, comments and attachments.

use std::path::Path;

use chrono::NaiveDate;
use sqlx::any::AnyRow;
use sqlx::Row;

use super::audit::{self, json, Wijziging};
use super::{datum_in, datum_optie_uit, Db};
use crate::error::{CoreError, CoreResult};
use crate::reviews::{
    sha256_van_bestand, vier_ogen, Besluit, BesluitInvoer, Bijlage, Opmerking, Review, ReviewStatus,
};

const REVIEW_KOLOMMEN: &str = "r.id, r.beoordeling_id, r.locatie_id, r.status, r.besluit, \
    r.indiener, b.opsteller, r.ingediend_op, r.beoordelaar, r.besluitdatum, r.toelichting, \
    r.vervangt_id, r.versie, \
    (SELECT MIN(v.id) FROM review v WHERE v.vervangt_id = r.id) AS vervangen_door";

fn nu() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

fn onbekende_code(kolom: &str, code: &str) -> CoreError {
    CoreError::database("fout.storage_reviews.onbekende_waarde_kolom_database")
        .met("code", &(format!("{:?}", code)))
        .met("kolom", &kolom)
}

fn review_uit(row: &AnyRow) -> CoreResult<Review> {
    let status: String = row.try_get("status")?;
    let besluit: Option<String> = row.try_get("besluit")?;
    Ok(Review {
        id: row.try_get("id")?,
        beoordeling_id: row.try_get("beoordeling_id")?,
        locatie_id: row.try_get("locatie_id")?,
        status: ReviewStatus::from_code(&status)
            .ok_or_else(|| onbekende_code("status", &status))?,
        besluit: besluit
            .map(|b| Besluit::from_code(&b).ok_or_else(|| onbekende_code("besluit", &b)))
            .transpose()?,
        indiener: row.try_get("indiener")?,
        opsteller: row.try_get("opsteller")?,
        ingediend_op: datum_optie_uit(row.try_get("ingediend_op")?)?,
        beoordelaar: row.try_get("beoordelaar")?,
        besluitdatum: datum_optie_uit(row.try_get("besluitdatum")?)?,
        toelichting: row.try_get("toelichting")?,
        vervangt_id: row.try_get("vervangt_id")?,
        vervangen_door: row.try_get("vervangen_door")?,
        opmerkingen: Vec::new(),
        bijlagen: Vec::new(),
        versie: row.try_get("versie")?,
    })
}

/// A location has an open review already (also when two people start one at the same moment:
/// the unique index `review_een_open_per_locatie` lets one win).
fn al_open(open: Option<i64>) -> CoreError {
    let fout = match open {
        Some(id) => {
            CoreError::conflict("fout.storage_reviews.locatie_loopt_review_rond").met("open", &id)
        }
        None => CoreError::conflict("fout.storage_reviews.zojuist_gestart"),
    };
    CoreError {
        field: Some("review".to_owned()),
        ..fout
    }
}

/// On a team server only a reviewer may decide; the database refuses anyone else (0005).
fn besluit_fout(err: sqlx::Error) -> CoreError {
    match &err {
        sqlx::Error::Database(db) if db.code().as_deref() == Some("42501") => {
            CoreError::geen_rechten("fout.storage_reviews.alleen_beoordelaar_rol_opvang")
        }
        _ => err.into(),
    }
}

fn conflict() -> CoreError {
    CoreError::conflict("fout.storage_reviews.review_intussen_door_iemand")
}

/// What the audit log keeps of a review's state.
fn stand(review: &Review) -> Option<String> {
    json(&serde_json::json!({
        "status": review.status,
        "besluit": review.besluit,
        "beoordelaar": review.beoordelaar,
        "besluitdatum": review.besluitdatum,
        "toelichting": review.toelichting,
    }))
}

impl Db {
    /// Starts a review (concept) of an assessment; it supersedes the location's last decided
    /// review. Refused while the location has a review that is not decided yet.
    pub async fn review_starten(&self, beoordeling_id: i64) -> CoreResult<Review> {
        let beoordeling = self.beoordeling(beoordeling_id).await?;
        let open: Option<i64> = sqlx::query_scalar(
            "SELECT MIN(id) FROM review WHERE locatie_id = $1 AND status <> 'besloten'",
        )
        .bind(beoordeling.locatie_id)
        .fetch_one(&self.pool)
        .await?;
        if open.is_some() {
            return Err(al_open(open));
        }
        let vervangt: Option<i64> = sqlx::query_scalar(
            "SELECT MAX(id) FROM review WHERE locatie_id = $1 AND status = 'besloten'",
        )
        .bind(beoordeling.locatie_id)
        .fetch_one(&self.pool)
        .await?;
        let gebruiker = self.gebruiker().await?;
        let mut tx = self.pool.begin().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO review (beoordeling_id, locatie_id, status, indiener, vervangt_id) \
             VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .bind(beoordeling.id)
        .bind(beoordeling.locatie_id)
        .bind(ReviewStatus::Concept.code())
        .bind(gebruiker.clone())
        .bind(vervangt)
        .fetch_one(&mut *tx)
        .await
        .map_err(|e| match &e {
            sqlx::Error::Database(db) if db.is_unique_violation() => al_open(None),
            _ => e.into(),
        })?;
        audit::schrijf(
            &mut tx,
            &gebruiker,
            Wijziging {
                tabel: "review",
                record: id.to_string(),
                locatie_id: beoordeling.locatie_id,
                actie: "starten",
                voor: None,
                na: json(&serde_json::json!({
                    "beoordeling_id": beoordeling.id,
                    "status": ReviewStatus::Concept,
                    "vervangt_id": vervangt,
                })),
            },
        )
        .await?;
        tx.commit().await?;
        self.review(id).await
    }

    /// concept → ter beoordeling; only a complete assessment can be submitted.
    pub async fn review_indienen(
        &self,
        review_id: i64,
        versie: i64,
        datum: NaiveDate,
    ) -> CoreResult<Review> {
        let huidig = self.review(review_id).await?;
        huidig
            .status
            .check_transition(ReviewStatus::TerBeoordeling)?;
        let beoordeling = self.beoordeling(huidig.beoordeling_id).await?;
        if let Some(reden) = beoordeling.uitslag.onvolledig.first() {
            return Err(CoreError::validatie(
                "beoordeling",
                "fout.storage_reviews.beoordeling_onvolledig_niet_ingediend",
            )
            .met("reden", &reden));
        }
        if huidig.versie != versie {
            return Err(conflict());
        }
        let gebruiker = self.gebruiker().await?;
        let mut tx = self.pool.begin().await?;
        let gewijzigd = sqlx::query(
            "UPDATE review SET status = $1, ingediend_op = $2, versie = versie + 1 \
             WHERE id = $3 AND versie = $4 AND status = $5",
        )
        .bind(ReviewStatus::TerBeoordeling.code())
        .bind(datum_in(datum))
        .bind(review_id)
        .bind(versie)
        .bind(ReviewStatus::Concept.code())
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if gewijzigd == 0 {
            return Err(conflict());
        }
        audit::schrijf(
            &mut tx,
            &gebruiker,
            Wijziging {
                tabel: "review",
                record: review_id.to_string(),
                locatie_id: huidig.locatie_id,
                actie: "indienen",
                voor: stand(&huidig),
                na: json(&serde_json::json!({
                    "status": ReviewStatus::TerBeoordeling,
                    "ingediend_op": datum,
                })),
            },
        )
        .await?;
        tx.commit().await?;
        self.review(review_id).await
    }

    /// ter beoordeling → besloten, by someone other than the assessor (four-eyes rule).
    pub async fn review_besluiten(&self, invoer: &BesluitInvoer) -> CoreResult<Review> {
        let huidig = self.review(invoer.review_id).await?;
        huidig.status.check_transition(ReviewStatus::Besloten)?;
        let gebruiker = self.gebruiker().await?;
        vier_ogen(&huidig.opsteller, &gebruiker)?;
        if huidig
            .ingediend_op
            .is_some_and(|ingediend| invoer.besluitdatum < ingediend)
        {
            return Err(CoreError::validatie(
                "besluitdatum",
                "fout.storage_reviews.besluitdatum_ligt_datum_waarop",
            ));
        }
        let toelichting = invoer.toelichting.trim();
        if invoer.besluit != Besluit::Akkoord && toelichting.is_empty() {
            return Err(CoreError::validatie(
                "toelichting",
                "fout.storage_reviews.licht_afwijzing_aanhouding_toe",
            ));
        }
        if huidig.versie != invoer.versie {
            return Err(conflict());
        }
        let mut tx = self.pool.begin().await?;
        let gewijzigd = sqlx::query(
            "UPDATE review SET status = $1, besluit = $2, beoordelaar = $3, besluitdatum = $4, \
             toelichting = $5, versie = versie + 1 WHERE id = $6 AND versie = $7 AND status = $8",
        )
        .bind(ReviewStatus::Besloten.code())
        .bind(invoer.besluit.code())
        .bind(gebruiker.clone())
        .bind(datum_in(invoer.besluitdatum))
        .bind(toelichting.to_owned())
        .bind(invoer.review_id)
        .bind(invoer.versie)
        .bind(ReviewStatus::TerBeoordeling.code())
        .execute(&mut *tx)
        .await
        .map_err(besluit_fout)?
        .rows_affected();
        if gewijzigd == 0 {
            return Err(conflict());
        }
        audit::schrijf(
            &mut tx,
            &gebruiker,
            Wijziging {
                tabel: "review",
                record: invoer.review_id.to_string(),
                locatie_id: huidig.locatie_id,
                actie: "besluiten",
                voor: stand(&huidig),
                na: json(invoer),
            },
        )
        .await?;
        tx.commit().await?;
        self.review(invoer.review_id).await
    }

    /// Adds a comment to a review that is not decided yet.
    pub async fn review_opmerking(&self, review_id: i64, tekst: &str) -> CoreResult<Review> {
        let huidig = self.open_review(review_id).await?;
        let tekst = tekst.trim();
        if tekst.is_empty() || tekst.chars().count() > 4000 {
            return Err(CoreError::validatie(
                "tekst",
                "fout.storage_reviews.schrijf_opmerking_hoogstens_4000",
            ));
        }
        let gebruiker = self.gebruiker().await?;
        let mut tx = self.pool.begin().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO review_opmerking (review_id, tijdstip, gebruiker, tekst) \
             VALUES ($1, $2, $3, $4) RETURNING id",
        )
        .bind(review_id)
        .bind(nu())
        .bind(gebruiker.clone())
        .bind(tekst.to_owned())
        .fetch_one(&mut *tx)
        .await?;
        audit::schrijf(
            &mut tx,
            &gebruiker,
            Wijziging {
                tabel: "review_opmerking",
                record: id.to_string(),
                locatie_id: huidig.locatie_id,
                actie: "toevoegen",
                voor: None,
                na: json(&serde_json::json!({ "review_id": review_id, "tekst": tekst })),
            },
        )
        .await?;
        tx.commit().await?;
        self.review(review_id).await
    }

    /// Attaches a file to a review that is not decided yet: its path and SHA-256 are kept.
    pub async fn review_bijlage(&self, review_id: i64, pad: &Path) -> CoreResult<Review> {
        let huidig = self.open_review(review_id).await?;
        let (sha256, bytes) = sha256_van_bestand(pad)?;
        let pad = pad.display().to_string();
        let gebruiker = self.gebruiker().await?;
        let mut tx = self.pool.begin().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO review_bijlage (review_id, pad, sha256, bytes, tijdstip, gebruiker) \
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        )
        .bind(review_id)
        .bind(pad.clone())
        .bind(sha256.clone())
        .bind(bytes)
        .bind(nu())
        .bind(gebruiker.clone())
        .fetch_one(&mut *tx)
        .await?;
        audit::schrijf(
            &mut tx,
            &gebruiker,
            Wijziging {
                tabel: "review_bijlage",
                record: id.to_string(),
                locatie_id: huidig.locatie_id,
                actie: "toevoegen",
                voor: None,
                na: json(&serde_json::json!({
                    "review_id": review_id, "pad": pad, "sha256": sha256, "bytes": bytes,
                })),
            },
        )
        .await?;
        tx.commit().await?;
        self.review(review_id).await
    }

    /// A review with its comments and attachments.
    pub async fn review(&self, id: i64) -> CoreResult<Review> {
        let sql = format!(
            "SELECT {REVIEW_KOLOMMEN} FROM review r \
             JOIN beoordeling b ON b.id = r.beoordeling_id WHERE r.id = $1"
        );
        let row = sqlx::query(&sql)
            .bind(id)
            .fetch_optional(&self.pool)
            .await?
            .ok_or_else(|| {
                CoreError::niet_gevonden("fout.storage_reviews.review_bestaat_niet").met("id", &id)
            })?;
        let mut review = review_uit(&row)?;
        let rows = sqlx::query(
            "SELECT id, tijdstip, gebruiker, tekst FROM review_opmerking \
             WHERE review_id = $1 ORDER BY id",
        )
        .bind(id)
        .fetch_all(&self.pool)
        .await?;
        for r in &rows {
            review.opmerkingen.push(Opmerking {
                id: r.try_get("id")?,
                tijdstip: r.try_get("tijdstip")?,
                gebruiker: r.try_get("gebruiker")?,
                tekst: r.try_get("tekst")?,
            });
        }
        let rows = sqlx::query(
            "SELECT id, pad, sha256, bytes, tijdstip, gebruiker FROM review_bijlage \
             WHERE review_id = $1 ORDER BY id",
        )
        .bind(id)
        .fetch_all(&self.pool)
        .await?;
        for r in &rows {
            review.bijlagen.push(Bijlage {
                id: r.try_get("id")?,
                pad: r.try_get("pad")?,
                sha256: r.try_get("sha256")?,
                bytes: r.try_get("bytes")?,
                tijdstip: r.try_get("tijdstip")?,
                gebruiker: r.try_get("gebruiker")?,
            });
        }
        Ok(review)
    }

    /// The reviews of a location, newest first: its review history.
    pub async fn reviews(&self, locatie_id: i64) -> CoreResult<Vec<Review>> {
        let ids: Vec<i64> =
            sqlx::query_scalar("SELECT id FROM review WHERE locatie_id = $1 ORDER BY id DESC")
                .bind(locatie_id)
                .fetch_all(&self.pool)
                .await?;
        let mut reviews = Vec::with_capacity(ids.len());
        for id in ids {
            reviews.push(self.review(id).await?);
        }
        Ok(reviews)
    }

    /// The review, or the Dutch refusal for changing a decided one.
    async fn open_review(&self, id: i64) -> CoreResult<Review> {
        let review = self.review(id).await?;
        if review.status == ReviewStatus::Besloten {
            return Err(CoreError::validatie(
                "status",
                "fout.storage_reviews.review_besloten_besluit_niet",
            ));
        }
        Ok(review)
    }
}

#[cfg(test)]
mod tests;
