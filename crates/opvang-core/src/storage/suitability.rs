//! SQL for conversion suitability: criteria sets (versioned), assessments and the portfolio.

use std::collections::HashMap;

use chrono::NaiveDate;
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};

use super::audit::{self, json, Wijziging};
use super::{datum_in, datum_uit, Db};
use crate::error::{CoreError, CoreResult};
use crate::i18n;
use crate::reviews::{Besluit, ReviewStatus};
use crate::suitability::{
    in_taal, rangschikken, scoren, setnaam_in_taal, standaard_criteria, standaard_setnaam,
    valideer_scores, voorinvullen, Beoordeling, BeoordelingInvoer, Categorie, Criteriaset,
    CriteriasetInvoer, Criterium, CriteriumScore, Portefeuille, PortefeuilleFilter,
    PortefeuilleRegel,
};

const SET_KOLOMMEN: &str = "c.id, c.nummer, c.naam, c.criteria, c.aangemaakt, \
    c.aangemaakt_door, c.versie, \
    (SELECT COUNT(*) FROM beoordeling b WHERE b.criteriaset_id = c.id) AS gebruikt";

const BEOORDELING_KOLOMMEN: &str = "b.id, b.locatie_id, b.criteriaset_id, b.opsteller, b.datum, \
    b.scores, b.versie, c.nummer AS criteriaset_nummer, c.criteria, \
    (SELECT COUNT(*) FROM review r WHERE r.beoordeling_id = b.id AND r.status <> 'concept') \
    AS ingediend";

fn nu() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

fn uit_json<T: serde::de::DeserializeOwned>(kolom: &str, tekst: &str) -> CoreResult<T> {
    serde_json::from_str(tekst).map_err(|e| {
        CoreError::database("fout.storage_suitability.onleesbare_waarde_kolom_database")
            .met("kolom", &kolom)
            .met("fout", &e)
    })
}

fn naar_json(waarde: &impl serde::Serialize) -> String {
    serde_json::to_string(waarde).expect("domain records serialize")
}

/// Criteria as stored, with the default criteria's untouched texts in the active language.
fn criteria_uit(tekst: &str) -> CoreResult<Vec<Criterium>> {
    let mut criteria: Vec<Criterium> = uit_json("criteria", tekst)?;
    in_taal(&mut criteria, i18n::actieve_taal());
    Ok(criteria)
}

/// A set as shown: the default set's name and texts in the active language (see
/// [`crate::suitability::in_taal`]); what a planner wrote stays as written.
fn set_weergave(mut set: Criteriaset) -> Criteriaset {
    let taal = i18n::actieve_taal();
    setnaam_in_taal(&mut set.naam, taal);
    in_taal(&mut set.criteria, taal);
    set
}

/// A set exactly as stored.
fn set_uit(row: &AnyRow) -> CoreResult<Criteriaset> {
    Ok(Criteriaset {
        id: row.try_get("id")?,
        nummer: row.try_get("nummer")?,
        naam: row.try_get("naam")?,
        criteria: uit_json("criteria", &row.try_get::<String, _>("criteria")?)?,
        aangemaakt: row.try_get("aangemaakt")?,
        aangemaakt_door: row.try_get("aangemaakt_door")?,
        in_gebruik: row.try_get::<i64, _>("gebruikt")? > 0,
        versie: row.try_get("versie")?,
    })
}

fn beoordeling_uit(row: &AnyRow) -> CoreResult<Beoordeling> {
    let criteria = criteria_uit(&row.try_get::<String, _>("criteria")?)?;
    let scores: Vec<CriteriumScore> = uit_json("scores", &row.try_get::<String, _>("scores")?)?;
    Ok(Beoordeling {
        id: row.try_get("id")?,
        locatie_id: row.try_get("locatie_id")?,
        criteriaset_id: row.try_get("criteriaset_id")?,
        criteriaset_nummer: row.try_get("criteriaset_nummer")?,
        opsteller: row.try_get("opsteller")?,
        datum: datum_uit(&row.try_get::<String, _>("datum")?)?,
        uitslag: scoren(&criteria, &scores),
        scores,
        wijzigbaar: row.try_get::<i64, _>("ingediend")? == 0,
        versie: row.try_get("versie")?,
    })
}

/// An audit entry for a criteria set, which belongs to no location.
async fn audit_set(
    conn: &mut AnyConnection,
    gebruiker: &str,
    record: i64,
    actie: &str,
    voor: Option<String>,
    na: Option<String>,
) -> CoreResult<()> {
    super::audit::zonder_locatie(conn, gebruiker, "criteriaset", record, actie, voor, na).await
}

impl Db {
    /// Ships the default criteria set as version 1 when the database has no set yet.
    pub(super) async fn standaard_criteriaset_laden(&self) -> CoreResult<()> {
        let aantal: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM criteriaset")
            .fetch_one(&self.pool)
            .await?;
        if aantal > 0 {
            return Ok(());
        }
        sqlx::query(
            "INSERT INTO criteriaset (nummer, naam, criteria, aangemaakt, aangemaakt_door) \
             VALUES (1, $1, $2, $3, 'Opvangplanner') ON CONFLICT (nummer) DO NOTHING",
        )
        .bind(standaard_setnaam())
        .bind(naar_json(&standaard_criteria()))
        .bind(nu())
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// All criteria sets, newest version first, as shown.
    pub async fn criteriasets(&self) -> CoreResult<Vec<Criteriaset>> {
        let sql = format!("SELECT {SET_KOLOMMEN} FROM criteriaset c ORDER BY c.nummer DESC");
        let rows = sqlx::query(&sql).fetch_all(&self.pool).await?;
        rows.iter().map(|r| set_uit(r).map(set_weergave)).collect()
    }

    /// A criteria set as shown.
    pub async fn criteriaset(&self, id: i64) -> CoreResult<Criteriaset> {
        self.criteriaset_opgeslagen(id).await.map(set_weergave)
    }

    /// A criteria set exactly as stored (for the audit log).
    async fn criteriaset_opgeslagen(&self, id: i64) -> CoreResult<Criteriaset> {
        let sql = format!("SELECT {SET_KOLOMMEN} FROM criteriaset c WHERE c.id = $1");
        let row = sqlx::query(&sql)
            .bind(id)
            .fetch_optional(&self.pool)
            .await?
            .ok_or_else(|| {
                CoreError::niet_gevonden("fout.storage_suitability.criteriaset_bestaat_niet")
                    .met("id", &id)
            })?;
        set_uit(&row)
    }

    /// Saves a new version of the criteria (the next version number); old sets stay as they are.
    pub async fn criteriaset_toevoegen(
        &self,
        invoer: &CriteriasetInvoer,
    ) -> CoreResult<Criteriaset> {
        invoer.valideer()?;
        let gebruiker = self.gebruiker().await?;
        let mut tx = self.pool.begin().await?;
        let nummer: i64 =
            sqlx::query_scalar("SELECT COALESCE(MAX(nummer), 0) + 1 FROM criteriaset")
                .fetch_one(&mut *tx)
                .await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO criteriaset (nummer, naam, criteria, aangemaakt, aangemaakt_door) \
             VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .bind(nummer)
        .bind(invoer.naam.trim().to_owned())
        .bind(naar_json(&invoer.criteria))
        .bind(nu())
        .bind(gebruiker.clone())
        .fetch_one(&mut *tx)
        .await?;
        audit_set(&mut tx, &gebruiker, id, "toevoegen", None, json(invoer)).await?;
        tx.commit().await?;
        self.criteriaset(id).await
    }

    /// Edits a set no assessment has used yet; a used set is refused (save a new version).
    pub async fn criteriaset_wijzigen(
        &self,
        id: i64,
        versie: i64,
        invoer: &CriteriasetInvoer,
    ) -> CoreResult<Criteriaset> {
        invoer.valideer()?;
        let huidig = self.criteriaset_opgeslagen(id).await?;
        let in_gebruik = || {
            CoreError::validatie(
                "criteria",
                "fout.storage_suitability.criteriaset_versie_gebruikt_beoordeling",
            )
            .met("nummer", &huidig.nummer)
        };
        if huidig.in_gebruik {
            return Err(in_gebruik());
        }
        let conflict =
            || CoreError::conflict("fout.storage_suitability.criteriaset_intussen_door_iemand");
        if huidig.versie != versie {
            return Err(conflict());
        }
        let gebruiker = self.gebruiker().await?;
        let mut tx = self.pool.begin().await?;
        let gewijzigd = sqlx::query(
            "UPDATE criteriaset SET naam = $1, criteria = $2, versie = versie + 1 \
             WHERE id = $3 AND versie = $4 \
               AND NOT EXISTS (SELECT 1 FROM beoordeling b WHERE b.criteriaset_id = $3)",
        )
        .bind(invoer.naam.trim().to_owned())
        .bind(naar_json(&invoer.criteria))
        .bind(id)
        .bind(versie)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if gewijzigd == 0 {
            return Err(if self.criteriaset(id).await?.in_gebruik {
                in_gebruik()
            } else {
                conflict()
            });
        }
        let voor = CriteriasetInvoer {
            naam: huidig.naam.clone(),
            criteria: huidig.criteria.clone(),
        };
        audit_set(
            &mut tx,
            &gebruiker,
            id,
            "wijzigen",
            json(&voor),
            json(invoer),
        )
        .await?;
        tx.commit().await?;
        self.criteriaset(id).await
    }

    /// A new assessment's input pre-filled from the location's data on `datum`.
    pub async fn beoordeling_voorinvullen(
        &self,
        locatie_id: i64,
        criteriaset_id: i64,
        datum: NaiveDate,
    ) -> CoreResult<BeoordelingInvoer> {
        let locatie = self.locatie(locatie_id).await?;
        let set = self.criteriaset(criteriaset_id).await?;
        Ok(BeoordelingInvoer {
            locatie_id,
            criteriaset_id,
            datum,
            scores: voorinvullen(&set.criteria, &locatie, datum),
        })
    }

    /// Saves a new assessment; the assessor is the current user.
    pub async fn beoordeling_toevoegen(
        &self,
        invoer: &BeoordelingInvoer,
    ) -> CoreResult<Beoordeling> {
        let locatie = self.locatie(invoer.locatie_id).await?;
        let set = self.criteriaset(invoer.criteriaset_id).await?;
        valideer_scores(&set.criteria, &invoer.scores)?;
        let uitslag = scoren(&set.criteria, &invoer.scores);
        let gebruiker = self.gebruiker().await?;
        let mut tx = self.pool.begin().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO beoordeling (locatie_id, criteriaset_id, opsteller, datum, scores, \
             totaal, categorie) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        )
        .bind(locatie.id)
        .bind(set.id)
        .bind(gebruiker.clone())
        .bind(datum_in(invoer.datum))
        .bind(naar_json(&invoer.scores))
        .bind(uitslag.totaal)
        .bind(uitslag.categorie.map(Categorie::code))
        .fetch_one(&mut *tx)
        .await?;
        audit::schrijf(
            &mut tx,
            &gebruiker,
            Wijziging {
                tabel: "beoordeling",
                record: id.to_string(),
                locatie_id: locatie.id,
                actie: "toevoegen",
                voor: None,
                na: json(invoer),
            },
        )
        .await?;
        tx.commit().await?;
        self.beoordeling(id).await
    }

    /// Saves edits made on `versie` while no review of the assessment was submitted.
    pub async fn beoordeling_wijzigen(
        &self,
        id: i64,
        versie: i64,
        invoer: &BeoordelingInvoer,
    ) -> CoreResult<Beoordeling> {
        let huidig = self.beoordeling(id).await?;
        if invoer.locatie_id != huidig.locatie_id {
            return Err(CoreError::validatie(
                "locatie_id",
                "fout.storage_suitability.beoordeling_hoort_locatie_maak",
            ));
        }
        let niet_wijzigbaar = || {
            CoreError::validatie(
                "beoordeling",
                "fout.storage_suitability.beoordeling_ter_beoordeling_aangeboden",
            )
        };
        if !huidig.wijzigbaar {
            return Err(niet_wijzigbaar());
        }
        let conflict =
            || CoreError::conflict("fout.storage_suitability.beoordeling_intussen_door_iemand");
        if huidig.versie != versie {
            return Err(conflict());
        }
        let set = self.criteriaset(invoer.criteriaset_id).await?;
        valideer_scores(&set.criteria, &invoer.scores)?;
        let uitslag = scoren(&set.criteria, &invoer.scores);
        let gebruiker = self.gebruiker().await?;
        let mut tx = self.pool.begin().await?;
        let gewijzigd = sqlx::query(
            "UPDATE beoordeling SET criteriaset_id = $1, datum = $2, scores = $3, totaal = $4, \
             categorie = $5, versie = versie + 1 WHERE id = $6 AND versie = $7 \
               AND NOT EXISTS (SELECT 1 FROM review r WHERE r.beoordeling_id = $6 \
                               AND r.status <> 'concept')",
        )
        .bind(set.id)
        .bind(datum_in(invoer.datum))
        .bind(naar_json(&invoer.scores))
        .bind(uitslag.totaal)
        .bind(uitslag.categorie.map(Categorie::code))
        .bind(id)
        .bind(versie)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if gewijzigd == 0 {
            return Err(if self.beoordeling(id).await?.wijzigbaar {
                conflict()
            } else {
                niet_wijzigbaar()
            });
        }
        let voor = BeoordelingInvoer {
            locatie_id: huidig.locatie_id,
            criteriaset_id: huidig.criteriaset_id,
            datum: huidig.datum,
            scores: huidig.scores.clone(),
        };
        audit::schrijf(
            &mut tx,
            &gebruiker,
            Wijziging {
                tabel: "beoordeling",
                record: id.to_string(),
                locatie_id: huidig.locatie_id,
                actie: "wijzigen",
                voor: json(&voor),
                na: json(invoer),
            },
        )
        .await?;
        tx.commit().await?;
        self.beoordeling(id).await
    }

    pub async fn beoordeling(&self, id: i64) -> CoreResult<Beoordeling> {
        let sql = format!(
            "SELECT {BEOORDELING_KOLOMMEN} FROM beoordeling b \
             JOIN criteriaset c ON c.id = b.criteriaset_id WHERE b.id = $1"
        );
        let row = sqlx::query(&sql)
            .bind(id)
            .fetch_optional(&self.pool)
            .await?
            .ok_or_else(|| {
                CoreError::niet_gevonden("fout.storage_suitability.beoordeling_bestaat_niet")
                    .met("id", &id)
            })?;
        beoordeling_uit(&row)
    }

    /// The assessments of a location, newest first.
    pub async fn beoordelingen(&self, locatie_id: i64) -> CoreResult<Vec<Beoordeling>> {
        let sql = format!(
            "SELECT {BEOORDELING_KOLOMMEN} FROM beoordeling b \
             JOIN criteriaset c ON c.id = b.criteriaset_id WHERE b.locatie_id = $1 \
             ORDER BY b.id DESC"
        );
        let rows = sqlx::query(&sql)
            .bind(locatie_id)
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(beoordeling_uit).collect()
    }

    /// All locations ranked by the total of their latest assessment, with its category, the
    /// latest review of that assessment, and the convertible units per municipality.
    pub async fn portefeuille(&self, filter: &PortefeuilleFilter) -> CoreResult<Portefeuille> {
        let gemeente = match filter.gemeente_code.as_deref().map(str::trim) {
            Some(code) if !code.is_empty() => {
                self.gemeente_naam(code).await?;
                Some(code.to_uppercase())
            }
            _ => None,
        };
        let sets: HashMap<i64, Vec<Criterium>> = self
            .criteriasets()
            .await?
            .into_iter()
            .map(|s| (s.id, s.criteria))
            .collect();
        let rows = sqlx::query(
            "SELECT l.id, l.naam, l.gemeente_code, g.naam AS gemeente_naam, l.wooneenheden, \
                    b.id AS beoordeling_id, b.criteriaset_id, b.scores, \
                    r.status AS review_status, r.besluit \
             FROM locatie l \
             JOIN gemeente_actueel g ON g.code = l.gemeente_code \
             LEFT JOIN beoordeling b ON b.id = \
                 (SELECT MAX(b2.id) FROM beoordeling b2 WHERE b2.locatie_id = l.id) \
             LEFT JOIN review r ON r.id = \
                 (SELECT MAX(r2.id) FROM review r2 WHERE r2.beoordeling_id = b.id) \
             WHERE ($1 IS NULL OR l.gemeente_code = $1)",
        )
        .bind(gemeente)
        .fetch_all(&self.pool)
        .await?;
        let mut regels = Vec::with_capacity(rows.len());
        for row in &rows {
            let beoordeling_id: Option<i64> = row.try_get("beoordeling_id")?;
            let uitslag = match beoordeling_id {
                None => None,
                Some(_) => {
                    let set_id: i64 = row.try_get("criteriaset_id")?;
                    let criteria = sets.get(&set_id).ok_or_else(|| {
                        CoreError::database("fout.storage_suitability.criteriaset_ontbreekt")
                            .met("set_id", &set_id)
                    })?;
                    let scores: Vec<CriteriumScore> =
                        uit_json("scores", &row.try_get::<String, _>("scores")?)?;
                    Some(scoren(criteria, &scores))
                }
            };
            let status: Option<String> = row.try_get("review_status")?;
            let besluit: Option<String> = row.try_get("besluit")?;
            regels.push(PortefeuilleRegel {
                rang: None,
                locatie_id: row.try_get("id")?,
                locatie_naam: row.try_get("naam")?,
                gemeente_code: row.try_get("gemeente_code")?,
                gemeente_naam: row.try_get("gemeente_naam")?,
                wooneenheden: row.try_get("wooneenheden")?,
                beoordeling_id,
                totaal: uitslag.as_ref().and_then(|u| u.totaal),
                categorie: uitslag.as_ref().and_then(|u| u.categorie),
                knockouts: uitslag
                    .as_ref()
                    .map_or_else(Vec::new, |u| u.knockouts.clone()),
                onvolledig: uitslag.as_ref().is_some_and(|u| !u.onvolledig.is_empty()),
                review_status: status.as_deref().and_then(ReviewStatus::from_code),
                besluit: besluit.as_deref().and_then(Besluit::from_code),
            });
        }
        Ok(rangschikken(regels, filter))
    }
}

#[cfg(test)]
mod tests;
