// Whether the open database lets this user change things: the UI hides edit actions otherwise.

import type { DatabaseInfo } from '../api';

/** Only an administrator or a planner may change locations, capacity and occupancy. */
export function magBewerken(info: DatabaseInfo | null): boolean {
  return info !== null && (info.rol === 'beheerder' || info.rol === 'planner');
}
