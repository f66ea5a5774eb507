// Tests for the Planning screen's logic: field checks, chart months and the runway order.

import { describe, expect, it } from 'vitest';
import type { GebiedProjectie } from '../api/types/GebiedProjectie';
import type { Scenario } from '../api/types/Scenario';
import {
  bereikVelden,
  grafiekMaanden,
  leesRuns,
  kopieNaam,
  maandNaam,
  naarInvoer,
  runwayLijst,
  uitInvoer,
} from './planning';
import { euro, leesBedragCent } from '../format';

const b = (min: number, max: number) => ({ min, max });

function scenario(): Scenario {
  return {
    naam: 'standaard',
    beschrijving: 'Voorbeeld',
    tot_maand: '2031-04-01',
    ombouwen: [],
    ombouw_na_akkoord_maanden: null,
    stromen: [
      {
        doelgroep: 'ontheemden',
        instroom_promille: b(5, 15),
        uitstroom_woning_promille: b(5, 10),
        uitstroom_terugkeer_promille: b(1, 4),
      },
    ],
    overgang: {
      datum: '2027-03-04',
      extra_uitstroom_promille: b(20, 60),
      maanden: b(6, 18),
      aandeel_terugkeer_procent: b(20, 50),
    },
    pipeline_vertraging_maanden: b(0, 6),
    pipeline_plaatsen_per_wooneenheid: 2,
    stand_by_meetellen: true,
  };
}

describe('scenario fields', () => {
  it('lists three flows per group and four general ranges', () => {
    expect(bereikVelden(scenario()).map((v) => v.id)).toEqual([
      'ontheemden-instroom',
      'ontheemden-woning',
      'ontheemden-terugkeer',
      'overgang-extra',
      'overgang-maanden',
      'overgang-terugkeer',
      'pipeline-vertraging',
    ]);
  });

  it('round-trips the ranges without changing the base scenario', () => {
    const basis = scenario();
    const invoer = naarInvoer(basis);
    invoer['ontheemden-instroom'] = { min: '1.000', max: '1000' };
    const uit = uitInvoer(basis, invoer);
    expect(uit.fouten).toEqual({});
    expect(uit.scenario.stromen[0].instroom_promille).toEqual(b(1000, 1000));
    expect(basis.stromen[0].instroom_promille).toEqual(b(5, 15));
  });

  it('reports non-numbers, too large values and min above max per field', () => {
    const invoer = naarInvoer(scenario());
    invoer['ontheemden-woning'] = { min: 'x', max: '3' };
    invoer['overgang-terugkeer'] = { min: '0', max: '101' };
    invoer['pipeline-vertraging'] = { min: '7', max: '6' };
    const { fouten } = uitInvoer(scenario(), invoer);
    expect(Object.keys(fouten).sort()).toEqual([
      'ontheemden-woning',
      'overgang-terugkeer',
      'pipeline-vertraging',
    ]);
    expect(fouten['overgang-terugkeer']).toContain('100');
  });

  it('accepts 0 to 2000 runs', () => {
    expect(leesRuns('0')).toBe(0);
    expect(leesRuns('2.000')).toBe(2000);
    expect(leesRuns('2001')).toBeNull();
    expect(leesRuns('veel')).toBeNull();
  });
});

describe('months and runway', () => {
  it('names months in Dutch and says when there is no shortage', () => {
    expect(maandNaam('2027-03-01')).toBe('maart 2027');
    expect(maandNaam(null)).toBe('geen tekort');
  });

  it('uses the bands when present and the central line otherwise', () => {
    const gebied: GebiedProjectie = {
      soort: 'land',
      code: 'NL',
      naam: 'Nederland',
      eerste_tekort: null,
      doelgroepen: [],
      maanden: [
        {
          maand: '2026-12-01',
          totaal: { vraag: 90, instroom: 0, uitstroom_woning: 0, uitstroom_terugkeer: 0 },
          aanbod: 100,
          stand_by: 0,
          pipeline: 0,
          saldo: 10,
          tekort: 0,
          bezet: 90,
          graad: 900,
          aflopend: 5,
          ombouw: 0,
          banden: {
            vraag: { p10: 80, p50: 90, p90: 95 },
            aanbod: { p10: 99, p50: 100, p90: 101 },
            saldo: { p10: 4, p50: 10, p90: 21 },
          },
        },
        {
          maand: '2027-01-01',
          totaal: { vraag: 95, instroom: 0, uitstroom_woning: 0, uitstroom_terugkeer: 0 },
          aanbod: 90,
          stand_by: 0,
          pipeline: 0,
          saldo: -5,
          tekort: 5,
          bezet: 90,
          graad: 1000,
          aflopend: 0,
          ombouw: 0,
          banden: null,
        },
      ],
    };
    const [eerste, tweede] = grafiekMaanden(gebied);
    expect(eerste.datum.toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect([eerste.vraagP10, eerste.aanbodP90, eerste.saldoP90, eerste.aflopend]).toEqual([
      80, 101, 21, 5,
    ]);
    expect([tweede.vraagP10, tweede.vraagP90, tweede.saldoP10]).toEqual([95, 95, -5]);
  });

  it('sorts the earliest shortage first and filters by province', () => {
    const gemeenten = [
      { code: 'GM1', naam: 'Zwolle', eerste_tekort: null },
      { code: 'GM2', naam: 'Almelo', eerste_tekort: null },
      { code: 'GM3', naam: 'Utrecht', eerste_tekort: '2028-01-01' },
      { code: 'GM4', naam: 'Arnhem', eerste_tekort: '2027-05-01' },
    ];
    const provincie = new Map([
      ['GM1', 'PV23'],
      ['GM2', 'PV23'],
      ['GM3', 'PV26'],
      ['GM4', 'PV25'],
    ]);
    expect(runwayLijst(gemeenten, provincie, null).map((g) => g.naam)).toEqual([
      'Arnhem',
      'Utrecht',
      'Almelo',
      'Zwolle',
    ]);
    expect(runwayLijst(gemeenten, provincie, 'PV23').map((g) => g.code)).toEqual(['GM2', 'GM1']);
  });
});

describe('bedragen en kopieën', () => {
  it('toont centen als euro en leest getypte bedragen exact in centen', () => {
    expect(euro(8_645_900)).toBe('€ 86.459,00');
    expect(euro(8300)).toBe('€ 83,00');
    expect(euro(5)).toBe('€ 0,05');
    expect(leesBedragCent('83')).toBe(8300);
    expect(leesBedragCent('82,5')).toBe(8250);
    expect(leesBedragCent('€ 1.234,56')).toBe(123456);
    expect(leesBedragCent('1,234')).toBeNull();
    expect(leesBedragCent('')).toBeNull();
    expect(leesBedragCent('-3')).toBeNull();
  });

  it('kiest een kopienaam die nog niet bestaat', () => {
    expect(kopieNaam('Krimp', ['Krimp'])).toBe('Krimp (kopie)');
    expect(kopieNaam('Krimp', ['Krimp', 'Krimp (kopie)'])).toBe('Krimp (kopie 2)');
  });
});
