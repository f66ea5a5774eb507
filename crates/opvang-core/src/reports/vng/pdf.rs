//! The VNG report as a printable A4 PDF: national totals, a bar chart of the rate per province,
//! totals per safety region, a table per province and the checks (drawn with `reports::pdf`).

use super::teksten::{controlesoort, pdf as tekst};
use super::{gebieden_uit_rijen, VngRapport};
use crate::error::CoreResult;
use crate::format::{aantal, datum, percentage};
use crate::occupancy::{GebiedSoort, GebiedTotalen, Totalen};
use crate::reports::pdf::{Kolom, Rapport, Richting, Staafgrafiek, Tabel};

fn kolommen() -> Vec<Kolom> {
    tekst::KOLOMMEN
        .iter()
        .enumerate()
        .map(|(i, titel)| {
            if i == 0 {
                Kolom::tekst(titel, 3.0)
            } else {
                Kolom::getal(titel, 1.4)
            }
        })
        .collect()
}

fn regel(naam: &str, t: &Totalen) -> Vec<String> {
    vec![
        naam.to_owned(),
        aantal(t.locaties),
        aantal(t.gerealiseerd),
        aantal(t.bezet),
        aantal(t.vrij),
        percentage(t.graad),
        percentage(t.graad_inzetbaar),
    ]
}

/// A table of areas with a bold total row.
fn gebiedentabel(gebieden: &[GebiedTotalen], totaal: &Totalen) -> Tabel {
    let mut rijen: Vec<Vec<String>> = gebieden
        .iter()
        .map(|g| regel(&g.naam, &g.totalen))
        .collect();
    rijen.push(regel(tekst::TOTAAL, totaal));
    let mut tabel = Tabel::new(kolommen(), rijen);
    tabel.totaalrijen = 1;
    tabel
}

/// The PDF bytes of the report.
pub fn schrijven(rapport: &VngRapport) -> CoreResult<Vec<u8>> {
    let peildatum = datum(rapport.peildatum);
    let mut r = Rapport::nieuw(&format!("{} {peildatum}", tekst::TITEL));
    r.voettekst(&format!("{} {peildatum}", tekst::VOETTEKST));
    r.kop1(tekst::TITEL);
    r.gegevens(&[
        (tekst::PEILDATUM.to_owned(), peildatum.clone()),
        (
            tekst::GEGENEREERD.to_owned(),
            rapport.gegenereerd_op.clone(),
        ),
        (tekst::BRON.to_owned(), rapport.bron.clone()),
        (
            tekst::SCHEMAVERSIE.to_owned(),
            rapport.schemaversie.to_string(),
        ),
    ]);

    let t = &rapport.totalen;
    r.kop2(tekst::LANDELIJK);
    let waarden = [
        aantal(t.locaties),
        aantal(t.gerealiseerd),
        aantal(t.niet_inzetbaar),
        aantal(t.bezetting.ontheemden),
        aantal(t.bezetting.statushouders),
        aantal(t.bezetting.asielzoekers),
        aantal(t.bezetting.overig),
        aantal(t.bezet),
        aantal(t.vrij),
        percentage(t.graad),
        percentage(t.graad_inzetbaar),
    ];
    let paren: Vec<(String, String)> = tekst::GEGEVENS
        .iter()
        .zip(waarden)
        .map(|(label, waarde)| ((*label).to_owned(), waarde))
        .collect();
    r.gegevens(&paren);

    r.staafgrafiek(&Staafgrafiek {
        titel: tekst::GRAFIEK.to_owned(),
        waarde_as: tekst::GRAFIEK_AS.to_owned(),
        richting: Richting::Horizontaal,
        staven: rapport
            .provincies
            .iter()
            .map(|p| (p.naam.clone(), p.totalen.graad.unwrap_or(0) as f64 / 10.0))
            .collect(),
    });

    r.kop2(tekst::REGIONAAL);
    r.tabel(&gebiedentabel(&rapport.veiligheidsregios, t));

    r.kop2(tekst::PER_PROVINCIE);
    for provincie in &rapport.provincies {
        let rijen: Vec<_> = rapport
            .rijen
            .iter()
            .filter(|rij| rij.provincie_code == provincie.code)
            .cloned()
            .collect();
        r.kop3(&provincie.naam);
        r.tabel(&gebiedentabel(
            &gebieden_uit_rijen(&rijen, GebiedSoort::Gemeente),
            &provincie.totalen,
        ));
    }

    r.kop2(tekst::CONTROLES);
    if rapport.controles.is_empty() {
        r.alinea(tekst::GEEN_CONTROLES);
    } else {
        let rijen = rapport
            .controles
            .iter()
            .map(|c| {
                vec![
                    controlesoort(c.soort).to_owned(),
                    c.gemeente_naam.clone(),
                    c.melding.clone(),
                ]
            })
            .collect();
        let kolommen = vec![
            Kolom::tekst(tekst::CONTROLE_KOLOMMEN[0], 1.5),
            Kolom::tekst(tekst::CONTROLE_KOLOMMEN[1], 1.3),
            Kolom::tekst(tekst::CONTROLE_KOLOMMEN[2], 5.0),
        ];
        r.tabel(&Tabel::new(kolommen, rijen));
    }
    r.pdf()
}
