//! SQL for the spreadsheet import: locations, capacity periods and snapshots in one transaction.

use std::collections::{HashMap, HashSet};

use chrono::{Days, NaiveDate};
use serde::Serialize;
use sqlx::any::AnyArguments;
use sqlx::query::Query;
use sqlx::{Any, AnyConnection, Row};
use ts_rs::TS;

use super::audit::{self, json, Wijziging};
use super::{bulk, datum_in, datum_optie_uit, datum_uit, Backend, Db};
use crate::error::{CoreError, CoreResult};
use crate::format::aantal_in;
use crate::i18n;
use crate::import::{
    ontleed, Ernst, ImportRegel, ImportVeld, ImportVoorbeeld, Koppeling, Ontleding, Tabel,
};
use crate::occupancy::{Bezetting, Doelgroep};
use crate::progress::Voortgang;

/// What an import changed (or, as a dry run, would change).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ImportResultaat {
    pub nieuwe_locaties: u64,
    pub capaciteitswijzigingen: u64,
    pub nieuwe_peilingen: u64,
    pub gewijzigde_peilingen: u64,
    pub ongewijzigde_peilingen: u64,
    /// True when nothing was stored (dry run).
    pub proef: bool,
}

fn rij_fout(regel: &ImportRegel, kolom: &str, bericht: String) -> CoreError {
    CoreError::validatie(kolom, "fout.storage_import.rij_kolom")
        .met("rij", &regel.rij)
        .met("kolom", &kolom)
        .met("bericht", &bericht)
}

/// Rows of the file per write batch: snapshots, counts and audit entries wait in memory until this
/// many rows are done, then go out as multi-row statements per kind; progress is reported per
/// batch.
const PARTIJ: usize = 2000;

/// Location ids per query when loading what is stored, leaving room for two more binds.
const IDS_PER_QUERY: usize = 98;

impl Db {
    /// Stores the rows of `ontleding` in one transaction: all or nothing.
    ///
    /// Locations are matched on municipality and name and created when missing; a capacity that
    /// differs from the one in force on the peildatum starts a new capacity period; snapshots are
    /// upserted on location and peildatum, so importing the same file again changes nothing.
    /// With `proef` everything is computed and rolled back.
    ///
    /// What is stored for the file's locations (capacity periods, snapshots in the file's date
    /// range) is read up front in a few queries; new locations and capacity changes are written
    /// first. New and changed snapshots, their counts and the audit entries are then written in
    /// batches of multi-row statements, which a blocking thread builds while this task has the
    /// database run the batch before. A count of zero for a target group gets no row unless one
    /// was stored (readers take a missing row as zero).
    pub async fn importeren(
        &self,
        ontleding: &Ontleding,
        proef: bool,
        mut voortgang: impl FnMut(Voortgang),
    ) -> CoreResult<ImportResultaat> {
        if let Some(eerste) = ontleding
            .problemen
            .iter()
            .find(|p| p.ernst == crate::import::Ernst::Fout)
        {
            let aantal = ontleding
                .problemen
                .iter()
                .filter(|p| p.ernst == crate::import::Ernst::Fout)
                .count();
            return Err(CoreError::validatie(
                &eerste.kolom,
                "fout.storage_import.bestand_niet_geimporteerd_fout",
            )
            .met("aantal", &aantal)
            .met("eerste", &eerste));
        }
        let klein = crate::import::kleine_namen(&ontleding.regels);
        let mut regels: Vec<((&str, &str, NaiveDate), &ImportRegel)> = ontleding
            .regels
            .iter()
            .map(|r| {
                let naam = klein[r.naam.as_str()].as_str();
                ((r.gemeente_code.as_str(), naam, r.peildatum), r)
            })
            .collect();
        regels.sort_by(|a, b| a.0.cmp(&b.0));
        // The file's locations: runs of rows with the same municipality and lower-cased name.
        let groepen: Vec<Vec<&ImportRegel>> = regels
            .chunk_by(|a, b| (a.0 .0, a.0 .1) == (b.0 .0, b.0 .1))
            .map(|run| run.iter().map(|(_, r)| *r).collect())
            .collect();
        let totaal = regels.len() as u64;
        let gebruiker = self.gebruiker().await?;
        let mut tx = self.pool.begin().await?;
        let mut uitslag = ImportResultaat {
            proef,
            ..ImportResultaat::default()
        };
        let bestaand = bestaande_locaties(&mut tx, &groepen).await?;
        let ids: Vec<i64> = bestaand.iter().flatten().map(|(id, _)| *id).collect();
        let mut perioden = perioden_laden(&mut tx, &ids).await?;
        let peilingen = match (
            regels.iter().map(|r| r.1.peildatum).min(),
            regels.iter().map(|r| r.1.peildatum).max(),
        ) {
            (Some(van), Some(tot)) => peilingen_laden(&mut tx, &ids, van, tot).await?,
            _ => HashMap::new(),
        };
        // Locations and capacity first, in the file's order per location: few statements, each
        // needing the one before (new ids).
        let mut vooraf = Vec::new();
        let mut standen = Vec::with_capacity(regels.len());
        for (groep, bestaand) in groepen.iter().zip(bestaand) {
            let eerste = groep[0];
            let locatie_id = match bestaand {
                Some((_, status)) if status == "gesloten" => {
                    return Err(rij_fout(
                        eerste,
                        &ImportVeld::Locatie.label(),
                        i18n::tekst_met(
                            i18n::actieve_taal(),
                            "fout.storage_import.locatie_gesloten",
                            &[("naam", &eerste.naam)],
                        ),
                    ));
                }
                Some((id, _)) => id,
                None => locatie_maken(&mut tx, eerste, &mut vooraf, &mut uitslag).await?,
            };
            let perioden = perioden.entry(locatie_id).or_default();
            for regel in groep {
                if let Some(plaatsen) = regel.capaciteit {
                    if capaciteit_bijwerken(
                        &mut tx,
                        perioden,
                        locatie_id,
                        regel.peildatum,
                        plaatsen,
                        &mut vooraf,
                    )
                    .await?
                    {
                        uitslag.capaciteitswijzigingen += 1;
                    }
                }
                standen.push(Stand {
                    locatie_id,
                    peildatum: regel.peildatum,
                    niet_inzetbaar: regel.niet_inzetbaar,
                    bezetting: regel.bezetting,
                });
            }
        }
        audit::schrijf_alle(&mut tx, self.backend, &gebruiker, &vooraf).await?;

        // Then the snapshots: another thread compares them with what is stored and builds the
        // batches' statements while this one has the database run the previous ones.
        let (zender, mut ontvanger) = tokio::sync::mpsc::channel(8);
        let backend = self.backend;
        let bouwer = tokio::task::spawn_blocking(move || {
            peilingen_bouwen(&standen, peilingen, backend, &gebruiker, &zender)
        });
        while let Some(opdracht) = ontvanger.recv().await {
            match opdracht {
                Opdracht::Statement(statement) => statement.uitvoeren(&mut tx).await?,
                Opdracht::Gedaan(gedaan) => {
                    let taal = i18n::actieve_taal();
                    voortgang(Voortgang::nieuw(
                        gedaan,
                        totaal,
                        "voortgang.import",
                        &[
                            ("gedaan", &aantal_in(taal, gedaan as i64)),
                            ("totaal", &aantal_in(taal, totaal as i64)),
                        ],
                    ));
                }
            }
        }
        let tellingen = match bouwer.await {
            Ok(tellingen) => tellingen?,
            Err(fout) => std::panic::resume_unwind(fout.into_panic()),
        };
        uitslag.nieuwe_peilingen = tellingen.nieuwe_peilingen;
        uitslag.gewijzigde_peilingen = tellingen.gewijzigde_peilingen;
        uitslag.ongewijzigde_peilingen = tellingen.ongewijzigde_peilingen;
        if proef {
            tx.rollback().await?;
        } else {
            tx.commit().await?;
        }
        Ok(uitslag)
    }
}

/// Settings key prefix of a saved mapping; the key ends in the fingerprint of the heading row.
const KOPPELING_SLEUTEL: &str = "import_koppeling:";

impl Db {
    /// The mapping saved for a file with these headings, if there is one that still fits them.
    pub async fn opgeslagen_koppeling(&self, koppen: &[String]) -> CoreResult<Option<Koppeling>> {
        let waarde: Option<String> =
            sqlx::query_scalar("SELECT waarde FROM instelling WHERE sleutel = $1")
                .bind(format!(
                    "{KOPPELING_SLEUTEL}{}",
                    Koppeling::vingerafdruk(koppen)
                ))
                .fetch_optional(&self.pool)
                .await?;
        Ok(waarde
            .and_then(|w| Koppeling::uit_json(&w).ok())
            .filter(|k| k.past_op(koppen)))
    }

    /// Saves `koppeling` for files with these headings, so the next such file uses it; a mapping
    /// equal to the automatic one removes the saved one instead. True when a mapping is saved.
    pub async fn koppeling_opslaan(
        &self,
        koppen: &[String],
        koppeling: &Koppeling,
    ) -> CoreResult<bool> {
        if !koppeling.past_op(koppen) {
            return Err(CoreError::validatie(
                "koppeling",
                "fout.storage_import.koppeling_hoort_niet_kolommen",
            ));
        }
        let sleutel = format!("{KOPPELING_SLEUTEL}{}", Koppeling::vingerafdruk(koppen));
        if *koppeling == Koppeling::automatisch(koppen) {
            sqlx::query("DELETE FROM instelling WHERE sleutel = $1")
                .bind(sleutel)
                .execute(&self.pool)
                .await?;
            return Ok(false);
        }
        sqlx::query(
            "INSERT INTO instelling (sleutel, waarde) VALUES ($1, $2) \
             ON CONFLICT (sleutel) DO UPDATE SET waarde = excluded.waarde",
        )
        .bind(sleutel)
        .bind(koppeling.naar_json())
        .execute(&self.pool)
        .await?;
        Ok(true)
    }

    /// The preview of importing `tabel` with `koppeling`: saves the mapping for these headings
    /// (see [`Db::koppeling_opslaan`]), lists every problem and, when nothing refuses the import,
    /// counts what it would change with a dry run.
    pub async fn import_voorbeeld(
        &self,
        tabel: &Tabel,
        koppeling: &Koppeling,
        vandaag: NaiveDate,
        voortgang: impl FnMut(Voortgang),
    ) -> CoreResult<ImportVoorbeeld> {
        let ontleding = ontleed(tabel, koppeling, &self.gemeenten().await?, vandaag)?;
        let koppeling_opgeslagen = self.koppeling_opslaan(&tabel.koppen, koppeling).await?;
        let fouten = ontleding
            .problemen
            .iter()
            .filter(|p| p.ernst == Ernst::Fout)
            .count();
        let resultaat = if fouten == 0 {
            Some(self.importeren(&ontleding, true, voortgang).await?)
        } else {
            None
        };
        Ok(ImportVoorbeeld {
            regels: ontleding.regels.len(),
            fouten,
            waarschuwingen: ontleding.problemen.len() - fouten,
            problemen: ontleding.problemen,
            resultaat,
            koppeling_opgeslagen,
        })
    }
}

/// `$n, $n+1, …` for `aantal` binds starting at `eerste`.
fn binds(eerste: usize, aantal: usize) -> String {
    (eerste..eerste + aantal)
        .map(|n| format!("${n}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Per location of the file (each group's first row), the stored location with the same
/// municipality and name regardless of case, as its id and status.
async fn bestaande_locaties(
    tx: &mut AnyConnection,
    groepen: &[Vec<&ImportRegel>],
) -> CoreResult<Vec<Option<(i64, String)>>> {
    let mut gevonden = vec![None; groepen.len()];
    for (stuk_nr, stuk) in groepen.chunks(33).enumerate() {
        let waarden = (0..stuk.len())
            .map(|i| format!("(${}, ${}, ${})", 3 * i + 1, 3 * i + 2, 3 * i + 3))
            .collect::<Vec<_>>()
            .join(", ");
        let sql = format!(
            "WITH bestand (nr, gemeente_code, naam) AS (VALUES {waarden}) \
             SELECT b.nr, l.id, l.status FROM bestand b JOIN locatie l \
             ON l.gemeente_code = b.gemeente_code AND lower(l.naam) = lower(b.naam) \
             ORDER BY b.nr, l.id"
        );
        let mut query = sqlx::query(&sql);
        for (i, groep) in stuk.iter().enumerate() {
            query = query
                .bind((stuk_nr * 33 + i) as i64)
                .bind(groep[0].gemeente_code.clone())
                .bind(groep[0].naam.trim().to_owned());
        }
        for row in query.fetch_all(&mut *tx).await? {
            let nr: i64 = row.try_get("nr")?;
            let plek = &mut gevonden[nr as usize];
            if plek.is_none() {
                *plek = Some((row.try_get("id")?, row.try_get("status")?));
            }
        }
    }
    Ok(gevonden)
}

/// A capacity period as the import keeps it while it works.
struct Periode {
    id: i64,
    vanaf: NaiveDate,
    tot_en_met: Option<NaiveDate>,
    plaatsen: i64,
}

/// The capacity periods of the locations `ids`, per location.
async fn perioden_laden(
    tx: &mut AnyConnection,
    ids: &[i64],
) -> CoreResult<HashMap<i64, Vec<Periode>>> {
    let mut perioden: HashMap<i64, Vec<Periode>> = HashMap::new();
    for stuk in ids.chunks(IDS_PER_QUERY) {
        let sql = format!(
            "SELECT id, locatie_id, vanaf, tot_en_met, plaatsen FROM capaciteit \
             WHERE locatie_id IN ({})",
            binds(1, stuk.len())
        );
        let mut query = sqlx::query(&sql);
        for id in stuk {
            query = query.bind(*id);
        }
        for row in query.fetch_all(&mut *tx).await? {
            perioden
                .entry(row.try_get("locatie_id")?)
                .or_default()
                .push(Periode {
                    id: row.try_get("id")?,
                    vanaf: datum_uit(&row.try_get::<String, _>("vanaf")?)?,
                    tot_en_met: datum_optie_uit(row.try_get("tot_en_met")?)?,
                    plaatsen: row.try_get("plaatsen")?,
                });
        }
    }
    Ok(perioden)
}

/// A stored snapshot as the import keeps it while it works.
#[derive(Default)]
struct Opgeslagen {
    niet_inzetbaar: i64,
    bezetting: Bezetting,
}

/// The stored snapshots of the locations `ids` from `van` through `tot`.
async fn peilingen_laden(
    tx: &mut AnyConnection,
    ids: &[i64],
    van: NaiveDate,
    tot: NaiveDate,
) -> CoreResult<HashMap<(i64, NaiveDate), Opgeslagen>> {
    let mut peilingen: HashMap<(i64, NaiveDate), Opgeslagen> = HashMap::new();
    for stuk in ids.chunks(IDS_PER_QUERY) {
        let lijst = binds(3, stuk.len());
        for tabel in ["peiling", "bezetting"] {
            let kolommen = if tabel == "peiling" {
                "locatie_id, peildatum, niet_inzetbaar"
            } else {
                "locatie_id, peildatum, doelgroep, aantal"
            };
            let sql = format!(
                "SELECT {kolommen} FROM {tabel} \
                 WHERE peildatum >= $1 AND peildatum <= $2 AND locatie_id IN ({lijst})"
            );
            let mut query = sqlx::query(&sql).bind(datum_in(van)).bind(datum_in(tot));
            for id in stuk {
                query = query.bind(*id);
            }
            for row in query.fetch_all(&mut *tx).await? {
                let sleutel = (
                    row.try_get("locatie_id")?,
                    datum_uit(&row.try_get::<String, _>("peildatum")?)?,
                );
                if tabel == "peiling" {
                    peilingen.entry(sleutel).or_default().niet_inzetbaar =
                        row.try_get("niet_inzetbaar")?;
                    continue;
                }
                // Counts follow their snapshot (foreign key), so the entry exists.
                let Some(p) = peilingen.get_mut(&sleutel) else {
                    continue;
                };
                let code: String = row.try_get("doelgroep")?;
                if let Some(groep) = Doelgroep::from_code(&code) {
                    p.bezetting.set(groep, row.try_get("aantal")?);
                }
            }
        }
    }
    Ok(peilingen)
}

/// What the snapshot writer needs of a row of the file, with its location's id.
#[derive(Clone, Copy)]
struct Stand {
    locatie_id: i64,
    peildatum: NaiveDate,
    niet_inzetbaar: i64,
    bezetting: Bezetting,
}

/// From the thread that builds the snapshot batches to the one that runs them, in order.
enum Opdracht {
    Statement(bulk::Statement),
    /// Rows of the file done once the statements before this have run.
    Gedaan(u64),
}

/// Compares every snapshot of `standen` with `peilingen` (what is stored) and sends the writes
/// of each batch of [`PARTIJ`] rows to `uit`, each batch followed by the number of rows done;
/// returns the counts of new, changed and unchanged snapshots. Stops early, without error, when
/// the receiver has stopped (a write failed).
fn peilingen_bouwen(
    standen: &[Stand],
    mut peilingen: HashMap<(i64, NaiveDate), Opgeslagen>,
    backend: Backend,
    gebruiker: &str,
    uit: &tokio::sync::mpsc::Sender<Opdracht>,
) -> CoreResult<ImportResultaat> {
    let mut tellingen = ImportResultaat::default();
    let mut partij = Partij::default();
    let verzenden = |partij: &mut Partij| -> CoreResult<bool> {
        for statement in partij.statements(backend, gebruiker) {
            if uit.blocking_send(Opdracht::Statement(statement?)).is_err() {
                return Ok(false);
            }
        }
        partij.legen();
        Ok(true)
    };
    for (i, stand) in standen.iter().enumerate() {
        if partij
            .sleutels
            .contains(&(stand.locatie_id, stand.peildatum))
        {
            // The same snapshot twice: the first is written before the second is compared.
            if !verzenden(&mut partij)? {
                return Ok(tellingen);
            }
        }
        partij.peiling(&mut peilingen, stand, &mut tellingen);
        let gedaan = i + 1;
        let vol = partij.sleutels.len() >= PARTIJ || gedaan == standen.len();
        if vol
            && (!verzenden(&mut partij)?
                || uit.blocking_send(Opdracht::Gedaan(gedaan as u64)).is_err())
        {
            return Ok(tellingen);
        }
    }
    Ok(tellingen)
}

/// A snapshot as the import's audit entries record it before and after: only what the import
/// sets, so the change history shows what changed (the location is in the entry's record).
#[derive(Serialize)]
struct PeilingAudit {
    peildatum: NaiveDate,
    niet_inzetbaar: i64,
    bezetting: Bezetting,
}

/// Writes waiting to go out in batches, in the order they must run.
#[derive(Default)]
struct Partij {
    /// Location, peildatum, not usable.
    nieuwe_peilingen: Vec<(i64, String, i64)>,
    gewijzigde_peilingen: Vec<(i64, String, i64)>,
    /// Location, peildatum, target group, count.
    bezetting: Vec<(i64, String, &'static str, i64)>,
    audit: Vec<Wijziging<'static>>,
    /// The snapshots this batch writes.
    sleutels: HashSet<(i64, NaiveDate)>,
}

impl Partij {
    /// Compares the snapshot `stand` with the stored one and queues what differs; an
    /// identical stored snapshot is left alone.
    fn peiling(
        &mut self,
        peilingen: &mut HashMap<(i64, NaiveDate), Opgeslagen>,
        stand: &Stand,
        uitslag: &mut ImportResultaat,
    ) {
        let locatie_id = stand.locatie_id;
        let sleutel = (locatie_id, stand.peildatum);
        let dag = datum_in(stand.peildatum);
        let opgeslagen = peilingen.get(&sleutel);
        let voor = match opgeslagen {
            Some(p)
                if p.niet_inzetbaar == stand.niet_inzetbaar && p.bezetting == stand.bezetting =>
            {
                uitslag.ongewijzigde_peilingen += 1;
                return;
            }
            Some(p) => {
                self.gewijzigde_peilingen
                    .push((locatie_id, dag.clone(), stand.niet_inzetbaar));
                uitslag.gewijzigde_peilingen += 1;
                json(&PeilingAudit {
                    peildatum: stand.peildatum,
                    niet_inzetbaar: p.niet_inzetbaar,
                    bezetting: p.bezetting,
                })
            }
            None => {
                self.nieuwe_peilingen
                    .push((locatie_id, dag.clone(), stand.niet_inzetbaar));
                uitslag.nieuwe_peilingen += 1;
                None
            }
        };
        // Only counts that differ from the stored ones (a missing row counts as zero).
        for groep in Doelgroep::ALLE {
            let aantal = stand.bezetting.get(groep);
            if aantal != opgeslagen.map_or(0, |p| p.bezetting.get(groep)) {
                self.bezetting
                    .push((locatie_id, dag.clone(), groep.code(), aantal));
            }
        }
        self.audit.push(Wijziging {
            tabel: "peiling",
            record: format!("{locatie_id}/{dag}"),
            locatie_id,
            actie: if voor.is_some() {
                "wijzigen"
            } else {
                "toevoegen"
            },
            voor,
            na: json(&PeilingAudit {
                peildatum: stand.peildatum,
                niet_inzetbaar: stand.niet_inzetbaar,
                bezetting: stand.bezetting,
            }),
        });
        self.sleutels.insert(sleutel);
        peilingen.insert(
            sleutel,
            Opgeslagen {
                niet_inzetbaar: stand.niet_inzetbaar,
                bezetting: stand.bezetting,
            },
        );
    }

    /// The waiting writes, each kind as multi-row statements: new snapshots, changed snapshots,
    /// their counts, then the audit entries in the order the changes were made.
    fn statements<'p>(
        &'p self,
        backend: Backend,
        gebruiker: &str,
    ) -> impl Iterator<Item = CoreResult<bulk::Statement>> + 'p {
        let nieuw = bulk::statements(
            backend,
            "INSERT INTO peiling (locatie_id, peildatum, niet_inzetbaar)",
            "",
            3,
            &self.nieuwe_peilingen,
            peiling_binds,
        );
        let gewijzigd = bulk::statements(
            backend,
            "WITH v (locatie_id, peildatum, niet_inzetbaar) AS (",
            ") UPDATE peiling SET niet_inzetbaar = v.niet_inzetbaar, versie = versie + 1 \
             FROM v WHERE peiling.locatie_id = v.locatie_id AND peiling.peildatum = v.peildatum",
            3,
            &self.gewijzigde_peilingen,
            peiling_binds,
        );
        let bezetting = bulk::statements(
            backend,
            "INSERT INTO bezetting (locatie_id, peildatum, doelgroep, aantal)",
            "ON CONFLICT (locatie_id, peildatum, doelgroep) DO UPDATE SET aantal = excluded.aantal",
            4,
            &self.bezetting,
            |q, (id, dag, groep, aantal)| q.bind(*id).bind(dag.clone()).bind(*groep).bind(*aantal),
        );
        nieuw
            .chain(gewijzigd)
            .chain(bezetting)
            .chain(audit::statements(backend, gebruiker, &self.audit))
    }

    /// Empties the batch once its statements are on their way.
    fn legen(&mut self) {
        self.nieuwe_peilingen.clear();
        self.gewijzigde_peilingen.clear();
        self.bezetting.clear();
        self.audit.clear();
        self.sleutels.clear();
    }
}

/// Binds a queued snapshot: location, peildatum, not usable.
fn peiling_binds(
    q: Query<'static, Any, AnyArguments<'static>>,
    (id, dag, niet_inzetbaar): &(i64, String, i64),
) -> Query<'static, Any, AnyArguments<'static>> {
    q.bind(*id).bind(dag.clone()).bind(*niet_inzetbaar)
}

/// Creates the location of `regel` with its first status and financing; queues its audit entry.
async fn locatie_maken(
    tx: &mut AnyConnection,
    regel: &ImportRegel,
    audit: &mut Vec<Wijziging<'static>>,
    uitslag: &mut ImportResultaat,
) -> CoreResult<i64> {
    let a = &regel.adres;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO locatie (gemeente_code, naam, straat, huisnummer, postcode, plaats, soort, \
         beheerder, status, financiering) VALUES ($1, $2, $3, $4, $5, $6, $7, 'overig', \
         'in_gebruik', 'overig') RETURNING id",
    )
    .bind(regel.gemeente_code.clone())
    .bind(regel.naam.trim().to_owned())
    .bind(a.straat.clone())
    .bind(a.huisnummer.clone())
    .bind(a.postcode.clone())
    .bind(a.plaats.clone())
    .bind(regel.soort.code())
    .fetch_one(&mut *tx)
    .await?;
    let vanaf = datum_in(regel.peildatum);
    sqlx::query("INSERT INTO locatie_status (locatie_id, status, vanaf) VALUES ($1, $2, $3)")
        .bind(id)
        .bind("in_gebruik")
        .bind(vanaf.clone())
        .execute(&mut *tx)
        .await?;
    sqlx::query(
        "INSERT INTO locatie_financiering (locatie_id, financiering, vanaf) VALUES ($1, $2, $3)",
    )
    .bind(id)
    .bind("overig")
    .bind(vanaf)
    .execute(&mut *tx)
    .await?;
    audit.push(Wijziging {
        tabel: "locatie",
        record: id.to_string(),
        locatie_id: id,
        actie: "toevoegen",
        voor: None,
        na: json(regel),
    });
    uitslag.nieuwe_locaties += 1;
    Ok(id)
}

/// Makes `plaatsen` the capacity from `datum` on when it differs, in the database and in
/// `perioden` (the location's periods); queues the audit entry. True when something changed.
async fn capaciteit_bijwerken(
    tx: &mut AnyConnection,
    perioden: &mut Vec<Periode>,
    locatie_id: i64,
    datum: NaiveDate,
    plaatsen: i64,
    audit: &mut Vec<Wijziging<'static>>,
) -> CoreResult<bool> {
    let geldend = perioden
        .iter_mut()
        .filter(|p| p.vanaf <= datum && p.tot_en_met.is_none_or(|t| t >= datum))
        .max_by_key(|p| p.vanaf);
    let (tot_en_met, voor) = match geldend {
        Some(p) => {
            let huidig = p.plaatsen;
            if huidig == plaatsen {
                return Ok(false);
            }
            if p.vanaf == datum {
                sqlx::query(
                    "UPDATE capaciteit SET plaatsen = $1, versie = versie + 1 WHERE id = $2",
                )
                .bind(plaatsen)
                .bind(p.id)
                .execute(&mut *tx)
                .await?;
                p.plaatsen = plaatsen;
                audit.push(Wijziging {
                    tabel: "capaciteit",
                    record: p.id.to_string(),
                    locatie_id,
                    actie: "wijzigen",
                    voor: Some(format!("{{\"plaatsen\":{huidig}}}")),
                    na: Some(format!("{{\"plaatsen\":{plaatsen}}}")),
                });
                return Ok(true);
            }
            let dag_ervoor = datum.checked_sub_days(Days::new(1)).expect("valid date");
            sqlx::query("UPDATE capaciteit SET tot_en_met = $1, versie = versie + 1 WHERE id = $2")
                .bind(datum_in(dag_ervoor))
                .bind(p.id)
                .execute(&mut *tx)
                .await?;
            let tot = p.tot_en_met.replace(dag_ervoor);
            (tot, Some(format!("{{\"plaatsen\":{huidig}}}")))
        }
        None => {
            let volgende = perioden
                .iter()
                .map(|p| p.vanaf)
                .filter(|&v| v > datum)
                .min();
            let tot = volgende.map(|v| v.checked_sub_days(Days::new(1)).expect("valid date"));
            (tot, None)
        }
    };
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO capaciteit (locatie_id, vanaf, tot_en_met, plaatsen) \
         VALUES ($1, $2, $3, $4) RETURNING id",
    )
    .bind(locatie_id)
    .bind(datum_in(datum))
    .bind(tot_en_met.map(datum_in))
    .bind(plaatsen)
    .fetch_one(&mut *tx)
    .await?;
    perioden.push(Periode {
        id,
        vanaf: datum,
        tot_en_met,
        plaatsen,
    });
    audit.push(Wijziging {
        tabel: "capaciteit",
        record: id.to_string(),
        locatie_id,
        actie: "toevoegen",
        voor,
        na: Some(format!("{{\"plaatsen\":{plaatsen}}}")),
    });
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::{lees_csv, ImportVeld};
    use crate::occupancy::{Doelgroep, Gebied, Totalen};
    use crate::storage::testdb::beide_backends;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    async fn lees(db: &Db, tekst: &str) -> Ontleding {
        let tabel = lees_csv(tekst.as_bytes()).unwrap();
        let koppeling = Koppeling::automatisch(&tabel.koppen);
        ontleed(
            &tabel,
            &koppeling,
            &db.gemeenten().await.unwrap(),
            d("2026-11-23"),
        )
        .unwrap()
    }

    async fn bekijk(db: &Db, tekst: &str) -> ImportVoorbeeld {
        let tabel = lees_csv(tekst.as_bytes()).unwrap();
        let koppeling = Koppeling::automatisch(&tabel.koppen);
        db.import_voorbeeld(&tabel, &koppeling, d("2026-11-23"), |_| {})
            .await
            .unwrap()
    }

    async fn ontleed_met(db: &Db, tabel: &Tabel) -> Ontleding {
        let koppeling = Koppeling::automatisch(&tabel.koppen);
        ontleed(
            tabel,
            &koppeling,
            &db.gemeenten().await.unwrap(),
            d("2026-11-23"),
        )
        .unwrap()
    }

    async fn telling(db: &Db) -> (i64, i64, i64, i64) {
        let tel = |tabel: &'static str| async move {
            sqlx::query_scalar::<_, i64>(&format!("SELECT COUNT(*) FROM {tabel}"))
                .fetch_one(&db.pool)
                .await
                .unwrap()
        };
        (
            tel("locatie").await,
            tel("capaciteit").await,
            tel("peiling").await,
            tel("auditlog").await,
        )
    }

    const BESTAND: &str = "Overzicht opvang;;;\n\
        Gemeentecode;Locatie;Adres;Type;Capaciteit;Niet inzetbaar;Bezet ontheemden;Bezet statushouders;Peildatum\n\
        GM0344;Hotel Zuid;Stationsweg 12, 3511 AB Utrecht;Hotel;100;5;40;20;1-10-2026\n\
        GM0344;Hotel Zuid;Stationsweg 12, 3511 AB Utrecht;Hotel;120;0;50;20;1-11-2026\n\
        GM0344;Kantoor Noord;;Kantoor;1.024;0;500;0;2026-11-01\n\
        GM0363;Boot;;Cruiseschip;200;0;150;10;46327\n";

    beide_backends!(
        async fn import_is_all_or_nothing_and_idempotent(db) {
            let o = lees(&db, BESTAND).await;
            assert_eq!(o.problemen, vec![]);
            let mut stappen = Vec::new();
            let proef = db.importeren(&o, true, |v| stappen.push(v)).await.unwrap();
            assert_eq!(proef.nieuwe_locaties, 3);
            assert_eq!(proef.capaciteitswijzigingen, 4);
            assert_eq!(proef.nieuwe_peilingen, 4);
            assert_eq!(telling(&db).await, (0, 0, 0, 0));
            assert_eq!(stappen.last().unwrap().gedaan, 4);

            let echt = db.importeren(&o, false, |_| {}).await.unwrap();
            assert_eq!(ImportResultaat { proef: true, ..echt.clone() }, proef);
            let na_eerste = telling(&db).await;
            assert_eq!((na_eerste.0, na_eerste.1, na_eerste.2), (3, 4, 4));

            // Totals at the peildatum equal the file's totals.
            let standen = db.standen(d("2026-11-01"), &Gebied::land()).await.unwrap();
            let totalen = Totalen::van(&standen);
            assert_eq!(totalen.gerealiseerd, 120 + 1024 + 200);
            assert_eq!(totalen.bezetting.totaal(), 70 + 500 + 160);
            let zuid = db
                .locaties(&Default::default())
                .await
                .unwrap()
                .into_iter()
                .find(|l| l.gegevens.naam == "Hotel Zuid")
                .unwrap();
            assert_eq!(zuid.gegevens.postcode, "3511 AB");
            assert_eq!(zuid.gegevens.huisnummer, "12");
            let perioden = db.capaciteit(zuid.id).await.unwrap();
            assert_eq!(perioden.len(), 2);
            assert_eq!(perioden[0].tot_en_met, Some(d("2026-10-31")));
            assert_eq!(perioden[1].plaatsen, 120);

            let opnieuw = db.importeren(&o, false, |_| {}).await.unwrap();
            assert_eq!(
                opnieuw,
                ImportResultaat { ongewijzigde_peilingen: 4, ..ImportResultaat::default() }
            );
            assert_eq!(telling(&db).await, na_eerste);
        }
    );

    beide_backends!(
        async fn a_second_file_updates_what_differs_and_zero_counts_need_no_row(db) {
            let o = lees(&db, BESTAND).await;
            db.importeren(&o, false, |_| {}).await.unwrap();
            let bezettingsrijen = || async {
                sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM bezetting")
                    .fetch_one(&db.pool)
                    .await
                    .unwrap()
            };
            // Only the non-zero counts: 40+20, 50+20, 500, 150+10.
            assert_eq!(bezettingsrijen().await, 7);

            // Hotel Zuid on 1-11 gets 3 not usable and no statushouders any more, an earlier week
            // with a lower capacity; Kantoor Noord's capacity changes on the day it started.
            let tweede = BESTAND
                .replace("120;0;50;20;1-11-2026", "120;3;50;0;1-11-2026")
                .replace("Kantoor;1.024;0;500;0", "Kantoor;1.000;0;500;0")
                + "GM0344;Hotel Zuid;;Hotel;90;0;30;0;1-9-2026\n";
            let o = lees(&db, &tweede).await;
            let r = db.importeren(&o, false, |_| {}).await.unwrap();
            assert_eq!(
                r,
                ImportResultaat {
                    capaciteitswijzigingen: 2,
                    nieuwe_peilingen: 1,
                    gewijzigde_peilingen: 1,
                    ongewijzigde_peilingen: 3,
                    ..ImportResultaat::default()
                }
            );
            // The statushouders row now says 0; the new week adds one row.
            assert_eq!(bezettingsrijen().await, 8);
            let t = Totalen::van(&db.standen(d("2026-11-01"), &Gebied::land()).await.unwrap());
            assert_eq!(t.niet_inzetbaar, 3);
            assert_eq!(t.gerealiseerd, 120 + 1000 + 200);
            assert_eq!(t.bezetting.get(Doelgroep::Statushouders), 10);
            assert_eq!(t.bezetting.totaal(), 50 + 500 + 160);
            let t = Totalen::van(&db.standen(d("2026-09-15"), &Gebied::land()).await.unwrap());
            assert_eq!((t.gerealiseerd, t.bezetting.totaal()), (90, 30));

            let zuid = db
                .locaties(&Default::default())
                .await
                .unwrap()
                .into_iter()
                .find(|l| l.gegevens.naam == "Hotel Zuid")
                .unwrap();
            let perioden: Vec<_> = db
                .capaciteit(zuid.id)
                .await
                .unwrap()
                .into_iter()
                .map(|p| (p.vanaf, p.tot_en_met, p.plaatsen))
                .collect();
            assert_eq!(
                perioden,
                vec![
                    (d("2026-09-01"), Some(d("2026-09-30")), 90),
                    (d("2026-10-01"), Some(d("2026-10-31")), 100),
                    (d("2026-11-01"), None, 120),
                ]
            );
            let versie: i64 = sqlx::query_scalar(
                "SELECT versie FROM peiling WHERE locatie_id = $1 AND peildatum = $2",
            )
            .bind(zuid.id)
            .bind("2026-11-01")
            .fetch_one(&db.pool)
            .await
            .unwrap();
            assert_eq!(versie, 2);
            let log = db.auditlog(Some(zuid.id)).await.unwrap();
            let wijziging = log
                .iter()
                .find(|a| a.tabel == "peiling" && a.actie == "wijzigen")
                .unwrap();
            assert_eq!(wijziging.record, format!("{}/2026-11-01", zuid.id));
            // Before and after hold the same fields, so the change history shows what changed.
            assert_eq!(
                wijziging.voor.as_deref(),
                Some(
                    "{\"peildatum\":\"2026-11-01\",\"niet_inzetbaar\":0,\"bezetting\":\
                     {\"ontheemden\":50,\"statushouders\":20,\"asielzoekers\":0,\"overig\":0}}"
                )
            );
            assert_eq!(
                wijziging.na.as_deref(),
                Some(
                    "{\"peildatum\":\"2026-11-01\",\"niet_inzetbaar\":3,\"bezetting\":\
                     {\"ontheemden\":50,\"statushouders\":0,\"asielzoekers\":0,\"overig\":0}}"
                )
            );

            // The same second file again changes nothing.
            let opnieuw = db.importeren(&o, false, |_| {}).await.unwrap();
            assert_eq!(
                opnieuw,
                ImportResultaat { ongewijzigde_peilingen: 5, ..ImportResultaat::default() }
            );
        }
    );

    beide_backends!(
        async fn a_corrected_mapping_is_saved_per_heading_row_and_found_again(db) {
            let koppen: Vec<String> = ["Plaats", "Opvanglocatie", "Datum", "Bedden"]
                .map(String::from)
                .to_vec();
            assert_eq!(db.opgeslagen_koppeling(&koppen).await.unwrap(), None);
            let mut koppeling = Koppeling::automatisch(&koppen);
            assert_eq!(koppeling.kolommen[1].veld, None);
            koppeling.kolommen[0].veld = Some(ImportVeld::Gemeente);
            koppeling.kolommen[1].veld = Some(ImportVeld::Locatie);
            assert!(db.koppeling_opslaan(&koppen, &koppeling).await.unwrap());

            // The same headings in another case and spacing find it; other headings do not.
            let zelfde: Vec<String> = [" plaats", "OPVANGLOCATIE ", "datum", "Bedden"]
                .map(String::from)
                .to_vec();
            assert_eq!(
                db.opgeslagen_koppeling(&zelfde).await.unwrap(),
                Some(koppeling.clone())
            );
            let ander: Vec<String> = ["Plaats", "Opvanglocatie", "Datum"].map(String::from).to_vec();
            assert_eq!(db.opgeslagen_koppeling(&ander).await.unwrap(), None);

            // Saving again replaces; a mapping for other columns is refused.
            koppeling.kolommen[3].veld = None;
            assert!(db.koppeling_opslaan(&koppen, &koppeling).await.unwrap());
            assert_eq!(
                db.opgeslagen_koppeling(&koppen).await.unwrap(),
                Some(koppeling.clone())
            );
            let e = db.koppeling_opslaan(&ander, &koppeling).await.unwrap_err();
            assert_eq!(e.field.as_deref(), Some("koppeling"));

            // Going back to the automatic mapping forgets the saved one.
            assert!(!db
                .koppeling_opslaan(&koppen, &Koppeling::automatisch(&koppen))
                .await
                .unwrap());
            assert_eq!(db.opgeslagen_koppeling(&koppen).await.unwrap(), None);
        }
    );

    beide_backends!(
        async fn the_preview_counts_a_dry_run_and_stores_nothing(db) {
            let voorbeeld = bekijk(&db, BESTAND).await;
            assert_eq!(voorbeeld.regels, 4);
            assert_eq!((voorbeeld.fouten, voorbeeld.waarschuwingen), (0, 0));
            let r = voorbeeld.resultaat.unwrap();
            assert_eq!(
                (r.nieuwe_locaties, r.capaciteitswijzigingen, r.nieuwe_peilingen, r.proef),
                (3, 4, 4, true)
            );
            assert_eq!(telling(&db).await, (0, 0, 0, 0));

            assert!(!voorbeeld.koppeling_opgeslagen);

            let fout = format!("{BESTAND}GM0344;Slecht;;;12,5;0;0;0;1-11-2026\n");
            let voorbeeld = bekijk(&db, &fout).await;
            assert_eq!((voorbeeld.fouten, voorbeeld.resultaat), (1, None));
            assert_eq!(voorbeeld.problemen.iter().find(|p| p.ernst == Ernst::Fout).unwrap().rij, 7);
        }
    );

    /// The files LibreOffice wrote (tests/fixtures/import/libreoffice, see its README).
    fn fixture(naam: &str) -> Vec<u8> {
        let pad = format!(
            "{}/../../tests/fixtures/import/libreoffice/{naam}",
            env!("CARGO_MANIFEST_DIR")
        );
        std::fs::read(&pad).unwrap_or_else(|e| panic!("{pad}: {e}"))
    }

    /// Municipality, name, address, type, capacity, not usable, occupied per group, peildatum.
    type Rij = (
        &'static str,
        &'static str,
        &'static str,
        &'static str,
        &'static str,
        &'static str,
        [u32; 3],
        &'static str,
    );

    /// The same sheet as the LibreOffice fixtures, written by the project's own writer.
    fn eigen_werkboek() -> Vec<u8> {
        use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
        let mut boek = Workbook::new();
        let blad = boek.add_worksheet();
        let datum = Format::new().set_num_format("d-m-yyyy");
        blad.write(0, 0, "Bezetting opvanglocaties regio Utrecht")
            .unwrap();
        blad.write(1, 0, "Bijgewerkt door team opvang, stand november 2026")
            .unwrap();
        let koppen = [
            "Gemeente",
            "Locatie",
            "Adres",
            "Type",
            "Capaciteit",
            "Niet inzetbaar",
            "Bezet ontheemden",
            "Bezet statushouders",
            "Bezet asielzoekers",
            "Peildatum",
        ];
        for (k, kop) in koppen.iter().enumerate() {
            blad.write(3, k as u16, *kop).unwrap();
        }
        let tekst = |r: u32, k: u16, w: &str, blad: &mut rust_xlsxwriter::Worksheet| {
            blad.write(r, k, w).unwrap();
        };
        let rijen: [Rij; 5] = [
            (
                "Utrecht",
                "Hotel Vredenburg",
                "Vredenburg 14, 3511 BA Utrecht",
                "Hotel",
                "120",
                "0",
                [100, 10, 0],
                "2026-10-05",
            ),
            (
                "Utrecht",
                "Hotel Vredenburg",
                "Vredenburg 14, 3511 BA Utrecht",
                "Hotel",
                "130",
                "5",
                [110, 12, 0],
                "2-11-2026",
            ),
            (
                "Utrecht",
                "Kantoor Rijnsweerd",
                "Archimedeslaan 6, 3584 BA Utrecht",
                "Kantoor",
                "1.024",
                "12",
                [900, 50, 10],
                "2026-11-02",
            ),
            (
                "Amersfoort",
                "Modulair Vathorst",
                "Laakweg 3 Amersfoort",
                "Modulair",
                "240",
                "0",
                [180, 40, 0],
                "02-11-2026",
            ),
            (
                "Zeist",
                "Paviljoen Kerckebosch",
                "",
                "Iglo",
                "60",
                "0",
                [30, 0, 5],
                "2026-11-02",
            ),
        ];
        for (i, (gemeente, naam, adres, soort, cap, niet, bezet, dag)) in rijen.iter().enumerate() {
            let r = 4 + i as u32;
            for (k, w) in [gemeente, naam, adres, soort].iter().enumerate() {
                tekst(r, k as u16, w, blad);
            }
            // Numbers as numbers, except the Dutch "1.024" kept as text; real dates where ISO.
            for (k, w) in [(4, cap), (5, niet)] {
                match w.parse::<u32>() {
                    Ok(n) => blad.write(r, k, n).map(|_| ()).unwrap(),
                    Err(_) => tekst(r, k, w, blad),
                }
            }
            for (k, n) in bezet.iter().enumerate() {
                blad.write(r, 6 + k as u16, *n).unwrap();
            }
            if i == 0 {
                let dt = ExcelDateTime::parse_from_str(dag).unwrap();
                blad.write_with_format(r, 9, &dt, &datum).unwrap();
            } else {
                tekst(r, 9, dag, blad);
            }
        }
        boek.save_to_buffer().unwrap()
    }

    beide_backends!(
        async fn libreoffice_and_own_writer_files_import_to_the_exact_totals(db) {
            let bestanden = [
                ("bezetting.xlsx", fixture("bezetting.xlsx")),
                ("bezetting.ods", fixture("bezetting.ods")),
                ("bezetting.csv", fixture("bezetting.csv")),
                ("eigen.xlsx", eigen_werkboek()),
            ];
            for (i, (naam, bytes)) in bestanden.iter().enumerate() {
                let tabel = crate::import::lees_bestand(naam, bytes).unwrap();
                assert_eq!(tabel.kopregel, 4, "{naam}");
                let o = ontleed_met(&db, &tabel).await;
                assert_eq!(o.regels.len(), 5, "{naam}");
                assert_eq!(
                    o.problemen.iter().map(|p| (p.rij, p.kolom.as_str(), p.ernst)).collect::<Vec<_>>(),
                    vec![(9, "Type", Ernst::Waarschuwing)],
                    "{naam}"
                );
                let r = db.importeren(&o, false, |_| {}).await.unwrap();
                if i == 0 {
                    assert_eq!(
                        (r.nieuwe_locaties, r.nieuwe_peilingen, r.capaciteitswijzigingen),
                        (4, 5, 5)
                    );
                } else {
                    // Another format of the same sheet changes nothing.
                    assert_eq!(
                        r,
                        ImportResultaat { ongewijzigde_peilingen: 5, ..ImportResultaat::default() },
                        "{naam}"
                    );
                }
                let standen = db.standen(d("2026-11-02"), &Gebied::land()).await.unwrap();
                let t = Totalen::van(&standen);
                assert_eq!(t.gerealiseerd, 130 + 1024 + 240 + 60, "{naam}");
                assert_eq!(t.niet_inzetbaar, 5 + 12, "{naam}");
                assert_eq!(t.bezetting.get(Doelgroep::Ontheemden), 110 + 900 + 180 + 30);
                assert_eq!(t.bezetting.get(Doelgroep::Statushouders), 12 + 50 + 40);
                assert_eq!(t.bezetting.get(Doelgroep::Asielzoekers), 10 + 5);
                assert_eq!(t.bezetting.totaal(), 1337);
                let oktober = Totalen::van(&db.standen(d("2026-10-05"), &Gebied::land()).await.unwrap());
                assert_eq!((oktober.gerealiseerd, oktober.bezetting.totaal()), (120, 110));
            }
            let locaties = db.locaties(&Default::default()).await.unwrap();
            let rijnsweerd = locaties.iter().find(|l| l.gegevens.naam == "Kantoor Rijnsweerd").unwrap();
            assert_eq!(
                (rijnsweerd.gegevens.straat.as_str(), rijnsweerd.gegevens.huisnummer.as_str(), rijnsweerd.gegevens.postcode.as_str()),
                ("Archimedeslaan", "6", "3584 BA")
            );
        }
    );

    beide_backends!(
        async fn a_libreoffice_file_with_bad_rows_names_them_and_imports_nothing(db) {
            for naam in ["fout.xlsx", "fout.ods"] {
                let tabel = crate::import::lees_bestand(naam, &fixture(naam)).unwrap();
                let o = ontleed_met(&db, &tabel).await;
                let fouten: Vec<String> = o
                    .problemen
                    .iter()
                    .filter(|p| p.ernst == Ernst::Fout)
                    .map(|p| p.to_string())
                    .collect();
                assert_eq!(fouten.len(), 3, "{naam}: {fouten:?}");
                assert!(fouten[0].starts_with("Rij 10, kolom Capaciteit: \"12,5\" is geen geheel aantal"), "{fouten:?}");
                assert!(fouten[1].starts_with("Rij 11, kolom Gemeente: onbekende gemeente \"Atlantis\""), "{fouten:?}");
                assert!(fouten[2].starts_with("Rij 11, kolom Peildatum:"), "{fouten:?}");
                assert!(db.importeren(&o, false, |_| {}).await.is_err());
                assert_eq!(telling(&db).await, (0, 0, 0, 0), "{naam}");
            }
        }
    );

    beide_backends!(
        async fn a_malformed_file_changes_nothing(db) {
            let fout = format!("{BESTAND}GM0344;Slecht;;;12,5;0;0;0;1-11-2026\n");
            let o = lees(&db, &fout).await;
            let e = db.importeren(&o, false, |_| {}).await.unwrap_err();
            assert_eq!(
                e.message,
                "Het bestand is niet geïmporteerd: 1 fout(en). Eerste: Rij 7, kolom Capaciteit: \
                 \"12,5\" is geen geheel aantal; een aantal personen of plaatsen heeft geen \
                 decimalen. (fout)"
            );
            assert_eq!(e.field.as_deref(), Some("Capaciteit"));
            assert_eq!(telling(&db).await, (0, 0, 0, 0));
        }
    );
}
