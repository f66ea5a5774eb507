//! SQL for locations: create, edit, list, status changes and capacity periods.

use chrono::NaiveDate;
use sqlx::any::AnyRow;
use sqlx::Row;

use super::audit::{self, json, Wijziging};
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
    CoreError::database("fout.storage_locations.onbekende_waarde_kolom_database")
        .met("code", &(format!("{:?}", code)))
        .met("kolom", &kolom)
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
        status: LocatieStatus::from_code(&status)
            .ok_or_else(|| onbekende_code("status", &status))?,
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

fn conflict(naam: &str) -> CoreError {
    CoreError::conflict("fout.storage_locations.intussen_door_iemand_anders").met("naam", &naam)
}

fn periode_uit(row: &AnyRow) -> CoreResult<CapaciteitPeriode> {
    Ok(CapaciteitPeriode {
        id: row.try_get("id")?,
        locatie_id: row.try_get("locatie_id")?,
        vanaf: datum_uit(&row.try_get::<String, _>("vanaf")?)?,
        tot_en_met: datum_optie_uit(row.try_get("tot_en_met")?)?,
        plaatsen: row.try_get("plaatsen")?,
        versie: row.try_get("versie")?,
    })
}

fn dubbele_naam(err: CoreError, invoer: &LocatieInvoer) -> CoreError {
    if err.field.as_deref() == Some("naam") {
        CoreError::validatie("naam", "fout.storage_locations.bestaat_locatie_gemeente")
            .met("naam", &(format!("{:?}", invoer.naam.trim())))
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
        self.gemeente_naam(&invoer.gemeente_code).await?;
        let status = match invoer.openingsdatum {
            Some(open) if open <= datum => LocatieStatus::InGebruik,
            _ => LocatieStatus::InVoorbereiding,
        };
        let gebruiker = self.gebruiker().await?;
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
        audit::schrijf(
            &mut tx,
            &gebruiker,
            Wijziging {
                tabel: "locatie",
                record: id.to_string(),
                locatie_id: id,
                actie: "toevoegen",
                voor: None,
                na: json(invoer),
            },
        )
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
        self.gemeente_naam(&invoer.gemeente_code).await?;
        let huidig = self.wijzigbaar(id).await?;
        if huidig.versie != versie {
            return Err(conflict(&huidig.gegevens.naam));
        }
        let gebruiker = self.gebruiker().await?;
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
            return Err(conflict(&huidig.gegevens.naam));
        }
        audit::schrijf(
            &mut tx,
            &gebruiker,
            Wijziging {
                tabel: "locatie",
                record: id.to_string(),
                locatie_id: id,
                actie: "wijzigen",
                voor: json(&huidig.gegevens),
                na: json(invoer),
            },
        )
        .await?;
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
            .ok_or_else(|| {
                CoreError::niet_gevonden("fout.storage_locations.locatie_bestaat_niet")
                    .met("id", &id)
            })?;
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
        if huidig.versie != wijziging.versie {
            return Err(conflict(&huidig.gegevens.naam));
        }
        let gebruiker = self.gebruiker().await?;
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
            return Err(conflict(&huidig.gegevens.naam));
        }
        audit::schrijf(
            &mut tx,
            &gebruiker,
            Wijziging {
                tabel: "locatie",
                record: wijziging.locatie_id.to_string(),
                locatie_id: wijziging.locatie_id,
                actie: "status",
                voor: json(&serde_json::json!({ "status": huidig.status })),
                na: json(wijziging),
            },
        )
        .await?;
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
                "UPDATE capaciteit SET tot_en_met = $1, versie = versie + 1 \
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
        let rows = sqlx::query(
            "SELECT id, locatie_id, vanaf, tot_en_met, plaatsen, versie FROM capaciteit \
             WHERE locatie_id = $1 ORDER BY vanaf",
        )
        .bind(locatie_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(periode_uit).collect()
    }

    /// Adds a capacity period (closing an earlier open one) and returns all periods of the location.
    pub async fn capaciteit_toevoegen(
        &self,
        invoer: &CapaciteitInvoer,
    ) -> CoreResult<Vec<CapaciteitPeriode>> {
        self.wijzigbaar(invoer.locatie_id).await?;
        let bestaand = self.capaciteit(invoer.locatie_id).await?;
        let inpassing = invoer.inpassen(&bestaand)?;
        let gebruiker = self.gebruiker().await?;
        let mut tx = self.pool.begin().await?;
        if let Some((id, eind)) = inpassing.afsluiten {
            let voor = bestaand
                .iter()
                .find(|p| p.id == id)
                .expect("period from this list");
            let gewijzigd = sqlx::query(
                "UPDATE capaciteit SET tot_en_met = $1, versie = versie + 1 \
                 WHERE id = $2 AND versie = $3",
            )
            .bind(datum_in(eind))
            .bind(id)
            .bind(voor.versie)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if gewijzigd == 0 {
                return Err(CoreError::conflict(
                    "fout.storage_locations.capaciteit_intussen_door_iemand",
                ));
            }
            let na = CapaciteitPeriode {
                tot_en_met: Some(eind),
                versie: voor.versie + 1,
                ..voor.clone()
            };
            audit::schrijf(
                &mut tx,
                &gebruiker,
                Wijziging {
                    tabel: "capaciteit",
                    record: id.to_string(),
                    locatie_id: invoer.locatie_id,
                    actie: "wijzigen",
                    voor: json(voor),
                    na: json(&na),
                },
            )
            .await?;
        }
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO capaciteit (locatie_id, vanaf, tot_en_met, plaatsen) \
             VALUES ($1, $2, $3, $4) RETURNING id",
        )
        .bind(invoer.locatie_id)
        .bind(datum_in(invoer.vanaf))
        .bind(invoer.tot_en_met.map(datum_in))
        .bind(invoer.plaatsen)
        .fetch_one(&mut *tx)
        .await?;
        audit::schrijf(
            &mut tx,
            &gebruiker,
            Wijziging {
                tabel: "capaciteit",
                record: id.to_string(),
                locatie_id: invoer.locatie_id,
                actie: "toevoegen",
                voor: None,
                na: json(invoer),
            },
        )
        .await?;
        tx.commit().await?;
        self.capaciteit(invoer.locatie_id).await
    }

    /// Removes a capacity period entered by mistake, if nobody changed it since `versie`.
    pub async fn capaciteit_verwijderen(&self, periode_id: i64, versie: i64) -> CoreResult<()> {
        let row = sqlx::query(
            "SELECT id, locatie_id, vanaf, tot_en_met, plaatsen, versie FROM capaciteit \
             WHERE id = $1",
        )
        .bind(periode_id)
        .fetch_optional(&self.pool)
        .await?
        .ok_or_else(|| {
            CoreError::niet_gevonden("fout.storage_locations.capaciteitsperiode_bestaat_niet")
                .met("periode_id", &periode_id)
        })?;
        let periode = periode_uit(&row)?;
        self.wijzigbaar(periode.locatie_id).await?;
        let gebruiker = self.gebruiker().await?;
        let mut tx = self.pool.begin().await?;
        let verwijderd = sqlx::query("DELETE FROM capaciteit WHERE id = $1 AND versie = $2")
            .bind(periode_id)
            .bind(versie)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if verwijderd == 0 {
            return Err(CoreError::conflict(
                "fout.storage_locations.capaciteitsperiode_intussen_door_iemand",
            ));
        }
        audit::schrijf(
            &mut tx,
            &gebruiker,
            Wijziging {
                tabel: "capaciteit",
                record: periode_id.to_string(),
                locatie_id: periode.locatie_id,
                actie: "verwijderen",
                voor: json(&periode),
                na: None,
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The location, or the Dutch refusal for changing a closed one.
    async fn wijzigbaar(&self, locatie_id: i64) -> CoreResult<Locatie> {
        let locatie = self.locatie(locatie_id).await?;
        if locatie.status == LocatieStatus::Gesloten {
            return Err(CoreError::validatie(
                "status",
                "fout.storage_locations.gesloten_gesloten_locatie_niet",
            )
            .met("naam", &locatie.gegevens.naam));
        }
        Ok(locatie)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;
    use crate::locations::voorbeeld_invoer;
    use crate::occupancy::{Bezetting, PeilingInvoer};

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    async fn met_capaciteit(db: &Db, naam: &str, plaatsen: i64) -> Locatie {
        let locatie = db
            .locatie_toevoegen(&voorbeeld_invoer("GM0344", naam), d("2026-01-01"))
            .await
            .unwrap();
        db.capaciteit_toevoegen(&CapaciteitInvoer {
            locatie_id: locatie.id,
            vanaf: d("2024-01-01"),
            tot_en_met: None,
            plaatsen,
        })
        .await
        .unwrap();
        locatie
    }

    crate::storage::testdb::beide_backends!(
        async fn create_edit_and_filter(db) {
            let mut invoer = voorbeeld_invoer("gm0344", "Hotel De Linde");
            invoer.postcode = "3511aa".into();
            let locatie = db
                .locatie_toevoegen(&invoer, d("2026-01-01"))
                .await
                .unwrap();
            assert_eq!(locatie.gemeente_naam, "Utrecht");
            assert_eq!(locatie.gegevens.gemeente_code, "GM0344");
            assert_eq!(locatie.gegevens.postcode, "3511 AA");
            assert_eq!(locatie.status, LocatieStatus::InGebruik, "opened in 2024");
            assert_eq!(locatie.versie, 1);

            let mut gewijzigd = locatie.gegevens.clone();
            gewijzigd.naam = "Hotel De Eik".into();
            gewijzigd.financiering = Financiering::Doelgroepflexibel;
            let na = db
                .locatie_wijzigen(locatie.id, 1, &gewijzigd, d("2026-05-01"))
                .await
                .unwrap();
            assert_eq!((na.gegevens.naam.as_str(), na.versie), ("Hotel De Eik", 2));

            db.locatie_toevoegen(
                &voorbeeld_invoer("GM0202", "Pension Arnhem"),
                d("2026-01-01"),
            )
            .await
            .unwrap();
            let alle = db.locaties(&LocatieFilter::default()).await.unwrap();
            assert_eq!(alle.len(), 2);
            let utrecht = db
                .locaties(&LocatieFilter {
                    provincie_code: Some("PV26".into()),
                    ..LocatieFilter::default()
                })
                .await
                .unwrap();
            assert_eq!(utrecht.len(), 1);
            let zoek = db
                .locaties(&LocatieFilter {
                    zoek: Some("EIK".into()),
                    ..LocatieFilter::default()
                })
                .await
                .unwrap();
            assert_eq!(zoek[0].id, locatie.id);
        }
    );

    crate::storage::testdb::beide_backends!(
        async fn refusals_are_dutch_and_change_nothing(db) {
            let err = db
                .locatie_toevoegen(&voorbeeld_invoer("GM9999", "Nergens"), d("2026-01-01"))
                .await
                .unwrap_err();
            assert_eq!(err.field.as_deref(), Some("gemeente_code"));

            let locatie = db
                .locatie_toevoegen(&voorbeeld_invoer("GM0344", "Hotel"), d("2026-01-01"))
                .await
                .unwrap();
            let err = db
                .locatie_toevoegen(&voorbeeld_invoer("GM0344", "Hotel"), d("2026-01-01"))
                .await
                .unwrap_err();
            assert_eq!(
                err.message,
                "Er bestaat al een locatie \"Hotel\" in deze gemeente."
            );

            // Saving over a newer version is a conflict, not a silent overwrite.
            let invoer = locatie.gegevens.clone();
            db.locatie_wijzigen(locatie.id, 1, &invoer, d("2026-01-02"))
                .await
                .unwrap();
            let err = db
                .locatie_wijzigen(locatie.id, 1, &invoer, d("2026-01-03"))
                .await
                .unwrap_err();
            assert_eq!(err.code, ErrorCode::Conflict);

            assert_eq!(
                db.locaties(&LocatieFilter::default()).await.unwrap().len(),
                1
            );
        }
    );

    crate::storage::testdb::beide_backends!(
        async fn lifecycle_closing_and_reopening(db) {
            let locatie = met_capaciteit(&db, "Hotel", 40).await;
            db.peilingen_opslaan(
                &[PeilingInvoer {
                    locatie_id: locatie.id,
                    peildatum: d("2026-03-02"),
                    bezetting: Bezetting {
                        ontheemden: 12,
                        ..Bezetting::default()
                    },
                    niet_inzetbaar: 0,
                    reden_niet_inzetbaar: String::new(),
                    versie: None,
                }],
                d("2026-11-23"),
            )
            .await
            .unwrap();
            let wijziging = |versie, nieuwe_status, datum: &str, reden: &str| StatusWijziging {
                locatie_id: locatie.id,
                versie,
                nieuwe_status,
                datum: d(datum),
                reden: reden.into(),
            };
            let afbouw = db
                .status_wijzigen(&wijziging(
                    locatie.versie,
                    LocatieStatus::InAfbouw,
                    "2026-04-01",
                    "",
                ))
                .await
                .unwrap();
            let err = db
                .status_wijzigen(&wijziging(
                    afbouw.versie,
                    LocatieStatus::Gesloten,
                    "2026-04-02",
                    "",
                ))
                .await
                .unwrap_err();
            assert!(
                err.message.contains("er wonen nog 12 mensen"),
                "{}",
                err.message
            );

            db.peilingen_opslaan(
                &[PeilingInvoer {
                    locatie_id: locatie.id,
                    peildatum: d("2026-04-06"),
                    bezetting: Bezetting::default(),
                    niet_inzetbaar: 0,
                    reden_niet_inzetbaar: String::new(),
                    versie: None,
                }],
                d("2026-11-23"),
            )
            .await
            .unwrap();
            let gesloten = db
                .status_wijzigen(&wijziging(
                    afbouw.versie,
                    LocatieStatus::Gesloten,
                    "2026-04-30",
                    "",
                ))
                .await
                .unwrap();
            assert_eq!(gesloten.status, LocatieStatus::Gesloten);
            let perioden = db.capaciteit(locatie.id).await.unwrap();
            assert_eq!(
                perioden[0].tot_en_met,
                Some(d("2026-04-30")),
                "closing ends capacity"
            );

            // A closed location refuses edits, capacity and snapshots.
            let err = db
                .locatie_wijzigen(
                    locatie.id,
                    gesloten.versie,
                    &gesloten.gegevens,
                    d("2026-05-01"),
                )
                .await
                .unwrap_err();
            assert_eq!(err.field.as_deref(), Some("status"));
            let err = db
                .capaciteit_toevoegen(&CapaciteitInvoer {
                    locatie_id: locatie.id,
                    vanaf: d("2026-06-01"),
                    tot_en_met: None,
                    plaatsen: 10,
                })
                .await
                .unwrap_err();
            assert!(err.message.contains("is gesloten"));

            // Reopening needs a reason.
            let err = db
                .status_wijzigen(&wijziging(
                    gesloten.versie,
                    LocatieStatus::InGebruik,
                    "2026-06-01",
                    "",
                ))
                .await
                .unwrap_err();
            assert_eq!(err.field.as_deref(), Some("reden"));
            let heropend = db
                .status_wijzigen(&wijziging(
                    gesloten.versie,
                    LocatieStatus::InGebruik,
                    "2026-06-01",
                    "Nieuwe instroom",
                ))
                .await
                .unwrap();
            assert_eq!(heropend.status, LocatieStatus::InGebruik);
        }
    );

    crate::storage::testdb::beide_backends!(
        async fn capacity_periods_follow_each_other(db) {
            let locatie = met_capaciteit(&db, "Hotel", 40).await;
            let perioden = db
                .capaciteit_toevoegen(&CapaciteitInvoer {
                    locatie_id: locatie.id,
                    vanaf: d("2025-05-01"),
                    tot_en_met: None,
                    plaatsen: 80,
                })
                .await
                .unwrap();
            let samenvatting: Vec<_> = perioden
                .iter()
                .map(|p| (p.vanaf, p.tot_en_met, p.plaatsen))
                .collect();
            assert_eq!(
                samenvatting,
                vec![
                    (d("2024-01-01"), Some(d("2025-04-30")), 40),
                    (d("2025-05-01"), None, 80)
                ]
            );
            let stand = |datum| db.locatie_stand(locatie.id, d(datum));
            assert_eq!(stand("2025-04-30").await.unwrap().unwrap().capaciteit, 40);
            assert_eq!(stand("2025-05-01").await.unwrap().unwrap().capaciteit, 80);
            assert_eq!(stand("2023-12-31").await.unwrap().unwrap().capaciteit, 0);

            let err = db
                .capaciteit_verwijderen(perioden[1].id, perioden[1].versie + 1)
                .await
                .unwrap_err();
            assert_eq!(err.code, ErrorCode::Conflict);
            db.capaciteit_verwijderen(perioden[1].id, perioden[1].versie)
                .await
                .unwrap();
            assert_eq!(db.capaciteit(locatie.id).await.unwrap().len(), 1);
            assert_eq!(db.capaciteit(locatie.id).await.unwrap()[0].versie, 2, "closed once");
            let err = db
                .capaciteit_verwijderen(perioden[1].id, perioden[1].versie)
                .await
                .unwrap_err();
            assert_eq!(err.code, ErrorCode::NietGevonden);
        }
    );
}

#[cfg(test)]
mod concurrency_tests {
    //! Two or more clients editing the same location never lose an update.
    use chrono::NaiveDate;

    use crate::error::ErrorCode;
    use crate::locations::voorbeeld_invoer;
    use crate::storage::Db;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    /// Reads the counter kept in the notes, writes it plus one with the version read.
    async fn verhoog(db: &Db, id: i64) -> Result<(), ErrorCode> {
        let locatie = db.locatie(id).await.map_err(|e| e.code)?;
        let teller: i64 = locatie.gegevens.notities.parse().unwrap_or(0);
        let mut invoer = locatie.gegevens.clone();
        invoer.notities = (teller + 1).to_string();
        db.locatie_wijzigen(id, locatie.versie, &invoer, d("2026-11-23"))
            .await
            .map(|_| ())
            .map_err(|e| e.code)
    }

    crate::storage::testdb::beide_backends!(
        async fn concurrent_clients_lose_no_update(db) {
            let id = db
                .locatie_toevoegen(&voorbeeld_invoer("GM0344", "Gedeeld"), d("2026-01-01"))
                .await
                .unwrap()
                .id;

            // Interleaved by hand: both read version 1, the second save is a conflict.
            let a = db.locatie(id).await.unwrap();
            let b = db.locatie(id).await.unwrap();
            db.locatie_wijzigen(id, a.versie, &a.gegevens, d("2026-11-23"))
                .await
                .unwrap();
            let err = db
                .locatie_wijzigen(id, b.versie, &b.gegevens, d("2026-11-23"))
                .await
                .unwrap_err();
            assert_eq!(err.code, ErrorCode::Conflict);

            // Eight clients racing: every successful save is counted exactly once.
            let mut taken = Vec::new();
            for _ in 0..8 {
                let db = db.clone();
                taken.push(tokio::spawn(async move {
                    let mut gelukt = 0;
                    for _ in 0..25 {
                        match verhoog(&db, id).await {
                            Ok(()) => gelukt += 1,
                            Err(ErrorCode::Conflict) => {}
                            Err(other) => panic!("unexpected error {other:?}"),
                        }
                    }
                    gelukt
                }));
            }
            let mut gelukt = 0;
            for taak in taken {
                gelukt += taak.await.unwrap();
            }
            let teller: i64 = db.locatie(id).await.unwrap().gegevens.notities.parse().unwrap();
            assert!(gelukt > 0);
            assert_eq!(teller, gelukt, "no update lost");
            assert_eq!(db.locatie(id).await.unwrap().versie, gelukt + 2);
        }
    );
}
