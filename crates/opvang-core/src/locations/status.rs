//! The lifecycle of a location: in voorbereiding → in gebruik ↔ stand-by → in afbouw → gesloten.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{CoreError, CoreResult};
use crate::i18n::{self, Taal};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum LocatieStatus {
    InVoorbereiding,
    InGebruik,
    StandBy,
    InAfbouw,
    Gesloten,
}

/// A request to move a location to another status.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct StatusWijziging {
    pub locatie_id: i64,
    /// The version the user saw; a newer stored version is a conflict.
    pub versie: i64,
    pub nieuwe_status: LocatieStatus,
    pub datum: NaiveDate,
    /// Why; required to reopen a closed location.
    pub reden: String,
}

impl LocatieStatus {
    pub fn code(self) -> &'static str {
        match self {
            Self::InVoorbereiding => "in_voorbereiding",
            Self::InGebruik => "in_gebruik",
            Self::StandBy => "stand_by",
            Self::InAfbouw => "in_afbouw",
            Self::Gesloten => "gesloten",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        [
            Self::InVoorbereiding,
            Self::InGebruik,
            Self::StandBy,
            Self::InAfbouw,
            Self::Gesloten,
        ]
        .into_iter()
        .find(|s| s.code() == code)
    }

    /// The label in the active language, as used in messages (`in gebruik`, `in use`).
    pub fn label(self) -> String {
        self.label_in(i18n::actieve_taal())
    }

    /// The label in `taal`, lower case for running text.
    pub fn label_in(self, taal: Taal) -> String {
        let sleutel = match self {
            Self::InVoorbereiding => "label.status.in_voorbereiding",
            Self::InGebruik => "label.status.in_gebruik",
            Self::StandBy => "label.status.stand_by",
            Self::InAfbouw => "label.status.in_afbouw",
            Self::Gesloten => "label.status.gesloten",
        };
        i18n::tekst(taal, sleutel)
    }

    /// Whether the lifecycle allows going from `self` to `next` at all.
    fn allows(self, next: LocatieStatus) -> bool {
        use LocatieStatus::*;
        matches!(
            (self, next),
            (InVoorbereiding, InGebruik | StandBy | Gesloten)
                | (InGebruik, StandBy | InAfbouw)
                | (StandBy, InGebruik | InAfbouw)
                | (InAfbouw, InGebruik | Gesloten)
                | (Gesloten, InVoorbereiding | InGebruik | StandBy)
        )
    }

    /// Checks a transition given the location's occupancy at the date of the change.
    ///
    /// A closed location is reopened only with a stated reason, and a location is only
    /// closed when nobody lives there any more.
    pub fn check_transition(self, next: LocatieStatus, bezet: i64, reden: &str) -> CoreResult<()> {
        if self == next {
            return Err(
                CoreError::validatie("status", "fout.locations_status.locatie")
                    .met("label", &self.label()),
            );
        }
        if !self.allows(next) {
            return Err(CoreError::validatie(
                "status",
                "fout.locations_status.locatie_niet_direct",
            )
            .met("label", &self.label())
            .met("label2", &next.label()));
        }
        if self == Self::Gesloten && reden.trim().is_empty() {
            return Err(CoreError::validatie(
                "reden",
                "fout.locations_status.gesloten_locatie_heropenen_alleen",
            ));
        }
        if next == Self::Gesloten && bezet > 0 {
            return Err(CoreError::validatie(
                "status",
                "fout.locations_status.locatie_niet_gesloten_wonen",
            )
            .met("bezet", &bezet));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::LocatieStatus::*;

    #[test]
    fn lifecycle_rules() {
        assert!(InVoorbereiding.check_transition(InGebruik, 0, "").is_ok());
        assert!(InGebruik.check_transition(StandBy, 10, "").is_ok());
        assert!(StandBy.check_transition(InGebruik, 0, "").is_ok());
        assert!(InGebruik.check_transition(InAfbouw, 10, "").is_ok());
        assert!(InAfbouw.check_transition(Gesloten, 0, "").is_ok());

        let err = InGebruik.check_transition(Gesloten, 0, "").unwrap_err();
        assert_eq!(
            err.message,
            "Een locatie die in gebruik is kan niet direct naar gesloten."
        );
        let err = InAfbouw.check_transition(Gesloten, 3, "").unwrap_err();
        assert!(
            err.message.contains("er wonen nog 3 mensen"),
            "{}",
            err.message
        );
        let err = Gesloten.check_transition(InGebruik, 0, " ").unwrap_err();
        assert_eq!(err.field.as_deref(), Some("reden"));
        assert!(Gesloten
            .check_transition(InGebruik, 0, "Nieuwe instroom")
            .is_ok());
        assert!(InGebruik.check_transition(InGebruik, 0, "").is_err());
    }

    #[test]
    fn codes_round_trip() {
        for s in [InVoorbereiding, InGebruik, StandBy, InAfbouw, Gesloten] {
            assert_eq!(super::LocatieStatus::from_code(s.code()), Some(s));
        }
    }
}
