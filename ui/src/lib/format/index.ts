// Formatting of counts, rates and dates for every screen, in the chosen language: Dutch
// `96.830`, `99,9%`, `4-3-2027`; English (en-GB) `96,830`, `99.9%`, `4 Mar 2027`.
// Rates arrive from the core as tenths of a percent, already rounded by its exact rules.

import { huidigeTaal, t } from '../i18n';

/** The thousands separator and decimal mark of the current language. */
function tekens(): { duizend: string; decimaal: string } {
  return huidigeTaal() === 'en' ? { duizend: ',', decimaal: '.' } : { duizend: '.', decimaal: ',' };
}

/** A count with thousands separators: 96830 → "96.830" (English "96,830"). */
export function aantal(value: number): string {
  const digits = Math.abs(Math.trunc(value)).toString();
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, tekens().duizend);
  return value < 0 ? `-${grouped}` : grouped;
}

/** A rate in tenths of a percent: 999 → "99,9%" (English "99.9%"); null (no capacity) → "–". */
export function percentage(tenths: number | null): string {
  if (tenths === null) return '–';
  const whole = Math.trunc(tenths / 10);
  const tenth = Math.abs(tenths % 10);
  return `${aantal(whole)}${tekens().decimaal}${tenth}%`;
}

/**
 * An ISO date without leading zeros: "2027-03-04" → "4-3-2027" (English "4 Mar 2027", which
 * no reader can take for 3 April); null → "–".
 */
export function datum(iso: string | null): string {
  if (!iso) return '–';
  const [y, m, d] = iso.split('-').map(Number);
  if (huidigeTaal() === 'en') return `${d} ${t(`taal.maand_kort.m${m}`)} ${y}`;
  return `${d}-${m}-${y}`;
}

/** A number that may have decimals, with the language's marks: 2.5 → "2,5" (English "2.5"). */
export function getal(value: number): string {
  return value.toLocaleString(huidigeTaal() === 'en' ? 'en-GB' : 'nl-NL');
}

/** Today as an ISO date in local time, the default peildatum. */
export function vandaagIso(now: Date = new Date()): string {
  const pad = (n: number) => n.toString().padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * Reads a count typed by a planner: "1.024" and "1024" are 1024 (English "1,024"); empty is 0.
 * Returns null for anything that is not a whole number (the caller shows the error).
 */
export function leesAantal(input: string): number | null {
  const trimmed = input.trim();
  if (trimmed === '') return 0;
  const scheiding = tekens().duizend === '.' ? '\\.' : ',';
  if (!new RegExp(`^-?(\\d{1,3}(${scheiding}\\d{3})+|\\d+)$`).test(trimmed)) return null;
  return Number(trimmed.split(tekens().duizend).join(''));
}

/** An amount in euro cents: 8645900 → "€ 86.459,00" (English "€86,459.00"). */
export function euro(cent: number): string {
  const heel = Math.trunc(Math.abs(cent) / 100);
  const rest = (Math.abs(cent) % 100).toString().padStart(2, '0');
  const teken = cent < 0 ? '-' : '';
  const bedrag = `${aantal(heel)}${tekens().decimaal}${rest}`;
  return huidigeTaal() === 'en' ? `${teken}€${bedrag}` : `${teken}€ ${bedrag}`;
}

/**
 * Reads an amount in euros typed by a planner into whole cents: "83" → 8300, "82,50" → 8250,
 * "1.234,5" → 123450 (English "1,234.5"). Null for anything else, or more than two decimals.
 */
export function leesBedragCent(input: string): number | null {
  const { duizend, decimaal } = tekens();
  const trimmed = input.trim().replace(/^€\s*/, '');
  const [heel, deel = '', ...meer] = trimmed.split(decimaal);
  if (meer.length > 0 || !/^\d{0,2}$/.test(deel) || heel === '') return null;
  const scheiding = duizend === '.' ? '\\.' : ',';
  if (!new RegExp(`^(\\d{1,3}(${scheiding}\\d{3})+|\\d+)$`).test(heel)) return null;
  return Number(heel.split(duizend).join('')) * 100 + Number(deel.padEnd(2, '0'));
}
