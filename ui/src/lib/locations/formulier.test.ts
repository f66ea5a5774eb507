import { describe, expect, it } from 'vitest';
import type { Locatie } from '../api';
import { formulierUit, invoerUit, leegFormulier, leesOptioneel } from './formulier';

const locatie: Locatie = {
  id: 7,
  status: 'in_gebruik',
  versie: 3,
  gemeente_naam: 'Utrecht',
  gemeente_code: 'GM0344',
  naam: 'Hotel De Linde',
  straat: 'Lindelaan',
  huisnummer: '12a',
  postcode: '3511 AB',
  plaats: 'Utrecht',
  lat: 52.09,
  lon: 5.12,
  bag_id: '0344010000123456',
  soort: 'hotel_pension',
  beheerder: 'coa',
  openingsdatum: '2022-04-01',
  einddatum: null,
  vergunning: 'tijdelijk',
  financiering: 'booo',
  wooneenheden: 40,
  eigen_voordeur: true,
  eigen_keuken: false,
  eigen_sanitair: true,
  vloeroppervlak: 2400,
  kosten_per_jaar: 1250000,
  pipeline_kans: null,
  notities: 'Lift vervangen in 2025.',
};

describe('location form', () => {
  it('reads optional counts: empty is null, Dutch thousands are fine', () => {
    expect(leesOptioneel('')).toBeNull();
    expect(leesOptioneel('  ')).toBeNull();
    expect(leesOptioneel('1.250.000')).toBe(1250000);
    expect(leesOptioneel('-3')).toBe(-3);
    expect(leesOptioneel('12,5')).toBeUndefined();
    expect(leesOptioneel('veel')).toBeUndefined();
  });

  it('round-trips a stored location, keeping what the form does not show', () => {
    const { velden, behouden } = formulierUit(locatie);
    expect(velden.kosten_per_jaar).toBe('1.250.000');
    expect(velden.pipeline_kans).toBe('');
    expect(velden.einddatum).toBe('');
    const uit = invoerUit(velden, behouden);
    expect('invoer' in uit).toBe(true);
    if (!('invoer' in uit)) return;
    const { id: _id, status: _status, versie: _versie, gemeente_naam: _naam, ...invoer } = locatie;
    expect(uit.invoer).toEqual(invoer);
  });

  it('sends empty optional fields as null and trims text', () => {
    const velden = { ...leegFormulier(), gemeente_code: 'GM0344', naam: '  Kantoor Oost ' };
    const uit = invoerUit(velden);
    if (!('invoer' in uit)) throw new Error('verwacht invoer');
    expect(uit.invoer.naam).toBe('Kantoor Oost');
    expect(uit.invoer.wooneenheden).toBeNull();
    expect(uit.invoer.vergunning).toBeNull();
    expect(uit.invoer.openingsdatum).toBeNull();
    expect(uit.invoer.lat).toBeNull();
  });

  it('names the field that is not a whole number', () => {
    const velden = { ...leegFormulier(), gemeente_code: 'GM0344', vloeroppervlak: '12,5' };
    expect(invoerUit(velden)).toEqual({
      fout: {
        veld: 'vloeroppervlak',
        bericht: 'Vloeroppervlak (m²) moet een heel getal zijn, zoals 1.200.',
      },
    });
    expect(invoerUit(leegFormulier())).toEqual({
      fout: { veld: 'gemeente_code', bericht: 'Kies de gemeente van de locatie.' },
    });
  });
});
