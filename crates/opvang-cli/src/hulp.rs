//! The command-line help in the language of `--taal`: clap's derive takes its texts from doc
//! comments, which are fixed, so before parsing the language is decided from the arguments and
//! `OPVANG_TAAL`, and every about, argument help, value name, heading and clap's own `--help`,
//! `--version` and `help` texts are replaced by catalog texts (section `cli.hulp`).
//!
//! Keys: `cli.hulp.over` and `cli.hulp.<argument>` for the command itself, and
//! `cli.hulp.<subcommand>[.<subcommand>].over` / `.<argument>` below it (dashes become `_`);
//! value names come from `cli.waardenaam.<name>`. Defaults, environment variables and aliases
//! are appended to the help text in the language (clap would write `[default: …]`), so aliases
//! are declared hidden (`alias`) and shown here.

use std::ffi::OsString;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, Command};
use opvang_core::i18n::{self, Taal};

/// The key prefix of the top-level command.
pub const SLEUTEL: &str = "cli.hulp";

/// The key prefix of value names.
pub const WAARDENAAM: &str = "cli.waardenaam";

/// The language for help and messages, decided before parsing: `--taal X` or `--taal=X` in
/// `args` (the first is the program), else `OPVANG_TAAL`, else Dutch. An unknown code is
/// ignored here; parsing then reports it.
pub fn taal_vooraf(args: &[OsString]) -> Taal {
    let mut rest = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(arg) = rest.next() {
        if arg == "--" {
            break;
        }
        let code = if arg == "--taal" {
            rest.next().map(|c| c.into_owned())
        } else {
            arg.strip_prefix("--taal=").map(str::to_owned)
        };
        if let Some(taal) = code.as_deref().and_then(Taal::van_code) {
            return taal;
        }
    }
    std::env::var("OPVANG_TAAL")
        .ok()
        .as_deref()
        .and_then(Taal::van_code)
        .unwrap_or_default()
}

/// The key prefix of subcommand `naam` below the command at `ouder`.
pub fn sleutel(ouder: &str, naam: &str) -> String {
    format!("{ouder}.{}", naam.replace('-', "_"))
}

/// The key of a value name such as `BESTAND.json`: `cli.waardenaam.bestand_json`.
pub fn waardenaam_sleutel(naam: &str) -> String {
    let schoon: String = naam
        .to_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    format!("{WAARDENAAM}.{schoon}")
}

/// The value names of an argument that takes values: as declared, else its id in capitals.
pub fn waardenamen(a: &Arg) -> Vec<String> {
    match a.get_value_names() {
        Some(namen) => namen.iter().map(ToString::to_string).collect(),
        None => vec![a.get_id().as_str().to_uppercase()],
    }
}

/// `cmd` (the whole tree, not yet built) with all its texts in `taal`, built.
pub fn vertaald(cmd: Command, taal: Taal) -> Command {
    let mut cmd = boom(cmd, SLEUTEL, taal);
    cmd.build();
    ingebouwd(cmd, taal)
}

/// The help template with the usage heading in `taal` (clap's default layout otherwise).
fn sjabloon(taal: Taal) -> String {
    let gebruik = i18n::tekst(taal, "cli.hulp_opmaak.gebruik");
    format!(
        "{{before-help}}{{about-with-newline}}\n{gebruik} {{usage}}\n\n{{all-args}}{{after-help}}"
    )
}

fn boom(cmd: Command, pad: &str, taal: Taal) -> Command {
    let sleutel_over = format!("{pad}.over");
    let mut over = i18n::tekst(taal, &sleutel_over);
    let aliassen: Vec<&str> = cmd.get_all_aliases().collect();
    if !aliassen.is_empty() {
        over.push(' ');
        over.push_str(&i18n::tekst_met(
            taal,
            "cli.hulp_opmaak.ook",
            &[("namen", &aliassen.join(", "))],
        ));
    }
    cmd.about(over)
        .long_about(None)
        .help_template(sjabloon(taal))
        .subcommand_help_heading(i18n::tekst(taal, "cli.hulp_opmaak.opdrachten"))
        .mut_args(|a| argument(a, pad, taal))
        .mut_subcommands(|s| {
            let kind = sleutel(pad, s.get_name());
            boom(s, &kind, taal)
        })
}

fn argument(a: Arg, pad: &str, taal: Taal) -> Arg {
    let sleutel_help = format!("{pad}.{}", a.get_id().as_str());
    let mut help = i18n::tekst(taal, &sleutel_help);
    let neemt_waarde = a.get_action().takes_values();
    let mut extra = Vec::new();
    if let Some(env) = a.get_env() {
        extra.push(i18n::tekst_met(
            taal,
            "cli.hulp_opmaak.omgeving",
            &[("naam", &env.to_string_lossy())],
        ));
    }
    let standaard: Vec<String> = a
        .get_default_values()
        .iter()
        .map(|w| w.to_string_lossy().into_owned())
        .collect();
    if neemt_waarde && !standaard.is_empty() {
        extra.push(i18n::tekst_met(
            taal,
            "cli.hulp_opmaak.standaard",
            &[("waarde", &standaard.join(" "))],
        ));
    }
    if let Some(aliassen) = a.get_all_aliases() {
        let namen: Vec<String> = aliassen.iter().map(|n| format!("--{n}")).collect();
        extra.push(i18n::tekst_met(
            taal,
            "cli.hulp_opmaak.ook",
            &[("namen", &namen.join(", "))],
        ));
    }
    for e in extra {
        help.push(' ');
        help.push_str(&e);
    }
    let kop = if a.is_positional() {
        "cli.hulp_opmaak.argumenten"
    } else {
        "cli.hulp_opmaak.opties"
    };
    let namen: Vec<String> = waardenamen(&a)
        .iter()
        .map(|n| i18n::tekst(taal, &waardenaam_sleutel(n)))
        .collect();
    let heeft_env = a.get_env().is_some();
    let a = a
        .help(help)
        .long_help(None)
        .hide_env(heeft_env)
        .help_heading(i18n::tekst(taal, kop));
    if neemt_waarde {
        a.value_names(namen).hide_default_value(true)
    } else {
        a
    }
}

/// The `--help` and `--version` flags and the `help` subcommand clap adds while building.
fn ingebouwd(cmd: Command, taal: Taal) -> Command {
    let opties = i18n::tekst(taal, "cli.hulp_opmaak.opties");
    let mut cmd = cmd;
    for (id, sleutel) in [
        ("help", "cli.hulp_opmaak.help"),
        ("version", "cli.hulp_opmaak.versie"),
    ] {
        if cmd.get_arguments().any(|a| a.get_id() == id) {
            let help = i18n::tekst(taal, sleutel);
            let kop = opties.clone();
            cmd = cmd.mut_arg(id, |a| a.help(help).help_heading(kop));
        }
    }
    cmd.mut_subcommands(|s| {
        if s.get_name() == "help" {
            s.about(i18n::tekst(taal, "cli.hulp_opmaak.help_opdracht"))
        } else {
            ingebouwd(s, taal)
        }
    })
}

/// What to print for a clap outcome that ends the program: help and version as clap renders
/// them (placeholders in `taal`); the usual mistakes (a bad value, an unknown argument or
/// command, a missing argument) as a message in `taal` with the usage, others as clap writes
/// them.
pub fn melding(fout: &clap::Error, taal: Taal) -> String {
    let tekst = |soort| match fout.get(soort) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(s)) => Some(s.join(", ")),
        _ => None,
    };
    let argument = tekst(ContextKind::InvalidArg).map(|a| plaatshouders(&a, taal));
    let bericht = match (fout.kind(), argument) {
        // Our own value parsers explain in the language; say which argument it was.
        (ErrorKind::ValueValidation, Some(argument)) => {
            let reden = std::error::Error::source(fout).map_or_else(String::new, |r| r.to_string());
            i18n::tekst_met(
                taal,
                "cli.invoer.ongeldig",
                &[("argument", &argument), ("reden", &reden)],
            )
        }
        (ErrorKind::UnknownArgument, Some(argument)) => i18n::tekst_met(
            taal,
            "cli.invoer.onbekend_argument",
            &[("argument", &argument)],
        ),
        (ErrorKind::MissingRequiredArgument, Some(argument)) => i18n::tekst_met(
            taal,
            "cli.invoer.ontbrekend_argument",
            &[("argument", &argument)],
        ),
        (ErrorKind::InvalidSubcommand, _) => i18n::tekst_met(
            taal,
            "cli.invoer.onbekende_opdracht",
            &[(
                "opdracht",
                &tekst(ContextKind::InvalidSubcommand).unwrap_or_default(),
            )],
        ),
        _ => return plaatshouders(&fout.render().to_string(), taal),
    };
    let mut uit = format!("{}: {bericht}\n", i18n::tekst(taal, "cli.fout"));
    if let Some(ContextValue::StyledStr(gebruik)) = fout.get(ContextKind::Usage) {
        let gebruik = gebruik.to_string().replacen(
            "Usage:",
            &i18n::tekst(taal, "cli.hulp_opmaak.gebruik"),
            1,
        );
        uit.push_str(&format!("\n{}\n", plaatshouders(&gebruik, taal)));
    }
    uit
}

/// Help output (or a usage in an error) with clap's placeholders `[OPTIONS]` and `<COMMAND>` in
/// `taal`.
pub fn plaatshouders(tekst: &str, taal: Taal) -> String {
    [
        ("[OPTIONS]", "cli.hulp_opmaak.opties_plek"),
        ("<COMMAND>", "cli.hulp_opmaak.opdracht_plek"),
        ("[COMMAND]", "cli.hulp_opmaak.opdracht_optioneel_plek"),
    ]
    .iter()
    .fold(tekst.to_owned(), |tekst, (clap, sleutel)| {
        tekst.replace(clap, &i18n::tekst(taal, sleutel))
    })
}
