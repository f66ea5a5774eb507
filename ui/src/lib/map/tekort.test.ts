import { describe, expect, it } from 'vitest';
import { LAATSTE_MAAND, maandenVanaf, OVERGANG_MAAND } from './tekort';

describe('months of the projected gap', () => {
  it('runs from the peildatum month through April 2031', () => {
    const m = maandenVanaf('2026-11-23');
    expect(m.slice(0, 3)).toEqual(['2026-11-01', '2026-12-01', '2027-01-01']);
    expect(m.at(-1)).toBe(LAATSTE_MAAND);
    expect(m).toHaveLength(54);
    expect(m).toContain(OVERGANG_MAAND);
  });

  it('is empty for an empty or late peildatum', () => {
    expect(maandenVanaf('')).toEqual([]);
    expect(maandenVanaf('2031-05-02')).toEqual([]);
  });
});
