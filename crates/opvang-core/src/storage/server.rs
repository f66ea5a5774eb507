//! Connection settings of a team server and the "test connection" check.

use serde::{Deserialize, Serialize};
use sqlx::any::AnyPoolOptions;
use ts_rs::TS;

use super::{Db, Rol};
use crate::error::{CoreError, CoreResult};
use crate::i18n;

/// Where the team's PostgreSQL server is; the password is never part of it (it lives in the
/// OS keyring and is added only to build the connection URL).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ServerInstellingen {
    pub host: String,
    pub poort: u16,
    pub database: String,
    pub gebruiker: String,
}

/// What "Verbinding testen" found on the server.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ServerTest {
    pub serverversie: String,
    /// Whether the connection is encrypted (TLS is used whenever the server offers it).
    pub versleuteld: bool,
    pub rol: Rol,
    pub locaties: i64,
}

/// Percent-encodes a URL component (user name, password, database name).
fn codeer(tekst: &str) -> String {
    tekst
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

impl ServerInstellingen {
    pub fn valideer(&self) -> CoreResult<()> {
        for (veld, waarde, label) in [
            ("host", &self.host, "label.serverveld.host"),
            ("database", &self.database, "label.serverveld.database"),
            ("gebruiker", &self.gebruiker, "label.serverveld.gebruiker"),
        ] {
            if waarde.trim().is_empty() {
                let label = i18n::tekst(i18n::actieve_taal(), label);
                return Err(
                    CoreError::validatie(veld, "fout.storage_server.vul").met("label", &label)
                );
            }
        }
        if self.host.contains(['/', '@', ' ', '?']) {
            return Err(CoreError::validatie(
                "host",
                "fout.storage_server.serveradres_mag_geen_spatie",
            ));
        }
        if self.poort == 0 {
            return Err(CoreError::validatie(
                "poort",
                "fout.storage_server.poort_moet_tussen_1",
            ));
        }
        Ok(())
    }

    /// The connection URL; TLS is used when the server offers it (`sslmode=prefer`).
    pub fn url(&self, wachtwoord: Option<&str>) -> String {
        let inlog = match wachtwoord.filter(|w| !w.is_empty()) {
            Some(w) => format!("{}:{}", codeer(self.gebruiker.trim()), codeer(w)),
            None => codeer(self.gebruiker.trim()),
        };
        format!(
            "postgres://{inlog}@{}:{}/{}?sslmode=prefer",
            self.host.trim(),
            self.poort,
            codeer(self.database.trim())
        )
    }
}

impl Db {
    /// Connects once with the given settings and reports what it found; changes nothing.
    pub async fn verbinding_testen(
        instellingen: &ServerInstellingen,
        wachtwoord: Option<&str>,
    ) -> CoreResult<ServerTest> {
        instellingen.valideer()?;
        sqlx::any::install_default_drivers();
        let pool = AnyPoolOptions::new()
            .max_connections(1)
            .acquire_timeout(std::time::Duration::from_secs(10))
            .connect(&instellingen.url(wachtwoord))
            .await
            .map_err(|e| {
                CoreError::database("fout.storage_server.geen_verbinding")
                    .met("host", &instellingen.host)
                    .met("poort", &instellingen.poort)
                    .met("fout", &e)
            })?;
        let serverversie: String = sqlx::query_scalar("SHOW server_version")
            .fetch_one(&pool)
            .await?;
        let versleuteld: bool = sqlx::query_scalar(
            "SELECT COALESCE((SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()), false)",
        )
        .fetch_one(&pool)
        .await?;
        pool.close().await;
        let db = Db::open_postgres(&instellingen.url(wachtwoord)).await?;
        let info = db.info().await?;
        db.close().await;
        Ok(ServerTest {
            serverversie,
            versleuteld,
            rol: info.rol,
            locaties: info.locaties,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::testdb;

    fn instellingen() -> ServerInstellingen {
        ServerInstellingen {
            host: "db.regio.example".into(),
            poort: 5432,
            database: "opvang regio".into(),
            gebruiker: "anna".into(),
        }
    }

    #[test]
    fn builds_a_url_with_encoded_secrets() {
        assert_eq!(
            instellingen().url(Some("p@ss:w/rd")),
            "postgres://anna:p%40ss%3Aw%2Frd@db.regio.example:5432/opvang%20regio?sslmode=prefer"
        );
        assert_eq!(
            instellingen().url(None),
            "postgres://anna@db.regio.example:5432/opvang%20regio?sslmode=prefer"
        );
        let mut fout = instellingen();
        fout.host = String::new();
        assert_eq!(fout.valideer().unwrap_err().field.as_deref(), Some("host"));
        let mut fout = instellingen();
        fout.poort = 0;
        assert_eq!(fout.valideer().unwrap_err().field.as_deref(), Some("poort"));
    }

    #[tokio::test]
    async fn tests_a_real_server_connection_with_tls() {
        let Some(test) = testdb::postgres().await else {
            return;
        };
        let url = test.url_als("postgres");
        let (_, rest) = url.split_once("://").unwrap();
        let (gebruiker, rest) = rest.split_once('@').unwrap();
        let (adres, database) = rest.split_once('/').unwrap();
        let (host, poort) = adres.split_once(':').unwrap();
        let instellingen = ServerInstellingen {
            host: host.into(),
            poort: poort.parse().unwrap(),
            database: database.into(),
            gebruiker: gebruiker.into(),
        };
        let uitslag = Db::verbinding_testen(&instellingen, None).await.unwrap();
        assert!(uitslag.versleuteld, "the test server offers TLS");
        assert_eq!(uitslag.rol, Rol::Beheerder);
        assert_eq!(uitslag.locaties, 0);

        let mut verkeerd = instellingen.clone();
        verkeerd.poort = 1;
        let err = Db::verbinding_testen(&verkeerd, None).await.unwrap_err();
        assert!(
            err.message.starts_with("Geen verbinding met 127.0.0.1:1"),
            "{}",
            err.message
        );
        test.opruimen().await;
    }
}
