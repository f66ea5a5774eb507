//! Texts the core shows to people (error messages, export headers) in Dutch or English, from the
//! catalogs `i18n/nl.json` and `i18n/en.json`; code names a text by its dotted key, never spells it.
//!
//! The active language is process-wide: the app sets it from the user's choice, the CLI from
//! `--taal`/`OPVANG_TAAL`; Dutch is the default. Functions that must not depend on it (tests,
//! exports for a chosen language) take a [`Taal`] explicitly.

use std::collections::HashMap;
use std::fmt::Display;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A language the texts exist in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Taal {
    /// Dutch, the default.
    #[default]
    Nl,
    /// English (British conventions).
    En,
}

impl Taal {
    pub const ALLE: [Taal; 2] = [Taal::Nl, Taal::En];

    /// The code used in settings, `--taal` and the UI: `nl` or `en`.
    pub fn code(self) -> &'static str {
        match self {
            Taal::Nl => "nl",
            Taal::En => "en",
        }
    }

    /// Reads a code like `nl`, `EN` or `en-GB`; None for an unknown language.
    pub fn van_code(code: &str) -> Option<Taal> {
        let basis = code.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match basis.as_str() {
            "nl" => Some(Taal::Nl),
            "en" => Some(Taal::En),
            _ => None,
        }
    }
}

static ACTIEF: AtomicU8 = AtomicU8::new(0);

/// The language messages are rendered in now.
pub fn actieve_taal() -> Taal {
    match ACTIEF.load(Ordering::Relaxed) {
        1 => Taal::En,
        _ => Taal::Nl,
    }
}

/// Sets the language for messages created from now on.
pub fn zet_taal(taal: Taal) {
    ACTIEF.store(
        match taal {
            Taal::Nl => 0,
            Taal::En => 1,
        },
        Ordering::Relaxed,
    );
}

type Catalogus = HashMap<String, String>;

fn plat(prefix: &str, waarde: &serde_json::Value, uit: &mut Catalogus) {
    match waarde {
        serde_json::Value::Object(kinderen) => {
            for (sleutel, kind) in kinderen {
                let pad = if prefix.is_empty() {
                    sleutel.clone()
                } else {
                    format!("{prefix}.{sleutel}")
                };
                plat(&pad, kind, uit);
            }
        }
        serde_json::Value::String(tekst) => {
            uit.insert(prefix.to_owned(), tekst.clone());
        }
        _ => panic!("i18n: {prefix} is geen tekst"),
    }
}

fn laad(json: &str) -> Catalogus {
    let boom: serde_json::Value = serde_json::from_str(json).expect("i18n catalog is valid JSON");
    let mut uit = Catalogus::new();
    plat("", &boom, &mut uit);
    uit
}

/// The flattened catalog of a language: dotted key → text.
pub fn catalogus(taal: Taal) -> &'static Catalogus {
    static NL: OnceLock<Catalogus> = OnceLock::new();
    static EN: OnceLock<Catalogus> = OnceLock::new();
    match taal {
        Taal::Nl => NL.get_or_init(|| laad(include_str!("../i18n/nl.json"))),
        Taal::En => EN.get_or_init(|| laad(include_str!("../i18n/en.json"))),
    }
}

/// Whether `sleutel` names a text (in the Dutch catalog; a test keeps both catalogs equal).
pub fn bestaat(sleutel: &str) -> bool {
    catalogus(Taal::Nl).contains_key(sleutel)
}

/// The text for `sleutel` in `taal`. An unknown key is returned as it is, so a text that was
/// never moved into the catalog still reads as itself (the key test flags it).
pub fn tekst(taal: Taal, sleutel: &str) -> String {
    catalogus(taal)
        .get(sleutel)
        .cloned()
        .unwrap_or_else(|| sleutel.to_owned())
}

/// The text for `sleutel` in `taal` with its `{naam}` placeholders filled from `waarden`.
pub fn tekst_met(taal: Taal, sleutel: &str, waarden: &[(&str, &dyn Display)]) -> String {
    let paren: Vec<(String, String)> = waarden
        .iter()
        .map(|(naam, waarde)| ((*naam).to_owned(), waarde.to_string()))
        .collect();
    invullen(&tekst(taal, sleutel), &paren)
}

/// Fills `{naam}` placeholders; unknown placeholders stay as they are.
pub fn invullen(sjabloon: &str, waarden: &[(String, String)]) -> String {
    let mut uit = String::with_capacity(sjabloon.len());
    let mut rest = sjabloon;
    while let Some(begin) = rest.find('{') {
        uit.push_str(&rest[..begin]);
        let na = &rest[begin + 1..];
        match na.find('}') {
            Some(eind) => {
                let naam = &na[..eind];
                match waarden.iter().find(|(n, _)| n == naam) {
                    Some((_, waarde)) => uit.push_str(waarde),
                    None => {
                        uit.push('{');
                        uit.push_str(naam);
                        uit.push('}');
                    }
                }
                rest = &na[eind + 1..];
            }
            None => {
                uit.push_str(&rest[begin..]);
                rest = "";
            }
        }
    }
    uit.push_str(rest);
    uit
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;
    use std::path::Path;

    fn sleutels(taal: Taal) -> BTreeSet<String> {
        catalogus(taal).keys().cloned().collect()
    }

    #[test]
    fn catalogs_have_the_same_keys() {
        let nl = sleutels(Taal::Nl);
        let en = sleutels(Taal::En);
        let alleen_nl: Vec<_> = nl.difference(&en).collect();
        let alleen_en: Vec<_> = en.difference(&nl).collect();
        assert!(alleen_nl.is_empty(), "only in i18n/nl.json: {alleen_nl:?}");
        assert!(alleen_en.is_empty(), "only in i18n/en.json: {alleen_en:?}");
    }

    #[test]
    fn placeholders_match_between_languages() {
        let namen = |t: &str| -> BTreeSet<String> {
            t.split('{')
                .skip(1)
                .filter_map(|d| d.split_once('}').map(|(n, _)| n.to_owned()))
                .collect()
        };
        for (sleutel, nl) in catalogus(Taal::Nl) {
            let en = &catalogus(Taal::En)[sleutel];
            assert_eq!(namen(nl), namen(en), "placeholders of {sleutel}");
        }
    }

    #[test]
    fn fills_placeholders_and_reads_codes() {
        assert_eq!(
            invullen(
                "{a} en {b} {c}",
                &[("a".into(), "1".into()), ("b".into(), "2".into())]
            ),
            "1 en 2 {c}"
        );
        assert_eq!(invullen("open { zonder", &[]), "open { zonder");
        assert_eq!(Taal::van_code("en-GB"), Some(Taal::En));
        assert_eq!(Taal::van_code("NL"), Some(Taal::Nl));
        assert_eq!(Taal::van_code("de"), None);
        assert_eq!(tekst(Taal::Nl, "geen.sleutel"), "geen.sleutel");
    }

    /// Every string literal handed to a catalog lookup in the workspace's Rust code names a key
    /// that exists (in both catalogs, by the test above).
    #[test]
    fn every_key_used_in_code_exists() {
        let werkruimte = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let mut bestanden = Vec::new();
        for map in ["crates", "src-tauri/src"] {
            verzamel(&werkruimte.join(map), &mut bestanden);
        }
        let mut ontbrekend = Vec::new();
        for pad in &bestanden {
            let bron = std::fs::read_to_string(pad).unwrap();
            for sleutel in gebruikte_sleutels(&bron) {
                if !bestaat(&sleutel) {
                    ontbrekend.push(format!("{}: {sleutel}", pad.display()));
                }
            }
        }
        assert!(
            ontbrekend.is_empty(),
            "keys missing from i18n/*.json: {ontbrekend:#?}"
        );
    }

    fn verzamel(map: &Path, uit: &mut Vec<std::path::PathBuf>) {
        let Ok(items) = std::fs::read_dir(map) else {
            return;
        };
        for item in items.flatten() {
            let pad = item.path();
            if pad.is_dir() {
                if !pad.ends_with("target") {
                    verzamel(&pad, uit);
                }
            } else if pad.extension().is_some_and(|e| e == "rs") && !pad.ends_with("i18n.rs") {
                uit.push(pad);
            }
        }
    }

    /// The keys code uses: catalog-looking literals, and the key arguments of calls that take a
    /// catalog key: `CoreError::*(…)` (for `validatie` the second argument) and
    /// `i18n::tekst*(taal, …)`. A string literal must be a key; a key built with `format!` is the
    /// old way of writing a message and is reported too.
    fn gebruikte_sleutels(bron: &str) -> Vec<String> {
        const AANROEPEN: [(&str, usize); 9] = [
            ("CoreError::validatie(", 1),
            ("CoreError::niet_gevonden(", 0),
            ("CoreError::conflict(", 0),
            ("CoreError::database(", 0),
            ("CoreError::bestand(", 0),
            ("CoreError::geen_rechten(", 0),
            ("i18n::tekst(", 1),
            ("i18n::tekst_met(", 1),
            ("Voortgang::nieuw(", 2),
        ];
        let mut uit = Vec::new();
        // Keys kept in tables (export headers, labels): every literal that looks like `fout.x.y`,
        // `export.x.y`, `label.x.y`, `pdf.x.y`, `opmaak.x.y`, `cli.x.y`, `uitleg.x.y`,
        // `voorbeeld.x.y` or `voortgang.x`.
        for (prefix, punten) in [
            ("\"fout.", 2),
            ("\"export.", 2),
            ("\"label.", 2),
            ("\"pdf.", 2),
            ("\"opmaak.", 2),
            ("\"cli.", 2),
            ("\"uitleg.", 2),
            ("\"voorbeeld.", 2),
            ("\"voortgang.", 1),
        ] {
            for (begin, _) in bron.match_indices(prefix) {
                let rest = &bron[begin + 1..];
                let Some(eind) = rest.find('"') else { continue };
                let sleutel = &rest[..eind];
                let vorm = sleutel
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '.');
                if vorm && sleutel.matches('.').count() >= punten {
                    uit.push(sleutel.to_owned());
                }
            }
        }
        for (aanroep, positie) in AANROEPEN {
            for (begin, _) in bron.match_indices(aanroep) {
                let stuk = argument(&bron[begin + aanroep.len()..], positie).unwrap_or_default();
                if let Some(binnen) = stuk.strip_prefix('"').and_then(|s| s.strip_suffix('"')) {
                    uit.push(binnen.to_owned());
                } else if stuk.starts_with("format!") {
                    uit.push(format!("{aanroep}{stuk}"));
                }
            }
        }
        uit
    }

    /// Files of the core that may spell words in code: the fictional proper names of the demo and
    /// benchmark data sets are data, not texts; the fuzzing bodies and the test database helper
    /// only speak to developers.
    const GEEN_TEKSTEN: [&str; 4] = ["demo.rs", "benchdata.rs", "fuzzing.rs", "testdb.rs"];

    /// No module of the core spells prose itself (import problems, report files, PDFs, formatted
    /// numbers, the optimiser's explanations, scenario and suitability texts, storage errors,
    /// progress): outside tests, every string literal of two or more words is SQL or a catalog
    /// key, never a Dutch sentence. (`expect`/`panic!` messages are for developers and may stay.)
    #[test]
    fn core_modules_hold_no_texts() {
        let kern = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut bestanden = Vec::new();
        verzamel(&kern, &mut bestanden);
        for map in [
            "import",
            "reports",
            "planning",
            "suitability",
            "storage",
            "format",
        ] {
            assert!(
                bestanden.iter().any(|p| p.starts_with(kern.join(map))),
                "{map} is scanned"
            );
        }
        let mut gevonden = Vec::new();
        for pad in &bestanden {
            let naam = pad.file_name().unwrap().to_string_lossy();
            if naam == "tests.rs" || naam.ends_with("_tests.rs") || GEEN_TEKSTEN.contains(&&*naam) {
                continue;
            }
            let bron = std::fs::read_to_string(pad).unwrap();
            let bron = bron.split("#[cfg(test)]").next().unwrap_or_default();
            for tekst in proza(bron) {
                gevonden.push(format!("{}: {tekst:?}", pad.display()));
            }
        }
        assert!(
            gevonden.is_empty(),
            "texts to move into i18n/*.json: {gevonden:#?}"
        );
        let voorbeeld = "let x = format!(\"{} is te groot\", n);\n// \"in een opmerking\"\n\
                         .expect(\"a valid date here\"); \"fout.import.x\" \"{naam} {datum}\"\n\
                         let y = \"Een zin over \\\n      twee regels\"; let c = '\"';\n\
                         sqlx::query(\"SELECT naam FROM locatie WHERE id = $1\"); b\"twee woorden\"\n\
                         let k = \"locatie_id, peildatum\"; let r = r#\"rauwe \"tekst\" hier\"#;\n\
                         panic!(\"voor ontwikkelaars\"); let v = format!(\"criteria.{i}.rubriek\");";
        assert_eq!(
            proza(voorbeeld),
            vec![
                "{} is te groot".to_owned(),
                "Een zin over twee regels".to_owned(),
                "rauwe \"tekst\" hier".to_owned(),
            ]
        );
    }

    /// Uppercase SQL words: a literal with one of them is a statement, not prose.
    const SQL: [&str; 16] = [
        "SELECT", "FROM", "WHERE", "JOIN", "INSERT", "UPDATE", "DELETE", "VALUES", "PRAGMA",
        "VACUUM", "AS", "CAST", "COALESCE", "NULL", "ORDER", "SHOW",
    ];

    /// Calls whose message is for developers.
    const VOOR_ONTWIKKELAARS: [&str; 4] = ["expect(", "panic!(", "unreachable!(", "eprintln!("];

    /// String literals outside comments (byte strings left out), multi-line ones joined as Rust
    /// reads them, that have at least two words (runs of two or more letters between spaces,
    /// placeholders not counted) and are neither SQL, a list of column names nor the message of
    /// a developer's call; catalog keys, paths, date formats and placeholders have no words.
    fn proza(bron: &str) -> Vec<String> {
        let mut uit = Vec::new();
        for (voor, tekst) in letterlijken(bron) {
            let zonder: String = tekst
                .split('{')
                .enumerate()
                .map(|(i, deel)| match (i, deel.split_once('}')) {
                    (0, _) | (_, None) => deel,
                    (_, Some((_, na))) => na,
                })
                .collect();
            let woorden: Vec<&str> = zonder
                .split_whitespace()
                .filter(|w| {
                    !w.contains('%') && w.chars().filter(|c| c.is_alphabetic()).count() >= 2
                })
                .collect();
            let sql = zonder
                .split(|c: char| !c.is_ascii_alphabetic())
                .any(|w| SQL.contains(&w));
            let kolommen = tekst.contains(',')
                && tekst.split(',').all(|k| {
                    k.trim().chars().all(|c| {
                        c.is_ascii_lowercase() || c.is_ascii_digit() || "_.$()*".contains(c)
                    })
                });
            let ontwikkelaar = VOOR_ONTWIKKELAARS.iter().any(|a| voor.ends_with(a));
            if woorden.len() >= 2 && !sql && !kolommen && !ontwikkelaar {
                uit.push(tekst);
            }
        }
        uit
    }

    /// The string literals of `bron` outside comments, without byte strings, each with the code
    /// before it (trimmed at the end); escapes stay as written, a `\` line continuation is joined.
    fn letterlijken(bron: &str) -> Vec<(&str, String)> {
        let b = bron.as_bytes();
        let ident = |i: usize| b[i].is_ascii_alphanumeric() || b[i] == b'_';
        let mut uit = Vec::new();
        let mut i = 0;
        while i < b.len() {
            match b[i] {
                b'/' if b.get(i + 1) == Some(&b'/') => {
                    i = bron[i..].find('\n').map_or(b.len(), |n| i + n);
                }
                b'/' if b.get(i + 1) == Some(&b'*') => {
                    i = bron[i..].find("*/").map_or(b.len(), |n| i + n + 2);
                }
                b'\'' => {
                    // A character literal ('"', '\"', '€'); a lifetime has no closing quote.
                    let na = &bron[i + 1..];
                    i += match na.chars().next() {
                        Some('\\') => na[1..].find('\'').map_or(na.len(), |n| n + 2) + 1,
                        Some(c) if na[c.len_utf8()..].starts_with('\'') => c.len_utf8() + 2,
                        _ => 1,
                    };
                }
                b'"' => {
                    let mut begin = i;
                    let mut hekjes = 0;
                    while begin > 0 && b[begin - 1] == b'#' {
                        begin -= 1;
                        hekjes += 1;
                    }
                    let rauw = begin > 0 && b[begin - 1] == b'r';
                    let voorvoegsel = if rauw { begin - 1 } else { i };
                    let bytes = voorvoegsel > 0
                        && b[voorvoegsel - 1] == b'b'
                        && !(voorvoegsel > 1 && ident(voorvoegsel - 2));
                    let voor = bron[..voorvoegsel.saturating_sub(usize::from(bytes))].trim_end();
                    let (tekst, eind) = if rauw {
                        let sluit = format!("\"{}", "#".repeat(hekjes));
                        let n = bron[i + 1..].find(&sluit).unwrap_or(b.len() - i - 1);
                        (bron[i + 1..i + 1 + n].to_owned(), i + 1 + n + sluit.len())
                    } else {
                        let mut tekst = String::new();
                        let mut j = i + 1;
                        while let Some(c) = bron[j..].chars().next() {
                            if c == '"' {
                                break;
                            }
                            j += c.len_utf8();
                            if c == '\\' {
                                let rest = &bron[j..];
                                if rest.starts_with('\n') {
                                    // A line continuation: the newline and the indentation go.
                                    j += rest.len() - rest.trim_start().len();
                                    continue;
                                }
                                // An escape stays as written; an escaped quote ends nothing.
                                tekst.push('\\');
                                let Some(e) = rest.chars().next() else { break };
                                tekst.push(e);
                                j += e.len_utf8();
                                continue;
                            }
                            tekst.push(c);
                        }
                        (tekst, j + 1)
                    };
                    if !bytes {
                        uit.push((voor, tekst));
                    }
                    i = eind;
                }
                _ => i += 1,
            }
        }
        uit
    }

    /// The `positie`-th argument of a call, as written (trimmed); None when there are fewer.
    fn argument(args: &str, positie: usize) -> Option<String> {
        let mut diepte = 0;
        let mut begin = 0;
        let mut index = 0;
        let mut in_tekst = false;
        let mut vorige = ' ';
        for (i, c) in args.char_indices() {
            if in_tekst {
                if c == '"' && vorige != '\\' {
                    in_tekst = false;
                }
                vorige = if vorige == '\\' { ' ' } else { c };
                continue;
            }
            match c {
                '"' => in_tekst = true,
                '(' | '[' | '{' => diepte += 1,
                ')' | ']' | '}' if diepte > 0 => diepte -= 1,
                ',' | ')' if diepte == 0 => {
                    if index == positie {
                        return Some(args[begin..i].trim().to_owned());
                    }
                    if c == ')' {
                        return None;
                    }
                    index += 1;
                    begin = i + 1;
                }
                _ => {}
            }
            vorige = c;
        }
        None
    }
}
