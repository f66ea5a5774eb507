//! Copying a whole database into an empty one: how a planner's local file moves to a team server.

use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};

use super::audit::{self, Wijziging};
use super::{Backend, Db};
use crate::error::{CoreError, CoreResult};
use crate::format::aantal_in;
use crate::i18n;
use crate::progress::Voortgang;

/// How a column is read and written while copying.
#[derive(Clone, Copy)]
enum Soort {
    Geheel,
    Kommagetal,
    Tekst,
}

use Soort::{Geheel, Kommagetal, Tekst};

/// Every table with user data, parents before children, with its columns.
const TABELLEN: &[(&str, &[(&str, Soort)])] = &[
    (
        "locatie",
        &[
            ("id", Geheel),
            ("gemeente_code", Tekst),
            ("naam", Tekst),
            ("straat", Tekst),
            ("huisnummer", Tekst),
            ("postcode", Tekst),
            ("plaats", Tekst),
            ("lat", Kommagetal),
            ("lon", Kommagetal),
            ("bag_id", Tekst),
            ("soort", Tekst),
            ("beheerder", Tekst),
            ("status", Tekst),
            ("openingsdatum", Tekst),
            ("einddatum", Tekst),
            ("vergunning", Tekst),
            ("financiering", Tekst),
            ("wooneenheden", Geheel),
            ("eigen_voordeur", Geheel),
            ("eigen_keuken", Geheel),
            ("eigen_sanitair", Geheel),
            ("vloeroppervlak", Geheel),
            ("kosten_per_jaar", Geheel),
            ("pipeline_kans", Geheel),
            ("notities", Tekst),
            ("versie", Geheel),
        ],
    ),
    (
        "locatie_status",
        &[
            ("id", Geheel),
            ("locatie_id", Geheel),
            ("status", Tekst),
            ("vanaf", Tekst),
            ("reden", Tekst),
        ],
    ),
    (
        "locatie_financiering",
        &[
            ("id", Geheel),
            ("locatie_id", Geheel),
            ("financiering", Tekst),
            ("vanaf", Tekst),
        ],
    ),
    (
        "capaciteit",
        &[
            ("id", Geheel),
            ("locatie_id", Geheel),
            ("vanaf", Tekst),
            ("tot_en_met", Tekst),
            ("plaatsen", Geheel),
            ("versie", Geheel),
        ],
    ),
    (
        "peiling",
        &[
            ("locatie_id", Geheel),
            ("peildatum", Tekst),
            ("niet_inzetbaar", Geheel),
            ("reden_niet_inzetbaar", Tekst),
            ("versie", Geheel),
        ],
    ),
    (
        "bezetting",
        &[
            ("locatie_id", Geheel),
            ("peildatum", Tekst),
            ("doelgroep", Tekst),
            ("aantal", Geheel),
        ],
    ),
    ("instelling", &[("sleutel", Tekst), ("waarde", Tekst)]),
    (
        "criteriaset",
        &[
            ("id", Geheel),
            ("nummer", Geheel),
            ("naam", Tekst),
            ("criteria", Tekst),
            ("aangemaakt", Tekst),
            ("aangemaakt_door", Tekst),
            ("versie", Geheel),
        ],
    ),
    (
        "beoordeling",
        &[
            ("id", Geheel),
            ("locatie_id", Geheel),
            ("criteriaset_id", Geheel),
            ("opsteller", Tekst),
            ("datum", Tekst),
            ("scores", Tekst),
            ("totaal", Geheel),
            ("categorie", Tekst),
            ("versie", Geheel),
        ],
    ),
    (
        "review",
        &[
            ("id", Geheel),
            ("beoordeling_id", Geheel),
            ("locatie_id", Geheel),
            ("status", Tekst),
            ("besluit", Tekst),
            ("indiener", Tekst),
            ("ingediend_op", Tekst),
            ("beoordelaar", Tekst),
            ("besluitdatum", Tekst),
            ("toelichting", Tekst),
            ("vervangt_id", Geheel),
            ("versie", Geheel),
        ],
    ),
    (
        "review_opmerking",
        &[
            ("id", Geheel),
            ("review_id", Geheel),
            ("tijdstip", Tekst),
            ("gebruiker", Tekst),
            ("tekst", Tekst),
        ],
    ),
    (
        "review_bijlage",
        &[
            ("id", Geheel),
            ("review_id", Geheel),
            ("pad", Tekst),
            ("sha256", Tekst),
            ("bytes", Geheel),
            ("tijdstip", Tekst),
            ("gebruiker", Tekst),
        ],
    ),
    (
        "scenario",
        &[
            ("id", Geheel),
            ("naam", Tekst),
            ("beschrijving", Tekst),
            ("parameters", Tekst),
            ("aangemaakt", Tekst),
            ("aangemaakt_door", Tekst),
            ("gewijzigd", Tekst),
            ("gewijzigd_door", Tekst),
            ("versie", Geheel),
        ],
    ),
    (
        "normbedrag",
        &[
            ("id", Geheel),
            ("regeling", Tekst),
            ("geldig_vanaf", Tekst),
            ("bedrag_cent", Geheel),
            ("toelichting", Tekst),
            ("historisch", Geheel),
            ("versie", Geheel),
        ],
    ),
    (
        "vng_ontvangen",
        &[
            ("id", Geheel),
            ("bestand", Tekst),
            ("sha256", Tekst),
            ("peildatum", Tekst),
            ("rijen", Tekst),
            ("ontvangen", Tekst),
            ("ontvangen_door", Tekst),
        ],
    ),
    (
        "auditlog",
        &[
            ("id", Geheel),
            ("tijdstip", Tekst),
            ("gebruiker", Tekst),
            ("tabel", Tekst),
            ("record", Tekst),
            ("locatie_id", Geheel),
            ("actie", Tekst),
            ("voor", Tekst),
            ("na", Tekst),
        ],
    ),
];

/// Tables whose `id` comes from a sequence that must continue after the copied ids.
const MET_ID: &[&str] = &[
    "locatie",
    "locatie_status",
    "locatie_financiering",
    "capaciteit",
    "auditlog",
    "criteriaset",
    "beoordeling",
    "review",
    "review_opmerking",
    "review_bijlage",
    "scenario",
    "normbedrag",
    "vng_ontvangen",
];

/// Rows per INSERT statement; keeps the number of parameters far below every backend's limit.
const PER_KEER: usize = 400;

enum Waarde {
    Geheel(Option<i64>),
    Kommagetal(Option<f64>),
    Tekst(Option<String>),
}

fn lees(row: &AnyRow, kolommen: &[(&str, Soort)]) -> CoreResult<Vec<Waarde>> {
    kolommen
        .iter()
        .map(|&(kolom, soort)| {
            Ok(match soort {
                Geheel => Waarde::Geheel(row.try_get(kolom)?),
                Kommagetal => Waarde::Kommagetal(row.try_get(kolom)?),
                Tekst => Waarde::Tekst(row.try_get(kolom)?),
            })
        })
        .collect()
}

async fn schrijf(
    conn: &mut AnyConnection,
    tabel: &str,
    kolommen: &[(&str, Soort)],
    rijen: &[Vec<Waarde>],
) -> CoreResult<()> {
    let namen: Vec<&str> = kolommen.iter().map(|(k, _)| *k).collect();
    let mut sql = format!("INSERT INTO {tabel} ({}) VALUES ", namen.join(", "));
    let mut n = 0;
    for (i, _) in rijen.iter().enumerate() {
        if i > 0 {
            sql.push_str(", ");
        }
        let plekken: Vec<String> = (0..kolommen.len())
            .map(|_| {
                n += 1;
                format!("${n}")
            })
            .collect();
        sql.push_str(&format!("({})", plekken.join(", ")));
    }
    let mut query = sqlx::query(&sql);
    for rij in rijen {
        for waarde in rij {
            query = match waarde {
                Waarde::Geheel(v) => query.bind(*v),
                Waarde::Kommagetal(v) => query.bind(*v),
                Waarde::Tekst(v) => query.bind(v.clone()),
            };
        }
    }
    query.execute(conn).await?;
    Ok(())
}

impl Db {
    /// Copies all locations, capacity, snapshots, settings, criteria sets, assessments, reviews,
    /// saved scenarios, normbedragen, received VNG reports and the audit log into `doel`, which
    /// must hold no locations yet. One transaction on the target: all of it arrives, or nothing.
    pub async fn kopieer_naar(
        &self,
        doel: &Db,
        mut voortgang: impl FnMut(Voortgang),
    ) -> CoreResult<usize> {
        if doel.info().await?.locaties > 0 {
            return Err(CoreError::validatie(
                "doel",
                "fout.storage_copy.doeldatabase_bevat_locaties_kopieren",
            ));
        }
        let gebruiker = doel.gebruiker().await?;
        let mut tx = doel.pool.begin().await?;
        let mut totaal = 0;
        for (stap, (tabel, kolommen)) in TABELLEN.iter().enumerate() {
            let namen: Vec<&str> = kolommen.iter().map(|(k, _)| *k).collect();
            // Rows in insertion order, so a review that supersedes another arrives after it.
            let volgorde = if kolommen[0].0 == "id" {
                " ORDER BY id"
            } else {
                ""
            };
            let rows = sqlx::query(&format!(
                "SELECT {} FROM {tabel}{volgorde}",
                namen.join(", ")
            ))
            .fetch_all(&self.pool)
            .await?;
            let rijen: Vec<Vec<Waarde>> = rows
                .iter()
                .map(|row| lees(row, kolommen))
                .collect::<CoreResult<_>>()?;
            // The target's own settings and shipped default criteria set make way for the copy.
            if matches!(*tabel, "instelling" | "criteriaset") {
                sqlx::query(&format!("DELETE FROM {tabel}"))
                    .execute(&mut *tx)
                    .await?;
            }
            for blok in rijen.chunks(PER_KEER) {
                schrijf(&mut tx, tabel, kolommen, blok).await?;
            }
            totaal += rijen.len();
            voortgang(Voortgang::nieuw(
                stap as u64 + 1,
                TABELLEN.len() as u64,
                "voortgang.kopie",
                &[
                    ("tabel", tabel),
                    (
                        "rijen",
                        &aantal_in(i18n::actieve_taal(), rijen.len() as i64),
                    ),
                ],
            ));
        }
        if doel.backend == Backend::Postgres {
            for tabel in MET_ID {
                sqlx::query(&format!(
                    "SELECT setval(pg_get_serial_sequence('{tabel}', 'id'), \
                     COALESCE((SELECT MAX(id) FROM {tabel}), 0) + 1, false)"
                ))
                .execute(&mut *tx)
                .await?;
            }
        }
        audit::schrijf(
            &mut tx,
            &gebruiker,
            Wijziging {
                tabel: "database",
                record: self.pad().to_owned(),
                locatie_id: 0,
                actie: "kopie",
                voor: None,
                na: Some(format!("{{\"rijen\":{totaal}}}")),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(totaal)
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use crate::occupancy::{Gebied, Totalen};
    use crate::storage::testdb;

    #[tokio::test]
    async fn a_local_database_moves_to_an_empty_server_whole() {
        let Some(server) = testdb::postgres().await else {
            return;
        };
        let dir = tempfile::tempdir().unwrap();
        let lokaal = crate::storage::Db::open(&dir.path().join("lokaal.db"))
            .await
            .unwrap();
        let vandaag: NaiveDate = "2026-11-23".parse().unwrap();
        crate::demo::laden(&lokaal, vandaag, |_| {}).await.unwrap();
        let set = lokaal.criteriasets().await.unwrap().remove(0);
        let beoordeling = lokaal
            .beoordeling_toevoegen(
                &lokaal
                    .beoordeling_voorinvullen(1, set.id, vandaag)
                    .await
                    .unwrap(),
            )
            .await
            .unwrap();
        let review = lokaal.review_starten(beoordeling.id).await.unwrap();
        let review = lokaal
            .review_opmerking(review.id, "Schouw plannen.")
            .await
            .unwrap();

        let mut stappen = 0;
        let rijen = lokaal
            .kopieer_naar(&server.db, |_| stappen += 1)
            .await
            .unwrap();
        assert!(rijen > 10_000, "{rijen} rows");
        assert_eq!(
            stappen, 16,
            "one step per table, scenarios, normbedragen and received reports included"
        );
        assert_eq!(server.db.criteriasets().await.unwrap().len(), 1);
        assert_eq!(
            server.db.beoordeling(beoordeling.id).await.unwrap(),
            beoordeling
        );
        assert_eq!(server.db.review(review.id).await.unwrap(), review);
        let totalen = |db: crate::storage::Db| async move {
            Totalen::van(&db.standen(vandaag, &Gebied::land()).await.unwrap())
        };
        assert_eq!(
            totalen(lokaal.clone()).await,
            totalen(server.db.clone()).await
        );
        let lokaal_log = lokaal.auditlog(None).await.unwrap();
        let server_log = server.db.auditlog(None).await.unwrap();
        assert_eq!(
            server_log.len(),
            lokaal_log.len() + 1,
            "history plus the copy itself"
        );
        assert_eq!(
            server_log[1].gebruiker, lokaal_log[0].gebruiker,
            "authors kept"
        );

        // New records continue after the copied ids; a second copy is refused.
        let nieuw = server
            .db
            .locatie_toevoegen(
                &crate::locations::voorbeeld_invoer("GM0344", "Na de kopie"),
                vandaag,
            )
            .await
            .unwrap();
        assert_eq!(nieuw.id, 41);
        let err = lokaal.kopieer_naar(&server.db, |_| {}).await.unwrap_err();
        assert_eq!(err.field.as_deref(), Some("doel"));
        server.opruimen().await;
    }
}
