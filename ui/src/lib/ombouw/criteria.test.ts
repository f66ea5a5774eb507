// Tests for editing the criteria set: working copy, keys of new criteria and the input to save.

import { describe, expect, it } from 'vitest';
import type { Criteriaset } from '../api/types/Criteriaset';
import { conceptVan, gewijzigd, nieuwCriterium, setInvoer, sleutelNaLabel, sleutelVan } from './criteria';

const set: Criteriaset = {
  id: 1,
  nummer: 1,
  naam: 'Standaard',
  criteria: [
    {
      sleutel: 'oppervlakte',
      label: 'Oppervlakte',
      gewicht: 15,
      rubriek: ['< 18 m²', 'a', 'b', 'c', 'd'],
      knockout_tot_en_met: 0,
    },
    { sleutel: 'ligging', label: 'Ligging', gewicht: 10, rubriek: ['0', '1', '2', '3', '4'], knockout_tot_en_met: null },
  ],
  aangemaakt: '2026-11-01T10:00:00Z',
  aangemaakt_door: 'Opvangplanner',
  in_gebruik: true,
  versie: 1,
};

describe('criteria set editing', () => {
  it('round-trips an unchanged set', () => {
    const concept = conceptVan(set);
    expect(concept.criteria[0].knockout).toBe('0');
    expect(concept.criteria[1].knockout).toBe('');
    expect(gewijzigd(set, concept)).toBe(false);
    expect(setInvoer(concept)).toEqual({ naam: 'Standaard', criteria: set.criteria });
  });

  it('notices edits and sends knock-outs and weights as numbers', () => {
    const concept = conceptVan(set);
    concept.criteria[1].gewicht = 25;
    concept.criteria[1].knockout = '1';
    expect(gewijzigd(set, concept)).toBe(true);
    const invoer = setInvoer(concept);
    expect(invoer.criteria[1].gewicht).toBe(25);
    expect(invoer.criteria[1].knockout_tot_en_met).toBe(1);
    concept.criteria[1].gewicht = null;
    expect(setInvoer(concept).criteria[1].gewicht).toBe(-1);
  });

  it('makes unique ASCII keys from Dutch labels', () => {
    expect(sleutelVan('Geluidsbelasting én geur', [])).toBe('geluidsbelasting_en_geur');
    expect(sleutelVan('Ligging', ['ligging', 'ligging_2'])).toBe('ligging_3');
    expect(sleutelVan('€€', [])).toBe('criterium');
  });

  it('gives a new criterion a key from its label, never an existing one', () => {
    const concept = conceptVan(set);
    const nieuw = nieuwCriterium(concept.criteria);
    expect(nieuw.rubriek).toHaveLength(5);
    concept.criteria.push({ ...nieuw, label: 'Ligging' });
    expect(sleutelNaLabel(concept.criteria, 2)).toBe('ligging_2');
    expect(sleutelNaLabel(concept.criteria, 0)).toBe('oppervlakte');
  });
});
