//! The conversion dossier of one location for the college (B&W): the location and its lease
//! dates, capacity and occupancy history, the latest assessment with its criteria set, and the
//! full review trail. Front ends render it (the CLI as text).

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use super::Review;
use crate::error::CoreResult;
use crate::locations::{CapaciteitPeriode, Locatie};
use crate::occupancy::Peiling;
use crate::storage::Db;
use crate::suitability::{Beoordeling, Criteriaset, HORIZON};

/// Everything the college needs to decide on converting one location.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Dossier {
    pub locatie: Locatie,
    /// End of the five-year scheme the lease and permit dates are weighed against.
    pub horizon: NaiveDate,
    pub capaciteit: Vec<CapaciteitPeriode>,
    /// Occupancy snapshots, oldest first.
    pub bezetting: Vec<Peiling>,
    /// The latest assessment, if any.
    pub beoordeling: Option<Beoordeling>,
    /// The criteria set that assessment used (its rubrics explain the scores).
    pub criteriaset: Option<Criteriaset>,
    /// Every review of the location, newest first, decided ones included.
    pub reviews: Vec<Review>,
}

/// Gathers the dossier of a location.
pub async fn dossier(db: &Db, locatie_id: i64) -> CoreResult<Dossier> {
    let locatie = db.locatie(locatie_id).await?;
    let beoordeling = db.beoordelingen(locatie_id).await?.into_iter().next();
    let criteriaset = match &beoordeling {
        Some(b) => Some(db.criteriaset(b.criteriaset_id).await?),
        None => None,
    };
    let mut bezetting = db.peilingen(locatie_id).await?;
    bezetting.sort_by_key(|p| p.peildatum);
    Ok(Dossier {
        locatie,
        horizon: HORIZON,
        capaciteit: db.capaciteit(locatie_id).await?,
        bezetting,
        beoordeling,
        criteriaset,
        reviews: db.reviews(locatie_id).await?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;

    crate::storage::testdb::beide_backends!(
        async fn dossier_holds_assessment_history_and_trail(db) {
            let vandaag: NaiveDate = "2026-11-23".parse().unwrap();
            crate::demo::laden(&db, vandaag, |_| {}).await.unwrap();
            let leeg = dossier(&db, 1).await.unwrap();
            assert_eq!(leeg.beoordeling, None);
            assert!(leeg.reviews.is_empty());
            assert_eq!(leeg.bezetting.len(), 78, "18 months of weekly snapshots");
            assert!(leeg.bezetting.windows(2).all(|w| w[0].peildatum < w[1].peildatum));
            assert!(!leeg.capaciteit.is_empty());
            assert_eq!(leeg.horizon, HORIZON);

            let set = db.criteriasets().await.unwrap().remove(0);
            let invoer = db.beoordeling_voorinvullen(1, set.id, vandaag).await.unwrap();
            let b = db.beoordeling_toevoegen(&invoer).await.unwrap();
            let review = db.review_starten(b.id).await.unwrap();
            let d = dossier(&db, 1).await.unwrap();
            assert_eq!(d.beoordeling.as_ref().map(|b| b.id), Some(b.id));
            assert_eq!(d.criteriaset.as_ref().map(|s| s.nummer), Some(1));
            assert_eq!(d.reviews, vec![review]);

            let err = dossier(&db, 999).await.unwrap_err();
            assert_eq!(err.code, ErrorCode::NietGevonden);
        }
    );
}
