//! The VNG report as versioned JSON (schema: `schemas/vng-rapport-v1.schema.json`) and back.

use super::tabel::GelezenRijen;
use super::{VngRapport, MAX_AANTAL, SCHEMA_VERSIE};
use crate::error::{CoreError, CoreResult};

/// The public address of the schema the JSON follows (the file is in the repository).
pub const SCHEMA_ID: &str = "https://opvangplanner.nl/schemas/vng-rapport-v1.schema.json";

/// The report as pretty-printed JSON.
pub fn schrijven(rapport: &VngRapport) -> CoreResult<Vec<u8>> {
    let mut waarde = serde_json::to_value(rapport).map_err(|e| {
        CoreError::bestand("fout.reports_vng_json.rapport_niet_geschreven").met("fout", &e)
    })?;
    if let Some(object) = waarde.as_object_mut() {
        object.insert("$schema".to_owned(), SCHEMA_ID.into());
    }
    let mut bytes = serde_json::to_vec_pretty(&waarde).map_err(|e| {
        CoreError::bestand("fout.reports_vng_json.rapport_niet_geschreven").met("fout", &e)
    })?;
    bytes.push(b'\n');
    Ok(bytes)
}

/// Reads a JSON report: the schema version first, then the rows, whose derived numbers must agree.
pub fn lezen(bestand: &str, bytes: &[u8]) -> CoreResult<GelezenRijen> {
    let waarde: serde_json::Value = serde_json::from_slice(bytes).map_err(|e| {
        CoreError::bestand("fout.reports_vng_json.regel_kolom_geen_geldige")
            .met("bestand", &bestand)
            .met("line", &e.line())
            .met("column", &e.column())
            .met("fout", &e)
    })?;
    match waarde.get("schemaversie") {
        Some(v) if v.as_i64() == Some(SCHEMA_VERSIE) => {}
        Some(v) => {
            return Err(CoreError::bestand(
                "fout.reports_vng_json.veld_schemaversie_schemaversie_niet",
            )
            .met("bestand", &bestand)
            .met("v", &v)
            .met("schema_versie", &SCHEMA_VERSIE))
        }
        None => {
            return Err(CoreError::bestand(
                "fout.reports_vng_json.veld_schemaversie_ontbreekt_geen",
            )
            .met("bestand", &bestand))
        }
    }
    let rapport: VngRapport = serde_json::from_slice(bytes).map_err(|e| {
        CoreError::bestand("fout.reports_vng_json.regel_kolom")
            .met("bestand", &bestand)
            .met("line", &e.line())
            .met("column", &e.column())
            .met("fout", &e)
    })?;
    for (i, rij) in rapport.rijen.iter().enumerate() {
        let code = &rij.gemeente_code;
        if code.len() != 6
            || !code.starts_with("GM")
            || !code[2..].chars().all(|c| c.is_ascii_digit())
        {
            return Err(
                CoreError::bestand("fout.reports_vng_json.rijen_veld_gemeente_code")
                    .met("bestand", &bestand)
                    .met("i", &i)
                    .met("code", &code),
            );
        }
        let t = &rij.totalen;
        let aantallen = [
            ("totalen.locaties", t.locaties),
            ("totalen.gerealiseerd", t.gerealiseerd),
            ("totalen.niet_inzetbaar", t.niet_inzetbaar),
            ("totalen.bezetting.ontheemden", t.bezetting.ontheemden),
            ("totalen.bezetting.statushouders", t.bezetting.statushouders),
            ("totalen.bezetting.asielzoekers", t.bezetting.asielzoekers),
            ("totalen.bezetting.overig", t.bezetting.overig),
            ("totalen.verouderd", t.verouderd),
            ("totalen.overbezet", t.overbezet),
            ("totalen.zonder_peiling", t.zonder_peiling),
            ("einde_binnen_zes_maanden", rij.einde_binnen_zes_maanden),
        ];
        for (veld, waarde) in aantallen {
            if !(0..=MAX_AANTAL).contains(&waarde) {
                return Err(CoreError::bestand(
                    "fout.reports_vng_json.rijen_veld_aantal_buiten_bereik",
                )
                .met("bestand", &bestand)
                .met("i", &i)
                .met("gemeente_code", &rij.gemeente_code)
                .met("veld", &veld)
                .met("waarde", &waarde)
                .met("grens", &crate::format::aantal(MAX_AANTAL)));
            }
        }
        let mut herberekend = rij.totalen.clone();
        herberekend.afleiden();
        let velden = [
            ("inzetbaar", rij.totalen.inzetbaar, herberekend.inzetbaar),
            ("bezet", rij.totalen.bezet, herberekend.bezet),
            ("vrij", rij.totalen.vrij, herberekend.vrij),
        ];
        for (veld, gelezen, verwacht) in velden {
            if gelezen != verwacht {
                return Err(
                    CoreError::bestand("fout.reports_vng_json.rijen_veld_totalen_klopt")
                        .met("bestand", &bestand)
                        .met("i", &i)
                        .met("gemeente_code", &rij.gemeente_code)
                        .met("veld", &veld)
                        .met("gelezen", &gelezen)
                        .met("verwacht", &verwacht),
                );
            }
        }
        if herberekend != rij.totalen {
            return Err(
                CoreError::bestand("fout.reports_vng_json.rijen_veld_totalen_graad")
                    .met("bestand", &bestand)
                    .met("i", &i)
                    .met("gemeente_code", &rij.gemeente_code),
            );
        }
    }
    Ok(GelezenRijen {
        peildatum: rapport.peildatum,
        rijen: rapport.rijen,
    })
}
