import { describe, expect, it } from 'vitest';
import { capaciteitUit } from './capaciteit';
import { VOLGENDE_STATUS } from './status';

describe('capacity period form', () => {
  it('reads a period with an open end and Dutch thousands', () => {
    expect(capaciteitUit(4, { vanaf: '2026-05-01', tot: '', plaatsen: '1.200' })).toEqual({
      invoer: { locatie_id: 4, vanaf: '2026-05-01', tot_en_met: null, plaatsen: 1200 },
    });
  });

  it('leaves negative numbers and reversed dates to the core', () => {
    const uit = capaciteitUit(4, { vanaf: '2026-05-01', tot: '2026-04-01', plaatsen: '-5' });
    expect(uit).toEqual({
      invoer: { locatie_id: 4, vanaf: '2026-05-01', tot_en_met: '2026-04-01', plaatsen: -5 },
    });
  });

  it('asks for a start date and a whole number of places', () => {
    expect(capaciteitUit(4, { vanaf: '', tot: '', plaatsen: '80' })).toEqual({
      fout: { veld: 'vanaf', bericht: 'Vul de begindatum van de periode in.' },
    });
    for (const plaatsen of ['', 'tachtig', '8,5']) {
      expect(capaciteitUit(4, { vanaf: '2026-05-01', tot: '', plaatsen })).toEqual({
        fout: { veld: 'plaatsen', bericht: 'Vul het aantal plaatsen in als heel getal, zoals 80.' },
      });
    }
  });
});

describe('status changes offered', () => {
  it('follows the lifecycle and never offers the current status', () => {
    for (const [status, volgende] of Object.entries(VOLGENDE_STATUS)) {
      expect(volgende).not.toContain(status);
    }
    expect(VOLGENDE_STATUS.in_gebruik).not.toContain('gesloten');
    expect(VOLGENDE_STATUS.in_afbouw).toContain('gesloten');
  });
});
