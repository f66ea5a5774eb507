//! SQL for settings stored in the database itself (shared by everyone using that database).

use super::Db;
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
                "Het aantal dagen waarna een peiling verouderd is moet tussen 1 en 365 liggen.",
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

/// Which database is open and how much it holds, for the settings screen and the first start.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
#[ts(export)]
pub struct DatabaseInfo {
    pub pad: String,
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
            locaties,
            verouderd_na_dagen: self.verouderd_na_dagen().await?,
        })
    }
}
