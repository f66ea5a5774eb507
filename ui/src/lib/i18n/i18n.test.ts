import { afterEach, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { huidigeTaal, t, taalBoom, zetTaal, zoek, TALEN } from './index';

type Boom = ReturnType<typeof taalBoom>;

function bronbestanden(map: string): string[] {
  return readdirSync(map).flatMap((naam) => {
    const pad = join(map, naam);
    if (statSync(pad).isDirectory()) return bronbestanden(pad);
    return /\.(svelte|ts)$/.test(naam) && !naam.endsWith('.test.ts') ? [pad] : [];
  });
}

/** Every dotted key of a language tree. */
function sleutels(boom: Boom, prefix = ''): string[] {
  return Object.entries(boom).flatMap(([naam, waarde]) =>
    typeof waarde === 'string' ? [prefix + naam] : sleutels(waarde, `${prefix}${naam}.`),
  );
}

function placeholders(tekst: string): string[] {
  return [...tekst.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
}

describe('translations', () => {
  afterEach(() => {
    zetTaal('nl');
  });

  it('fills placeholders', () => {
    expect(t('test.voorbeeld', { naam: 'Utrecht', aantal: 3 })).toBe('Utrecht heeft 3 locaties');
  });

  it('switches language', () => {
    expect(huidigeTaal()).toBe('nl');
    zetTaal('en');
    expect(huidigeTaal()).toBe('en');
    expect(document.documentElement.lang).toBe('en');
    expect(t('test.voorbeeld', { naam: 'Utrecht', aantal: 3 })).toBe('Utrecht has 3 locations');
    zetTaal('fr');
    expect(huidigeTaal()).toBe('nl');
  });

  it('has every key the source code uses, in every language', () => {
    const src = join(import.meta.dirname, '..', '..');
    const ontbrekend: string[] = [];
    for (const bestand of bronbestanden(src)) {
      const tekst = readFileSync(bestand, 'utf8');
      for (const m of tekst.matchAll(/\bt\(\s*'([a-z0-9_.]+)'/gi)) {
        for (const taal of TALEN) {
          if (zoek(taalBoom(taal), m[1]) === undefined) {
            ontbrekend.push(`${bestand}: ${m[1]} (${taal}.json)`);
          }
        }
      }
    }
    expect(ontbrekend).toEqual([]);
  });

  it('has the same keys in nl.json and en.json', () => {
    const nl = new Set(sleutels(taalBoom('nl')));
    const en = new Set(sleutels(taalBoom('en')));
    expect([...nl].filter((s) => !en.has(s)).map((s) => `only in nl.json: ${s}`)).toEqual([]);
    expect([...en].filter((s) => !nl.has(s)).map((s) => `only in en.json: ${s}`)).toEqual([]);
  });

  it('uses the same placeholders in both languages', () => {
    const verschil = sleutels(taalBoom('nl')).filter(
      (s) =>
        placeholders(zoek(taalBoom('nl'), s)!).join() !==
        placeholders(zoek(taalBoom('en'), s) ?? '').join(),
    );
    expect(verschil).toEqual([]);
  });

  it('has no Dutch text left untranslated in en.json', () => {
    const zelfde = sleutels(taalBoom('nl')).filter((s) => {
      const nl = zoek(taalBoom('nl'), s)!;
      return nl === zoek(taalBoom('en'), s) && /\b(de|het|een|van|en|niet|geen)\b/i.test(nl);
    });
    expect(zelfde).toEqual([]);
  });
});
