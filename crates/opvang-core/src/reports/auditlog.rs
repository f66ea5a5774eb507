//! The audit log as a CSV file for Excel in the active language: Dutch with `;` between cells,
//! English with `,`; UTF-8 with BOM, CRLF lines.

use std::path::Path;

use chrono::{DateTime, Local};

use crate::error::{CoreError, CoreResult};
use crate::format::spreadsheet_veilig;
use crate::i18n::{self, Taal};
use crate::storage::AuditRegel;
use crate::Db;

/// Catalog keys of the header row, in the active language when written.
const KOPPEN: [&str; 8] = [
    "export.auditlog.tijdstip",
    "export.auditlog.gebruiker",
    "export.auditlog.tabel",
    "export.auditlog.record",
    "export.auditlog.locatie",
    "export.auditlog.actie",
    "export.auditlog.voor",
    "export.auditlog.na",
];

/// A text cell a spreadsheet would read as a formula gets a leading quote, so it stays text.
fn cel(tekst: &str) -> String {
    spreadsheet_veilig(tekst).into_owned()
}

/// The RFC 3339 UTC time as local date and time as Excel in `taal` reads it (`23-11-2026
/// 16:05:09`, English `23/11/2026 16:05:09`).
fn tijdstip(taal: Taal, rfc3339: &str) -> String {
    let formaat = match taal {
        Taal::Nl => "%d-%m-%Y %H:%M:%S",
        Taal::En => "%d/%m/%Y %H:%M:%S",
    };
    DateTime::parse_from_rfc3339(rfc3339)
        .map(|t| t.with_timezone(&Local).format(formaat).to_string())
        .unwrap_or_else(|_| rfc3339.to_owned())
}

/// The CSV bytes for these log entries, with a header row, in the active language.
pub fn csv(regels: &[AuditRegel]) -> CoreResult<Vec<u8>> {
    let taal = i18n::actieve_taal();
    let mut schrijver = csv::WriterBuilder::new()
        .delimiter(match taal {
            Taal::Nl => b';',
            Taal::En => b',',
        })
        .terminator(csv::Terminator::CRLF)
        .from_writer(b"\xEF\xBB\xBF".to_vec());
    let fout = |e: csv::Error| {
        CoreError::bestand("fout.reports_auditlog.auditlog_niet_geschreven").met("fout", &e)
    };
    schrijver
        .write_record(KOPPEN.map(|k| i18n::tekst(taal, k)))
        .map_err(fout)?;
    for regel in regels {
        let locatie = regel
            .locatie_id
            .map(|id| id.to_string())
            .unwrap_or_default();
        schrijver
            .write_record([
                cel(&tijdstip(taal, &regel.tijdstip)),
                cel(&regel.gebruiker),
                cel(&regel.tabel),
                cel(&regel.record),
                locatie,
                cel(&regel.actie),
                cel(regel.voor.as_deref().unwrap_or_default()),
                cel(regel.na.as_deref().unwrap_or_default()),
            ])
            .map_err(fout)?;
    }
    schrijver.into_inner().map_err(|e| {
        CoreError::bestand("fout.reports_auditlog.auditlog_niet_geschreven").met("fout", &e)
    })
}

/// Writes the audit log (of one location, or all) to `pad`; returns the number of entries.
pub async fn exporteren(db: &Db, locatie_id: Option<i64>, pad: &Path) -> CoreResult<usize> {
    let regels = db.auditlog(locatie_id).await?;
    std::fs::write(pad, csv(&regels)?).map_err(|e| {
        CoreError::bestand("fout.reports_auditlog.bestand_niet_geschreven")
            .met("pad", &pad.display())
            .met("fout", &e)
    })?;
    Ok(regels.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn regel(gebruiker: &str, na: Option<&str>) -> AuditRegel {
        AuditRegel {
            id: 1,
            tijdstip: "2026-11-23T10:15:00.000Z".into(),
            gebruiker: gebruiker.into(),
            tabel: "locatie".into(),
            record: "7".into(),
            locatie_id: Some(7),
            actie: "wijzigen".into(),
            voor: None,
            na: na.map(str::to_owned),
        }
    }

    #[test]
    fn writes_excel_csv_with_bom_semicolons_and_crlf() {
        let bytes = csv(&[regel("Anna; de Planner", Some(r#"{"naam":"Hotel Oud"}"#))]).unwrap();
        assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
        let tekst = String::from_utf8(bytes[3..].to_vec()).unwrap();
        let regels: Vec<&str> = tekst.split("\r\n").collect();
        assert_eq!(
            regels[0],
            "Tijdstip;Gebruiker;Tabel;Record;Locatie;Actie;Voor;Na"
        );
        let verwacht_tijd = tijdstip(Taal::Nl, "2026-11-23T10:15:00.000Z");
        assert!(verwacht_tijd.starts_with("23-11-2026 "), "{verwacht_tijd}");
        assert_eq!(
            regels[1],
            format!(
                r#"{verwacht_tijd};"Anna; de Planner";locatie;7;7;wijzigen;;"{{""naam"":""Hotel Oud""}}""#
            )
        );
        assert_eq!(regels[2], "");
        assert_eq!(regels.len(), 3);
    }

    #[test]
    fn neutralises_cells_that_look_like_formulas() {
        for (invoer, uit) in [
            ("=SOM(A1)", "'=SOM(A1)"),
            ("+31", "'+31"),
            ("-1", "'-1"),
            ("@cmd", "'@cmd"),
            ("\tx", "'\tx"),
            ("\rx", "'\rx"),
            ("Anna", "Anna"),
            ("", ""),
        ] {
            assert_eq!(cel(invoer), uit);
        }
        let bytes = csv(&[regel("=HYPERLINK(\"x\")", None)]).unwrap();
        let tekst = String::from_utf8(bytes).unwrap();
        assert!(tekst.contains(r#";"'=HYPERLINK(""x"")";"#), "{tekst}");
    }

    #[tokio::test]
    async fn exports_a_locations_log_to_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::open(&dir.path().join("a.db")).await.unwrap();
        let locatie = db
            .locatie_toevoegen(
                &crate::locations::voorbeeld_invoer("GM0344", "Hotel"),
                "2026-01-01".parse().unwrap(),
            )
            .await
            .unwrap();
        let pad = dir.path().join("log.csv");
        assert_eq!(exporteren(&db, Some(locatie.id), &pad).await.unwrap(), 1);
        let tekst = String::from_utf8(std::fs::read(&pad).unwrap()).unwrap();
        assert_eq!(tekst.lines().count(), 2);
        assert!(tekst.contains(";locatie;"));
        let err = exporteren(&db, None, &dir.path().join("geen/map/log.csv"))
            .await
            .unwrap_err();
        assert_eq!(err.code, crate::ErrorCode::Bestand);
        db.close().await;
    }
}
