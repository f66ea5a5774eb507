//! The conversion review workflow (DESIGN.md §7): concept → ter beoordeling → besloten, the
//! four-eyes rule, comments and attachments (file reference + SHA-256).
//!
//! A decided review is final; a new review for the same location supersedes it.

mod dossier;
mod dossier_pdf;

pub use dossier::{dossier, Dossier};
pub use dossier_pdf::{dossier_pdf, dossier_pdf_schrijven};

use std::io::Read;
use std::path::Path;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use ts_rs::TS;

use crate::error::{CoreError, CoreResult};

/// Where a review is in its workflow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ReviewStatus {
    Concept,
    TerBeoordeling,
    Besloten,
}

/// The decision on a review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Besluit {
    Akkoord,
    Afgewezen,
    Aangehouden,
}

impl ReviewStatus {
    pub fn code(self) -> &'static str {
        match self {
            ReviewStatus::Concept => "concept",
            ReviewStatus::TerBeoordeling => "ter_beoordeling",
            ReviewStatus::Besloten => "besloten",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "concept" => Some(ReviewStatus::Concept),
            "ter_beoordeling" => Some(ReviewStatus::TerBeoordeling),
            "besloten" => Some(ReviewStatus::Besloten),
            _ => None,
        }
    }

    /// The label in the active language, as used in messages.
    pub fn label(self) -> String {
        self.label_in(crate::i18n::actieve_taal())
    }

    /// The label in `taal`, lower case for running text (`ter beoordeling`, `under review`).
    pub fn label_in(self, taal: crate::i18n::Taal) -> String {
        let sleutel = match self {
            ReviewStatus::Concept => "label.reviewstatus.concept",
            ReviewStatus::TerBeoordeling => "label.reviewstatus.ter_beoordeling",
            ReviewStatus::Besloten => "label.reviewstatus.besloten",
        };
        crate::i18n::tekst(taal, sleutel)
    }

    /// Checks a move to `naar`; the only moves are concept → ter beoordeling → besloten.
    pub fn check_transition(self, naar: ReviewStatus) -> CoreResult<()> {
        match (self, naar) {
            (ReviewStatus::Concept, ReviewStatus::TerBeoordeling)
            | (ReviewStatus::TerBeoordeling, ReviewStatus::Besloten) => Ok(()),
            (ReviewStatus::Besloten, _) => Err(CoreError::validatie(
                "status",
                "fout.reviews.review_besloten_besluit_niet",
            )),
            (van, naar) => Err(CoreError::validatie(
                "status",
                "fout.reviews.review_niet_gaan_volgorde",
            )
            .met("label", &van.label())
            .met("label2", &naar.label())),
        }
    }
}

impl Besluit {
    pub fn code(self) -> &'static str {
        match self {
            Besluit::Akkoord => "akkoord",
            Besluit::Afgewezen => "afgewezen",
            Besluit::Aangehouden => "aangehouden",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "akkoord" => Some(Besluit::Akkoord),
            "afgewezen" => Some(Besluit::Afgewezen),
            "aangehouden" => Some(Besluit::Aangehouden),
            _ => None,
        }
    }
}

/// A comment on a review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Opmerking {
    pub id: i64,
    /// UTC time in RFC 3339.
    pub tijdstip: String,
    pub gebruiker: String,
    pub tekst: String,
}

/// An attachment: a reference to a file the user chose, with its SHA-256 at the time of adding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Bijlage {
    pub id: i64,
    pub pad: String,
    /// Lower-case hexadecimal SHA-256 of the file's contents.
    pub sha256: String,
    pub bytes: i64,
    /// UTC time in RFC 3339.
    pub tijdstip: String,
    pub gebruiker: String,
}

/// A review of one assessment with its trail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Review {
    pub id: i64,
    pub beoordeling_id: i64,
    pub locatie_id: i64,
    pub status: ReviewStatus,
    pub besluit: Option<Besluit>,
    /// Who started the review and submits it.
    pub indiener: String,
    /// The assessor who drew up the assessment; never the one who decides.
    pub opsteller: String,
    pub ingediend_op: Option<chrono::NaiveDate>,
    pub beoordelaar: Option<String>,
    pub besluitdatum: Option<chrono::NaiveDate>,
    /// The reviewer's explanation of the decision.
    pub toelichting: String,
    /// The decided review this one supersedes.
    pub vervangt_id: Option<i64>,
    /// The review that superseded this one, if any.
    pub vervangen_door: Option<i64>,
    pub opmerkingen: Vec<Opmerking>,
    pub bijlagen: Vec<Bijlage>,
    pub versie: i64,
}

/// A reviewer's decision on a review that is *ter beoordeling*.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BesluitInvoer {
    pub review_id: i64,
    pub versie: i64,
    pub besluit: Besluit,
    pub besluitdatum: chrono::NaiveDate,
    pub toelichting: String,
}

/// The four-eyes rule: whoever decides did not draw up the assessment.
pub fn vier_ogen(opsteller: &str, beoordelaar: &str) -> CoreResult<()> {
    if opsteller.trim().eq_ignore_ascii_case(beoordelaar.trim()) {
        return Err(CoreError::validatie(
            "beoordelaar",
            "fout.reviews.vier_ogenprincipe_heeft_beoordeling",
        )
        .met("beoordelaar", &beoordelaar));
    }
    Ok(())
}

/// What an attachment's file looks like now, against the SHA-256 kept when it was added.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum BijlageStaat {
    /// The file's contents still have the kept SHA-256.
    Ongewijzigd,
    /// The file was changed since it was attached: its SHA-256 differs.
    Gewijzigd,
    /// The file cannot be read (moved, deleted or no access).
    Ontbreekt,
}

/// The integrity check of one attachment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BijlageControle {
    pub bijlage_id: i64,
    pub staat: BijlageStaat,
    /// The SHA-256 of the file as it is now, when it could be read.
    pub sha256_nu: Option<String>,
}

/// Hashes an attachment's file again and compares it with the SHA-256 kept in the review.
pub fn controleer_bijlage(bijlage: &Bijlage) -> BijlageControle {
    let (staat, sha256_nu) = match sha256_van_bestand(Path::new(&bijlage.pad)) {
        Ok((hash, _)) if hash == bijlage.sha256 => (BijlageStaat::Ongewijzigd, Some(hash)),
        Ok((hash, _)) => (BijlageStaat::Gewijzigd, Some(hash)),
        Err(_) => (BijlageStaat::Ontbreekt, None),
    };
    BijlageControle {
        bijlage_id: bijlage.id,
        staat,
        sha256_nu,
    }
}

/// Checks every attachment of every review of a location against its kept SHA-256.
pub async fn bijlagen_controleren(
    db: &crate::storage::Db,
    locatie_id: i64,
) -> CoreResult<Vec<BijlageControle>> {
    let reviews = db.reviews(locatie_id).await?;
    Ok(reviews
        .iter()
        .flat_map(|r| r.bijlagen.iter().map(controleer_bijlage))
        .collect())
}

/// The SHA-256 (lower-case hex) and size of a file, read in blocks.
pub fn sha256_van_bestand(pad: &Path) -> CoreResult<(String, i64)> {
    let mut bestand = std::fs::File::open(pad).map_err(|e| {
        CoreError::bestand("fout.reviews.bijlage_niet_gelezen")
            .met("pad", &pad.display())
            .met("fout", &e)
    })?;
    let mut hasher = Sha256::new();
    let mut blok = vec![0u8; 64 * 1024];
    let mut bytes = 0i64;
    loop {
        let n = bestand.read(&mut blok).map_err(|e| {
            CoreError::bestand("fout.reviews.bijlage_niet_gelezen")
                .met("pad", &pad.display())
                .met("fout", &e)
        })?;
        if n == 0 {
            break;
        }
        bytes += n as i64;
        hasher.update(&blok[..n]);
    }
    let hash = hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    Ok((hash, bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_forward_transitions() {
        use ReviewStatus::*;
        assert!(Concept.check_transition(TerBeoordeling).is_ok());
        assert!(TerBeoordeling.check_transition(Besloten).is_ok());
        for (van, naar) in [
            (Concept, Besloten),
            (Concept, Concept),
            (TerBeoordeling, Concept),
            (TerBeoordeling, TerBeoordeling),
        ] {
            let err = van.check_transition(naar).unwrap_err();
            assert_eq!(err.field.as_deref(), Some("status"));
            assert!(
                err.message.contains("de volgorde is concept"),
                "{}",
                err.message
            );
        }
        for naar in [Concept, TerBeoordeling, Besloten] {
            let err = Besloten.check_transition(naar).unwrap_err();
            assert!(err.message.contains("al besloten"));
        }
    }

    #[test]
    fn four_eyes_compares_names() {
        assert!(vier_ogen("anna", "bert").is_ok());
        let err = vier_ogen("Anna", " anna ").unwrap_err();
        assert_eq!(err.field.as_deref(), Some("beoordelaar"));
        assert!(err.message.starts_with("Vier-ogenprincipe"));
    }

    #[test]
    fn hashes_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let pad = dir.path().join("rapport.txt");
        std::fs::write(&pad, b"abc").unwrap();
        let (hash, bytes) = sha256_van_bestand(&pad).unwrap();
        assert_eq!(
            hash,
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(bytes, 3);
        let err = sha256_van_bestand(&dir.path().join("weg.pdf")).unwrap_err();
        assert_eq!(err.code, crate::error::ErrorCode::Bestand);
    }

    #[test]
    fn integrity_check_sees_changed_and_missing_files() {
        let dir = tempfile::tempdir().unwrap();
        let pad = dir.path().join("raadsvoorstel.pdf");
        std::fs::write(&pad, b"abc").unwrap();
        let (sha256, bytes) = sha256_van_bestand(&pad).unwrap();
        let bijlage = Bijlage {
            id: 7,
            pad: pad.display().to_string(),
            sha256: sha256.clone(),
            bytes,
            tijdstip: "2026-11-23T10:00:00Z".into(),
            gebruiker: "Anna".into(),
        };
        let c = controleer_bijlage(&bijlage);
        assert_eq!((c.bijlage_id, c.staat), (7, BijlageStaat::Ongewijzigd));
        assert_eq!(c.sha256_nu.as_deref(), Some(sha256.as_str()));

        std::fs::write(&pad, b"abd").unwrap();
        let c = controleer_bijlage(&bijlage);
        assert_eq!(c.staat, BijlageStaat::Gewijzigd);
        assert_ne!(c.sha256_nu.as_deref(), Some(sha256.as_str()));

        std::fs::remove_file(&pad).unwrap();
        let c = controleer_bijlage(&bijlage);
        assert_eq!((c.staat, c.sha256_nu), (BijlageStaat::Ontbreekt, None));
    }
}
