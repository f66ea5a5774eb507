// The dashboard's chosen area, kept while the planner visits other screens and comes back, and
// the dashboard asked for at start-up together with the app state instead of after it.

import { api, type Dashboard, type Gebied } from '../api';
import { gebiedVanWaarde, LAND_WAARDE } from './gebied';

export const dashboardKeuze = $state<{ gebied: string }>({ gebied: LAND_WAARDE });

let vooruit: { sleutel: string; dashboard: Promise<Dashboard> } | null = null;

function sleutel(peildatum: string, gebied: Gebied): string {
  return `${peildatum}|${gebied.soort}|${gebied.code ?? ''}`;
}

/** Asks for the dashboard the first screen will show, while the app state is still loading. */
export function dashboardVooruit(peildatum: string): void {
  const gebied = gebiedVanWaarde(dashboardKeuze.gebied);
  const dashboard = api.dashboard(peildatum, gebied);
  dashboard.catch(() => {}); // the screen that takes it reports a failure
  vooruit = { sleutel: sleutel(peildatum, gebied), dashboard };
}

/** Drops an answer asked for at start-up that the first screen did not take (it could go stale). */
export function dashboardVooruitVergeten(): void {
  vooruit = null;
}

/** The dashboard at `peildatum` for `gebied`: the one asked for at start-up if it matches, else a new request. */
export function dashboardHalen(peildatum: string, gebied: Gebied): Promise<Dashboard> {
  const klaar = vooruit;
  vooruit = null;
  if (klaar && klaar.sleutel === sleutel(peildatum, gebied)) return klaar.dashboard;
  return api.dashboard(peildatum, gebied);
}
