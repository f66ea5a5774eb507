//! The `opvang` command: Opvangplanner's operations without a window (demo data, status, …).

mod backup;
mod bench;
mod import;
mod loadtest;
mod ombouw;
mod plan;
mod report;
mod status;

use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Parser, Subcommand};
use opvang_core::i18n::{self, Taal};
use opvang_core::{demo, storage, CoreError, Db};

#[derive(Parser)]
#[command(
    name = "opvang",
    version,
    about = "Opvangplanner zonder venster: demodata, stand van de bezetting en meer."
)]
struct Cli {
    /// Databasebestand, of een PostgreSQL-server als postgres://gebruiker@host:poort/database
    /// (standaard het bestand van de app in de map voor programmagegevens).
    #[arg(long, global = true, env = "OPVANG_DB", value_name = "PAD|URL")]
    db: Option<String>,

    /// Taal van meldingen en exportkoppen: nl (standaard) of en.
    #[arg(long, global = true, env = "OPVANG_TAAL", value_name = "nl|en", value_parser = lees_taal, default_value = "nl")]
    taal: Taal,

    #[command(subcommand)]
    opdracht: Opdracht,
}

#[derive(Subcommand)]
enum Opdracht {
    /// Vult een lege database met een fictieve demoset (40 locaties in 8 gemeenten).
    Demo,
    /// Toont de totalen op een peildatum: plaatsen, bezetting per doelgroep, vrij en bezettingsgraad.
    Status {
        /// Peildatum als JJJJ-MM-DD (standaard vandaag).
        #[arg(long, value_parser = lees_datum)]
        peildatum: Option<NaiveDate>,
        /// Alleen deze gemeente (CBS-code, bijvoorbeeld GM0344).
        #[arg(long, value_name = "GMxxxx")]
        gemeente: Option<String>,
    },
    /// Belastingtest voor teams: clients die tegelijk lezen en wijzigen op een lege database.
    Belastingtest {
        #[arg(long, default_value_t = 20)]
        clients: usize,
        #[arg(long, default_value_t = 60)]
        seconden: u64,
    },
    /// Kopieert de hele database (locaties, peilingen, auditlog) naar een lege teamdatabase.
    Kopieer {
        /// De lege doeldatabase: postgres://gebruiker@host:poort/database of een bestand.
        #[arg(long, value_name = "URL|PAD")]
        naar: String,
    },
    /// Importeert locaties en peilingen uit een XLSX-, ODS- of CSV-bestand (`;` of `,`, UTF-8 of
    /// Windows-1252): alles of niets, en hetzelfde bestand opnieuw importeren verandert niets.
    Import {
        /// Het XLSX-, ODS- of CSV-bestand; de kopregel mag onder titelregels staan.
        bestand: std::path::PathBuf,
        /// Een opgeslagen kolomkoppeling (JSON) in plaats van de automatische.
        #[arg(
            long = "mapping",
            visible_alias = "koppeling",
            value_name = "BESTAND.json"
        )]
        koppeling: Option<std::path::PathBuf>,
        /// Alleen controleren en tellen; niets opslaan.
        #[arg(long = "dry-run", visible_alias = "proef")]
        proef: bool,
    },
    /// Maakt een reservekopie van het lokale databasebestand (standaard in de map backups naast
    /// het bestand, met datum en tijd in de naam).
    #[command(visible_alias = "reservekopie")]
    Backup {
        /// Het bestand voor de reservekopie; een bestaand bestand wordt vervangen.
        #[arg(long, visible_alias = "to", value_name = "BESTAND")]
        naar: Option<std::path::PathBuf>,
    },
    /// Zet een reservekopie terug: het bestand wordt eerst gecontroleerd, en het huidige
    /// databasebestand wordt bewaard in de map backups.
    #[command(visible_alias = "terugzetten")]
    Restore {
        /// De reservekopie die wordt teruggezet.
        bestand: std::path::PathBuf,
    },
    /// Rapportages: het VNG-rapport op een peildatum, samenvoegen van rapporten van gemeenten
    /// en het jaarwerkboek met de bezetting per dag.
    Report {
        #[command(subcommand)]
        opdracht: report::ReportOpdracht,
    },
    /// Ombouw naar reguliere woningen: geschiktheid van locaties en besluiten.
    Ombouw {
        #[command(subcommand)]
        opdracht: OmbouwOpdracht,
    },
    /// Schrijft het auditlog (wie wijzigde wat, wanneer) als CSV-bestand voor Excel.
    Auditlog {
        /// Alleen de wijzigingen van deze locatie (het nummer van de locatie).
        #[arg(long, value_name = "N")]
        locatie: Option<i64>,
        /// Het CSV-bestand dat wordt geschreven.
        #[arg(long, value_name = "BESTAND")]
        uit: std::path::PathBuf,
    },
    /// Capaciteitsplanning: vraag, aanbod en saldo per maand, gebied en doelgroep tot en met
    /// april 2031, met P10/P50/P90-banden uit Monte Carlo-runs, als CSV-bestand voor Excel; of
    /// met `optimaliseer` per locatie behouden, ombouwen of sluiten.
    Plan {
        #[command(subcommand)]
        opdracht: Option<PlanOpdracht>,
        /// Het scenario: standaard, hoge_instroom, snelle_doorstroom, een opgeslagen scenario
        /// (zie `opvang scenario lijst`) of een scenariobestand (.json, zie `opvang scenario`).
        #[arg(
            long,
            global = true,
            default_value = "standaard",
            value_name = "NAAM|BESTAND.json"
        )]
        scenario: String,
        /// Aantal Monte Carlo-runs voor de banden (0: alleen de centrale projectie).
        #[arg(long, global = true, default_value_t = 1000)]
        runs: u32,
        /// Startwaarde van de toevalsgenerator; dezelfde waarde geeft dezelfde banden.
        #[arg(long, global = true, default_value_t = 2027)]
        seed: u64,
        /// Startdatum als JJJJ-MM-DD (standaard vandaag); de bezetting op die datum is het begin.
        #[arg(long, global = true, value_parser = lees_datum)]
        start: Option<NaiveDate>,
        /// Het bestand dat wordt geschreven: CSV (.csv) of Excel (.xlsx), naar de extensie.
        #[arg(long, visible_alias = "out", value_name = "BESTAND.csv|BESTAND.xlsx")]
        uit: Option<std::path::PathBuf>,
    },
    /// Toont een scenario als JSON, om als scenariobestand aan te passen; of beheert de
    /// opgeslagen scenario's (lijst, opslaan, verwijderen).
    #[command(args_conflicts_with_subcommands = true)]
    Scenario {
        #[command(subcommand)]
        opdracht: Option<ScenarioOpdracht>,
        /// Het scenario dat als JSON wordt getoond: ingebouwd of opgeslagen.
        #[arg(default_value = "standaard")]
        naam: String,
    },
    /// Meet de projectie met Monte Carlo over een synthetisch register in alle gemeenten.
    #[command(hide = true)]
    PlanBenchmark {
        #[arg(long, default_value_t = 1000)]
        runs: u32,
        #[arg(long, default_value_t = 2027)]
        seed: u64,
        /// Locaties per gemeente (9 geeft ruim 3.000 locaties, de landelijke schaal).
        #[arg(long, default_value_t = 9)]
        per_gemeente: usize,
        #[arg(long, default_value_t = 5)]
        herhalingen: usize,
    },
    /// Schrijft een gegenereerde benchmarkdataset naar een nieuw bestand: landelijk (3.000
    /// locaties in alle 342 gemeenten, wekelijkse peilingen over vier jaar) of stress (tien keer zo veel).
    BenchData {
        /// national (landelijk) of stress.
        #[arg(long = "scale", visible_alias = "schaal", value_parser = lees_schaal)]
        schaal: opvang_core::benchdata::Schaal,
        /// Het nieuwe databasebestand.
        #[arg(long = "out", visible_alias = "uit", value_name = "BESTAND.db")]
        uit: std::path::PathBuf,
        /// Een ander aantal locaties dan de schaal zegt (bijvoorbeeld 5000 voor de locatietabel).
        #[arg(long, value_name = "N")]
        locaties: Option<usize>,
        #[arg(long, default_value_t = 2027)]
        seed: u64,
        /// Laatste peildatum (de maandag op of vóór deze datum; standaard vandaag).
        #[arg(long, value_parser = lees_datum)]
        tot: Option<NaiveDate>,
    },
    /// Meet dashboard, tijdreeks en import van de kern op de database (voor scripts/bench.sh).
    #[command(hide = true)]
    Bench {
        #[arg(long, value_parser = lees_datum)]
        peildatum: Option<NaiveDate>,
        #[arg(long, default_value = "GM0363")]
        gemeente: String,
        #[arg(long, default_value_t = 20)]
        herhalingen: usize,
        /// Alleen de stand en het dashboard meten (voor de stressschaal).
        #[arg(long)]
        alleen_dashboard: bool,
        /// Een XLSX-bestand om in een nieuwe database naast het bestand te importeren.
        #[arg(long)]
        xlsx: Option<std::path::PathBuf>,
    },
}

#[derive(Subcommand)]
enum PlanOpdracht {
    /// Kiest per locatie behouden, ombouwen of sluiten bij einde huur, zodat de vraag per
    /// gemeente bij het bezettingsdoel gedekt is tegen de laagste kosten; met uitleg per locatie.
    Optimaliseer {
        /// Bezettingsdoel in procent (50 tot en met 100).
        #[arg(long, default_value_t = 95)]
        bezettingsdoel: i64,
        /// Welke vraag gedekt wordt: centraal, p10, p50 of p90.
        #[arg(long, default_value = "p50")]
        vraag: String,
        /// Wanneer locaties zonder einddatum worden besloten (JJJJ-MM-DD).
        #[arg(long, value_parser = lees_datum, default_value = "2027-04-01")]
        besluitdatum: NaiveDate,
        /// Alleen deze gemeente (CBS-code, bijvoorbeeld GM0344).
        #[arg(long)]
        gemeente: Option<String>,
        /// Kosten per plaats per dag in euro voor locaties zonder eigen kosten of normbedrag.
        #[arg(long, value_name = "EURO")]
        kosten_per_plaats_per_dag: Option<String>,
        /// Ombouwkosten per wooneenheid in euro voor locaties zonder score op ombouwkosten.
        #[arg(long, value_name = "EURO")]
        ombouwkosten_per_wooneenheid: Option<String>,
    },
}

#[derive(Subcommand)]
enum ScenarioOpdracht {
    /// Toont de ingebouwde en opgeslagen scenario's.
    Lijst,
    /// Slaat een scenariobestand (.json) op in de database; een opgeslagen scenario met dezelfde
    /// naam wordt bijgewerkt.
    Opslaan {
        bestand: std::path::PathBuf,
        /// Sla op onder deze naam in plaats van de naam in het bestand.
        #[arg(long)]
        naam: Option<String>,
    },
    /// Verwijdert een opgeslagen scenario.
    Verwijderen { naam: String },
}

#[derive(Subcommand)]
enum OmbouwOpdracht {
    /// Toont alle locaties gerangschikt op geschiktheidsscore, met categorie en besluit, en
    /// per gemeente het aantal wooneenheden dat kan worden omgebouwd.
    Portefeuille {
        /// Alleen deze gemeente (CBS-code, bijvoorbeeld GM0344).
        #[arg(long, value_name = "GMxxxx")]
        gemeente: Option<String>,
        /// Alleen deze categorie: geschikt, geschikt_na_aanpassing of niet_geschikt.
        #[arg(long, value_parser = ombouw::lees_categorie)]
        categorie: Option<opvang_core::suitability::Categorie>,
    },
    /// Toont het ombouwdossier van een locatie: gegevens, huur- en vergunningsdatum, bezetting,
    /// de laatste beoordeling met toelichting per criterium en het verloop van de reviews.
    Dossier {
        /// Het nummer van de locatie.
        #[arg(long, value_name = "N")]
        locatie: i64,
        /// Schrijf het dossier ook als PDF voor het college naar dit bestand.
        #[arg(long, value_name = "BESTAND")]
        pdf: Option<std::path::PathBuf>,
    },
}

fn lees_schaal(tekst: &str) -> Result<opvang_core::benchdata::Schaal, String> {
    match tekst {
        "national" | "landelijk" => Ok(opvang_core::benchdata::Schaal::Nationaal),
        "stress" => Ok(opvang_core::benchdata::Schaal::Stress),
        _ => Err(format!(
            "onbekende schaal {tekst:?}; kies national of stress"
        )),
    }
}

fn lees_datum(tekst: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(tekst, "%Y-%m-%d").map_err(|_| {
        format!("ongeldige datum {tekst:?}; gebruik JJJJ-MM-DD, bijvoorbeeld 2026-11-23")
    })
}

fn lees_taal(tekst: &str) -> Result<Taal, String> {
    Taal::van_code(tekst).ok_or_else(|| format!("onbekende taal {tekst:?}; kies nl of en"))
}

#[tokio::main]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    i18n::zet_taal(cli.taal);
    match uitvoeren(cli).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(fout) => {
            eprintln!(
                "{}: {}",
                i18n::tekst(i18n::actieve_taal(), "cli.fout"),
                fout.message
            );
            ExitCode::FAILURE
        }
    }
}

async fn uitvoeren(cli: Cli) -> Result<(), CoreError> {
    if let Opdracht::PlanBenchmark {
        runs,
        seed,
        per_gemeente,
        herhalingen,
    } = cli.opdracht
    {
        print!("{}", plan::benchmark(runs, seed, per_gemeente, herhalingen));
        return Ok(());
    }
    if let Opdracht::BenchData {
        schaal,
        uit,
        locaties,
        seed,
        tot,
    } = &cli.opdracht
    {
        let tot = tot.unwrap_or_else(opvang_core::vandaag);
        print!(
            "{}",
            bench::data(uit, *schaal, *locaties, *seed, tot).await?
        );
        return Ok(());
    }
    match &cli.opdracht {
        Opdracht::Backup { naar } => {
            print!(
                "{}",
                backup::maken(cli.db.as_deref(), naar.as_deref()).await?
            );
            return Ok(());
        }
        Opdracht::Restore { bestand } => {
            print!("{}", backup::terugzetten(cli.db.as_deref(), bestand).await?);
            return Ok(());
        }
        _ => {}
    }
    let spec = cli.db.clone();
    let db = match cli.db {
        Some(spec) => Db::verbinden(&spec).await?,
        None => Db::open(&storage::standaard_database_pad()?).await?,
    };
    let vandaag = opvang_core::vandaag();
    match cli.opdracht {
        Opdracht::Demo => {
            let aantal = demo::laden(&db, vandaag, |stap| {
                eprint!(
                    "\rDemodata laden: {} van {} locaties",
                    stap.gedaan, stap.totaal
                );
            })
            .await?;
            eprintln!();
            println!("{aantal} fictieve demolocaties geladen in {}.", db.pad());
        }
        Opdracht::Status {
            peildatum,
            gemeente,
        } => {
            let tekst = status::rapport(&db, peildatum.unwrap_or(vandaag), gemeente).await?;
            print!("{tekst}");
        }
        Opdracht::Belastingtest { clients, seconden } => {
            let spec = spec.unwrap_or_else(|| db.pad().to_owned());
            let duur = std::time::Duration::from_secs(seconden);
            let uitslag = loadtest::uitvoeren(&spec, clients, duur).await?;
            print!("{}", uitslag.markdown);
            if uitslag.verloren_updates != 0 || uitslag.fouten != 0 {
                return Err(CoreError::database(
                    "fout.cli_main.belastingtest_mislukt_verloren_updates",
                )
                .met("verloren_updates", &uitslag.verloren_updates)
                .met("fouten", &uitslag.fouten));
            }
        }
        Opdracht::Kopieer { naar } => {
            let doel = Db::verbinden(&naar).await?;
            let rijen = db
                .kopieer_naar(&doel, |stap| eprintln!("{}", stap.bericht))
                .await?;
            println!(
                "{rijen} rijen gekopieerd van {} naar {}.",
                db.pad(),
                doel.pad()
            );
            doel.close().await;
        }
        Opdracht::Import {
            bestand,
            koppeling,
            proef,
        } => {
            let tekst =
                import::uitvoeren(&db, &bestand, koppeling.as_deref(), proef, vandaag).await?;
            print!("{tekst}");
        }
        Opdracht::Ombouw {
            opdracht:
                OmbouwOpdracht::Portefeuille {
                    gemeente,
                    categorie,
                },
        } => {
            print!("{}", ombouw::portefeuille(&db, gemeente, categorie).await?);
        }
        Opdracht::Ombouw {
            opdracht: OmbouwOpdracht::Dossier { locatie, pdf },
        } => {
            print!("{}", ombouw::dossier(&db, locatie).await?);
            if let Some(pad) = pdf {
                opvang_core::reviews::dossier_pdf_schrijven(&db, locatie, &pad, vandaag).await?;
                println!("Dossier als PDF geschreven naar {}.", pad.display());
            }
        }
        Opdracht::Backup { .. } | Opdracht::Restore { .. } => {
            unreachable!("handled before the database opens")
        }
        Opdracht::Report { opdracht } => {
            print!("{}", report::uitvoeren(&db, &opdracht, vandaag).await?);
        }
        Opdracht::Auditlog { locatie, uit } => {
            let aantal = opvang_core::reports::auditlog::exporteren(&db, locatie, &uit).await?;
            println!(
                "{aantal} regels uit het auditlog geschreven naar {}.",
                uit.display()
            );
        }
        Opdracht::Plan {
            opdracht,
            scenario,
            runs,
            seed,
            start,
            uit,
        } => {
            let start = start.unwrap_or(vandaag);
            match opdracht {
                None => {
                    let uit = uit.ok_or_else(|| {
                        CoreError::validatie("uit", "fout.cli_main.geef_uit_bestand_csv")
                    })?;
                    print!(
                        "{}",
                        plan::uitvoeren(&db, &scenario, start, runs, seed, &uit).await?
                    );
                }
                Some(PlanOpdracht::Optimaliseer {
                    bezettingsdoel,
                    vraag,
                    besluitdatum,
                    gemeente,
                    kosten_per_plaats_per_dag,
                    ombouwkosten_per_wooneenheid,
                }) => {
                    let instellingen = plan::instellingen(
                        bezettingsdoel,
                        &vraag,
                        besluitdatum,
                        gemeente,
                        kosten_per_plaats_per_dag.as_deref(),
                        ombouwkosten_per_wooneenheid.as_deref(),
                    )?;
                    print!(
                        "{}",
                        plan::optimaliseer(&db, &scenario, start, runs, seed, &instellingen)
                            .await?
                    );
                }
            }
        }
        Opdracht::Scenario { opdracht, naam } => match opdracht {
            None => print!("{}", plan::scenario_json(&db, &naam).await?),
            Some(ScenarioOpdracht::Lijst) => print!("{}", plan::scenario_lijst(&db).await?),
            Some(ScenarioOpdracht::Opslaan { bestand, naam }) => {
                println!("{}", plan::scenario_opslaan(&db, &bestand, naam).await?)
            }
            Some(ScenarioOpdracht::Verwijderen { naam }) => {
                println!("{}", plan::scenario_verwijderen(&db, &naam).await?)
            }
        },
        Opdracht::Bench {
            peildatum,
            gemeente,
            herhalingen,
            alleen_dashboard,
            xlsx,
        } => {
            let peildatum = peildatum.unwrap_or(vandaag);
            let uitslag = bench::meten(
                &db,
                peildatum,
                &gemeente,
                herhalingen,
                alleen_dashboard,
                xlsx.as_deref(),
            )
            .await?;
            print!("{uitslag}");
        }
        Opdracht::PlanBenchmark { .. } | Opdracht::BenchData { .. } => {
            unreachable!("handled before the database opens")
        }
    }
    db.close().await;
    Ok(())
}
