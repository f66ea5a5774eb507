//! Printable A4 PDF reports: headings, wrapped paragraphs, tables and vector charts in DejaVu Sans.
//!
//! Usage:
//! ```ignore
//! let mut r = Rapport::nieuw("VNG-rapportage 1-11-2026");      // document title (metadata)
//! r.voettekst("Opvangplanner · peildatum 1-11-2026");          // footer left; right: "Pagina 1 van 3"
//! r.kop1("Bezetting per gemeente"); r.alinea("Tekst met ë, é, ï en €, wordt afgebroken.");
//! r.gegevens(&[("Capaciteit".into(), "120".into())]);           // label/value list
//! r.tabel(&Tabel::new(vec![Kolom::tekst("Gemeente", 3.0), Kolom::getal("Plaatsen", 1.0)], rijen));
//! r.lijngrafiek(&Lijngrafiek { titel, x_as, y_as, labels, reeksen: vec![Reeks { naam, waarden }] });
//! r.staafgrafiek(&Staafgrafiek { titel, waarde_as, richting: Richting::Horizontaal, staven });
//! let bytes: Vec<u8> = r.pdf()?;                               // CoreError::bestand on failure
//! ```
//! Layout happens first (so "Pagina X van N" is known), drawing with krilla afterwards; the
//! fonts are embedded and subset with a ToUnicode map, so all text can be copied and searched.

use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::Metadata;
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke, StrokeDash};
use krilla::text::{Font, TextDirection};
use krilla::Document;
use skrifa::charmap::Charmap;
use skrifa::instance::{LocationRef, Size};
use skrifa::metrics::GlyphMetrics;
use skrifa::{FontRef, MetadataProvider};

use crate::error::{CoreError, CoreResult};
use crate::format::getal_in;
use crate::i18n::{self, Taal};

const REGULIER: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
const VET: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");

/// A4 in points.
const BREEDTE: f32 = 595.28;
const HOOGTE: f32 = 841.89;
const MARGE_LINKS: f32 = 56.0;
const MARGE_RECHTS: f32 = 56.0;
const MARGE_BOVEN: f32 = 56.0;
/// The last y a content line may reach; the footer sits below it.
const ONDERGRENS: f32 = HOOGTE - 64.0;
const INHOUD_BREEDTE: f32 = BREEDTE - MARGE_LINKS - MARGE_RECHTS;

const TEKST_GROOTTE: f32 = 10.0;
const REGELAFSTAND: f32 = 1.35;

/// An RGB colour.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Kleur(pub u8, pub u8, pub u8);

const ZWART: Kleur = Kleur(0x1a, 0x1a, 0x1a);
const GRIJS: Kleur = Kleur(0x5c, 0x5c, 0x5c);
const LIJN: Kleur = Kleur(0xb0, 0xb0, 0xb0);
const RASTER: Kleur = Kleur(0xe2, 0xe2, 0xe2);
const KOP_ACHTERGROND: Kleur = Kleur(0xe8, 0xee, 0xf5);
const ACCENT: Kleur = Kleur(0x15, 0x42, 0x73);

/// Series colours for charts, distinguishable in print and for colour-blind readers.
pub const PALET: [Kleur; 6] = [
    Kleur(0x15, 0x42, 0x73),
    Kleur(0xd5, 0x5e, 0x00),
    Kleur(0x00, 0x9e, 0x73),
    Kleur(0xcc, 0x79, 0xa7),
    Kleur(0x56, 0xb4, 0xe9),
    Kleur(0x6b, 0x6b, 0x6b),
];

/// One table column: its header, its share of the width and whether it holds numbers.
#[derive(Debug, Clone)]
pub struct Kolom {
    pub titel: String,
    /// Relative width; the columns share the full text width in these proportions.
    pub breedte: f32,
    /// Right-aligned (numbers) instead of left-aligned.
    pub rechts: bool,
}

impl Kolom {
    /// A left-aligned text column.
    pub fn tekst(titel: &str, breedte: f32) -> Self {
        Kolom {
            titel: titel.to_owned(),
            breedte,
            rechts: false,
        }
    }

    /// A right-aligned number column.
    pub fn getal(titel: &str, breedte: f32) -> Self {
        Kolom {
            titel: titel.to_owned(),
            breedte,
            rechts: true,
        }
    }
}

/// A table; a row too long for the page goes to the next page, which repeats the header.
#[derive(Debug, Clone)]
pub struct Tabel {
    pub kolommen: Vec<Kolom>,
    pub rijen: Vec<Vec<String>>,
    /// Rows drawn bold with a rule above (totals), counted from the end.
    pub totaalrijen: usize,
}

impl Tabel {
    pub fn new(kolommen: Vec<Kolom>, rijen: Vec<Vec<String>>) -> Self {
        Tabel {
            kolommen,
            rijen,
            totaalrijen: 0,
        }
    }
}

/// One line in a line chart: a value (or a gap) per x label.
#[derive(Debug, Clone)]
pub struct Reeks {
    pub naam: String,
    pub waarden: Vec<Option<f64>>,
}

/// A line chart of one or more series over the same x labels (dates, months).
#[derive(Debug, Clone)]
pub struct Lijngrafiek {
    pub titel: String,
    pub x_as: String,
    pub y_as: String,
    pub labels: Vec<String>,
    pub reeksen: Vec<Reeks>,
}

/// Bars left to right (categories on the y axis) or bottom to top (categories on the x axis).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Richting {
    Horizontaal,
    Verticaal,
}

/// A bar chart: one bar per category with its value printed beside it.
#[derive(Debug, Clone)]
pub struct Staafgrafiek {
    pub titel: String,
    /// The label of the value axis, e.g. "Bezette plaatsen".
    pub waarde_as: String,
    pub richting: Richting,
    pub staven: Vec<(String, f64)>,
}

#[derive(Debug, Clone)]
enum Op {
    Tekst {
        x: f32,
        y: f32,
        grootte: f32,
        vet: bool,
        kleur: Kleur,
        tekst: String,
    },
    Lijn {
        punten: Vec<(f32, f32)>,
        dikte: f32,
        kleur: Kleur,
        gestippeld: bool,
    },
    Vlak {
        x: f32,
        y: f32,
        b: f32,
        h: f32,
        kleur: Kleur,
    },
}

/// Glyph advance widths of one embedded font, to measure text for wrapping and alignment.
struct Maat {
    charmap: Charmap<'static>,
    metrics: GlyphMetrics<'static>,
}

impl Maat {
    fn new(data: &'static [u8]) -> Self {
        let font = FontRef::new(data).expect("ingebouwd lettertype is geldig");
        Maat {
            charmap: font.charmap(),
            metrics: font.glyph_metrics(Size::new(1.0), LocationRef::default()),
        }
    }

    fn breedte(&self, tekst: &str, grootte: f32) -> f32 {
        tekst
            .chars()
            .map(|c| {
                let gid = self.charmap.map(c).unwrap_or_default();
                self.metrics.advance_width(gid).unwrap_or(0.5)
            })
            .sum::<f32>()
            * grootte
    }
}

/// A report being laid out; call [`Rapport::pdf`] to get the file's bytes.
pub struct Rapport {
    taal: Taal,
    titel: String,
    voettekst: String,
    paginas: Vec<Vec<Op>>,
    y: f32,
    regulier: Maat,
    vet: Maat,
}

impl Rapport {
    /// An empty A4 report in the active language whose PDF title is `titel` (not printed; add a
    /// heading for that).
    pub fn nieuw(titel: &str) -> Self {
        Rapport::nieuw_in(i18n::actieve_taal(), titel)
    }

    /// An empty A4 report in `taal`: its page footer, axis numbers and document language.
    pub fn nieuw_in(taal: Taal, titel: &str) -> Self {
        Rapport {
            taal,
            titel: titel.to_owned(),
            voettekst: String::new(),
            paginas: vec![Vec::new()],
            y: MARGE_BOVEN,
            regulier: Maat::new(REGULIER),
            vet: Maat::new(VET),
        }
    }

    /// The language of the report.
    pub fn taal(&self) -> Taal {
        self.taal
    }

    /// A number on an axis or bar in the report's language: `96.830`, `2,5` (English `2.5`).
    fn getal(&self, v: f64) -> String {
        getal_in(self.taal, v)
    }

    /// The text printed at the bottom left of every page.
    pub fn voettekst(&mut self, tekst: &str) {
        self.voettekst = tekst.to_owned();
    }

    /// The width of `tekst` in points.
    pub fn tekstbreedte(&self, tekst: &str, grootte: f32, vet: bool) -> f32 {
        if vet {
            self.vet.breedte(tekst, grootte)
        } else {
            self.regulier.breedte(tekst, grootte)
        }
    }

    /// Starts a new page (unless the current one is still empty).
    pub fn nieuwe_pagina(&mut self) {
        if !self.paginas.last().is_some_and(Vec::is_empty) {
            self.paginas.push(Vec::new());
        }
        self.y = MARGE_BOVEN;
    }

    /// Vertical white space in points.
    pub fn ruimte(&mut self, punten: f32) {
        if self.y > MARGE_BOVEN {
            self.y += punten;
        }
    }

    /// Title of the report (18 pt).
    pub fn kop1(&mut self, tekst: &str) {
        self.kop(tekst, 18.0, 8.0, 10.0);
    }

    /// Section heading (13.5 pt).
    pub fn kop2(&mut self, tekst: &str) {
        self.kop(tekst, 13.5, 14.0, 10.0);
    }

    /// Subsection heading (11 pt).
    pub fn kop3(&mut self, tekst: &str) {
        self.kop(tekst, 11.0, 10.0, 6.0);
    }

    fn kop(&mut self, tekst: &str, grootte: f32, ervoor: f32, regels_erna: f32) {
        let regels = self.breek(tekst, grootte, true, INHOUD_BREEDTE);
        let hoogte = regels.len() as f32 * grootte * 1.25;
        // Keep a heading with what follows (a section heading also with its first subheading).
        self.ruimte(ervoor);
        self.plek_voor(hoogte + regels_erna * TEKST_GROOTTE * REGELAFSTAND);
        for regel in regels {
            self.y += grootte * 1.25;
            let y = self.y - grootte * 0.25;
            self.op(Op::Tekst {
                x: MARGE_LINKS,
                y,
                grootte,
                vet: true,
                kleur: ACCENT,
                tekst: regel,
            });
        }
        self.y += 4.0;
    }

    /// A paragraph of running text, wrapped to the page width; `\n` starts a new line.
    pub fn alinea(&mut self, tekst: &str) {
        self.alinea_met(tekst, TEKST_GROOTTE, ZWART);
    }

    /// A paragraph in small grey type (sources, notes).
    pub fn toelichting(&mut self, tekst: &str) {
        self.alinea_met(tekst, 8.5, GRIJS);
    }

    fn alinea_met(&mut self, tekst: &str, grootte: f32, kleur: Kleur) {
        let regelhoogte = grootte * REGELAFSTAND;
        for regel in self.breek(tekst, grootte, false, INHOUD_BREEDTE) {
            self.plek_voor(regelhoogte);
            self.y += regelhoogte;
            let y = self.y - grootte * 0.3;
            self.op(Op::Tekst {
                x: MARGE_LINKS,
                y,
                grootte,
                vet: false,
                kleur,
                tekst: regel,
            });
        }
        self.y += grootte * 0.6;
    }

    /// A list of label/value pairs in two columns (labels bold), like a data sheet.
    pub fn gegevens(&mut self, paren: &[(String, String)]) {
        let label_breedte = paren
            .iter()
            .map(|(l, _)| self.vet.breedte(l, TEKST_GROOTTE))
            .fold(0.0_f32, f32::max)
            .min(INHOUD_BREEDTE * 0.4)
            + 12.0;
        let regelhoogte = TEKST_GROOTTE * REGELAFSTAND;
        for (label, waarde) in paren {
            let links = self.breek(label, TEKST_GROOTTE, true, label_breedte - 12.0);
            let rechts = self.breek(waarde, TEKST_GROOTTE, false, INHOUD_BREEDTE - label_breedte);
            let n = links.len().max(rechts.len());
            self.plek_voor(n as f32 * regelhoogte);
            for i in 0..n {
                self.y += regelhoogte;
                let y = self.y - TEKST_GROOTTE * 0.3;
                if let Some(l) = links.get(i) {
                    let tekst = l.clone();
                    self.op(Op::Tekst {
                        x: MARGE_LINKS,
                        y,
                        grootte: TEKST_GROOTTE,
                        vet: true,
                        kleur: ZWART,
                        tekst,
                    });
                }
                if let Some(w) = rechts.get(i) {
                    let (x, tekst) = (MARGE_LINKS + label_breedte, w.clone());
                    self.op(Op::Tekst {
                        x,
                        y,
                        grootte: TEKST_GROOTTE,
                        vet: false,
                        kleur: ZWART,
                        tekst,
                    });
                }
            }
            self.y += 2.0;
        }
        self.y += TEKST_GROOTTE * 0.6;
    }

    /// A table over the full text width; cells wrap; the header repeats on every page it spans.
    pub fn tabel(&mut self, tabel: &Tabel) {
        const GROOTTE: f32 = 8.5;
        const OPVULLING: f32 = 3.0;
        let regelhoogte = GROOTTE * 1.3;
        let totaal: f32 = tabel.kolommen.iter().map(|k| k.breedte.max(0.1)).sum();
        let breedtes: Vec<f32> = tabel
            .kolommen
            .iter()
            .map(|k| k.breedte.max(0.1) / totaal * INHOUD_BREEDTE)
            .collect();
        let koppen: Vec<Vec<String>> = tabel
            .kolommen
            .iter()
            .zip(&breedtes)
            .map(|(k, b)| self.breek(&k.titel, GROOTTE, true, b - 2.0 * OPVULLING))
            .collect();
        let kop_hoogte =
            koppen.iter().map(Vec::len).max().unwrap_or(1) as f32 * regelhoogte + 2.0 * OPVULLING;
        let eerste_totaal = tabel.rijen.len().saturating_sub(tabel.totaalrijen);

        let mut kop_getekend = false;
        for (index, rij) in tabel.rijen.iter().enumerate() {
            let vet = index >= eerste_totaal;
            let cellen: Vec<Vec<String>> = breedtes
                .iter()
                .enumerate()
                .map(|(i, b)| {
                    let tekst = rij.get(i).map(String::as_str).unwrap_or("");
                    self.breek(tekst, GROOTTE, vet, b - 2.0 * OPVULLING)
                })
                .collect();
            let hoogte = cellen.iter().map(Vec::len).max().unwrap_or(1) as f32 * regelhoogte
                + 2.0 * OPVULLING;
            if !kop_getekend || self.y + hoogte > ONDERGRENS {
                if self.y + kop_hoogte + hoogte > ONDERGRENS {
                    self.nieuwe_pagina();
                }
                self.tabelrij(
                    tabel,
                    &breedtes,
                    &koppen,
                    kop_hoogte,
                    GROOTTE,
                    true,
                    Some(KOP_ACHTERGROND),
                );
                kop_getekend = true;
            }
            if vet && index == eerste_totaal {
                self.op(Op::Lijn {
                    punten: vec![
                        (MARGE_LINKS, self.y),
                        (MARGE_LINKS + INHOUD_BREEDTE, self.y),
                    ],
                    dikte: 0.9,
                    kleur: ZWART,
                    gestippeld: false,
                });
            }
            self.tabelrij(tabel, &breedtes, &cellen, hoogte, GROOTTE, vet, None);
        }
        if !kop_getekend {
            self.plek_voor(kop_hoogte);
            self.tabelrij(
                tabel,
                &breedtes,
                &koppen,
                kop_hoogte,
                GROOTTE,
                true,
                Some(KOP_ACHTERGROND),
            );
        }
        self.y += 8.0;
    }

    #[allow(clippy::too_many_arguments)]
    fn tabelrij(
        &mut self,
        tabel: &Tabel,
        breedtes: &[f32],
        cellen: &[Vec<String>],
        hoogte: f32,
        grootte: f32,
        vet: bool,
        achtergrond: Option<Kleur>,
    ) {
        const OPVULLING: f32 = 3.0;
        let boven = self.y;
        if let Some(kleur) = achtergrond {
            self.op(Op::Vlak {
                x: MARGE_LINKS,
                y: boven,
                b: INHOUD_BREEDTE,
                h: hoogte,
                kleur,
            });
        }
        let mut x = MARGE_LINKS;
        for ((kolom, breedte), regels) in tabel.kolommen.iter().zip(breedtes).zip(cellen) {
            for (i, regel) in regels.iter().enumerate() {
                let y = boven + OPVULLING + (i as f32 + 1.0) * grootte * 1.3 - grootte * 0.28;
                let tx = if kolom.rechts {
                    x + breedte - OPVULLING - self.tekstbreedte(regel, grootte, vet)
                } else {
                    x + OPVULLING
                };
                self.op(Op::Tekst {
                    x: tx,
                    y,
                    grootte,
                    vet,
                    kleur: ZWART,
                    tekst: regel.clone(),
                });
            }
            x += breedte;
        }
        self.y = boven + hoogte;
        self.op(Op::Lijn {
            punten: vec![
                (MARGE_LINKS, self.y),
                (MARGE_LINKS + INHOUD_BREEDTE, self.y),
            ],
            dikte: if achtergrond.is_some() { 0.8 } else { 0.4 },
            kleur: if achtergrond.is_some() { GRIJS } else { LIJN },
            gestippeld: false,
        });
    }

    /// A line chart (220 pt high) with value axis from zero, grid, x labels that never overlap,
    /// axis titles and a legend when there is more than one series.
    pub fn lijngrafiek(&mut self, grafiek: &Lijngrafiek) {
        let legenda = grafiek.reeksen.len() > 1;
        let hoogte = 230.0 + if legenda { 16.0 } else { 0.0 };
        self.grafiektitel(&grafiek.titel, hoogte);
        let boven = self.y;

        let max = grafiek
            .reeksen
            .iter()
            .flat_map(|r| r.waarden.iter().flatten())
            .fold(0.0_f64, |a, &b| a.max(b));
        let min = grafiek
            .reeksen
            .iter()
            .flat_map(|r| r.waarden.iter().flatten())
            .fold(0.0_f64, |a, &b| a.min(b));
        let schaal = Schaal::new(min, max);

        // Plot area: room for the y title above, tick labels left, x labels and title below.
        let tick_breedte = schaal
            .ticks()
            .iter()
            .map(|&t| self.tekstbreedte(&self.getal(t), 8.0, false))
            .fold(0.0_f32, f32::max);
        let links = MARGE_LINKS + tick_breedte + 6.0;
        let rechts = MARGE_LINKS + INHOUD_BREEDTE - 4.0;
        let top = boven + 16.0;
        let bodem = boven + 190.0;
        self.tekst_op(MARGE_LINKS, boven + 9.0, 8.0, false, GRIJS, &grafiek.y_as);
        self.assen_y(&schaal, links, rechts, top, bodem);

        let n = grafiek.labels.len().max(1);
        let stap = if n > 1 {
            (rechts - links) / (n - 1) as f32
        } else {
            0.0
        };
        let x_van = |i: usize| {
            if n > 1 {
                links + stap * i as f32
            } else {
                (links + rechts) / 2.0
            }
        };
        // X labels: every k-th label so that labels keep 8 pt between them.
        let label_breedte = grafiek
            .labels
            .iter()
            .map(|l| self.tekstbreedte(l, 8.0, false))
            .fold(0.0_f32, f32::max);
        let elke = if stap > 0.0 {
            ((label_breedte + 8.0) / stap).ceil().max(1.0) as usize
        } else {
            1
        };
        for (i, label) in grafiek.labels.iter().enumerate() {
            if i % elke != 0 {
                continue;
            }
            let x = x_van(i);
            let b = self.tekstbreedte(label, 8.0, false);
            let lx = (x - b / 2.0).clamp(MARGE_LINKS, MARGE_LINKS + INHOUD_BREEDTE - b);
            self.lijn(vec![(x, bodem), (x, bodem + 3.0)], 0.6, GRIJS);
            self.tekst_op(lx, bodem + 12.0, 8.0, false, GRIJS, label);
        }
        let xb = self.tekstbreedte(&grafiek.x_as, 8.0, false);
        self.tekst_op(
            (links + rechts - xb) / 2.0,
            bodem + 26.0,
            8.0,
            false,
            GRIJS,
            &grafiek.x_as,
        );

        for (r, reeks) in grafiek.reeksen.iter().enumerate() {
            let kleur = PALET[r % PALET.len()];
            let mut stuk: Vec<(f32, f32)> = Vec::new();
            for (i, waarde) in reeks.waarden.iter().enumerate().take(n) {
                match waarde {
                    Some(v) => stuk.push((x_van(i), schaal.y(*v, top, bodem))),
                    None => {
                        self.reeksstuk(std::mem::take(&mut stuk), kleur);
                    }
                }
            }
            self.reeksstuk(stuk, kleur);
        }
        let mut y = bodem + 32.0;
        if legenda {
            y += 6.0;
            let mut x = links;
            for (r, reeks) in grafiek.reeksen.iter().enumerate() {
                let kleur = PALET[r % PALET.len()];
                self.lijn(vec![(x, y - 3.0), (x + 14.0, y - 3.0)], 2.0, kleur);
                self.tekst_op(x + 18.0, y, 8.0, false, ZWART, &reeks.naam);
                x += 30.0 + self.tekstbreedte(&reeks.naam, 8.0, false);
            }
        }
        self.y = y.max(boven + hoogte - 16.0) + 6.0;
    }

    fn reeksstuk(&mut self, stuk: Vec<(f32, f32)>, kleur: Kleur) {
        match stuk.len() {
            0 => {}
            1 => {
                let (x, y) = stuk[0];
                self.op(Op::Vlak {
                    x: x - 1.5,
                    y: y - 1.5,
                    b: 3.0,
                    h: 3.0,
                    kleur,
                });
            }
            _ => self.lijn(stuk, 1.6, kleur),
        }
    }

    /// A bar chart; horizontal bars get their category labels on the left, vertical bars below.
    pub fn staafgrafiek(&mut self, grafiek: &Staafgrafiek) {
        self.staafgrafiek_tot(grafiek, 0.0);
    }

    /// A bar chart whose value axis reaches at least `tot` (e.g. 4 for scores on a 0–4 scale).
    pub fn staafgrafiek_tot(&mut self, grafiek: &Staafgrafiek, tot: f64) {
        match grafiek.richting {
            Richting::Horizontaal => self.horizontale_staven(grafiek, tot),
            Richting::Verticaal => self.verticale_staven(grafiek, tot),
        }
    }

    fn horizontale_staven(&mut self, grafiek: &Staafgrafiek, tot: f64) {
        let staaf = 13.0;
        let afstand = 5.0;
        let hoogte = grafiek.staven.len() as f32 * (staaf + afstand) + 44.0;
        self.grafiektitel(&grafiek.titel, hoogte.min(ONDERGRENS - MARGE_BOVEN - 30.0));
        let max = grafiek.staven.iter().map(|s| s.1).fold(tot, f64::max);
        let min = grafiek.staven.iter().map(|s| s.1).fold(0.0_f64, f64::min);
        let schaal = Schaal::new(min, max);
        let label_breedte = grafiek
            .staven
            .iter()
            .map(|(l, _)| self.tekstbreedte(l, 8.0, false))
            .fold(0.0_f32, f32::max)
            .min(INHOUD_BREEDTE * 0.42);
        let links = MARGE_LINKS + label_breedte + 8.0;
        let waarde_ruimte = grafiek
            .staven
            .iter()
            .map(|(_, v)| self.tekstbreedte(&self.getal(*v), 8.0, false))
            .fold(0.0_f32, f32::max)
            + 6.0;
        let rechts = MARGE_LINKS + INHOUD_BREEDTE - waarde_ruimte;
        let mut top = self.y + 4.0;
        let mut stuk_top = top;
        self.assen_x_raster(
            &schaal,
            links,
            rechts,
            stuk_top,
            top,
            &grafiek.waarde_as,
            false,
        );
        for (label, waarde) in &grafiek.staven {
            if top + staaf + afstand + 24.0 > ONDERGRENS {
                // Continue on the next page with the scale repeated.
                self.assen_x_raster(
                    &schaal,
                    links,
                    rechts,
                    stuk_top,
                    top,
                    &grafiek.waarde_as,
                    true,
                );
                self.nieuwe_pagina();
                top = self.y + 4.0;
                stuk_top = top;
            }
            let korte = self.kort_af(label, 8.0, label_breedte);
            let lb = self.tekstbreedte(&korte, 8.0, false);
            self.tekst_op(
                links - 6.0 - lb,
                top + staaf - 3.5,
                8.0,
                false,
                ZWART,
                &korte,
            );
            let x0 = schaal.x(0.0, links, rechts);
            let x1 = schaal.x(*waarde, links, rechts);
            let (xa, xb) = (x0.min(x1), x0.max(x1));
            self.op(Op::Vlak {
                x: xa,
                y: top,
                b: (xb - xa).max(0.5),
                h: staaf,
                kleur: PALET[0],
            });
            self.tekst_op(
                xb + 3.0,
                top + staaf - 3.5,
                8.0,
                false,
                ZWART,
                &self.getal(*waarde),
            );
            top += staaf + afstand;
        }
        self.assen_x_raster(
            &schaal,
            links,
            rechts,
            stuk_top,
            top,
            &grafiek.waarde_as,
            true,
        );
        self.y = top + 30.0;
    }

    /// Grid lines and (when `onderkant`) tick labels and axis title for a horizontal value axis.
    #[allow(clippy::too_many_arguments)]
    fn assen_x_raster(
        &mut self,
        schaal: &Schaal,
        links: f32,
        rechts: f32,
        top: f32,
        bodem: f32,
        titel: &str,
        onderkant: bool,
    ) {
        if !onderkant {
            return;
        }
        for t in schaal.ticks() {
            let x = schaal.x(t, links, rechts);
            let kleur = if t == 0.0 { GRIJS } else { RASTER };
            self.op_onder(Op::Lijn {
                punten: vec![(x, top), (x, bodem)],
                dikte: 0.5,
                kleur,
                gestippeld: false,
            });
            let tekst = self.getal(t);
            let b = self.tekstbreedte(&tekst, 8.0, false);
            self.tekst_op(x - b / 2.0, bodem + 11.0, 8.0, false, GRIJS, &tekst);
        }
        let b = self.tekstbreedte(titel, 8.0, false);
        self.tekst_op(
            (links + rechts - b) / 2.0,
            bodem + 24.0,
            8.0,
            false,
            GRIJS,
            titel,
        );
    }

    fn verticale_staven(&mut self, grafiek: &Staafgrafiek, tot: f64) {
        self.grafiektitel(&grafiek.titel, 230.0);
        let boven = self.y;
        let max = grafiek.staven.iter().map(|s| s.1).fold(tot, f64::max);
        let min = grafiek.staven.iter().map(|s| s.1).fold(0.0_f64, f64::min);
        let schaal = Schaal::new(min, max);
        let tick_breedte = schaal
            .ticks()
            .iter()
            .map(|&t| self.tekstbreedte(&self.getal(t), 8.0, false))
            .fold(0.0_f32, f32::max);
        let links = MARGE_LINKS + tick_breedte + 6.0;
        let rechts = MARGE_LINKS + INHOUD_BREEDTE;
        let top = boven + 16.0;
        let bodem = boven + 180.0;
        self.tekst_op(
            MARGE_LINKS,
            boven + 9.0,
            8.0,
            false,
            GRIJS,
            &grafiek.waarde_as,
        );
        self.assen_y(&schaal, links, rechts, top, bodem);
        let n = grafiek.staven.len().max(1) as f32;
        let vak = (rechts - links) / n;
        let staaf = (vak * 0.7).min(48.0);
        let mut y_label = bodem + 12.0;
        for (i, (label, waarde)) in grafiek.staven.iter().enumerate() {
            let midden = links + vak * (i as f32 + 0.5);
            let y0 = schaal.y(0.0, top, bodem);
            let y1 = schaal.y(*waarde, top, bodem);
            let (ya, yb) = (y0.min(y1), y0.max(y1));
            self.op(Op::Vlak {
                x: midden - staaf / 2.0,
                y: ya,
                b: staaf,
                h: (yb - ya).max(0.5),
                kleur: PALET[0],
            });
            let w = self.getal(*waarde);
            let wb = self.tekstbreedte(&w, 8.0, false);
            self.tekst_op(midden - wb / 2.0, ya - 3.0, 8.0, false, ZWART, &w);
            let regels = self.breek(label, 7.5, false, vak - 4.0);
            for (r, regel) in regels.iter().take(2).enumerate() {
                let b = self.tekstbreedte(regel, 7.5, false);
                let y = bodem + 11.0 + r as f32 * 9.5;
                self.tekst_op(midden - b / 2.0, y, 7.5, false, ZWART, regel);
                y_label = y_label.max(y);
            }
        }
        self.y = y_label + 12.0;
    }

    /// Horizontal grid lines with tick labels on the left and the axis line at zero.
    fn assen_y(&mut self, schaal: &Schaal, links: f32, rechts: f32, top: f32, bodem: f32) {
        for t in schaal.ticks() {
            let y = schaal.y(t, top, bodem);
            let kleur = if t == 0.0 { GRIJS } else { RASTER };
            self.lijn(vec![(links, y), (rechts, y)], 0.5, kleur);
            let tekst = self.getal(t);
            let b = self.tekstbreedte(&tekst, 8.0, false);
            self.tekst_op(links - 4.0 - b, y + 2.8, 8.0, false, GRIJS, &tekst);
        }
        self.lijn(vec![(links, top), (links, bodem)], 0.6, GRIJS);
    }

    fn grafiektitel(&mut self, titel: &str, hoogte: f32) {
        self.ruimte(6.0);
        self.plek_voor(hoogte + 16.0);
        let regels = self.breek(titel, 10.0, true, INHOUD_BREEDTE);
        for regel in regels {
            self.y += 13.0;
            let y = self.y - 3.0;
            self.op(Op::Tekst {
                x: MARGE_LINKS,
                y,
                grootte: 10.0,
                vet: true,
                kleur: ZWART,
                tekst: regel,
            });
        }
        self.y += 4.0;
    }

    fn lijn(&mut self, punten: Vec<(f32, f32)>, dikte: f32, kleur: Kleur) {
        self.op(Op::Lijn {
            punten,
            dikte,
            kleur,
            gestippeld: false,
        });
    }

    /// A dashed rule over the text width, e.g. between review steps.
    pub fn scheidingslijn(&mut self) {
        self.plek_voor(10.0);
        self.y += 5.0;
        let y = self.y;
        self.op(Op::Lijn {
            punten: vec![(MARGE_LINKS, y), (MARGE_LINKS + INHOUD_BREEDTE, y)],
            dikte: 0.5,
            kleur: LIJN,
            gestippeld: true,
        });
        self.y += 5.0;
    }

    fn tekst_op(&mut self, x: f32, y: f32, grootte: f32, vet: bool, kleur: Kleur, tekst: &str) {
        if !tekst.is_empty() {
            self.op(Op::Tekst {
                x,
                y,
                grootte,
                vet,
                kleur,
                tekst: tekst.to_owned(),
            });
        }
    }

    fn op(&mut self, op: Op) {
        self.paginas.last_mut().expect("altijd een pagina").push(op);
    }

    /// Puts grid lines beneath what is already drawn on the page (bars over grid).
    fn op_onder(&mut self, op: Op) {
        self.paginas
            .last_mut()
            .expect("altijd een pagina")
            .insert(0, op);
    }

    fn plek_voor(&mut self, hoogte: f32) {
        if self.y + hoogte > ONDERGRENS && self.y > MARGE_BOVEN {
            self.nieuwe_pagina();
        }
    }

    /// `tekst` shortened with "…" to fit `breedte`.
    fn kort_af(&self, tekst: &str, grootte: f32, breedte: f32) -> String {
        if self.tekstbreedte(tekst, grootte, false) <= breedte {
            return tekst.to_owned();
        }
        let mut uit: String = String::new();
        for c in tekst.chars() {
            let proef = format!("{uit}{c}…");
            if self.tekstbreedte(&proef, grootte, false) > breedte {
                break;
            }
            uit.push(c);
        }
        format!("{}…", uit.trim_end())
    }

    /// Word wrap to `breedte`; words longer than a line are broken by character.
    fn breek(&self, tekst: &str, grootte: f32, vet: bool, breedte: f32) -> Vec<String> {
        let mut regels = Vec::new();
        for alinea in tekst.split('\n') {
            let mut regel = String::new();
            for woord in alinea.split_whitespace() {
                let proef = if regel.is_empty() {
                    woord.to_owned()
                } else {
                    format!("{regel} {woord}")
                };
                if self.tekstbreedte(&proef, grootte, vet) <= breedte {
                    regel = proef;
                    continue;
                }
                if !regel.is_empty() {
                    regels.push(std::mem::take(&mut regel));
                }
                for c in woord.chars() {
                    let mut langer = regel.clone();
                    langer.push(c);
                    if !regel.is_empty() && self.tekstbreedte(&langer, grootte, vet) > breedte {
                        regels.push(std::mem::take(&mut regel));
                        regel.push(c);
                    } else {
                        regel = langer;
                    }
                }
            }
            regels.push(regel);
        }
        regels
    }

    /// The number of pages laid out so far.
    pub fn aantal_paginas(&self) -> usize {
        self.paginas.len()
    }

    /// Draws the pages with footers and returns the PDF file's bytes.
    pub fn pdf(self) -> CoreResult<Vec<u8>> {
        let fout = |_| CoreError::bestand("fout.reports_pdf.pdf_bestand_niet_gemaakt");
        let regulier = Font::new(REGULIER.into(), 0).ok_or_else(|| fout(()))?;
        let vet = Font::new(VET.into(), 0).ok_or_else(|| fout(()))?;
        let mut document = Document::new();
        document.set_metadata(
            Metadata::new()
                .title(self.titel.clone())
                .language(
                    match self.taal {
                        Taal::Nl => "nl-NL",
                        Taal::En => "en-GB",
                    }
                    .to_owned(),
                )
                .creator("Opvangplanner".to_owned()),
        );
        let totaal = self.paginas.len();
        for (nummer, ops) in self.paginas.iter().enumerate() {
            let instellingen = PageSettings::from_wh(BREEDTE, HOOGTE).ok_or_else(|| fout(()))?;
            let mut pagina = document.start_page_with(instellingen);
            let mut oppervlak = pagina.surface();
            let voet = self.voet(nummer + 1, totaal);
            for op in ops.iter().chain(&voet) {
                teken(&mut oppervlak, op, &regulier, &vet);
            }
            oppervlak.finish();
            pagina.finish();
        }
        document.finish().map_err(|_| fout(()))
    }

    fn voet(&self, nummer: usize, totaal: usize) -> Vec<Op> {
        let y = HOOGTE - 36.0;
        let paginatekst = i18n::tekst_met(
            self.taal,
            "pdf.pagina_van",
            &[("nummer", &nummer), ("totaal", &totaal)],
        );
        let b = self.tekstbreedte(&paginatekst, 8.0, false);
        let mut ops = vec![
            Op::Lijn {
                punten: vec![
                    (MARGE_LINKS, y - 11.0),
                    (MARGE_LINKS + INHOUD_BREEDTE, y - 11.0),
                ],
                dikte: 0.5,
                kleur: LIJN,
                gestippeld: false,
            },
            Op::Tekst {
                x: MARGE_LINKS + INHOUD_BREEDTE - b,
                y,
                grootte: 8.0,
                vet: false,
                kleur: GRIJS,
                tekst: paginatekst,
            },
        ];
        if !self.voettekst.is_empty() {
            let tekst = self.kort_af(&self.voettekst, 8.0, INHOUD_BREEDTE - b - 16.0);
            ops.push(Op::Tekst {
                x: MARGE_LINKS,
                y,
                grootte: 8.0,
                vet: false,
                kleur: GRIJS,
                tekst,
            });
        }
        ops
    }
}

fn verf(kleur: Kleur) -> krilla::paint::Paint {
    rgb::Color::new(kleur.0, kleur.1, kleur.2).into()
}

fn teken(oppervlak: &mut krilla::surface::Surface<'_>, op: &Op, regulier: &Font, vet_font: &Font) {
    match op {
        Op::Tekst {
            x,
            y,
            grootte,
            vet,
            kleur,
            tekst,
        } => {
            oppervlak.set_stroke(None);
            oppervlak.set_fill(Some(Fill {
                paint: verf(*kleur),
                ..Fill::default()
            }));
            let font = if *vet { vet_font } else { regulier };
            oppervlak.draw_text(
                Point::from_xy(*x, *y),
                font.clone(),
                *grootte,
                tekst,
                false,
                TextDirection::Auto,
            );
        }
        Op::Lijn {
            punten,
            dikte,
            kleur,
            gestippeld,
        } => {
            let mut pb = PathBuilder::new();
            for (i, (x, y)) in punten.iter().enumerate() {
                if i == 0 {
                    pb.move_to(*x, *y);
                } else {
                    pb.line_to(*x, *y);
                }
            }
            if let Some(pad) = pb.finish() {
                oppervlak.set_fill(None);
                oppervlak.set_stroke(Some(Stroke {
                    paint: verf(*kleur),
                    width: *dikte,
                    dash: gestippeld.then(|| StrokeDash {
                        array: vec![2.0, 2.0],
                        offset: 0.0,
                    }),
                    ..Stroke::default()
                }));
                oppervlak.draw_path(&pad);
                oppervlak.set_stroke(None);
            }
        }
        Op::Vlak { x, y, b, h, kleur } => {
            if let Some(rect) = Rect::from_xywh(*x, *y, *b, *h) {
                let mut pb = PathBuilder::new();
                pb.push_rect(rect);
                if let Some(pad) = pb.finish() {
                    oppervlak.set_stroke(None);
                    oppervlak.set_fill(Some(Fill {
                        paint: verf(*kleur),
                        opacity: NormalizedF32::ONE,
                        ..Fill::default()
                    }));
                    oppervlak.draw_path(&pad);
                }
            }
        }
    }
}

/// A value axis from a "nice" lower to upper bound with 4–6 round ticks.
struct Schaal {
    van: f64,
    tot: f64,
    stap: f64,
}

impl Schaal {
    fn new(min: f64, max: f64) -> Self {
        let (min, max) = if max - min <= 0.0 {
            (min.min(0.0), min.max(0.0) + 1.0)
        } else {
            (min, max)
        };
        let ruw = (max - min) / 5.0;
        let macht = 10f64.powf(ruw.log10().floor());
        let stap = [1.0, 2.0, 2.5, 5.0, 10.0]
            .iter()
            .map(|f| f * macht)
            .find(|s| *s >= ruw)
            .unwrap_or(10.0 * macht);
        let stap = if stap < 1.0 && max.fract() == 0.0 && min.fract() == 0.0 {
            1.0
        } else {
            stap
        };
        Schaal {
            van: (min / stap).floor() * stap,
            tot: (max / stap).ceil() * stap,
            stap,
        }
    }

    fn ticks(&self) -> Vec<f64> {
        let n = ((self.tot - self.van) / self.stap).round() as i64;
        (0..=n).map(|i| self.van + i as f64 * self.stap).collect()
    }

    fn y(&self, v: f64, top: f32, bodem: f32) -> f32 {
        bodem - ((v - self.van) / (self.tot - self.van)) as f32 * (bodem - top)
    }

    fn x(&self, v: f64, links: f32, rechts: f32) -> f32 {
        links + ((v - self.van) / (self.tot - self.van)) as f32 * (rechts - links)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::aantal;

    /// The text of a produced PDF, as a reader would extract it.
    pub(crate) fn tekst_van(pdf: &[u8]) -> String {
        pdf_extract::extract_text_from_mem(pdf).expect("PDF is leesbaar")
    }

    fn voorbeeld() -> Rapport {
        let mut r = Rapport::nieuw("Proef");
        r.voettekst("Opvangplanner · proefrapport");
        r.kop1("Overzicht van de gemeentelijke opvang Oekraïners");
        r.alinea("Een financiële toelichting: de normbedragen van € 100 en € 83 per plaats per dag. Café, reünie en ideeën blijven leesbaar. ".repeat(6).trim());
        r.gegevens(&[
            ("Capaciteit".into(), "1.200 plaatsen".into()),
            ("Einde huurcontract".into(), "4-3-2027".into()),
        ]);
        let rijen = (1..=90)
            .map(|i| vec![format!("Locatie {i} (ë)"), aantal(i * 37)])
            .collect();
        r.tabel(&Tabel::new(
            vec![Kolom::tekst("Locatie", 3.0), Kolom::getal("Bezet", 1.0)],
            rijen,
        ));
        r.lijngrafiek(&Lijngrafiek {
            titel: "Bezetting over tijd".into(),
            x_as: "Peildatum".into(),
            y_as: "Bezette plaatsen".into(),
            labels: (1..=30).map(|d| format!("{d}-11-2026")).collect(),
            reeksen: vec![
                Reeks {
                    naam: "Ontheemden".into(),
                    waarden: (0..30).map(|i| Some(100.0 + i as f64)).collect(),
                },
                Reeks {
                    naam: "Statushouders".into(),
                    waarden: (0..30).map(|i| (i != 10).then_some(40.0)).collect(),
                },
            ],
        });
        r.staafgrafiek(&Staafgrafiek {
            titel: "Plaatsen per type".into(),
            waarde_as: "Plaatsen".into(),
            richting: Richting::Horizontaal,
            staven: vec![("Hotel/pension".into(), 1200.0), ("Kantoor".into(), 350.0)],
        });
        r.staafgrafiek(&Staafgrafiek {
            titel: "Plaatsen per maand".into(),
            waarde_as: "Plaatsen".into(),
            richting: Richting::Verticaal,
            staven: vec![("januari".into(), 12.0), ("februari".into(), 2.5)],
        });
        r
    }

    #[test]
    fn dutch_text_is_embedded_and_extractable() {
        let pdf = voorbeeld().pdf().unwrap();
        assert!(pdf.starts_with(b"%PDF-"));
        let tekst = tekst_van(&pdf);
        for verwacht in [
            "Oekraïners",
            "financiële",
            "€ 100",
            "Café",
            "reünie",
            "ideeën",
            "Locatie 90 (ë)",
            "3.330",
        ] {
            assert!(
                tekst.contains(verwacht),
                "{verwacht:?} ontbreekt in:\n{tekst}"
            );
        }
        for verwacht in [
            "Bezetting over tijd",
            "Bezette plaatsen",
            "Peildatum",
            "Statushouders",
            "Hotel/pension",
            "februari",
            "2,5",
        ] {
            assert!(tekst.contains(verwacht), "{verwacht:?} ontbreekt");
        }
    }

    #[test]
    fn long_tables_repeat_their_header_and_pages_are_numbered() {
        let r = voorbeeld();
        let n = r.aantal_paginas();
        assert!(n >= 3, "{n} pagina's");
        let tekst = tekst_van(&r.pdf().unwrap());
        assert!(
            tekst.matches("Locatie Bezet").count() >= 2 || tekst.matches("Bezet").count() >= 2,
            "kop herhaald"
        );
        assert!(tekst.contains(&format!("Pagina {n} van {n}")));
        assert!(tekst.contains("Pagina 1 van"));
        assert_eq!(tekst.matches("Opvangplanner · proefrapport").count(), n);
    }

    #[test]
    fn wrapping_keeps_every_word_within_the_width() {
        let r = Rapport::nieuw("x");
        let regels = r.breek("aaaa bbbb cccc dddd eeee ffff gggg", 10.0, false, 60.0);
        assert!(regels.len() > 1);
        for regel in &regels {
            assert!(r.tekstbreedte(regel, 10.0, false) <= 60.0, "{regel}");
        }
        assert_eq!(regels.join(" "), "aaaa bbbb cccc dddd eeee ffff gggg");
        let lang = r.breek(&"x".repeat(200), 10.0, false, 50.0);
        assert!(lang.len() > 3 && lang.concat().len() == 200);
    }

    #[test]
    fn axis_scale_is_round_and_numbers_are_dutch() {
        let s = Schaal::new(0.0, 96_830.0);
        assert_eq!(s.van, 0.0);
        assert!(s.tot >= 96_830.0 && s.ticks().len() <= 7, "{:?}", s.ticks());
        assert_eq!(Schaal::new(0.0, 0.0).ticks(), vec![0.0, 1.0]);
        let r = Rapport::nieuw_in(Taal::Nl, "Proef");
        assert_eq!(r.getal(96_830.0), "96.830");
        assert_eq!(r.getal(2.5), "2,5");
        assert_eq!(r.getal(-1234.25), "-1.234,3");
        let r = Rapport::nieuw_in(Taal::En, "Test");
        assert_eq!(r.getal(96_830.0), "96,830");
        assert_eq!(r.getal(2.5), "2.5");
    }
}
