//! Writes the benchmark's import workbook: weekly occupancy of many locations as a planner's XLSX.
//!
//! Usage: `cargo run --release -p opvang-core --example bench_xlsx -- FILE.xlsx [ROWS] [LAST-MONDAY]`.
//! Rows are 500 locations in 50 municipalities times consecutive weeks ending on LAST-MONDAY, with
//! numbers, text and date cells as `opvang import` reads them (scripts/bench.sh uses 100,000 rows).

use chrono::{Datelike, Duration, NaiveDate};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

const SOORTEN: [&str; 5] = ["Hotel", "Kantoor", "Modulair", "Vakantiepark", "Zorg"];

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let uit = args
        .next()
        .ok_or("usage: bench_xlsx FILE.xlsx [ROWS] [LAST-MONDAY]")?;
    let rijen: usize = args.next().map_or(Ok(100_000), |a| a.parse())?;
    let laatste = match args.next() {
        Some(a) => a.parse::<NaiveDate>()?,
        None => NaiveDate::from_ymd_opt(2026, 11, 23).ok_or("date")?,
    };
    let laatste = laatste - Duration::days(i64::from(laatste.weekday().num_days_from_monday()));
    let (_, csv) = *opvang_core::reference::INDELINGEN
        .last()
        .ok_or("division")?;
    let gemeenten = opvang_core::reference::indeling(csv);
    let locaties = 500;
    let weken = rijen.div_ceil(locaties);

    let mut boek = Workbook::new();
    let blad = boek.add_worksheet();
    let koppen = [
        "Gemeentecode",
        "Gemeente",
        "Locatie",
        "Type",
        "Capaciteit",
        "Niet inzetbaar",
        "Bezet ontheemden",
        "Bezet statushouders",
        "Bezet asielzoekers",
        "Peildatum",
    ];
    for (k, kop) in koppen.iter().enumerate() {
        blad.write_string(0, k as u16, *kop)?;
    }
    let datum = Format::new().set_num_format("d-m-yyyy");
    let mut rij = 1u32;
    'klaar: for w in 0..weken {
        let dag = laatste - Duration::weeks((weken - 1 - w) as i64);
        let excel = ExcelDateTime::from_ymd(dag.year() as u16, dag.month() as u8, dag.day() as u8)?;
        for l in 0..locaties {
            if rij as usize > rijen {
                break 'klaar;
            }
            let g = &gemeenten[(l % 50) * 6];
            let capaciteit = 40 + (l % 9) as u32 * 20;
            let bezet = capaciteit - ((l + w) % 11) as u32;
            blad.write_string(rij, 0, &g.code)?;
            blad.write_string(rij, 1, &g.naam)?;
            blad.write_string(rij, 2, format!("{} Importlaan {}", SOORTEN[l % 5], l + 1))?;
            blad.write_string(rij, 3, SOORTEN[l % 5])?;
            blad.write_number(rij, 4, capaciteit)?;
            blad.write_number(rij, 5, if (l + w) % 13 == 0 { 2 } else { 0 })?;
            blad.write_number(rij, 6, bezet * 8 / 10)?;
            blad.write_number(rij, 7, bezet / 10)?;
            blad.write_number(rij, 8, bezet - bezet * 8 / 10 - bezet / 10)?;
            blad.write_datetime_with_format(rij, 9, &excel, &datum)?;
            rij += 1;
        }
    }
    boek.save(&uit)?;
    println!("{} rijen geschreven naar {uit}", rij - 1);
    Ok(())
}
