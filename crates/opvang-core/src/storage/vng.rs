//! SQL for the VNG report: locations whose municipality code is not in the division in force,
//! and the report files received from municipalities for the aggregated view.

use sha2::{Digest, Sha256};
use sqlx::Row;

use super::audit::{json, zonder_locatie as audit};
use super::{datum_in, datum_uit, Db};
use crate::error::{CoreError, CoreResult};
use crate::reports::vng::aggregatie::{
    rijen_lezen, samenvoegen, OntvangenOverzicht, OntvangenRapport, Ontvangst,
};
use crate::reports::vng::tabel::GelezenRijen;
use crate::reports::vng::VngRij;

const ONTVANGEN_KOLOMMEN: &str = "id, bestand, sha256, peildatum, rijen, ontvangen, ontvangen_door";

fn nu() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// A stored report file with its rows.
fn ontvangen_uit(row: &sqlx::any::AnyRow) -> CoreResult<(OntvangenRapport, Vec<VngRij>)> {
    let tekst: String = row.try_get("rijen")?;
    let rijen: Vec<VngRij> = serde_json::from_str(&tekst).map_err(|e| {
        CoreError::database("fout.storage_vng.onleesbaar_ontvangen_rapport").met("fout", &e)
    })?;
    let mut gemeenten: Vec<&str> = rijen.iter().map(|r| r.gemeente_code.as_str()).collect();
    gemeenten.sort_unstable();
    gemeenten.dedup();
    Ok((
        OntvangenRapport {
            id: row.try_get("id")?,
            bestand: row.try_get("bestand")?,
            sha256: row.try_get("sha256")?,
            peildatum: datum_uit(&row.try_get::<String, _>("peildatum")?)?,
            gemeenten: gemeenten.len() as i64,
            ontvangen: row.try_get("ontvangen")?,
            ontvangen_door: row.try_get("ontvangen_door")?,
        },
        rijen,
    ))
}

/// What the audit log keeps of a received report: which file, which peildatum, how many rows.
fn samenvatting(rapport: &OntvangenRapport) -> Option<String> {
    json(&serde_json::json!({
        "bestand": rapport.bestand,
        "sha256": rapport.sha256,
        "peildatum": rapport.peildatum,
        "gemeenten": rapport.gemeenten,
    }))
}

/// A location the as-of state leaves out because its municipality is unknown (e.g. after a merger).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OnbekendeGemeenteLocatie {
    pub locatie_id: i64,
    pub naam: String,
    pub gemeente_code: String,
}

impl Db {
    /// Locations whose municipality code is not in the newest shipped division, by code and name.
    pub async fn locaties_met_onbekende_gemeente(
        &self,
    ) -> CoreResult<Vec<OnbekendeGemeenteLocatie>> {
        let rows = sqlx::query(
            "SELECT l.id, l.naam, l.gemeente_code FROM locatie l \
             WHERE NOT EXISTS (SELECT 1 FROM gemeente_actueel g WHERE g.code = l.gemeente_code) \
             ORDER BY l.gemeente_code, l.naam",
        )
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(OnbekendeGemeenteLocatie {
                    locatie_id: r.try_get("id")?,
                    naam: r.try_get("naam")?,
                    gemeente_code: r.try_get("gemeente_code")?,
                })
            })
            .collect()
    }
}

impl Db {
    /// Receives VNG report files (name, bytes) for the aggregated view, in one transaction:
    /// every file is read first and the first malformed one refuses the whole batch; a file
    /// whose bytes were received before is skipped.
    pub async fn vng_ontvangen_toevoegen(
        &self,
        bestanden: &[(String, Vec<u8>)],
    ) -> CoreResult<Ontvangst> {
        let gelezen = rijen_lezen(bestanden)?;
        let gebruiker = self.gebruiker().await?;
        let mut tx = self.pool.begin().await?;
        let mut ontvangst = Ontvangst {
            toegevoegd: 0,
            al_ontvangen: 0,
        };
        for ((naam, rijen), (_, bytes)) in gelezen.iter().zip(bestanden) {
            let sha256 = format!("{:x}", Sha256::digest(bytes));
            let bestaand: Option<i64> =
                sqlx::query_scalar("SELECT id FROM vng_ontvangen WHERE sha256 = $1")
                    .bind(sha256.clone())
                    .fetch_optional(&mut *tx)
                    .await?;
            if bestaand.is_some() {
                ontvangst.al_ontvangen += 1;
                continue;
            }
            let ontvangen = nu();
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO vng_ontvangen (bestand, sha256, peildatum, rijen, ontvangen, \
                 ontvangen_door) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
            )
            .bind(naam.clone())
            .bind(sha256.clone())
            .bind(datum_in(rijen.peildatum))
            .bind(serde_json::to_string(&rijen.rijen).expect("report rows serialize"))
            .bind(ontvangen.clone())
            .bind(gebruiker.clone())
            .fetch_one(&mut *tx)
            .await?;
            let mut gemeenten: Vec<&str> = rijen
                .rijen
                .iter()
                .map(|r| r.gemeente_code.as_str())
                .collect();
            gemeenten.sort_unstable();
            gemeenten.dedup();
            let rapport = OntvangenRapport {
                id,
                bestand: naam.clone(),
                sha256,
                peildatum: rijen.peildatum,
                gemeenten: gemeenten.len() as i64,
                ontvangen,
                ontvangen_door: gebruiker.clone(),
            };
            audit(
                &mut tx,
                &gebruiker,
                "vng_ontvangen",
                id,
                "toevoegen",
                None,
                samenvatting(&rapport),
            )
            .await?;
            ontvangst.toegevoegd += 1;
        }
        tx.commit().await?;
        Ok(ontvangst)
    }

    /// The received report files (newest peildatum first, then by file name) and the
    /// aggregated view they make; conflicting reports are shown, never merged.
    pub async fn vng_ontvangen(&self) -> CoreResult<OntvangenOverzicht> {
        let sql = format!(
            "SELECT {ONTVANGEN_KOLOMMEN} FROM vng_ontvangen ORDER BY peildatum DESC, bestand, id"
        );
        let rows = sqlx::query(&sql).fetch_all(&self.pool).await?;
        let mut bestanden = Vec::with_capacity(rows.len());
        let mut gelezen = Vec::with_capacity(rows.len());
        for row in &rows {
            let (rapport, rijen) = ontvangen_uit(row)?;
            gelezen.push((
                rapport.bestand.clone(),
                GelezenRijen {
                    peildatum: rapport.peildatum,
                    rijen,
                },
            ));
            bestanden.push(rapport);
        }
        Ok(OntvangenOverzicht {
            bestanden,
            aggregatie: samenvoegen(&gelezen, &nu()),
        })
    }

    /// Removes received report file `id` (e.g. the wrong one of a conflict).
    pub async fn vng_ontvangen_verwijderen(&self, id: i64) -> CoreResult<()> {
        let gebruiker = self.gebruiker().await?;
        let mut tx = self.pool.begin().await?;
        let sql = format!("SELECT {ONTVANGEN_KOLOMMEN} FROM vng_ontvangen WHERE id = $1");
        let row = sqlx::query(&sql)
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?
            .ok_or_else(|| {
                CoreError::niet_gevonden("fout.storage_vng.ontvangen_rapport_bestaat_niet")
                    .met("id", &id)
            })?;
        let (rapport, _) = ontvangen_uit(&row)?;
        sqlx::query("DELETE FROM vng_ontvangen WHERE id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        audit(
            &mut tx,
            &gebruiker,
            "vng_ontvangen",
            id,
            "verwijderen",
            samenvatting(&rapport),
            None,
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}

#[cfg(test)]
impl Db {
    /// Runs raw SQL, for tests that need data the typed functions refuse to write.
    pub(crate) async fn test_sql(&self, sql: &str, id: Option<i64>) {
        sqlx::query(sql).bind(id).execute(&self.pool).await.unwrap();
    }
}
