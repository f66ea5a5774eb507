//! SQL for generated benchmark data: multi-row inserts of checked locations and histories in one transaction.

use super::bulk::uitvoeren;
use super::{datum_in, Backend, Db};
use crate::benchdata::BenchLocatie;
use crate::error::CoreResult;
use crate::occupancy::Doelgroep;

/// The target groups the generated data counts (three groups, three rows per snapshot).
const DOELGROEPEN: [Doelgroep; 3] = [
    Doelgroep::Ontheemden,
    Doelgroep::Statushouders,
    Doelgroep::Asielzoekers,
];

impl Db {
    /// Stores generated locations with their status history, capacity and snapshots in one
    /// transaction; the locations keep their generated ids.
    pub async fn bench_data_opslaan(&self, locaties: &[BenchLocatie]) -> CoreResult<()> {
        let mut tx = self.pool.begin().await?;
        uitvoeren(
            &mut tx,
            self.backend,
            "INSERT INTO locatie (id, gemeente_code, naam, straat, huisnummer, postcode, plaats, \
             lat, lon, bag_id, soort, beheerder, openingsdatum, einddatum, vergunning, \
             financiering, wooneenheden, eigen_voordeur, eigen_keuken, eigen_sanitair, \
             vloeroppervlak, kosten_per_jaar, pipeline_kans, notities, status)",
            "",
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
        uitvoeren(
            &mut tx,
            self.backend,
            "INSERT INTO locatie_status (locatie_id, status, vanaf)",
            "",
            3,
            &statussen,
            |q, (id, (status, vanaf))| q.bind(*id).bind(status.code()).bind(datum_in(*vanaf)),
        )
        .await?;
        uitvoeren(
            &mut tx,
            self.backend,
            "INSERT INTO locatie_financiering (locatie_id, financiering, vanaf)",
            "",
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
        uitvoeren(
            &mut tx,
            self.backend,
            "INSERT INTO capaciteit (locatie_id, vanaf, tot_en_met, plaatsen)",
            "",
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
        uitvoeren(
            &mut tx,
            self.backend,
            "INSERT INTO peiling (locatie_id, peildatum, niet_inzetbaar, reden_niet_inzetbaar)",
            "",
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
        uitvoeren(
            &mut tx,
            self.backend,
            "INSERT INTO bezetting (locatie_id, peildatum, doelgroep, aantal)",
            "",
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
