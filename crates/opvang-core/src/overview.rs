//! The dashboard: totals, breakdown per municipality, alerts and the trend for an area at a date.

use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::CoreResult;
use crate::occupancy::totals::{per_gebied, signalen, trend};
use crate::occupancy::{Gebied, GebiedSoort, GebiedTotalen, Signaal, Totalen, TrendPunt};
use crate::storage::Db;

/// Weeks of history the dashboard trend shows (18 months).
pub const TREND_WEKEN: i64 = 78;

/// Everything the dashboard and `opvang status` show for one area and peildatum.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Dashboard {
    pub peildatum: NaiveDate,
    pub gebied: Gebied,
    pub totalen: Totalen,
    pub per_gemeente: Vec<GebiedTotalen>,
    pub signalen: Vec<Signaal>,
    pub verouderd_na_dagen: i64,
}

/// Totals, breakdown and alerts at `peildatum`.
pub async fn dashboard(db: &Db, peildatum: NaiveDate, gebied: &Gebied) -> CoreResult<Dashboard> {
    let standen = db.standen(peildatum, gebied).await?;
    Ok(Dashboard {
        peildatum,
        gebied: gebied.clone(),
        totalen: Totalen::van(&standen),
        per_gemeente: per_gebied(&standen, GebiedSoort::Gemeente),
        signalen: signalen(&standen, peildatum),
        verouderd_na_dagen: db.verouderd_na_dagen().await?,
    })
}

/// Totals per area of `soort` (e.g. province, safety region) over the whole country at `peildatum`,
/// sorted by area name; they sum to the dashboard's country totals.
pub async fn rollup(
    db: &Db,
    peildatum: NaiveDate,
    soort: GebiedSoort,
) -> CoreResult<Vec<GebiedTotalen>> {
    let standen = db.standen(peildatum, &Gebied::land()).await?;
    Ok(per_gebied(&standen, soort))
}

/// Weekly totals over the 18 months up to `tot` (inclusive), oldest first.
pub async fn trend_tot(db: &Db, tot: NaiveDate, gebied: &Gebied) -> CoreResult<Vec<TrendPunt>> {
    let datums: Vec<NaiveDate> = (0..TREND_WEKEN)
        .rev()
        .map(|weken| tot - Duration::weeks(weken))
        .collect();
    let historie = db.historie_tussen(gebied, datums[0], tot).await?;
    Ok(trend(&historie, &datums))
}
