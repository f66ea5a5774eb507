import { describe, expect, it } from 'vitest';
import { BREEDTE, GEMEENTE_VORMEN, HOOGTE, PROVINCIE_GRENZEN, punt, REGIO_GRENZEN } from './geo';

describe('map boundaries', () => {
  it('projects all 342 municipalities of the 2025 division once, inside the viewBox', () => {
    expect(GEMEENTE_VORMEN).toHaveLength(342);
    expect(new Set(GEMEENTE_VORMEN.map((g) => g.code)).size).toBe(342);
    expect(GEMEENTE_VORMEN.every((g) => /^GM\d{4}$/.test(g.code) && g.d.startsWith('M'))).toBe(true);
    expect(GEMEENTE_VORMEN.find((g) => g.code === 'GM0344')?.naam).toBe('Utrecht');
    expect(PROVINCIE_GRENZEN.startsWith('M')).toBe(true);
    expect(REGIO_GRENZEN.startsWith('M')).toBe(true);
    const [x, y] = punt(5.1214, 52.0907)!;
    expect(x).toBeGreaterThan(0);
    expect(x).toBeLessThan(BREEDTE);
    expect(y).toBeGreaterThan(0);
    expect(y).toBeLessThan(HOOGTE);
  });
});
