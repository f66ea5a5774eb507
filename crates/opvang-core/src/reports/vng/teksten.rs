//! Every Dutch text of the VNG report files in one place: column headers, sheet names, labels.
//!
//! The CSV and XLSX exports write these headers and the aggregation reads them back, so a header
//! changes here or nowhere (and a change needs a new [`super::SCHEMA_VERSIE`]).

use crate::locations::LocatieType;

use super::ControleSoort;

/// A column of the report's data table (CSV, and the first XLSX sheet).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kolom {
    Peildatum,
    Gemeentecode,
    Gemeente,
    Provinciecode,
    Provincie,
    Veiligheidsregiocode,
    Veiligheidsregio,
    Locatietype,
    Locaties,
    Gerealiseerd,
    NietInzetbaar,
    Inzetbaar,
    Ontheemden,
    Statushouders,
    Asielzoekers,
    Overig,
    Bezet,
    Vrij,
    Graad,
    GraadInzetbaar,
    Verouderd,
    Overbezet,
    ZonderPeiling,
    EindeBinnenZesMaanden,
    Schemaversie,
}

/// How a column's cells are written: text, a whole count, a rate (percent) or a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Soort {
    Tekst,
    Aantal,
    Percentage,
    Datum,
}

/// The data table's columns in file order with their Dutch header.
pub const KOLOMMEN: [(Kolom, &str, Soort); 25] = [
    (Kolom::Peildatum, "Peildatum", Soort::Datum),
    (Kolom::Gemeentecode, "Gemeentecode", Soort::Tekst),
    (Kolom::Gemeente, "Gemeente", Soort::Tekst),
    (Kolom::Provinciecode, "Provinciecode", Soort::Tekst),
    (Kolom::Provincie, "Provincie", Soort::Tekst),
    (
        Kolom::Veiligheidsregiocode,
        "Veiligheidsregiocode",
        Soort::Tekst,
    ),
    (Kolom::Veiligheidsregio, "Veiligheidsregio", Soort::Tekst),
    (Kolom::Locatietype, "Locatietype", Soort::Tekst),
    (Kolom::Locaties, "Locaties", Soort::Aantal),
    (Kolom::Gerealiseerd, "Gerealiseerde plaatsen", Soort::Aantal),
    (Kolom::NietInzetbaar, "Niet inzetbaar", Soort::Aantal),
    (Kolom::Inzetbaar, "Inzetbaar", Soort::Aantal),
    (Kolom::Ontheemden, "Bezet ontheemden", Soort::Aantal),
    (Kolom::Statushouders, "Bezet statushouders", Soort::Aantal),
    (Kolom::Asielzoekers, "Bezet asielzoekers", Soort::Aantal),
    (Kolom::Overig, "Bezet overig", Soort::Aantal),
    (Kolom::Bezet, "Bezet totaal", Soort::Aantal),
    (Kolom::Vrij, "Vrij", Soort::Aantal),
    (Kolom::Graad, "Bezettingsgraad", Soort::Percentage),
    (
        Kolom::GraadInzetbaar,
        "Bezettingsgraad inzetbaar",
        Soort::Percentage,
    ),
    (Kolom::Verouderd, "Verouderde peilingen", Soort::Aantal),
    (Kolom::Overbezet, "Overbezette locaties", Soort::Aantal),
    (
        Kolom::ZonderPeiling,
        "Locaties zonder peiling",
        Soort::Aantal,
    ),
    (
        Kolom::EindeBinnenZesMaanden,
        "Huur/vergunning eindigt binnen 6 maanden",
        Soort::Aantal,
    ),
    (Kolom::Schemaversie, "Schemaversie", Soort::Aantal),
];

/// Dutch labels of the location types, in report order.
pub const LOCATIETYPEN: [(LocatieType, &str); 10] = [
    (LocatieType::HotelPension, "Hotel/pension"),
    (LocatieType::KantoorBedrijfspand, "Kantoor/bedrijfspand"),
    (LocatieType::Zorgvastgoed, "Zorgvastgoed"),
    (LocatieType::Onderwijsgebouw, "Onderwijsgebouw"),
    (LocatieType::Vakantiepark, "Vakantiepark/chalets"),
    (
        LocatieType::ModulaireWoningen,
        "Modulaire/tijdelijke woningen",
    ),
    (LocatieType::ReguliereWoningen, "Reguliere woningen"),
    (LocatieType::Schip, "Schip"),
    (LocatieType::SporthalNoodopvang, "Sporthal/noodopvang"),
    (LocatieType::Overig, "Overig"),
];

/// The Dutch label of a location type.
pub fn locatietype(soort: LocatieType) -> &'static str {
    LOCATIETYPEN
        .iter()
        .find(|(t, _)| *t == soort)
        .map_or("Overig", |(_, label)| label)
}

/// A location type from its Dutch label or its code (`hotel_pension`), ignoring case.
pub fn locatietype_uit(tekst: &str) -> Option<LocatieType> {
    let tekst = tekst.trim();
    LOCATIETYPEN
        .iter()
        .find(|(t, label)| label.eq_ignore_ascii_case(tekst) || t.code() == tekst)
        .map(|(t, _)| *t)
}

/// The Dutch label of a kind of check.
pub fn controlesoort(soort: ControleSoort) -> &'static str {
    match soort {
        ControleSoort::OnbekendeGemeente => "Onbekende gemeentecode",
        ControleSoort::CapaciteitOntbreekt => "Capaciteit ontbreekt",
        ControleSoort::GeenPeiling => "Geen peiling",
        ControleSoort::VerouderdePeiling => "Verouderde peiling",
        ControleSoort::Overbezetting => "Overbezetting",
    }
}

/// Sheet names of the XLSX report.
pub const BLAD_RAPPORT: &str = "Rapport";
pub const BLAD_PROVINCIES: &str = "Provincies";
pub const BLAD_VEILIGHEIDSREGIOS: &str = "Veiligheidsregio's";
pub const BLAD_CONTROLES: &str = "Controles";
pub const BLAD_METADATA: &str = "Metadata";

/// Headers of the checks sheet.
pub const CONTROLE_KOPPEN: [&str; 6] = [
    "Controle",
    "Gemeentecode",
    "Gemeente",
    "Locatienummer",
    "Locatie",
    "Melding",
];

/// Labels of the metadata sheet (first column); the second column holds the values.
pub const META_PEILDATUM: &str = "Peildatum";
pub const META_GEGENEREERD: &str = "Gegenereerd op";
pub const META_SCHEMAVERSIE: &str = "Schemaversie";
pub const META_BRON: &str = "Brondatabase";
pub const META_VEROUDERD: &str = "Peiling verouderd na (dagen)";
pub const META_KOPPEN: [&str; 2] = ["Gegeven", "Waarde"];

/// Headers of the sheets with totals per province or safety region (after code and name).
pub const GEBIED_KOPPEN: [&str; 17] = [
    "Code",
    "Naam",
    "Locaties",
    "Gerealiseerde plaatsen",
    "Niet inzetbaar",
    "Inzetbaar",
    "Bezet ontheemden",
    "Bezet statushouders",
    "Bezet asielzoekers",
    "Bezet overig",
    "Bezet totaal",
    "Vrij",
    "Bezettingsgraad",
    "Bezettingsgraad inzetbaar",
    "Verouderde peilingen",
    "Overbezette locaties",
    "Locaties zonder peiling",
];

/// The name of the total row below the area sheets.
pub const TOTAAL_NEDERLAND: &str = "Nederland";

/// Texts of the printable PDF report.
pub mod pdf {
    pub const TITEL: &str = "VNG-rapportage bezetting opvang";
    pub const PEILDATUM: &str = "Peildatum";
    pub const GEGENEREERD: &str = "Gemaakt op";
    pub const BRON: &str = "Brondatabase";
    pub const SCHEMAVERSIE: &str = "Schemaversie";
    pub const LANDELIJK: &str = "Landelijke totalen";
    pub const GRAFIEK: &str = "Bezettingsgraad per provincie";
    pub const GRAFIEK_AS: &str = "Bezettingsgraad (%)";
    pub const REGIONAAL: &str = "Per veiligheidsregio";
    pub const PER_PROVINCIE: &str = "Per provincie";
    pub const CONTROLES: &str = "Controles";
    pub const GEEN_CONTROLES: &str = "Geen bevindingen: alle locaties hebben een actuele peiling.";
    pub const TOTAAL: &str = "Totaal";
    pub const VOETTEKST: &str = "Opvangplanner · VNG-rapportage · peildatum";
    pub const GEGEVENS: [&str; 11] = [
        "Locaties",
        "Gerealiseerde plaatsen",
        "Niet inzetbaar",
        "Bezet ontheemden",
        "Bezet statushouders",
        "Bezet asielzoekers",
        "Bezet overig",
        "Bezet totaal",
        "Vrij",
        "Bezettingsgraad",
        "Bezettingsgraad inzetbaar",
    ];
    /// Table columns: area, locations, realised, occupied, free, both rates.
    pub const KOLOMMEN: [&str; 7] = [
        "Gebied",
        "Locaties",
        "Gerealiseerd",
        "Bezet",
        "Vrij",
        "Bezettingsgraad",
        "Graad inzetbaar",
    ];
    pub const CONTROLE_KOLOMMEN: [&str; 3] = ["Controle", "Gemeente", "Melding"];
}
