// Tests for the Ombouw screen logic.

import { describe, expect, it } from 'vitest';
import type { Criteriaset } from '../api/types/Criteriaset';
import type { PortefeuilleRegel } from '../api/types/PortefeuilleRegel';
import type { Review } from '../api/types/Review';
import {
  categorieSleutel,
  filterGemeente,
  invoerVan,
  kanReviewStarten,
  naamOntbreekt,
  openReview,
  reviewSleutel,
  scoresVoorSet,
} from './ombouw';

function regel(deel: Partial<PortefeuilleRegel>): PortefeuilleRegel {
  return {
    rang: 1,
    locatie_id: 1,
    locatie_naam: 'A',
    gemeente_code: 'GM0344',
    gemeente_naam: 'Utrecht',
    wooneenheden: 10,
    beoordeling_id: 5,
    totaal: 80,
    categorie: 'geschikt',
    knockouts: [],
    onvolledig: false,
    review_status: null,
    besluit: null,
    ...deel,
  };
}

const set: Criteriaset = {
  id: 3,
  nummer: 1,
  naam: 'Standaard',
  criteria: [
    { sleutel: 'a', label: 'A', gewicht: 1, rubriek: ['0', '1', '2', '3', '4'], knockout_tot_en_met: 0 },
    { sleutel: 'b', label: 'B', gewicht: 2, rubriek: ['0', '1', '2', '3', '4'], knockout_tot_en_met: null },
  ],
  aangemaakt: '',
  aangemaakt_door: '',
  in_gebruik: false,
  versie: 1,
};

function review(status: Review['status']): Review {
  return {
    id: 1,
    beoordeling_id: 5,
    locatie_id: 1,
    status,
    besluit: null,
    indiener: 'a',
    opsteller: 'a',
    ingediend_op: null,
    beoordelaar: null,
    besluitdatum: null,
    toelichting: '',
    vervangt_id: null,
    vervangen_door: null,
    opmerkingen: [],
    bijlagen: [],
    versie: 1,
  };
}

describe('portfolio labels', () => {
  it('names unassessed, incomplete and categorised lines', () => {
    expect(categorieSleutel(regel({ beoordeling_id: null }))).toBe('ombouw.niet_beoordeeld');
    expect(categorieSleutel(regel({ categorie: null }))).toBe('ombouw.onvolledig');
    expect(categorieSleutel(regel({}))).toBe('ombouw.categorie.geschikt');
  });

  it('shows the decision before the status and nothing for no review', () => {
    expect(reviewSleutel({ review_status: 'besloten', besluit: 'akkoord' })).toBe('ombouw.besluit.akkoord');
    expect(reviewSleutel({ review_status: 'ter_beoordeling', besluit: null })).toBe(
      'ombouw.status.ter_beoordeling',
    );
    expect(reviewSleutel({ review_status: null, besluit: null })).toBeNull();
  });

  it('filters on municipality', () => {
    const regels = [regel({}), regel({ locatie_id: 2, gemeente_code: 'GM0363' })];
    expect(filterGemeente(regels, '')).toHaveLength(2);
    expect(filterGemeente(regels, 'GM0363').map((r) => r.locatie_id)).toEqual([2]);
  });
});

describe('assessment input', () => {
  it('orders scores as the set and fills gaps', () => {
    const scores = scoresVoorSet(set, [{ sleutel: 'b', score: 3, onderbouwing: 'x' }]);
    expect(scores).toEqual([
      { sleutel: 'a', score: null, onderbouwing: '' },
      { sleutel: 'b', score: 3, onderbouwing: 'x' },
    ]);
  });

  it('trims evidence in the saved input', () => {
    const invoer = invoerVan(7, set, '2026-11-23', [{ sleutel: 'a', score: 2, onderbouwing: ' y ' }]);
    expect(invoer).toEqual({
      locatie_id: 7,
      criteriaset_id: 3,
      datum: '2026-11-23',
      scores: [{ sleutel: 'a', score: 2, onderbouwing: 'y' }],
    });
  });
});

describe('review state', () => {
  it('finds the open review and allows a new one only without it', () => {
    expect(openReview([review('besloten'), review('concept')])?.status).toBe('concept');
    expect(kanReviewStarten(null, [])).toBe(false);
    expect(kanReviewStarten({} as never, [review('ter_beoordeling')])).toBe(false);
    expect(kanReviewStarten({} as never, [review('besloten')])).toBe(true);
  });

  it('notices a missing name', () => {
    expect(naamOntbreekt('  ')).toBe(true);
    expect(naamOntbreekt(undefined)).toBe(true);
    expect(naamOntbreekt('Anna')).toBe(false);
  });
});
