// The dashboard's chosen area, kept while the planner visits other screens and comes back.

import { LAND_WAARDE } from './gebied';

export const dashboardKeuze = $state<{ gebied: string }>({ gebied: LAND_WAARDE });
