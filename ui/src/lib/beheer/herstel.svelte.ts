// Whether start-up found a damaged database file: then the window shows only the way out.

import { api, type Herstel } from '../api';

export const herstelStaat = $state<{ info: Herstel | null }>({ info: null });

/** Asks the shell whether the database file was damaged at start. */
export async function laadHerstel(): Promise<void> {
  herstelStaat.info = await api.herstelInfo().catch(() => null);
}
