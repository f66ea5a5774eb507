//! Reception locations: their kinds, lifecycle status, input validation and capacity periods.

mod capacity;
mod status;

pub use capacity::{CapaciteitInvoer, CapaciteitPeriode};
pub use status::{LocatieStatus, StatusWijziging};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{CoreError, CoreResult};
use crate::i18n::{self, Taal};

/// The most characters a text of a location may have (name, street, house number, place); the
/// importer refuses a longer cell with the same limit.
pub const MAX_TEKENS: usize = 200;

/// The largest count of places or people one location may have in one field (capacity, unusable
/// places, occupancy per target group). The largest Dutch reception locations have about 2,000
/// places, so 100,000 leaves room for any real location while refusing typing errors and
/// hostile numbers such as 10^15, which would overflow totals.
pub const MAX_AANTAL: i64 = 100_000;

/// The kind of building a location is (DESIGN.md §3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum LocatieType {
    HotelPension,
    KantoorBedrijfspand,
    Zorgvastgoed,
    Onderwijsgebouw,
    Vakantiepark,
    ModulaireWoningen,
    ReguliereWoningen,
    Schip,
    SporthalNoodopvang,
    Overig,
}

/// Who runs the location.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Beheerder {
    Gemeente,
    Coa,
    Woningcorporatie,
    Particulier,
    Overig,
}

/// Whether the permit for reception use is temporary or permanent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Vergunning {
    Tijdelijk,
    Permanent,
}

/// The funding scheme a location falls under.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Financiering {
    Booo,
    Doelgroepflexibel,
    Doorstroom,
    Coa,
    Overig,
}

macro_rules! text_codes {
    ($ty:ty { $($variant:ident => $code:literal),+ $(,)? }) => {
        impl $ty {
            /// The stable code stored in the database and used over IPC.
            pub fn code(self) -> &'static str {
                match self { $(Self::$variant => $code),+ }
            }

            /// Parses a stored code; `None` for an unknown one.
            pub fn from_code(code: &str) -> Option<Self> {
                match code { $($code => Some(Self::$variant),)+ _ => None }
            }
        }
    };
}

text_codes!(LocatieType {
    HotelPension => "hotel_pension",
    KantoorBedrijfspand => "kantoor_bedrijfspand",
    Zorgvastgoed => "zorgvastgoed",
    Onderwijsgebouw => "onderwijsgebouw",
    Vakantiepark => "vakantiepark",
    ModulaireWoningen => "modulaire_woningen",
    ReguliereWoningen => "reguliere_woningen",
    Schip => "schip",
    SporthalNoodopvang => "sporthal_noodopvang",
    Overig => "overig",
});

impl LocatieType {
    /// The label of the type in `taal`, e.g. `Hotel/pension` or `Hotel/guesthouse`.
    pub fn label(self, taal: Taal) -> String {
        let sleutel = match self {
            Self::HotelPension => "label.locatietype.hotel_pension",
            Self::KantoorBedrijfspand => "label.locatietype.kantoor_bedrijfspand",
            Self::Zorgvastgoed => "label.locatietype.zorgvastgoed",
            Self::Onderwijsgebouw => "label.locatietype.onderwijsgebouw",
            Self::Vakantiepark => "label.locatietype.vakantiepark",
            Self::ModulaireWoningen => "label.locatietype.modulaire_woningen",
            Self::ReguliereWoningen => "label.locatietype.reguliere_woningen",
            Self::Schip => "label.locatietype.schip",
            Self::SporthalNoodopvang => "label.locatietype.sporthal_noodopvang",
            Self::Overig => "label.locatietype.overig",
        };
        i18n::tekst(taal, sleutel)
    }
}

text_codes!(Beheerder {
    Gemeente => "gemeente",
    Coa => "coa",
    Woningcorporatie => "woningcorporatie",
    Particulier => "particulier",
    Overig => "overig",
});

text_codes!(Vergunning {
    Tijdelijk => "tijdelijk",
    Permanent => "permanent",
});

text_codes!(Financiering {
    Booo => "booo",
    Doelgroepflexibel => "doelgroepflexibel",
    Doorstroom => "doorstroom",
    Coa => "coa",
    Overig => "overig",
});

/// What a planner enters for a location: used for both creating and editing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct LocatieInvoer {
    pub gemeente_code: String,
    pub naam: String,
    pub straat: String,
    pub huisnummer: String,
    pub postcode: String,
    pub plaats: String,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub bag_id: Option<String>,
    pub soort: LocatieType,
    pub beheerder: Beheerder,
    pub openingsdatum: Option<NaiveDate>,
    /// End of the lease or permit, whichever comes first.
    pub einddatum: Option<NaiveDate>,
    pub vergunning: Option<Vergunning>,
    pub financiering: Financiering,
    pub wooneenheden: Option<i64>,
    pub eigen_voordeur: bool,
    pub eigen_keuken: bool,
    pub eigen_sanitair: bool,
    /// Total floor area in m².
    pub vloeroppervlak: Option<i64>,
    /// Yearly costs in whole euros.
    pub kosten_per_jaar: Option<i64>,
    /// Chance in percent that a location in preparation opens (pipeline weighting).
    pub pipeline_kans: Option<i64>,
    pub notities: String,
}

/// A stored location: its input plus identity, status and version (for optimistic locking).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Locatie {
    pub id: i64,
    pub status: LocatieStatus,
    pub versie: i64,
    pub gemeente_naam: String,
    #[serde(flatten)]
    #[ts(flatten)]
    pub gegevens: LocatieInvoer,
}

/// Filters for the location list; empty fields do not filter.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct LocatieFilter {
    pub gemeente_code: Option<String>,
    pub provincie_code: Option<String>,
    pub status: Option<LocatieStatus>,
    pub soort: Option<LocatieType>,
    /// Case-insensitive text searched in name, place and address.
    pub zoek: Option<String>,
}

impl LocatieInvoer {
    /// Checks the rules that need no database; the municipality code is checked by storage.
    pub fn valideer(&self) -> CoreResult<()> {
        if self.naam.trim().is_empty() {
            return Err(CoreError::validatie(
                "naam",
                "fout.locations.vul_naam_locatie",
            ));
        }
        if self.naam.chars().count() > MAX_TEKENS {
            return Err(CoreError::validatie(
                "naam",
                "fout.locations.naam_locatie_langer_200",
            ));
        }
        for (field, label, value) in [
            ("straat", "label.locatieveld.straat", &self.straat),
            (
                "huisnummer",
                "label.locatieveld.huisnummer",
                &self.huisnummer,
            ),
            ("plaats", "label.locatieveld.plaats", &self.plaats),
        ] {
            if value.chars().count() > MAX_TEKENS {
                return Err(CoreError::validatie(field, "fout.locations.tekst_te_lang")
                    .met("veld", &i18n::tekst(i18n::actieve_taal(), label))
                    .met("max", &MAX_TEKENS));
            }
        }
        for (field, label, value) in [
            (
                "wooneenheden",
                "label.locatieveld.wooneenheden",
                self.wooneenheden,
            ),
            (
                "vloeroppervlak",
                "label.locatieveld.vloeroppervlak",
                self.vloeroppervlak,
            ),
            (
                "kosten_per_jaar",
                "label.locatieveld.kosten_per_jaar",
                self.kosten_per_jaar,
            ),
        ] {
            if value.is_some_and(|v| v < 0) {
                return Err(
                    CoreError::validatie(field, "fout.locations.mag_niet_negatief")
                        .met("label", &i18n::tekst(i18n::actieve_taal(), label)),
                );
            }
        }
        if let Some(kans) = self.pipeline_kans {
            if !(0..=100).contains(&kans) {
                return Err(CoreError::validatie(
                    "pipeline_kans",
                    "fout.locations.kans_realisatie_moet_tussen",
                ));
            }
        }
        if let (Some(open), Some(eind)) = (self.openingsdatum, self.einddatum) {
            if eind < open {
                return Err(CoreError::validatie(
                    "einddatum",
                    "fout.locations.einddatum_huur_vergunning_ligt",
                ));
            }
        }
        if let Some(lat) = self.lat {
            if !(50.0..=54.0).contains(&lat) {
                return Err(CoreError::validatie(
                    "lat",
                    "fout.locations.breedtegraad_ligt_niet_nederland",
                ));
            }
        }
        if let Some(lon) = self.lon {
            if !(3.0..=7.5).contains(&lon) {
                return Err(CoreError::validatie(
                    "lon",
                    "fout.locations.lengtegraad_ligt_niet_nederland",
                ));
            }
        }
        let postcode = self.postcode.trim();
        if !postcode.is_empty() && normaliseer_postcode(postcode).is_none() {
            return Err(CoreError::validatie(
                "postcode",
                "fout.locations.postcode_heeft_niet_vorm",
            ));
        }
        Ok(())
    }
}

/// `1234ab` or `1234 AB` → `1234 AB`; `None` when it is not a Dutch postcode.
pub fn normaliseer_postcode(input: &str) -> Option<String> {
    let compact: String = input.chars().filter(|c| !c.is_whitespace()).collect();
    let (digits, letters) = compact.split_at_checked(4)?;
    let valid = digits.len() == 4
        && digits.chars().all(|c| c.is_ascii_digit())
        && !digits.starts_with('0')
        && letters.len() == 2
        && letters.chars().all(|c| c.is_ascii_alphabetic());
    valid.then(|| format!("{digits} {}", letters.to_ascii_uppercase()))
}

#[cfg(test)]
pub(crate) fn voorbeeld_invoer(gemeente_code: &str, naam: &str) -> LocatieInvoer {
    LocatieInvoer {
        gemeente_code: gemeente_code.to_owned(),
        naam: naam.to_owned(),
        straat: "Voorbeeldstraat".to_owned(),
        huisnummer: "1".to_owned(),
        postcode: "3511 AA".to_owned(),
        plaats: "Utrecht".to_owned(),
        lat: None,
        lon: None,
        bag_id: None,
        soort: LocatieType::HotelPension,
        beheerder: Beheerder::Gemeente,
        openingsdatum: NaiveDate::from_ymd_opt(2024, 1, 1),
        einddatum: NaiveDate::from_ymd_opt(2027, 6, 30),
        vergunning: Some(Vergunning::Tijdelijk),
        financiering: Financiering::Booo,
        wooneenheden: Some(20),
        eigen_voordeur: false,
        eigen_keuken: false,
        eigen_sanitair: true,
        vloeroppervlak: Some(900),
        kosten_per_jaar: None,
        pipeline_kans: None,
        notities: String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validation_names_the_field() {
        let mut invoer = voorbeeld_invoer("GM0344", "Hotel");
        assert!(invoer.valideer().is_ok());

        invoer.naam = "  ".into();
        assert_eq!(
            invoer.valideer().unwrap_err().field.as_deref(),
            Some("naam")
        );

        let mut invoer = voorbeeld_invoer("GM0344", "Hotel");
        invoer.wooneenheden = Some(-3);
        let err = invoer.valideer().unwrap_err();
        assert_eq!(err.field.as_deref(), Some("wooneenheden"));
        assert_eq!(
            err.message,
            "Het aantal wooneenheden mag niet negatief zijn."
        );

        let mut invoer = voorbeeld_invoer("GM0344", "Hotel");
        invoer.einddatum = NaiveDate::from_ymd_opt(2023, 1, 1);
        assert_eq!(
            invoer.valideer().unwrap_err().field.as_deref(),
            Some("einddatum")
        );

        let mut invoer = voorbeeld_invoer("GM0344", &"x".repeat(MAX_TEKENS));
        invoer.plaats = "p".repeat(MAX_TEKENS);
        assert!(invoer.valideer().is_ok());
        invoer.naam.push('x');
        assert_eq!(
            invoer.valideer().unwrap_err().field.as_deref(),
            Some("naam")
        );
        invoer.naam.pop();
        invoer.plaats.push('p');
        let err = invoer.valideer().unwrap_err();
        assert_eq!(err.field.as_deref(), Some("plaats"));
        assert_eq!(err.message, "De plaats is langer dan 200 tekens.");

        let mut invoer = voorbeeld_invoer("GM0344", "Hotel");
        invoer.postcode = "12345".into();
        assert_eq!(
            invoer.valideer().unwrap_err().field.as_deref(),
            Some("postcode")
        );
    }

    #[test]
    fn normalises_postcodes() {
        assert_eq!(normaliseer_postcode("3511aa").as_deref(), Some("3511 AA"));
        assert_eq!(normaliseer_postcode("3511 AA").as_deref(), Some("3511 AA"));
        assert_eq!(normaliseer_postcode("0511 AA"), None);
        assert_eq!(normaliseer_postcode("351 AAA"), None);
        assert_eq!(normaliseer_postcode("ü511AA"), None);
    }

    #[test]
    fn codes_round_trip() {
        for soort in [
            LocatieType::HotelPension,
            LocatieType::Schip,
            LocatieType::Overig,
        ] {
            assert_eq!(LocatieType::from_code(soort.code()), Some(soort));
        }
        assert_eq!(LocatieType::from_code("kasteel"), None);
    }
}
