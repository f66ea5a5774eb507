// Pure helpers of the Import screen: field choices, mapping edits, progress and the problem list.

import type { ImportVeld } from '../api/types/ImportVeld';
import type { Koppeling } from '../api/types/Koppeling';
import type { Probleem } from '../api/types/Probleem';
import type { Voortgang } from '../api/types/Voortgang';

/** Every field a column can feed, in the order the mapping select lists them. */
export const VELDEN: readonly ImportVeld[] = [
  'gemeente',
  'gemeentecode',
  'locatie',
  'adres',
  'type',
  'capaciteit',
  'niet_inzetbaar',
  'bezet_ontheemden',
  'bezet_statushouders',
  'bezet_asielzoekers',
  'bezet_overig',
  'peildatum',
];

/** The select value of "not imported". */
export const GEEN = '';

/** A copy of `koppeling` where column `index` feeds `veld` (or nothing for `GEEN`). */
export function koppel(koppeling: Koppeling, index: number, veld: string): Koppeling {
  return {
    kolommen: koppeling.kolommen.map((k, i) =>
      i === index ? { kop: k.kop, veld: veld === GEEN ? null : (veld as ImportVeld) } : k,
    ),
  };
}

/** The fields that more than one column feeds: the core refuses such a mapping. */
export function dubbeleVelden(koppeling: Koppeling): Set<ImportVeld> {
  const gezien = new Set<ImportVeld>();
  const dubbel = new Set<ImportVeld>();
  for (const { veld } of koppeling.kolommen) {
    if (veld === null) continue;
    if (gezien.has(veld)) dubbel.add(veld);
    gezien.add(veld);
  }
  return dubbel;
}

/** Whether the user changed the mapping the file was opened with. */
export function gewijzigd(begin: Koppeling, nu: Koppeling): boolean {
  return begin.kolommen.some((k, i) => k.veld !== nu.kolommen[i]?.veld);
}

/** Progress in tenths of a percent (for `percentage`), rounded down so 100% means done. */
export function voortgangTiendes(stap: Voortgang | null): number {
  if (!stap || stap.totaal === 0) return 0;
  return Math.floor((stap.gedaan * 1000) / stap.totaal);
}

/** How many problems the list shows at first; the rest behind a button. */
export const EERSTE_PROBLEMEN = 200;

/** Errors first, then warnings, each by row. */
export function gesorteerd(problemen: Probleem[]): Probleem[] {
  return [...problemen].sort(
    (a, b) => Number(a.ernst !== 'fout') - Number(b.ernst !== 'fout') || a.rij - b.rij,
  );
}
