//! The conversion dossier of one location as a printable PDF for the college (B&W), in Dutch or
//! English (texts from the catalogs, numbers and dates in the language's style).

use std::fmt::Display;
use std::path::Path;

use chrono::{Datelike, NaiveDate};

use super::{controleer_bijlage, Besluit, BijlageStaat, Dossier, Review};
use crate::error::{CoreError, CoreResult};
use crate::format::{aantal_in, datum_in, percentage_in};
use crate::i18n::{self, Taal};
use crate::locations::{Beheerder, Financiering, Vergunning};
use crate::occupancy::rate::rate_tenths;
use crate::reports::pdf::{Kolom, Lijngrafiek, Rapport, Reeks, Richting, Staafgrafiek, Tabel};
use crate::storage::Db;
use crate::suitability::MAX_SCORE;

/// Writes the dossier of `locatie_id` as PDF to `pad` in the active language; `vandaag` is
/// printed as its date.
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

/// The dossier as PDF bytes in the active language.
pub fn dossier_pdf(d: &Dossier, vandaag: NaiveDate) -> CoreResult<Vec<u8>> {
    dossier_pdf_in(d, vandaag, i18n::actieve_taal())
}

/// The texts, numbers and dates of the dossier in one language.
#[derive(Clone, Copy)]
struct T(Taal);

impl T {
    fn t(self, sleutel: &str) -> String {
        i18n::tekst(self.0, sleutel)
    }

    fn met(self, sleutel: &str, waarden: &[(&str, &dyn Display)]) -> String {
        i18n::tekst_met(self.0, sleutel, waarden)
    }

    fn aantal(self, n: i64) -> String {
        aantal_in(self.0, n)
    }

    fn datum(self, d: NaiveDate) -> String {
        datum_in(self.0, d)
    }

    fn onbekend(self) -> String {
        self.t("pdf.dossier.onbekend")
    }
}

/// The dossier as PDF bytes in `taal`.
pub fn dossier_pdf_in(d: &Dossier, vandaag: NaiveDate, taal: Taal) -> CoreResult<Vec<u8>> {
    let t = T(taal);
    let l = &d.locatie;
    let g = &l.gegevens;
    let titel = t.met("pdf.dossier.titel", &[("naam", &g.naam)]);
    let gemaakt = t.datum(vandaag);
    let mut r = Rapport::nieuw_in(taal, &titel);
    r.voettekst(&t.met(
        "pdf.dossier.voettekst",
        &[
            ("naam", &g.naam),
            ("gemeente", &l.gemeente_naam),
            ("datum", &gemaakt),
        ],
    ));
    r.kop1(&titel);
    r.alinea(&t.met(
        "pdf.dossier.inleiding",
        &[("gemeente", &l.gemeente_naam), ("datum", &gemaakt)],
    ));

    r.kop2(&t.t("pdf.dossier.locatie"));
    let adres = format!("{} {}, {} {}", g.straat, g.huisnummer, g.postcode, g.plaats);
    let zelfstandig: Vec<String> = [
        (g.eigen_voordeur, "pdf.dossier.eigen_voordeur"),
        (g.eigen_keuken, "pdf.dossier.eigen_keuken"),
        (g.eigen_sanitair, "pdf.dossier.eigen_sanitair"),
    ]
    .iter()
    .filter(|(ja, _)| *ja)
    .map(|(_, sleutel)| t.t(sleutel))
    .collect();
    let per_eenheid = match (g.vloeroppervlak, g.wooneenheden) {
        (Some(m2), Some(n)) if n > 0 => {
            t.met("pdf.dossier.m2_per_eenheid", &[("m2", &t.aantal(m2 / n))])
        }
        _ => String::new(),
    };
    r.gegevens(&[
        (
            t.t("pdf.dossier.adres"),
            adres.split_whitespace().collect::<Vec<_>>().join(" "),
        ),
        (t.t("pdf.dossier.gemeente"), l.gemeente_naam.clone()),
        (t.t("pdf.dossier.type"), g.soort.label(taal)),
        (
            t.t("pdf.dossier.beheerder"),
            beheerder_label(t, g.beheerder),
        ),
        (
            t.t("pdf.dossier.status"),
            hoofdletter(&l.status.label_in(taal)),
        ),
        (
            t.t("pdf.dossier.financiering"),
            financiering_label(t, g.financiering),
        ),
        (
            t.t("pdf.dossier.wooneenheden"),
            g.wooneenheden.map_or_else(|| t.onbekend(), |n| t.aantal(n)),
        ),
        (
            t.t("pdf.dossier.zelfstandigheid"),
            if zelfstandig.is_empty() {
                t.t("pdf.dossier.gedeelde_voorzieningen")
            } else {
                hoofdletter(&zelfstandig.join(", "))
            },
        ),
        (
            t.t("pdf.dossier.vloeroppervlak"),
            g.vloeroppervlak.map_or_else(
                || t.onbekend(),
                |m2| format!("{} m²{per_eenheid}", t.aantal(m2)),
            ),
        ),
        (
            t.t("pdf.dossier.openingsdatum"),
            g.openingsdatum.map_or_else(|| t.onbekend(), |d| t.datum(d)),
        ),
        (
            t.t("pdf.dossier.vergunning"),
            g.vergunning
                .map_or_else(|| t.onbekend(), |v| vergunning_label(t, v)),
        ),
        (
            t.t("pdf.dossier.einde"),
            einddatum_tekst(t, g.einddatum, d.horizon),
        ),
    ]);

    r.kop2(&t.t("pdf.dossier.capaciteit"));
    if d.capaciteit.is_empty() {
        r.alinea(&t.t("pdf.dossier.geen_capaciteit"));
    } else {
        let rijen = d
            .capaciteit
            .iter()
            .map(|c| {
                vec![
                    t.datum(c.vanaf),
                    c.tot_en_met
                        .map_or_else(|| t.t("pdf.dossier.doorlopend"), |d| t.datum(d)),
                    t.aantal(c.plaatsen),
                ]
            })
            .collect();
        r.tabel(&Tabel::new(
            vec![
                Kolom::tekst(&t.t("pdf.dossier.vanaf"), 1.0),
                Kolom::tekst(&t.t("pdf.dossier.tot_en_met"), 1.0),
                Kolom::getal(&t.t("pdf.dossier.gerealiseerde_plaatsen"), 1.0),
            ],
            rijen,
        ));
    }

    r.kop2(&t.t("pdf.dossier.bezetting"));
    bezetting(&mut r, t, d);

    r.kop2(&t.t("pdf.dossier.beoordeling"));
    beoordeling(&mut r, t, d);

    r.kop2(&t.t("pdf.dossier.reviews"));
    if d.reviews.is_empty() {
        r.alinea(&t.t("pdf.dossier.geen_review"));
    }
    for review in &d.reviews {
        review_spoor(&mut r, t, review);
    }
    r.pdf()
}

fn bezetting(r: &mut Rapport, t: T, d: &Dossier) {
    let Some(laatste) = d.bezetting.last() else {
        r.alinea(&t.t("pdf.dossier.geen_peilingen"));
        return;
    };
    let eerste = &d.bezetting[0];
    r.alinea(&t.met(
        "pdf.dossier.peilingen_samenvatting",
        &[
            ("aantal", &t.aantal(d.bezetting.len() as i64)),
            ("van", &t.datum(eerste.peildatum)),
            ("tot", &t.datum(laatste.peildatum)),
            ("bezet", &t.aantal(laatste.bezetting.totaal())),
            ("plaatsen", &t.aantal(laatste.capaciteit)),
            ("niet_inzetbaar", &t.aantal(laatste.niet_inzetbaar)),
            (
                "graad",
                &percentage_in(
                    t.0,
                    rate_tenths(laatste.bezetting.totaal(), laatste.capaciteit),
                ),
            ),
        ],
    ));
    r.lijngrafiek(&Lijngrafiek {
        titel: t.t("pdf.dossier.grafiek_bezetting"),
        x_as: t.t("pdf.dossier.peildatum"),
        y_as: t.t("pdf.dossier.plaatsen"),
        labels: d.bezetting.iter().map(|p| t.datum(p.peildatum)).collect(),
        reeksen: vec![
            Reeks {
                naam: t.t("pdf.dossier.bezet"),
                waarden: d
                    .bezetting
                    .iter()
                    .map(|p| Some(p.bezetting.totaal() as f64))
                    .collect(),
            },
            Reeks {
                naam: t.t("pdf.dossier.gerealiseerde_plaatsen"),
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
    r.kop3(&t.t("pdf.dossier.laatste_per_maand"));
    let rijen = per_maand
        .iter()
        .map(|p| {
            vec![
                t.datum(p.peildatum),
                t.aantal(p.capaciteit),
                t.aantal(p.niet_inzetbaar),
                t.aantal(p.bezetting.ontheemden),
                t.aantal(p.bezetting.statushouders),
                t.aantal(p.bezetting.asielzoekers),
                t.aantal(p.bezetting.overig),
                t.aantal(p.bezetting.totaal()),
                percentage_in(t.0, rate_tenths(p.bezetting.totaal(), p.capaciteit)),
            ]
        })
        .collect();
    r.tabel(&Tabel::new(
        vec![
            Kolom::tekst(&t.t("pdf.dossier.peildatum"), 1.1),
            Kolom::getal(&t.t("pdf.dossier.plaatsen"), 1.0),
            Kolom::getal(&t.t("pdf.dossier.niet_inzetbaar"), 1.1),
            Kolom::getal(&t.t("pdf.dossier.kolom_ontheemden"), 1.35),
            Kolom::getal(&t.t("pdf.dossier.kolom_statushouders"), 1.0),
            Kolom::getal(&t.t("pdf.dossier.kolom_asielzoekers"), 1.0),
            Kolom::getal(&t.t("pdf.dossier.kolom_overig"), 0.75),
            Kolom::getal(&t.t("pdf.dossier.bezet"), 0.8),
            Kolom::getal(&t.t("pdf.dossier.graad"), 0.8),
        ],
        rijen,
    ));
}

fn beoordeling(r: &mut Rapport, t: T, d: &Dossier) {
    let (Some(b), Some(set)) = (&d.beoordeling, &d.criteriaset) else {
        r.alinea(&t.t("pdf.dossier.niet_beoordeeld"));
        return;
    };
    let u = &b.uitslag;
    let onvolledig = t.t("pdf.dossier.onvolledig");
    r.gegevens(&[
        (t.t("pdf.dossier.datum"), t.datum(b.datum)),
        (t.t("pdf.dossier.opgesteld_door"), b.opsteller.clone()),
        (
            t.t("pdf.dossier.criteriaset"),
            t.met(
                "pdf.dossier.criteriaset_versie",
                &[("nummer", &set.nummer), ("naam", &set.naam)],
            ),
        ),
        (
            t.t("pdf.dossier.score"),
            u.totaal.map_or_else(
                || format!("– ({onvolledig})"),
                |s| t.met("pdf.dossier.score_van_100", &[("score", &s)]),
            ),
        ),
        (
            t.t("pdf.dossier.categorie"),
            u.categorie
                .map_or_else(|| onvolledig.clone(), |c| hoofdletter(&c.label_in(t.0))),
        ),
        (
            t.t("pdf.dossier.knockouts"),
            if u.knockouts.is_empty() {
                t.t("pdf.dossier.geen")
            } else {
                u.knockouts.join(", ")
            },
        ),
    ]);
    if !u.onvolledig.is_empty() {
        r.kop3(&t.t("pdf.dossier.waarom_onvolledig"));
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
                t.aantal(c.gewicht),
                c.score.map_or_else(
                    || "–".into(),
                    |s| t.met("pdf.dossier.score_van_4", &[("score", &s)]),
                ),
                if c.knockout {
                    t.t("pdf.dossier.ja")
                } else {
                    "–".into()
                },
            ]
        })
        .collect();
    r.kop3(&t.t("pdf.dossier.scores_per_criterium"));
    r.tabel(&Tabel::new(
        vec![
            Kolom::tekst(&t.t("pdf.dossier.criterium"), 4.0),
            Kolom::getal(&t.t("pdf.dossier.gewicht"), 1.0),
            Kolom::getal(&t.t("pdf.dossier.score"), 1.0),
            Kolom::tekst(&t.t("pdf.dossier.knockout"), 1.0),
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
            t.t("pdf.dossier.grafiek_scores_deels")
        } else {
            t.t("pdf.dossier.grafiek_scores")
        };
        r.staafgrafiek_tot(
            &Staafgrafiek {
                titel,
                waarde_as: t.t("pdf.dossier.score"),
                richting: Richting::Horizontaal,
                staven: gescoord,
            },
            MAX_SCORE as f64,
        );
    }
    r.kop3(&t.t("pdf.dossier.toelichting_per_criterium"));
    for c in &u.criteria {
        r.alinea(&format!("• {}", c.toelichting));
    }
}

fn review_spoor(r: &mut Rapport, t: T, review: &Review) {
    let status = review.status.label_in(t.0);
    let kop = match review.besluit {
        Some(b) => t.met(
            "pdf.dossier.review_kop_besluit",
            &[
                ("id", &review.id),
                ("status", &status),
                ("besluit", &besluit_label(t, b)),
            ],
        ),
        None => t.met(
            "pdf.dossier.review_kop",
            &[("id", &review.id), ("status", &status)],
        ),
    };
    r.kop3(&kop);
    let mut regels: Vec<(String, String)> = vec![
        (
            t.t("pdf.dossier.beoordeling_opgesteld_door"),
            review.opsteller.clone(),
        ),
        (
            t.t("pdf.dossier.ingediend_door"),
            match review.ingediend_op {
                Some(op) => t.met(
                    "pdf.dossier.ingediend_op",
                    &[("wie", &review.indiener), ("datum", &t.datum(op))],
                ),
                None => t.met(
                    "pdf.dossier.nog_niet_ingediend",
                    &[("wie", &review.indiener)],
                ),
            },
        ),
    ];
    if let Some(wie) = &review.beoordelaar {
        regels.push((t.t("pdf.dossier.besloten_door"), wie.clone()));
    }
    if let Some(b) = review.besluit {
        regels.push((
            t.t("pdf.dossier.besluit"),
            hoofdletter(&besluit_label(t, b)),
        ));
    }
    if let Some(op) = review.besluitdatum {
        regels.push((t.t("pdf.dossier.besluitdatum"), t.datum(op)));
    }
    if !review.toelichting.is_empty() {
        regels.push((t.t("pdf.dossier.toelichting"), review.toelichting.clone()));
    }
    if let Some(v) = review.vervangt_id {
        regels.push((
            t.t("pdf.dossier.vervangt"),
            t.met("pdf.dossier.review_nummer", &[("id", &v)]),
        ));
    }
    if let Some(v) = review.vervangen_door {
        regels.push((
            t.t("pdf.dossier.vervangen_door"),
            t.met("pdf.dossier.review_nummer", &[("id", &v)]),
        ));
    }
    r.gegevens(&regels);
    if !review.opmerkingen.is_empty() {
        let rijen = review
            .opmerkingen
            .iter()
            .map(|o| {
                vec![
                    tijdstip(t, &o.tijdstip),
                    o.gebruiker.clone(),
                    o.tekst.clone(),
                ]
            })
            .collect();
        r.tabel(&Tabel::new(
            vec![
                Kolom::tekst(&t.t("pdf.dossier.tijdstip"), 1.3),
                Kolom::tekst(&t.t("pdf.dossier.door"), 1.0),
                Kolom::tekst(&t.t("pdf.dossier.opmerking"), 4.0),
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
                    BijlageStaat::Ongewijzigd => "pdf.dossier.bijlage_ongewijzigd",
                    BijlageStaat::Gewijzigd => "pdf.dossier.bijlage_gewijzigd",
                    BijlageStaat::Ontbreekt => "pdf.dossier.bijlage_ontbreekt",
                };
                vec![
                    b.pad.clone(),
                    t.met("pdf.dossier.bytes", &[("aantal", &t.aantal(b.bytes))]),
                    b.sha256.clone(),
                    format!("{}, {}", b.gebruiker, tijdstip(t, &b.tijdstip)),
                    t.t(controle),
                ]
            })
            .collect();
        r.tabel(&Tabel::new(
            vec![
                Kolom::tekst(&t.t("pdf.dossier.bijlage"), 2.0),
                Kolom::getal(&t.t("pdf.dossier.grootte"), 0.9),
                Kolom::tekst(&t.t("pdf.dossier.sha256"), 2.6),
                Kolom::tekst(&t.t("pdf.dossier.toegevoegd"), 1.4),
                Kolom::tekst(&t.t("pdf.dossier.controle"), 1.4),
            ],
            rijen,
        ));
    }
    r.scheidingslijn();
}

/// An RFC 3339 UTC time as local date and time (`23-11-2026 16:05`, English `23 Nov 2026 16:05`).
fn tijdstip(t: T, rfc3339: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(rfc3339)
        .map(|tijd| {
            let lokaal = tijd.with_timezone(&chrono::Local);
            format!(
                "{} {}",
                t.datum(lokaal.date_naive()),
                lokaal.format("%H:%M")
            )
        })
        .unwrap_or_else(|_| rfc3339.to_owned())
}

fn einddatum_tekst(t: T, einde: Option<NaiveDate>, horizon: NaiveDate) -> String {
    let sleutel = match einde {
        None => "pdf.dossier.geen_einddatum",
        Some(e) if e < horizon => "pdf.dossier.einde_voor_horizon",
        Some(_) => "pdf.dossier.einde_na_horizon",
    };
    let einde = einde.map(|e| t.datum(e)).unwrap_or_default();
    t.met(
        sleutel,
        &[("datum", &einde), ("horizon", &t.datum(horizon))],
    )
}

fn hoofdletter(tekst: &str) -> String {
    let mut c = tekst.chars();
    match c.next() {
        Some(eerste) => eerste.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn besluit_label(t: T, b: Besluit) -> String {
    t.t(match b {
        Besluit::Akkoord => "label.besluit.akkoord",
        Besluit::Afgewezen => "label.besluit.afgewezen",
        Besluit::Aangehouden => "label.besluit.aangehouden",
    })
}

fn beheerder_label(t: T, b: Beheerder) -> String {
    t.t(match b {
        Beheerder::Gemeente => "label.beheerder.gemeente",
        Beheerder::Coa => "label.beheerder.coa",
        Beheerder::Woningcorporatie => "label.beheerder.woningcorporatie",
        Beheerder::Particulier => "label.beheerder.particulier",
        Beheerder::Overig => "label.beheerder.overig",
    })
}

fn financiering_label(t: T, f: Financiering) -> String {
    t.t(match f {
        Financiering::Booo => "label.financiering.booo",
        Financiering::Doelgroepflexibel => "label.financiering.doelgroepflexibel",
        Financiering::Doorstroom => "label.financiering.doorstroom",
        Financiering::Coa => "label.financiering.coa",
        Financiering::Overig => "label.financiering.overig",
    })
}

fn vergunning_label(t: T, v: Vergunning) -> String {
    t.t(match v {
        Vergunning::Tijdelijk => "label.vergunning.tijdelijk",
        Vergunning::Permanent => "label.vergunning.permanent",
    })
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
            "ongewijzigd".into(),
            "23-11-2026".into(),
        ] {
            assert!(
                tekst.contains(&verwacht),
                "{verwacht:?} ontbreekt in:\n{tekst}"
            );
        }
        // The attachment's path (in a temporary folder of random name) wraps inside its narrow
        // column wherever the name's width puts the line end, so it is found without line breaks.
        let zonder_witruimte: String = tekst.split_whitespace().collect();
        assert!(
            zonder_witruimte.contains("bouwkundig-rapport.txt"),
            "bouwkundig-rapport.txt ontbreekt in:\n{tekst}"
        );
        let engels = dossier_pdf_in(&d, vandaag, Taal::En).unwrap();
        let engels = pdf_extract::extract_text_from_mem(&engels).unwrap();
        for verwacht in [
            format!("Conversion dossier {naam}"),
            "End of lease or permit".into(),
            "Latest count per month".into(),
            format!("{} out of 100", u.totaal.unwrap()),
            "decision approved".into(),
            "unchanged".into(),
            "23 Nov 2026".into(),
            "Page 1 of".into(),
        ] {
            assert!(
                engels.contains(&verwacht),
                "{verwacht:?} missing from:\n{engels}"
            );
        }
        for nederlands in [
            "Ombouwdossier",
            "Bezetting",
            "Pagina",
            "van 100",
            "23-11-2026",
        ] {
            assert!(!engels.contains(nederlands), "{nederlands:?} in:\n{engels}");
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
