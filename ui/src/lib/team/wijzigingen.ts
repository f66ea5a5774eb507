// What differs between two versions of a record, as Dutch labels and formatted values: used by the
// conflict dialog (your version against the server's) and the change history (before → after).

import type { AuditRegel, Locatie, LocatieInvoer } from '../api';
import { aantal, datum, getal } from '../format';
import { t } from '../i18n';

/** One field that differs, with its label and both values formatted for display. */
export type Verschil = { veld: string; label: string; oud: string; nieuw: string };

/** Fields of the location form, labelled under formulier.veld.*. */
const FORMULIERVELDEN = new Set([
  'gemeente_code', 'naam', 'straat', 'huisnummer', 'postcode', 'plaats', 'soort', 'beheerder',
  'financiering', 'openingsdatum', 'einddatum', 'vergunning', 'wooneenheden', 'eigen_voordeur',
  'eigen_keuken', 'eigen_sanitair', 'vloeroppervlak', 'kosten_per_jaar', 'pipeline_kans',
  'notities',
]);

/** Other recorded fields, labelled under audit.veld.*. */
const AUDITVELDEN = new Set([
  'status', 'lat', 'lon', 'bag_id', 'vanaf', 'tot_en_met', 'plaatsen', 'peildatum',
  'niet_inzetbaar', 'reden_niet_inzetbaar', 'datum', 'reden', 'capaciteit',
]);

/** Bookkeeping that is not a change a planner makes. */
const OVERSLAAN = new Set(['id', 'versie', 'locatie_id', 'gemeente_naam']);

const DATUMVELDEN = new Set(['openingsdatum', 'einddatum', 'vanaf', 'tot_en_met', 'peildatum', 'datum']);

const KEUZES: Record<string, string> = {
  soort: 'locatietype',
  beheerder: 'beheerder',
  vergunning: 'vergunning',
  financiering: 'financiering',
  status: 'status',
};

export function veldLabel(veld: string): string {
  if (FORMULIERVELDEN.has(veld)) return t(`formulier.veld.${veld}`);
  if (AUDITVELDEN.has(veld)) return t(`audit.veld.${veld}`);
  if (veld.startsWith('bezetting.')) return t(`doelgroep.${veld.slice('bezetting.'.length)}`);
  return veld;
}

/** A value as the planner reads it: numbers and dates in the chosen language, enum labels, ja/nee, – for empty. */
export function waardeTekst(
  veld: string,
  waarde: unknown,
  gemeenteNaam: (code: string) => string | undefined = () => undefined,
): string {
  if (waarde === null || waarde === undefined || waarde === '') return '–';
  if (typeof waarde === 'boolean') return waarde ? t('audit.ja') : t('audit.nee');
  if (typeof waarde === 'number') {
    return Number.isInteger(waarde) ? aantal(waarde) : getal(waarde);
  }
  const tekst = String(waarde);
  if (DATUMVELDEN.has(veld)) return datum(tekst);
  if (veld in KEUZES) return t(`${KEUZES[veld]}.${tekst}`);
  if (veld === 'gemeente_code') {
    const naam = gemeenteNaam(tekst);
    return naam ? `${naam} (${tekst})` : tekst;
  }
  return tekst;
}

/** A record as flat fields: nested objects (bezetting) become `bezetting.ontheemden`. */
function plat(record: Record<string, unknown> | null): Map<string, unknown> {
  const uit = new Map<string, unknown>();
  for (const [sleutel, waarde] of Object.entries(record ?? {})) {
    if (waarde !== null && typeof waarde === 'object' && !Array.isArray(waarde)) {
      for (const [sub, w] of Object.entries(waarde)) uit.set(`${sleutel}.${sub}`, w);
    } else {
      uit.set(sleutel, waarde);
    }
  }
  return uit;
}

function leeg(waarde: unknown): boolean {
  return waarde === null || waarde === undefined || waarde === '';
}

/** Every field whose value differs between `oud` and `nieuw`, in the order of the fields. */
export function verschillen(
  oud: Record<string, unknown> | null,
  nieuw: Record<string, unknown> | null,
  gemeenteNaam?: (code: string) => string | undefined,
): Verschil[] {
  const a = plat(oud);
  const b = plat(nieuw);
  const velden = [...new Set([...a.keys(), ...b.keys()])];
  return velden
    .filter((veld) => !OVERSLAAN.has(veld))
    .filter((veld) => {
      const [x, y] = [a.get(veld), b.get(veld)];
      return !(leeg(x) && leeg(y)) && JSON.stringify(x) !== JSON.stringify(y);
    })
    .map((veld) => ({
      veld,
      label: veldLabel(veld),
      oud: waardeTekst(veld, a.get(veld), gemeenteNaam),
      nieuw: waardeTekst(veld, b.get(veld), gemeenteNaam),
    }));
}

/** The conflict dialog's rows: what the user is saving against what the server now holds. */
export function conflictVerschillen(
  mijn: LocatieInvoer,
  server: Locatie,
  gemeenteNaam?: (code: string) => string | undefined,
): Verschil[] {
  const serverInvoer: Record<string, unknown> = {};
  for (const veld of Object.keys(mijn)) {
    serverInvoer[veld] = (server as Record<string, unknown>)[veld];
  }
  return verschillen(mijn, serverInvoer, gemeenteNaam);
}

function leesJson(tekst: string | null): Record<string, unknown> | null {
  if (tekst === null) return null;
  try {
    const waarde: unknown = JSON.parse(tekst);
    return typeof waarde === 'object' && waarde !== null ? (waarde as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** What one audit entry changed, field by field; a status change names only the status. */
export function auditVerschillen(
  regel: AuditRegel,
  gemeenteNaam?: (code: string) => string | undefined,
): Verschil[] {
  const voor = leesJson(regel.voor);
  let na = leesJson(regel.na);
  if (regel.actie === 'status' && na) {
    na = { status: na.nieuwe_status, datum: na.datum, reden: na.reden };
  }
  return verschillen(voor, na, gemeenteNaam);
}

/** An RFC 3339 moment as Dutch local date and time: `23-11-2026 16:05`. */
export function tijdstipTekst(rfc3339: string): string {
  const moment = new Date(rfc3339);
  if (Number.isNaN(moment.getTime())) return rfc3339;
  const dag = datum(
    `${moment.getFullYear()}-${String(moment.getMonth() + 1).padStart(2, '0')}-${String(moment.getDate()).padStart(2, '0')}`,
  );
  const tijd = `${String(moment.getHours()).padStart(2, '0')}:${String(moment.getMinutes()).padStart(2, '0')}`;
  return `${dag} ${tijd}`;
}
