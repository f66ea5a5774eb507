//! Commands for VNG reporting: the report with its checks for a peildatum, its export, the
//! report files received from municipalities with the aggregated view they make, and the yearly
//! occupancy workbook.

use std::path::PathBuf;

use chrono::NaiveDate;
use opvang_core::reports::vng::aggregatie::{OntvangenOverzicht, Ontvangst};
use opvang_core::reports::vng::{self, VngFormaat, VngRapport};
use opvang_core::{CoreError, CoreResult};
use tauri::ipc::{InvokeBody, Request};
use tauri::State;

use crate::AppState;

#[tauri::command(rename_all = "snake_case")]
pub async fn vng_rapport(
    state: State<'_, AppState>,
    peildatum: NaiveDate,
) -> CoreResult<VngRapport> {
    vng::rapport(&state.db().await, peildatum).await
}

/// Writes the report to the file the user chose in the save dialog; returns the rows written.
#[tauri::command(rename_all = "snake_case")]
pub async fn vng_rapport_exporteren(
    state: State<'_, AppState>,
    peildatum: NaiveDate,
    formaat: VngFormaat,
    pad: PathBuf,
) -> CoreResult<usize> {
    let rapport = vng::rapport(&state.db().await, peildatum).await?;
    vng::exporteren(&rapport, formaat, &pad)
}

/// Splits a `vng_ontvangen_toevoegen` body into its named files. The body is a 4-byte
/// little-endian length, that many bytes of JSON listing `[name, length]` per file, then the
/// files' bytes one after the other in that order (see `vngOntvangenToevoegen` in the UI's api).
fn bestanden_uit(request: &Request<'_>) -> CoreResult<Vec<(String, Vec<u8>)>> {
    let onleesbaar = || CoreError::bestand("fout.app_rapportage.geen_rapporten_ontvangen");
    let InvokeBody::Raw(body) = request.body() else {
        return Err(onleesbaar());
    };
    let (lengte, rest) = body.split_first_chunk::<4>().ok_or_else(onleesbaar)?;
    let (lijst, mut rest) = rest
        .split_at_checked(u32::from_le_bytes(*lengte) as usize)
        .ok_or_else(onleesbaar)?;
    let lijst: Vec<(String, usize)> = serde_json::from_slice(lijst).map_err(|_| onleesbaar())?;
    let mut bestanden = Vec::with_capacity(lijst.len());
    for (naam, lengte) in lijst {
        let (inhoud, verder) = rest.split_at_checked(lengte).ok_or_else(onleesbaar)?;
        bestanden.push((naam, inhoud.to_vec()));
        rest = verder;
    }
    if !rest.is_empty() || bestanden.is_empty() {
        return Err(onleesbaar());
    }
    Ok(bestanden)
}

/// Receives the VNG report files the user chose (raw body, see [`bestanden_uit`]) into the
/// database's aggregated view: all of them, or none when one is malformed.
#[tauri::command]
pub async fn vng_ontvangen_toevoegen(
    state: State<'_, AppState>,
    request: Request<'_>,
) -> CoreResult<Ontvangst> {
    let bestanden = bestanden_uit(&request)?;
    state.db().await.vng_ontvangen_toevoegen(&bestanden).await
}

/// The received report files and the regional, provincial and national view they make.
#[tauri::command]
pub async fn vng_ontvangen(state: State<'_, AppState>) -> CoreResult<OntvangenOverzicht> {
    state.db().await.vng_ontvangen().await
}

/// Removes one received report file (e.g. the wrong version of a conflict).
#[tauri::command]
pub async fn vng_ontvangen_verwijderen(state: State<'_, AppState>, id: i64) -> CoreResult<()> {
    state.db().await.vng_ontvangen_verwijderen(id).await
}

/// Writes the aggregated report of one peildatum (XLSX, CSV, JSON or PDF) to the chosen file;
/// returns the rows written.
#[tauri::command(rename_all = "snake_case")]
pub async fn vng_aggregatie_exporteren(
    state: State<'_, AppState>,
    peildatum: NaiveDate,
    formaat: VngFormaat,
    pad: PathBuf,
) -> CoreResult<usize> {
    let overzicht = state.db().await.vng_ontvangen().await?;
    let rapport = overzicht
        .aggregatie
        .rapporten
        .iter()
        .find(|r| r.peildatum == peildatum)
        .ok_or_else(|| {
            CoreError::niet_gevonden("fout.app_rapportage.geen_ontvangen_rapporten_peildatum")
                .met("peildatum", &opvang_core::format::datum(peildatum))
        })?;
    vng::exporteren(rapport, formaat, &pad)
}

/// Writes the yearly occupancy workbook (a sheet per month) to the chosen file; returns the locations.
#[tauri::command(rename_all = "snake_case")]
pub async fn jaarwerkboek_exporteren(
    state: State<'_, AppState>,
    jaar: i32,
    pad: PathBuf,
) -> CoreResult<usize> {
    opvang_core::reports::jaarwerkboek::exporteren(
        &state.db().await,
        jaar,
        opvang_core::vandaag(),
        &pad,
    )
    .await
}
