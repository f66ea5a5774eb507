// Tests the field differences shown in the conflict dialog and the change history.

import { describe, expect, it } from 'vitest';
import type { AuditRegel, Locatie, LocatieInvoer } from '../api';
import { auditVerschillen, conflictVerschillen, tijdstipTekst, verschillen } from './wijzigingen';

const invoer: LocatieInvoer = {
  gemeente_code: 'GM0344',
  naam: 'Hotel De Linde',
  straat: 'Lindelaan',
  huisnummer: '1',
  postcode: '3511 AA',
  plaats: 'Utrecht',
  lat: 52.09,
  lon: 5.12,
  bag_id: null,
  soort: 'hotel_pension',
  beheerder: 'gemeente',
  openingsdatum: '2026-03-04',
  einddatum: null,
  vergunning: null,
  financiering: 'booo',
  wooneenheden: 40,
  eigen_voordeur: false,
  eigen_keuken: false,
  eigen_sanitair: true,
  vloeroppervlak: null,
  kosten_per_jaar: 1200000,
  pipeline_kans: null,
  notities: '',
};

const server: Locatie = {
  ...invoer,
  id: 7,
  status: 'in_gebruik',
  versie: 3,
  gemeente_naam: 'Utrecht',
  naam: 'Hotel De Eik',
  kosten_per_jaar: 1350000,
  eigen_keuken: true,
  einddatum: '2027-12-31',
  soort: 'kantoor_bedrijfspand',
};

function regel(actie: string, voor: unknown, na: unknown): AuditRegel {
  return {
    id: 1,
    tijdstip: '2026-11-23T10:15:00.000Z',
    gebruiker: 'anna',
    tabel: 'locatie',
    record: '7',
    locatie_id: 7,
    actie,
    voor: voor === null ? null : JSON.stringify(voor),
    na: na === null ? null : JSON.stringify(na),
  };
}

describe('conflictVerschillen', () => {
  it('lists only the differing form fields with Dutch labels and formatted values', () => {
    const rijen = conflictVerschillen(invoer, server);
    expect(rijen.map((r) => r.veld)).toEqual([
      'naam',
      'soort',
      'einddatum',
      'eigen_keuken',
      'kosten_per_jaar',
    ]);
    expect(rijen[0]).toEqual({
      veld: 'naam',
      label: 'Naam van de locatie',
      oud: 'Hotel De Linde',
      nieuw: 'Hotel De Eik',
    });
    expect(rijen[1].nieuw).toBe('Kantoor/bedrijfspand');
    expect(rijen[2]).toMatchObject({ oud: '–', nieuw: '31-12-2027' });
    expect(rijen[3]).toMatchObject({ label: 'Eigen keuken', oud: 'nee', nieuw: 'ja' });
    expect(rijen[4]).toMatchObject({ oud: '1.200.000', nieuw: '1.350.000' });
  });

  it('is empty when both versions hold the same data', () => {
    expect(conflictVerschillen(invoer, { ...server, ...invoer })).toEqual([]);
  });

  it('names the municipality when a lookup is given', () => {
    const rijen = conflictVerschillen(invoer, { ...server, ...invoer, gemeente_code: 'GM0363' }, (c) =>
      c === 'GM0363' ? 'Amsterdam' : 'Utrecht',
    );
    expect(rijen).toEqual([
      { veld: 'gemeente_code', label: 'Gemeente', oud: 'Utrecht (GM0344)', nieuw: 'Amsterdam (GM0363)' },
    ]);
  });
});

describe('auditVerschillen', () => {
  it('shows before and after of an edit, skipping bookkeeping fields', () => {
    const rijen = auditVerschillen(
      regel('wijzigen', { ...invoer, versie: 1 }, { ...invoer, naam: 'Hotel Nieuw', versie: 2 }),
    );
    expect(rijen).toEqual([
      { veld: 'naam', label: 'Naam van de locatie', oud: 'Hotel De Linde', nieuw: 'Hotel Nieuw' },
    ]);
  });

  it('reads a status change as old and new status with its date', () => {
    const rijen = auditVerschillen(
      regel(
        'status',
        { status: 'in_gebruik' },
        { locatie_id: 7, versie: 2, nieuwe_status: 'stand_by', datum: '2026-01-07', reden: '' },
      ),
    );
    expect(rijen.map((r) => [r.label, r.oud, r.nieuw])).toEqual([
      ['Status', 'In gebruik', 'Stand-by'],
      ['Datum', '–', '7-1-2026'],
    ]);
  });

  it('flattens an occupancy snapshot and lists a new record with empty old values', () => {
    const rijen = auditVerschillen(
      regel('toevoegen', null, {
        locatie_id: 7,
        peildatum: '2026-01-05',
        bezetting: { ontheemden: 25, statushouders: 0, asielzoekers: 0, overig: 0 },
        niet_inzetbaar: 0,
        reden_niet_inzetbaar: '',
        versie: null,
      }),
    );
    expect(rijen.map((r) => [r.label, r.oud, r.nieuw])).toEqual([
      ['Peildatum', '–', '5-1-2026'],
      ['Ontheemden', '–', '25'],
      ['Statushouders', '–', '0'],
      ['Asielzoekers', '–', '0'],
      ['Overig', '–', '0'],
      ['Niet inzetbaar', '–', '0'],
    ]);
  });

  it('copes with a record that is not JSON', () => {
    expect(verschillen(null, null)).toEqual([]);
    expect(auditVerschillen(regel('wijzigen', null, null))).toEqual([]);
  });
});

describe('tijdstipTekst', () => {
  it('shows the moment as Dutch local date and time', () => {
    const moment = new Date(2026, 10, 3, 9, 5);
    expect(tijdstipTekst(moment.toISOString())).toBe('3-11-2026 09:05');
    expect(tijdstipTekst('onzin')).toBe('onzin');
  });
});
