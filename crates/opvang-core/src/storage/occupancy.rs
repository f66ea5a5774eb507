//! SQL for occupancy: saving snapshots, the as-of state of locations at a date, and histories.

use std::collections::HashMap;

use chrono::NaiveDate;
use sqlx::any::AnyRow;
use sqlx::Row;

use super::audit::{self, json, Wijziging};
use super::{datum_in, datum_optie_uit, datum_uit, Backend, Db};
use crate::error::{CoreError, CoreResult};
use crate::locations::{LocatieStatus, LocatieType};
use crate::occupancy::totals::{LocatieFeiten, LocatieHistorie};
use crate::occupancy::{
    Bezetting, Doelgroep, Gebied, GebiedSoort, LocatieStand, Peiling, PeilingContext, PeilingInvoer,
};

/// Per location: capacity covering `$1` and the latest peildatum on or before `$1`, then the
/// snapshot's numbers. Both lookups are index seeks per location; `stand` is materialized so each
/// runs once, and the counts per target group come from one key range of `bezetting` per location
/// (on SQLite the table itself is in key order, migration 0008; on PostgreSQL the covering index
/// `bezetting_stand` of 0006), pivoted to columns.
const STAND_SQL: &str = "\
WITH stand AS MATERIALIZED (
  SELECT l.id, l.naam, l.plaats, l.gemeente_code, g.naam AS gemeente_naam,
         g.provincie_code, g.provincie_naam, g.veiligheidsregio_code, g.veiligheidsregio_naam,
         l.lat, l.lon, l.soort, l.status, l.einddatum,
         COALESCE((SELECT c.plaatsen FROM capaciteit c
                   WHERE c.locatie_id = l.id AND c.vanaf <= $1
                     AND (c.tot_en_met IS NULL OR c.tot_en_met >= $1)
                   ORDER BY c.vanaf DESC LIMIT 1), 0) AS capaciteit,
         (SELECT MAX(p.peildatum) FROM peiling p
          WHERE p.locatie_id = l.id AND p.peildatum <= $1) AS peildatum
  FROM locatie l JOIN gemeente_actueel g ON g.code = l.gemeente_code
  WHERE __FILTER__
),
groepen AS MATERIALIZED (
  SELECT s.id,
         MAX(CASE WHEN b.doelgroep = 'ontheemden' THEN b.aantal END) AS ontheemden,
         MAX(CASE WHEN b.doelgroep = 'statushouders' THEN b.aantal END) AS statushouders,
         MAX(CASE WHEN b.doelgroep = 'asielzoekers' THEN b.aantal END) AS asielzoekers,
         MAX(CASE WHEN b.doelgroep = 'overig' THEN b.aantal END) AS overig
  FROM stand s JOIN bezetting b ON b.locatie_id = s.id AND b.peildatum = s.peildatum
  GROUP BY s.id
)
SELECT __KOLOMMEN__
FROM stand s
LEFT JOIN peiling p ON p.locatie_id = s.id AND p.peildatum = s.peildatum
LEFT JOIN groepen z ON z.id = s.id";

/// The result columns of [`STAND_SQL`] as rows, sorted by municipality and name.
const STAND_RIJEN: &str = "\
s.*, COALESCE(p.niet_inzetbaar, 0) AS niet_inzetbaar, p.versie AS peiling_versie,
       COALESCE(z.ontheemden, 0) AS ontheemden, COALESCE(z.statushouders, 0) AS statushouders,
       COALESCE(z.asielzoekers, 0) AS asielzoekers, COALESCE(z.overig, 0) AS overig";

/// The same columns as one JSON array of arrays (SQLite), in the field order of [`StandJson`];
/// coordinates as text with 17 digits, so they read back as exactly the stored number.
const STAND_JSON: &str = "\
json_group_array(json_array(s.id, s.naam, s.plaats, s.gemeente_code, s.gemeente_naam,
       s.provincie_code, s.provincie_naam, s.veiligheidsregio_code, s.veiligheidsregio_naam,
       CASE WHEN s.lat IS NOT NULL THEN printf('%!.17g', s.lat) END,
       CASE WHEN s.lon IS NOT NULL THEN printf('%!.17g', s.lon) END, s.soort, s.status, s.einddatum,
       s.capaciteit, COALESCE(p.niet_inzetbaar, 0), COALESCE(z.ontheemden, 0),
       COALESCE(z.statushouders, 0), COALESCE(z.asielzoekers, 0), COALESCE(z.overig, 0),
       s.peildatum, p.versie))";

/// One location's state as [`STAND_JSON`] writes it.
#[derive(serde::Deserialize)]
struct StandJson(
    i64,
    String,
    String,
    String,
    String,
    String,
    String,
    String,
    String,
    Option<String>,
    Option<String>,
    String,
    String,
    Option<String>,
    i64,
    i64,
    i64,
    i64,
    i64,
    i64,
    Option<String>,
    Option<i64>,
);

impl StandJson {
    fn feiten(self) -> CoreResult<LocatieFeiten> {
        let StandJson(
            locatie_id,
            naam,
            plaats,
            gemeente_code,
            gemeente_naam,
            provincie_code,
            provincie_naam,
            veiligheidsregio_code,
            veiligheidsregio_naam,
            lat,
            lon,
            soort,
            status,
            einddatum,
            capaciteit,
            niet_inzetbaar,
            ontheemden,
            statushouders,
            asielzoekers,
            overig,
            peildatum,
            peiling_versie,
        ) = self;
        let getal = |tekst: Option<String>| -> CoreResult<Option<f64>> {
            tekst
                .map(|t| {
                    t.parse().map_err(|_| {
                        CoreError::database("fout.storage_occupancy.ongeldige_coordinaat_database")
                            .met("t", &format!("{t:?}"))
                    })
                })
                .transpose()
        };
        Ok(LocatieFeiten {
            locatie_id,
            naam,
            plaats,
            gemeente_code,
            gemeente_naam,
            provincie_code,
            provincie_naam,
            veiligheidsregio_code,
            veiligheidsregio_naam,
            lat: getal(lat)?,
            lon: getal(lon)?,
            soort: LocatieType::from_code(&soort).ok_or_else(|| {
                CoreError::database("fout.storage_occupancy.onbekend_locatietype")
                    .met("soort", &format!("{soort:?}"))
            })?,
            status: LocatieStatus::from_code(&status).ok_or_else(|| {
                CoreError::database("fout.storage_occupancy.onbekende_status")
                    .met("status", &format!("{status:?}"))
            })?,
            einddatum: datum_optie_uit(einddatum)?,
            capaciteit,
            niet_inzetbaar,
            bezetting: Bezetting {
                ontheemden,
                statushouders,
                asielzoekers,
                overig,
            },
            peildatum: datum_optie_uit(peildatum)?,
            peiling_versie,
        })
    }
}

/// The WHERE clause selecting the locations of an area; the area code is bound as `$n`.
fn gebied_filter(gebied: &Gebied, n: u8) -> String {
    match gebied.soort {
        GebiedSoort::Land => format!("${n} IS NULL"),
        GebiedSoort::Provincie => format!("g.provincie_code = ${n}"),
        GebiedSoort::Veiligheidsregio => format!("g.veiligheidsregio_code = ${n}"),
        GebiedSoort::Gemeente => format!("l.gemeente_code = ${n}"),
    }
}

/// Which locations a history is read for: one by id, or an area by code (none for the country).
enum Selectie {
    Locatie(i64),
    Gebied(Option<String>),
}

impl Selectie {
    fn bind<'q>(
        &self,
        query: sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>>,
    ) -> sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>> {
        match self {
            Selectie::Locatie(id) => query.bind(*id),
            Selectie::Gebied(code) => query.bind(code.clone()),
        }
    }
}

fn feiten_uit(row: &AnyRow) -> CoreResult<LocatieFeiten> {
    let soort: String = row.try_get("soort")?;
    let status: String = row.try_get("status")?;
    Ok(LocatieFeiten {
        locatie_id: row.try_get("id")?,
        naam: row.try_get("naam")?,
        plaats: row.try_get("plaats")?,
        gemeente_code: row.try_get("gemeente_code")?,
        gemeente_naam: row.try_get("gemeente_naam")?,
        provincie_code: row.try_get("provincie_code")?,
        provincie_naam: row.try_get("provincie_naam")?,
        veiligheidsregio_code: row.try_get("veiligheidsregio_code")?,
        veiligheidsregio_naam: row.try_get("veiligheidsregio_naam")?,
        lat: row.try_get("lat")?,
        lon: row.try_get("lon")?,
        soort: LocatieType::from_code(&soort).ok_or_else(|| {
            CoreError::database("fout.storage_occupancy.onbekend_locatietype")
                .met("soort", &format!("{soort:?}"))
        })?,
        status: LocatieStatus::from_code(&status).ok_or_else(|| {
            CoreError::database("fout.storage_occupancy.onbekende_status")
                .met("status", &format!("{status:?}"))
        })?,
        einddatum: datum_optie_uit(row.try_get("einddatum")?)?,
        capaciteit: row.try_get("capaciteit")?,
        niet_inzetbaar: row.try_get("niet_inzetbaar")?,
        bezetting: Bezetting {
            ontheemden: row.try_get("ontheemden")?,
            statushouders: row.try_get("statushouders")?,
            asielzoekers: row.try_get("asielzoekers")?,
            overig: row.try_get("overig")?,
        },
        peildatum: datum_optie_uit(row.try_get("peildatum")?)?,
        peiling_versie: row.try_get("peiling_versie")?,
    })
}

impl Db {
    /// The state of every location in `gebied` at `datum` (capacity, latest snapshot, flags).
    pub async fn standen(
        &self,
        datum: NaiveDate,
        gebied: &Gebied,
    ) -> CoreResult<Vec<LocatieStand>> {
        let verouderd_na = self.verouderd_na_dagen().await?;
        let sql = STAND_SQL.replace("__FILTER__", &gebied_filter(gebied, 2));
        if self.backend == Backend::Sqlite {
            // SQLite hands every result row from its worker thread to ours separately; at
            // national scale that hand-over cost more than the query, so the rows come as one
            // JSON value and are sorted here (by byte order, which is SQLite's BINARY order).
            let json: String = sqlx::query_scalar(&sql.replace("__KOLOMMEN__", STAND_JSON))
                .bind(datum_in(datum))
                .bind(gebied.code.clone())
                .fetch_one(&self.pool)
                .await?;
            let rijen: Vec<StandJson> = serde_json::from_str(&json).map_err(|e| {
                CoreError::database("fout.storage_occupancy.onleesbare_stand_uit_database")
                    .met("fout", &e)
            })?;
            let mut standen = rijen
                .into_iter()
                .map(|r| Ok(LocatieStand::bereken(r.feiten()?, datum, verouderd_na)))
                .collect::<CoreResult<Vec<_>>>()?;
            standen.sort_by(|a, b| (&a.gemeente_naam, &a.naam).cmp(&(&b.gemeente_naam, &b.naam)));
            return Ok(standen);
        }
        let sql = sql.replace("__KOLOMMEN__", STAND_RIJEN) + " ORDER BY s.gemeente_naam, s.naam";
        let rows = sqlx::query(&sql)
            .bind(datum_in(datum))
            .bind(gebied.code.clone())
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|row| Ok(LocatieStand::bereken(feiten_uit(row)?, datum, verouderd_na)))
            .collect()
    }

    /// The state of one location at `datum`; `None` when the location does not exist.
    pub async fn locatie_stand(
        &self,
        id: i64,
        datum: NaiveDate,
    ) -> CoreResult<Option<LocatieStand>> {
        let verouderd_na = self.verouderd_na_dagen().await?;
        let sql = STAND_SQL
            .replace("__FILTER__", "l.id = $2")
            .replace("__KOLOMMEN__", STAND_RIJEN);
        let row = sqlx::query(&sql)
            .bind(datum_in(datum))
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        row.map(|row| {
            Ok(LocatieStand::bereken(
                feiten_uit(&row)?,
                datum,
                verouderd_na,
            ))
        })
        .transpose()
    }

    /// Validates and saves snapshots in one transaction: all are saved or none.
    ///
    /// Each snapshot carries the version the user saw (`None` for a new one); when someone else
    /// saved that location and peildatum in the meantime, nothing is saved and a conflict names it.
    pub async fn peilingen_opslaan(
        &self,
        invoer: &[PeilingInvoer],
        vandaag: NaiveDate,
    ) -> CoreResult<usize> {
        let mut namen = Vec::with_capacity(invoer.len());
        for peiling in invoer {
            let locatie = self.locatie(peiling.locatie_id).await?;
            let capaciteit = self
                .locatie_stand(peiling.locatie_id, peiling.peildatum)
                .await?
                .map_or(0, |s| s.capaciteit);
            peiling.valideer(&PeilingContext {
                locatie_naam: &locatie.gegevens.naam,
                gesloten: locatie.status == LocatieStatus::Gesloten,
                capaciteit,
                vandaag,
            })?;
            namen.push(locatie.gegevens.naam);
        }
        let gebruiker = self.gebruiker().await?;
        let mut tx = self.pool.begin().await?;
        for (peiling, naam) in invoer.iter().zip(&namen) {
            let peildatum = datum_in(peiling.peildatum);
            let conflict = || {
                CoreError::conflict("fout.storage_occupancy.intussen_door_iemand_anders")
                    .met("naam", &naam)
                    .met_datum("peildatum", peiling.peildatum)
            };
            let voor = bestaande_peiling(&mut tx, peiling.locatie_id, &peildatum).await?;
            match (&voor, peiling.versie) {
                (None, None) => {
                    sqlx::query(
                        "INSERT INTO peiling (locatie_id, peildatum, niet_inzetbaar, \
                         reden_niet_inzetbaar) VALUES ($1, $2, $3, $4)",
                    )
                    .bind(peiling.locatie_id)
                    .bind(peildatum.clone())
                    .bind(peiling.niet_inzetbaar)
                    .bind(peiling.reden_niet_inzetbaar.trim().to_owned())
                    .execute(&mut *tx)
                    .await
                    .map_err(|e| match e.as_database_error() {
                        Some(db) if db.is_unique_violation() => conflict(),
                        _ => CoreError::from(e),
                    })?;
                }
                (Some(_), Some(versie)) => {
                    let gewijzigd = sqlx::query(
                        "UPDATE peiling SET niet_inzetbaar = $1, reden_niet_inzetbaar = $2, \
                         versie = versie + 1 WHERE locatie_id = $3 AND peildatum = $4 AND versie = $5",
                    )
                    .bind(peiling.niet_inzetbaar)
                    .bind(peiling.reden_niet_inzetbaar.trim().to_owned())
                    .bind(peiling.locatie_id)
                    .bind(peildatum.clone())
                    .bind(versie)
                    .execute(&mut *tx)
                    .await?
                    .rows_affected();
                    if gewijzigd == 0 {
                        return Err(conflict());
                    }
                }
                _ => return Err(conflict()),
            }
            for groep in Doelgroep::ALLE {
                sqlx::query(
                    "INSERT INTO bezetting (locatie_id, peildatum, doelgroep, aantal) \
                     VALUES ($1, $2, $3, $4) ON CONFLICT (locatie_id, peildatum, doelgroep) \
                     DO UPDATE SET aantal = excluded.aantal",
                )
                .bind(peiling.locatie_id)
                .bind(peildatum.clone())
                .bind(groep.code())
                .bind(peiling.bezetting.get(groep))
                .execute(&mut *tx)
                .await?;
            }
            audit::schrijf(
                &mut tx,
                &gebruiker,
                Wijziging {
                    tabel: "peiling",
                    record: format!("{}/{peildatum}", peiling.locatie_id),
                    locatie_id: peiling.locatie_id,
                    actie: if voor.is_some() {
                        "wijzigen"
                    } else {
                        "toevoegen"
                    },
                    voor: voor.as_ref().and_then(json),
                    na: json(peiling),
                },
            )
            .await?;
        }
        tx.commit().await?;
        Ok(invoer.len())
    }

    /// All snapshots of one location with the capacity on each peildatum, oldest first.
    pub async fn peilingen(&self, locatie_id: i64) -> CoreResult<Vec<Peiling>> {
        let mut historie = self
            .historie_van("l.id = $1", Selectie::Locatie(locatie_id), None)
            .await?;
        Ok(historie.pop().map(|h| h.peilingen).unwrap_or_default())
    }

    /// Capacity periods and snapshots of every location in `gebied`, for time series.
    pub async fn historie(&self, gebied: &Gebied) -> CoreResult<Vec<LocatieHistorie>> {
        self.historie_van(
            &gebied_filter(gebied, 1),
            Selectie::Gebied(gebied.code.clone()),
            None,
        )
        .await
    }

    /// Like [`Db::historie`], but with only the snapshots a time series over `vanaf..=tot` uses:
    /// per location the latest one on or before `vanaf` and those after it up to `tot`. The
    /// as-of value at every date in that range is the same as with the full history.
    pub async fn historie_tussen(
        &self,
        gebied: &Gebied,
        vanaf: NaiveDate,
        tot: NaiveDate,
    ) -> CoreResult<Vec<LocatieHistorie>> {
        self.historie_van(
            &gebied_filter(gebied, 1),
            Selectie::Gebied(gebied.code.clone()),
            Some((vanaf, tot)),
        )
        .await
    }

    /// Histories of the locations matching `filter`, which uses `$1` for the selection; with
    /// `venster` only the snapshots a time series over that range uses (see `historie_tussen`).
    async fn historie_van(
        &self,
        filter: &str,
        selectie: Selectie,
        venster: Option<(NaiveDate, NaiveDate)>,
    ) -> CoreResult<Vec<LocatieHistorie>> {
        let sub = format!(
            "SELECT l.id FROM locatie l JOIN gemeente_actueel g ON g.code = l.gemeente_code \
             WHERE {filter}"
        );
        let locaties = selectie
            .bind(sqlx::query(&sub))
            .fetch_all(&self.pool)
            .await?;
        let mut index: HashMap<i64, usize> = HashMap::new();
        let mut historie: Vec<LocatieHistorie> = Vec::with_capacity(locaties.len());
        for row in &locaties {
            index.insert(row.try_get("id")?, historie.len());
            historie.push(LocatieHistorie {
                capaciteit: Vec::new(),
                peilingen: Vec::new(),
            });
        }
        let capaciteit_sql = format!(
            "SELECT id, locatie_id, vanaf, tot_en_met, plaatsen, versie FROM capaciteit \
             WHERE locatie_id IN ({sub}) ORDER BY locatie_id, vanaf"
        );
        for row in selectie
            .bind(sqlx::query(&capaciteit_sql))
            .fetch_all(&self.pool)
            .await?
        {
            let locatie_id: i64 = row.try_get("locatie_id")?;
            let periode = crate::locations::CapaciteitPeriode {
                id: row.try_get("id")?,
                locatie_id,
                vanaf: datum_uit(&row.try_get::<String, _>("vanaf")?)?,
                tot_en_met: datum_optie_uit(row.try_get("tot_en_met")?)?,
                plaatsen: row.try_get("plaatsen")?,
                versie: row.try_get("versie")?,
            };
            if let Some(&i) = index.get(&locatie_id) {
                historie[i].capaciteit.push(periode);
            }
        }
        if let (Some((vanaf, tot)), Backend::Sqlite) = (venster, self.backend) {
            self.reeks_json(filter, &selectie, vanaf, tot, &index, &mut historie)
                .await?;
            return Ok(historie);
        }
        let venster_sql = if venster.is_some() {
            " AND p.peildatum >= COALESCE((SELECT MAX(v.peildatum) FROM peiling v \
               WHERE v.locatie_id = p.locatie_id AND v.peildatum <= $2), $2) \
             AND p.peildatum <= $3"
        } else {
            ""
        };
        let peiling_sql = format!(
            "SELECT p.locatie_id, p.peildatum, p.niet_inzetbaar, p.reden_niet_inzetbaar, \
                    p.versie, b.doelgroep, b.aantal \
             FROM peiling p LEFT JOIN bezetting b \
               ON b.locatie_id = p.locatie_id AND b.peildatum = p.peildatum \
             WHERE p.locatie_id IN ({sub}){venster_sql} ORDER BY p.locatie_id, p.peildatum"
        );
        let mut query = selectie.bind(sqlx::query(&peiling_sql));
        if let Some((vanaf, tot)) = venster {
            query = query.bind(datum_in(vanaf)).bind(datum_in(tot));
        }
        for row in query.fetch_all(&self.pool).await? {
            let locatie_id: i64 = row.try_get("locatie_id")?;
            let Some(&i) = index.get(&locatie_id) else {
                continue;
            };
            let peildatum = datum_uit(&row.try_get::<String, _>("peildatum")?)?;
            let h = &mut historie[i];
            if h.peilingen.last().is_none_or(|p| p.peildatum != peildatum) {
                let capaciteit = h
                    .capaciteit
                    .iter()
                    .find(|c| c.dekt(peildatum))
                    .map_or(0, |c| c.plaatsen);
                h.peilingen.push(Peiling {
                    locatie_id,
                    peildatum,
                    bezetting: Bezetting::default(),
                    niet_inzetbaar: row.try_get("niet_inzetbaar")?,
                    reden_niet_inzetbaar: row.try_get("reden_niet_inzetbaar")?,
                    capaciteit,
                    versie: row.try_get("versie")?,
                });
            }
            let groep: Option<String> = row.try_get("doelgroep")?;
            if let Some(groep) = groep.as_deref().and_then(Doelgroep::from_code) {
                let aantal: i64 = row.try_get("aantal")?;
                let laatste = h.peilingen.last_mut().expect("pushed above");
                laatste.bezetting.set(groep, aantal);
            }
        }
        Ok(historie)
    }

    /// SQLite: the windowed snapshots of the locations matching `filter`, pivoted per snapshot
    /// and handed over as one JSON value (one message instead of a row per target group).
    async fn reeks_json(
        &self,
        filter: &str,
        selectie: &Selectie,
        vanaf: NaiveDate,
        tot: NaiveDate,
        index: &HashMap<i64, usize>,
        historie: &mut [LocatieHistorie],
    ) -> CoreResult<()> {
        // Each count by its own primary-key lookup: joining the counts and grouping them per
        // snapshot made SQLite sort all 700,000 rows of the country first (twice the time).
        let aantal = |groep: &str| {
            format!(
                "(SELECT b.aantal FROM bezetting b WHERE b.locatie_id = p.locatie_id \
                 AND b.peildatum = p.peildatum AND b.doelgroep = '{groep}') AS {}",
                &groep[..3]
            )
        };
        let (o, s, a, ov) = (
            aantal("ontheemden"),
            aantal("statushouders"),
            aantal("asielzoekers"),
            aantal("overig"),
        );
        let sql = format!(
            "WITH sel AS MATERIALIZED ( \
               SELECT l.id, COALESCE((SELECT MAX(p.peildatum) FROM peiling p \
                 WHERE p.locatie_id = l.id AND p.peildatum <= $2), $2) AS vanaf \
               FROM locatie l JOIN gemeente_actueel g ON g.code = l.gemeente_code \
               WHERE {filter} \
             ), rijen AS ( \
               SELECT p.locatie_id, p.peildatum, p.niet_inzetbaar, p.reden_niet_inzetbaar, \
                      p.versie, {o}, {s}, {a}, {ov} \
               FROM sel s JOIN peiling p ON p.locatie_id = s.id \
                 AND p.peildatum >= s.vanaf AND p.peildatum <= $3 \
             ) \
             SELECT json_group_array(json_array(locatie_id, peildatum, niet_inzetbaar, \
               reden_niet_inzetbaar, versie, ont, sta, asi, ove)) FROM rijen"
        );
        let json: String = selectie
            .bind(sqlx::query(&sql))
            .bind(datum_in(vanaf))
            .bind(datum_in(tot))
            .fetch_one(&self.pool)
            .await?
            .try_get(0)?;
        type Rij = (
            i64,
            String,
            i64,
            String,
            i64,
            Option<i64>,
            Option<i64>,
            Option<i64>,
            Option<i64>,
        );
        let rijen: Vec<Rij> = serde_json::from_str(&json).map_err(|e| {
            CoreError::database("fout.storage_occupancy.onleesbare_stand_uit_database")
                .met("fout", &e)
        })?;
        for (locatie_id, peildatum, niet_inzetbaar, reden, versie, o, s, a, ov) in rijen {
            let Some(&i) = index.get(&locatie_id) else {
                continue;
            };
            let peildatum = datum_uit(&peildatum)?;
            let h = &mut historie[i];
            let capaciteit = h
                .capaciteit
                .iter()
                .find(|c| c.dekt(peildatum))
                .map_or(0, |c| c.plaatsen);
            h.peilingen.push(Peiling {
                locatie_id,
                peildatum,
                bezetting: Bezetting {
                    ontheemden: o.unwrap_or(0),
                    statushouders: s.unwrap_or(0),
                    asielzoekers: a.unwrap_or(0),
                    overig: ov.unwrap_or(0),
                },
                niet_inzetbaar,
                reden_niet_inzetbaar: reden,
                capaciteit,
                versie,
            });
        }
        for h in historie.iter_mut() {
            h.peilingen.sort_by_key(|p| p.peildatum);
        }
        Ok(())
    }
}

/// The stored snapshot of a location on exactly `peildatum`, read inside the saving transaction.
async fn bestaande_peiling(
    conn: &mut sqlx::AnyConnection,
    locatie_id: i64,
    peildatum: &str,
) -> CoreResult<Option<PeilingInvoer>> {
    let Some(kop) = sqlx::query(
        "SELECT niet_inzetbaar, reden_niet_inzetbaar, versie FROM peiling \
         WHERE locatie_id = $1 AND peildatum = $2",
    )
    .bind(locatie_id)
    .bind(peildatum.to_owned())
    .fetch_optional(&mut *conn)
    .await?
    else {
        return Ok(None);
    };
    let mut bezetting = Bezetting::default();
    let rows = sqlx::query(
        "SELECT doelgroep, aantal FROM bezetting WHERE locatie_id = $1 AND peildatum = $2",
    )
    .bind(locatie_id)
    .bind(peildatum.to_owned())
    .fetch_all(&mut *conn)
    .await?;
    for row in rows {
        let groep: String = row.try_get("doelgroep")?;
        if let Some(groep) = Doelgroep::from_code(&groep) {
            bezetting.set(groep, row.try_get("aantal")?);
        }
    }
    Ok(Some(PeilingInvoer {
        locatie_id,
        peildatum: datum_uit(peildatum)?,
        bezetting,
        niet_inzetbaar: kop.try_get("niet_inzetbaar")?,
        reden_niet_inzetbaar: kop.try_get("reden_niet_inzetbaar")?,
        versie: Some(kop.try_get("versie")?),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;
    use crate::locations::{voorbeeld_invoer, CapaciteitInvoer};
    use crate::occupancy::totals::{per_gebied, Totalen};

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    const VANDAAG: &str = "2026-11-23";

    async fn locatie(db: &Db, gemeente: &str, naam: &str, plaatsen: i64) -> i64 {
        let id = db
            .locatie_toevoegen(&voorbeeld_invoer(gemeente, naam), d("2026-01-01"))
            .await
            .unwrap()
            .id;
        db.capaciteit_toevoegen(&CapaciteitInvoer {
            locatie_id: id,
            vanaf: d("2024-01-01"),
            tot_en_met: None,
            plaatsen,
        })
        .await
        .unwrap();
        id
    }

    fn peiling(
        locatie_id: i64,
        peildatum: &str,
        ontheemden: i64,
        statushouders: i64,
    ) -> PeilingInvoer {
        PeilingInvoer {
            locatie_id,
            peildatum: d(peildatum),
            bezetting: Bezetting {
                ontheemden,
                statushouders,
                ..Bezetting::default()
            },
            niet_inzetbaar: 0,
            reden_niet_inzetbaar: String::new(),
            versie: None,
        }
    }

    async fn aantal_peilingen(db: &Db) -> i64 {
        sqlx::query_scalar("SELECT COUNT(*) FROM peiling")
            .fetch_one(&db.pool)
            .await
            .unwrap()
    }

    crate::storage::testdb::beide_backends!(
        async fn value_at_a_date_is_the_latest_snapshot_on_or_before_it(db) {
            let id = locatie(&db, "GM0344", "Hotel", 100).await;
            db.peilingen_opslaan(
                &[
                    peiling(id, "2026-11-02", 90, 5),
                    peiling(id, "2026-11-16", 97, 2),
                ],
                d(VANDAAG),
            )
            .await
            .unwrap();
            let stand = |datum| db.locatie_stand(id, d(datum));
            let s = stand("2026-11-01").await.unwrap().unwrap();
            assert_eq!((s.peildatum, s.bezet), (None, 0));
            let s = stand("2026-11-15").await.unwrap().unwrap();
            assert_eq!((s.peildatum, s.bezet), (Some(d("2026-11-02")), 95));
            let s = stand("2026-11-30").await.unwrap().unwrap();
            assert_eq!(
                (s.peildatum, s.bezet, s.graad),
                (Some(d("2026-11-16")), 99, Some(990))
            );
            assert!(!s.verouderd, "14 days old is not yet stale");
            let s = stand("2026-12-01").await.unwrap().unwrap();
            assert!(s.verouderd, "15 days old is stale");

            db.verouderd_na_dagen_instellen(30).await.unwrap();
            assert!(!stand("2026-12-01").await.unwrap().unwrap().verouderd);
            let err = db.verouderd_na_dagen_instellen(0).await.unwrap_err();
            assert_eq!(err.field.as_deref(), Some("verouderd_na_dagen"));

            // Saving the same peildatum again needs the version that was seen: without it, or
            // with an older one, it is a conflict and nothing changes.
            let err = db
                .peilingen_opslaan(&[peiling(id, "2026-11-16", 80, 0)], d(VANDAAG))
                .await
                .unwrap_err();
            assert_eq!(err.code, ErrorCode::Conflict);
            let gezien = stand("2026-11-30").await.unwrap().unwrap().peiling_versie;
            assert_eq!(gezien, Some(1));
            let bijgewerkt = PeilingInvoer {
                versie: gezien,
                ..peiling(id, "2026-11-16", 80, 0)
            };
            db.peilingen_opslaan(std::slice::from_ref(&bijgewerkt), d(VANDAAG))
                .await
                .unwrap();
            let err = db
                .peilingen_opslaan(&[bijgewerkt], d(VANDAAG))
                .await
                .unwrap_err();
            assert!(err.message.contains("intussen door iemand anders"), "{}", err.message);
            assert_eq!(stand("2026-11-30").await.unwrap().unwrap().bezet, 80);
            assert_eq!(aantal_peilingen(&db).await, 2);
            let historie = db.peilingen(id).await.unwrap();
            assert_eq!(historie.len(), 2);
            assert_eq!(historie[1].bezetting.ontheemden, 80);
            assert_eq!(historie[1].capaciteit, 100);
        }
    );

    crate::storage::testdb::beide_backends!(
        async fn a_bad_snapshot_saves_nothing(db) {
            let met = locatie(&db, "GM0344", "Hotel", 100).await;
            let zonder = db
                .locatie_toevoegen(&voorbeeld_invoer("GM0344", "Nieuwbouw"), d("2026-01-01"))
                .await
                .unwrap()
                .id;
            let err = db
                .peilingen_opslaan(
                    &[
                        peiling(met, "2026-11-16", 50, 0),
                        peiling(zonder, "2026-11-16", 3, 0),
                    ],
                    d(VANDAAG),
                )
                .await
                .unwrap_err();
            assert_eq!(err.code, ErrorCode::Validatie);
            assert_eq!(err.field.as_deref(), Some("capaciteit"));
            assert_eq!(
                err.message,
                "Nieuwbouw heeft op 16-11-2026 geen gerealiseerde capaciteit; voer eerst een capaciteitsperiode in."
            );
            let err = db
                .peilingen_opslaan(
                    &[
                        peiling(met, "2026-11-16", 50, 0),
                        peiling(met, "2026-11-23", -1, 0),
                    ],
                    d(VANDAAG),
                )
                .await
                .unwrap_err();
            assert_eq!(err.field.as_deref(), Some("ontheemden"));
            let err = db
                .peilingen_opslaan(&[peiling(met, "2026-11-24", 5, 0)], d(VANDAAG))
                .await
                .unwrap_err();
            assert_eq!(err.field.as_deref(), Some("peildatum"));
            let err = db
                .peilingen_opslaan(&[peiling(999, "2026-11-16", 5, 0)], d(VANDAAG))
                .await
                .unwrap_err();
            assert_eq!(err.code, ErrorCode::NietGevonden);
            assert_eq!(aantal_peilingen(&db).await, 0);
        }
    );

    crate::storage::testdb::beide_backends!(
        async fn roll_ups_equal_the_sum_of_their_municipalities(db) {
            let utrecht = locatie(&db, "GM0344", "Hotel", 96_000).await;
            let zeist = locatie(&db, "GM0355", "Kantoor", 830).await;
            let arnhem = locatie(&db, "GM0202", "Schip", 0).await;
            db.peilingen_opslaan(
                &[
                    peiling(utrecht, "2026-11-16", 95_000, 933),
                    peiling(zeist, "2026-11-16", 800, 0),
                ],
                d(VANDAAG),
            )
            .await
            .unwrap();
            let standen = db.standen(d(VANDAAG), &Gebied::land()).await.unwrap();
            let land = Totalen::van(&standen);
            assert_eq!((land.gerealiseerd, land.bezet), (96_830, 96_733));
            assert_eq!(crate::format::percentage(land.graad), "99,9%");
            assert_eq!(land.zonder_peiling, 0, "capacity 0 needs no snapshot");

            for soort in [
                GebiedSoort::Gemeente,
                GebiedSoort::Veiligheidsregio,
                GebiedSoort::Provincie,
            ] {
                let gebieden = per_gebied(&standen, soort);
                let som: i64 = gebieden.iter().map(|g| g.totalen.bezet).sum();
                let plaatsen: i64 = gebieden.iter().map(|g| g.totalen.gerealiseerd).sum();
                assert_eq!(
                    (som, plaatsen),
                    (land.bezet, land.gerealiseerd),
                    "{soort:?}"
                );
                for g in &gebieden {
                    let gebied = Gebied {
                        soort,
                        code: Some(g.code.clone()),
                    };
                    let eigen = db.standen(d(VANDAAG), &gebied).await.unwrap();
                    assert_eq!(Totalen::van(&eigen), g.totalen, "{soort:?} {}", g.code);
                }
            }
            // The map's roll-up tables: each province and safety region equals the dashboard for
            // that area, and together they sum to the dashboard's country totals.
            let dashboard = crate::overview::dashboard(&db, d(VANDAAG), &Gebied::land())
                .await
                .unwrap();
            for soort in [GebiedSoort::Provincie, GebiedSoort::Veiligheidsregio] {
                let rollup = crate::overview::rollup(&db, d(VANDAAG), soort).await.unwrap();
                assert_eq!(rollup.len(), 2, "{soort:?}: Utrecht and Gelderland");
                let som = |f: fn(&Totalen) -> i64| rollup.iter().map(|g| f(&g.totalen)).sum::<i64>();
                assert_eq!(
                    (som(|t| t.gerealiseerd), som(|t| t.bezet), som(|t| t.vrij), som(|t| t.locaties)),
                    (
                        dashboard.totalen.gerealiseerd,
                        dashboard.totalen.bezet,
                        dashboard.totalen.vrij,
                        dashboard.totalen.locaties
                    ),
                    "{soort:?}"
                );
                for g in &rollup {
                    let gebied = Gebied {
                        soort,
                        code: Some(g.code.clone()),
                    };
                    let eigen = crate::overview::dashboard(&db, d(VANDAAG), &gebied)
                        .await
                        .unwrap();
                    assert_eq!(eigen.totalen, g.totalen, "{soort:?} {}", g.code);
                }
            }

            let arnhem_stand = db.locatie_stand(arnhem, d(VANDAAG)).await.unwrap().unwrap();
            assert_eq!(crate::format::percentage(arnhem_stand.graad), "–");

            let trend = crate::overview::trend_tot(&db, d(VANDAAG), &Gebied::land())
                .await
                .unwrap();
            let laatste = trend.last().unwrap();
            assert_eq!((laatste.gerealiseerd, laatste.bezet), (96_830, 96_733));
        }
    );
}
