// Which screen is shown: a small in-memory router (the desktop app has no URL bar).

export type Route =
  | { scherm: 'dashboard' }
  | { scherm: 'locaties' }
  | { scherm: 'locatie'; id: number }
  | { scherm: 'locatie_nieuw' }
  | { scherm: 'locatie_bewerken'; id: number }
  | { scherm: 'bezetting'; gemeente?: string }
  | { scherm: 'kaart' }
  | { scherm: 'planning' }
  | { scherm: 'ombouw' }
  | { scherm: 'beoordeling'; id: number }
  | { scherm: 'criteria' }
  | { scherm: 'import' }
  | { scherm: 'rapportage' }
  | { scherm: 'instellingen' };

export const router = $state<{ route: Route }>({ route: { scherm: 'dashboard' } });

/**
 * Shows another screen from its top and moves focus to the main area for keyboard and
 * screen-reader users (without letting the focus scroll the heading under the sticky header).
 */
export function ga(route: Route): void {
  router.route = route;
  queueMicrotask(() => {
    document.getElementById('inhoud')?.focus({ preventScroll: true });
    window.scrollTo({ top: 0 });
  });
}
