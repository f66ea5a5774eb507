//! `opvang status`: the dashboard totals for a peildatum as Dutch text.

use std::fmt::Write;

use chrono::NaiveDate;
use opvang_core::format::{aantal, datum, percentage};
use opvang_core::occupancy::{Gebied, SignaalSoort};
use opvang_core::overview::dashboard;
use opvang_core::{CoreError, Db};

/// The status report for the whole register or one municipality.
pub async fn rapport(
    db: &Db,
    peildatum: NaiveDate,
    gemeente: Option<String>,
) -> Result<String, CoreError> {
    let (gebied, gebied_naam) = match gemeente {
        None => (Gebied::land(), "alle gemeenten".to_owned()),
        Some(code) => {
            let code = code.trim().to_uppercase();
            let naam = db
                .gemeenten()
                .await?
                .into_iter()
                .find(|g| g.code == code)
                .map(|g| g.naam)
                .ok_or_else(|| {
                    CoreError::validatie(
                        "gemeente",
                        "fout.cli_status.onbekende_gemeentecode_gebruik_cbs",
                    )
                    .met("code", &(format!("{:?}", code)))
                })?;
            (Gebied::gemeente(&code), format!("{naam} ({code})"))
        }
    };
    let d = dashboard(db, peildatum, &gebied).await?;
    let t = &d.totalen;
    let mut uit = String::new();
    let regel = |uit: &mut String, label: &str, waarde: String| {
        let _ = writeln!(uit, "{label:<40}{waarde:>10}");
    };
    let _ = writeln!(uit, "Stand op {} — {gebied_naam}", datum(peildatum));
    let _ = writeln!(uit);
    regel(&mut uit, "Locaties met capaciteit", aantal(t.locaties));
    regel(&mut uit, "Gerealiseerde plaatsen", aantal(t.gerealiseerd));
    regel(&mut uit, "Niet inzetbaar", aantal(t.niet_inzetbaar));
    regel(&mut uit, "Inzetbare plaatsen", aantal(t.inzetbaar));
    regel(&mut uit, "Bezet", aantal(t.bezet));
    regel(&mut uit, "  ontheemden", aantal(t.bezetting.ontheemden));
    regel(
        &mut uit,
        "  statushouders",
        aantal(t.bezetting.statushouders),
    );
    regel(&mut uit, "  asielzoekers", aantal(t.bezetting.asielzoekers));
    regel(&mut uit, "  overig", aantal(t.bezetting.overig));
    regel(&mut uit, "Vrij", aantal(t.vrij));
    regel(
        &mut uit,
        "Bezettingsgraad (bezet/gerealiseerd)",
        percentage(t.graad),
    );
    regel(
        &mut uit,
        "Bezetting inzetbaar (bezet/inzetbaar)",
        percentage(t.graad_inzetbaar),
    );
    let _ = writeln!(uit);

    let lijst = |soort: SignaalSoort| d.signalen.iter().filter(move |s| s.soort == soort);
    let _ = writeln!(
        uit,
        "Verouderde peilingen (ouder dan {} dagen): {}",
        d.verouderd_na_dagen, t.verouderd
    );
    for s in lijst(SignaalSoort::Verouderd) {
        let _ = writeln!(
            uit,
            "  - {} ({}): laatste peiling {}, {} dagen oud",
            s.locatie_naam,
            s.gemeente_naam,
            s.peildatum.map_or("–".to_owned(), datum),
            s.waarde
        );
    }
    let _ = writeln!(uit, "Overbezette locaties: {}", t.overbezet);
    for s in lijst(SignaalSoort::Overbezet) {
        let _ = writeln!(
            uit,
            "  - {} ({}): {} plaatsen te veel bezet",
            s.locatie_naam,
            s.gemeente_naam,
            aantal(s.waarde)
        );
    }
    let _ = writeln!(uit, "Locaties zonder peiling: {}", t.zonder_peiling);
    for s in lijst(SignaalSoort::ZonderPeiling) {
        let _ = writeln!(uit, "  - {} ({})", s.locatie_naam, s.gemeente_naam);
    }
    Ok(uit)
}
