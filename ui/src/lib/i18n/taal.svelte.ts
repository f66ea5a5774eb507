// The chosen language as reactive state: read from the shell before the first paint, saved per
// user by the shell (outside the database) and handed to the core for its messages.

import { api } from '../api';
import { zetTaal, type Taal } from './index';

export const taalStaat = $state<{ taal: Taal }>({ taal: 'nl' });

/** Reads the saved language before the app mounts; Dutch when the shell cannot tell. */
export async function laadTaal(): Promise<void> {
  let taal: Taal = 'nl';
  try {
    taal = await api.taal();
  } catch {
    // No shell (e.g. a plain browser): stay Dutch.
  }
  taalStaat.taal = zetTaal(taal);
}

/** Saves `taal` for the next start and switches every screen to it (the app re-renders). */
export async function kiesTaal(taal: Taal): Promise<void> {
  await api.taalInstellen(taal);
  taalStaat.taal = zetTaal(taal);
}
