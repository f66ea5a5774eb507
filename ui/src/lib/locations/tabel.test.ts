import { describe, expect, it } from 'vitest';
import type { LocatieStand } from '../api';
import { dagenTot, eindsignaal, plusMaanden } from './einddatum';
import {
  GEEN_FILTER,
  filterStanden,
  keuzes,
  sorteerStanden,
  venster,
  volgendeSortering,
} from './tabel';

function stand(id: number, deel: Partial<LocatieStand>): LocatieStand {
  return {
    locatie_id: id,
    naam: `Locatie ${id}`,
    plaats: 'Utrecht',
    gemeente_code: 'GM0344',
    gemeente_naam: 'Utrecht',
    provincie_code: 'PV26',
    provincie_naam: 'Utrecht',
    veiligheidsregio_code: 'VR09',
    veiligheidsregio_naam: 'Utrecht',
    lat: null,
    lon: null,
    soort: 'hotel_pension',
    status: 'in_gebruik',
    einddatum: null,
    capaciteit: 100,
    niet_inzetbaar: 0,
    bezetting: { ontheemden: 90, statushouders: 0, asielzoekers: 0, overig: 0 },
    peildatum: '2026-11-16',
    peiling_versie: 1,
    bezet: 90,
    vrij: 10,
    graad: 900,
    graad_inzetbaar: 900,
    verouderd: false,
    overbezet: false,
    ...deel,
  };
}

const standen = [
  stand(1, { naam: 'Hotel De Linde', plaats: 'Zeist', gemeente_code: 'GM0355', gemeente_naam: 'Zeist' }),
  stand(2, {
    naam: 'Kantoor Oost',
    soort: 'kantoor_bedrijfspand',
    status: 'stand_by',
    graad: null,
    einddatum: '2027-03-04',
  }),
  stand(3, {
    naam: 'Schip Amstel',
    plaats: 'Amsterdam',
    gemeente_code: 'GM0363',
    gemeente_naam: 'Amsterdam',
    provincie_code: 'PV27',
    provincie_naam: 'Noord-Holland',
    soort: 'schip',
    graad: 1010,
    einddatum: '2026-12-31',
    peildatum: null,
  }),
  stand(4, { naam: 'hotel aan zee', plaats: 'Katwijk', graad: 900 }),
];

describe('location table', () => {
  it('filters on text in name and place, ignoring case', () => {
    const ids = (f: Partial<typeof GEEN_FILTER>) =>
      filterStanden(standen, { ...GEEN_FILTER, ...f }).map((s) => s.locatie_id);
    expect(ids({ zoek: ' HOTEL ' })).toEqual([1, 4]);
    expect(ids({ zoek: 'amsterdam' })).toEqual([3]);
    expect(ids({ gemeente: 'GM0344' })).toEqual([2, 4]);
    expect(ids({ provincie: 'PV27' })).toEqual([3]);
    expect(ids({ status: 'stand_by' })).toEqual([2]);
    expect(ids({ soort: 'schip', zoek: 'x' })).toEqual([]);
    expect(ids({})).toEqual([1, 2, 3, 4]);
  });

  it('sorts by name the Dutch way and flips direction', () => {
    const op = sorteerStanden(standen, { kolom: 'naam', richting: 'oplopend' });
    expect(op.map((s) => s.naam)).toEqual([
      'hotel aan zee',
      'Hotel De Linde',
      'Kantoor Oost',
      'Schip Amstel',
    ]);
    const af = sorteerStanden(standen, { kolom: 'naam', richting: 'aflopend' });
    expect(af.map((s) => s.locatie_id)).toEqual(op.map((s) => s.locatie_id).reverse());
  });

  it('puts missing values last in both directions and breaks ties by name', () => {
    const op = sorteerStanden(standen, { kolom: 'graad', richting: 'oplopend' });
    expect(op.map((s) => s.locatie_id)).toEqual([4, 1, 3, 2]);
    const af = sorteerStanden(standen, { kolom: 'graad', richting: 'aflopend' });
    expect(af.map((s) => s.locatie_id)).toEqual([3, 4, 1, 2]);
    const eind = sorteerStanden(standen, { kolom: 'einddatum', richting: 'aflopend' });
    expect(eind.map((s) => s.locatie_id)).toEqual([2, 3, 4, 1]);
  });

  it('sorts status by lifecycle and type by its label', () => {
    const status = sorteerStanden(standen, { kolom: 'status', richting: 'aflopend' });
    expect(status[0].locatie_id).toBe(2);
    const soort = sorteerStanden(standen, { kolom: 'soort', richting: 'oplopend' });
    expect(soort.map((s) => s.soort)).toEqual([
      'hotel_pension',
      'hotel_pension',
      'kantoor_bedrijfspand',
      'schip',
    ]);
  });

  it('toggles the sort direction on the same column only', () => {
    const start = { kolom: 'naam', richting: 'oplopend' } as const;
    expect(volgendeSortering(start, 'naam')).toEqual({ kolom: 'naam', richting: 'aflopend' });
    expect(volgendeSortering(start, 'vrij')).toEqual({ kolom: 'vrij', richting: 'oplopend' });
  });

  it('lists distinct choices sorted by name', () => {
    expect(keuzes(standen, (s) => s.gemeente_code, (s) => s.gemeente_naam)).toEqual([
      ['GM0363', 'Amsterdam'],
      ['GM0344', 'Utrecht'],
      ['GM0355', 'Zeist'],
    ]);
  });

  it('renders only the visible window of a long table', () => {
    expect(venster(0, 400, 40, 5000)).toEqual({ van: 0, tot: 21 });
    expect(venster(40_000, 400, 40, 5000)).toEqual({ van: 990, tot: 1021 });
    expect(venster(1_000_000, 400, 40, 5000)).toEqual({ van: 4990, tot: 5000 });
    expect(venster(0, 400, 40, 3)).toEqual({ van: 0, tot: 3 });
  });
});

describe('lease and permit end', () => {
  it('counts days and months across year ends', () => {
    expect(dagenTot('2027-03-04', '2026-11-23')).toBe(101);
    expect(dagenTot('2026-11-22', '2026-11-23')).toBe(-1);
    expect(plusMaanden('2026-08-31', 6)).toBe('2027-02-28');
    expect(plusMaanden('2026-11-23', 6)).toBe('2027-05-23');
  });

  it('warns within six months and after the end', () => {
    expect(eindsignaal(null, '2026-11-23')).toBeNull();
    expect(eindsignaal('2026-11-22', '2026-11-23')).toBe('verlopen');
    expect(eindsignaal('2026-11-23', '2026-11-23')).toBe('binnenkort');
    expect(eindsignaal('2027-05-23', '2026-11-23')).toBe('binnenkort');
    expect(eindsignaal('2027-05-24', '2026-11-23')).toBe('ruim');
  });
});
