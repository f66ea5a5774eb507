// Filtering, sorting and windowed rendering of the location table, kept apart from the screen.

import type { LocatieStand } from '../api';
import type { LocatieStatus } from '../api/types/LocatieStatus';
import type { LocatieType } from '../api/types/LocatieType';
import { t } from '../i18n';

export const STATUSSEN: LocatieStatus[] = [
  'in_voorbereiding',
  'in_gebruik',
  'stand_by',
  'in_afbouw',
  'gesloten',
];

export const LOCATIETYPEN: LocatieType[] = [
  'hotel_pension',
  'kantoor_bedrijfspand',
  'zorgvastgoed',
  'onderwijsgebouw',
  'vakantiepark',
  'modulaire_woningen',
  'reguliere_woningen',
  'schip',
  'sporthal_noodopvang',
  'overig',
];

/** What the planner filters on; an empty string does not filter. */
export type TabelFilter = {
  zoek: string;
  gemeente: string;
  provincie: string;
  status: LocatieStatus | '';
  soort: LocatieType | '';
};

export const GEEN_FILTER: TabelFilter = {
  zoek: '',
  gemeente: '',
  provincie: '',
  status: '',
  soort: '',
};

export type Kolom =
  | 'naam'
  | 'gemeente'
  | 'soort'
  | 'status'
  | 'capaciteit'
  | 'bezet'
  | 'vrij'
  | 'graad'
  | 'peildatum'
  | 'einddatum';

export type Richting = 'oplopend' | 'aflopend';

export type Sortering = { kolom: Kolom; richting: Richting };

const sorteerder = new Intl.Collator('nl', { sensitivity: 'base', numeric: true });

/** Lower-cased name and place per loaded location, so typing does not lower-case them again. */
const kleineLetters = new WeakMap<LocatieStand, [string, string]>();

function zoekteksten(s: LocatieStand): [string, string] {
  let teksten = kleineLetters.get(s);
  if (teksten === undefined) {
    teksten = [s.naam.toLocaleLowerCase('nl'), s.plaats.toLocaleLowerCase('nl')];
    kleineLetters.set(s, teksten);
  }
  return teksten;
}

/** Locations matching every filter; the text search looks in name and place, ignoring case. */
export function filterStanden(standen: LocatieStand[], filter: TabelFilter): LocatieStand[] {
  // Read once: `filter` is reactive state, and each read of it inside the loop is tracked.
  const { gemeente, provincie, status, soort } = filter;
  const zoek = filter.zoek.trim().toLocaleLowerCase('nl');
  return standen.filter(
    (s) =>
      (gemeente === '' || s.gemeente_code === gemeente) &&
      (provincie === '' || s.provincie_code === provincie) &&
      (status === '' || s.status === status) &&
      (soort === '' || s.soort === soort) &&
      (zoek === '' || zoekteksten(s).some((tekst) => tekst.includes(zoek))),
  );
}

type Sleutel = string | number | null;

function sleutel(s: LocatieStand, kolom: Kolom): Sleutel {
  switch (kolom) {
    case 'naam':
      return s.naam;
    case 'gemeente':
      return s.gemeente_naam;
    case 'soort':
      return t(`locatietype.${s.soort}`);
    case 'status':
      return STATUSSEN.indexOf(s.status);
    case 'capaciteit':
      return s.capaciteit;
    case 'bezet':
      return s.bezet;
    case 'vrij':
      return s.vrij;
    case 'graad':
      return s.graad;
    case 'peildatum':
      return s.peildatum;
    case 'einddatum':
      return s.einddatum;
  }
}

function vergelijk(a: Sleutel, b: Sleutel): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return sorteerder.compare(String(a), String(b));
}

/**
 * The locations in the chosen order (a new array). Missing values (no rate, no snapshot,
 * no end date) always come last; ties keep a stable order by name.
 */
export function sorteerStanden(standen: LocatieStand[], sortering: Sortering): LocatieStand[] {
  const teken = sortering.richting === 'oplopend' ? 1 : -1;
  return standen
    .map((stand) => ({ stand, sleutel: sleutel(stand, sortering.kolom) }))
    .sort((a, b) => {
      if (a.sleutel === null || b.sleutel === null) {
        if (a.sleutel === b.sleutel) return sorteerder.compare(a.stand.naam, b.stand.naam);
        return a.sleutel === null ? 1 : -1;
      }
      return (
        teken * vergelijk(a.sleutel, b.sleutel) ||
        sorteerder.compare(a.stand.naam, b.stand.naam) ||
        a.stand.locatie_id - b.stand.locatie_id
      );
    })
    .map(({ stand }) => stand);
}

/** Clicking a column sorts by it ascending; clicking it again flips the direction. */
export function volgendeSortering(huidig: Sortering, kolom: Kolom): Sortering {
  if (huidig.kolom === kolom) {
    return { kolom, richting: huidig.richting === 'oplopend' ? 'aflopend' : 'oplopend' };
  }
  return { kolom, richting: 'oplopend' };
}

/** The distinct `[code, naam]` pairs of some field of the locations, sorted by name. */
export function keuzes(
  standen: LocatieStand[],
  code: (s: LocatieStand) => string,
  naam: (s: LocatieStand) => string,
): [string, string][] {
  const gezien = new Map<string, string>();
  for (const s of standen) gezien.set(code(s), naam(s));
  return [...gezien].sort((a, b) => sorteerder.compare(a[1], b[1]));
}

/** The slice of rows to render: the visible ones plus a margin, as `[van, tot)`. */
export function venster(
  scrollTop: number,
  hoogte: number,
  rijHoogte: number,
  totaal: number,
  marge = 10,
): { van: number; tot: number } {
  const eerste = Math.floor(Math.max(0, scrollTop) / rijHoogte);
  const zichtbaar = Math.ceil(hoogte / rijHoogte) + 1;
  const van = Math.max(0, Math.min(eerste, totaal) - marge);
  const tot = Math.min(totaal, eerste + zichtbaar + marge);
  return { van, tot };
}
