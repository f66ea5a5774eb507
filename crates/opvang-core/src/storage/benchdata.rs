//! SQL for generated benchmark data: multi-row inserts of checked locations and histories in one transaction.

use sqlx::any::AnyArguments;
use sqlx::query::Query;
use sqlx::Any;

use super::{datum_in, Backend, Db};
use crate::benchdata::BenchLocatie;
use crate::error::CoreResult;
use crate::occupancy::Doelgroep;

/// Bind parameters per statement: sqlx looks up every parameter by name, which costs time
/// quadratic in their number, so a moderate number beats one huge statement.
const PARAMETERS: usize = 100;

/// The target groups the generated data counts (three groups, three rows per snapshot).
const DOELGROEPEN: [Doelgroep; 3] = [
    Doelgroep::Ontheemden,
    Doelgroep::Statushouders,
    Doelgroep::Asielzoekers,
];

/// `INSERT INTO … VALUES ($1, …), (…)` for `rijen` rows of `kolommen` columns.
fn meervoudig(kop: &str, kolommen: usize, rijen: usize) -> String {
    let mut sql = String::with_capacity(kop.len() + rijen * kolommen * 6);
    sql.push_str(kop);
    sql.push_str(" VALUES ");
    for r in 0..rijen {
        sql.push_str(if r == 0 { "(" } else { ", (" });
        for k in 0..kolommen {
            if k > 0 {
                sql.push_str(", ");
            }
            sql.push('$');
            sql.push_str(&(r * kolommen + k + 1).to_string());
        }
        sql.push(')');
    }
    sql
}

/// Inserts `rijen` with `kolommen` binds each, as many rows per statement as the limit allows.
async fn invoegen<'r, T: 'r>(
    tx: &mut sqlx::AnyConnection,
    kop: &str,
    kolommen: usize,
    rijen: &'r [T],
    bind: impl for<'q> Fn(Query<'q, Any, AnyArguments<'q>>, &'r T) -> Query<'q, Any, AnyArguments<'q>>,
) -> CoreResult<()> {
    let per_statement = PARAMETERS / kolommen;
    let mut volle_sql: Option<String> = None;
    for stuk in rijen.chunks(per_statement) {
        let sql = if stuk.len() == per_statement {
            volle_sql.get_or_insert_with(|| meervoudig(kop, kolommen, per_statement))
        } else {
            &meervoudig(kop, kolommen, stuk.len())
        };
        let mut query = sqlx::query(sql);
        for rij in stuk {
            query = bind(query, rij);
        }
        query.execute(&mut *tx).await?;
    }
    Ok(())
}

impl Db {
    /// Stores generated locations with their status history, capacity and snapshots in one
    /// transaction; the locations keep their generated ids.
    pub async fn bench_data_opslaan(&self, locaties: &[BenchLocatie]) -> CoreResult<()> {
        let mut tx = self.pool.begin().await?;
        invoegen(
            &mut tx,
            "INSERT INTO locatie (id, gemeente_code, naam, straat, huisnummer, postcode, plaats, \
             lat, lon, bag_id, soort, beheerder, openingsdatum, einddatum, vergunning, \
             financiering, wooneenheden, eigen_voordeur, eigen_keuken, eigen_sanitair, \
             vloeroppervlak, kosten_per_jaar, pipeline_kans, notities, status)",
            25,
            locaties,
            |q, l| {
                let i = &l.invoer;
                q.bind(l.id)
                    .bind(i.gemeente_code.clone())
                    .bind(i.naam.clone())
                    .bind(i.straat.clone())
                    .bind(i.huisnummer.clone())
                    .bind(i.postcode.clone())
                    .bind(i.plaats.clone())
                    .bind(i.lat)
                    .bind(i.lon)
                    .bind(i.bag_id.clone())
                    .bind(i.soort.code())
                    .bind(i.beheerder.code())
                    .bind(i.openingsdatum.map(datum_in))
                    .bind(i.einddatum.map(datum_in))
                    .bind(i.vergunning.map(|v| v.code()))
                    .bind(i.financiering.code())
                    .bind(i.wooneenheden)
                    .bind(i64::from(i.eigen_voordeur))
                    .bind(i64::from(i.eigen_keuken))
                    .bind(i64::from(i.eigen_sanitair))
                    .bind(i.vloeroppervlak)
                    .bind(i.kosten_per_jaar)
                    .bind(i.pipeline_kans)
                    .bind(i.notities.clone())
                    .bind(l.status.code())
            },
        )
        .await?;
        let statussen: Vec<_> = locaties
            .iter()
            .flat_map(|l| l.statussen.iter().map(move |s| (l.id, *s)))
            .collect();
        invoegen(
            &mut tx,
            "INSERT INTO locatie_status (locatie_id, status, vanaf)",
            3,
            &statussen,
            |q, (id, (status, vanaf))| q.bind(*id).bind(status.code()).bind(datum_in(*vanaf)),
        )
        .await?;
        invoegen(
            &mut tx,
            "INSERT INTO locatie_financiering (locatie_id, financiering, vanaf)",
            3,
            locaties,
            |q, l| {
                q.bind(l.id)
                    .bind(l.invoer.financiering.code())
                    .bind(datum_in(l.statussen[0].1))
            },
        )
        .await?;
        let perioden: Vec<_> = locaties.iter().flat_map(|l| &l.capaciteit).collect();
        invoegen(
            &mut tx,
            "INSERT INTO capaciteit (locatie_id, vanaf, tot_en_met, plaatsen)",
            4,
            &perioden,
            |q, p| {
                q.bind(p.locatie_id)
                    .bind(datum_in(p.vanaf))
                    .bind(p.tot_en_met.map(datum_in))
                    .bind(p.plaatsen)
            },
        )
        .await?;
        let peilingen: Vec<_> = locaties.iter().flat_map(|l| &l.peilingen).collect();
        invoegen(
            &mut tx,
            "INSERT INTO peiling (locatie_id, peildatum, niet_inzetbaar, reden_niet_inzetbaar)",
            4,
            &peilingen,
            |q, p| {
                q.bind(p.locatie_id)
                    .bind(datum_in(p.peildatum))
                    .bind(p.niet_inzetbaar)
                    .bind(p.reden_niet_inzetbaar.clone())
            },
        )
        .await?;
        let bezetting: Vec<_> = peilingen
            .iter()
            .flat_map(|p| DOELGROEPEN.iter().map(move |g| (*p, *g)))
            .collect();
        invoegen(
            &mut tx,
            "INSERT INTO bezetting (locatie_id, peildatum, doelgroep, aantal)",
            4,
            &bezetting,
            |q, (p, groep)| {
                q.bind(p.locatie_id)
                    .bind(datum_in(p.peildatum))
                    .bind(groep.code())
                    .bind(p.bezetting.get(*groep))
            },
        )
        .await?;
        if self.backend == Backend::Postgres {
            sqlx::query(
                "SELECT setval(pg_get_serial_sequence('locatie', 'id'), \
                 (SELECT MAX(id) FROM locatie))",
            )
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }
}
