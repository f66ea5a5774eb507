import { describe, expect, it } from 'vitest';
import type { Signaal } from '../api/types/Signaal';
import { signaalWeergave } from './signalen';

function signaal(s: Partial<Signaal> & Pick<Signaal, 'soort' | 'waarde'>): Signaal {
  return {
    locatie_id: 7,
    locatie_naam: 'Hotel De Zonnehoek 1 (demo)',
    gemeente_naam: 'Utrecht',
    peildatum: null,
    einddatum: null,
    ...s,
  };
}

describe('dashboard alerts', () => {
  it('says how many places an over-occupied location is short', () => {
    expect(
      signaalWeergave(signaal({ soort: 'overbezet', waarde: 1250, peildatum: '2026-11-16' })),
    ).toEqual({
      label: 'Overbezet',
      omschrijving: '1.250 plaatsen te kort',
      datum: 'peiling 16-11-2026',
      ernst: 'fout',
    });
    expect(
      signaalWeergave(signaal({ soort: 'overbezet', waarde: 1, peildatum: '2026-11-16' }))
        .omschrijving,
    ).toBe('1 plaats te kort');
  });

  it('gives the age and date of a stale snapshot', () => {
    expect(
      signaalWeergave(signaal({ soort: 'verouderd', waarde: 28, peildatum: '2026-10-26' })),
    ).toEqual({
      label: 'Verouderd',
      omschrijving: 'Laatste peiling is 28 dagen oud',
      datum: 'peiling 26-10-2026',
      ernst: 'waarschuwing',
    });
  });

  it('flags a location without any snapshot', () => {
    expect(signaalWeergave(signaal({ soort: 'zonder_peiling', waarde: 0 }))).toEqual({
      label: 'Geen peiling',
      omschrijving: 'Nog geen bezetting ingevoerd',
      datum: null,
      ernst: 'waarschuwing',
    });
  });

  it('counts down to the end of a lease or permit', () => {
    const einde = (waarde: number) =>
      signaalWeergave(signaal({ soort: 'einddatum_nadert', waarde, einddatum: '2027-03-04' }));
    expect(einde(100)).toEqual({
      label: 'Einddatum',
      omschrijving: 'Huur of vergunning loopt af over 100 dagen',
      datum: '4-3-2027',
      ernst: 'info',
    });
    expect(einde(1).omschrijving).toBe('Huur of vergunning loopt morgen af');
    expect(einde(0).omschrijving).toBe('Huur of vergunning loopt vandaag af');
  });
});
