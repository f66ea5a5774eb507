//! SQL for locations: create, edit, list, status changes and capacity periods.

use chrono::NaiveDate;
use sqlx::any::AnyRow;
use sqlx::Row;

use super::{datum_in, datum_optie_uit, datum_uit, Db};
use crate::error::{CoreError, CoreResult};
use crate::locations::{
    Beheerder, CapaciteitInvoer, CapaciteitPeriode, Financiering, Locatie, LocatieFilter,
    LocatieInvoer, LocatieStatus, LocatieType, StatusWijziging, Vergunning,
};

const LOCATIE_KOLOMMEN: &str = "l.id, l.status, l.versie, g.naam AS gemeente_naam, \
    l.gemeente_code, l.naam, l.straat, l.huisnummer, l.postcode, l.plaats, l.lat, l.lon, \
    l.bag_id, l.soort, l.beheerder, l.openingsdatum, l.einddatum, l.vergunning, l.financiering, \
    l.wooneenheden, l.eigen_voordeur, l.eigen_keuken, l.eigen_sanitair, l.vloeroppervlak, \
    l.kosten_per_jaar, l.pipeline_kans, l.notities";

fn onbekende_code(kolom: &str, code: &str) -> CoreError {
    CoreError::database(format!("Onbekende waarde {code:?} in kolom {kolom} van de database."))
}

fn locatie_uit(row: &AnyRow) -> CoreResult<Locatie> {
    let code = |kolom: &str| -> CoreResult<String> { Ok(row.try_get(kolom)?) };
    let soort = code("soort")?;
    let beheerder = code("beheerder")?;
    let status = code("status")?;
    let financiering = code("financiering")?;
    let vergunning: Option<String> = row.try_get("vergunning")?;
    Ok(Locatie {
        id: row.try_get("id")?,
        status: LocatieStatus::from_code(&status).ok_or_else(|| onbekende_code("status", &status))?,
        versie: row.try_get("versie")?,
        gemeente_naam: row.try_get("gemeente_naam")?,
        gegevens: LocatieInvoer {
            gemeente_code: row.try_get("gemeente_code")?,
            naam: row.try_get("naam")?,
            straat: row.try_get("straat")?,
            huisnummer: row.try_get("huisnummer")?,
            postcode: row.try_get("postcode")?,
            plaats: row.try_get("plaats")?,
            lat: row.try_get("lat")?,
            lon: row.try_get("lon")?,
            bag_id: row.try_get("bag_id")?,
            soort: LocatieType::from_code(&soort).ok_or_else(|| onbekende_code("soort", &soort))?,
            beheerder: Beheerder::from_code(&beheerder)
                .ok_or_else(|| onbekende_code("beheerder", &beheerder))?,
            openingsdatum: datum_optie_uit(row.try_get("openingsdatum")?)?,
            einddatum: datum_optie_uit(row.try_get("einddatum")?)?,
            vergunning: vergunning
                .map(|v| Vergunning::from_code(&v).ok_or_else(|| onbekende_code("vergunning", &v)))
                .transpose()?,
            financiering: Financiering::from_code(&financiering)
                .ok_or_else(|| onbekende_code("financiering", &financiering))?,
            wooneenheden: row.try_get("wooneenheden")?,
            eigen_voordeur: row.try_get::<i64, _>("eigen_voordeur")? != 0,
            eigen_keuken: row.try_get::<i64, _>("eigen_keuken")? != 0,
            eigen_sanitair: row.try_get::<i64, _>("eigen_sanitair")? != 0,
            vloeroppervlak: row.try_get("vloeroppervlak")?,
            kosten_per_jaar: row.try_get("kosten_per_jaar")?,
            pipeline_kans: row.try_get("pipeline_kans")?,
            notities: row.try_get("notities")?,
        },
    })
}

/// Binds the columns of `LocatieInvoer` as `$1..$23` in the order of `INVOER_KOLOMMEN`.
macro_rules! bind_invoer {
    ($query:expr, $i:expr) => {
        $query
            .bind($i.gemeente_code.trim().to_uppercase())
            .bind($i.naam.trim().to_owned())
            .bind($i.straat.trim().to_owned())
            .bind($i.huisnummer.trim().to_owned())
            .bind(crate::locations::normaliseer_postcode(&$i.postcode).unwrap_or_default())
            .bind($i.plaats.trim().to_owned())
            .bind($i.lat)
            .bind($i.lon)
            .bind($i.bag_id.clone())
            .bind($i.soort.code())
            .bind($i.beheerder.code())
            .bind($i.openingsdatum.map(datum_in))
            .bind($i.einddatum.map(datum_in))
            .bind($i.vergunning.map(|v| v.code()))
            .bind($i.financiering.code())
            .bind($i.wooneenheden)
            .bind(i64::from($i.eigen_voordeur))
            .bind(i64::from($i.eigen_keuken))
            .bind(i64::from($i.eigen_sanitair))
            .bind($i.vloeroppervlak)
            .bind($i.kosten_per_jaar)
            .bind($i.pipeline_kans)
            .bind($i.notities.clone())
    };
}

const INVOER_KOLOMMEN: &str = "gemeente_code, naam, straat, huisnummer, postcode, plaats, lat, \
    lon, bag_id, soort, beheerder, openingsdatum, einddatum, vergunning, financiering, \
    wooneenheden, eigen_voordeur, eigen_keuken, eigen_sanitair, vloeroppervlak, \
    kosten_per_jaar, pipeline_kans, notities";

fn dubbele_naam(err: CoreError, invoer: &LocatieInvoer) -> CoreError {
    if err.field.as_deref() == Some("naam") {
        CoreError::validatie(
            "naam",
            format!(
                "Er bestaat al een locatie {:?} in deze gemeente.",
                invoer.naam.trim()
            ),
        )
    } else {
        err
    }
}

impl Db {
    /// Adds a location; it starts `in_voorbereiding` on `datum` (or `in_gebruik` when it opened already).
    pub async fn locatie_toevoegen(
        &self,
        invoer: &LocatieInvoer,
        datum: NaiveDate,
    ) -> CoreResult<Locatie> {
        invoer.valideer()?;
        self.gemeente_naam(invoer.gemeente_code.trim()).await?;
        let status = match invoer.openingsdatum {
            Some(open) if open <= datum => LocatieStatus::InGebruik,
            _ => LocatieStatus::InVoorbereiding,
        };
        let mut tx = self.pool.begin().await?;
        let sql = format!(
            "INSERT INTO locatie ({INVOER_KOLOMMEN}, status) VALUES ($1, $2, $3, $4, $5, $6, $7, \
             $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24) \
             RETURNING id"
        );
        let id: i64 = bind_invoer!(sqlx::query_scalar(&sql), invoer)
            .bind(status.code())
            .fetch_one(&mut *tx)
            .await
            .map_err(|e| dubbele_naam(e.into(), invoer))?;
        sqlx::query("INSERT INTO locatie_status (locatie_id, status, vanaf) VALUES ($1, $2, $3)")
            .bind(id)
            .bind(status.code())
            .bind(datum_in(invoer.openingsdatum.unwrap_or(datum).min(datum)))
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "INSERT INTO locatie_financiering (locatie_id, financiering, vanaf) VALUES ($1, $2, $3)",
        )
        .bind(id)
        .bind(invoer.financiering.code())
        .bind(datum_in(datum))
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        self.locatie(id).await
    }

    /// Saves edits made on `versie`; a newer stored version is a conflict, a closed location refuses.
    pub async fn locatie_wijzigen(
        &self,
        id: i64,
        versie: i64,
        invoer: &LocatieInvoer,
        datum: NaiveDate,
    ) -> CoreResult<Locatie> {
        invoer.valideer()?;
        self.gemeente_naam(invoer.gemeente_code.trim()).await?;
        let huidig = self.locatie(id).await?;
        if huidig.status == LocatieStatus::Gesloten {
            return Err(CoreError::validatie(
                "status",
                format!(
                    "{} is gesloten; een gesloten locatie kan niet worden gewijzigd.",
                    huidig.gegevens.naam
                ),
            ));
        }
        let mut tx = self.pool.begin().await?;
        let sql = format!(
            "UPDATE locatie SET ({INVOER_KOLOMMEN}, versie) = ($1, $2, $3, $4, $5, $6, $7, $8, \
             $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, \
             versie + 1) WHERE id = $24 AND versie = $25"
        );
        let gewijzigd = bind_invoer!(sqlx::query(&sql), invoer)
            .bind(id)
            .bind(versie)
            .execute(&mut *tx)
            .await
            .map_err(|e| dubbele_naam(e.into(), invoer))?
            .rows_affected();
        if gewijzigd == 0 {
            return Err(CoreError::conflict(format!(
                "{} is intussen door iemand anders gewijzigd; laad de locatie opnieuw.",
                huidig.gegevens.naam
            )));
        }
        if huidig.gegevens.financiering != invoer.financiering {
            sqlx::query(
                "INSERT INTO locatie_financiering (locatie_id, financiering, vanaf) \
                 VALUES ($1, $2, $3)",
            )
            .bind(id)
            .bind(invoer.financiering.code())
            .bind(datum_in(datum))
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        self.locatie(id).await
    }

    pub async fn locatie(&self, id: i64) -> CoreResult<Locatie> {
        let sql = format!(
            "SELECT {LOCATIE_KOLOMMEN} FROM locatie l \
             JOIN gemeente_actueel g ON g.code = l.gemeente_code WHERE l.id = $1"
        );
        let row = sqlx::query(&sql)
            .bind(id)
            .fetch_optional(&self.pool)
            .await?
            .ok_or_else(|| CoreError::niet_gevonden(format!("Locatie {id} bestaat niet.")))?;
        locatie_uit(&row)
    }

    /// Locations matching the filter, sorted by municipality and name.
    pub async fn locaties(&self, filter: &LocatieFilter) -> CoreResult<Vec<Locatie>> {
        let zoek = filter
            .zoek
            .as_deref()
            .map(str::trim)
            .filter(|z| !z.is_empty())
            .map(|z| format!("%{}%", z.to_lowercase()));
        let sql = format!(
            "SELECT {LOCATIE_KOLOMMEN} FROM locatie l \
             JOIN gemeente_actueel g ON g.code = l.gemeente_code \
             WHERE ($1 IS NULL OR l.gemeente_code = $1) \
               AND ($2 IS NULL OR g.provincie_code = $2) \
               AND ($3 IS NULL OR l.status = $3) \
               AND ($4 IS NULL OR l.soort = $4) \
               AND ($5 IS NULL OR LOWER(l.naam) LIKE $5 OR LOWER(l.plaats) LIKE $5 \
                    OR LOWER(l.straat) LIKE $5) \
             ORDER BY g.naam, l.naam"
        );
        let rows = sqlx::query(&sql)
            .bind(filter.gemeente_code.clone())
            .bind(filter.provincie_code.clone())
            .bind(filter.status.map(|s| s.code()))
            .bind(filter.soort.map(|s| s.code()))
            .bind(zoek)
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(locatie_uit).collect()
    }

    /// Moves a location through its lifecycle; closing ends its open capacity period.
    pub async fn status_wijzigen(&self, wijziging: &StatusWijziging) -> CoreResult<Locatie> {
        let huidig = self.locatie(wijziging.locatie_id).await?;
        let bezet = self
            .locatie_stand(wijziging.locatie_id, wijziging.datum)
            .await?
            .map_or(0, |s| s.bezet);
        huidig
            .status
            .check_transition(wijziging.nieuwe_status, bezet, &wijziging.reden)?;
        let mut tx = self.pool.begin().await?;
        let gewijzigd = sqlx::query(
            "UPDATE locatie SET status = $1, versie = versie + 1 WHERE id = $2 AND versie = $3",
        )
        .bind(wijziging.nieuwe_status.code())
        .bind(wijziging.locatie_id)
        .bind(wijziging.versie)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if gewijzigd == 0 {
            return Err(CoreError::conflict(format!(
                "{} is intussen door iemand anders gewijzigd; laad de locatie opnieuw.",
                huidig.gegevens.naam
            )));
        }
        sqlx::query(
            "INSERT INTO locatie_status (locatie_id, status, vanaf, reden) VALUES ($1, $2, $3, $4)",
        )
        .bind(wijziging.locatie_id)
        .bind(wijziging.nieuwe_status.code())
        .bind(datum_in(wijziging.datum))
        .bind(wijziging.reden.trim().to_owned())
        .execute(&mut *tx)
        .await?;
        if wijziging.nieuwe_status == LocatieStatus::Gesloten {
            sqlx::query(
                "UPDATE capaciteit SET tot_en_met = $1 \
                 WHERE locatie_id = $2 AND tot_en_met IS NULL AND vanaf <= $1",
            )
            .bind(datum_in(wijziging.datum))
            .bind(wijziging.locatie_id)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        self.locatie(wijziging.locatie_id).await
    }

    pub async fn capaciteit(&self, locatie_id: i64) -> CoreResult<Vec<CapaciteitPeriode>> {
        let rows: Vec<(i64, i64, String, Option<String>, i64)> = sqlx::query_as(
            "SELECT id, locatie_id, vanaf, tot_en_met, plaatsen FROM capaciteit \
             WHERE locatie_id = $1 ORDER BY vanaf",
        )
        .bind(locatie_id)
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|(id, locatie_id, vanaf, tot, plaatsen)| {
                Ok(CapaciteitPeriode {
                    id,
                    locatie_id,
                    vanaf: datum_uit(&vanaf)?,
                    tot_en_met: datum_optie_uit(tot)?,
                    plaatsen,
                })
            })
            .collect()
    }

    /// Adds a capacity period (closing an earlier open one) and returns all periods of the location.
    pub async fn capaciteit_toevoegen(
        &self,
        invoer: &CapaciteitInvoer,
    ) -> CoreResult<Vec<CapaciteitPeriode>> {
        self.wijzigbaar(invoer.locatie_id).await?;
        let bestaand = self.capaciteit(invoer.locatie_id).await?;
        let inpassing = invoer.inpassen(&bestaand)?;
        let mut tx = self.pool.begin().await?;
        if let Some((id, eind)) = inpassing.afsluiten {
            sqlx::query("UPDATE capaciteit SET tot_en_met = $1 WHERE id = $2")
                .bind(datum_in(eind))
                .bind(id)
                .execute(&mut *tx)
                .await?;
        }
        sqlx::query(
            "INSERT INTO capaciteit (locatie_id, vanaf, tot_en_met, plaatsen) VALUES ($1, $2, $3, $4)",
        )
        .bind(invoer.locatie_id)
        .bind(datum_in(invoer.vanaf))
        .bind(invoer.tot_en_met.map(datum_in))
        .bind(invoer.plaatsen)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        self.capaciteit(invoer.locatie_id).await
    }

    /// Removes a capacity period entered by mistake.
    pub async fn capaciteit_verwijderen(&self, periode_id: i64) -> CoreResult<()> {
        let locatie_id: i64 = sqlx::query_scalar("SELECT locatie_id FROM capaciteit WHERE id = $1")
            .bind(periode_id)
            .fetch_optional(&self.pool)
            .await?
            .ok_or_else(|| {
                CoreError::niet_gevonden(format!("Capaciteitsperiode {periode_id} bestaat niet."))
            })?;
        self.wijzigbaar(locatie_id).await?;
        sqlx::query("DELETE FROM capaciteit WHERE id = $1")
            .bind(periode_id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// The location, or the Dutch refusal for changing a closed one.
    async fn wijzigbaar(&self, locatie_id: i64) -> CoreResult<Locatie> {
        let locatie = self.locatie(locatie_id).await?;
        if locatie.status == LocatieStatus::Gesloten {
            return Err(CoreError::validatie(
                "status",
                format!(
                    "{} is gesloten; een gesloten locatie kan niet worden gewijzigd.",
                    locatie.gegevens.naam
                ),
            ));
        }
        Ok(locatie)
    }
}
