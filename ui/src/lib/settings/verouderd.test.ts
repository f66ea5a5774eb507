import { describe, expect, it } from 'vitest';
import { geldigeDagen } from './verouderd';

describe('stale threshold input', () => {
  it('accepts whole days from 1 to 365', () => {
    expect(geldigeDagen(1)).toBe(1);
    expect(geldigeDagen(14)).toBe(14);
    expect(geldigeDagen(365)).toBe(365);
  });

  it('rejects empty, fractional and out-of-range values', () => {
    expect(geldigeDagen(null)).toBeNull();
    expect(geldigeDagen(undefined)).toBeNull();
    expect(geldigeDagen(0)).toBeNull();
    expect(geldigeDagen(366)).toBeNull();
    expect(geldigeDagen(-3)).toBeNull();
    expect(geldigeDagen(7.5)).toBeNull();
    expect(geldigeDagen(Number.NaN)).toBeNull();
  });
});
