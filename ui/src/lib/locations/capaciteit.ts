// Reading the "add a capacity period" form into the core's CapaciteitInvoer.

import type { CapaciteitInvoer } from '../api';
import { leesAantal } from '../format';
import { t } from '../i18n';

export type CapaciteitVelden = { vanaf: string; tot: string; plaatsen: string };

/** The input for the core, or the field the form itself can tell is wrong (`vanaf`, `plaatsen`). */
export function capaciteitUit(
  locatieId: number,
  velden: CapaciteitVelden,
): { invoer: CapaciteitInvoer } | { fout: { veld: string; bericht: string } } {
  if (velden.vanaf === '') {
    return { fout: { veld: 'vanaf', bericht: t('locatie.capaciteit.fout_vanaf') } };
  }
  const plaatsen = velden.plaatsen.trim() === '' ? null : leesAantal(velden.plaatsen);
  if (plaatsen === null) {
    return { fout: { veld: 'plaatsen', bericht: t('locatie.capaciteit.fout_plaatsen') } };
  }
  return {
    invoer: {
      locatie_id: locatieId,
      vanaf: velden.vanaf,
      tot_en_met: velden.tot === '' ? null : velden.tot,
      plaatsen,
    },
  };
}
