// Received VNG report files: how the chosen files travel to the shell in one request, and which
// peildatum the aggregated view shows.

import type { Aggregatie } from '../api/types/Aggregatie';

/** A chosen report file: its name and bytes. */
export interface RapportBestand {
  naam: string;
  inhoud: Uint8Array;
}

/**
 * One request body for several files, as the shell's `vng_ontvangen_toevoegen` reads it: a 4-byte
 * little-endian length, that many bytes of JSON listing `[name, length]` per file, then the files'
 * bytes in that order. One request, so the shell receives the batch whole or refuses it whole.
 */
export function verpakBestanden(bestanden: RapportBestand[]): Uint8Array {
  const lijst = new TextEncoder().encode(JSON.stringify(bestanden.map((b) => [b.naam, b.inhoud.length])));
  const totaal = 4 + lijst.length + bestanden.reduce((som, b) => som + b.inhoud.length, 0);
  const body = new Uint8Array(totaal);
  new DataView(body.buffer).setUint32(0, lijst.length, true);
  body.set(lijst, 4);
  let plek = 4 + lijst.length;
  for (const b of bestanden) {
    body.set(b.inhoud, plek);
    plek += b.inhoud.length;
  }
  return body;
}

/** The peildatum to show: the chosen one while it still has reports, else the newest. */
export function getoondePeildatum(aggregatie: Aggregatie, gekozen: string | null): string | null {
  const data = aggregatie.rapporten.map((r) => r.peildatum);
  if (gekozen && data.includes(gekozen)) return gekozen;
  return data[0] ?? null;
}
