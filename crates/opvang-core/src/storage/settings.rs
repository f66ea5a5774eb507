//! SQL for settings stored in the database itself (shared by everyone using that database).

use super::{Backend, Db};
use crate::error::{CoreError, CoreResult};
use crate::occupancy::STANDAARD_VEROUDERD_NA_DAGEN;

const VEROUDERD_NA_DAGEN: &str = "verouderd_na_dagen";

impl Db {
    /// After how many days a snapshot counts as stale (default 14).
    pub async fn verouderd_na_dagen(&self) -> CoreResult<i64> {
        let waarde: Option<String> =
            sqlx::query_scalar("SELECT waarde FROM instelling WHERE sleutel = $1")
                .bind(VEROUDERD_NA_DAGEN)
                .fetch_optional(&self.pool)
                .await?;
        Ok(waarde
            .and_then(|w| w.parse().ok())
            .unwrap_or(STANDAARD_VEROUDERD_NA_DAGEN))
    }

    pub async fn verouderd_na_dagen_instellen(&self, dagen: i64) -> CoreResult<()> {
        if !(1..=365).contains(&dagen) {
            return Err(CoreError::validatie(
                "verouderd_na_dagen",
                "fout.storage_settings.aantal_dagen_waarna_peiling",
            ));
        }
        sqlx::query(
            "INSERT INTO instelling (sleutel, waarde) VALUES ($1, $2) \
             ON CONFLICT (sleutel) DO UPDATE SET waarde = excluded.waarde",
        )
        .bind(VEROUDERD_NA_DAGEN)
        .bind(dagen.to_string())
        .execute(&self.pool)
        .await?;
        Ok(())
    }
}

/// What the user may do; on a team server the database itself enforces it with roles and grants.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Rol {
    /// Owner of the database (always so for a local file): everything, including migrations.
    Beheerder,
    /// Keeps the register and occupancy up to date.
    Planner,
    /// Reviews conversions; reads the register.
    Beoordelaar,
    /// Reads only.
    Lezer,
    /// A login without any Opvangplanner role.
    Geen,
}

impl Rol {
    /// Whether this role may change locations, capacity and occupancy.
    pub fn mag_registreren(self) -> bool {
        matches!(self, Rol::Beheerder | Rol::Planner)
    }
}

/// Which database is open, how much it holds and who works in it, for settings and first start.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
#[ts(export)]
pub struct DatabaseInfo {
    pub pad: String,
    pub backend: Backend,
    pub gebruiker: String,
    pub rol: Rol,
    pub locaties: i64,
    pub verouderd_na_dagen: i64,
}

impl Db {
    pub async fn info(&self) -> CoreResult<DatabaseInfo> {
        let locaties: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM locatie")
            .fetch_one(&self.pool)
            .await?;
        Ok(DatabaseInfo {
            pad: self.pad().to_owned(),
            backend: self.backend(),
            gebruiker: self.gebruiker().await?,
            rol: self.rol().await?,
            locaties,
            verouderd_na_dagen: self.verouderd_na_dagen().await?,
        })
    }

    /// The user's role: the database owner of a local file, or the login's group role on a server.
    pub async fn rol(&self) -> CoreResult<Rol> {
        if self.backend() == Backend::Sqlite {
            return Ok(Rol::Beheerder);
        }
        let rol: String = sqlx::query_scalar(
            "SELECT CASE \
               WHEN (SELECT rolsuper FROM pg_roles WHERE rolname = session_user) \
                 OR (SELECT datdba FROM pg_database WHERE datname = current_database()) \
                    = (SELECT oid FROM pg_roles WHERE rolname = session_user) THEN 'beheerder' \
               WHEN pg_has_role(session_user, 'opvang_planner', 'MEMBER') THEN 'planner' \
               WHEN pg_has_role(session_user, 'opvang_beoordelaar', 'MEMBER') THEN 'beoordelaar' \
               WHEN pg_has_role(session_user, 'opvang_lezer', 'MEMBER') THEN 'lezer' \
               ELSE 'geen' END",
        )
        .fetch_one(&self.pool)
        .await?;
        Ok(match rol.as_str() {
            "beheerder" => Rol::Beheerder,
            "planner" => Rol::Planner,
            "beoordelaar" => Rol::Beoordelaar,
            "lezer" => Rol::Lezer,
            _ => Rol::Geen,
        })
    }
}
