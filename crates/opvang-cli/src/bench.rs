//! `opvang bench-data` writes a generated national or stress data set; `opvang bench` times the core on it.
//!
//! Their output (`key=value` lines, Markdown tables) is for developers and is read by
//! `scripts/bench.sh`, so it is a fixed format that does not follow `--taal`.

use std::path::Path;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use opvang_core::benchdata::{self, Schaal};
use opvang_core::import::{lees_bestand, ontleed, Koppeling};
use opvang_core::occupancy::totals::{per_gebied, signalen};
use opvang_core::occupancy::{Gebied, GebiedSoort, Totalen};
use opvang_core::overview::{dashboard, trend_tot};
use opvang_core::reports::vng;
use opvang_core::{CoreError, CoreResult, Db};

/// Generates the data set into the new SQLite file `uit` and returns the summary to print;
/// `locaties` overrides the number of locations of the scale.
pub async fn data(
    uit: &Path,
    schaal: Schaal,
    locaties: Option<usize>,
    seed: u64,
    tot: NaiveDate,
) -> CoreResult<String> {
    if uit.exists() {
        return Err(
            CoreError::bestand("fout.cli_bench.bestaat_kies_nieuw_bestand")
                .met("uit", &uit.display()),
        );
    }
    let db = Db::open(uit).await?;
    let aantal = locaties.unwrap_or_else(|| schaal.locaties());
    let r = benchdata::genereren(&db, aantal, seed, tot, |stap| {
        eprint!("\rBenchmarkdata: {}", stap.bericht);
    })
    .await?;
    eprintln!();
    db.close().await;
    let bytes = std::fs::metadata(uit).map_or(0, |m| m.len());
    Ok(format!(
        "locaties={}\ngemeenten={}\ncapaciteitsperioden={}\nstatuswijzigingen={}\npeilingen={}\n\
         bezettingsrijen={}\ntot={}\nseconden={:.2}\nbytes={bytes}\n",
        r.locaties,
        r.gemeenten,
        r.capaciteitsperioden,
        r.statuswijzigingen,
        r.peilingen,
        r.bezettingsrijen,
        benchdata::maandag_op_of_voor(tot),
        r.seconden,
    ))
}

/// CPU time used so far by all threads of this process, in nanoseconds (Linux schedstat); on a
/// shared machine it shows the work done apart from time spent waiting for a core.
fn cpu_ns() -> u64 {
    std::fs::read_dir("/proc/self/task")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|t| std::fs::read_to_string(t.path().join("schedstat")).ok())
        .filter_map(|s| s.split_whitespace().next()?.parse::<u64>().ok())
        .sum()
}

/// Wall-clock and CPU time of one run.
#[derive(Clone, Copy)]
struct Tijd {
    wand: Duration,
    cpu: Duration,
}

async fn meet<F, T>(werk: F) -> CoreResult<(T, Tijd)>
where
    F: std::future::Future<Output = CoreResult<T>>,
{
    let cpu = cpu_ns();
    let begin = Instant::now();
    let uit = werk.await?;
    let wand = begin.elapsed();
    let cpu = Duration::from_nanos(cpu_ns().saturating_sub(cpu));
    Ok((uit, Tijd { wand, cpu }))
}

/// Runs `werk` `herhalingen` times after three warm-up runs (connections and caches).
async fn tijden<F, Fut, T>(herhalingen: usize, mut werk: F) -> CoreResult<Vec<Tijd>>
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = CoreResult<T>>,
{
    for _ in 0..3 {
        werk().await?;
    }
    let mut uit = Vec::with_capacity(herhalingen);
    for _ in 0..herhalingen.max(1) {
        let (resultaat, tijd) = meet(werk()).await?;
        std::hint::black_box(resultaat);
        uit.push(tijd);
    }
    Ok(uit)
}

/// One line `name wall-min wall-median wall-max cpu-min cpu-median` in milliseconds, for
/// scripts/bench.sh to read.
fn regel(naam: &str, t: &[Tijd]) -> String {
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let mut wand: Vec<Duration> = t.iter().map(|t| t.wand).collect();
    let mut cpu: Vec<Duration> = t.iter().map(|t| t.cpu).collect();
    wand.sort();
    cpu.sort();
    format!(
        "{naam} {:.2} {:.2} {:.2} {:.2} {:.2}\n",
        ms(wand[0]),
        ms(wand[wand.len() / 2]),
        ms(wand[wand.len() - 1]),
        ms(cpu[0]),
        ms(cpu[cpu.len() / 2]),
    )
}

/// Times the core's real code paths on `db` at `peildatum`: the dashboard over all municipalities,
/// one municipality's and the country's trend, the VNG report, and (with `xlsx`) reading and
/// importing that file into a fresh database next to it; `alleen_dashboard` stops after the
/// dashboard (for the stress scale).
pub async fn meten(
    db: &Db,
    peildatum: NaiveDate,
    gemeente: &str,
    herhalingen: usize,
    alleen_dashboard: bool,
    xlsx: Option<&Path>,
) -> CoreResult<String> {
    let mut uit = String::new();
    let land = Gebied::land();
    let d = dashboard(db, peildatum, &land).await?;
    uit.push_str(&format!(
        "# locaties={} gerealiseerd={} bezet={} gemeenten={}\n",
        d.totalen.locaties,
        d.totalen.gerealiseerd,
        d.totalen.bezet,
        d.per_gemeente.len()
    ));
    let t = tijden(herhalingen, || db.standen(peildatum, &land)).await?;
    uit.push_str(&regel("standen", &t));
    let t = tijden(herhalingen, || dashboard(db, peildatum, &land)).await?;
    uit.push_str(&regel("dashboard", &t));
    let standen = db.standen(peildatum, &land).await?;
    let t = tijden(herhalingen, || async {
        Ok((
            Totalen::van(&standen),
            per_gebied(&standen, GebiedSoort::Gemeente),
            signalen(&standen, peildatum),
        ))
    })
    .await?;
    uit.push_str(&regel("dashboard_rekenen", &t));
    if alleen_dashboard {
        return Ok(uit);
    }
    let gebied = Gebied::gemeente(gemeente);
    let t = tijden(herhalingen, || trend_tot(db, peildatum, &gebied)).await?;
    uit.push_str(&regel("trend_gemeente", &t));
    let t = tijden(herhalingen.min(3), || trend_tot(db, peildatum, &land)).await?;
    uit.push_str(&regel("trend_land", &t));
    let t = tijden(herhalingen, || vng::rapport(db, peildatum)).await?;
    uit.push_str(&regel("vng_rapport", &t));
    if let Some(pad) = xlsx {
        let doel = pad.with_extension("import.db");
        let _ = std::fs::remove_file(&doel);
        let naam = pad
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        let ((tabel, koppeling), gelezen) = meet(async {
            let bytes = std::fs::read(pad).map_err(|e| {
                CoreError::bestand("fout.cli_bench.niet_gelezen")
                    .met("pad", &pad.display())
                    .met("fout", &e)
            })?;
            let tabel = lees_bestand(&naam, &bytes)?;
            let koppeling = Koppeling::automatisch(&tabel.koppen);
            Ok((tabel, koppeling))
        })
        .await?;
        let leeg = Db::open(&doel).await?;
        let gemeenten = leeg.gemeenten().await?;
        let (ontleding, ontleed_in) =
            meet(async { ontleed(&tabel, &koppeling, &gemeenten, peildatum) }).await?;
        let (r, opgeslagen) = meet(leeg.importeren(&ontleding, false, |_| {})).await?;
        let totaal = Tijd {
            wand: gelezen.wand + ontleed_in.wand + opgeslagen.wand,
            cpu: gelezen.cpu + ontleed_in.cpu + opgeslagen.cpu,
        };
        leeg.close().await;
        for bestand in [
            doel.clone(),
            doel.with_extension("db-wal"),
            doel.with_extension("db-shm"),
        ] {
            let _ = std::fs::remove_file(bestand);
        }
        uit.push_str(&format!(
            "# import rijen={} nieuwe_locaties={} nieuwe_peilingen={}\n",
            ontleding.regels.len(),
            r.nieuwe_locaties,
            r.nieuwe_peilingen
        ));
        uit.push_str(&regel("import_lezen", &[gelezen]));
        uit.push_str(&regel("import_ontleden", &[ontleed_in]));
        uit.push_str(&regel("import_opslaan", &[opgeslagen]));
        uit.push_str(&regel("import_totaal", &[totaal]));
    }
    Ok(uit)
}
