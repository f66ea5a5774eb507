//! The `opvang` command: Opvangplanner's operations without a window (demo data, status, …).
//!
//! What it prints, its errors and its help follow `--taal`/`OPVANG_TAAL`: the texts live in the
//! core catalogs (section `cli`; the help under `cli.hulp`, keyed by the command tree below, see
//! `hulp`), so the definitions here carry no prose.

mod backup;
mod bench;
mod hulp;
mod import;
mod loadtest;
mod ombouw;
mod plan;
mod report;
mod status;
mod tekst;

use std::ffi::OsString;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use opvang_core::i18n::{self, Taal};
use opvang_core::{demo, storage, CoreError, Db};

#[derive(Parser)]
#[command(name = "opvang", version)]
struct Cli {
    #[arg(long, global = true, env = "OPVANG_DB", value_name = "PAD|URL")]
    db: Option<String>,

    #[arg(long, global = true, env = "OPVANG_TAAL", value_name = "nl|en", value_parser = lees_taal, default_value = "nl")]
    taal: Taal,

    #[command(subcommand)]
    opdracht: Opdracht,
}

#[derive(Subcommand)]
enum Opdracht {
    Demo,
    Status {
        #[arg(long, value_parser = lees_datum)]
        peildatum: Option<NaiveDate>,
        #[arg(long, value_name = "GMxxxx")]
        gemeente: Option<String>,
    },
    Belastingtest {
        #[arg(long, default_value_t = 20, value_parser = lees_getal::<usize>)]
        clients: usize,
        #[arg(long, default_value_t = 60, value_parser = lees_getal::<u64>)]
        seconden: u64,
    },
    Kopieer {
        #[arg(long, value_name = "URL|PAD")]
        naar: String,
    },
    Import {
        bestand: std::path::PathBuf,
        #[arg(long = "mapping", alias = "koppeling", value_name = "BESTAND.json")]
        koppeling: Option<std::path::PathBuf>,
        #[arg(long = "dry-run", alias = "proef")]
        proef: bool,
    },
    #[command(alias = "reservekopie")]
    Backup {
        #[arg(long, alias = "to", value_name = "BESTAND")]
        naar: Option<std::path::PathBuf>,
    },
    #[command(alias = "terugzetten")]
    Restore {
        bestand: std::path::PathBuf,
    },
    Report {
        #[command(subcommand)]
        opdracht: report::ReportOpdracht,
    },
    Ombouw {
        #[command(subcommand)]
        opdracht: OmbouwOpdracht,
    },
    Auditlog {
        #[arg(long, value_name = "N", value_parser = lees_getal::<i64>)]
        locatie: Option<i64>,
        #[arg(long, value_name = "BESTAND")]
        uit: std::path::PathBuf,
    },
    Plan {
        #[command(subcommand)]
        opdracht: Option<PlanOpdracht>,
        #[arg(
            long,
            global = true,
            default_value = "standaard",
            value_name = "NAAM|BESTAND.json"
        )]
        scenario: String,
        #[arg(long, global = true, default_value_t = 1000, value_parser = lees_getal::<u32>)]
        runs: u32,
        #[arg(long, global = true, default_value_t = 2027, value_parser = lees_getal::<u64>)]
        seed: u64,
        #[arg(long, global = true, value_parser = lees_datum)]
        start: Option<NaiveDate>,
        #[arg(long, alias = "out", value_name = "BESTAND.csv|BESTAND.xlsx")]
        uit: Option<std::path::PathBuf>,
    },
    #[command(args_conflicts_with_subcommands = true)]
    Scenario {
        #[command(subcommand)]
        opdracht: Option<ScenarioOpdracht>,
        #[arg(default_value = "standaard")]
        naam: String,
    },
    #[command(hide = true)]
    PlanBenchmark {
        #[arg(long, default_value_t = 1000, value_parser = lees_getal::<u32>)]
        runs: u32,
        #[arg(long, default_value_t = 2027, value_parser = lees_getal::<u64>)]
        seed: u64,
        #[arg(long, default_value_t = 9, value_parser = lees_getal::<usize>)]
        per_gemeente: usize,
        #[arg(long, default_value_t = 5, value_parser = lees_getal::<usize>)]
        herhalingen: usize,
    },
    BenchData {
        #[arg(long = "scale", alias = "schaal", value_parser = lees_schaal)]
        schaal: opvang_core::benchdata::Schaal,
        #[arg(long = "out", alias = "uit", value_name = "BESTAND.db")]
        uit: std::path::PathBuf,
        #[arg(long, value_name = "N", value_parser = lees_getal::<usize>)]
        locaties: Option<usize>,
        #[arg(long, default_value_t = 2027, value_parser = lees_getal::<u64>)]
        seed: u64,
        #[arg(long, value_parser = lees_datum)]
        tot: Option<NaiveDate>,
    },
    #[command(hide = true)]
    Bench {
        #[arg(long, value_parser = lees_datum)]
        peildatum: Option<NaiveDate>,
        #[arg(long, default_value = "GM0363")]
        gemeente: String,
        #[arg(long, default_value_t = 20, value_parser = lees_getal::<usize>)]
        herhalingen: usize,
        #[arg(long)]
        alleen_dashboard: bool,
        #[arg(long)]
        xlsx: Option<std::path::PathBuf>,
    },
}

#[derive(Subcommand)]
enum PlanOpdracht {
    Optimaliseer {
        #[arg(long, default_value_t = 95, value_parser = lees_getal::<i64>)]
        bezettingsdoel: i64,
        #[arg(long, default_value = "p50")]
        vraag: String,
        #[arg(long, value_parser = lees_datum, default_value = "2027-04-01")]
        besluitdatum: NaiveDate,
        #[arg(long)]
        gemeente: Option<String>,
        #[arg(long, value_name = "EURO")]
        kosten_per_plaats_per_dag: Option<String>,
        #[arg(long, value_name = "EURO")]
        ombouwkosten_per_wooneenheid: Option<String>,
    },
}

#[derive(Subcommand)]
enum ScenarioOpdracht {
    Lijst,
    Opslaan {
        bestand: std::path::PathBuf,
        #[arg(long)]
        naam: Option<String>,
    },
    Verwijderen {
        naam: String,
    },
}

#[derive(Subcommand)]
enum OmbouwOpdracht {
    Portefeuille {
        #[arg(long, value_name = "GMxxxx")]
        gemeente: Option<String>,
        #[arg(long, value_parser = ombouw::lees_categorie)]
        categorie: Option<opvang_core::suitability::Categorie>,
    },
    Dossier {
        #[arg(long, value_name = "N", value_parser = lees_getal::<i64>)]
        locatie: i64,
        #[arg(long, value_name = "BESTAND")]
        pdf: Option<std::path::PathBuf>,
    },
}

fn lees_schaal(tekst: &str) -> Result<opvang_core::benchdata::Schaal, String> {
    match tekst {
        "national" | "landelijk" => Ok(opvang_core::benchdata::Schaal::Nationaal),
        "stress" => Ok(opvang_core::benchdata::Schaal::Stress),
        _ => Err(tekst::t_met(
            "cli.invoer.schaal",
            &[("tekst", &format!("{tekst:?}"))],
        )),
    }
}

fn lees_getal<T: std::str::FromStr>(tekst: &str) -> Result<T, String> {
    tekst
        .trim()
        .parse()
        .map_err(|_| tekst::t_met("cli.invoer.getal", &[("tekst", &format!("{tekst:?}"))]))
}

fn lees_datum(tekst: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(tekst, "%Y-%m-%d")
        .map_err(|_| tekst::t_met("cli.invoer.datum", &[("tekst", &format!("{tekst:?}"))]))
}

fn lees_taal(tekst: &str) -> Result<Taal, String> {
    Taal::van_code(tekst)
        .ok_or_else(|| tekst::t_met("cli.invoer.taal", &[("tekst", &format!("{tekst:?}"))]))
}

/// The command line parsed with help and messages in the language asked for; help, version and
/// errors are printed and end the process here.
fn lezen() -> Cli {
    let args: Vec<OsString> = std::env::args_os().collect();
    let taal = hulp::taal_vooraf(&args);
    i18n::zet_taal(taal);
    let mut cmd = hulp::vertaald(Cli::command(), taal);
    let fout = match cmd
        .try_get_matches_from_mut(args)
        .and_then(|m| Cli::from_arg_matches(&m))
    {
        Ok(cli) => return cli,
        Err(fout) => fout.format(&mut cmd),
    };
    let tekst = hulp::melding(&fout, taal);
    if fout.use_stderr() {
        eprint!("{tekst}");
    } else {
        print!("{tekst}");
    }
    std::process::exit(fout.exit_code());
}

#[tokio::main]
async fn main() -> ExitCode {
    let cli = lezen();
    i18n::zet_taal(cli.taal);
    match uitvoeren(cli).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(fout) => {
            eprintln!("{}: {}", tekst::t("cli.fout"), fout.message);
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
                    "\r{}",
                    tekst::t_met(
                        "cli.demo.voortgang",
                        &[("gedaan", &stap.gedaan), ("totaal", &stap.totaal)],
                    )
                );
            })
            .await?;
            eprintln!();
            println!(
                "{}",
                tekst::t_met(
                    "cli.demo.geladen",
                    &[
                        ("aantal", &tekst::aantal(aantal as i64)),
                        ("pad", &db.pad())
                    ],
                )
            );
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
                "{}",
                tekst::t_met(
                    "cli.kopieer.klaar",
                    &[
                        ("rijen", &tekst::aantal(rijen as i64)),
                        ("van", &db.pad()),
                        ("naar", &doel.pad()),
                    ],
                )
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
                println!(
                    "{}",
                    tekst::t_met("cli.dossier.pdf_geschreven", &[("pad", &pad.display())])
                );
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
                "{}",
                tekst::t_met(
                    "cli.auditlog.geschreven",
                    &[
                        ("aantal", &tekst::aantal(aantal as i64)),
                        ("bestand", &uit.display()),
                    ],
                )
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

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Command;
    use std::collections::BTreeSet;

    /// The catalog keys the help of `cmd` and everything below it needs.
    fn sleutels(cmd: &Command, pad: &str, uit: &mut BTreeSet<String>) {
        uit.insert(format!("{pad}.over"));
        for a in cmd.get_arguments() {
            uit.insert(format!("{pad}.{}", a.get_id()));
            if a.get_action().takes_values() {
                uit.extend(
                    hulp::waardenamen(a)
                        .iter()
                        .map(|n| hulp::waardenaam_sleutel(n)),
                );
            }
        }
        for s in cmd.get_subcommands() {
            sleutels(s, &hulp::sleutel(pad, s.get_name()), uit);
        }
    }

    #[test]
    fn every_command_and_argument_has_help_in_both_languages() {
        let mut nodig = BTreeSet::new();
        sleutels(&Cli::command(), hulp::SLEUTEL, &mut nodig);
        assert!(nodig.contains("cli.hulp.report.aggregeer.bestanden"));
        assert!(nodig.contains("cli.hulp.bench_data.over"));
        assert!(nodig.contains("cli.waardenaam.peildatum"));
        let mut ontbrekend = Vec::new();
        for taal in Taal::ALLE {
            for sleutel in &nodig {
                if !i18n::catalogus(taal).contains_key(sleutel) {
                    ontbrekend.push(format!("{}: {sleutel}", taal.code()));
                }
            }
        }
        assert!(
            ontbrekend.is_empty(),
            "help texts missing from i18n/*.json: {ontbrekend:#?}"
        );
        // And no help text is left over for a command or argument that is gone.
        let over: Vec<&String> = i18n::catalogus(Taal::Nl)
            .keys()
            .filter(|k| {
                [hulp::SLEUTEL, hulp::WAARDENAAM]
                    .iter()
                    .any(|p| k.starts_with(&format!("{p}.")))
            })
            .filter(|k| !nodig.contains(*k))
            .collect();
        assert!(over.is_empty(), "unused help texts: {over:#?}");
    }

    /// The help of `cmd` and of every command below it, as printed.
    fn alle_hulp(cmd: &mut Command, taal: Taal, uit: &mut Vec<String>) {
        uit.push(hulp::plaatshouders(&cmd.render_help().to_string(), taal));
        for s in cmd.get_subcommands_mut() {
            if s.get_name() != "help" {
                alle_hulp(s, taal, uit);
            }
        }
    }

    #[test]
    fn the_whole_help_is_in_the_language_asked_for() {
        let clap_engels = [
            "Usage:",
            "Options:",
            "Commands:",
            "Arguments:",
            "Print help",
            "Print version",
            "[default:",
            "[env:",
            "[aliases:",
            "[OPTIONS]",
            "<COMMAND>",
        ];
        let mut nl = Vec::new();
        alle_hulp(
            &mut hulp::vertaald(Cli::command(), Taal::Nl),
            Taal::Nl,
            &mut nl,
        );
        assert!(nl.len() > 20, "{} commands", nl.len());
        for tekst in &nl {
            for woord in clap_engels {
                assert!(!tekst.contains(woord), "{woord:?} in:\n{tekst}");
            }
            assert!(tekst.contains("Gebruik: opvang"), "{tekst}");
            assert!(tekst.contains("Toon deze hulp"), "{tekst}");
        }
        let mut en = Vec::new();
        alle_hulp(
            &mut hulp::vertaald(Cli::command(), Taal::En),
            Taal::En,
            &mut en,
        );
        for tekst in &en {
            for woord in [
                "Gebruik",
                "Opties",
                "Opdrachten",
                "standaard:",
                "JJJJ",
                "BESTAND",
            ] {
                assert!(!tekst.contains(woord), "{woord:?} in:\n{tekst}");
            }
            assert!(tekst.contains("Usage: opvang"), "{tekst}");
        }
        let plan = en
            .iter()
            .find(|t| t.contains("opvang plan [OPTIONS]"))
            .unwrap();
        assert!(plan.contains("--runs <NUMBER>"), "{plan}");
        assert!(plan.contains("(default: 1000)"), "{plan}");
        assert!(plan.contains("(also: --out)"), "{plan}");
    }

    #[test]
    fn the_language_is_found_before_parsing() {
        let args = |a: &[&str]| a.iter().map(OsString::from).collect::<Vec<_>>();
        assert_eq!(
            hulp::taal_vooraf(&args(&["opvang", "--taal", "en", "status"])),
            Taal::En
        );
        assert_eq!(
            hulp::taal_vooraf(&args(&["opvang", "status", "--taal=EN", "--help"])),
            Taal::En
        );
        assert_eq!(
            hulp::taal_vooraf(&args(&["opvang", "--taal", "nl", "status"])),
            Taal::Nl
        );
    }
}
