//! The conversion dossier of one location as a printable PDF for the college (B&W).

use std::path::Path;

use chrono::{Datelike, NaiveDate};

use super::{controleer_bijlage, Besluit, BijlageStaat, Dossier, Review};
use crate::error::{CoreError, CoreResult};
use crate::format::{aantal, datum, percentage};
use crate::locations::{Beheerder, Financiering, LocatieType, Vergunning};
use crate::occupancy::rate::rate_tenths;
use crate::reports::pdf::{Kolom, Lijngrafiek, Rapport, Reeks, Richting, Staafgrafiek, Tabel};
use crate::storage::Db;
use crate::suitability::MAX_SCORE;

/// Writes the dossier of `locatie_id` as PDF to `pad`; `vandaag` is printed as its date.
pub async fn dossier_pdf_schrijven(
    db: &Db,
    locatie_id: i64,
    pad: &Path,
    vandaag: NaiveDate,
) -> CoreResult<()> {
    let d = super::dossier(db, locatie_id).await?;
    let bytes = dossier_pdf(&d, vandaag)?;
    std::fs::write(pad, bytes).map_err(|e| {
        CoreError::bestand("fout.reviews_dossier_pdf.dossier_niet_opgeslagen")
            .met("pad", &pad.display())
            .met("fout", &e)
    })
}

/// The dossier as PDF bytes.
pub fn dossier_pdf(d: &Dossier, vandaag: NaiveDate) -> CoreResult<Vec<u8>> {
    let l = &d.locatie;
    let g = &l.gegevens;
    let mut r = Rapport::nieuw(&format!("Ombouwdossier {}", g.naam));
    r.voettekst(&format!(
        "Ombouwdossier {} · {} · gemaakt op {}",
        g.naam,
        l.gemeente_naam,
        datum(vandaag)
    ));
    r.kop1(&format!("Ombouwdossier {}", g.naam));
    r.alinea(&format!(
        "Gemeente {}. Dossier voor het college van burgemeester en wethouders over de ombouw \
         van deze opvanglocatie tot reguliere woonruimte, gemaakt op {} met Opvangplanner.",
        l.gemeente_naam,
        datum(vandaag)
    ));

    r.kop2("Locatie");
    let adres = format!("{} {}, {} {}", g.straat, g.huisnummer, g.postcode, g.plaats);
    let zelfstandig: Vec<&str> = [
        (g.eigen_voordeur, "eigen voordeur"),
        (g.eigen_keuken, "eigen keuken"),
        (g.eigen_sanitair, "eigen toilet en douche"),
    ]
    .iter()
    .filter(|(ja, _)| *ja)
    .map(|(_, t)| *t)
    .collect();
    let per_eenheid = match (g.vloeroppervlak, g.wooneenheden) {
        (Some(m2), Some(n)) if n > 0 => format!(" ({} m² per wooneenheid)", aantal(m2 / n)),
        _ => String::new(),
    };
    r.gegevens(&[
        (
            "Adres".into(),
            adres.split_whitespace().collect::<Vec<_>>().join(" "),
        ),
        ("Gemeente".into(), l.gemeente_naam.clone()),
        ("Type".into(), type_label(g.soort).into()),
        ("Beheerder".into(), beheerder_label(g.beheerder).into()),
        ("Status".into(), hoofdletter(l.status.label())),
        (
            "Financiering".into(),
            financiering_label(g.financiering).into(),
        ),
        (
            "Wooneenheden".into(),
            g.wooneenheden.map_or("onbekend".into(), aantal),
        ),
        (
            "Zelfstandigheid".into(),
            if zelfstandig.is_empty() {
                "gedeelde voorzieningen".into()
            } else {
                hoofdletter(&zelfstandig.join(", "))
            },
        ),
        (
            "Vloeroppervlak".into(),
            g.vloeroppervlak.map_or("onbekend".into(), |m2| {
                format!("{} m²{per_eenheid}", aantal(m2))
            }),
        ),
        (
            "Openingsdatum".into(),
            g.openingsdatum.map_or("onbekend".into(), datum),
        ),
        (
            "Vergunning".into(),
            g.vergunning.map_or("onbekend", vergunning_label).into(),
        ),
        (
            "Einde huur of vergunning".into(),
            einddatum_tekst(g.einddatum, d.horizon),
        ),
    ]);

    r.kop2("Capaciteit");
    if d.capaciteit.is_empty() {
        r.alinea("Er zijn geen capaciteitsperioden vastgelegd.");
    } else {
        let rijen = d
            .capaciteit
            .iter()
            .map(|c| {
                vec![
                    datum(c.vanaf),
                    c.tot_en_met.map_or("doorlopend".into(), datum),
                    aantal(c.plaatsen),
                ]
            })
            .collect();
        r.tabel(&Tabel::new(
            vec![
                Kolom::tekst("Vanaf", 1.0),
                Kolom::tekst("Tot en met", 1.0),
                Kolom::getal("Gerealiseerde plaatsen", 1.0),
            ],
            rijen,
        ));
    }

    r.kop2("Bezetting");
    bezetting(&mut r, d);

    r.kop2("Beoordeling");
    beoordeling(&mut r, d);

    r.kop2("Reviews");
    if d.reviews.is_empty() {
        r.alinea("Er is nog geen review gestart.");
    }
    for review in &d.reviews {
        review_spoor(&mut r, review);
    }
    r.pdf()
}

fn bezetting(r: &mut Rapport, d: &Dossier) {
    let Some(laatste) = d.bezetting.last() else {
        r.alinea("Er zijn geen peilingen van de bezetting.");
        return;
    };
    let eerste = &d.bezetting[0];
    r.alinea(&format!(
        "{} peilingen van {} tot en met {}. Laatste peiling: {} bezet van {} plaatsen \
         ({} niet inzetbaar), bezettingsgraad {}.",
        aantal(d.bezetting.len() as i64),
        datum(eerste.peildatum),
        datum(laatste.peildatum),
        aantal(laatste.bezetting.totaal()),
        aantal(laatste.capaciteit),
        aantal(laatste.niet_inzetbaar),
        percentage(rate_tenths(laatste.bezetting.totaal(), laatste.capaciteit)),
    ));
    r.lijngrafiek(&Lijngrafiek {
        titel: "Bezetting en capaciteit per peildatum".into(),
        x_as: "Peildatum".into(),
        y_as: "Plaatsen".into(),
        labels: d.bezetting.iter().map(|p| datum(p.peildatum)).collect(),
        reeksen: vec![
            Reeks {
                naam: "Bezet".into(),
                waarden: d
                    .bezetting
                    .iter()
                    .map(|p| Some(p.bezetting.totaal() as f64))
                    .collect(),
            },
            Reeks {
                naam: "Gerealiseerde plaatsen".into(),
                waarden: d
                    .bezetting
                    .iter()
                    .map(|p| Some(p.capaciteit as f64))
                    .collect(),
            },
        ],
    });
    // The last snapshot of each month, as the chart's data in figures.
    let mut per_maand: Vec<&crate::occupancy::Peiling> = Vec::new();
    for p in &d.bezetting {
        match per_maand.last_mut() {
            Some(vorige)
                if (vorige.peildatum.year(), vorige.peildatum.month())
                    == (p.peildatum.year(), p.peildatum.month()) =>
            {
                *vorige = p
            }
            _ => per_maand.push(p),
        }
    }
    r.kop3("Laatste peiling per maand");
    let rijen = per_maand
        .iter()
        .map(|p| {
            vec![
                datum(p.peildatum),
                aantal(p.capaciteit),
                aantal(p.niet_inzetbaar),
                aantal(p.bezetting.ontheemden),
                aantal(p.bezetting.statushouders),
                aantal(p.bezetting.asielzoekers),
                aantal(p.bezetting.overig),
                aantal(p.bezetting.totaal()),
                percentage(rate_tenths(p.bezetting.totaal(), p.capaciteit)),
            ]
        })
        .collect();
    r.tabel(&Tabel::new(
        vec![
            Kolom::tekst("Peildatum", 1.1),
            Kolom::getal("Plaatsen", 1.0),
            Kolom::getal("Niet inzetbaar", 1.1),
            Kolom::getal("Ontheemden", 1.35),
            Kolom::getal("Status- houders", 1.0),
            Kolom::getal("Asiel- zoekers", 1.0),
            Kolom::getal("Overig", 0.75),
            Kolom::getal("Bezet", 0.8),
            Kolom::getal("Graad", 0.8),
        ],
        rijen,
    ));
}

fn beoordeling(r: &mut Rapport, d: &Dossier) {
    let (Some(b), Some(set)) = (&d.beoordeling, &d.criteriaset) else {
        r.alinea("Deze locatie is nog niet beoordeeld.");
        return;
    };
    let u = &b.uitslag;
    r.gegevens(&[
        ("Datum".into(), datum(b.datum)),
        ("Opgesteld door".into(), b.opsteller.clone()),
        (
            "Criteriaset".into(),
            format!("versie {}: {}", set.nummer, set.naam),
        ),
        (
            "Score".into(),
            u.totaal
                .map_or("– (onvolledig)".into(), |t| format!("{t} van 100")),
        ),
        (
            "Categorie".into(),
            u.categorie
                .map_or("onvolledig".into(), |c| hoofdletter(c.label())),
        ),
        (
            "Knock-outs".into(),
            if u.knockouts.is_empty() {
                "geen".into()
            } else {
                u.knockouts.join(", ")
            },
        ),
    ]);
    if !u.onvolledig.is_empty() {
        r.kop3("Waarom onvolledig");
        for reden in &u.onvolledig {
            r.alinea(&format!("• {reden}"));
        }
    }
    let rijen = u
        .criteria
        .iter()
        .map(|c| {
            vec![
                c.label.clone(),
                aantal(c.gewicht),
                c.score.map_or("–".into(), |s| format!("{s} van 4")),
                if c.knockout {
                    "ja".into()
                } else {
                    "–".into()
                },
            ]
        })
        .collect();
    r.kop3("Scores per criterium");
    r.tabel(&Tabel::new(
        vec![
            Kolom::tekst("Criterium", 4.0),
            Kolom::getal("Gewicht", 1.0),
            Kolom::getal("Score", 1.0),
            Kolom::tekst("Knock-out", 1.0),
        ],
        rijen,
    ));
    let gescoord: Vec<(String, f64)> = u
        .criteria
        .iter()
        .filter_map(|c| c.score.map(|s| (c.label.clone(), s as f64)))
        .collect();
    if !gescoord.is_empty() {
        let titel = if gescoord.len() < u.criteria.len() {
            "Score per criterium (0 tot 4; niet gescoorde criteria ontbreken)"
        } else {
            "Score per criterium (0 tot 4)"
        };
        r.staafgrafiek_tot(
            &Staafgrafiek {
                titel: titel.into(),
                waarde_as: "Score".into(),
                richting: Richting::Horizontaal,
                staven: gescoord,
            },
            MAX_SCORE as f64,
        );
    }
    r.kop3("Toelichting per criterium");
    for c in &u.criteria {
        r.alinea(&format!("• {}", c.toelichting));
    }
}

fn review_spoor(r: &mut Rapport, review: &Review) {
    let mut kop = format!("Review {}: {}", review.id, review.status.label());
    if let Some(b) = review.besluit {
        kop.push_str(&format!(", besluit {}", besluit_label(b)));
    }
    r.kop3(&kop);
    let mut regels: Vec<(String, String)> = vec![
        (
            "Beoordeling opgesteld door".into(),
            review.opsteller.clone(),
        ),
        (
            "Ingediend door".into(),
            match review.ingediend_op {
                Some(op) => format!("{} op {}", review.indiener, datum(op)),
                None => format!("{} (nog niet ingediend)", review.indiener),
            },
        ),
    ];
    if let Some(wie) = &review.beoordelaar {
        regels.push(("Besloten door".into(), wie.clone()));
    }
    if let Some(b) = review.besluit {
        regels.push(("Besluit".into(), hoofdletter(besluit_label(b))));
    }
    if let Some(op) = review.besluitdatum {
        regels.push(("Besluitdatum".into(), datum(op)));
    }
    if !review.toelichting.is_empty() {
        regels.push(("Toelichting".into(), review.toelichting.clone()));
    }
    if let Some(v) = review.vervangt_id {
        regels.push(("Vervangt".into(), format!("review {v}")));
    }
    if let Some(v) = review.vervangen_door {
        regels.push(("Vervangen door".into(), format!("review {v}")));
    }
    r.gegevens(&regels);
    if !review.opmerkingen.is_empty() {
        let rijen = review
            .opmerkingen
            .iter()
            .map(|o| vec![tijdstip(&o.tijdstip), o.gebruiker.clone(), o.tekst.clone()])
            .collect();
        r.tabel(&Tabel::new(
            vec![
                Kolom::tekst("Tijdstip", 1.3),
                Kolom::tekst("Door", 1.0),
                Kolom::tekst("Opmerking", 4.0),
            ],
            rijen,
        ));
    }
    if !review.bijlagen.is_empty() {
        let rijen = review
            .bijlagen
            .iter()
            .map(|b| {
                let controle = match controleer_bijlage(b).staat {
                    BijlageStaat::Ongewijzigd => "ongewijzigd",
                    BijlageStaat::Gewijzigd => "gewijzigd: hash klopt niet meer",
                    BijlageStaat::Ontbreekt => "niet gevonden",
                };
                vec![
                    b.pad.clone(),
                    format!("{} bytes", aantal(b.bytes)),
                    b.sha256.clone(),
                    format!("{}, {}", b.gebruiker, tijdstip(&b.tijdstip)),
                    controle.to_owned(),
                ]
            })
            .collect();
        r.tabel(&Tabel::new(
            vec![
                Kolom::tekst("Bijlage", 2.0),
                Kolom::getal("Grootte", 0.9),
                Kolom::tekst("SHA-256 bij toevoegen", 2.6),
                Kolom::tekst("Toegevoegd", 1.4),
                Kolom::tekst("Controle bij maken dossier", 1.4),
            ],
            rijen,
        ));
    }
    r.scheidingslijn();
}

/// An RFC 3339 UTC time as local Dutch date and time (`23-11-2026 16:05`).
fn tijdstip(rfc3339: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(rfc3339)
        .map(|t| {
            let lokaal = t.with_timezone(&chrono::Local);
            format!("{} {}", datum(lokaal.date_naive()), lokaal.format("%H:%M"))
        })
        .unwrap_or_else(|_| rfc3339.to_owned())
}

fn einddatum_tekst(einde: Option<NaiveDate>, horizon: NaiveDate) -> String {
    match einde {
        None => format!("geen einddatum (horizon {})", datum(horizon)),
        Some(e) if e < horizon => format!(
            "{}, vóór het einde van de vijfjarige regeling op {}",
            datum(e),
            datum(horizon)
        ),
        Some(e) => format!(
            "{}, na het einde van de vijfjarige regeling op {}",
            datum(e),
            datum(horizon)
        ),
    }
}

fn hoofdletter(tekst: &str) -> String {
    let mut c = tekst.chars();
    match c.next() {
        Some(eerste) => eerste.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn besluit_label(b: Besluit) -> &'static str {
    b.code()
}

fn type_label(t: LocatieType) -> &'static str {
    match t {
        LocatieType::HotelPension => "Hotel/pension",
        LocatieType::KantoorBedrijfspand => "Kantoor/bedrijfspand",
        LocatieType::Zorgvastgoed => "Zorgvastgoed",
        LocatieType::Onderwijsgebouw => "Onderwijsgebouw",
        LocatieType::Vakantiepark => "Vakantiepark/chalets",
        LocatieType::ModulaireWoningen => "Modulaire/tijdelijke woningen",
        LocatieType::ReguliereWoningen => "Reguliere woningen",
        LocatieType::Schip => "Schip",
        LocatieType::SporthalNoodopvang => "Sporthal/noodopvang",
        LocatieType::Overig => "Overig",
    }
}

fn beheerder_label(b: Beheerder) -> &'static str {
    match b {
        Beheerder::Gemeente => "Gemeente",
        Beheerder::Coa => "COA",
        Beheerder::Woningcorporatie => "Woningcorporatie",
        Beheerder::Particulier => "Particulier",
        Beheerder::Overig => "Overig",
    }
}

fn financiering_label(f: Financiering) -> &'static str {
    match f {
        Financiering::Booo => "BOOO",
        Financiering::Doelgroepflexibel => "Doelgroepflexibele opvangregeling",
        Financiering::Doorstroom => "Doorstroomlocatie",
        Financiering::Coa => "COA",
        Financiering::Overig => "Overig",
    }
}

fn vergunning_label(v: Vergunning) -> &'static str {
    match v {
        Vergunning::Tijdelijk => "Tijdelijk",
        Vergunning::Permanent => "Permanent",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reviews::BesluitInvoer;
    use crate::suitability::{BeoordelingInvoer, CriteriumScore};

    /// On SQLite, where the user name comes from the settings (the trail needs two users).
    #[sqlx::test(migrations = false)]
    async fn dossier_pdf_holds_assessment_trail_and_hashes(
        _: sqlx::sqlite::SqlitePoolOptions,
        opts: sqlx::sqlite::SqliteConnectOptions,
    ) {
        let db = crate::storage::testdb::sqlite(opts).await;
        let vandaag: NaiveDate = "2026-11-23".parse().unwrap();
        crate::demo::laden(&db, vandaag, |_| {}).await.unwrap();
        let leeg = dossier_pdf(&super::super::dossier(&db, 1).await.unwrap(), vandaag).unwrap();
        let tekst = pdf_extract::extract_text_from_mem(&leeg).unwrap();
        assert!(tekst.contains("nog niet beoordeeld"), "{tekst}");
        assert!(tekst.contains("nog geen review"), "{tekst}");

        db.gebruiker_instellen("Anna de Planner").await.unwrap();
        let set = db.criteriasets().await.unwrap().remove(0);
        let b = db
            .beoordeling_toevoegen(&BeoordelingInvoer {
                locatie_id: 1,
                criteriaset_id: set.id,
                datum: vandaag,
                scores: set
                    .criteria
                    .iter()
                    .map(|c| CriteriumScore {
                        sleutel: c.sleutel.clone(),
                        score: Some(3),
                        onderbouwing: format!("Schouw: {} (één ruimte ≥ 11 m²)", c.label),
                    })
                    .collect(),
            })
            .await
            .unwrap();
        let review = db.review_starten(b.id).await.unwrap();
        let review = db
            .review_indienen(review.id, review.versie, vandaag)
            .await
            .unwrap();
        let dir = tempfile::tempdir().unwrap();
        let bijlage = dir.path().join("bouwkundig-rapport.txt");
        std::fs::write(&bijlage, b"abc").unwrap();
        db.review_bijlage(review.id, &bijlage).await.unwrap();
        db.review_opmerking(review.id, "Graag de brandveiligheid laten toetsen.")
            .await
            .unwrap();
        db.gebruiker_instellen("wethouder Eén").await.unwrap();
        let review = db.review(review.id).await.unwrap();
        db.review_besluiten(&BesluitInvoer {
            review_id: review.id,
            versie: review.versie,
            besluit: Besluit::Akkoord,
            besluitdatum: vandaag,
            toelichting: "Akkoord na financiële toets.".into(),
        })
        .await
        .unwrap();

        let pad = dir.path().join("dossier.pdf");
        dossier_pdf_schrijven(&db, 1, &pad, vandaag).await.unwrap();
        let tekst = pdf_extract::extract_text_from_mem(&std::fs::read(&pad).unwrap()).unwrap();
        let d = super::super::dossier(&db, 1).await.unwrap();
        let u = &d.beoordeling.as_ref().unwrap().uitslag;
        let naam = &d.locatie.gegevens.naam;
        for verwacht in [
            format!("Ombouwdossier {naam}"),
            "Einde huur of vergunning".into(),
            "Bezetting en capaciteit per peildatum".into(),
            "Laatste peiling per maand".into(),
            format!("versie {}: {}", set.nummer, set.naam),
            format!("{} van 100", u.totaal.unwrap()),
            "Toelichting per criterium".into(),
            u.criteria[0].label.clone(),
            "één ruimte ≥ 11 m²".into(),
            "besluit akkoord".into(),
            "Akkoord na financiële toets.".into(),
            "wethouder Eén".into(),
            "Anna de Planner".into(),
            "Graag de brandveiligheid laten toetsen.".into(),
            "bouwkundig-rapport.txt".into(),
            "ongewijzigd".into(),
            "23-11-2026".into(),
        ] {
            assert!(
                tekst.contains(&verwacht),
                "{verwacht:?} ontbreekt in:\n{tekst}"
            );
        }
        // The hash may wrap inside its cell; all of it is there.
        let zonder_witruimte: String = tekst.split_whitespace().collect();
        assert!(zonder_witruimte
            .contains("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
        let fout = dossier_pdf_schrijven(&db, 1, &dir.path().join("weg/dossier.pdf"), vandaag)
            .await
            .unwrap_err();
        assert_eq!(fout.code, crate::error::ErrorCode::Bestand);
    }
}
