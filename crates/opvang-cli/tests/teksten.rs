//! The command's source spells no sentences: what people read comes from the core catalogs
//! (section `cli`), so every user-facing text exists in Dutch and English.

use std::path::Path;

/// String literals of two or more words outside comments, `expect(…)` and `unreachable!(…)`
/// (messages for developers); placeholders such as `{naam}` are not words.
fn proza(bron: &str) -> Vec<String> {
    let mut uit = Vec::new();
    for regel in bron.lines() {
        let regel = regel.trim_start();
        if regel.starts_with("//") {
            continue;
        }
        let mut rest = regel;
        while let Some(begin) = rest.find('"') {
            let voor = &rest[..begin];
            let na = &rest[begin + 1..];
            let mut eind = None;
            let mut vorige = ' ';
            for (i, c) in na.char_indices() {
                if c == '"' && vorige != '\\' {
                    eind = Some(i);
                    break;
                }
                vorige = if vorige == '\\' { ' ' } else { c };
            }
            let Some(eind) = eind else { break };
            let tekst = &na[..eind];
            rest = &na[eind + 1..];
            let zonder: String = tekst
                .split('{')
                .map(|deel| deel.split_once('}').map_or(deel, |(_, na)| na))
                .collect::<Vec<_>>()
                .join(" ");
            let woorden = zonder
                .split_whitespace()
                .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2)
                .count();
            let voor = voor.trim_end();
            if woorden >= 2 && !voor.ends_with("expect(") && !voor.ends_with("unreachable!(") {
                uit.push(tekst.to_owned());
            }
        }
    }
    uit
}

#[test]
fn the_command_source_holds_no_texts() {
    let map = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut gevonden = Vec::new();
    for item in std::fs::read_dir(&map).unwrap() {
        let pad = item.unwrap().path();
        let naam = pad.file_name().unwrap().to_string_lossy().into_owned();
        // The developers' benchmarks and load test write fixed English tables (see their docs).
        if naam == "bench.rs" || naam == "loadtest.rs" {
            continue;
        }
        let bron = std::fs::read_to_string(&pad).unwrap();
        let bron = bron.split("#[cfg(test)]").next().unwrap_or_default();
        for tekst in proza(bron) {
            gevonden.push(format!("{naam}: {tekst:?}"));
        }
    }
    assert!(
        gevonden.is_empty(),
        "texts to move into crates/opvang-core/i18n/*.json (section cli): {gevonden:#?}"
    );
    let voorbeeld = "println!(\"{n} regels geschreven\");\n// \"in een opmerking\"\n\
                     .expect(\"a valid date here\"); t(\"cli.status.kop\"); \"{a} {b}\"";
    assert_eq!(proza(voorbeeld), vec!["{n} regels geschreven".to_owned()]);
}
