// Rows of the weekly occupancy entry: prefilling from the latest snapshot, reading what was typed,
// and finding the row and column a core error is about.

import type { LocatieStand, PeilingInvoer } from '../api';
import type { Bezetting } from '../api/types/Bezetting';
import { aantal, leesAantal } from '../format';
import { t } from '../i18n';

export const DOELGROEPEN = ['ontheemden', 'statushouders', 'asielzoekers', 'overig'] as const;

/** The columns typed per location, in entry order. */
export const KOLOMMEN = [...DOELGROEPEN, 'niet_inzetbaar'] as const;

export type Kolom = (typeof KOLOMMEN)[number];

export type InvoerRij = {
  locatie_id: number;
  naam: string;
  capaciteit: number;
  /** What is typed per column, prefilled from the latest snapshot. */
  waarden: Record<Kolom, string>;
  reden: string;
  /** Peildatum of the snapshot the row was prefilled from; null when there is none. */
  bron: string | null;
  /** Version of that snapshot, sent back when it is the snapshot of the peildatum itself. */
  versie: number | null;
};

/** Where a problem is: a row (by location), optionally a column or the peildatum field. */
export type InvoerFout = {
  locatie_id: number | null;
  kolom: Kolom | 'peildatum' | null;
  bericht: string;
};

/** Occupied places: the sum of the target groups. */
export function bezetTotaal(bezetting: Bezetting): number {
  return DOELGROEPEN.reduce((som, groep) => som + bezetting[groep], 0);
}

/** One row per location that is not closed, prefilled from its latest snapshot, by name. */
export function rijenUit(standen: LocatieStand[]): InvoerRij[] {
  return standen
    .filter((s) => s.status !== 'gesloten')
    .sort((a, b) => a.naam.localeCompare(b.naam, 'nl', { sensitivity: 'base', numeric: true }))
    .map((s) => ({
      locatie_id: s.locatie_id,
      naam: s.naam,
      capaciteit: s.capaciteit,
      waarden: {
        ontheemden: aantal(s.bezetting.ontheemden),
        statushouders: aantal(s.bezetting.statushouders),
        asielzoekers: aantal(s.bezetting.asielzoekers),
        overig: aantal(s.bezetting.overig),
        niet_inzetbaar: aantal(s.niet_inzetbaar),
      },
      reden: '',
      bron: s.peildatum,
      versie: s.peiling_versie,
    }));
}

/** Whether the prefilled numbers are from this peildatum, an earlier one, or absent. */
export function herkomst(rij: InvoerRij, peildatum: string): 'deze' | 'eerder' | 'geen' {
  if (rij.bron === null) return 'geen';
  return rij.bron === peildatum ? 'deze' : 'eerder';
}

/** Live totals of a row; null where a typed value is not a number yet. */
export function rijTotalen(rij: InvoerRij): { bezet: number | null; vrij: number | null } {
  const groepen = DOELGROEPEN.map((groep) => leesAantal(rij.waarden[groep]));
  const bezet = groepen.some((g) => g === null)
    ? null
    : groepen.reduce<number>((som, g) => som + (g ?? 0), 0);
  const nietInzetbaar = leesAantal(rij.waarden.niet_inzetbaar);
  const vrij = bezet === null || nietInzetbaar === null ? null : rij.capaciteit - nietInzetbaar - bezet;
  return { bezet, vrij };
}

/**
 * The snapshots to save, or the first value that is not a whole number. A location without
 * capacity at the date and nothing typed is skipped; anything else is sent for the core to check.
 */
export function leesRijen(
  rijen: InvoerRij[],
  peildatum: string,
): { invoer: PeilingInvoer[] } | { fout: InvoerFout } {
  const invoer: PeilingInvoer[] = [];
  for (const rij of rijen) {
    const getallen = {} as Record<Kolom, number>;
    for (const kolom of KOLOMMEN) {
      const getal = leesAantal(rij.waarden[kolom]);
      if (getal === null) {
        const bericht = t('invoer.fout_geen_getal', {
          naam: rij.naam,
          kolom: t(`invoer.kolom.${kolom}`),
          waarde: rij.waarden[kolom].trim(),
        });
        return { fout: { locatie_id: rij.locatie_id, kolom, bericht } };
      }
      getallen[kolom] = getal;
    }
    const leeg = KOLOMMEN.every((kolom) => getallen[kolom] === 0);
    if (rij.capaciteit === 0 && leeg) continue;
    invoer.push({
      locatie_id: rij.locatie_id,
      peildatum,
      bezetting: {
        ontheemden: getallen.ontheemden,
        statushouders: getallen.statushouders,
        asielzoekers: getallen.asielzoekers,
        overig: getallen.overig,
      },
      niet_inzetbaar: getallen.niet_inzetbaar,
      reden_niet_inzetbaar: getallen.niet_inzetbaar > 0 ? rij.reden.trim() : '',
      // Editing the snapshot of this very peildatum needs the version seen; others are new.
      versie: rij.bron === peildatum ? rij.versie : null,
    });
  }
  return { invoer };
}

/**
 * Places a core error: its message starts with the location's name (the longest name that
 * fits wins, so "Hotel A" does not claim "Hotel AB"), its field names the column.
 */
export function foutVanCore(
  field: string | undefined,
  bericht: string,
  rijen: InvoerRij[],
): InvoerFout {
  const rij = rijen
    .filter((r) => bericht.startsWith(r.naam))
    .sort((a, b) => b.naam.length - a.naam.length)[0];
  const kolom =
    field === 'peildatum'
      ? 'peildatum'
      : ((KOLOMMEN as readonly string[]).includes(field ?? '') ? (field as Kolom) : null);
  return { locatie_id: rij?.locatie_id ?? null, kolom, bericht };
}

/**
 * Column totals over all rows as typed (capacity, each column, occupied, free);
 * a column holding a value that is not a number yet totals to null.
 */
export function somRijen(rijen: InvoerRij[]): Record<Kolom | 'capaciteit' | 'bezet' | 'vrij', number | null> {
  const som: Record<Kolom | 'capaciteit' | 'bezet' | 'vrij', number | null> = {
    capaciteit: 0,
    ontheemden: 0,
    statushouders: 0,
    asielzoekers: 0,
    overig: 0,
    niet_inzetbaar: 0,
    bezet: 0,
    vrij: 0,
  };
  const tel = (sleutel: keyof typeof som, waarde: number | null) => {
    const huidig = som[sleutel];
    som[sleutel] = huidig === null || waarde === null ? null : huidig + waarde;
  };
  for (const rij of rijen) {
    tel('capaciteit', rij.capaciteit);
    for (const kolom of KOLOMMEN) tel(kolom, leesAantal(rij.waarden[kolom]));
    const { bezet, vrij } = rijTotalen(rij);
    tel('bezet', bezet);
    tel('vrij', vrij);
  }
  return som;
}

/** The index of the next (or with `terug` the previous) input, or null past either end. */
export function buur(index: number, aantalVelden: number, terug: boolean): number | null {
  const volgende = index + (terug ? -1 : 1);
  return volgende >= 0 && volgende < aantalVelden ? volgende : null;
}
