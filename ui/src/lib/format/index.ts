// Dutch formatting of counts, rates and dates for every screen: `96.830`, `99,9%`, `4-3-2027`.
// Rates arrive from the core as tenths of a percent, already rounded by its exact rules.

/** A count with dots as thousands separators: 96830 → "96.830". */
export function aantal(value: number): string {
  const digits = Math.abs(Math.trunc(value)).toString();
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return value < 0 ? `-${grouped}` : grouped;
}

/** A rate in tenths of a percent: 999 → "99,9%"; null (no capacity) → "–". */
export function percentage(tenths: number | null): string {
  if (tenths === null) return '–';
  const whole = Math.trunc(tenths / 10);
  const tenth = Math.abs(tenths % 10);
  return `${aantal(whole)},${tenth}%`;
}

/** An ISO date the Dutch way without leading zeros: "2027-03-04" → "4-3-2027"; null → "–". */
export function datum(iso: string | null): string {
  if (!iso) return '–';
  const [y, m, d] = iso.split('-').map(Number);
  return `${d}-${m}-${y}`;
}

/** Today as an ISO date in local time, the default peildatum. */
export function vandaagIso(now: Date = new Date()): string {
  const pad = (n: number) => n.toString().padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * Reads a count typed by a planner: "1.024" and "1024" are 1024; empty is 0.
 * Returns null for anything that is not a whole number (the caller shows the error).
 */
export function leesAantal(input: string): number | null {
  const trimmed = input.trim();
  if (trimmed === '') return 0;
  if (!/^-?(\d{1,3}(\.\d{3})+|\d+)$/.test(trimmed)) return null;
  return Number(trimmed.replace(/\./g, ''));
}
