//! The VNG report as a printable A4 PDF: national totals, a bar chart of the rate per province,
//! totals per safety region, a table per province and the checks (drawn with `reports::pdf`).

use super::teksten::{controlesoort, pdf as tekst};
use super::{gebieden_uit_rijen, VngRapport};
use crate::error::CoreResult;
use crate::format::{aantal_in, datum_in, percentage_in};
use crate::i18n::{self, Taal};
use crate::occupancy::{GebiedSoort, GebiedTotalen, Totalen};
use crate::reports::pdf::{Kolom, Rapport, Richting, Staafgrafiek, Tabel};

fn kolommen(taal: Taal) -> Vec<Kolom> {
    tekst::KOLOMMEN
        .iter()
        .enumerate()
        .map(|(i, sleutel)| {
            let titel = i18n::tekst(taal, sleutel);
            if i == 0 {
                Kolom::tekst(&titel, 3.0)
            } else {
                Kolom::getal(&titel, 1.4)
            }
        })
        .collect()
}

fn regel(taal: Taal, naam: &str, t: &Totalen) -> Vec<String> {
    vec![
        naam.to_owned(),
        aantal_in(taal, t.locaties),
        aantal_in(taal, t.gerealiseerd),
        aantal_in(taal, t.bezet),
        aantal_in(taal, t.vrij),
        percentage_in(taal, t.graad),
        percentage_in(taal, t.graad_inzetbaar),
    ]
}

/// A table of areas with a bold total row.
fn gebiedentabel(taal: Taal, gebieden: &[GebiedTotalen], totaal: &Totalen) -> Tabel {
    let mut rijen: Vec<Vec<String>> = gebieden
        .iter()
        .map(|g| regel(taal, &g.naam, &g.totalen))
        .collect();
    rijen.push(regel(taal, &i18n::tekst(taal, tekst::TOTAAL), totaal));
    let mut tabel = Tabel::new(kolommen(taal), rijen);
    tabel.totaalrijen = 1;
    tabel
}

/// The PDF bytes of the report in `taal`.
pub fn schrijven(rapport: &VngRapport, taal: Taal) -> CoreResult<Vec<u8>> {
    let t_ = |sleutel: &str| i18n::tekst(taal, sleutel);
    let peildatum = datum_in(taal, rapport.peildatum);
    let titel = t_(tekst::TITEL);
    let mut r = Rapport::nieuw_in(taal, &format!("{titel} {peildatum}"));
    r.voettekst(&i18n::tekst_met(
        taal,
        tekst::VOETTEKST,
        &[("peildatum", &peildatum)],
    ));
    r.kop1(&titel);
    r.gegevens(&[
        (t_(tekst::PEILDATUM), peildatum.clone()),
        (t_(tekst::GEGENEREERD), rapport.gegenereerd_op.clone()),
        (t_(tekst::BRON), rapport.bron.clone()),
        (t_(tekst::SCHEMAVERSIE), rapport.schemaversie.to_string()),
    ]);

    let t = &rapport.totalen;
    r.kop2(&t_(tekst::LANDELIJK));
    let waarden = [
        aantal_in(taal, t.locaties),
        aantal_in(taal, t.gerealiseerd),
        aantal_in(taal, t.niet_inzetbaar),
        aantal_in(taal, t.bezetting.ontheemden),
        aantal_in(taal, t.bezetting.statushouders),
        aantal_in(taal, t.bezetting.asielzoekers),
        aantal_in(taal, t.bezetting.overig),
        aantal_in(taal, t.bezet),
        aantal_in(taal, t.vrij),
        percentage_in(taal, t.graad),
        percentage_in(taal, t.graad_inzetbaar),
    ];
    let paren: Vec<(String, String)> = tekst::GEGEVENS
        .iter()
        .zip(waarden)
        .map(|(label, waarde)| (t_(label), waarde))
        .collect();
    r.gegevens(&paren);

    r.staafgrafiek(&Staafgrafiek {
        titel: t_(tekst::GRAFIEK),
        waarde_as: t_(tekst::GRAFIEK_AS),
        richting: Richting::Horizontaal,
        staven: rapport
            .provincies
            .iter()
            .map(|p| (p.naam.clone(), p.totalen.graad.unwrap_or(0) as f64 / 10.0))
            .collect(),
    });

    r.kop2(&t_(tekst::REGIONAAL));
    r.tabel(&gebiedentabel(taal, &rapport.veiligheidsregios, t));

    r.kop2(&t_(tekst::PER_PROVINCIE));
    for provincie in &rapport.provincies {
        let rijen: Vec<_> = rapport
            .rijen
            .iter()
            .filter(|rij| rij.provincie_code == provincie.code)
            .cloned()
            .collect();
        r.kop3(&provincie.naam);
        r.tabel(&gebiedentabel(
            taal,
            &gebieden_uit_rijen(&rijen, GebiedSoort::Gemeente),
            &provincie.totalen,
        ));
    }

    r.kop2(&t_(tekst::CONTROLES));
    if rapport.controles.is_empty() {
        r.alinea(&t_(tekst::GEEN_CONTROLES));
    } else {
        let rijen = rapport
            .controles
            .iter()
            .map(|c| {
                vec![
                    controlesoort(taal, c.soort),
                    c.gemeente_naam.clone(),
                    c.melding.clone(),
                ]
            })
            .collect();
        let kolommen = vec![
            Kolom::tekst(&t_(tekst::CONTROLE_KOLOMMEN[0]), 1.5),
            Kolom::tekst(&t_(tekst::CONTROLE_KOLOMMEN[1]), 1.3),
            Kolom::tekst(&t_(tekst::CONTROLE_KOLOMMEN[2]), 5.0),
        ];
        r.tabel(&Tabel::new(kolommen, rijen));
    }
    r.pdf()
}
