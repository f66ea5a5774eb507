// Tests of the backup file size text.

import { describe, expect, it } from 'vitest';
import { bestandsgrootte } from './grootte';

describe('bestandsgrootte', () => {
  it('shows bytes, kB and MB the Dutch way', () => {
    expect(bestandsgrootte(512)).toBe('512 B');
    expect(bestandsgrootte(2048)).toBe('2 kB');
    expect(bestandsgrootte(170_799_104)).toBe('162,9 MB');
    expect(bestandsgrootte(5 * 1024 ** 4)).toBe('5.120 GB');
  });
});
