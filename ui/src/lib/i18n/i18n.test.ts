import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { t, taalBoom, zoek } from './index';

function bronbestanden(map: string): string[] {
  return readdirSync(map).flatMap((naam) => {
    const pad = join(map, naam);
    if (statSync(pad).isDirectory()) return bronbestanden(pad);
    return /\.(svelte|ts)$/.test(naam) && !naam.endsWith('.test.ts') ? [pad] : [];
  });
}

describe('translations', () => {
  it('fills placeholders', () => {
    expect(t('test.voorbeeld', { naam: 'Utrecht', aantal: 3 })).toBe('Utrecht heeft 3 locaties');
  });

  it('has every key the source code uses', () => {
    const src = join(import.meta.dirname, '..', '..');
    const ontbrekend: string[] = [];
    for (const bestand of bronbestanden(src)) {
      const tekst = readFileSync(bestand, 'utf8');
      for (const m of tekst.matchAll(/\bt\(\s*'([a-z0-9_.]+)'/gi)) {
        if (zoek(taalBoom('nl'), m[1]) === undefined) ontbrekend.push(`${bestand}: ${m[1]}`);
      }
    }
    expect(ontbrekend).toEqual([]);
  });
});
