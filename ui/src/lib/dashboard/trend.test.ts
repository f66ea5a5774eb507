import { describe, expect, it } from 'vitest';
import type { TrendPunt } from '../api';
import { graadReeks, maandLabel, plaatsenReeksen, utcDatum } from './trend';

function punt(datum: string, gerealiseerd: number, bezet: number, graad: number | null): TrendPunt {
  return {
    datum,
    gerealiseerd,
    niet_inzetbaar: 0,
    bezetting: { ontheemden: bezet, statushouders: 0, asielzoekers: 0, overig: 0 },
    bezet,
    graad,
  };
}

const punten = [punt('2026-02-23', 0, 0, null), punt('2026-03-02', 200, 190, 950)];

describe('trend chart data', () => {
  it('reads ISO dates as UTC midnight', () => {
    expect(utcDatum('2026-03-02').toISOString()).toBe('2026-03-02T00:00:00.000Z');
  });

  it('labels month ticks in Dutch', () => {
    expect(maandLabel(utcDatum('2026-03-01'))).toBe('mrt 2026');
    expect(maandLabel(utcDatum('2027-05-01'))).toBe('mei 2027');
    expect(maandLabel(utcDatum('2025-12-31'))).toBe('dec 2025');
  });

  it('makes one series for realised and one for occupied places', () => {
    const reeksen = plaatsenReeksen(punten, { gerealiseerd: 'Gerealiseerd', bezet: 'Bezet' });
    expect(reeksen.map((r) => [r.iso, r.reeks, r.waarde])).toEqual([
      ['2026-02-23', 'Gerealiseerd', 0],
      ['2026-02-23', 'Bezet', 0],
      ['2026-03-02', 'Gerealiseerd', 200],
      ['2026-03-02', 'Bezet', 190],
    ]);
  });

  it('leaves weeks without capacity out of the rate series', () => {
    const reeks = graadReeks(punten, 'Bezettingsgraad');
    expect(reeks).toHaveLength(1);
    expect(reeks[0]).toMatchObject({ iso: '2026-03-02', reeks: 'Bezettingsgraad', waarde: 950 });
  });
});
