//! SQL for the VNG report: locations whose municipality code is not in the division in force.

use sqlx::Row;

use super::Db;
use crate::error::CoreResult;

/// A location the as-of state leaves out because its municipality is unknown (e.g. after a merger).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OnbekendeGemeenteLocatie {
    pub locatie_id: i64,
    pub naam: String,
    pub gemeente_code: String,
}

impl Db {
    /// Locations whose municipality code is not in the newest shipped division, by code and name.
    pub async fn locaties_met_onbekende_gemeente(
        &self,
    ) -> CoreResult<Vec<OnbekendeGemeenteLocatie>> {
        let rows = sqlx::query(
            "SELECT l.id, l.naam, l.gemeente_code FROM locatie l \
             WHERE NOT EXISTS (SELECT 1 FROM gemeente_actueel g WHERE g.code = l.gemeente_code) \
             ORDER BY l.gemeente_code, l.naam",
        )
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(OnbekendeGemeenteLocatie {
                    locatie_id: r.try_get("id")?,
                    naam: r.try_get("naam")?,
                    gemeente_code: r.try_get("gemeente_code")?,
                })
            })
            .collect()
    }
}

#[cfg(test)]
impl Db {
    /// Runs raw SQL, for tests that need data the typed functions refuse to write.
    pub(crate) async fn test_sql(&self, sql: &str, id: Option<i64>) {
        sqlx::query(sql).bind(id).execute(&self.pool).await.unwrap();
    }
}
