// Checks the stale-snapshot threshold a planner types before it is sent to the core.

export const MIN_DAGEN = 1;
export const MAX_DAGEN = 365;

/** The number of days when it is a whole number from 1 to 365, else null (the form shows the error). */
export function geldigeDagen(waarde: number | null | undefined): number | null {
  if (typeof waarde !== 'number' || !Number.isInteger(waarde)) return null;
  return waarde >= MIN_DAGEN && waarde <= MAX_DAGEN ? waarde : null;
}
