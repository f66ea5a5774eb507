//! Occupancy snapshots per peildatum and target group, the value at a date, and totals over areas.

pub mod rate;
pub mod totals;

pub use totals::{
    Gebied, GebiedSoort, GebiedTotalen, LocatieStand, Signaal, SignaalSoort, Totalen, TrendPunt,
};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{CoreError, CoreResult};
use crate::i18n::{self, Taal};
use crate::locations::MAX_AANTAL;

/// Days after which a snapshot counts as stale unless the settings say otherwise.
pub const STANDAARD_VEROUDERD_NA_DAGEN: i64 = 14;

/// The target groups counted separately in every snapshot.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Doelgroep {
    Ontheemden,
    Statushouders,
    Asielzoekers,
    Overig,
}

impl Doelgroep {
    pub const ALLE: [Doelgroep; 4] = [
        Doelgroep::Ontheemden,
        Doelgroep::Statushouders,
        Doelgroep::Asielzoekers,
        Doelgroep::Overig,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::Ontheemden => "ontheemden",
            Self::Statushouders => "statushouders",
            Self::Asielzoekers => "asielzoekers",
            Self::Overig => "overig",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALLE.into_iter().find(|d| d.code() == code)
    }

    /// The name of the group in running text (lower case), e.g. `ontheemden`.
    pub fn label(self, taal: Taal) -> String {
        let sleutel = match self {
            Self::Ontheemden => "label.doelgroep.ontheemden",
            Self::Statushouders => "label.doelgroep.statushouders",
            Self::Asielzoekers => "label.doelgroep.asielzoekers",
            Self::Overig => "label.doelgroep.overig",
        };
        i18n::tekst(taal, sleutel)
    }
}

/// Occupied places per target group.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Bezetting {
    pub ontheemden: i64,
    pub statushouders: i64,
    pub asielzoekers: i64,
    pub overig: i64,
}

impl Bezetting {
    pub fn totaal(&self) -> i64 {
        self.ontheemden + self.statushouders + self.asielzoekers + self.overig
    }

    pub fn get(&self, groep: Doelgroep) -> i64 {
        match groep {
            Doelgroep::Ontheemden => self.ontheemden,
            Doelgroep::Statushouders => self.statushouders,
            Doelgroep::Asielzoekers => self.asielzoekers,
            Doelgroep::Overig => self.overig,
        }
    }

    pub fn set(&mut self, groep: Doelgroep, aantal: i64) {
        match groep {
            Doelgroep::Ontheemden => self.ontheemden = aantal,
            Doelgroep::Statushouders => self.statushouders = aantal,
            Doelgroep::Asielzoekers => self.asielzoekers = aantal,
            Doelgroep::Overig => self.overig = aantal,
        }
    }

    pub fn optellen(&mut self, ander: &Bezetting) {
        for groep in Doelgroep::ALLE {
            self.set(groep, self.get(groep) + ander.get(groep));
        }
    }
}

/// One snapshot of a location as entered: occupancy per group and places not usable.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PeilingInvoer {
    pub locatie_id: i64,
    pub peildatum: NaiveDate,
    pub bezetting: Bezetting,
    pub niet_inzetbaar: i64,
    pub reden_niet_inzetbaar: String,
    /// The version of the stored snapshot the user edited; `None` for a new snapshot.
    pub versie: Option<i64>,
}

/// A stored snapshot with the capacity that applied on its peildatum.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Peiling {
    pub locatie_id: i64,
    pub peildatum: NaiveDate,
    pub bezetting: Bezetting,
    pub niet_inzetbaar: i64,
    pub reden_niet_inzetbaar: String,
    pub capaciteit: i64,
    pub versie: i64,
}

/// What the storage layer knows about a location when a snapshot for it is validated.
pub struct PeilingContext<'a> {
    pub locatie_naam: &'a str,
    pub gesloten: bool,
    pub capaciteit: i64,
    pub vandaag: NaiveDate,
}

impl PeilingInvoer {
    /// Checks the snapshot; messages name the location and the field.
    pub fn valideer(&self, ctx: &PeilingContext<'_>) -> CoreResult<()> {
        let naam = ctx.locatie_naam;
        if ctx.gesloten {
            return Err(CoreError::validatie(
                "status",
                "fout.occupancy.gesloten_gesloten_locatie_niet",
            )
            .met("naam", &naam));
        }
        if self.peildatum > ctx.vandaag {
            return Err(CoreError::validatie(
                "peildatum",
                "fout.occupancy.peildatum_ligt_toekomst",
            )
            .met("naam", &naam)
            .met_datum("peildatum", self.peildatum));
        }
        for groep in Doelgroep::ALLE {
            if self.bezetting.get(groep) < 0 {
                return Err(CoreError::validatie(
                    groep.code(),
                    "fout.occupancy.aantal_mag_niet_negatief",
                )
                .met("naam", &naam)
                .met("code", &groep.label(i18n::actieve_taal())));
            }
            if self.bezetting.get(groep) > MAX_AANTAL {
                return Err(
                    CoreError::validatie(groep.code(), "fout.occupancy.aantal_te_groot")
                        .met("naam", &naam)
                        .met("code", &groep.label(i18n::actieve_taal()))
                        .met(
                            "max",
                            &crate::format::aantal_in(i18n::actieve_taal(), MAX_AANTAL),
                        ),
                );
            }
        }
        if self.niet_inzetbaar < 0 {
            return Err(CoreError::validatie(
                "niet_inzetbaar",
                "fout.occupancy.aantal_niet_inzetbare_plaatsen",
            )
            .met("naam", &naam));
        }
        if self.niet_inzetbaar > MAX_AANTAL {
            return Err(CoreError::validatie(
                "niet_inzetbaar",
                "fout.occupancy.niet_inzetbaar_te_groot",
            )
            .met("naam", &naam)
            .met(
                "max",
                &crate::format::aantal_in(i18n::actieve_taal(), MAX_AANTAL),
            ));
        }
        if ctx.capaciteit == 0 && (self.bezetting.totaal() > 0 || self.niet_inzetbaar > 0) {
            return Err(CoreError::validatie(
                "capaciteit",
                "fout.occupancy.heeft_geen_gerealiseerde_capaciteit",
            )
            .met("naam", &naam)
            .met_datum("peildatum", self.peildatum));
        }
        if self.niet_inzetbaar > ctx.capaciteit {
            return Err(CoreError::validatie(
                "niet_inzetbaar",
                "fout.occupancy.meer_niet_inzetbare_plaatsen",
            )
            .met("naam", &naam)
            .met("niet_inzetbaar", &self.niet_inzetbaar)
            .met("capaciteit", &ctx.capaciteit));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx(capaciteit: i64) -> PeilingContext<'static> {
        PeilingContext {
            locatie_naam: "Hotel De Linde",
            gesloten: false,
            capaciteit,
            vandaag: "2026-11-23".parse().unwrap(),
        }
    }

    fn invoer(ontheemden: i64, niet_inzetbaar: i64, peildatum: &str) -> PeilingInvoer {
        PeilingInvoer {
            locatie_id: 1,
            peildatum: peildatum.parse().unwrap(),
            bezetting: Bezetting {
                ontheemden,
                ..Bezetting::default()
            },
            niet_inzetbaar,
            reden_niet_inzetbaar: String::new(),
            versie: None,
        }
    }

    #[test]
    fn snapshot_rules_name_location_and_field() {
        assert!(invoer(40, 2, "2026-11-23").valideer(&ctx(50)).is_ok());
        // Over-occupancy is allowed; it is flagged, not refused.
        assert!(invoer(55, 0, "2026-11-23").valideer(&ctx(50)).is_ok());

        let err = invoer(-1, 0, "2026-11-23").valideer(&ctx(50)).unwrap_err();
        assert_eq!(err.field.as_deref(), Some("ontheemden"));
        assert_eq!(
            err.message,
            "Hotel De Linde: het aantal ontheemden mag niet negatief zijn."
        );

        let err = invoer(1, 0, "2026-11-24").valideer(&ctx(50)).unwrap_err();
        assert_eq!(
            err.message,
            "Hotel De Linde: de peildatum 24-11-2026 ligt in de toekomst."
        );

        let err = invoer(3, 0, "2026-11-20").valideer(&ctx(0)).unwrap_err();
        assert_eq!(err.field.as_deref(), Some("capaciteit"));
        assert!(invoer(0, 0, "2026-11-20").valideer(&ctx(0)).is_ok());

        let err = invoer(3, 60, "2026-11-20").valideer(&ctx(50)).unwrap_err();
        assert_eq!(err.field.as_deref(), Some("niet_inzetbaar"));

        assert!(invoer(MAX_AANTAL, 0, "2026-11-20")
            .valideer(&ctx(50))
            .is_ok());
        let err = invoer(MAX_AANTAL + 1, 0, "2026-11-20")
            .valideer(&ctx(50))
            .unwrap_err();
        assert_eq!(err.field.as_deref(), Some("ontheemden"));
        assert_eq!(
            err.message,
            "Hotel De Linde: het aantal ontheemden is te groot; een locatie heeft hoogstens 100.000 bewoners per doelgroep."
        );
        let err = invoer(0, MAX_AANTAL + 1, "2026-11-20")
            .valideer(&ctx(i64::MAX))
            .unwrap_err();
        assert_eq!(err.field.as_deref(), Some("niet_inzetbaar"));

        let gesloten = PeilingContext {
            gesloten: true,
            ..ctx(50)
        };
        let err = invoer(0, 0, "2026-11-20").valideer(&gesloten).unwrap_err();
        assert_eq!(
            err.message,
            "Hotel De Linde is gesloten; een gesloten locatie kan niet worden gewijzigd."
        );
    }
}
