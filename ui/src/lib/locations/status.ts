// The status changes the lifecycle offers from each status (the core checks them again on saving).

import type { LocatieStatus } from '../api/types/LocatieStatus';

/** in voorbereiding → in gebruik ↔ stand-by → in afbouw → gesloten; reopening needs a reason. */
export const VOLGENDE_STATUS: Record<LocatieStatus, LocatieStatus[]> = {
  in_voorbereiding: ['in_gebruik', 'stand_by', 'gesloten'],
  in_gebruik: ['stand_by', 'in_afbouw'],
  stand_by: ['in_gebruik', 'in_afbouw'],
  in_afbouw: ['in_gebruik', 'gesloten'],
  gesloten: ['in_voorbereiding', 'in_gebruik', 'stand_by'],
};
