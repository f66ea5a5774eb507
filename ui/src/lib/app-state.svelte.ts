// State shared by all screens: the open database's summary, the municipalities and the peildatum.

import { api, type DatabaseInfo, type Gemeente } from './api';
import { vandaagIso } from './format';

export const appState = $state<{
  info: DatabaseInfo | null;
  gemeenten: Gemeente[];
  peildatum: string;
  fout: string | null;
}>({ info: null, gemeenten: [], peildatum: vandaagIso(), fout: null });

/** Reloads the database summary (after loading demo data, adding a location, opening a file). */
export async function verversInfo(): Promise<void> {
  appState.info = await api.databaseInfo();
}

export async function laadAppState(): Promise<void> {
  try {
    const [info, gemeenten] = await Promise.all([api.databaseInfo(), api.gemeenten()]);
    appState.info = info;
    appState.gemeenten = gemeenten;
    performance.mark('opvang:info');
  } catch (fout) {
    appState.fout = fout instanceof Error ? fout.message : String(fout);
  }
}
