//! SQL for the audit log: who changed which record when, with the record before and after.

use serde::Serialize;
use sqlx::{AnyConnection, Row};
use ts_rs::TS;

use super::{Backend, Db};
use crate::error::{CoreError, CoreResult};

/// One entry of the audit log; `voor` and `na` are the record as JSON (absent when created/deleted).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct AuditRegel {
    pub id: i64,
    /// UTC time in RFC 3339.
    pub tijdstip: String,
    pub gebruiker: String,
    pub tabel: String,
    pub record: String,
    pub locatie_id: Option<i64>,
    pub actie: String,
    pub voor: Option<String>,
    pub na: Option<String>,
}

/// What a storage function records about its change, written in the change's own transaction.
pub(super) struct Wijziging<'a> {
    pub tabel: &'a str,
    pub record: String,
    pub locatie_id: i64,
    pub actie: &'a str,
    pub voor: Option<String>,
    pub na: Option<String>,
}

pub(super) fn json(waarde: &impl Serialize) -> Option<String> {
    Some(serde_json::to_string(waarde).expect("domain records serialize"))
}

/// Appends one entry; on PostgreSQL the database overwrites `gebruiker` with the login.
pub(super) async fn schrijf(
    conn: &mut AnyConnection,
    gebruiker: &str,
    wijziging: Wijziging<'_>,
) -> CoreResult<()> {
    sqlx::query(
        "INSERT INTO auditlog (tijdstip, gebruiker, tabel, record, locatie_id, actie, voor, na) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true))
    .bind(gebruiker.to_owned())
    .bind(wijziging.tabel)
    .bind(wijziging.record)
    .bind(wijziging.locatie_id)
    .bind(wijziging.actie)
    .bind(wijziging.voor)
    .bind(wijziging.na)
    .execute(conn)
    .await?;
    Ok(())
}

/// Writes one audit entry for a record that belongs to no location (a scenario, a received report).
pub(super) async fn zonder_locatie(
    conn: &mut AnyConnection,
    gebruiker: &str,
    tabel: &str,
    record: i64,
    actie: &str,
    voor: Option<String>,
    na: Option<String>,
) -> CoreResult<()> {
    sqlx::query(
        "INSERT INTO auditlog (tijdstip, gebruiker, tabel, record, locatie_id, actie, voor, na) \
         VALUES ($1, $2, $3, $4, NULL, $5, $6, $7)",
    )
    .bind(chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true))
    .bind(gebruiker.to_owned())
    .bind(tabel.to_owned())
    .bind(record.to_string())
    .bind(actie.to_owned())
    .bind(voor)
    .bind(na)
    .execute(conn)
    .await?;
    Ok(())
}

/// Appends `wijzigingen` in their order, all with the same time, in multi-row statements; on
/// PostgreSQL the database overwrites `gebruiker` with the login.
pub(super) async fn schrijf_alle(
    conn: &mut AnyConnection,
    backend: Backend,
    gebruiker: &str,
    wijzigingen: &[Wijziging<'_>],
) -> CoreResult<()> {
    for statement in statements(backend, gebruiker, wijzigingen) {
        statement?.uitvoeren(conn).await?;
    }
    Ok(())
}

/// The statements [`schrijf_alle`] runs, built without a connection.
pub(super) fn statements<'r>(
    backend: Backend,
    gebruiker: &str,
    wijzigingen: &'r [Wijziging<'_>],
) -> impl Iterator<Item = CoreResult<super::bulk::Statement>> + 'r {
    let tijdstip = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
    let gebruiker = gebruiker.to_owned();
    super::bulk::statements(
        backend,
        "INSERT INTO auditlog (tijdstip, gebruiker, tabel, record, locatie_id, actie, voor, na)",
        "",
        8,
        wijzigingen,
        move |q, w| {
            q.bind(tijdstip.clone())
                .bind(gebruiker.clone())
                .bind(w.tabel.to_owned())
                .bind(w.record.clone())
                .bind(w.locatie_id)
                .bind(w.actie.to_owned())
                .bind(w.voor.clone())
                .bind(w.na.clone())
        },
    )
}

const GEBRUIKER: &str = "gebruiker";

/// The operating-system account name, from the usual variables or the home folder's name.
fn systeemgebruiker() -> String {
    ["USER", "USERNAME", "LOGNAME"]
        .iter()
        .find_map(|var| std::env::var(var).ok().filter(|v| !v.is_empty()))
        .or_else(|| {
            let home = std::path::PathBuf::from(std::env::var_os("HOME")?);
            Some(home.file_name()?.to_string_lossy().into_owned())
        })
        .unwrap_or_else(|| "onbekend".to_owned())
}

impl Db {
    /// Who is making changes: the login on a team server, else the name set in the settings
    /// (or the operating-system user until one is set).
    pub async fn gebruiker(&self) -> CoreResult<String> {
        if self.backend == Backend::Postgres {
            return Ok(sqlx::query_scalar("SELECT CAST(session_user AS TEXT)")
                .fetch_one(&self.pool)
                .await?);
        }
        let naam: Option<String> =
            sqlx::query_scalar("SELECT waarde FROM instelling WHERE sleutel = $1")
                .bind(GEBRUIKER)
                .fetch_optional(&self.pool)
                .await?;
        Ok(naam.unwrap_or_else(systeemgebruiker))
    }

    /// Sets the user's name for a local database; on a team server the login is the name.
    pub async fn gebruiker_instellen(&self, naam: &str) -> CoreResult<()> {
        let naam = naam.trim();
        if naam.is_empty() || naam.chars().count() > 100 {
            return Err(CoreError::validatie(
                "gebruiker",
                "fout.storage_audit.vul_naam_hoogstens_100",
            ));
        }
        if self.backend == Backend::Postgres {
            return Err(CoreError::validatie(
                "gebruiker",
                "fout.storage_audit.teamdatabase_naam_inlognaam_server",
            ));
        }
        sqlx::query(
            "INSERT INTO instelling (sleutel, waarde) VALUES ($1, $2) \
             ON CONFLICT (sleutel) DO UPDATE SET waarde = excluded.waarde",
        )
        .bind(GEBRUIKER)
        .bind(naam.to_owned())
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// The audit log, newest first: of one location, or of everything.
    pub async fn auditlog(&self, locatie_id: Option<i64>) -> CoreResult<Vec<AuditRegel>> {
        let rows = sqlx::query(
            "SELECT id, tijdstip, gebruiker, tabel, record, locatie_id, actie, voor, na \
             FROM auditlog WHERE ($1 IS NULL OR locatie_id = $1) ORDER BY id DESC",
        )
        .bind(locatie_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(AuditRegel {
                    id: r.try_get("id")?,
                    tijdstip: r.try_get("tijdstip")?,
                    gebruiker: r.try_get("gebruiker")?,
                    tabel: r.try_get("tabel")?,
                    record: r.try_get("record")?,
                    locatie_id: r.try_get("locatie_id")?,
                    actie: r.try_get("actie")?,
                    voor: r.try_get("voor")?,
                    na: r.try_get("na")?,
                })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::error::ErrorCode;
    use crate::locations::{voorbeeld_invoer, CapaciteitInvoer, LocatieStatus, StatusWijziging};
    use crate::occupancy::{Bezetting, PeilingInvoer};
    use crate::storage::{testdb, Rol};

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    crate::storage::testdb::beide_backends!(
        async fn every_change_is_logged_with_before_and_after(db) {
            if db.backend() == Backend::Sqlite {
                db.gebruiker_instellen("Anna de Planner").await.unwrap();
                assert_eq!(db.gebruiker().await.unwrap(), "Anna de Planner");
            } else {
                let err = db.gebruiker_instellen("Anna").await.unwrap_err();
                assert_eq!(err.field.as_deref(), Some("gebruiker"));
            }
            let wie = db.gebruiker().await.unwrap();
            let locatie = db
                .locatie_toevoegen(&voorbeeld_invoer("GM0344", "Hotel Oud"), d("2026-01-01"))
                .await
                .unwrap();
            let mut nieuw = locatie.gegevens.clone();
            nieuw.naam = "Hotel Nieuw".into();
            let locatie = db
                .locatie_wijzigen(locatie.id, locatie.versie, &nieuw, d("2026-01-02"))
                .await
                .unwrap();
            db.capaciteit_toevoegen(&CapaciteitInvoer {
                locatie_id: locatie.id,
                vanaf: d("2025-01-01"),
                tot_en_met: None,
                plaatsen: 30,
            })
            .await
            .unwrap();
            db.peilingen_opslaan(
                &[PeilingInvoer {
                    locatie_id: locatie.id,
                    peildatum: d("2026-01-05"),
                    bezetting: Bezetting {
                        ontheemden: 25,
                        ..Bezetting::default()
                    },
                    niet_inzetbaar: 0,
                    reden_niet_inzetbaar: String::new(),
                    versie: None,
                }],
                d("2026-01-06"),
            )
            .await
            .unwrap();
            db.status_wijzigen(&StatusWijziging {
                locatie_id: locatie.id,
                versie: locatie.versie,
                nieuwe_status: LocatieStatus::StandBy,
                datum: d("2026-01-07"),
                reden: String::new(),
            })
            .await
            .unwrap();

            let log = db.auditlog(Some(locatie.id)).await.unwrap();
            let acties: Vec<_> = log
                .iter()
                .map(|r| (r.tabel.as_str(), r.actie.as_str()))
                .collect();
            assert_eq!(
                acties,
                vec![
                    ("locatie", "status"),
                    ("peiling", "toevoegen"),
                    ("capaciteit", "toevoegen"),
                    ("locatie", "wijzigen"),
                    ("locatie", "toevoegen"),
                ]
            );
            assert!(log.iter().all(|r| r.gebruiker == wie));
            let wijziging = &log[3];
            assert!(wijziging.voor.as_deref().unwrap().contains("\"naam\":\"Hotel Oud\""));
            assert!(wijziging.na.as_deref().unwrap().contains("\"naam\":\"Hotel Nieuw\""));
            assert!(log[1].na.as_deref().unwrap().contains("\"ontheemden\":25"));
            assert_eq!(db.auditlog(None).await.unwrap().len(), 5);
            assert!(db.auditlog(Some(locatie.id + 1)).await.unwrap().is_empty());

            // The log is append-only, also for someone with direct SQL access.
            assert!(sqlx::query("UPDATE auditlog SET gebruiker = 'x'")
                .execute(&db.pool)
                .await
                .is_err());
            assert!(sqlx::query("DELETE FROM auditlog").execute(&db.pool).await.is_err());
            assert_eq!(db.auditlog(None).await.unwrap().len(), 5);
        }
    );

    #[tokio::test]
    async fn roles_are_enforced_by_the_server() {
        let Some(test) = testdb::postgres().await else {
            return;
        };
        for (login, groep) in [
            ("opvang_test_lezer", "opvang_lezer"),
            ("opvang_test_planner", "opvang_planner"),
            ("opvang_test_beoordelaar", "opvang_beoordelaar"),
        ] {
            test.als_beheerder(&format!(
                "DO $$ BEGIN CREATE ROLE {login} LOGIN; \
                 EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$; \
                 GRANT {groep} TO {login}"
            ))
            .await;
        }
        assert_eq!(test.db.rol().await.unwrap(), Rol::Beheerder);

        let lezer = Db::open_postgres(&test.url_als("opvang_test_lezer"))
            .await
            .unwrap();
        assert_eq!(lezer.rol().await.unwrap(), Rol::Lezer);
        let err = lezer
            .locatie_toevoegen(&voorbeeld_invoer("GM0344", "Hotel"), d("2026-01-01"))
            .await
            .unwrap_err();
        assert_eq!(err.code, ErrorCode::GeenRechten, "{err:?}");
        assert_eq!(
            err.message,
            "Uw rol in de teamdatabase staat deze wijziging niet toe."
        );

        let beoordelaar = Db::open_postgres(&test.url_als("opvang_test_beoordelaar"))
            .await
            .unwrap();
        assert_eq!(beoordelaar.rol().await.unwrap(), Rol::Beoordelaar);
        let err = beoordelaar
            .locatie_toevoegen(&voorbeeld_invoer("GM0344", "Hotel"), d("2026-01-01"))
            .await
            .unwrap_err();
        assert_eq!(err.code, ErrorCode::GeenRechten);

        let planner = Db::open_postgres(&test.url_als("opvang_test_planner"))
            .await
            .unwrap();
        assert_eq!(planner.rol().await.unwrap(), Rol::Planner);
        let locatie = planner
            .locatie_toevoegen(&voorbeeld_invoer("GM0344", "Hotel"), d("2026-01-01"))
            .await
            .unwrap();
        // The reader sees the planner's work, and the log names the login.
        assert_eq!(
            lezer.locatie(locatie.id).await.unwrap().gegevens.naam,
            "Hotel"
        );
        let log = lezer.auditlog(Some(locatie.id)).await.unwrap();
        assert_eq!(log[0].gebruiker, "opvang_test_planner");
        // Nobody can write the log directly under another name.
        sqlx::query(
            "INSERT INTO auditlog (tijdstip, gebruiker, tabel, record, actie) \
             VALUES ('2026-01-01', 'iemand anders', 'locatie', '1', 'wijzigen')",
        )
        .execute(&planner.pool)
        .await
        .unwrap();
        let log = planner.auditlog(None).await.unwrap();
        assert_eq!(log[0].gebruiker, "opvang_test_planner");

        for db in [lezer, beoordelaar, planner] {
            db.close().await;
        }
        test.opruimen().await;
    }
}
