//! `opvang status`: the dashboard totals for a peildatum as text in the language of `--taal`.

use std::fmt::Write;

use chrono::NaiveDate;
use opvang_core::occupancy::{Gebied, SignaalSoort};
use opvang_core::overview::dashboard;
use opvang_core::{CoreError, Db};

use crate::tekst::{self, aantal, datum, percentage};

/// The status report for the whole register or one municipality.
pub async fn rapport(
    db: &Db,
    peildatum: NaiveDate,
    gemeente: Option<String>,
) -> Result<String, CoreError> {
    let (gebied, gebied_naam) = match gemeente {
        None => (Gebied::land(), tekst::t("cli.alle_gemeenten")),
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
    let regel = |uit: &mut String, sleutel: &str, waarde: String| {
        let label = tekst::t(sleutel);
        let _ = writeln!(uit, "{label:<40}{waarde:>10}");
    };
    let doelgroep = |uit: &mut String, sleutel: &str, waarde: i64| {
        let label = format!("  {}", tekst::t(sleutel));
        let _ = writeln!(uit, "{label:<40}{:>10}", aantal(waarde));
    };
    let _ = writeln!(
        uit,
        "{}",
        tekst::t_met(
            "cli.status.kop",
            &[("datum", &datum(peildatum)), ("gebied", &gebied_naam)]
        )
    );
    let _ = writeln!(uit);
    regel(&mut uit, "cli.status.locaties", aantal(t.locaties));
    regel(&mut uit, "cli.status.gerealiseerd", aantal(t.gerealiseerd));
    regel(
        &mut uit,
        "cli.status.niet_inzetbaar",
        aantal(t.niet_inzetbaar),
    );
    regel(&mut uit, "cli.status.inzetbaar", aantal(t.inzetbaar));
    regel(&mut uit, "cli.status.bezet", aantal(t.bezet));
    let b = &t.bezetting;
    doelgroep(&mut uit, "label.doelgroep.ontheemden", b.ontheemden);
    doelgroep(&mut uit, "label.doelgroep.statushouders", b.statushouders);
    doelgroep(&mut uit, "label.doelgroep.asielzoekers", b.asielzoekers);
    doelgroep(&mut uit, "label.doelgroep.overig", b.overig);
    regel(&mut uit, "cli.status.vrij", aantal(t.vrij));
    regel(&mut uit, "cli.status.graad", percentage(t.graad));
    regel(
        &mut uit,
        "cli.status.graad_inzetbaar",
        percentage(t.graad_inzetbaar),
    );
    let _ = writeln!(uit);

    let lijst = |soort: SignaalSoort| d.signalen.iter().filter(move |s| s.soort == soort);
    let _ = writeln!(
        uit,
        "{}",
        tekst::t_met(
            "cli.status.verouderd",
            &[
                ("dagen", &d.verouderd_na_dagen),
                ("aantal", &aantal(t.verouderd)),
            ]
        )
    );
    for s in lijst(SignaalSoort::Verouderd) {
        let _ = writeln!(
            uit,
            "{}",
            tekst::t_met(
                "cli.status.verouderd_regel",
                &[
                    ("locatie", &s.locatie_naam),
                    ("gemeente", &s.gemeente_naam),
                    ("datum", &s.peildatum.map_or("–".to_owned(), datum)),
                    ("dagen", &aantal(s.waarde)),
                ]
            )
        );
    }
    let _ = writeln!(
        uit,
        "{}",
        tekst::t_met("cli.status.overbezet", &[("aantal", &aantal(t.overbezet))])
    );
    for s in lijst(SignaalSoort::Overbezet) {
        let _ = writeln!(
            uit,
            "{}",
            tekst::t_met(
                "cli.status.overbezet_regel",
                &[
                    ("locatie", &s.locatie_naam),
                    ("gemeente", &s.gemeente_naam),
                    ("aantal", &aantal(s.waarde)),
                ]
            )
        );
    }
    let _ = writeln!(
        uit,
        "{}",
        tekst::t_met(
            "cli.status.zonder_peiling",
            &[("aantal", &aantal(t.zonder_peiling))]
        )
    );
    for s in lijst(SignaalSoort::ZonderPeiling) {
        let _ = writeln!(uit, "  - {} ({})", s.locatie_naam, s.gemeente_naam);
    }
    Ok(uit)
}
