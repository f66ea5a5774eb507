import { describe, expect, it } from 'vitest';
import type { Gemeente } from '../api';
import { gebiedNaam, gebiedOpties, gebiedVanWaarde, LAND_WAARDE, sorteerNaam } from './gebied';

function gemeente(code: string, naam: string, provincie_code: string, provincie_naam: string): Gemeente {
  return {
    jaar: 2025,
    code,
    naam,
    provincie_code,
    provincie_naam,
    veiligheidsregio_code: 'VR09',
    veiligheidsregio_naam: 'Utrecht',
    ggd_code: 'GG3406',
    ggd_naam: 'GGD regio Utrecht',
    lon: 5.1,
    lat: 52.1,
  };
}

const gemeenten = [
  gemeente('GM0344', 'Utrecht', 'PV26', 'Utrecht'),
  gemeente('GM0202', 'Arnhem', 'PV25', 'Gelderland'),
  gemeente('GM0796', "'s-Hertogenbosch", 'PV30', 'Noord-Brabant'),
  gemeente('GM0307', 'Amersfoort', 'PV26', 'Utrecht'),
  gemeente('GM0307', 'Amersfoort', 'PV26', 'Utrecht'),
  gemeente('GM0153', 'Enschede', 'PV23', 'Overijssel'),
];

describe('area filter options', () => {
  it('lists each province once, sorted by name', () => {
    expect(gebiedOpties(gemeenten).provincies).toEqual([
      { waarde: 'provincie:PV25', naam: 'Gelderland' },
      { waarde: 'provincie:PV30', naam: 'Noord-Brabant' },
      { waarde: 'provincie:PV23', naam: 'Overijssel' },
      { waarde: 'provincie:PV26', naam: 'Utrecht' },
    ]);
  });

  it('lists each municipality once, sorted the Dutch way', () => {
    expect(gebiedOpties(gemeenten).gemeenten.map((o) => o.naam)).toEqual([
      'Amersfoort',
      'Arnhem',
      'Enschede',
      "'s-Hertogenbosch",
      'Utrecht',
    ]);
    expect(gebiedOpties(gemeenten).gemeenten[0].waarde).toBe('gemeente:GM0307');
  });

  it("ignores a leading 's- or 't when sorting", () => {
    expect(sorteerNaam("'s-Gravenhage")).toBe('Gravenhage');
    expect(sorteerNaam("'t Zandt")).toBe('Zandt');
    expect(sorteerNaam('Sint-Michielsgestel')).toBe('Sint-Michielsgestel');
  });

  it('is empty without municipalities', () => {
    expect(gebiedOpties([])).toEqual({ provincies: [], gemeenten: [] });
  });

  it('turns a filter value into the area the core expects', () => {
    expect(gebiedVanWaarde(LAND_WAARDE)).toEqual({ soort: 'land', code: null });
    expect(gebiedVanWaarde('provincie:PV26')).toEqual({ soort: 'provincie', code: 'PV26' });
    expect(gebiedVanWaarde('gemeente:GM0344')).toEqual({ soort: 'gemeente', code: 'GM0344' });
    expect(gebiedVanWaarde('gemeente:')).toEqual({ soort: 'land', code: null });
    expect(gebiedVanWaarde('wijk:WK1')).toEqual({ soort: 'land', code: null });
  });

  it('names the chosen area, falling back to the country', () => {
    const opties = gebiedOpties(gemeenten);
    expect(gebiedNaam(opties, 'gemeente:GM0202', 'Nederland')).toBe('Arnhem');
    expect(gebiedNaam(opties, 'provincie:PV30', 'Nederland')).toBe('Noord-Brabant');
    expect(gebiedNaam(opties, LAND_WAARDE, 'Nederland')).toBe('Nederland');
  });
});
