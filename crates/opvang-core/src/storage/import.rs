//! SQL for the spreadsheet import: locations, capacity periods and snapshots in one transaction.

use std::collections::HashMap;

use chrono::{Days, NaiveDate};
use serde::Serialize;
use sqlx::{AnyConnection, Row};
use ts_rs::TS;

use super::audit::{self, json, Wijziging};
use super::{datum_in, Db};
use crate::error::{CoreError, CoreResult};
use crate::import::{ontleed, Ernst, ImportRegel, ImportVoorbeeld, Koppeling, Ontleding, Tabel};
use crate::occupancy::{Bezetting, Doelgroep};
use crate::progress::Voortgang;

/// What an import changed (or, as a dry run, would change).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ImportResultaat {
    pub nieuwe_locaties: u64,
    pub capaciteitswijzigingen: u64,
    pub nieuwe_peilingen: u64,
    pub gewijzigde_peilingen: u64,
    pub ongewijzigde_peilingen: u64,
    /// True when nothing was stored (dry run).
    pub proef: bool,
}

fn rij_fout(regel: &ImportRegel, kolom: &str, bericht: String) -> CoreError {
    CoreError::validatie(kolom, "fout.storage_import.rij_kolom")
        .met("rij", &regel.rij)
        .met("kolom", &kolom)
        .met("bericht", &bericht)
}

impl Db {
    /// Stores the rows of `ontleding` in one transaction: all or nothing.
    ///
    /// Locations are matched on municipality and name and created when missing; a capacity that
    /// differs from the one in force on the peildatum starts a new capacity period; snapshots are
    /// upserted on location and peildatum, so importing the same file again changes nothing.
    /// With `proef` everything is computed and rolled back.
    pub async fn importeren(
        &self,
        ontleding: &Ontleding,
        proef: bool,
        mut voortgang: impl FnMut(Voortgang),
    ) -> CoreResult<ImportResultaat> {
        if let Some(eerste) = ontleding
            .problemen
            .iter()
            .find(|p| p.ernst == crate::import::Ernst::Fout)
        {
            let aantal = ontleding
                .problemen
                .iter()
                .filter(|p| p.ernst == crate::import::Ernst::Fout)
                .count();
            return Err(CoreError::validatie(
                &eerste.kolom,
                "fout.storage_import.bestand_niet_geimporteerd_fout",
            )
            .met("aantal", &aantal)
            .met("eerste", &eerste));
        }
        let mut regels: Vec<&ImportRegel> = ontleding.regels.iter().collect();
        regels.sort_by(|a, b| {
            (&a.gemeente_code, a.naam.to_lowercase(), a.peildatum).cmp(&(
                &b.gemeente_code,
                b.naam.to_lowercase(),
                b.peildatum,
            ))
        });
        let totaal = regels.len() as u64;
        let gebruiker = self.gebruiker().await?;
        let mut tx = self.pool.begin().await?;
        let mut uitslag = ImportResultaat {
            proef,
            ..ImportResultaat::default()
        };
        let mut locaties: HashMap<(String, String), i64> = HashMap::new();
        for (i, regel) in regels.iter().enumerate() {
            let sleutel = (regel.gemeente_code.clone(), regel.naam.to_lowercase());
            let locatie_id = match locaties.get(&sleutel) {
                Some(&id) => id,
                None => {
                    let id =
                        locatie_zoeken_of_maken(&mut tx, &gebruiker, regel, &mut uitslag).await?;
                    locaties.insert(sleutel, id);
                    id
                }
            };
            if let Some(plaatsen) = regel.capaciteit {
                if capaciteit_bijwerken(&mut tx, &gebruiker, locatie_id, regel.peildatum, plaatsen)
                    .await?
                {
                    uitslag.capaciteitswijzigingen += 1;
                }
            }
            peiling_bijwerken(&mut tx, &gebruiker, locatie_id, regel, &mut uitslag).await?;
            let gedaan = i as u64 + 1;
            if gedaan.is_multiple_of(200) || gedaan == totaal {
                voortgang(Voortgang {
                    gedaan,
                    totaal,
                    bericht: format!("Importeren: rij {gedaan} van {totaal}"),
                });
            }
        }
        if proef {
            tx.rollback().await?;
        } else {
            tx.commit().await?;
        }
        Ok(uitslag)
    }
}

/// Settings key prefix of a saved mapping; the key ends in the fingerprint of the heading row.
const KOPPELING_SLEUTEL: &str = "import_koppeling:";

impl Db {
    /// The mapping saved for a file with these headings, if there is one that still fits them.
    pub async fn opgeslagen_koppeling(&self, koppen: &[String]) -> CoreResult<Option<Koppeling>> {
        let waarde: Option<String> =
            sqlx::query_scalar("SELECT waarde FROM instelling WHERE sleutel = $1")
                .bind(format!(
                    "{KOPPELING_SLEUTEL}{}",
                    Koppeling::vingerafdruk(koppen)
                ))
                .fetch_optional(&self.pool)
                .await?;
        Ok(waarde
            .and_then(|w| Koppeling::uit_json(&w).ok())
            .filter(|k| k.past_op(koppen)))
    }

    /// Saves `koppeling` for files with these headings, so the next such file uses it; a mapping
    /// equal to the automatic one removes the saved one instead. True when a mapping is saved.
    pub async fn koppeling_opslaan(
        &self,
        koppen: &[String],
        koppeling: &Koppeling,
    ) -> CoreResult<bool> {
        if !koppeling.past_op(koppen) {
            return Err(CoreError::validatie(
                "koppeling",
                "fout.storage_import.koppeling_hoort_niet_kolommen",
            ));
        }
        let sleutel = format!("{KOPPELING_SLEUTEL}{}", Koppeling::vingerafdruk(koppen));
        if *koppeling == Koppeling::automatisch(koppen) {
            sqlx::query("DELETE FROM instelling WHERE sleutel = $1")
                .bind(sleutel)
                .execute(&self.pool)
                .await?;
            return Ok(false);
        }
        sqlx::query(
            "INSERT INTO instelling (sleutel, waarde) VALUES ($1, $2) \
             ON CONFLICT (sleutel) DO UPDATE SET waarde = excluded.waarde",
        )
        .bind(sleutel)
        .bind(koppeling.naar_json())
        .execute(&self.pool)
        .await?;
        Ok(true)
    }

    /// The preview of importing `tabel` with `koppeling`: saves the mapping for these headings
    /// (see [`Db::koppeling_opslaan`]), lists every problem and, when nothing refuses the import,
    /// counts what it would change with a dry run.
    pub async fn import_voorbeeld(
        &self,
        tabel: &Tabel,
        koppeling: &Koppeling,
        vandaag: NaiveDate,
        voortgang: impl FnMut(Voortgang),
    ) -> CoreResult<ImportVoorbeeld> {
        let ontleding = ontleed(tabel, koppeling, &self.gemeenten().await?, vandaag)?;
        let koppeling_opgeslagen = self.koppeling_opslaan(&tabel.koppen, koppeling).await?;
        let fouten = ontleding
            .problemen
            .iter()
            .filter(|p| p.ernst == Ernst::Fout)
            .count();
        let resultaat = if fouten == 0 {
            Some(self.importeren(&ontleding, true, voortgang).await?)
        } else {
            None
        };
        Ok(ImportVoorbeeld {
            regels: ontleding.regels.len(),
            fouten,
            waarschuwingen: ontleding.problemen.len() - fouten,
            problemen: ontleding.problemen,
            resultaat,
            koppeling_opgeslagen,
        })
    }
}

async fn locatie_zoeken_of_maken(
    tx: &mut AnyConnection,
    gebruiker: &str,
    regel: &ImportRegel,
    uitslag: &mut ImportResultaat,
) -> CoreResult<i64> {
    let bestaand = sqlx::query(
        "SELECT id, status FROM locatie WHERE gemeente_code = $1 AND lower(naam) = lower($2)",
    )
    .bind(regel.gemeente_code.clone())
    .bind(regel.naam.trim().to_owned())
    .fetch_optional(&mut *tx)
    .await?;
    if let Some(row) = bestaand {
        let status: String = row.try_get("status")?;
        if status == "gesloten" {
            return Err(rij_fout(
                regel,
                "Locatie",
                format!(
                    "{} is gesloten; een gesloten locatie krijgt geen nieuwe peilingen.",
                    regel.naam
                ),
            ));
        }
        return Ok(row.try_get("id")?);
    }
    let a = &regel.adres;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO locatie (gemeente_code, naam, straat, huisnummer, postcode, plaats, soort, \
         beheerder, status, financiering) VALUES ($1, $2, $3, $4, $5, $6, $7, 'overig', \
         'in_gebruik', 'overig') RETURNING id",
    )
    .bind(regel.gemeente_code.clone())
    .bind(regel.naam.trim().to_owned())
    .bind(a.straat.clone())
    .bind(a.huisnummer.clone())
    .bind(a.postcode.clone())
    .bind(a.plaats.clone())
    .bind(regel.soort.code())
    .fetch_one(&mut *tx)
    .await?;
    let vanaf = datum_in(regel.peildatum);
    sqlx::query("INSERT INTO locatie_status (locatie_id, status, vanaf) VALUES ($1, $2, $3)")
        .bind(id)
        .bind("in_gebruik")
        .bind(vanaf.clone())
        .execute(&mut *tx)
        .await?;
    sqlx::query(
        "INSERT INTO locatie_financiering (locatie_id, financiering, vanaf) VALUES ($1, $2, $3)",
    )
    .bind(id)
    .bind("overig")
    .bind(vanaf)
    .execute(&mut *tx)
    .await?;
    audit::schrijf(
        tx,
        gebruiker,
        Wijziging {
            tabel: "locatie",
            record: id.to_string(),
            locatie_id: id,
            actie: "toevoegen",
            voor: None,
            na: json(regel),
        },
    )
    .await?;
    uitslag.nieuwe_locaties += 1;
    Ok(id)
}

/// Makes `plaatsen` the capacity from `datum` on when it differs; true when something changed.
async fn capaciteit_bijwerken(
    tx: &mut AnyConnection,
    gebruiker: &str,
    locatie_id: i64,
    datum: NaiveDate,
    plaatsen: i64,
) -> CoreResult<bool> {
    let dag = datum_in(datum);
    let geldend = sqlx::query(
        "SELECT id, vanaf, tot_en_met, plaatsen FROM capaciteit WHERE locatie_id = $1 \
         AND vanaf <= $2 AND (tot_en_met IS NULL OR tot_en_met >= $2) ORDER BY vanaf DESC",
    )
    .bind(locatie_id)
    .bind(dag.clone())
    .fetch_optional(&mut *tx)
    .await?;
    let (tot_en_met, voor) = match &geldend {
        Some(row) => {
            let huidig: i64 = row.try_get("plaatsen")?;
            if huidig == plaatsen {
                return Ok(false);
            }
            let id: i64 = row.try_get("id")?;
            let vanaf: String = row.try_get("vanaf")?;
            let tot: Option<String> = row.try_get("tot_en_met")?;
            if vanaf == dag {
                sqlx::query(
                    "UPDATE capaciteit SET plaatsen = $1, versie = versie + 1 WHERE id = $2",
                )
                .bind(plaatsen)
                .bind(id)
                .execute(&mut *tx)
                .await?;
                audit::schrijf(
                    tx,
                    gebruiker,
                    Wijziging {
                        tabel: "capaciteit",
                        record: id.to_string(),
                        locatie_id,
                        actie: "wijzigen",
                        voor: Some(format!("{{\"plaatsen\":{huidig}}}")),
                        na: Some(format!("{{\"plaatsen\":{plaatsen}}}")),
                    },
                )
                .await?;
                return Ok(true);
            }
            let dag_ervoor = datum.checked_sub_days(Days::new(1)).expect("valid date");
            sqlx::query("UPDATE capaciteit SET tot_en_met = $1, versie = versie + 1 WHERE id = $2")
                .bind(datum_in(dag_ervoor))
                .bind(id)
                .execute(&mut *tx)
                .await?;
            (tot, Some(format!("{{\"plaatsen\":{huidig}}}")))
        }
        None => {
            let volgende: Option<String> = sqlx::query_scalar(
                "SELECT MIN(vanaf) FROM capaciteit WHERE locatie_id = $1 AND vanaf > $2",
            )
            .bind(locatie_id)
            .bind(dag.clone())
            .fetch_one(&mut *tx)
            .await?;
            let tot = volgende
                .map(|v| super::datum_uit(&v))
                .transpose()?
                .map(|v| datum_in(v.checked_sub_days(Days::new(1)).expect("valid date")));
            (tot, None)
        }
    };
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO capaciteit (locatie_id, vanaf, tot_en_met, plaatsen) \
         VALUES ($1, $2, $3, $4) RETURNING id",
    )
    .bind(locatie_id)
    .bind(dag)
    .bind(tot_en_met)
    .bind(plaatsen)
    .fetch_one(&mut *tx)
    .await?;
    audit::schrijf(
        tx,
        gebruiker,
        Wijziging {
            tabel: "capaciteit",
            record: id.to_string(),
            locatie_id,
            actie: "toevoegen",
            voor,
            na: Some(format!("{{\"plaatsen\":{plaatsen}}}")),
        },
    )
    .await?;
    Ok(true)
}

/// Upserts the snapshot of `regel`; an identical stored snapshot is left alone.
async fn peiling_bijwerken(
    tx: &mut AnyConnection,
    gebruiker: &str,
    locatie_id: i64,
    regel: &ImportRegel,
    uitslag: &mut ImportResultaat,
) -> CoreResult<()> {
    let dag = datum_in(regel.peildatum);
    let niet_inzetbaar: Option<i64> = sqlx::query_scalar(
        "SELECT niet_inzetbaar FROM peiling WHERE locatie_id = $1 AND peildatum = $2",
    )
    .bind(locatie_id)
    .bind(dag.clone())
    .fetch_optional(&mut *tx)
    .await?;
    let mut bezetting = Bezetting::default();
    let rows = sqlx::query(
        "SELECT doelgroep, aantal FROM bezetting WHERE locatie_id = $1 AND peildatum = $2",
    )
    .bind(locatie_id)
    .bind(dag.clone())
    .fetch_all(&mut *tx)
    .await?;
    for row in rows {
        let code: String = row.try_get("doelgroep")?;
        if let Some(groep) = Doelgroep::from_code(&code) {
            bezetting.set(groep, row.try_get("aantal")?);
        }
    }
    match niet_inzetbaar {
        Some(n) if n == regel.niet_inzetbaar && bezetting == regel.bezetting => {
            uitslag.ongewijzigde_peilingen += 1;
            return Ok(());
        }
        Some(_) => {
            sqlx::query(
                "UPDATE peiling SET niet_inzetbaar = $1, versie = versie + 1 \
                 WHERE locatie_id = $2 AND peildatum = $3",
            )
            .bind(regel.niet_inzetbaar)
            .bind(locatie_id)
            .bind(dag.clone())
            .execute(&mut *tx)
            .await?;
            uitslag.gewijzigde_peilingen += 1;
        }
        None => {
            sqlx::query(
                "INSERT INTO peiling (locatie_id, peildatum, niet_inzetbaar) VALUES ($1, $2, $3)",
            )
            .bind(locatie_id)
            .bind(dag.clone())
            .bind(regel.niet_inzetbaar)
            .execute(&mut *tx)
            .await?;
            uitslag.nieuwe_peilingen += 1;
        }
    }
    for groep in Doelgroep::ALLE {
        sqlx::query(
            "INSERT INTO bezetting (locatie_id, peildatum, doelgroep, aantal) \
             VALUES ($1, $2, $3, $4) ON CONFLICT (locatie_id, peildatum, doelgroep) \
             DO UPDATE SET aantal = excluded.aantal",
        )
        .bind(locatie_id)
        .bind(dag.clone())
        .bind(groep.code())
        .bind(regel.bezetting.get(groep))
        .execute(&mut *tx)
        .await?;
    }
    audit::schrijf(
        tx,
        gebruiker,
        Wijziging {
            tabel: "peiling",
            record: format!("{locatie_id}/{dag}"),
            locatie_id,
            actie: if niet_inzetbaar.is_some() {
                "wijzigen"
            } else {
                "toevoegen"
            },
            voor: niet_inzetbaar.map(|n| {
                format!(
                    "{{\"niet_inzetbaar\":{n},\"bezetting\":{}}}",
                    serde_json::to_string(&bezetting).expect("serializes")
                )
            }),
            na: json(regel),
        },
    )
    .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::{lees_csv, ImportVeld};
    use crate::occupancy::{Doelgroep, Gebied, Totalen};
    use crate::storage::testdb::beide_backends;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    async fn lees(db: &Db, tekst: &str) -> Ontleding {
        let tabel = lees_csv(tekst.as_bytes()).unwrap();
        let koppeling = Koppeling::automatisch(&tabel.koppen);
        ontleed(
            &tabel,
            &koppeling,
            &db.gemeenten().await.unwrap(),
            d("2026-11-23"),
        )
        .unwrap()
    }

    async fn bekijk(db: &Db, tekst: &str) -> ImportVoorbeeld {
        let tabel = lees_csv(tekst.as_bytes()).unwrap();
        let koppeling = Koppeling::automatisch(&tabel.koppen);
        db.import_voorbeeld(&tabel, &koppeling, d("2026-11-23"), |_| {})
            .await
            .unwrap()
    }

    async fn ontleed_met(db: &Db, tabel: &Tabel) -> Ontleding {
        let koppeling = Koppeling::automatisch(&tabel.koppen);
        ontleed(
            tabel,
            &koppeling,
            &db.gemeenten().await.unwrap(),
            d("2026-11-23"),
        )
        .unwrap()
    }

    async fn telling(db: &Db) -> (i64, i64, i64, i64) {
        let tel = |tabel: &'static str| async move {
            sqlx::query_scalar::<_, i64>(&format!("SELECT COUNT(*) FROM {tabel}"))
                .fetch_one(&db.pool)
                .await
                .unwrap()
        };
        (
            tel("locatie").await,
            tel("capaciteit").await,
            tel("peiling").await,
            tel("auditlog").await,
        )
    }

    const BESTAND: &str = "Overzicht opvang;;;\n\
        Gemeentecode;Locatie;Adres;Type;Capaciteit;Niet inzetbaar;Bezet ontheemden;Bezet statushouders;Peildatum\n\
        GM0344;Hotel Zuid;Stationsweg 12, 3511 AB Utrecht;Hotel;100;5;40;20;1-10-2026\n\
        GM0344;Hotel Zuid;Stationsweg 12, 3511 AB Utrecht;Hotel;120;0;50;20;1-11-2026\n\
        GM0344;Kantoor Noord;;Kantoor;1.024;0;500;0;2026-11-01\n\
        GM0363;Boot;;Cruiseschip;200;0;150;10;46327\n";

    beide_backends!(
        async fn import_is_all_or_nothing_and_idempotent(db) {
            let o = lees(&db, BESTAND).await;
            assert_eq!(o.problemen, vec![]);
            let mut stappen = Vec::new();
            let proef = db.importeren(&o, true, |v| stappen.push(v)).await.unwrap();
            assert_eq!(proef.nieuwe_locaties, 3);
            assert_eq!(proef.capaciteitswijzigingen, 4);
            assert_eq!(proef.nieuwe_peilingen, 4);
            assert_eq!(telling(&db).await, (0, 0, 0, 0));
            assert_eq!(stappen.last().unwrap().gedaan, 4);

            let echt = db.importeren(&o, false, |_| {}).await.unwrap();
            assert_eq!(ImportResultaat { proef: true, ..echt.clone() }, proef);
            let na_eerste = telling(&db).await;
            assert_eq!((na_eerste.0, na_eerste.1, na_eerste.2), (3, 4, 4));

            // Totals at the peildatum equal the file's totals.
            let standen = db.standen(d("2026-11-01"), &Gebied::land()).await.unwrap();
            let totalen = Totalen::van(&standen);
            assert_eq!(totalen.gerealiseerd, 120 + 1024 + 200);
            assert_eq!(totalen.bezetting.totaal(), 70 + 500 + 160);
            let zuid = db
                .locaties(&Default::default())
                .await
                .unwrap()
                .into_iter()
                .find(|l| l.gegevens.naam == "Hotel Zuid")
                .unwrap();
            assert_eq!(zuid.gegevens.postcode, "3511 AB");
            assert_eq!(zuid.gegevens.huisnummer, "12");
            let perioden = db.capaciteit(zuid.id).await.unwrap();
            assert_eq!(perioden.len(), 2);
            assert_eq!(perioden[0].tot_en_met, Some(d("2026-10-31")));
            assert_eq!(perioden[1].plaatsen, 120);

            let opnieuw = db.importeren(&o, false, |_| {}).await.unwrap();
            assert_eq!(
                opnieuw,
                ImportResultaat { ongewijzigde_peilingen: 4, ..ImportResultaat::default() }
            );
            assert_eq!(telling(&db).await, na_eerste);
        }
    );

    beide_backends!(
        async fn a_corrected_mapping_is_saved_per_heading_row_and_found_again(db) {
            let koppen: Vec<String> = ["Plaats", "Opvanglocatie", "Datum", "Bedden"]
                .map(String::from)
                .to_vec();
            assert_eq!(db.opgeslagen_koppeling(&koppen).await.unwrap(), None);
            let mut koppeling = Koppeling::automatisch(&koppen);
            assert_eq!(koppeling.kolommen[1].veld, None);
            koppeling.kolommen[0].veld = Some(ImportVeld::Gemeente);
            koppeling.kolommen[1].veld = Some(ImportVeld::Locatie);
            assert!(db.koppeling_opslaan(&koppen, &koppeling).await.unwrap());

            // The same headings in another case and spacing find it; other headings do not.
            let zelfde: Vec<String> = [" plaats", "OPVANGLOCATIE ", "datum", "Bedden"]
                .map(String::from)
                .to_vec();
            assert_eq!(
                db.opgeslagen_koppeling(&zelfde).await.unwrap(),
                Some(koppeling.clone())
            );
            let ander: Vec<String> = ["Plaats", "Opvanglocatie", "Datum"].map(String::from).to_vec();
            assert_eq!(db.opgeslagen_koppeling(&ander).await.unwrap(), None);

            // Saving again replaces; a mapping for other columns is refused.
            koppeling.kolommen[3].veld = None;
            assert!(db.koppeling_opslaan(&koppen, &koppeling).await.unwrap());
            assert_eq!(
                db.opgeslagen_koppeling(&koppen).await.unwrap(),
                Some(koppeling.clone())
            );
            let e = db.koppeling_opslaan(&ander, &koppeling).await.unwrap_err();
            assert_eq!(e.field.as_deref(), Some("koppeling"));

            // Going back to the automatic mapping forgets the saved one.
            assert!(!db
                .koppeling_opslaan(&koppen, &Koppeling::automatisch(&koppen))
                .await
                .unwrap());
            assert_eq!(db.opgeslagen_koppeling(&koppen).await.unwrap(), None);
        }
    );

    beide_backends!(
        async fn the_preview_counts_a_dry_run_and_stores_nothing(db) {
            let voorbeeld = bekijk(&db, BESTAND).await;
            assert_eq!(voorbeeld.regels, 4);
            assert_eq!((voorbeeld.fouten, voorbeeld.waarschuwingen), (0, 0));
            let r = voorbeeld.resultaat.unwrap();
            assert_eq!(
                (r.nieuwe_locaties, r.capaciteitswijzigingen, r.nieuwe_peilingen, r.proef),
                (3, 4, 4, true)
            );
            assert_eq!(telling(&db).await, (0, 0, 0, 0));

            assert!(!voorbeeld.koppeling_opgeslagen);

            let fout = format!("{BESTAND}GM0344;Slecht;;;12,5;0;0;0;1-11-2026\n");
            let voorbeeld = bekijk(&db, &fout).await;
            assert_eq!((voorbeeld.fouten, voorbeeld.resultaat), (1, None));
            assert_eq!(voorbeeld.problemen.iter().find(|p| p.ernst == Ernst::Fout).unwrap().rij, 7);
        }
    );

    /// The files LibreOffice wrote (tests/fixtures/import/libreoffice, see its README).
    fn fixture(naam: &str) -> Vec<u8> {
        let pad = format!(
            "{}/../../tests/fixtures/import/libreoffice/{naam}",
            env!("CARGO_MANIFEST_DIR")
        );
        std::fs::read(&pad).unwrap_or_else(|e| panic!("{pad}: {e}"))
    }

    /// Municipality, name, address, type, capacity, not usable, occupied per group, peildatum.
    type Rij = (
        &'static str,
        &'static str,
        &'static str,
        &'static str,
        &'static str,
        &'static str,
        [u32; 3],
        &'static str,
    );

    /// The same sheet as the LibreOffice fixtures, written by the project's own writer.
    fn eigen_werkboek() -> Vec<u8> {
        use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
        let mut boek = Workbook::new();
        let blad = boek.add_worksheet();
        let datum = Format::new().set_num_format("d-m-yyyy");
        blad.write(0, 0, "Bezetting opvanglocaties regio Utrecht")
            .unwrap();
        blad.write(1, 0, "Bijgewerkt door team opvang, stand november 2026")
            .unwrap();
        let koppen = [
            "Gemeente",
            "Locatie",
            "Adres",
            "Type",
            "Capaciteit",
            "Niet inzetbaar",
            "Bezet ontheemden",
            "Bezet statushouders",
            "Bezet asielzoekers",
            "Peildatum",
        ];
        for (k, kop) in koppen.iter().enumerate() {
            blad.write(3, k as u16, *kop).unwrap();
        }
        let tekst = |r: u32, k: u16, w: &str, blad: &mut rust_xlsxwriter::Worksheet| {
            blad.write(r, k, w).unwrap();
        };
        let rijen: [Rij; 5] = [
            (
                "Utrecht",
                "Hotel Vredenburg",
                "Vredenburg 14, 3511 BA Utrecht",
                "Hotel",
                "120",
                "0",
                [100, 10, 0],
                "2026-10-05",
            ),
            (
                "Utrecht",
                "Hotel Vredenburg",
                "Vredenburg 14, 3511 BA Utrecht",
                "Hotel",
                "130",
                "5",
                [110, 12, 0],
                "2-11-2026",
            ),
            (
                "Utrecht",
                "Kantoor Rijnsweerd",
                "Archimedeslaan 6, 3584 BA Utrecht",
                "Kantoor",
                "1.024",
                "12",
                [900, 50, 10],
                "2026-11-02",
            ),
            (
                "Amersfoort",
                "Modulair Vathorst",
                "Laakweg 3 Amersfoort",
                "Modulair",
                "240",
                "0",
                [180, 40, 0],
                "02-11-2026",
            ),
            (
                "Zeist",
                "Paviljoen Kerckebosch",
                "",
                "Iglo",
                "60",
                "0",
                [30, 0, 5],
                "2026-11-02",
            ),
        ];
        for (i, (gemeente, naam, adres, soort, cap, niet, bezet, dag)) in rijen.iter().enumerate() {
            let r = 4 + i as u32;
            for (k, w) in [gemeente, naam, adres, soort].iter().enumerate() {
                tekst(r, k as u16, w, blad);
            }
            // Numbers as numbers, except the Dutch "1.024" kept as text; real dates where ISO.
            for (k, w) in [(4, cap), (5, niet)] {
                match w.parse::<u32>() {
                    Ok(n) => blad.write(r, k, n).map(|_| ()).unwrap(),
                    Err(_) => tekst(r, k, w, blad),
                }
            }
            for (k, n) in bezet.iter().enumerate() {
                blad.write(r, 6 + k as u16, *n).unwrap();
            }
            if i == 0 {
                let dt = ExcelDateTime::parse_from_str(dag).unwrap();
                blad.write_with_format(r, 9, &dt, &datum).unwrap();
            } else {
                tekst(r, 9, dag, blad);
            }
        }
        boek.save_to_buffer().unwrap()
    }

    beide_backends!(
        async fn libreoffice_and_own_writer_files_import_to_the_exact_totals(db) {
            let bestanden = [
                ("bezetting.xlsx", fixture("bezetting.xlsx")),
                ("bezetting.ods", fixture("bezetting.ods")),
                ("bezetting.csv", fixture("bezetting.csv")),
                ("eigen.xlsx", eigen_werkboek()),
            ];
            for (i, (naam, bytes)) in bestanden.iter().enumerate() {
                let tabel = crate::import::lees_bestand(naam, bytes).unwrap();
                assert_eq!(tabel.kopregel, 4, "{naam}");
                let o = ontleed_met(&db, &tabel).await;
                assert_eq!(o.regels.len(), 5, "{naam}");
                assert_eq!(
                    o.problemen.iter().map(|p| (p.rij, p.kolom.as_str(), p.ernst)).collect::<Vec<_>>(),
                    vec![(9, "Type", Ernst::Waarschuwing)],
                    "{naam}"
                );
                let r = db.importeren(&o, false, |_| {}).await.unwrap();
                if i == 0 {
                    assert_eq!(
                        (r.nieuwe_locaties, r.nieuwe_peilingen, r.capaciteitswijzigingen),
                        (4, 5, 5)
                    );
                } else {
                    // Another format of the same sheet changes nothing.
                    assert_eq!(
                        r,
                        ImportResultaat { ongewijzigde_peilingen: 5, ..ImportResultaat::default() },
                        "{naam}"
                    );
                }
                let standen = db.standen(d("2026-11-02"), &Gebied::land()).await.unwrap();
                let t = Totalen::van(&standen);
                assert_eq!(t.gerealiseerd, 130 + 1024 + 240 + 60, "{naam}");
                assert_eq!(t.niet_inzetbaar, 5 + 12, "{naam}");
                assert_eq!(t.bezetting.get(Doelgroep::Ontheemden), 110 + 900 + 180 + 30);
                assert_eq!(t.bezetting.get(Doelgroep::Statushouders), 12 + 50 + 40);
                assert_eq!(t.bezetting.get(Doelgroep::Asielzoekers), 10 + 5);
                assert_eq!(t.bezetting.totaal(), 1337);
                let oktober = Totalen::van(&db.standen(d("2026-10-05"), &Gebied::land()).await.unwrap());
                assert_eq!((oktober.gerealiseerd, oktober.bezetting.totaal()), (120, 110));
            }
            let locaties = db.locaties(&Default::default()).await.unwrap();
            let rijnsweerd = locaties.iter().find(|l| l.gegevens.naam == "Kantoor Rijnsweerd").unwrap();
            assert_eq!(
                (rijnsweerd.gegevens.straat.as_str(), rijnsweerd.gegevens.huisnummer.as_str(), rijnsweerd.gegevens.postcode.as_str()),
                ("Archimedeslaan", "6", "3584 BA")
            );
        }
    );

    beide_backends!(
        async fn a_libreoffice_file_with_bad_rows_names_them_and_imports_nothing(db) {
            for naam in ["fout.xlsx", "fout.ods"] {
                let tabel = crate::import::lees_bestand(naam, &fixture(naam)).unwrap();
                let o = ontleed_met(&db, &tabel).await;
                let fouten: Vec<String> = o
                    .problemen
                    .iter()
                    .filter(|p| p.ernst == Ernst::Fout)
                    .map(|p| p.to_string())
                    .collect();
                assert_eq!(fouten.len(), 3, "{naam}: {fouten:?}");
                assert!(fouten[0].starts_with("Rij 10, kolom Capaciteit: \"12,5\" is geen geheel aantal"), "{fouten:?}");
                assert!(fouten[1].starts_with("Rij 11, kolom Gemeente: onbekende gemeente \"Atlantis\""), "{fouten:?}");
                assert!(fouten[2].starts_with("Rij 11, kolom Peildatum:"), "{fouten:?}");
                assert!(db.importeren(&o, false, |_| {}).await.is_err());
                assert_eq!(telling(&db).await, (0, 0, 0, 0), "{naam}");
            }
        }
    );

    beide_backends!(
        async fn a_malformed_file_changes_nothing(db) {
            let fout = format!("{BESTAND}GM0344;Slecht;;;12,5;0;0;0;1-11-2026\n");
            let o = lees(&db, &fout).await;
            let e = db.importeren(&o, false, |_| {}).await.unwrap_err();
            assert_eq!(
                e.message,
                "Het bestand is niet geïmporteerd: 1 fout(en). Eerste: Rij 7, kolom Capaciteit: \
                 \"12,5\" is geen geheel aantal; een aantal personen of plaatsen heeft geen \
                 decimalen. (fout)"
            );
            assert_eq!(e.field.as_deref(), Some("Capaciteit"));
            assert_eq!(telling(&db).await, (0, 0, 0, 0));
        }
    );
}
