//! Aggregation of many municipalities' VNG report files into regional, provincial and national
//! totals per peildatum. The same report twice counts once; two different reports for one
//! municipality and peildatum are a conflict naming both files and are left out of the totals.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::tabel::GelezenRijen;
use super::{gebieden_uit_rijen, VngRapport, VngRij, SCHEMA_VERSIE};
use crate::error::CoreResult;
use crate::i18n::{self, Taal};
use crate::occupancy::{GebiedSoort, Totalen};

/// One municipality's report at one peildatum as read from a file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AggregatieBron {
    pub bestand: String,
    pub gemeente_code: String,
    pub gemeente_naam: String,
    pub peildatum: NaiveDate,
    pub totalen: Totalen,
}

/// Two or more different reports for one municipality and peildatum, with their files.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AggregatieConflict {
    pub gemeente_code: String,
    pub gemeente_naam: String,
    pub peildatum: NaiveDate,
    pub bestanden: Vec<String>,
}

/// The aggregated view: a combined report per peildatum (newest first), the sources, the
/// duplicates skipped and the conflicts left out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Aggregatie {
    pub rapporten: Vec<VngRapport>,
    pub bronnen: Vec<AggregatieBron>,
    /// Municipality reports that were read more than once, identically (counted once).
    pub dubbel: i64,
    pub conflicten: Vec<AggregatieConflict>,
}

/// A report file received into the database for the aggregated view (see `Db::vng_ontvangen`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct OntvangenRapport {
    pub id: i64,
    pub bestand: String,
    /// SHA-256 of the file's bytes: the same file received twice is kept once.
    pub sha256: String,
    pub peildatum: NaiveDate,
    /// Municipalities the file reports on.
    pub gemeenten: i64,
    pub ontvangen: String,
    pub ontvangen_door: String,
}

/// What receiving report files did: files stored, and files that were already there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Ontvangst {
    pub toegevoegd: i64,
    pub al_ontvangen: i64,
}

/// The received report files (newest peildatum first) and the aggregated view they make.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct OntvangenOverzicht {
    pub bestanden: Vec<OntvangenRapport>,
    pub aggregatie: Aggregatie,
}

/// Reads each file (name, bytes) into its rows; the first malformed file stops everything with
/// its error, so a batch of files is received whole or not at all.
pub fn rijen_lezen(bestanden: &[(String, Vec<u8>)]) -> CoreResult<Vec<(String, GelezenRijen)>> {
    bestanden
        .iter()
        .map(|(naam, bytes)| Ok((naam.clone(), super::lezen(naam, bytes)?)))
        .collect()
}

/// Reads each file (name, bytes); the first malformed file stops everything with its error.
pub fn lezen(bestanden: &[(String, Vec<u8>)]) -> CoreResult<Aggregatie> {
    let gelezen = rijen_lezen(bestanden)?;
    Ok(samenvoegen(
        &gelezen,
        &chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
    ))
}

/// Reads the report files at `paden` (named by their file name in messages) and combines them.
pub fn lezen_paden(paden: &[std::path::PathBuf]) -> CoreResult<Aggregatie> {
    let mut inhoud = Vec::with_capacity(paden.len());
    for pad in paden {
        let bytes = std::fs::read(pad).map_err(|e| {
            crate::error::CoreError::bestand("fout.cli_report.niet_gelezen")
                .met("pad", &pad.display())
                .met("fout", &e)
        })?;
        let naam = pad.file_name().map_or_else(
            || pad.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        inhoud.push((naam, bytes));
    }
    lezen(&inhoud)
}

/// The distinct reports seen for one municipality and peildatum, each with the files holding it.
type Versies = Vec<(Vec<VngRij>, Vec<String>)>;

/// Combines read reports; `gegenereerd_op` stamps the combined reports.
pub fn samenvoegen(gelezen: &[(String, GelezenRijen)], gegenereerd_op: &str) -> Aggregatie {
    // Per (peildatum, municipality): the versions seen, each with its files.
    let mut versies: BTreeMap<(NaiveDate, String), Versies> = BTreeMap::new();
    let mut dubbel = 0;
    for (bestand, g) in gelezen {
        let mut per_gemeente: BTreeMap<&str, Vec<VngRij>> = BTreeMap::new();
        for rij in &g.rijen {
            per_gemeente
                .entry(rij.gemeente_code.as_str())
                .or_default()
                .push(rij.clone());
        }
        for (code, mut rijen) in per_gemeente {
            rijen.sort_by_key(|r| super::teksten::locatietype(Taal::Nl, r.soort));
            let lijst = versies.entry((g.peildatum, code.to_owned())).or_default();
            match lijst.iter_mut().find(|(r, _)| *r == rijen) {
                Some((_, bestanden)) => {
                    dubbel += 1;
                    if !bestanden.contains(bestand) {
                        bestanden.push(bestand.clone());
                    }
                }
                None => lijst.push((rijen, vec![bestand.clone()])),
            }
        }
    }
    let mut per_peildatum: BTreeMap<NaiveDate, Vec<VngRij>> = BTreeMap::new();
    let mut bronnen = Vec::new();
    let mut conflicten = Vec::new();
    for ((peildatum, code), lijst) in versies {
        let naam = lijst[0]
            .0
            .first()
            .map(|r| r.gemeente_naam.clone())
            .unwrap_or_default();
        if lijst.len() > 1 {
            conflicten.push(AggregatieConflict {
                gemeente_code: code,
                gemeente_naam: naam,
                peildatum,
                bestanden: lijst.into_iter().flat_map(|(_, b)| b).collect(),
            });
            continue;
        }
        let (rijen, bestanden) = lijst.into_iter().next().expect("one version");
        bronnen.push(AggregatieBron {
            bestand: bestanden.join(", "),
            gemeente_code: code,
            gemeente_naam: naam,
            peildatum,
            totalen: Totalen::som(rijen.iter().map(|r| &r.totalen)),
        });
        per_peildatum.entry(peildatum).or_default().extend(rijen);
    }
    let rapporten = per_peildatum
        .into_iter()
        .rev()
        .map(|(peildatum, mut rijen)| {
            rijen.sort_by(|a, b| {
                (
                    &a.gemeente_naam,
                    super::teksten::locatietype(Taal::Nl, a.soort),
                )
                    .cmp(&(
                        &b.gemeente_naam,
                        super::teksten::locatietype(Taal::Nl, b.soort),
                    ))
            });
            VngRapport {
                schemaversie: SCHEMA_VERSIE,
                peildatum,
                gegenereerd_op: gegenereerd_op.to_owned(),
                bron: i18n::tekst_met(
                    i18n::actieve_taal(),
                    "export.vng.bron_samengevoegd",
                    &[("aantal", &gelezen.len())],
                ),
                verouderd_na_dagen: 0,
                totalen: Totalen::som(rijen.iter().map(|r| &r.totalen)),
                provincies: gebieden_uit_rijen(&rijen, GebiedSoort::Provincie),
                veiligheidsregios: gebieden_uit_rijen(&rijen, GebiedSoort::Veiligheidsregio),
                controles: Vec::new(),
                rijen,
            }
        })
        .collect();
    Aggregatie {
        rapporten,
        bronnen,
        dubbel,
        conflicten,
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::demo_db;
    use super::super::{bytes, bytes_in, rapport, VngFormaat};
    use super::*;

    /// A report written in English (headers, sheet names, type labels, dates, separators) reads
    /// back to the same rows as the Dutch one, and the two files are the same report, no conflict.
    #[tokio::test]
    async fn english_csv_and_xlsx_reports_read_back_like_dutch_ones() {
        let dir = tempfile::tempdir().unwrap();
        let db = demo_db(dir.path()).await;
        let r = rapport(&db, "2026-11-23".parse().unwrap()).await.unwrap();
        db.close().await;
        for (formaat, extensie) in [(VngFormaat::Csv, "csv"), (VngFormaat::Xlsx, "xlsx")] {
            let en = bytes_in(&r, formaat, Taal::En).unwrap();
            let nl = bytes_in(&r, formaat, Taal::Nl).unwrap();
            if formaat == VngFormaat::Csv {
                let tekst = String::from_utf8(en.clone()).unwrap();
                let kop = tekst.lines().next().unwrap();
                assert!(
                    kop.starts_with("\u{feff}Reference date,Municipality code,"),
                    "{kop}"
                );
                assert!(
                    tekst.contains(",23/11/2026,") || tekst.contains("\n23/11/2026,"),
                    "{tekst}"
                );
                assert!(!tekst.contains("Peildatum"), "{kop}");
            }
            let naam_en = format!("en.{extensie}");
            let gelezen = super::super::lezen(&naam_en, &en).unwrap();
            assert_eq!(gelezen.peildatum, r.peildatum, "{naam_en}");
            assert_eq!(gelezen.rijen, r.rijen, "{naam_en}");
            let a = lezen(&[(naam_en.clone(), en), (format!("nl.{extensie}"), nl)]).unwrap();
            assert!(a.conflicten.is_empty(), "{naam_en}");
            assert_eq!(a.rapporten[0].totalen, r.totalen, "{naam_en}");
        }
    }

    #[tokio::test]
    async fn each_format_aggregates_to_the_same_totals_and_conflicts_name_both_files() {
        let dir = tempfile::tempdir().unwrap();
        let db = demo_db(dir.path()).await;
        let r = rapport(&db, "2026-11-23".parse().unwrap()).await.unwrap();
        db.close().await;
        for formaat in [VngFormaat::Xlsx, VngFormaat::Csv, VngFormaat::Json] {
            let naam = format!("gemeenten.{}", format!("{formaat:?}").to_lowercase());
            let inhoud = bytes(&r, formaat).unwrap();
            // The identical file twice is simply deduplicated.
            let a = lezen(&[
                (naam.clone(), inhoud.clone()),
                ("kopie-".to_owned() + &naam, inhoud),
            ])
            .unwrap();
            assert_eq!(a.rapporten.len(), 1, "{naam}");
            assert_eq!(a.rapporten[0].totalen, r.totalen, "{naam}");
            assert_eq!(a.rapporten[0].provincies, r.provincies, "{naam}");
            assert_eq!(
                a.rapporten[0].veiligheidsregios, r.veiligheidsregios,
                "{naam}"
            );
            assert!(a.conflicten.is_empty());
            assert!(a.dubbel > 0);
        }

        let mut anders = r.clone();
        let code = anders.rijen[0].gemeente_code.clone();
        anders.rijen[0].totalen.bezetting.ontheemden += 1;
        anders.rijen[0].totalen.afleiden();
        let a = lezen(&[
            (
                "utrecht.json".to_owned(),
                bytes(&r, VngFormaat::Json).unwrap(),
            ),
            (
                "utrecht-v2.csv".to_owned(),
                bytes(&anders, VngFormaat::Csv).unwrap(),
            ),
        ])
        .unwrap();
        assert_eq!(a.conflicten.len(), 1);
        assert_eq!(a.conflicten[0].gemeente_code, code);
        assert_eq!(
            a.conflicten[0].bestanden,
            vec!["utrecht.json", "utrecht-v2.csv"]
        );
        let zonder: Vec<_> = r.rijen.iter().filter(|x| x.gemeente_code != code).collect();
        assert_eq!(
            a.rapporten[0].totalen,
            Totalen::som(zonder.iter().map(|x| &x.totalen)),
            "the conflicting municipality is left out, never merged"
        );

        let fout = lezen(&[
            ("goed.json".to_owned(), bytes(&r, VngFormaat::Json).unwrap()),
            ("kapot.csv".to_owned(), b"Peildatum;Gemeente\r\n".to_vec()),
        ])
        .unwrap_err();
        assert!(
            fout.message.starts_with("kapot.csv, rij 1: de kolom"),
            "{}",
            fout.message
        );
    }
}

#[cfg(test)]
mod ontvangen_tests {
    use super::super::tests::demo_db;
    use super::super::{bytes, rapport, VngFormaat};
    use super::*;
    use crate::error::ErrorCode;

    crate::storage::testdb::beide_backends!(
        async fn received_reports_are_kept_once_conflicts_shown_and_removable(db) {
            let dir = tempfile::tempdir().unwrap();
            let bron = demo_db(dir.path()).await;
            let r = rapport(&bron, "2026-11-23".parse().unwrap()).await.unwrap();
            bron.close().await;
            let mut anders = r.clone();
            let code = anders.rijen[0].gemeente_code.clone();
            anders.rijen[0].totalen.bezetting.ontheemden += 1;
            anders.rijen[0].totalen.afleiden();
            let json = bytes(&r, VngFormaat::Json).unwrap();

            let ontvangst = db
                .vng_ontvangen_toevoegen(&[
                    ("regio.json".to_owned(), json.clone()),
                    ("regio-kopie.json".to_owned(), json.clone()),
                    ("regio-v2.csv".to_owned(), bytes(&anders, VngFormaat::Csv).unwrap()),
                ])
                .await
                .unwrap();
            assert_eq!(ontvangst, Ontvangst { toegevoegd: 2, al_ontvangen: 1 });

            let overzicht = db.vng_ontvangen().await.unwrap();
            let namen: Vec<_> = overzicht.bestanden.iter().map(|b| b.bestand.as_str()).collect();
            assert_eq!(namen, ["regio-v2.csv", "regio.json"]);
            let gemeenten = r.rijen.iter().map(|x| &x.gemeente_code).collect::<std::collections::BTreeSet<_>>();
            assert_eq!(overzicht.bestanden[1].gemeenten, gemeenten.len() as i64);
            let a = &overzicht.aggregatie;
            assert_eq!(a.conflicten.len(), 1);
            assert_eq!(a.conflicten[0].gemeente_code, code);
            assert_eq!(a.conflicten[0].bestanden.len(), 2);
            let zonder = r.rijen.iter().filter(|x| x.gemeente_code != code);
            assert_eq!(a.rapporten[0].totalen, Totalen::som(zonder.map(|x| &x.totalen)));

            // Receiving the same files again changes nothing.
            let audit_voor = db.auditlog(None).await.unwrap().len();
            let nogmaals = db
                .vng_ontvangen_toevoegen(&[("andere-naam.json".to_owned(), json.clone())])
                .await
                .unwrap();
            assert_eq!(nogmaals, Ontvangst { toegevoegd: 0, al_ontvangen: 1 });

            // A malformed file refuses the whole batch: the good file beside it is not stored.
            let fout = db
                .vng_ontvangen_toevoegen(&[
                    ("goed.xlsx".to_owned(), bytes(&r, VngFormaat::Xlsx).unwrap()),
                    ("kapot.csv".to_owned(), b"Peildatum;Gemeente\r\n".to_vec()),
                ])
                .await
                .unwrap_err();
            assert!(fout.message.starts_with("kapot.csv"), "{}", fout.message);
            assert_eq!(db.vng_ontvangen().await.unwrap().bestanden.len(), 2);
            assert_eq!(db.auditlog(None).await.unwrap().len(), audit_voor);

            // Removing the wrong version resolves the conflict; the totals are the report's own.
            let v2 = overzicht.bestanden[0].id;
            db.vng_ontvangen_verwijderen(v2).await.unwrap();
            let na = db.vng_ontvangen().await.unwrap();
            assert!(na.aggregatie.conflicten.is_empty());
            assert_eq!(na.aggregatie.rapporten[0].totalen, r.totalen);
            assert_eq!(na.aggregatie.rapporten[0].provincies, r.provincies);
            let log = db.auditlog(None).await.unwrap();
            let acties: Vec<_> = log
                .iter()
                .filter(|l| l.tabel == "vng_ontvangen")
                .map(|l| l.actie.as_str())
                .collect();
            assert_eq!(acties.iter().filter(|a| **a == "toevoegen").count(), 2);
            assert_eq!(acties.iter().filter(|a| **a == "verwijderen").count(), 1);

            let weg = db.vng_ontvangen_verwijderen(v2).await.unwrap_err();
            assert_eq!(weg.code, ErrorCode::NietGevonden);
        }
    );
}
