//! The default criteria set of DESIGN.md §6, shipped as version 1 (defaults to verify, not law).

use chrono::NaiveDate;

use super::Criterium;

/// End of the five-year doelgroepflexibele scheme: 30 April 2031.
pub const HORIZON: NaiveDate = match NaiveDate::from_ymd_opt(2031, 4, 30) {
    Some(d) => d,
    None => panic!("valid date"),
};

/// Minimum *verblijfsgebied* of a self-contained dwelling (Bouwbesluit 2012, carried into the Bbl).
pub const MIN_OPPERVLAK_PER_EENHEID: i64 = 18;

fn criterium(
    sleutel: &str,
    label: &str,
    gewicht: i64,
    rubriek: [&str; 5],
    knockout_tot_en_met: Option<i64>,
) -> Criterium {
    Criterium {
        sleutel: sleutel.to_owned(),
        label: label.to_owned(),
        gewicht,
        rubriek: rubriek.iter().map(|r| (*r).to_owned()).collect(),
        knockout_tot_en_met,
    }
}

/// The nine criteria of the default set; the weights add up to 100.
pub fn standaard_criteria() -> Vec<Criterium> {
    vec![
        criterium(
            "zelfstandigheid",
            "Zelfstandige woonruimte",
            20,
            [
                "Geen eigen voorzieningen: voordeur, keuken en sanitair gedeeld",
                "Eén eigen voorziening, de rest gedeeld",
                "Twee van de drie eigen voorzieningen (voordeur, keuken, toilet en douche)",
                "Alle voorzieningen eigen, kleine aanpassingen nodig",
                "Eigen afsluitbare voordeur, eigen keuken, eigen toilet en douche",
            ],
            None,
        ),
        criterium(
            "oppervlakte",
            "Oppervlakte per wooneenheid",
            15,
            [
                "Minder dan 18 m² verblijfsgebied per eenheid (knock-out voor zelfstandig wonen)",
                "18 tot 24 m² per eenheid, verblijfsruimte van 11 m² en 3 m breed haalbaar",
                "24 tot 30 m² per eenheid",
                "30 tot 40 m² per eenheid",
                "40 m² of meer per eenheid",
            ],
            Some(0),
        ),
        criterium(
            "planologie",
            "Omgevingsplan en vergunning",
            15,
            [
                "Wonen niet toegestaan en geen zicht op een vergunning",
                "Tijdelijke vergunning die binnen 3 jaar afloopt, vóór 30-4-2031",
                "Tijdelijke vergunning die vóór 30-4-2031 afloopt, nog 3 jaar of meer",
                "Tijdelijke vergunning tot ten minste 30-4-2031",
                "Wonen toegestaan door het omgevingsplan of permanente vergunning",
            ],
            Some(0),
        ),
        criterium(
            "bouwkundige_staat",
            "Bouwkundige staat en technische levensduur",
            10,
            [
                "Slecht, restlevensduur korter dan 5 jaar",
                "Matig, groot onderhoud nodig binnen 5 jaar",
                "Redelijk, restlevensduur 10 tot 15 jaar",
                "Goed, restlevensduur 15 tot 25 jaar",
                "Zeer goed, restlevensduur 25 jaar of meer",
            ],
            None,
        ),
        criterium(
            "brandveiligheid",
            "Brandveiligheid en toegankelijkheid",
            10,
            [
                "Voldoet niet en is niet op te lossen",
                "Ingrijpende maatregelen nodig",
                "Meerdere maatregelen nodig",
                "Kleine maatregelen nodig",
                "Voldoet aan de eisen voor woonfunctie",
            ],
            Some(0),
        ),
        criterium(
            "ombouwkosten",
            "Ombouwkosten per wooneenheid",
            10,
            [
                "Meer dan € 100.000 per eenheid",
                "€ 60.000 tot € 100.000 per eenheid",
                "€ 30.000 tot € 60.000 per eenheid",
                "€ 10.000 tot € 30.000 per eenheid",
                "Minder dan € 10.000 per eenheid",
            ],
            None,
        ),
        criterium(
            "ligging",
            "Ligging: voorzieningen en openbaar vervoer",
            10,
            [
                "Geïsoleerd, geen voorzieningen of openbaar vervoer in de buurt",
                "Voorzieningen en openbaar vervoer verder dan 2 km",
                "Voorzieningen of openbaar vervoer binnen 2 km",
                "Voorzieningen en openbaar vervoer binnen 1 km",
                "Midden in een woonwijk met voorzieningen en goed openbaar vervoer",
            ],
            None,
        ),
        criterium(
            "eigenaar",
            "Bereidheid eigenaar of woningcorporatie",
            5,
            [
                "Eigenaar wil niet",
                "Eigenaar twijfelt sterk",
                "Eigenaar staat open voor gesprek",
                "Eigenaar is bereid onder voorwaarden",
                "Eigenaar of corporatie wil ombouwen",
            ],
            None,
        ),
        criterium(
            "privacy",
            "Privacy en zelfstandigheid van bewoners",
            5,
            [
                "Geen privacy, gedeelde slaapruimten",
                "Eigen kamer, alles verder gedeeld",
                "Eigen kamer met enkele eigen voorzieningen",
                "Grotendeels zelfstandig, kleine gedeelde ruimten",
                "Volledig zelfstandig wonen",
            ],
            None,
        ),
    ]
}
