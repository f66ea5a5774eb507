//! Commands for the spreadsheet import: receive a file, read it, preview it with a mapping, import it.
//!
//! The file read last stays in [`ImportBuffer`] between the steps, so a 100k-row file crosses IPC
//! once. Reading runs on a blocking thread and the import on the async runtime, never on the
//! main thread, so the window stays responsive; progress goes through a `Channel`.

use std::sync::{Arc, Mutex};

use opvang_core::import::{
    lees_bestand, ontleed, ImportBestand, ImportVoorbeeld, Koppeling, Tabel,
};
use opvang_core::progress::Voortgang;
use opvang_core::storage::ImportResultaat;
use opvang_core::{vandaag, CoreError, CoreResult};
use tauri::ipc::{Channel, InvokeBody, Request};
use tauri::State;

use crate::AppState;

/// The bytes of the file the user chose, and the table read from them.
#[derive(Default)]
pub struct ImportBuffer {
    bytes: Mutex<Vec<u8>>,
    tabel: Mutex<Option<Arc<Tabel>>>,
}

impl ImportBuffer {
    fn tabel(&self) -> CoreResult<Arc<Tabel>> {
        self.tabel
            .lock()
            .expect("import buffer lock")
            .clone()
            .ok_or_else(|| CoreError::bestand("fout.app_import.kies_eerst_bestand_importeren"))
    }
}

/// Receives the chosen file's bytes as the raw request body (from an `<input type="file">`).
#[tauri::command]
pub fn import_ontvangen(
    buffer: State<'_, ImportBuffer>,
    request: Request<'_>,
) -> CoreResult<usize> {
    let InvokeBody::Raw(bytes) = request.body() else {
        return Err(CoreError::bestand("fout.app_import.geen_bestand_ontvangen"));
    };
    *buffer.bytes.lock().expect("import buffer lock") = bytes.clone();
    Ok(bytes.len())
}

/// Reads the received file named `naam`: its heading row and the saved or automatic mapping.
#[tauri::command(rename_all = "snake_case")]
pub async fn import_lezen(
    state: State<'_, AppState>,
    buffer: State<'_, ImportBuffer>,
    naam: String,
) -> CoreResult<ImportBestand> {
    let bytes = std::mem::take(&mut *buffer.bytes.lock().expect("import buffer lock"));
    let (naam, tabel) = tauri::async_runtime::spawn_blocking(move || {
        let tabel = lees_bestand(&naam, &bytes);
        (naam, tabel)
    })
    .await
    .map_err(|e| CoreError::bestand("fout.app_import.bestand_niet_gelezen").met("fout", &e))?;
    let tabel = Arc::new(tabel?);
    *buffer.tabel.lock().expect("import buffer lock") = Some(tabel.clone());
    let opgeslagen = state.db().await.opgeslagen_koppeling(&tabel.koppen).await?;
    Ok(ImportBestand::van(&naam, &tabel, opgeslagen))
}

/// Previews the read file with `koppeling` (saving a corrected mapping): problems and a dry run.
#[tauri::command(rename_all = "snake_case")]
pub async fn import_voorbeeld(
    state: State<'_, AppState>,
    buffer: State<'_, ImportBuffer>,
    koppeling: Koppeling,
    voortgang: Channel<Voortgang>,
) -> CoreResult<ImportVoorbeeld> {
    let tabel = buffer.tabel()?;
    state
        .db()
        .await
        .import_voorbeeld(&tabel, &koppeling, vandaag(), |stap| {
            let _ = voortgang.send(stap);
        })
        .await
}

/// Imports the read file with `koppeling` in one transaction: all or nothing.
#[tauri::command(rename_all = "snake_case")]
pub async fn import_uitvoeren(
    state: State<'_, AppState>,
    buffer: State<'_, ImportBuffer>,
    koppeling: Koppeling,
    voortgang: Channel<Voortgang>,
) -> CoreResult<ImportResultaat> {
    let tabel = buffer.tabel()?;
    let db = state.db().await;
    let ontleding = ontleed(&tabel, &koppeling, &db.gemeenten().await?, vandaag())?;
    db.importeren(&ontleding, false, |stap| {
        let _ = voortgang.send(stap);
    })
    .await
}
