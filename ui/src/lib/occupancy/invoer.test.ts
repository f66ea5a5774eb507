import { describe, expect, it } from 'vitest';
import type { LocatieStand } from '../api';
import {
  bezetTotaal,
  buur,
  foutVanCore,
  herkomst,
  leesRijen,
  rijTotalen,
  rijenUit,
  somRijen,
  type InvoerRij,
} from './invoer';

function stand(id: number, naam: string, deel: Partial<LocatieStand> = {}): LocatieStand {
  return {
    locatie_id: id,
    naam,
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
    capaciteit: 1200,
    niet_inzetbaar: 10,
    bezetting: { ontheemden: 1024, statushouders: 5, asielzoekers: 0, overig: 1 },
    peildatum: '2026-11-16',
    peiling_versie: 3,
    bezet: 1030,
    vrij: 160,
    graad: 858,
    graad_inzetbaar: 866,
    verouderd: false,
    overbezet: false,
    ...deel,
  };
}

function rij(id: number, naam: string, deel: Partial<InvoerRij> = {}): InvoerRij {
  return {
    locatie_id: id,
    naam,
    capaciteit: 100,
    waarden: { ontheemden: '0', statushouders: '0', asielzoekers: '0', overig: '0', niet_inzetbaar: '0' },
    reden: '',
    bron: null,
    versie: null,
    ...deel,
  };
}

describe('occupancy entry rows', () => {
  it('prefills open locations from their latest snapshot, sorted by name', () => {
    const rijen = rijenUit([
      stand(2, 'Schip Amstel'),
      stand(3, 'Oude school', { status: 'gesloten' }),
      stand(1, 'hotel De Linde', { peildatum: null }),
    ]);
    expect(rijen.map((r) => r.locatie_id)).toEqual([1, 2]);
    expect(rijen[1].waarden).toEqual({
      ontheemden: '1.024',
      statushouders: '5',
      asielzoekers: '0',
      overig: '1',
      niet_inzetbaar: '10',
    });
    expect(herkomst(rijen[1], '2026-11-16')).toBe('deze');
    expect(herkomst(rijen[1], '2026-11-23')).toBe('eerder');
    expect(herkomst(rijen[0], '2026-11-23')).toBe('geen');
  });

  it('sums target groups and shows live totals, including over-occupation', () => {
    expect(bezetTotaal({ ontheemden: 1, statushouders: 2, asielzoekers: 3, overig: 4 })).toBe(10);
    const r = rij(1, 'A', {
      waarden: { ontheemden: '1.000', statushouders: '', asielzoekers: '2', overig: '0', niet_inzetbaar: '5' },
      capaciteit: 1000,
    });
    expect(rijTotalen(r)).toEqual({ bezet: 1002, vrij: -7 });
    r.waarden.overig = 'x';
    expect(rijTotalen(r)).toEqual({ bezet: null, vrij: null });
  });

  it('totals the columns as typed', () => {
    const a = rij(1, 'A', {
      capaciteit: 100,
      waarden: { ontheemden: '90', statushouders: '1', asielzoekers: '0', overig: '0', niet_inzetbaar: '5' },
    });
    const b = rij(2, 'B', {
      capaciteit: 1000,
      waarden: { ontheemden: '1.000', statushouders: '', asielzoekers: '0', overig: '0', niet_inzetbaar: '0' },
    });
    expect(somRijen([a, b])).toEqual({
      capaciteit: 1100,
      ontheemden: 1090,
      statushouders: 1,
      asielzoekers: 0,
      overig: 0,
      niet_inzetbaar: 5,
      bezet: 1091,
      vrij: 4,
    });
    b.waarden.overig = '?';
    expect(somRijen([a, b])).toMatchObject({ overig: null, bezet: null, vrij: null, ontheemden: 1090 });
  });

  it('reads all rows into snapshots, with the version only for this peildatum\'s own snapshot', () => {
    const rijen = [
      rij(1, 'A', {
        waarden: { ontheemden: '80', statushouders: '', asielzoekers: '1.001', overig: '0', niet_inzetbaar: '4' },
        reden: ' Schimmel ',
      }),
      rij(2, 'B', { reden: 'vergeten', bron: '2026-11-23', versie: 4 }),
      rij(4, 'C', { bron: '2026-11-16', versie: 2 }),
      rij(3, 'Nieuw', { capaciteit: 0 }),
    ];
    expect(leesRijen(rijen, '2026-11-23')).toEqual({
      invoer: [
        {
          locatie_id: 1,
          peildatum: '2026-11-23',
          bezetting: { ontheemden: 80, statushouders: 0, asielzoekers: 1001, overig: 0 },
          niet_inzetbaar: 4,
          reden_niet_inzetbaar: 'Schimmel',
          versie: null,
        },
        {
          locatie_id: 2,
          peildatum: '2026-11-23',
          bezetting: { ontheemden: 0, statushouders: 0, asielzoekers: 0, overig: 0 },
          niet_inzetbaar: 0,
          reden_niet_inzetbaar: '',
          versie: 4,
        },
        {
          locatie_id: 4,
          peildatum: '2026-11-23',
          bezetting: { ontheemden: 0, statushouders: 0, asielzoekers: 0, overig: 0 },
          niet_inzetbaar: 0,
          reden_niet_inzetbaar: '',
          versie: null,
        },
      ],
    });
  });

  it('names row and column of a value that is not a number, and sends negatives on', () => {
    const rijen = [rij(1, 'Hotel A'), rij(2, 'Hotel B')];
    rijen[1].waarden.asielzoekers = '12,5';
    expect(leesRijen(rijen, '2026-11-23')).toEqual({
      fout: {
        locatie_id: 2,
        kolom: 'asielzoekers',
        bericht: 'Hotel B: bij Asielzoekers staat "12,5"; vul een heel getal in.',
      },
    });
    rijen[1].waarden.asielzoekers = '-3';
    const uit = leesRijen(rijen, '2026-11-23');
    expect('invoer' in uit && uit.invoer[1].bezetting.asielzoekers).toBe(-3);
  });

  it('places core errors at the row whose name starts the message', () => {
    const rijen = [rij(1, 'Hotel A'), rij(2, 'Hotel AB')];
    expect(
      foutVanCore('niet_inzetbaar', 'Hotel AB: er zijn meer niet inzetbare plaatsen (5) dan …', rijen),
    ).toMatchObject({ locatie_id: 2, kolom: 'niet_inzetbaar' });
    expect(foutVanCore('capaciteit', 'Hotel A heeft op 23-11-2026 geen …', rijen)).toMatchObject({
      locatie_id: 1,
      kolom: null,
    });
    expect(foutVanCore('peildatum', 'Hotel A: de peildatum … ligt in de toekomst.', rijen)).toMatchObject(
      { locatie_id: 1, kolom: 'peildatum' },
    );
    expect(foutVanCore(undefined, 'Database is vergrendeld.', rijen)).toEqual({
      locatie_id: null,
      kolom: null,
      bericht: 'Database is vergrendeld.',
    });
  });

  it('moves between inputs and stops at both ends', () => {
    expect(buur(0, 10, false)).toBe(1);
    expect(buur(9, 10, false)).toBeNull();
    expect(buur(0, 10, true)).toBeNull();
    expect(buur(5, 10, true)).toBe(4);
  });
});
