//! `opvang belastingtest`: many concurrent clients reading and editing one team database.
//!
//! Each client has its own connection pool. Edits increment counters (a location's notes, a
//! snapshot's "overig" count) with the version they read, so the final counters must equal the
//! number of successful saves: any difference is a lost update.
//!
//! The result table is for developers (BENCHMARKS.md) and stays English whatever `--taal` says;
//! the errors it reports are in the language of `--taal`.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use opvang_core::locations::{LocatieFilter, LocatieStatus};
use opvang_core::occupancy::{Gebied, PeilingInvoer};
use opvang_core::{demo, CoreError, Db, ErrorCode};

/// Tallies of one client (or all clients together).
#[derive(Default)]
struct Telling {
    lezingen: u64,
    wijzigingen: u64,
    conflicten: u64,
    fouten: Vec<String>,
    duur_ms: Vec<f64>,
    locatie_verhoogd: HashMap<i64, i64>,
    peiling_verhoogd: HashMap<i64, i64>,
}

impl Telling {
    fn samenvoegen(&mut self, ander: Telling) {
        self.lezingen += ander.lezingen;
        self.wijzigingen += ander.wijzigingen;
        self.conflicten += ander.conflicten;
        self.fouten.extend(ander.fouten);
        self.duur_ms.extend(ander.duur_ms);
        for (id, n) in ander.locatie_verhoogd {
            *self.locatie_verhoogd.entry(id).or_default() += n;
        }
        for (id, n) in ander.peiling_verhoogd {
            *self.peiling_verhoogd.entry(id).or_default() += n;
        }
    }

    fn resultaat(&mut self, uitkomst: Result<bool, CoreError>, start: Instant) {
        self.duur_ms.push(start.elapsed().as_secs_f64() * 1000.0);
        match uitkomst {
            Ok(false) => self.lezingen += 1,
            Ok(true) => self.wijzigingen += 1,
            Err(e) if e.code == ErrorCode::Conflict => self.conflicten += 1,
            Err(e) => self.fouten.push(e.message),
        }
    }
}

/// The figures of one run, as a Markdown section for BENCHMARKS.md.
pub struct Uitslag {
    pub markdown: String,
    pub verloren_updates: i64,
    pub fouten: usize,
}

async fn verhoog_locatie(db: &Db, id: i64, vandaag: chrono::NaiveDate) -> Result<bool, CoreError> {
    let locatie = db.locatie(id).await?;
    let teller: i64 = locatie.gegevens.notities.parse().unwrap_or(0);
    let mut invoer = locatie.gegevens;
    invoer.notities = (teller + 1).to_string();
    db.locatie_wijzigen(id, locatie.versie, &invoer, vandaag)
        .await?;
    Ok(true)
}

async fn verhoog_peiling(db: &Db, id: i64, vandaag: chrono::NaiveDate) -> Result<bool, CoreError> {
    let stand = db.locatie_stand(id, vandaag).await?.ok_or_else(|| {
        CoreError::niet_gevonden("fout.cli_loadtest.locatie_bestaat_niet").met("id", &id)
    })?;
    let van_vandaag = stand.peildatum == Some(vandaag);
    let mut bezetting = stand.bezetting;
    bezetting.overig = if van_vandaag { bezetting.overig + 1 } else { 1 };
    db.peilingen_opslaan(
        &[PeilingInvoer {
            locatie_id: id,
            peildatum: vandaag,
            bezetting,
            niet_inzetbaar: stand.niet_inzetbaar,
            reden_niet_inzetbaar: String::new(),
            versie: if van_vandaag {
                stand.peiling_versie
            } else {
                None
            },
        }],
        vandaag,
    )
    .await?;
    Ok(true)
}

fn percentiel(gesorteerd: &[f64], p: f64) -> f64 {
    if gesorteerd.is_empty() {
        return 0.0;
    }
    let i = ((gesorteerd.len() - 1) as f64 * p).round() as usize;
    gesorteerd[i]
}

/// Runs `clients` clients for `duur` against the empty database at `spec` (filled with demo data).
pub async fn uitvoeren(spec: &str, clients: usize, duur: Duration) -> Result<Uitslag, CoreError> {
    let beheer = Db::verbinden(spec).await?;
    let vandaag = opvang_core::vandaag();
    demo::laden(&beheer, vandaag, |_| {}).await?;
    let open: Vec<(i64, String)> = beheer
        .locaties(&LocatieFilter::default())
        .await?
        .into_iter()
        .filter(|l| l.status != LocatieStatus::Gesloten)
        .map(|l| (l.id, l.gegevens.gemeente_code))
        .collect();
    let standen: Vec<_> = beheer
        .standen(vandaag, &Gebied::land())
        .await?
        .into_iter()
        .filter(|s| s.capaciteit > 0 && s.status != LocatieStatus::Gesloten)
        .collect();
    let met_capaciteit: Vec<i64> = standen.iter().map(|s| s.locatie_id).collect();
    // The "overig" count of today's snapshots before the run; increments come on top.
    let overig_vooraf: HashMap<i64, i64> = standen
        .iter()
        .filter(|s| s.peildatum == Some(vandaag))
        .map(|s| (s.locatie_id, s.bezetting.overig))
        .collect();

    let einde = Instant::now() + duur;
    let mut taken = Vec::new();
    for client in 0..clients {
        let db = Db::verbinden(spec).await?;
        let open = open.clone();
        let met_capaciteit = met_capaciteit.clone();
        taken.push(tokio::spawn(async move {
            let mut telling = Telling::default();
            let mut toestand = 0x2545_F491_4F6C_DD1D_u64 ^ (client as u64 + 1);
            let mut volgende = move || {
                toestand ^= toestand << 13;
                toestand ^= toestand >> 7;
                toestand ^= toestand << 17;
                toestand
            };
            while Instant::now() < einde {
                let keuze = volgende() % 10;
                // A few hot locations, so clients really collide.
                let (id, gemeente) = &open[(volgende() % 6) as usize];
                let start = Instant::now();
                let uitkomst = match keuze {
                    0..=3 => db
                        .standen(vandaag, &Gebied::gemeente(gemeente))
                        .await
                        .map(|_| false),
                    4..=5 => db.peilingen(*id).await.map(|_| false),
                    6..=7 => {
                        let r = verhoog_locatie(&db, *id, vandaag).await;
                        if r.is_ok() {
                            *telling.locatie_verhoogd.entry(*id).or_default() += 1;
                        }
                        r
                    }
                    _ => {
                        let id = met_capaciteit[(volgende() % 6) as usize];
                        let r = verhoog_peiling(&db, id, vandaag).await;
                        if r.is_ok() {
                            *telling.peiling_verhoogd.entry(id).or_default() += 1;
                        }
                        r
                    }
                };
                telling.resultaat(uitkomst, start);
            }
            db.close().await;
            telling
        }));
    }
    let mut totaal = Telling::default();
    for taak in taken {
        totaal.samenvoegen(taak.await.expect("client task"));
    }

    let mut verloren = 0;
    for (id, n) in &totaal.locatie_verhoogd {
        let teller: i64 = beheer
            .locatie(*id)
            .await?
            .gegevens
            .notities
            .parse()
            .unwrap_or(0);
        verloren += n - teller;
    }
    for (id, n) in &totaal.peiling_verhoogd {
        let stand = beheer
            .locatie_stand(*id, vandaag)
            .await?
            .expect("location exists");
        let vooraf = overig_vooraf.get(id).copied().unwrap_or(0);
        verloren += n - (stand.bezetting.overig - vooraf);
    }
    beheer.close().await;

    totaal.duur_ms.sort_by(f64::total_cmp);
    let seconden = duur.as_secs_f64();
    let bewerkingen =
        totaal.lezingen + totaal.wijzigingen + totaal.conflicten + totaal.fouten.len() as u64;
    let markdown = format!(
        "| clients | duration | operations | ops/s | reads | saved edits | conflicts | other errors | lost updates | p50 | p95 | max |\n\
         |---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n\
         | {clients} | {seconden:.0} s | {bewerkingen} | {:.0} | {} | {} | {} | {} | {verloren} | {:.1} ms | {:.1} ms | {:.1} ms |\n",
        bewerkingen as f64 / seconden,
        totaal.lezingen,
        totaal.wijzigingen,
        totaal.conflicten,
        totaal.fouten.len(),
        percentiel(&totaal.duur_ms, 0.5),
        percentiel(&totaal.duur_ms, 0.95),
        totaal.duur_ms.last().copied().unwrap_or(0.0),
    );
    for fout in totaal.fouten.iter().take(5) {
        eprintln!(
            "{}",
            crate::tekst::t_met("cli.belastingtest.fout", &[("fout", fout)])
        );
    }
    Ok(Uitslag {
        markdown,
        verloren_updates: verloren,
        fouten: totaal.fouten.len(),
    })
}
