//! `opvang ombouw`: the ranked conversion portfolio and a location's dossier, as Dutch text.

use std::fmt::Write;

use opvang_core::format::{aantal, datum};
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
        (Some(_), Some(c)) => c.label(),
    }
}

fn review_tekst(r: &PortefeuilleRegel) -> String {
    match (r.review_status, r.besluit) {
        (_, Some(Besluit::Akkoord)) => "akkoord".to_owned(),
        (_, Some(Besluit::Afgewezen)) => "afgewezen".to_owned(),
        (_, Some(Besluit::Aangehouden)) => "aangehouden".to_owned(),
        (Some(ReviewStatus::Besloten), None) | (None, None) => "–".to_owned(),
        (Some(status), None) => status.label(),
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
                        "fout.cli_ombouw.onbekende_gemeentecode_gebruik_cbs",
                    )
                    .met("code", &(format!("{:?}", code)))
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

/// The conversion dossier of one location as Dutch text: location and lease dates, occupancy,
/// the latest assessment with per-criterion explanation, and the review trail.
pub async fn dossier(db: &Db, locatie_id: i64) -> Result<String, CoreError> {
    let d = opvang_core::reviews::dossier(db, locatie_id).await?;
    let l = &d.locatie;
    let g = &l.gegevens;
    let mut uit = String::new();
    let _ = writeln!(uit, "Ombouwdossier — {} ({})", g.naam, l.gemeente_naam);
    let _ = writeln!(uit);
    let adres = format!("{} {}, {} {}", g.straat, g.huisnummer, g.postcode, g.plaats);
    let _ = writeln!(uit, "Adres: {}", adres.replace("  ", " ").trim());
    let _ = writeln!(
        uit,
        "Wooneenheden: {}; vloeroppervlak: {}",
        g.wooneenheden.map_or("onbekend".to_owned(), aantal),
        g.vloeroppervlak
            .map_or("onbekend".to_owned(), |m2| format!("{} m²", aantal(m2)))
    );
    let _ = writeln!(
        uit,
        "Einde huur of vergunning: {} (horizon {})",
        g.einddatum.map_or("geen".to_owned(), datum),
        datum(d.horizon)
    );
    if let Some(p) = d.bezetting.last() {
        let bezet = p.bezetting.ontheemden
            + p.bezetting.statushouders
            + p.bezetting.asielzoekers
            + p.bezetting.overig;
        let _ = writeln!(
            uit,
            "Bezetting: {} peilingen van {} tot {}; laatste: {} bezet van {} plaatsen",
            aantal(d.bezetting.len() as i64),
            datum(d.bezetting[0].peildatum),
            datum(p.peildatum),
            aantal(bezet),
            aantal(p.capaciteit)
        );
    } else {
        let _ = writeln!(uit, "Bezetting: geen peilingen");
    }
    let _ = writeln!(uit);
    match (&d.beoordeling, &d.criteriaset) {
        (Some(b), Some(set)) => {
            let u = &b.uitslag;
            let _ = writeln!(
                uit,
                "Beoordeling {} van {} door {} (criteriaset versie {}: {})",
                b.id,
                datum(b.datum),
                b.opsteller,
                set.nummer,
                set.naam
            );
            let _ = writeln!(
                uit,
                "Score: {}; categorie: {}",
                u.totaal.map_or("–".to_owned(), |t| format!("{t} van 100")),
                u.categorie
                    .map_or_else(|| "onvolledig".to_owned(), |c| c.label())
            );
            if !u.knockouts.is_empty() {
                let _ = writeln!(uit, "Knock-outs: {}", u.knockouts.join(", "));
            }
            for reden in &u.onvolledig {
                let _ = writeln!(uit, "Onvolledig: {reden}");
            }
            for c in &u.criteria {
                let _ = writeln!(uit, "  - {}", c.toelichting);
            }
        }
        _ => {
            let _ = writeln!(uit, "Nog niet beoordeeld.");
        }
    }
    let _ = writeln!(uit);
    if d.reviews.is_empty() {
        let _ = writeln!(uit, "Geen reviews.");
    }
    for r in &d.reviews {
        let _ = write!(uit, "Review {}: {}", r.id, r.status.label());
        if let Some(b) = r.besluit {
            let _ = write!(uit, ", besluit {}", b.code());
        }
        if let Some(v) = r.vervangt_id {
            let _ = write!(uit, " (vervangt review {v})");
        }
        if let Some(v) = r.vervangen_door {
            let _ = write!(uit, " (vervangen door review {v})");
        }
        let _ = writeln!(uit);
        let _ = writeln!(
            uit,
            "  Opgesteld door {}, ingediend door {}{}",
            r.opsteller,
            r.indiener,
            r.ingediend_op
                .map_or(String::new(), |d| format!(" op {}", datum(d)))
        );
        if let (Some(wie), Some(wanneer)) = (&r.beoordelaar, r.besluitdatum) {
            let _ = writeln!(uit, "  Besloten door {wie} op {}", datum(wanneer));
        }
        if !r.toelichting.is_empty() {
            let _ = writeln!(uit, "  Toelichting: {}", r.toelichting);
        }
        for o in &r.opmerkingen {
            let _ = writeln!(uit, "  Opmerking van {}: {}", o.gebruiker, o.tekst);
        }
        for b in &r.bijlagen {
            let _ = writeln!(uit, "  Bijlage: {} (SHA-256 {})", b.pad, b.sha256);
        }
    }
    Ok(uit)
}
