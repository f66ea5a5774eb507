//! SQL for capacity planning: saved scenarios, normbedragen and approved conversions.

use std::collections::HashMap;

use chrono::NaiveDate;
use sqlx::any::AnyRow;
use sqlx::Row;

use super::audit::zonder_locatie as audit;
use super::{datum_in, datum_uit, Db};
use crate::error::{CoreError, CoreResult};
use crate::locations::{Financiering, LocatieFilter};
use crate::planning::{
    is_ingebouwd, voorbeeld_booo_2022, Normbedrag, NormbedragInvoer, OmbouwGegevens,
    OpgeslagenScenario, Scenario,
};
use crate::reviews::Besluit;
use crate::suitability::{CriteriumScore, PortefeuilleFilter};

const SCENARIO_KOLOMMEN: &str = "id, naam, parameters, aangemaakt, aangemaakt_door, gewijzigd, \
    gewijzigd_door, versie";
const NORMBEDRAG_KOLOMMEN: &str =
    "id, regeling, geldig_vanaf, bedrag_cent, toelichting, historisch, versie";

fn nu() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

fn scenario_uit(row: &AnyRow) -> CoreResult<OpgeslagenScenario> {
    let tekst: String = row.try_get("parameters")?;
    let mut scenario: Scenario = serde_json::from_str(&tekst).map_err(|e| {
        CoreError::database("fout.storage_planning.onleesbaar_scenario_kolom_parameters")
            .met("fout", &e)
    })?;
    scenario.naam = row.try_get("naam")?;
    Ok(OpgeslagenScenario {
        id: Some(row.try_get("id")?),
        ingebouwd: false,
        scenario,
        aangemaakt: Some(row.try_get("aangemaakt")?),
        aangemaakt_door: Some(row.try_get("aangemaakt_door")?),
        gewijzigd: Some(row.try_get("gewijzigd")?),
        gewijzigd_door: Some(row.try_get("gewijzigd_door")?),
        versie: row.try_get("versie")?,
    })
}

fn normbedrag_uit(row: &AnyRow) -> CoreResult<Normbedrag> {
    let code: String = row.try_get("regeling")?;
    Ok(Normbedrag {
        id: row.try_get("id")?,
        regeling: Financiering::from_code(&code).ok_or_else(|| {
            CoreError::database("fout.storage_planning.onbekende_regeling_database")
                .met("code", &(format!("{:?}", code)))
        })?,
        geldig_vanaf: datum_uit(&row.try_get::<String, _>("geldig_vanaf")?)?,
        bedrag_cent: row.try_get("bedrag_cent")?,
        toelichting: row.try_get("toelichting")?,
        historisch: row.try_get::<i64, _>("historisch")? != 0,
        versie: row.try_get("versie")?,
    })
}

fn json(waarde: &impl serde::Serialize) -> Option<String> {
    Some(serde_json::to_string(waarde).expect("planning records serialize"))
}

fn scenario_conflict() -> CoreError {
    CoreError::conflict("fout.storage_planning.scenario_intussen_door_iemand")
}

fn normbedrag_conflict() -> CoreError {
    CoreError::conflict("fout.storage_planning.normbedrag_intussen_door_iemand")
}

impl Db {
    /// The built-in scenarios, then the saved ones by name.
    pub async fn scenarios(&self) -> CoreResult<Vec<OpgeslagenScenario>> {
        let sql = format!("SELECT {SCENARIO_KOLOMMEN} FROM scenario ORDER BY naam");
        let rows = sqlx::query(&sql).fetch_all(&self.pool).await?;
        let mut uit = OpgeslagenScenario::ingebouwd();
        for row in &rows {
            uit.push(scenario_uit(row)?);
        }
        Ok(uit)
    }

    /// A scenario by name: a built-in one or a saved one.
    pub async fn scenario_laden(&self, naam: &str) -> CoreResult<Scenario> {
        if is_ingebouwd(naam) {
            return Scenario::met_naam(naam);
        }
        let sql = format!("SELECT {SCENARIO_KOLOMMEN} FROM scenario WHERE naam = $1");
        match sqlx::query(&sql)
            .bind(naam.trim().to_owned())
            .fetch_optional(&self.pool)
            .await?
        {
            Some(row) => Ok(scenario_uit(&row)?.scenario),
            None => {
                let namen: Vec<String> = self
                    .scenarios()
                    .await?
                    .into_iter()
                    .map(|s| s.scenario.naam)
                    .collect();
                Err(
                    CoreError::niet_gevonden("fout.storage_planning.scenario_bestaat_niet_kies")
                        .met("naam", &(format!("{:?}", naam)))
                        .met("namen", &namen.join(", ")),
                )
            }
        }
    }

    async fn opgeslagen_scenario(&self, id: i64) -> CoreResult<OpgeslagenScenario> {
        let sql = format!("SELECT {SCENARIO_KOLOMMEN} FROM scenario WHERE id = $1");
        let row = sqlx::query(&sql)
            .bind(id)
            .fetch_optional(&self.pool)
            .await?
            .ok_or_else(|| {
                CoreError::niet_gevonden("fout.storage_planning.scenario_bestaat_niet")
                    .met("id", &id)
            })?;
        scenario_uit(&row)
    }

    /// Saves a scenario: a new one when `id` is `None`, else the saved scenario `id` at version
    /// `versie` (a different version is a conflict). Names are unique and built-in names are
    /// reserved.
    pub async fn scenario_opslaan(
        &self,
        scenario: &Scenario,
        id: Option<i64>,
        versie: i64,
    ) -> CoreResult<OpgeslagenScenario> {
        let mut scenario = scenario.clone();
        scenario.naam = scenario.naam.trim().to_owned();
        scenario.valideer()?;
        if is_ingebouwd(&scenario.naam) {
            return Err(CoreError::validatie(
                "naam",
                "fout.storage_planning.naam_ingebouwd_scenario_kies",
            )
            .met("naam", &(format!("{:?}", scenario.naam))));
        }
        let dubbel: Option<i64> = sqlx::query_scalar("SELECT id FROM scenario WHERE naam = $1")
            .bind(scenario.naam.clone())
            .fetch_optional(&self.pool)
            .await?;
        if dubbel.is_some_and(|d| Some(d) != id) {
            return Err(CoreError::validatie(
                "naam",
                "fout.storage_planning.bestaat_scenario_naam_kies",
            )
            .met("naam", &(format!("{:?}", scenario.naam))));
        }
        let gebruiker = self.gebruiker().await?;
        let parameters = serde_json::to_string(&scenario).expect("a scenario serialises");
        let mut tx = self.pool.begin().await?;
        let id = match id {
            None => {
                let nu = nu();
                let id: i64 = sqlx::query_scalar(
                    "INSERT INTO scenario (naam, beschrijving, parameters, aangemaakt, \
                     aangemaakt_door, gewijzigd, gewijzigd_door) \
                     VALUES ($1, $2, $3, $4, $5, $4, $5) RETURNING id",
                )
                .bind(scenario.naam.clone())
                .bind(scenario.beschrijving.clone())
                .bind(parameters)
                .bind(nu)
                .bind(gebruiker.clone())
                .fetch_one(&mut *tx)
                .await?;
                audit(
                    &mut tx,
                    &gebruiker,
                    "scenario",
                    id,
                    "toevoegen",
                    None,
                    json(&scenario),
                )
                .await?;
                id
            }
            Some(id) => {
                let voor = self.opgeslagen_scenario(id).await?;
                let gewijzigd = sqlx::query(
                    "UPDATE scenario SET naam = $1, beschrijving = $2, parameters = $3, \
                     gewijzigd = $4, gewijzigd_door = $5, versie = versie + 1 \
                     WHERE id = $6 AND versie = $7",
                )
                .bind(scenario.naam.clone())
                .bind(scenario.beschrijving.clone())
                .bind(parameters)
                .bind(nu())
                .bind(gebruiker.clone())
                .bind(id)
                .bind(versie)
                .execute(&mut *tx)
                .await?;
                if gewijzigd.rows_affected() != 1 {
                    return Err(scenario_conflict());
                }
                audit(
                    &mut tx,
                    &gebruiker,
                    "scenario",
                    id,
                    "wijzigen",
                    json(&voor.scenario),
                    json(&scenario),
                )
                .await?;
                id
            }
        };
        tx.commit().await?;
        self.opgeslagen_scenario(id).await
    }

    /// Deletes saved scenario `id` at version `versie`.
    pub async fn scenario_verwijderen(&self, id: i64, versie: i64) -> CoreResult<()> {
        let voor = self.opgeslagen_scenario(id).await?;
        let gebruiker = self.gebruiker().await?;
        let mut tx = self.pool.begin().await?;
        let weg = sqlx::query("DELETE FROM scenario WHERE id = $1 AND versie = $2")
            .bind(id)
            .bind(versie)
            .execute(&mut *tx)
            .await?;
        if weg.rows_affected() != 1 {
            return Err(scenario_conflict());
        }
        audit(
            &mut tx,
            &gebruiker,
            "scenario",
            id,
            "verwijderen",
            json(&voor.scenario),
            None,
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// All normbedragen by scheme and start date.
    pub async fn normbedragen(&self) -> CoreResult<Vec<Normbedrag>> {
        let sql =
            format!("SELECT {NORMBEDRAG_KOLOMMEN} FROM normbedrag ORDER BY regeling, geldig_vanaf");
        let rows = sqlx::query(&sql).fetch_all(&self.pool).await?;
        rows.iter().map(normbedrag_uit).collect()
    }

    async fn normbedrag(&self, id: i64) -> CoreResult<Normbedrag> {
        let sql = format!("SELECT {NORMBEDRAG_KOLOMMEN} FROM normbedrag WHERE id = $1");
        let row = sqlx::query(&sql)
            .bind(id)
            .fetch_optional(&self.pool)
            .await?
            .ok_or_else(normbedrag_conflict)?;
        normbedrag_uit(&row)
    }

    /// Saves a normbedrag: new when `id` is `None`, else normbedrag `id` at version `versie`.
    /// One rate per scheme and start date. A saved rate is the user's own, not historic.
    pub async fn normbedrag_opslaan(
        &self,
        invoer: &NormbedragInvoer,
        id: Option<i64>,
        versie: i64,
    ) -> CoreResult<Normbedrag> {
        invoer.valideer()?;
        self.normbedrag_schrijven(invoer, id, versie, false).await
    }

    async fn normbedrag_schrijven(
        &self,
        invoer: &NormbedragInvoer,
        id: Option<i64>,
        versie: i64,
        historisch: bool,
    ) -> CoreResult<Normbedrag> {
        let dubbel: Option<i64> = sqlx::query_scalar(
            "SELECT id FROM normbedrag WHERE regeling = $1 AND geldig_vanaf = $2",
        )
        .bind(invoer.regeling.code())
        .bind(datum_in(invoer.geldig_vanaf))
        .fetch_optional(&self.pool)
        .await?;
        if dubbel.is_some_and(|d| Some(d) != id) {
            return Err(CoreError::validatie(
                "geldig_vanaf",
                "fout.storage_planning.regeling_bestaat_normbedrag_ingangsdatum",
            ));
        }
        let gebruiker = self.gebruiker().await?;
        let mut tx = self.pool.begin().await?;
        let id = match id {
            None => {
                let id: i64 = sqlx::query_scalar(
                    "INSERT INTO normbedrag (regeling, geldig_vanaf, bedrag_cent, toelichting, \
                     historisch) VALUES ($1, $2, $3, $4, $5) RETURNING id",
                )
                .bind(invoer.regeling.code())
                .bind(datum_in(invoer.geldig_vanaf))
                .bind(invoer.bedrag_cent)
                .bind(invoer.toelichting.trim().to_owned())
                .bind(i64::from(historisch))
                .fetch_one(&mut *tx)
                .await?;
                audit(
                    &mut tx,
                    &gebruiker,
                    "normbedrag",
                    id,
                    "toevoegen",
                    None,
                    json(invoer),
                )
                .await?;
                id
            }
            Some(id) => {
                let voor: Normbedrag = self.normbedrag(id).await?;
                let gewijzigd = sqlx::query(
                    "UPDATE normbedrag SET regeling = $1, geldig_vanaf = $2, bedrag_cent = $3, \
                     toelichting = $4, historisch = $5, versie = versie + 1 \
                     WHERE id = $6 AND versie = $7",
                )
                .bind(invoer.regeling.code())
                .bind(datum_in(invoer.geldig_vanaf))
                .bind(invoer.bedrag_cent)
                .bind(invoer.toelichting.trim().to_owned())
                .bind(i64::from(historisch))
                .bind(id)
                .bind(versie)
                .execute(&mut *tx)
                .await?;
                if gewijzigd.rows_affected() != 1 {
                    return Err(normbedrag_conflict());
                }
                audit(
                    &mut tx,
                    &gebruiker,
                    "normbedrag",
                    id,
                    "wijzigen",
                    json(&voor),
                    json(invoer),
                )
                .await?;
                id
            }
        };
        tx.commit().await?;
        self.normbedrag(id).await
    }

    /// Deletes normbedrag `id` at version `versie`.
    pub async fn normbedrag_verwijderen(&self, id: i64, versie: i64) -> CoreResult<()> {
        let voor: Normbedrag = self.normbedrag(id).await?;
        let gebruiker = self.gebruiker().await?;
        let mut tx = self.pool.begin().await?;
        let weg = sqlx::query("DELETE FROM normbedrag WHERE id = $1 AND versie = $2")
            .bind(id)
            .bind(versie)
            .execute(&mut *tx)
            .await?;
        if weg.rows_affected() != 1 {
            return Err(normbedrag_conflict());
        }
        audit(
            &mut tx,
            &gebruiker,
            "normbedrag",
            id,
            "verwijderen",
            json(&voor),
            None,
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Loads the historic BOOO rates of 2022 as examples (marked historic); a rate already
    /// present for the same scheme and start date is left as it is. Returns how many were added.
    pub async fn voorbeeld_booo_2022_laden(&self) -> CoreResult<usize> {
        let mut toegevoegd = 0;
        for invoer in voorbeeld_booo_2022() {
            let bestaat: Option<i64> = sqlx::query_scalar(
                "SELECT id FROM normbedrag WHERE regeling = $1 AND geldig_vanaf = $2",
            )
            .bind(invoer.regeling.code())
            .bind(datum_in(invoer.geldig_vanaf))
            .fetch_optional(&self.pool)
            .await?;
            if bestaat.is_none() {
                self.normbedrag_schrijven(&invoer, None, 0, true).await?;
                toegevoegd += 1;
            }
        }
        Ok(toegevoegd)
    }

    /// What the plan optimiser needs per location: its yearly costs, whether it may convert
    /// (assessed suitable or approved) and its latest *ombouwkosten* score.
    pub async fn ombouw_gegevens(&self) -> CoreResult<HashMap<i64, OmbouwGegevens>> {
        let mut uit: HashMap<i64, OmbouwGegevens> = HashMap::new();
        for l in self.locaties(&LocatieFilter::default()).await? {
            uit.insert(
                l.id,
                OmbouwGegevens {
                    kosten_per_jaar: l.gegevens.kosten_per_jaar,
                    ..OmbouwGegevens::default()
                },
            );
        }
        let portefeuille = self.portefeuille(&PortefeuilleFilter::default()).await?;
        for regel in &portefeuille.regels {
            let g = uit.entry(regel.locatie_id).or_default();
            g.ombouwbaar = regel.ombouwbaar() || regel.besluit == Some(Besluit::Akkoord);
            if let Some(id) = regel.beoordeling_id {
                let scores: Option<String> =
                    sqlx::query_scalar("SELECT scores FROM beoordeling WHERE id = $1")
                        .bind(id)
                        .fetch_optional(&self.pool)
                        .await?;
                let scores: Vec<CriteriumScore> = scores
                    .and_then(|s| serde_json::from_str(&s).ok())
                    .unwrap_or_default();
                g.ombouwkosten_score = scores
                    .iter()
                    .find(|s| s.sleutel == "ombouwkosten")
                    .and_then(|s| s.score);
            }
        }
        Ok(uit)
    }

    /// Per location, the decision date of its standing approved conversion review (*akkoord*,
    /// not superseded).
    pub async fn ombouw_akkoorden(&self) -> CoreResult<HashMap<i64, NaiveDate>> {
        let rows = sqlx::query(
            "SELECT r.locatie_id, MAX(r.besluitdatum) AS besluitdatum FROM review r \
             WHERE r.status = 'besloten' AND r.besluit = 'akkoord' \
               AND r.besluitdatum IS NOT NULL \
               AND NOT EXISTS (SELECT 1 FROM review n WHERE n.vervangt_id = r.id) \
             GROUP BY r.locatie_id",
        )
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok((
                    r.try_get("locatie_id")?,
                    datum_uit(&r.try_get::<String, _>("besluitdatum")?)?,
                ))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::planning::Bereik;
    use crate::storage::testdb::beide_backends;
    use crate::ErrorCode;

    beide_backends!(
        async fn scenarios_save_load_rename_and_delete_with_versions(db) {
            let lijst = db.scenarios().await.unwrap();
            assert_eq!(lijst.len(), 3);
            assert!(lijst.iter().all(|s| s.ingebouwd && s.id.is_none()));
            assert_eq!(db.scenario_laden("standaard").await.unwrap(), Scenario::standaard());

            let mut s = Scenario::standaard();
            s.naam = "  Krimp 2027 ".into();
            s.overgang.maanden = Bereik::van(3, 9);
            let opgeslagen = db.scenario_opslaan(&s, None, 0).await.unwrap();
            assert_eq!(opgeslagen.scenario.naam, "Krimp 2027");
            assert_eq!(opgeslagen.versie, 1);
            assert!(!opgeslagen.ingebouwd);
            let id = opgeslagen.id.unwrap();
            let geladen = db.scenario_laden("Krimp 2027").await.unwrap();
            assert_eq!(geladen.overgang.maanden, Bereik::van(3, 9));
            assert_eq!(db.scenarios().await.unwrap().len(), 4);

            // Unique names; built-in names are reserved.
            let err = db.scenario_opslaan(&s, None, 0).await.unwrap_err();
            assert_eq!(err.field.as_deref(), Some("naam"));
            let mut ingebouwd = s.clone();
            ingebouwd.naam = "Hoge-instroom".into();
            let err = db.scenario_opslaan(&ingebouwd, None, 0).await.unwrap_err();
            assert_eq!(err.field.as_deref(), Some("naam"));

            // Optimistic locking on change and delete.
            s.naam = "Krimp 2028".into();
            let v2 = db.scenario_opslaan(&s, Some(id), 1).await.unwrap();
            assert_eq!(v2.versie, 2);
            let err = db.scenario_opslaan(&s, Some(id), 1).await.unwrap_err();
            assert_eq!(err.code, ErrorCode::Conflict);
            let err = db.scenario_verwijderen(id, 1).await.unwrap_err();
            assert_eq!(err.code, ErrorCode::Conflict);
            let err = db.scenario_laden("Krimp 2027").await.unwrap_err();
            assert_eq!(err.code, ErrorCode::NietGevonden);
            db.scenario_verwijderen(id, 2).await.unwrap();
            assert_eq!(db.scenarios().await.unwrap().len(), 3);

            // An invalid scenario is refused with its field.
            let mut fout = Scenario::standaard();
            fout.naam = "Fout".into();
            fout.ombouw_na_akkoord_maanden = Some(-1);
            let err = db.scenario_opslaan(&fout, None, 0).await.unwrap_err();
            assert_eq!(err.field.as_deref(), Some("ombouw_na_akkoord_maanden"));
        }
    );

    beide_backends!(
        async fn normbedragen_and_the_historic_booo_example(db) {
            assert!(db.normbedragen().await.unwrap().is_empty());
            assert_eq!(db.voorbeeld_booo_2022_laden().await.unwrap(), 2);
            assert_eq!(db.voorbeeld_booo_2022_laden().await.unwrap(), 0);
            let lijst = db.normbedragen().await.unwrap();
            assert_eq!(
                lijst
                    .iter()
                    .map(|n| (n.geldig_vanaf.to_string(), n.bedrag_cent, n.historisch))
                    .collect::<Vec<_>>(),
                [
                    ("2022-01-01".to_owned(), 10_000, true),
                    ("2022-10-15".to_owned(), 8_300, true)
                ]
            );
            let invoer = NormbedragInvoer {
                regeling: Financiering::Doelgroepflexibel,
                geldig_vanaf: "2026-05-01".parse().unwrap(),
                bedrag_cent: 12_345,
                toelichting: "Eigen inschatting".into(),
            };
            let n = db.normbedrag_opslaan(&invoer, None, 0).await.unwrap();
            assert!(!n.historisch);
            let err = db.normbedrag_opslaan(&invoer, None, 0).await.unwrap_err();
            assert_eq!(err.field.as_deref(), Some("geldig_vanaf"));
            let mut hoger = invoer.clone();
            hoger.bedrag_cent = 13_000;
            let n2 = db.normbedrag_opslaan(&hoger, Some(n.id), n.versie).await.unwrap();
            assert_eq!((n2.bedrag_cent, n2.versie), (13_000, 2));
            let err = db.normbedrag_opslaan(&hoger, Some(n.id), 1).await.unwrap_err();
            assert_eq!(err.code, ErrorCode::Conflict);
            let mut negatief = invoer.clone();
            negatief.bedrag_cent = -1;
            let err = db.normbedrag_opslaan(&negatief, None, 0).await.unwrap_err();
            assert_eq!(err.field.as_deref(), Some("bedrag_cent"));
            db.normbedrag_verwijderen(n.id, 2).await.unwrap();
            assert_eq!(db.normbedragen().await.unwrap().len(), 2);
        }
    );
}
