// The dashboard's area filter: Nederland, a provincie or a gemeente, built from the municipality list.

import type { Gebied, Gemeente } from '../api';

/** One choice in the area filter; `waarde` is what the <select> holds. */
export interface GebiedOptie {
  waarde: string;
  naam: string;
}

export interface GebiedOpties {
  provincies: GebiedOptie[];
  gemeenten: GebiedOptie[];
}

/** The filter value for the whole country, the default. */
export const LAND_WAARDE = 'land';

/** Sorts the way Dutch lists do: 's-Gravenhage under G, 's-Hertogenbosch under H. */
export function sorteerNaam(naam: string): string {
  return naam.replace(/^'(s|t)[- ]/i, '');
}

const opNaam = (a: GebiedOptie, b: GebiedOptie) =>
  sorteerNaam(a.naam).localeCompare(sorteerNaam(b.naam), 'nl');

/** Provinces and municipalities as filter choices, each listed once and sorted by Dutch name. */
export function gebiedOpties(gemeenten: readonly Gemeente[]): GebiedOpties {
  const provincies = new Map<string, GebiedOptie>();
  const perGemeente = new Map<string, GebiedOptie>();
  for (const g of gemeenten) {
    provincies.set(g.provincie_code, {
      waarde: `provincie:${g.provincie_code}`,
      naam: g.provincie_naam,
    });
    perGemeente.set(g.code, { waarde: `gemeente:${g.code}`, naam: g.naam });
  }
  return {
    provincies: [...provincies.values()].sort(opNaam),
    gemeenten: [...perGemeente.values()].sort(opNaam),
  };
}

/** The area a filter value stands for; anything unrecognised is the whole country. */
export function gebiedVanWaarde(waarde: string): Gebied {
  const [soort, code] = waarde.split(':');
  if ((soort === 'provincie' || soort === 'gemeente') && code) return { soort, code };
  return { soort: 'land', code: null };
}

/** The display name of a filter value, or `land` (the caller's word for Nederland) when unknown. */
export function gebiedNaam(opties: GebiedOpties, waarde: string, land: string): string {
  const gevonden = [...opties.provincies, ...opties.gemeenten].find((o) => o.waarde === waarde);
  return gevonden?.naam ?? land;
}
