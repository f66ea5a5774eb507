// How close the end of a lease or permit is, for the warning in the table and the detail screen.

const DAG_MS = 24 * 60 * 60 * 1000;

function alsUtc(iso: string): number {
  const [j, m, d] = iso.split('-').map(Number);
  return Date.UTC(j, m - 1, d);
}

/** Whole days from `vanaf` to `tot` (both ISO dates); negative when `tot` lies before `vanaf`. */
export function dagenTot(tot: string, vanaf: string): number {
  return Math.round((alsUtc(tot) - alsUtc(vanaf)) / DAG_MS);
}

/** The ISO date `maanden` calendar months after `iso`, clamped to the end of shorter months. */
export function plusMaanden(iso: string, maanden: number): string {
  const [j, m, d] = iso.split('-').map(Number);
  const doel = new Date(Date.UTC(j, m - 1 + maanden, 1));
  const laatste = new Date(Date.UTC(doel.getUTCFullYear(), doel.getUTCMonth() + 1, 0)).getUTCDate();
  doel.setUTCDate(Math.min(d, laatste));
  return doel.toISOString().slice(0, 10);
}

export type Eindsignaal = 'verlopen' | 'binnenkort' | 'ruim';

/**
 * `verlopen` when the end date has passed at the peildatum, `binnenkort` when it falls within
 * six months after it, otherwise `ruim`; null without an end date.
 */
export function eindsignaal(einddatum: string | null, peildatum: string): Eindsignaal | null {
  if (einddatum === null) return null;
  if (einddatum < peildatum) return 'verlopen';
  return einddatum <= plusMaanden(peildatum, 6) ? 'binnenkort' : 'ruim';
}
