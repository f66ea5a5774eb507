// Logic for the Ombouw screens: portfolio labels, filters, assessment input and review state.

import type { Beoordeling } from '../api/types/Beoordeling';
import type { BeoordelingInvoer } from '../api/types/BeoordelingInvoer';
import type { Categorie } from '../api/types/Categorie';
import type { Criteriaset } from '../api/types/Criteriaset';
import type { CriteriumScore } from '../api/types/CriteriumScore';
import type { PortefeuilleRegel } from '../api/types/PortefeuilleRegel';
import type { Review } from '../api/types/Review';

export const CATEGORIEEN: Categorie[] = ['geschikt', 'geschikt_na_aanpassing', 'niet_geschikt'];

/** The i18n key for the category column of a portfolio line. */
export function categorieSleutel(r: PortefeuilleRegel): string {
  if (r.beoordeling_id === null) return 'ombouw.niet_beoordeeld';
  if (r.categorie === null) return 'ombouw.onvolledig';
  return `ombouw.categorie.${r.categorie}`;
}

/** The i18n key for the review column of a portfolio line, or null when there is none. */
export function reviewSleutel(r: Pick<PortefeuilleRegel, 'review_status' | 'besluit'>): string | null {
  if (r.besluit !== null) return `ombouw.besluit.${r.besluit}`;
  if (r.review_status === null || r.review_status === 'besloten') return null;
  return `ombouw.status.${r.review_status}`;
}

/** The score input for the form: the criteria set's order, taking saved or pre-filled scores. */
export function scoresVoorSet(set: Criteriaset, bron: CriteriumScore[]): CriteriumScore[] {
  return set.criteria.map((c) => {
    const s = bron.find((b) => b.sleutel === c.sleutel);
    return { sleutel: c.sleutel, score: s?.score ?? null, onderbouwing: s?.onderbouwing ?? '' };
  });
}

/** The input to save from the form state. */
export function invoerVan(
  locatieId: number,
  set: Criteriaset,
  datum: string,
  scores: CriteriumScore[],
): BeoordelingInvoer {
  return {
    locatie_id: locatieId,
    criteriaset_id: set.id,
    datum,
    scores: scores.map((s) => ({ ...s, onderbouwing: s.onderbouwing.trim() })),
  };
}

/** The review of an assessment that is still open (not decided), if any. */
export function openReview(reviews: Review[]): Review | null {
  return reviews.find((r) => r.status !== 'besloten') ?? null;
}

/** Whether a new review can be started: an assessment exists and no review is open. */
export function kanReviewStarten(beoordeling: Beoordeling | null, reviews: Review[]): boolean {
  return beoordeling !== null && openReview(reviews) === null;
}

/** Whether the user's name is missing, so the review trail would not say who acted. */
export function naamOntbreekt(gebruiker: string | undefined | null): boolean {
  return (gebruiker ?? '').trim() === '';
}

/** Filters the portfolio lines on municipality code (empty: all). */
export function filterGemeente(regels: PortefeuilleRegel[], code: string): PortefeuilleRegel[] {
  return code === '' ? regels : regels.filter((r) => r.gemeente_code === code);
}
