// Tests of the Import screen's helpers: mapping edits, double fields, progress and problem order.

import { describe, expect, it } from 'vitest';
import type { Koppeling } from '../api/types/Koppeling';
import { dubbeleVelden, GEEN, gesorteerd, gewijzigd, koppel, voortgangTiendes } from './import';

const begin: Koppeling = {
  kolommen: [
    { kop: 'Plaats', veld: null },
    { kop: 'Locatie', veld: 'locatie' },
    { kop: 'Datum', veld: 'peildatum' },
  ],
};

describe('koppeling', () => {
  it('changes one column and leaves the original alone', () => {
    const nu = koppel(begin, 0, 'gemeente');
    expect(nu.kolommen[0]).toEqual({ kop: 'Plaats', veld: 'gemeente' });
    expect(begin.kolommen[0].veld).toBeNull();
    expect(gewijzigd(begin, nu)).toBe(true);
    expect(gewijzigd(begin, koppel(nu, 0, GEEN))).toBe(false);
  });

  it('finds a field fed by two columns', () => {
    expect(dubbeleVelden(begin).size).toBe(0);
    expect([...dubbeleVelden(koppel(begin, 0, 'locatie'))]).toEqual(['locatie']);
  });
});

describe('voortgang', () => {
  it('is in tenths of a percent, rounded down until done', () => {
    expect(voortgangTiendes(null)).toBe(0);
    expect(voortgangTiendes({ gedaan: 0, totaal: 0, bericht: '' })).toBe(0);
    expect(voortgangTiendes({ gedaan: 99_999, totaal: 100_000, bericht: '' })).toBe(999);
    expect(voortgangTiendes({ gedaan: 100_000, totaal: 100_000, bericht: '' })).toBe(1000);
  });
});

describe('problemen', () => {
  it('lists errors before warnings, each by row', () => {
    const lijst = gesorteerd([
      { rij: 3, kolom: 'Type', ernst: 'waarschuwing', bericht: 'w' },
      { rij: 9, kolom: 'Capaciteit', ernst: 'fout', bericht: 'b' },
      { rij: 4, kolom: 'Peildatum', ernst: 'fout', bericht: 'a' },
    ]);
    expect(lijst.map((p) => p.rij)).toEqual([4, 9, 3]);
  });
});
