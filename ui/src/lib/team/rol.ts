// Whether the open database lets this user change things: the UI hides edit actions otherwise;
// and the role's name as the settings show it.

import type { DatabaseInfo } from '../api';
import type { Rol } from '../api/types/Rol';
import { t } from '../i18n';

/** Only an administrator or a planner may change locations, capacity and occupancy. */
export function magBewerken(info: DatabaseInfo | null): boolean {
  return info !== null && (info.rol === 'beheerder' || info.rol === 'planner');
}

/** The role as a value on its own, in the user's language ("Beheerder", "Reviewer"); the stored
 * value (`beheerder`) stays what the core and the database use. */
export function rolLabel(rol: Rol): string {
  switch (rol) {
    case 'beheerder':
      return t('rol.label.beheerder');
    case 'planner':
      return t('rol.label.planner');
    case 'beoordelaar':
      return t('rol.label.beoordelaar');
    case 'lezer':
      return t('rol.label.lezer');
    case 'geen':
      return t('rol.label.geen');
  }
}
