//! Spreadsheet import: reading CSV, XLSX and ODS files, mapping their columns and turning rows into snapshots.

mod lezen;
mod waarden;
pub(crate) mod zipgrens;

pub use lezen::{lees_bestand, lees_csv, lees_werkboek, Rij, Tabel};
pub use waarden::{
    lees_aantal, lees_aantal_in, lees_datum, lees_datum_in, soort_uit_tekst, splits_adres, Adres,
};

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{CoreError, CoreResult};
use crate::format::{aantal_in, datum_in};
use crate::i18n::{self, Taal};
use crate::locations::{LocatieType, MAX_AANTAL, MAX_TEKENS};
use crate::occupancy::Bezetting;
use crate::reference::Gemeente;

/// A field of the import a spreadsheet column can be mapped to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ImportVeld {
    Gemeente,
    Gemeentecode,
    Locatie,
    Adres,
    Type,
    Capaciteit,
    NietInzetbaar,
    BezetOntheemden,
    BezetStatushouders,
    BezetAsielzoekers,
    BezetOverig,
    Peildatum,
}

impl ImportVeld {
    /// The name used in messages, in the active language.
    pub fn label(self) -> String {
        self.label_in(i18n::actieve_taal())
    }

    /// The name used in messages, in `taal`.
    pub fn label_in(self, taal: Taal) -> String {
        let sleutel = match self {
            Self::Gemeente => "label.importveld.gemeente",
            Self::Gemeentecode => "label.importveld.gemeentecode",
            Self::Locatie => "label.importveld.locatie",
            Self::Adres => "label.importveld.adres",
            Self::Type => "label.importveld.type",
            Self::Capaciteit => "label.importveld.capaciteit",
            Self::NietInzetbaar => "label.importveld.niet_inzetbaar",
            Self::BezetOntheemden => "label.importveld.bezet_ontheemden",
            Self::BezetStatushouders => "label.importveld.bezet_statushouders",
            Self::BezetAsielzoekers => "label.importveld.bezet_asielzoekers",
            Self::BezetOverig => "label.importveld.bezet_overig",
            Self::Peildatum => "label.importveld.peildatum",
        };
        i18n::tekst(taal, sleutel)
    }

    /// Every field, in the order above (the order in which overlong cells of a row are reported).
    pub const ALLE: [ImportVeld; 12] = [
        Self::Gemeente,
        Self::Gemeentecode,
        Self::Locatie,
        Self::Adres,
        Self::Type,
        Self::Capaciteit,
        Self::NietInzetbaar,
        Self::BezetOntheemden,
        Self::BezetStatushouders,
        Self::BezetAsielzoekers,
        Self::BezetOverig,
        Self::Peildatum,
    ];

    /// The field a column heading names, Dutch or English; `None` when it is not recognised.
    pub fn uit_kop(kop: &str) -> Option<Self> {
        let k: String = kop
            .to_lowercase()
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect();
        let veld = match k.as_str() {
            "gemeente" | "gemeentenaam" | "municipality" | "municipalityname" => Self::Gemeente,
            "gemeentecode" | "cbscode" | "gmcode" | "municipalitycode" => Self::Gemeentecode,
            "locatie" | "locatienaam" | "naam" | "location" | "locationname" | "name" => {
                Self::Locatie
            }
            "adres" | "address" => Self::Adres,
            "type" | "soort" | "locatietype" | "locationtype" | "kind" => Self::Type,
            "capaciteit" | "plaatsen" | "capacity" | "places" | "beds" => Self::Capaciteit,
            "nietinzetbaar" | "notusable" | "unavailable" | "unusable" => Self::NietInzetbaar,
            "bezetontheemden" | "ontheemden" | "occupieddisplaced" | "displaced"
            | "displacedpersons" => Self::BezetOntheemden,
            "bezetstatushouders"
            | "statushouders"
            | "occupiedstatusholders"
            | "statusholders"
            | "refugees" => Self::BezetStatushouders,
            "bezetasielzoekers" | "asielzoekers" | "occupiedasylumseekers" | "asylumseekers" => {
                Self::BezetAsielzoekers
            }
            "bezetoverig" | "overig" | "occupiedother" | "other" => Self::BezetOverig,
            "peildatum" | "datum" | "date" | "referencedate" | "snapshotdate" => Self::Peildatum,
            _ => return None,
        };
        Some(veld)
    }
}

/// One column of the file and the field it feeds (`None`: ignored).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct KolomKoppeling {
    pub kop: String,
    pub veld: Option<ImportVeld>,
}

/// How the columns of a file map to fields; the user corrects it and may save it as JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Koppeling {
    pub kolommen: Vec<KolomKoppeling>,
}

impl Koppeling {
    /// The automatic mapping of a heading row.
    pub fn automatisch(koppen: &[String]) -> Koppeling {
        Koppeling {
            kolommen: koppen
                .iter()
                .map(|kop| KolomKoppeling {
                    kop: kop.trim().to_owned(),
                    veld: ImportVeld::uit_kop(kop),
                })
                .collect(),
        }
    }

    /// Reads a saved mapping.
    pub fn uit_json(tekst: &str) -> CoreResult<Koppeling> {
        serde_json::from_str(tekst).map_err(|e| {
            CoreError::bestand("fout.import.koppelingsbestand_ongeldig").met("fout", &e)
        })
    }

    /// The mapping as JSON to save.
    pub fn naar_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a mapping serializes")
    }

    /// A fingerprint of a heading row: the same headings (in any case or spacing, in the same
    /// order) give the same fingerprint, so a saved mapping is found again for the next file.
    pub fn vingerafdruk(koppen: &[String]) -> String {
        use sha2::{Digest, Sha256};
        let mut hasher = Sha256::new();
        for kop in koppen {
            let kop: String = kop.split_whitespace().collect::<Vec<_>>().join(" ");
            hasher.update(kop.to_lowercase().as_bytes());
            hasher.update([0x1f]);
        }
        hasher
            .finalize()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }

    /// Whether this mapping names exactly the columns of `koppen` (so it can be used for them).
    pub fn past_op(&self, koppen: &[String]) -> bool {
        self.kolommen.len() == koppen.len()
            && self
                .kolommen
                .iter()
                .zip(koppen)
                .all(|(k, kop)| k.kop.trim().eq_ignore_ascii_case(kop.trim()))
    }

    /// The column index of each mapped field, matched on heading text.
    fn indexen(&self, koppen: &[String]) -> CoreResult<HashMap<ImportVeld, usize>> {
        let mut uit = HashMap::new();
        for k in &self.kolommen {
            let Some(veld) = k.veld else { continue };
            let index = koppen
                .iter()
                .position(|kop| kop.trim().eq_ignore_ascii_case(k.kop.trim()))
                .ok_or_else(|| {
                    CoreError::validatie("koppeling", "fout.import.koppeling_noemt_kolom_maar")
                        .met("kop", &(format!("{:?}", k.kop)))
                })?;
            if let Some(eerder) = uit.insert(veld, index) {
                if eerder != index {
                    return Err(CoreError::validatie(
                        "koppeling",
                        "fout.import.kolom_kolom_allebei_gekoppeld",
                    )
                    .met("eerder", &(format!("{:?}", koppen[eerder])))
                    .met("index", &(format!("{:?}", koppen[index])))
                    .met("label", &veld.label()));
                }
            }
        }
        for nodig in [ImportVeld::Locatie, ImportVeld::Peildatum] {
            if !uit.contains_key(&nodig) {
                return Err(
                    CoreError::validatie("koppeling", "fout.import.geen_kolom_gekoppeld")
                        .met("label", &nodig.label()),
                );
            }
        }
        if !uit.contains_key(&ImportVeld::Gemeente) && !uit.contains_key(&ImportVeld::Gemeentecode)
        {
            return Err(CoreError::validatie(
                "koppeling",
                "fout.import.geen_kolom_gekoppeld_gemeente",
            ));
        }
        Ok(uit)
    }
}

/// Whether a problem stops the import or only warns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Ernst {
    Fout,
    Waarschuwing,
}

/// A problem in one cell of the file, in the active language; `rij` is the row number the
/// spreadsheet shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Probleem {
    pub rij: usize,
    pub kolom: String,
    pub ernst: Ernst,
    pub bericht: String,
}

impl Probleem {
    /// `Rij 4, kolom Capaciteit: … (fout)` with the frame in `taal` (the message itself is in the
    /// language the file was read in).
    pub fn tekst(&self, taal: Taal) -> String {
        let soort = match self.ernst {
            Ernst::Fout => "fout.import.ernst.fout",
            Ernst::Waarschuwing => "fout.import.ernst.waarschuwing",
        };
        let soort = i18n::tekst(taal, soort);
        i18n::tekst_met(
            taal,
            "fout.import.probleem",
            &[
                ("rij", &self.rij),
                ("kolom", &self.kolom),
                ("bericht", &self.bericht),
                ("soort", &soort),
            ],
        )
    }
}

impl std::fmt::Display for Probleem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.tekst(i18n::actieve_taal()))
    }
}

/// One row of the file ready to store: a location and its snapshot on a peildatum.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ImportRegel {
    pub rij: usize,
    pub gemeente_code: String,
    pub naam: String,
    pub adres: Adres,
    pub soort: LocatieType,
    pub capaciteit: Option<i64>,
    pub niet_inzetbaar: i64,
    pub bezetting: Bezetting,
    pub peildatum: NaiveDate,
}

/// The rows read from a file and every problem found, before anything is stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Ontleding {
    pub regels: Vec<ImportRegel>,
    pub problemen: Vec<Probleem>,
}

impl Ontleding {
    /// Whether a problem refuses the import.
    pub fn heeft_fouten(&self) -> bool {
        self.problemen.iter().any(|p| p.ernst == Ernst::Fout)
    }
}

/// A file read for import, before its mapping is confirmed: what the mapping screen shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ImportBestand {
    pub naam: String,
    /// Row number (as the spreadsheet shows it) of the heading row.
    pub kopregel: usize,
    pub koppen: Vec<String>,
    /// The number of data rows under the heading row.
    pub rijen: usize,
    /// Up to three data rows, to recognise the columns by their values.
    pub voorbeeld: Vec<Vec<String>>,
    /// The saved mapping for these headings, else the automatic one.
    pub koppeling: Koppeling,
    /// True when `koppeling` is the mapping the user saved for these headings earlier.
    pub opgeslagen: bool,
}

impl ImportBestand {
    /// Describes `tabel` with the mapping to start from.
    pub fn van(naam: &str, tabel: &Tabel, opgeslagen: Option<Koppeling>) -> ImportBestand {
        let rijen = || {
            tabel
                .rijen
                .iter()
                .filter(|rij| rij.cellen().any(|c| !c.trim().is_empty()))
        };
        ImportBestand {
            naam: naam.to_owned(),
            kopregel: tabel.kopregel,
            koppen: tabel.koppen.clone(),
            rijen: rijen().count(),
            voorbeeld: rijen()
                .take(3)
                .map(|rij| {
                    (0..tabel.koppen.len())
                        .map(|i| rij.cel(i).map_or_else(String::new, |c| c.trim().to_owned()))
                        .collect()
                })
                .collect(),
            opgeslagen: opgeslagen.is_some(),
            koppeling: opgeslagen.unwrap_or_else(|| Koppeling::automatisch(&tabel.koppen)),
        }
    }
}

/// The preview of an import: every problem, and what the import would change when it can run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ImportVoorbeeld {
    /// Rows that can be imported.
    pub regels: usize,
    pub fouten: usize,
    pub waarschuwingen: usize,
    pub problemen: Vec<Probleem>,
    /// The changes a dry run found; `None` when errors refuse the import.
    pub resultaat: Option<crate::storage::ImportResultaat>,
    /// True when the mapping was saved for files with these headings (it differs from the
    /// automatic one).
    pub koppeling_opgeslagen: bool,
}

/// Turns the data rows of `tabel` into import rows with `koppeling`; problems name row and column
/// and are worded in the active language.
pub fn ontleed(
    tabel: &Tabel,
    koppeling: &Koppeling,
    gemeenten: &[Gemeente],
    vandaag: NaiveDate,
) -> CoreResult<Ontleding> {
    ontleed_in(tabel, koppeling, gemeenten, vandaag, i18n::actieve_taal())
}

/// From this many rows on, a file's rows are checked in two halves at once.
const TWEE_HELFTEN_VANAF: usize = 10_000;

/// [`ontleed`] with the problems worded in `taal`.
pub fn ontleed_in(
    tabel: &Tabel,
    koppeling: &Koppeling,
    gemeenten: &[Gemeente],
    vandaag: NaiveDate,
    taal: Taal,
) -> CoreResult<Ontleding> {
    let index = koppeling.indexen(&tabel.koppen)?;
    let controle = Rijcontrole::nieuw(&index, &tabel.koppen, gemeenten, vandaag, taal);
    let (regels, mut problemen) = if tabel.rijen.len() >= TWEE_HELFTEN_VANAF {
        let (eerste, tweede) = tabel.rijen.split_at(tabel.rijen.len() / 2);
        std::thread::scope(|draden| {
            let tweede = draden.spawn(|| controle.rijen(tweede));
            let (mut regels, mut problemen) = controle.rijen(eerste);
            let (meer_regels, meer_problemen) = tweede
                .join()
                .unwrap_or_else(|paniek| std::panic::resume_unwind(paniek));
            regels.extend(meer_regels);
            problemen.extend(meer_problemen);
            (regels, problemen)
        })
    } else {
        controle.rijen(&tabel.rijen)
    };
    let bericht = |sleutel: &str, waarden: &[(&str, &dyn std::fmt::Display)]| {
        i18n::tekst_met(taal, sleutel, waarden)
    };
    let klein = kleine_namen(&regels);
    let mut gezien: HashMap<(&str, &str, NaiveDate), usize> = HashMap::new();
    for r in &regels {
        let sleutel = (
            r.gemeente_code.as_str(),
            klein[r.naam.as_str()].as_str(),
            r.peildatum,
        );
        if let Some(eerder) = gezien.insert(sleutel, r.rij) {
            problemen.push(Probleem {
                rij: r.rij,
                kolom: tabel.koppen[index[&ImportVeld::Peildatum]].clone(),
                ernst: Ernst::Fout,
                bericht: bericht(
                    "fout.import.dubbele_rij",
                    &[
                        ("naam", &r.naam),
                        ("datum", &datum_in(taal, r.peildatum)),
                        ("eerder", &eerder),
                    ],
                ),
            });
        }
    }
    problemen.sort_by_key(|p| p.rij);
    Ok(Ontleding { regels, problemen })
}

/// The location names of `regels` lower-cased, each distinct name once: rows of one location are
/// matched on municipality and name regardless of case.
pub(crate) fn kleine_namen(regels: &[ImportRegel]) -> HashMap<&str, String> {
    let mut klein: HashMap<&str, String> = HashMap::new();
    for r in regels {
        klein
            .entry(r.naam.as_str())
            .or_insert_with(|| r.naam.to_lowercase());
    }
    klein
}

/// What checking a row needs: the mapped columns, the headings and the municipalities.
struct Rijcontrole<'a> {
    index: &'a HashMap<ImportVeld, usize>,
    koppen: &'a [String],
    /// Looked up once per row: by code, and by lower-cased name for files without codes (the
    /// first of equal names wins, as a search through the list would find it).
    per_code: HashMap<&'a str, &'a Gemeente>,
    per_naam: HashMap<String, &'a Gemeente>,
    vandaag: NaiveDate,
    taal: Taal,
}

impl<'a> Rijcontrole<'a> {
    fn nieuw(
        index: &'a HashMap<ImportVeld, usize>,
        koppen: &'a [String],
        gemeenten: &'a [Gemeente],
        vandaag: NaiveDate,
        taal: Taal,
    ) -> Self {
        let mut per_code = HashMap::new();
        let mut per_naam = HashMap::new();
        for g in gemeenten.iter().rev() {
            per_code.insert(g.code.as_str(), g);
            per_naam.insert(g.naam.to_lowercase(), g);
        }
        Rijcontrole {
            index,
            koppen,
            per_code,
            per_naam,
            vandaag,
            taal,
        }
    }

    /// The snapshots of `rijen` that have no error, and every problem found in them.
    fn rijen(&self, rijen: &[Rij]) -> (Vec<ImportRegel>, Vec<Probleem>) {
        let mut regels = Vec::with_capacity(rijen.len());
        let mut problemen = Vec::new();
        for rij in rijen {
            regels.extend(self.rij(rij, &mut problemen));
        }
        (regels, problemen)
    }

    /// `cellen` as a snapshot, or `None` when the row is empty or has an error; its problems go
    /// to `problemen`.
    fn rij(&self, cellen: &Rij, problemen: &mut Vec<Probleem>) -> Option<ImportRegel> {
        let rij = cellen.nummer;
        let taal = self.taal;
        let bericht = |sleutel: &str, waarden: &[(&str, &dyn std::fmt::Display)]| {
            i18n::tekst_met(taal, sleutel, waarden)
        };
        let cel = |veld: ImportVeld| -> &str {
            self.index
                .get(&veld)
                .and_then(|&i| cellen.cel(i))
                .map_or("", str::trim)
        };
        if cellen.cellen().all(|c| c.trim().is_empty()) {
            return None;
        }
        let start = problemen.len();
        let mut fout = |veld: ImportVeld, ernst: Ernst, bericht: String| {
            problemen.push(Probleem {
                rij,
                kolom: self
                    .index
                    .get(&veld)
                    .map_or_else(|| veld.label_in(taal), |&i| self.koppen[i].clone()),
                ernst,
                bericht,
            })
        };
        // A cell longer than any real value (a name, an address, a count) refuses the row
        // before its value is read or repeated in another message.
        let mut te_lang = false;
        for veld in ImportVeld::ALLE {
            let lengte = cel(veld).chars().count();
            if lengte > MAX_TEKENS {
                te_lang = true;
                fout(
                    veld,
                    Ernst::Fout,
                    bericht(
                        "fout.import.cel_te_lang",
                        &[
                            ("lengte", &aantal_in(taal, lengte as i64)),
                            ("max", &MAX_TEKENS),
                        ],
                    ),
                );
            }
        }
        if te_lang {
            return None;
        }
        let gemeente = match (cel(ImportVeld::Gemeentecode), cel(ImportVeld::Gemeente)) {
            (code, _) if !code.is_empty() => {
                let code = normaliseer_gemeentecode(code);
                let g = self.per_code.get(code.as_str()).copied();
                if g.is_none() {
                    fout(
                        ImportVeld::Gemeentecode,
                        Ernst::Fout,
                        bericht(
                            "fout.import.onbekende_gemeentecode",
                            &[("code", &format!("{code:?}"))],
                        ),
                    );
                }
                g
            }
            (_, naam) if !naam.is_empty() => {
                let g = self.per_naam.get(&naam.to_lowercase()).copied();
                if g.is_none() {
                    fout(
                        ImportVeld::Gemeente,
                        Ernst::Fout,
                        bericht(
                            "fout.import.onbekende_gemeente",
                            &[("naam", &format!("{naam:?}"))],
                        ),
                    );
                }
                g
            }
            _ => {
                let veld = if self.index.contains_key(&ImportVeld::Gemeentecode) {
                    ImportVeld::Gemeentecode
                } else {
                    ImportVeld::Gemeente
                };
                fout(
                    veld,
                    Ernst::Fout,
                    bericht("fout.import.gemeente_ontbreekt", &[]),
                );
                None
            }
        };
        let naam = cel(ImportVeld::Locatie).to_owned();
        if naam.is_empty() {
            fout(
                ImportVeld::Locatie,
                Ernst::Fout,
                bericht("fout.import.naam_ontbreekt", &[]),
            );
        }
        let peildatum = match lees_datum_in(taal, cel(ImportVeld::Peildatum)) {
            Ok(d) if d > self.vandaag => {
                fout(
                    ImportVeld::Peildatum,
                    Ernst::Fout,
                    bericht(
                        "fout.import.peildatum_toekomst",
                        &[("datum", &datum_in(taal, d))],
                    ),
                );
                None
            }
            Ok(d) => Some(d),
            Err(bericht) => {
                fout(ImportVeld::Peildatum, Ernst::Fout, bericht);
                None
            }
        };
        let mut aantal = |veld: ImportVeld| -> Option<i64> {
            if !self.index.contains_key(&veld) {
                return None;
            }
            let tekst = cel(veld);
            if tekst.is_empty() {
                return None;
            }
            match lees_aantal_in(taal, tekst) {
                Ok(n) if n > MAX_AANTAL => {
                    fout(
                        veld,
                        Ernst::Fout,
                        bericht(
                            "fout.import.aantal_te_groot",
                            &[
                                ("tekst", &format!("{tekst:?}")),
                                ("max", &aantal_in(taal, MAX_AANTAL)),
                            ],
                        ),
                    );
                    None
                }
                Ok(n) => Some(n),
                Err(bericht) => {
                    fout(veld, Ernst::Fout, bericht);
                    None
                }
            }
        };
        let capaciteit = aantal(ImportVeld::Capaciteit);
        let niet_inzetbaar = aantal(ImportVeld::NietInzetbaar).unwrap_or(0);
        let mut bezetting = Bezetting::default();
        for (veld, groep) in [
            (
                ImportVeld::BezetOntheemden,
                crate::occupancy::Doelgroep::Ontheemden,
            ),
            (
                ImportVeld::BezetStatushouders,
                crate::occupancy::Doelgroep::Statushouders,
            ),
            (
                ImportVeld::BezetAsielzoekers,
                crate::occupancy::Doelgroep::Asielzoekers,
            ),
            (ImportVeld::BezetOverig, crate::occupancy::Doelgroep::Overig),
        ] {
            bezetting.set(groep, aantal(veld).unwrap_or(0));
        }
        let type_tekst = cel(ImportVeld::Type);
        let soort = match soort_uit_tekst(type_tekst) {
            Some(s) => s,
            None => {
                if !type_tekst.is_empty() {
                    fout(
                        ImportVeld::Type,
                        Ernst::Waarschuwing,
                        bericht(
                            "fout.import.type_niet_herkend",
                            &[("tekst", &format!("{type_tekst:?}"))],
                        ),
                    );
                }
                LocatieType::Overig
            }
        };
        let adres = splits_adres(cel(ImportVeld::Adres));
        if let Some(cap) = capaciteit {
            if niet_inzetbaar > cap {
                fout(
                    ImportVeld::NietInzetbaar,
                    Ernst::Fout,
                    bericht(
                        "fout.import.niet_inzetbaar_boven_capaciteit",
                        &[
                            ("niet_inzetbaar", &aantal_in(taal, niet_inzetbaar)),
                            ("capaciteit", &aantal_in(taal, cap)),
                        ],
                    ),
                );
            }
        }
        let geen_fout = problemen[start..].iter().all(|p| p.ernst != Ernst::Fout);
        let (true, Some(g), Some(peildatum)) = (geen_fout, gemeente, peildatum) else {
            return None;
        };
        Some(ImportRegel {
            rij,
            gemeente_code: g.code.clone(),
            naam,
            adres,
            soort,
            capaciteit,
            niet_inzetbaar,
            bezetting,
            peildatum,
        })
    }
}

/// `344`, `0344` and `gm0344` all become `GM0344`.
fn normaliseer_gemeentecode(code: &str) -> String {
    let code = code.trim().to_uppercase();
    let cijfers = code.strip_prefix("GM").unwrap_or(&code);
    if !cijfers.is_empty() && cijfers.len() <= 4 && cijfers.chars().all(|c| c.is_ascii_digit()) {
        format!("GM{cijfers:0>4}")
    } else {
        code
    }
}

#[cfg(test)]
mod tests;
