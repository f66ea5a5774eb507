//! Every text of the VNG report files in one place, as catalog keys: column headers, sheet names,
//! labels. The exports write them in the chosen language (`i18n/nl.json`, `i18n/en.json`).
//!
//! The CSV and XLSX exports write these headers and the aggregation reads them back in either
//! language, so a header changes in the catalogs only with a new [`super::SCHEMA_VERSIE`].

use crate::i18n::{self, Taal};
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

/// The data table's columns in file order with the catalog key of their header.
pub const KOLOMMEN: [(Kolom, &str, Soort); 25] = [
    (Kolom::Peildatum, "export.vng.kolom.peildatum", Soort::Datum),
    (
        Kolom::Gemeentecode,
        "export.vng.kolom.gemeentecode",
        Soort::Tekst,
    ),
    (Kolom::Gemeente, "export.vng.kolom.gemeente", Soort::Tekst),
    (
        Kolom::Provinciecode,
        "export.vng.kolom.provinciecode",
        Soort::Tekst,
    ),
    (Kolom::Provincie, "export.vng.kolom.provincie", Soort::Tekst),
    (
        Kolom::Veiligheidsregiocode,
        "export.vng.kolom.veiligheidsregiocode",
        Soort::Tekst,
    ),
    (
        Kolom::Veiligheidsregio,
        "export.vng.kolom.veiligheidsregio",
        Soort::Tekst,
    ),
    (
        Kolom::Locatietype,
        "export.vng.kolom.locatietype",
        Soort::Tekst,
    ),
    (Kolom::Locaties, "export.vng.kolom.locaties", Soort::Aantal),
    (
        Kolom::Gerealiseerd,
        "export.vng.kolom.gerealiseerd",
        Soort::Aantal,
    ),
    (
        Kolom::NietInzetbaar,
        "export.vng.kolom.niet_inzetbaar",
        Soort::Aantal,
    ),
    (
        Kolom::Inzetbaar,
        "export.vng.kolom.inzetbaar",
        Soort::Aantal,
    ),
    (
        Kolom::Ontheemden,
        "export.vng.kolom.ontheemden",
        Soort::Aantal,
    ),
    (
        Kolom::Statushouders,
        "export.vng.kolom.statushouders",
        Soort::Aantal,
    ),
    (
        Kolom::Asielzoekers,
        "export.vng.kolom.asielzoekers",
        Soort::Aantal,
    ),
    (Kolom::Overig, "export.vng.kolom.overig", Soort::Aantal),
    (Kolom::Bezet, "export.vng.kolom.bezet", Soort::Aantal),
    (Kolom::Vrij, "export.vng.kolom.vrij", Soort::Aantal),
    (Kolom::Graad, "export.vng.kolom.graad", Soort::Percentage),
    (
        Kolom::GraadInzetbaar,
        "export.vng.kolom.graad_inzetbaar",
        Soort::Percentage,
    ),
    (
        Kolom::Verouderd,
        "export.vng.kolom.verouderd",
        Soort::Aantal,
    ),
    (
        Kolom::Overbezet,
        "export.vng.kolom.overbezet",
        Soort::Aantal,
    ),
    (
        Kolom::ZonderPeiling,
        "export.vng.kolom.zonder_peiling",
        Soort::Aantal,
    ),
    (
        Kolom::EindeBinnenZesMaanden,
        "export.vng.kolom.einde_binnen_zes_maanden",
        Soort::Aantal,
    ),
    (
        Kolom::Schemaversie,
        "export.vng.kolom.schemaversie",
        Soort::Aantal,
    ),
];

/// The header of `kolom` in `taal`.
pub fn kop(taal: Taal, kolom: Kolom) -> String {
    let (_, sleutel, _) = KOLOMMEN
        .iter()
        .find(|(k, _, _)| *k == kolom)
        .expect("every column is in KOLOMMEN");
    i18n::tekst(taal, sleutel)
}

/// The location types in report order.
pub const LOCATIETYPEN: [LocatieType; 10] = [
    LocatieType::HotelPension,
    LocatieType::KantoorBedrijfspand,
    LocatieType::Zorgvastgoed,
    LocatieType::Onderwijsgebouw,
    LocatieType::Vakantiepark,
    LocatieType::ModulaireWoningen,
    LocatieType::ReguliereWoningen,
    LocatieType::Schip,
    LocatieType::SporthalNoodopvang,
    LocatieType::Overig,
];

/// The label of a location type in `taal`.
pub fn locatietype(taal: Taal, soort: LocatieType) -> String {
    soort.label(taal)
}

/// A location type from its label in either language or its code (`hotel_pension`), ignoring case.
pub fn locatietype_uit(tekst: &str) -> Option<LocatieType> {
    let tekst = tekst.trim();
    LOCATIETYPEN.into_iter().find(|t| {
        t.code() == tekst
            || Taal::ALLE
                .iter()
                .any(|&taal| t.label(taal).eq_ignore_ascii_case(tekst))
    })
}

/// The label of a kind of check in `taal`.
pub fn controlesoort(taal: Taal, soort: ControleSoort) -> String {
    let sleutel = match soort {
        ControleSoort::OnbekendeGemeente => "export.vng.controle.onbekende_gemeente",
        ControleSoort::CapaciteitOntbreekt => "export.vng.controle.capaciteit_ontbreekt",
        ControleSoort::GeenPeiling => "export.vng.controle.geen_peiling",
        ControleSoort::VerouderdePeiling => "export.vng.controle.verouderde_peiling",
        ControleSoort::Overbezetting => "export.vng.controle.overbezetting",
    };
    i18n::tekst(taal, sleutel)
}

/// Catalog keys of the sheet names of the XLSX report.
pub const BLAD_RAPPORT: &str = "export.vng.blad.rapport";
pub const BLAD_PROVINCIES: &str = "export.vng.blad.provincies";
pub const BLAD_VEILIGHEIDSREGIOS: &str = "export.vng.blad.veiligheidsregios";
pub const BLAD_CONTROLES: &str = "export.vng.blad.controles";
pub const BLAD_METADATA: &str = "export.vng.blad.metadata";

/// The texts of `sleutel` in every language, to recognise a file written in any of them.
pub fn in_alle_talen(sleutel: &str) -> Vec<String> {
    Taal::ALLE
        .iter()
        .map(|&t| i18n::tekst(t, sleutel))
        .collect()
}

/// Keys of the headers of the checks sheet.
pub const CONTROLE_KOPPEN: [&str; 6] = [
    "export.vng.controlekop.controle",
    "export.vng.controlekop.gemeentecode",
    "export.vng.controlekop.gemeente",
    "export.vng.controlekop.locatienummer",
    "export.vng.controlekop.locatie",
    "export.vng.controlekop.melding",
];

/// Keys of the labels of the metadata sheet (first column); the second column holds the values.
pub const META_PEILDATUM: &str = "export.vng.meta.peildatum";
pub const META_GEGENEREERD: &str = "export.vng.meta.gegenereerd";
pub const META_SCHEMAVERSIE: &str = "export.vng.meta.schemaversie";
pub const META_BRON: &str = "export.vng.meta.bron";
pub const META_VEROUDERD: &str = "export.vng.meta.verouderd";
pub const META_KOPPEN: [&str; 2] = ["export.vng.meta.gegeven", "export.vng.meta.waarde"];

/// Keys of the headers of the sheets with totals per province or safety region.
pub const GEBIED_KOPPEN: [&str; 17] = [
    "export.vng.gebiedkop.code",
    "export.vng.gebiedkop.naam",
    "export.vng.kolom.locaties",
    "export.vng.kolom.gerealiseerd",
    "export.vng.kolom.niet_inzetbaar",
    "export.vng.kolom.inzetbaar",
    "export.vng.kolom.ontheemden",
    "export.vng.kolom.statushouders",
    "export.vng.kolom.asielzoekers",
    "export.vng.kolom.overig",
    "export.vng.kolom.bezet",
    "export.vng.kolom.vrij",
    "export.vng.kolom.graad",
    "export.vng.kolom.graad_inzetbaar",
    "export.vng.kolom.verouderd",
    "export.vng.kolom.overbezet",
    "export.vng.kolom.zonder_peiling",
];

/// Key of the name of the total row below the area sheets.
pub const TOTAAL_NEDERLAND: &str = "export.vng.totaal_nederland";

/// Keys of the texts of the printable PDF report.
pub mod pdf {
    pub const TITEL: &str = "pdf.vng.titel";
    pub const PEILDATUM: &str = "pdf.vng.peildatum";
    pub const GEGENEREERD: &str = "pdf.vng.gegenereerd";
    pub const BRON: &str = "pdf.vng.bron";
    pub const SCHEMAVERSIE: &str = "pdf.vng.schemaversie";
    pub const LANDELIJK: &str = "pdf.vng.landelijk";
    pub const GRAFIEK: &str = "pdf.vng.grafiek";
    pub const GRAFIEK_AS: &str = "pdf.vng.grafiek_as";
    pub const REGIONAAL: &str = "pdf.vng.regionaal";
    pub const PER_PROVINCIE: &str = "pdf.vng.per_provincie";
    pub const CONTROLES: &str = "pdf.vng.controles";
    pub const GEEN_CONTROLES: &str = "pdf.vng.geen_controles";
    pub const TOTAAL: &str = "pdf.vng.totaal";
    pub const VOETTEKST: &str = "pdf.vng.voettekst";
    pub const GEGEVENS: [&str; 11] = [
        "export.vng.kolom.locaties",
        "export.vng.kolom.gerealiseerd",
        "export.vng.kolom.niet_inzetbaar",
        "export.vng.kolom.ontheemden",
        "export.vng.kolom.statushouders",
        "export.vng.kolom.asielzoekers",
        "export.vng.kolom.overig",
        "export.vng.kolom.bezet",
        "export.vng.kolom.vrij",
        "export.vng.kolom.graad",
        "export.vng.kolom.graad_inzetbaar",
    ];
    /// Table columns: area, locations, realised, occupied, free, both rates.
    pub const KOLOMMEN: [&str; 7] = [
        "pdf.vng.kolom.gebied",
        "export.vng.kolom.locaties",
        "pdf.vng.kolom.gerealiseerd",
        "pdf.vng.kolom.bezet",
        "export.vng.kolom.vrij",
        "export.vng.kolom.graad",
        "pdf.vng.kolom.graad_inzetbaar",
    ];
    pub const CONTROLE_KOLOMMEN: [&str; 3] = [
        "export.vng.controlekop.controle",
        "export.vng.controlekop.gemeente",
        "export.vng.controlekop.melding",
    ];
}
