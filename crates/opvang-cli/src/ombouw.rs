//! `opvang ombouw`: the ranked conversion portfolio and a location's dossier, as text in the
//! language of `--taal`.

use std::fmt::Write;

use opvang_core::reviews::{Besluit, ReviewStatus};
use opvang_core::suitability::{Categorie, PortefeuilleFilter, PortefeuilleRegel};
use opvang_core::{CoreError, Db};

use crate::tekst::{aantal, datum, t, t_met};

/// Parses a category as typed on the command line.
pub fn lees_categorie(tekst: &str) -> Result<Categorie, String> {
    Categorie::from_code(&tekst.trim().to_lowercase().replace([' ', '-'], "_"))
        .ok_or_else(|| t_met("cli.invoer.categorie", &[("tekst", &format!("{tekst:?}"))]))
}

/// The category column: the category, the knock-outs hit, or why there is none.
fn categorie_tekst(r: &PortefeuilleRegel) -> String {
    match (r.beoordeling_id, r.categorie) {
        (None, _) => t("cli.ombouw.niet_beoordeeld"),
        (Some(_), None) => t("cli.ombouw.onvolledig"),
        (Some(_), Some(c)) if !r.knockouts.is_empty() => t_met(
            "cli.ombouw.met_knockouts",
            &[
                ("categorie", &c.label()),
                ("knockouts", &r.knockouts.join(", ")),
            ],
        ),
        (Some(_), Some(c)) if r.onvolledig => t_met(
            "cli.ombouw.categorie_onvolledig",
            &[("categorie", &c.label())],
        ),
        (Some(_), Some(c)) => c.label(),
    }
}

fn review_tekst(r: &PortefeuilleRegel) -> String {
    match (r.review_status, r.besluit) {
        (_, Some(b)) => besluit_tekst(b),
        (Some(ReviewStatus::Besloten), None) | (None, None) => "–".to_owned(),
        (Some(status), None) => status.label(),
    }
}

/// A decision in running text: `akkoord`, `approved`.
fn besluit_tekst(b: Besluit) -> String {
    t(match b {
        Besluit::Akkoord => "label.besluit.akkoord",
        Besluit::Afgewezen => "label.besluit.afgewezen",
        Besluit::Aangehouden => "label.besluit.aangehouden",
    })
}

/// The ranked portfolio and the convertible units per municipality.
pub async fn portefeuille(
    db: &Db,
    gemeente: Option<String>,
    categorie: Option<Categorie>,
) -> Result<String, CoreError> {
    let gebied = match &gemeente {
        None => t("cli.alle_gemeenten"),
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
    let kop = match categorie {
        None => t_met("cli.ombouw.kop", &[("gebied", &gebied)]),
        Some(c) => t_met(
            "cli.ombouw.kop_categorie",
            &[("gebied", &gebied), ("categorie", &c.label())],
        ),
    };
    let _ = writeln!(uit, "{kop}");
    let _ = writeln!(uit);
    if p.regels.is_empty() {
        let _ = writeln!(uit, "{}", t("cli.ombouw.geen_locaties"));
    } else {
        let _ = writeln!(
            uit,
            "{:>4}  {:<40} {:<16} {:>10} {:>6}  {:<30} {}",
            t("cli.ombouw.kolom.rang"),
            t("cli.ombouw.kolom.locatie"),
            t("cli.ombouw.kolom.gemeente"),
            t("cli.ombouw.kolom.eenheden"),
            t("cli.ombouw.kolom.score"),
            t("cli.ombouw.kolom.categorie"),
            t("cli.ombouw.kolom.review")
        );
        for r in &p.regels {
            let _ = writeln!(
                uit,
                "{:>4}  {:<40} {:<16} {:>10} {:>6}  {:<30} {}",
                r.rang.map_or("–".to_owned(), |n| n.to_string()),
                r.locatie_naam,
                r.gemeente_naam,
                r.wooneenheden.map_or("–".to_owned(), aantal),
                r.totaal.map_or("–".to_owned(), |n| n.to_string()),
                categorie_tekst(r),
                review_tekst(r)
            );
        }
    }
    let _ = writeln!(uit);
    let _ = writeln!(uit, "{}", t("cli.ombouw.ombouwbaar_kop"));
    let _ = writeln!(
        uit,
        "{:<24} {:>9} {:>11} {:>12} {:>9}",
        t("cli.ombouw.kolom.gemeente"),
        t("cli.ombouw.kolom.locaties"),
        t("cli.ombouw.kolom.beoordeeld"),
        t("cli.ombouw.kolom.ombouwbaar"),
        t("cli.ombouw.kolom.akkoord")
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
        t("cli.ombouw.totaal"),
        som(|g| g.locaties),
        som(|g| g.beoordeeld),
        som(|g| g.ombouwbare_eenheden),
        som(|g| g.akkoord_eenheden)
    );
    Ok(uit)
}

/// The conversion dossier of one location as text: location and lease dates, occupancy,
/// the latest assessment with per-criterion explanation, and the review trail.
pub async fn dossier(db: &Db, locatie_id: i64) -> Result<String, CoreError> {
    let d = opvang_core::reviews::dossier(db, locatie_id).await?;
    let l = &d.locatie;
    let g = &l.gegevens;
    let mut uit = String::new();
    let regel = |uit: &mut String, tekst: String| {
        let _ = writeln!(uit, "{tekst}");
    };
    regel(
        &mut uit,
        t_met(
            "cli.dossier.kop",
            &[("naam", &g.naam), ("gemeente", &l.gemeente_naam)],
        ),
    );
    let _ = writeln!(uit);
    let adres = format!("{} {}, {} {}", g.straat, g.huisnummer, g.postcode, g.plaats);
    let adres = adres.replace("  ", " ");
    regel(
        &mut uit,
        t_met("cli.dossier.adres", &[("adres", &adres.trim())]),
    );
    let onbekend = || t("cli.dossier.onbekend");
    regel(
        &mut uit,
        t_met(
            "cli.dossier.omvang",
            &[
                (
                    "wooneenheden",
                    &g.wooneenheden.map_or_else(onbekend, aantal),
                ),
                (
                    "oppervlak",
                    &g.vloeroppervlak.map_or_else(onbekend, |m2| {
                        t_met("cli.dossier.m2", &[("m2", &aantal(m2))])
                    }),
                ),
            ],
        ),
    );
    regel(
        &mut uit,
        t_met(
            "cli.dossier.einde",
            &[
                (
                    "einde",
                    &g.einddatum.map_or_else(|| t("cli.dossier.geen"), datum),
                ),
                ("horizon", &datum(d.horizon)),
            ],
        ),
    );
    if let Some(p) = d.bezetting.last() {
        let bezet = p.bezetting.ontheemden
            + p.bezetting.statushouders
            + p.bezetting.asielzoekers
            + p.bezetting.overig;
        regel(
            &mut uit,
            t_met(
                "cli.dossier.bezetting",
                &[
                    ("aantal", &aantal(d.bezetting.len() as i64)),
                    ("van", &datum(d.bezetting[0].peildatum)),
                    ("tot", &datum(p.peildatum)),
                    ("bezet", &aantal(bezet)),
                    ("plaatsen", &aantal(p.capaciteit)),
                ],
            ),
        );
    } else {
        regel(&mut uit, t("cli.dossier.geen_peilingen"));
    }
    let _ = writeln!(uit);
    match (&d.beoordeling, &d.criteriaset) {
        (Some(b), Some(set)) => {
            let u = &b.uitslag;
            regel(
                &mut uit,
                t_met(
                    "cli.dossier.beoordeling",
                    &[
                        ("id", &b.id),
                        ("datum", &datum(b.datum)),
                        ("opsteller", &b.opsteller),
                        ("versie", &set.nummer),
                        ("set", &set.naam),
                    ],
                ),
            );
            regel(
                &mut uit,
                t_met(
                    "cli.dossier.score",
                    &[
                        (
                            "score",
                            &u.totaal.map_or("–".to_owned(), |n| {
                                t_met("cli.dossier.score_van", &[("score", &n)])
                            }),
                        ),
                        (
                            "categorie",
                            &u.categorie
                                .map_or_else(|| t("cli.ombouw.onvolledig"), |c| c.label()),
                        ),
                    ],
                ),
            );
            if !u.knockouts.is_empty() {
                regel(
                    &mut uit,
                    t_met(
                        "cli.dossier.knockouts",
                        &[("knockouts", &u.knockouts.join(", "))],
                    ),
                );
            }
            for reden in &u.onvolledig {
                regel(
                    &mut uit,
                    t_met("cli.dossier.onvolledig", &[("reden", reden)]),
                );
            }
            for c in &u.criteria {
                let _ = writeln!(uit, "  - {}", c.toelichting);
            }
        }
        _ => regel(&mut uit, t("cli.dossier.niet_beoordeeld")),
    }
    let _ = writeln!(uit);
    if d.reviews.is_empty() {
        regel(&mut uit, t("cli.dossier.geen_reviews"));
    }
    for r in &d.reviews {
        let mut kop = t_met(
            "cli.dossier.review",
            &[("id", &r.id), ("status", &r.status.label())],
        );
        if let Some(b) = r.besluit {
            kop.push_str(&t_met(
                "cli.dossier.review_besluit",
                &[("besluit", &besluit_tekst(b))],
            ));
        }
        if let Some(v) = r.vervangt_id {
            kop.push_str(&t_met("cli.dossier.review_vervangt", &[("id", &v)]));
        }
        if let Some(v) = r.vervangen_door {
            kop.push_str(&t_met("cli.dossier.review_vervangen_door", &[("id", &v)]));
        }
        regel(&mut uit, kop);
        let opgesteld = match r.ingediend_op {
            Some(op) => t_met(
                "cli.dossier.opgesteld_ingediend_op",
                &[
                    ("opsteller", &r.opsteller),
                    ("indiener", &r.indiener),
                    ("datum", &datum(op)),
                ],
            ),
            None => t_met(
                "cli.dossier.opgesteld_ingediend",
                &[("opsteller", &r.opsteller), ("indiener", &r.indiener)],
            ),
        };
        regel(&mut uit, opgesteld);
        if let (Some(wie), Some(wanneer)) = (&r.beoordelaar, r.besluitdatum) {
            regel(
                &mut uit,
                t_met(
                    "cli.dossier.besloten",
                    &[("wie", wie), ("datum", &datum(wanneer))],
                ),
            );
        }
        if !r.toelichting.is_empty() {
            regel(
                &mut uit,
                t_met("cli.dossier.toelichting", &[("tekst", &r.toelichting)]),
            );
        }
        for o in &r.opmerkingen {
            regel(
                &mut uit,
                t_met(
                    "cli.dossier.opmerking",
                    &[("wie", &o.gebruiker), ("tekst", &o.tekst)],
                ),
            );
        }
        for b in &r.bijlagen {
            regel(
                &mut uit,
                t_met(
                    "cli.dossier.bijlage",
                    &[("pad", &b.pad), ("sha256", &b.sha256)],
                ),
            );
        }
    }
    Ok(uit)
}
