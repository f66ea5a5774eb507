// Shapes the weekly trend points for the charts: series in long form and Dutch month ticks.

import type { TrendPunt } from '../api';
import { t } from '../i18n';

/** A chart point; `datum` is UTC midnight (Plot's time scale is UTC), `iso` the original date. */
export interface ReeksPunt {
  datum: Date;
  iso: string;
  reeks: string;
  waarde: number;
}

/** "2026-03-02" → the Date at UTC midnight of that day. */
export function utcDatum(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

/** A short Dutch month and year for axis ticks: "mrt 2026". */
export function maandLabel(d: Date): string {
  return `${t(`dashboard.maand.m${d.getUTCMonth() + 1}`)} ${d.getUTCFullYear()}`;
}

/** Realised and occupied places as two named series, for one line each. */
export function plaatsenReeksen(
  punten: readonly TrendPunt[],
  namen: { gerealiseerd: string; bezet: string },
): ReeksPunt[] {
  return punten.flatMap((p) => [
    { datum: utcDatum(p.datum), iso: p.datum, reeks: namen.gerealiseerd, waarde: p.gerealiseerd },
    { datum: utcDatum(p.datum), iso: p.datum, reeks: namen.bezet, waarde: p.bezet },
  ]);
}

/** The occupancy rate (tenths of a percent) per week; weeks without capacity are left out. */
export function graadReeks(punten: readonly TrendPunt[], naam: string): ReeksPunt[] {
  return punten.flatMap((p) =>
    p.graad === null
      ? []
      : [{ datum: utcDatum(p.datum), iso: p.datum, reeks: naam, waarde: p.graad }],
  );
}
