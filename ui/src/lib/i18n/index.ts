// The translation layer: every text on screen comes from a language file through `t`.
// Dutch is the default; English is the other language. Both files have exactly the same keys.

import nl from './nl.json';
import en from './en.json';

type Boom = { [sleutel: string]: string | Boom };

/** A language the app speaks: its code in settings and in `<html lang>`. */
export type Taal = 'nl' | 'en';

export const TALEN: readonly Taal[] = ['nl', 'en'];

const talen: Record<Taal, Boom> = { nl, en };
let taal: Taal = 'nl';

/** The language texts, numbers and dates are shown in now. */
export function huidigeTaal(): Taal {
  return taal;
}

/** Switches the language for every later `t` call and sets `<html lang>`; unknown codes mean Dutch. */
export function zetTaal(code: string): Taal {
  taal = code === 'en' ? 'en' : 'nl';
  if (typeof document !== 'undefined') document.documentElement.lang = taal;
  return taal;
}

/** Looks a dotted key up in a language tree; undefined when absent. */
export function zoek(boom: Boom, sleutel: string): string | undefined {
  let knoop: string | Boom | undefined = boom;
  for (const deel of sleutel.split('.')) {
    if (typeof knoop !== 'object') return undefined;
    knoop = knoop[deel];
  }
  return typeof knoop === 'string' ? knoop : undefined;
}

/**
 * The text for `sleutel` in the current language, with `{naam}` placeholders filled in.
 * A missing key shows as the key itself, so it is visible on screen and caught by the key test.
 */
export function t(sleutel: string, waarden: Record<string, string | number> = {}): string {
  const tekst = zoek(talen[taal], sleutel);
  if (tekst === undefined) {
    console.error(`Ontbrekende vertaling: ${sleutel}`);
    return sleutel;
  }
  return tekst.replace(/\{(\w+)\}/g, (_, naam: string) =>
    naam in waarden ? String(waarden[naam]) : `{${naam}}`,
  );
}

/** The language tree of a language, for the key tests. */
export function taalBoom(code: Taal): Boom {
  return talen[code];
}
