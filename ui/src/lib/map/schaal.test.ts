import { describe, expect, it } from 'vitest';
import type { Totalen } from '../api/types/Totalen';
import {
  BLAUW,
  KLEUR_GEEN_LOCATIES,
  KLEUR_GEEN_TEKORT,
  KLEUR_GEEN_WAARDE,
  KLEUR_TEKORT,
  klasseLabel,
  klassen,
  klasseVan,
  kleurVan,
  kwintielGrenzen,
  rondGetal,
  ROOD,
  waarde,
} from './schaal';

function totalen(gerealiseerd: number, bezet: number, graad: number | null): Totalen {
  return {
    locaties: 1,
    gerealiseerd,
    niet_inzetbaar: 0,
    inzetbaar: gerealiseerd,
    bezetting: { ontheemden: bezet, statushouders: 0, asielzoekers: 0, overig: 0 },
    bezet,
    vrij: gerealiseerd - bezet,
    graad,
    graad_inzetbaar: graad,
    verouderd: 0,
    overbezet: 0,
    zonder_peiling: 0,
  };
}

describe('map colour classes', () => {
  it('rounds breaks to 1, 2 or 5 times a power of ten', () => {
    expect([0, 1, 3, 4, 7, 140, 380, 760, 1600].map(rondGetal)).toEqual([
      1, 1, 2, 5, 5, 100, 500, 1000, 2000,
    ]);
  });

  it('takes increasing round quintile breaks over positive values only', () => {
    expect(kwintielGrenzen([])).toEqual([]);
    expect(kwintielGrenzen([-5, 0])).toEqual([]);
    expect(kwintielGrenzen([90, 110, 180, 220, 480, 520, 950, 1100, 2100, 2400])).toEqual([
      100, 200, 500, 1000,
    ]);
    // Equal rounded quintiles collapse into one break.
    expect(kwintielGrenzen([100, 100, 100, 100, 100])).toEqual([100]);
  });

  it('uses fixed rate breaks with 100% or more in red', () => {
    const k = klassen('graad', [500, 990]);
    expect(k.map((x) => [x.van, x.tot])).toEqual([
      [null, 700],
      [700, 850],
      [850, 950],
      [950, 1000],
      [1000, null],
    ]);
    expect(k[4].kleur).toBe(KLEUR_TEKORT);
    expect(klasseVan(699, k)).toBe(0);
    expect(klasseVan(700, k)).toBe(1);
    expect(klasseVan(999, k)).toBe(3);
    expect(klasseVan(1000, k)).toBe(4);
    expect(k.map((x) => klasseLabel('graad', x))).toEqual([
      'minder dan 70,0%',
      '70,0% t/m 84,9%',
      '85,0% t/m 94,9%',
      '95,0% t/m 99,9%',
      '100,0% of meer',
    ]);
  });

  it('gives free places a red shortage class below zero', () => {
    const k = klassen('vrij', [-3, 12, 40, 60, 250]);
    expect(k[0]).toEqual({ van: null, tot: 0, kleur: KLEUR_TEKORT });
    expect(klasseVan(-1, k)).toBe(0);
    expect(klasseVan(0, k)).toBe(1);
    expect(klasseLabel('vrij', k[0])).toBe('minder dan 0');
    expect(k.at(-1)?.kleur).toBe(BLAUW.at(-1));
    expect(klasseLabel('vrij', k.at(-1)!)).toMatch(/of meer$/);
  });

  it('labels count classes with Dutch thousands separators', () => {
    const k = klassen('gerealiseerd', [
      900, 1100, 1900, 2100, 4800, 5200, 9000, 11000, 12000, 20000,
    ]);
    expect(k.map((x) => klasseLabel('gerealiseerd', x))).toEqual([
      '0 t/m 999',
      '1.000 t/m 1.999',
      '2.000 t/m 4.999',
      '5.000 t/m 9.999',
      '10.000 of meer',
    ]);
    expect(k.map((x) => x.kleur)).toEqual(BLAUW);
  });

  it('colours municipalities without locations or without a value neutrally', () => {
    const k = klassen('graad', []);
    expect(kleurVan(false, null, k)).toBe(KLEUR_GEEN_LOCATIES);
    expect(kleurVan(true, waarde(totalen(0, 0, null), 'graad'), k)).toBe(KLEUR_GEEN_WAARDE);
    expect(kleurVan(true, waarde(totalen(100, 97, 970), 'graad'), k)).toBe(BLAUW[3]);
    expect(kleurVan(true, waarde(totalen(100, 103, 1030), 'graad'), k)).toBe(KLEUR_TEKORT);
  });

  it('colours a projected shortage red and no shortage green', () => {
    const k = klassen('tekort', [0, 0, 4, 30, 60, 250, 900]);
    expect(k[0]).toEqual({ van: null, tot: 1, kleur: KLEUR_GEEN_TEKORT });
    expect(klasseLabel('tekort', k[0])).toBe('geen tekort');
    expect(klasseVan(0, k)).toBe(0);
    expect(klasseVan(1, k)).toBe(1);
    expect(k.slice(1).every((x) => ROOD.includes(x.kleur))).toBe(true);
    expect(k.at(-1)?.kleur).toBe(ROOD.at(-1));
    expect(klasseLabel('tekort', k[1])).toBe(`1 t/m ${(k[1].tot ?? 0) - 1}`);
    // Without any shortage the legend still says what red would mean.
    const geen = klassen('tekort', [0, 0]);
    expect(geen.map((x) => klasseLabel('tekort', x))).toEqual(['geen tekort', '1 of meer']);
  });
});
