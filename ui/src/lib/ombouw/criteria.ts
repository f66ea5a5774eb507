// Logic for editing the criteria set: a working copy, new criteria with a unique key, and the input to save.

import type { Criteriaset } from '../api/types/Criteriaset';
import type { CriteriasetInvoer } from '../api/types/CriteriasetInvoer';

/** Scores 0 to 4: a rubric has one text for each. */
export const SCORES = [0, 1, 2, 3, 4] as const;

/** Knock-out thresholds a criterion may have: a score at or below it is a knock-out. */
export const KNOCKOUT_GRENZEN = [0, 1, 2, 3] as const;

/** One criterion as edited in the form; `nieuw` criteria may still change their key. */
export type CriteriumConcept = {
  sleutel: string;
  label: string;
  gewicht: number | null;
  rubriek: string[];
  /** '' is no knock-out, else the highest score that is a knock-out. */
  knockout: '' | `${number}`;
  nieuw: boolean;
};

export type SetConcept = { naam: string; criteria: CriteriumConcept[] };

/** A working copy of a stored set to edit into the next version. */
export function conceptVan(set: Criteriaset): SetConcept {
  return {
    naam: set.naam,
    criteria: set.criteria.map((c) => ({
      sleutel: c.sleutel,
      label: c.label,
      gewicht: c.gewicht,
      rubriek: SCORES.map((s) => c.rubriek[s] ?? ''),
      knockout: c.knockout_tot_en_met === null ? '' : `${c.knockout_tot_en_met}`,
      nieuw: false,
    })),
  };
}

/** A key made from a label: lower case ASCII letters, digits and `_`, unique among `bezet`. */
export function sleutelVan(label: string, bezet: string[]): string {
  const basis =
    label
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 40) || 'criterium';
  let sleutel = basis;
  for (let n = 2; bezet.includes(sleutel); n++) sleutel = `${basis}_${n}`;
  return sleutel;
}

/** An empty new criterion with a unique placeholder key. */
export function nieuwCriterium(bestaande: CriteriumConcept[]): CriteriumConcept {
  return {
    sleutel: sleutelVan('nieuw criterium', bestaande.map((c) => c.sleutel)),
    label: '',
    gewicht: 0,
    rubriek: SCORES.map(() => ''),
    knockout: '',
    nieuw: true,
  };
}

/** The key a new criterion gets once its label is typed (existing criteria keep theirs). */
export function sleutelNaLabel(criteria: CriteriumConcept[], index: number): string {
  const c = criteria[index];
  if (!c.nieuw) return c.sleutel;
  const bezet = criteria.filter((_, i) => i !== index).map((x) => x.sleutel);
  return sleutelVan(c.label.trim() === '' ? 'nieuw criterium' : c.label, bezet);
}

/** The input for the core, which validates it (and names the field of any error). */
export function setInvoer(concept: SetConcept): CriteriasetInvoer {
  return {
    naam: concept.naam.trim(),
    criteria: concept.criteria.map((c) => ({
      sleutel: c.sleutel.trim(),
      label: c.label.trim(),
      // An empty number field is sent as -1 so the core reports it on that field.
      gewicht: c.gewicht === null || Number.isNaN(c.gewicht) ? -1 : Math.round(c.gewicht),
      rubriek: c.rubriek.map((r) => r.trim()),
      knockout_tot_en_met: c.knockout === '' ? null : Number(c.knockout),
    })),
  };
}

/** Whether the working copy differs from the set it was made from. */
export function gewijzigd(set: Criteriaset, concept: SetConcept): boolean {
  return JSON.stringify(setInvoer(concept)) !== JSON.stringify(setInvoer(conceptVan(set)));
}

