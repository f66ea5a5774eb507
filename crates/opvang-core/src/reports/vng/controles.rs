//! Data-quality checks shown before a VNG report is exported, each naming the location concerned.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::format::{aantal_in, datum_in};
use crate::i18n;
use crate::locations::LocatieStatus;
use crate::occupancy::{LocatieStand, Signaal, SignaalSoort};
use crate::storage::OnbekendeGemeenteLocatie;

/// What is wrong with a location's data at the peildatum.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ControleSoort {
    /// The municipality code is not in the division in force; the location is left out.
    OnbekendeGemeente,
    /// In use or stand-by, or occupied, without realised capacity at the peildatum.
    CapaciteitOntbreekt,
    /// Realised capacity but no snapshot on or before the peildatum.
    GeenPeiling,
    /// The latest snapshot is older than the stale threshold.
    VerouderdePeiling,
    /// More places occupied than usable.
    Overbezetting,
}

/// One finding, with a sentence in the active language for the CLI and the checks sheet of the
/// export.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Controle {
    pub soort: ControleSoort,
    pub locatie_id: i64,
    pub locatie_naam: String,
    pub gemeente_code: String,
    /// Empty for an unknown municipality code.
    pub gemeente_naam: String,
    /// Age in days (stale), places over (over-occupancy), occupied places (capacity missing), else 0.
    pub waarde: i64,
    pub melding: String,
}

/// All findings, ordered by kind, then municipality and location name.
pub(super) fn controleren(
    standen: &[LocatieStand],
    signalen: &[Signaal],
    onbekend: &[OnbekendeGemeenteLocatie],
    peildatum: NaiveDate,
) -> Vec<Controle> {
    let taal = i18n::actieve_taal();
    let zin = |sleutel: &str, waarden: &[(&str, &dyn std::fmt::Display)]| {
        i18n::tekst_met(taal, sleutel, waarden)
    };
    let dag = datum_in(taal, peildatum);
    let mut uit: Vec<Controle> = onbekend
        .iter()
        .map(|l| Controle {
            soort: ControleSoort::OnbekendeGemeente,
            locatie_id: l.locatie_id,
            locatie_naam: l.naam.clone(),
            gemeente_code: l.gemeente_code.clone(),
            gemeente_naam: String::new(),
            waarde: 0,
            melding: zin(
                "fout.vng_controle.onbekende_gemeente",
                &[("naam", &l.naam), ("code", &l.gemeente_code)],
            ),
        })
        .collect();
    let controle = |s: &LocatieStand, soort, waarde, melding| Controle {
        soort,
        locatie_id: s.locatie_id,
        locatie_naam: s.naam.clone(),
        gemeente_code: s.gemeente_code.clone(),
        gemeente_naam: s.gemeente_naam.clone(),
        waarde,
        melding,
    };
    for s in standen.iter().filter(|s| s.capaciteit == 0) {
        let actief = matches!(s.status, LocatieStatus::InGebruik | LocatieStatus::StandBy);
        if s.bezet > 0 {
            let melding = zin(
                "fout.vng_controle.bezet_zonder_capaciteit",
                &[
                    ("naam", &s.naam),
                    ("gemeente", &s.gemeente_naam),
                    ("datum", &dag),
                    ("bezet", &aantal_in(taal, s.bezet)),
                ],
            );
            uit.push(controle(
                s,
                ControleSoort::CapaciteitOntbreekt,
                s.bezet,
                melding,
            ));
        } else if actief {
            let melding = zin(
                "fout.vng_controle.actief_zonder_capaciteit",
                &[
                    ("naam", &s.naam),
                    ("gemeente", &s.gemeente_naam),
                    ("datum", &dag),
                ],
            );
            uit.push(controle(s, ControleSoort::CapaciteitOntbreekt, 0, melding));
        }
    }
    let per_id: HashMap<i64, &LocatieStand> = standen.iter().map(|s| (s.locatie_id, s)).collect();
    for sig in signalen {
        let Some(&s) = per_id.get(&sig.locatie_id) else {
            continue;
        };
        let (soort, melding) = match sig.soort {
            SignaalSoort::ZonderPeiling => (
                ControleSoort::GeenPeiling,
                zin(
                    "fout.vng_controle.geen_peiling",
                    &[
                        ("naam", &s.naam),
                        ("gemeente", &s.gemeente_naam),
                        ("datum", &dag),
                    ],
                ),
            ),
            SignaalSoort::Verouderd => (
                ControleSoort::VerouderdePeiling,
                zin(
                    "fout.vng_controle.verouderd",
                    &[
                        ("naam", &s.naam),
                        ("gemeente", &s.gemeente_naam),
                        (
                            "datum",
                            &s.peildatum.map(|d| datum_in(taal, d)).unwrap_or_default(),
                        ),
                        ("dagen", &aantal_in(taal, sig.waarde)),
                    ],
                ),
            ),
            SignaalSoort::Overbezet => (
                ControleSoort::Overbezetting,
                zin(
                    "fout.vng_controle.overbezet",
                    &[
                        ("naam", &s.naam),
                        ("gemeente", &s.gemeente_naam),
                        ("bezet", &aantal_in(taal, s.bezet)),
                        (
                            "inzetbaar",
                            &aantal_in(taal, s.capaciteit - s.niet_inzetbaar),
                        ),
                    ],
                ),
            ),
            SignaalSoort::EinddatumNadert => continue,
        };
        uit.push(controle(s, soort, sig.waarde, melding));
    }
    uit.sort_by(|a, b| {
        (a.soort, &a.gemeente_naam, &a.locatie_naam).cmp(&(
            b.soort,
            &b.gemeente_naam,
            &b.locatie_naam,
        ))
    });
    uit
}
