// Colour classes of the map: which measure colours a municipality, the class breaks and the legend.

import type { Totalen } from '../api/types/Totalen';
import { aantal, percentage } from '../format';
import { t } from '../i18n';

/** The measures of the current occupancy, read from a municipality's totals. */
export type StandMaat = 'graad' | 'gerealiseerd' | 'vrij';

/** The measures a planner can colour the map by; `tekort` is the projected gap from planning. */
export type Maat = StandMaat | 'tekort';

export const MATEN: Maat[] = ['graad', 'gerealiseerd', 'vrij', 'tekort'];

/** A class of values `van <= w < tot` (open ends are null) with its fill colour. */
export interface Klasse {
  van: number | null;
  tot: number | null;
  kleur: string;
}

/** Fill for municipalities without locations, and for those whose measure has no value. */
export const KLEUR_GEEN_LOCATIES = '#f3f3f3';
export const KLEUR_GEEN_WAARDE = '#c9c9c9';
/** Over 100% occupancy and a shortage of places are flagged in red. */
export const KLEUR_TEKORT = '#c0392b';
/** Light to dark blue (ColorBrewer Blues), light enough for a dark outline to stay visible. */
export const BLAUW = ['#c6dbef', '#9ecae1', '#6baed6', '#3182bd', '#08519c'];
/** Light to dark red (ColorBrewer Reds) for a projected shortage, and green for none. */
export const ROOD = ['#fcbba1', '#fc9272', '#fb6a4a', '#de2d26', '#a50f15'];
export const KLEUR_GEEN_TEKORT = '#c7e9c0';

/** Occupancy rate classes in tenths of a percent: below 70%, 70–85, 85–95, 95–100, 100% or more. */
const GRAAD_GRENZEN = [700, 850, 950, 1000];

/** The value of an occupancy measure for a municipality's totals; null when it has none (no capacity). */
export function waarde(totalen: Totalen, maat: StandMaat): number | null {
  switch (maat) {
    case 'graad':
      return totalen.graad;
    case 'gerealiseerd':
      return totalen.gerealiseerd;
    case 'vrij':
      return totalen.vrij;
  }
}

/** The nearest round number of the form 1, 2 or 5 × 10^k (at least 1). */
export function rondGetal(x: number): number {
  if (x <= 1) return 1;
  const macht = 10 ** Math.floor(Math.log10(x));
  const stappen = [1, 2, 5, 10].map((s) => s * macht);
  return stappen.reduce((beste, s) => (Math.abs(s - x) < Math.abs(beste - x) ? s : beste));
}

/** Up to four increasing round breaks at the quintiles of the positive values. */
export function kwintielGrenzen(waarden: number[]): number[] {
  const positief = waarden.filter((w) => w > 0).sort((a, b) => a - b);
  if (positief.length === 0) return [];
  const grenzen: number[] = [];
  for (const q of [0.2, 0.4, 0.6, 0.8]) {
    const grens = rondGetal(positief[Math.floor(q * (positief.length - 1))]);
    if (grens > (grenzen.at(-1) ?? 0)) grenzen.push(grens);
  }
  return grenzen;
}

function uitGrenzen(grenzen: number[], kleuren: string[], begin: number | null): Klasse[] {
  const randen = [begin, ...grenzen, null];
  return kleuren.slice(0, randen.length - 1).map((kleur, i) => ({
    van: randen[i],
    tot: randen[i + 1],
    kleur,
  }));
}

/**
 * The classes for a measure given the values on the map. Rates use fixed breaks, so colours mean
 * the same at every date; counts use round quintile breaks. A shortage (negative free places) and
 * an occupancy of 100% or more are red.
 */
export function klassen(maat: Maat, waarden: number[]): Klasse[] {
  if (maat === 'graad') {
    return [
      ...uitGrenzen(GRAAD_GRENZEN, BLAUW.slice(0, 4), null),
      { van: 1000, tot: null, kleur: KLEUR_TEKORT },
    ];
  }
  if (maat === 'tekort') {
    const grenzen = kwintielGrenzen(waarden).filter((g) => g > 1);
    const rood = ROOD.slice(ROOD.length - grenzen.length - 1);
    return [{ van: null, tot: 1, kleur: KLEUR_GEEN_TEKORT }, ...uitGrenzen(grenzen, rood, 1)];
  }
  const grenzen = kwintielGrenzen(waarden);
  const blauw = BLAUW.slice(BLAUW.length - grenzen.length - 1);
  if (maat === 'vrij') {
    return [{ van: null, tot: 0, kleur: KLEUR_TEKORT }, ...uitGrenzen(grenzen, blauw, 0)];
  }
  return uitGrenzen(grenzen, blauw, 0);
}

/** The index of the class a value falls in (values below the first class go in the first). */
export function klasseVan(w: number, lijst: Klasse[]): number {
  const i = lijst.findIndex((k) => (k.van === null || w >= k.van) && (k.tot === null || w < k.tot));
  return i === -1 ? 0 : i;
}

/** The fill of a municipality: neutral without locations or without a value, else its class. */
export function kleurVan(heeftLocaties: boolean, w: number | null, lijst: Klasse[]): string {
  if (!heeftLocaties) return KLEUR_GEEN_LOCATIES;
  if (w === null) return KLEUR_GEEN_WAARDE;
  return lijst[klasseVan(w, lijst)].kleur;
}

/** A measure's value for display: "84,9%" or "1.250"; "–" when there is none. */
export function toon(maat: Maat, w: number | null): string {
  if (w === null) return '–';
  return maat === 'graad' ? percentage(w) : aantal(w);
}

/** The legend label of a class; values are whole (tenths or counts), so `tot` shows as `tot − 1`. */
export function klasseLabel(maat: Maat, k: Klasse): string {
  if (maat === 'tekort' && k.van === null && k.tot === 1) return t('kaart.geen_tekort');
  if (k.van === null && k.tot !== null) {
    return t('kaart.klasse_onder', { tot: toon(maat, k.tot) });
  }
  if (k.tot === null && k.van !== null) {
    return t('kaart.klasse_vanaf', { van: toon(maat, k.van) });
  }
  if (k.van !== null && k.tot !== null && k.tot - 1 === k.van) return toon(maat, k.van);
  return t('kaart.klasse_tm', { van: toon(maat, k.van), tot: toon(maat, (k.tot ?? 1) - 1) });
}
