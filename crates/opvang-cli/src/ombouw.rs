//! `opvang ombouw portefeuille`: the conversion portfolio ranked by suitability, as Dutch text.

use std::fmt::Write;

use opvang_core::format::aantal;
use opvang_core::reviews::{Besluit, ReviewStatus};
use opvang_core::suitability::{Categorie, PortefeuilleFilter, PortefeuilleRegel};
use opvang_core::{CoreError, Db};

/// Parses a category as typed on the command line.
pub fn lees_categorie(tekst: &str) -> Result<Categorie, String> {
    Categorie::from_code(&tekst.trim().to_lowercase().replace([' ', '-'], "_")).ok_or_else(|| {
        format!(
            "onbekende categorie {tekst:?}; kies geschikt, geschikt_na_aanpassing of niet_geschikt"
        )
    })
}

/// The category column: the category, the knock-outs hit, or why there is none.
fn categorie_tekst(r: &PortefeuilleRegel) -> String {
    match (r.beoordeling_id, r.categorie) {
        (None, _) => "niet beoordeeld".to_owned(),
        (Some(_), None) => "onvolledig".to_owned(),
        (Some(_), Some(c)) if !r.knockouts.is_empty() => {
            format!("{} (knock-out: {})", c.label(), r.knockouts.join(", "))
        }
        (Some(_), Some(c)) if r.onvolledig => format!("{} (onvolledig)", c.label()),
        (Some(_), Some(c)) => c.label().to_owned(),
    }
}

fn review_tekst(r: &PortefeuilleRegel) -> String {
    match (r.review_status, r.besluit) {
        (_, Some(Besluit::Akkoord)) => "akkoord".to_owned(),
        (_, Some(Besluit::Afgewezen)) => "afgewezen".to_owned(),
        (_, Some(Besluit::Aangehouden)) => "aangehouden".to_owned(),
        (Some(ReviewStatus::Besloten), None) | (None, None) => "–".to_owned(),
        (Some(status), None) => status.label().to_owned(),
    }
}

/// The ranked portfolio and the convertible units per municipality.
pub async fn portefeuille(
    db: &Db,
    gemeente: Option<String>,
    categorie: Option<Categorie>,
) -> Result<String, CoreError> {
    let gebied = match &gemeente {
        None => "alle gemeenten".to_owned(),
        Some(code) => {
            let code = code.trim().to_uppercase();
            let naam = db
                .gemeenten()
                .await?
                .into_iter()
                .find(|g| g.code == code)
                .map(|g| g.naam)
                .ok_or_else(|| {
                    CoreError::validatie(
                        "gemeente",
                        format!(
                            "Onbekende gemeentecode {code:?}; gebruik een CBS-code zoals GM0344."
                        ),
                    )
                })?;
            format!("{naam} ({code})")
        }
    };
    let p = db
        .portefeuille(&PortefeuilleFilter {
            gemeente_code: gemeente,
            categorie,
        })
        .await?;
    let mut uit = String::new();
    let _ = write!(uit, "Ombouwportefeuille — {gebied}");
    if let Some(c) = categorie {
        let _ = write!(uit, ", categorie {}", c.label());
    }
    let _ = writeln!(uit);
    let _ = writeln!(uit);
    if p.regels.is_empty() {
        let _ = writeln!(uit, "Geen locaties.");
    } else {
        let _ = writeln!(
            uit,
            "{:>4}  {:<40} {:<16} {:>10} {:>6}  {:<30} Review",
            "Rang", "Locatie", "Gemeente", "Eenheden", "Score", "Categorie"
        );
        for r in &p.regels {
            let _ = writeln!(
                uit,
                "{:>4}  {:<40} {:<16} {:>10} {:>6}  {:<30} {}",
                r.rang.map_or("–".to_owned(), |n| n.to_string()),
                r.locatie_naam,
                r.gemeente_naam,
                r.wooneenheden.map_or("–".to_owned(), aantal),
                r.totaal.map_or("–".to_owned(), |t| t.to_string()),
                categorie_tekst(r),
                review_tekst(r)
            );
        }
    }
    let _ = writeln!(uit);
    let _ = writeln!(
        uit,
        "Wooneenheden die kunnen worden omgebouwd (geschikt of geschikt na aanpassing)"
    );
    let _ = writeln!(
        uit,
        "{:<24} {:>9} {:>11} {:>12} {:>9}",
        "Gemeente", "Locaties", "Beoordeeld", "Ombouwbaar", "Akkoord"
    );
    for g in &p.per_gemeente {
        let _ = writeln!(
            uit,
            "{:<24} {:>9} {:>11} {:>12} {:>9}",
            g.gemeente_naam,
            aantal(g.locaties),
            aantal(g.beoordeeld),
            aantal(g.ombouwbare_eenheden),
            aantal(g.akkoord_eenheden)
        );
    }
    let som = |f: fn(&opvang_core::suitability::OmbouwPerGemeente) -> i64| {
        aantal(p.per_gemeente.iter().map(f).sum())
    };
    let _ = writeln!(
        uit,
        "{:<24} {:>9} {:>11} {:>12} {:>9}",
        "Totaal",
        som(|g| g.locaties),
        som(|g| g.beoordeeld),
        som(|g| g.ombouwbare_eenheden),
        som(|g| g.akkoord_eenheden)
    );
    Ok(uit)
}
