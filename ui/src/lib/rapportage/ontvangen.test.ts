import { describe, expect, it } from 'vitest';
import type { Aggregatie } from '../api/types/Aggregatie';
import type { VngRapport } from '../api/types/VngRapport';
import { getoondePeildatum, verpakBestanden } from './ontvangen';

describe('verpakBestanden', () => {
  it('frames names and lengths before the bytes, in order', () => {
    const body = verpakBestanden([
      { naam: 'utrecht.csv', inhoud: new Uint8Array([1, 2, 3]) },
      { naam: 'één.json', inhoud: new Uint8Array([9]) },
    ]);
    const lengte = new DataView(body.buffer).getUint32(0, true);
    const lijst = JSON.parse(new TextDecoder().decode(body.slice(4, 4 + lengte)));
    expect(lijst).toEqual([
      ['utrecht.csv', 3],
      ['één.json', 1],
    ]);
    expect([...body.slice(4 + lengte)]).toEqual([1, 2, 3, 9]);
  });
});

describe('getoondePeildatum', () => {
  const rapport = (peildatum: string) => ({ peildatum }) as VngRapport;
  const aggregatie = {
    rapporten: [rapport('2026-11-23'), rapport('2026-11-16')],
    bronnen: [],
    dubbel: 0,
    conflicten: [],
  } satisfies Aggregatie;

  it('keeps the chosen peildatum while it has reports, else shows the newest', () => {
    expect(getoondePeildatum(aggregatie, '2026-11-16')).toBe('2026-11-16');
    expect(getoondePeildatum(aggregatie, '2026-01-01')).toBe('2026-11-23');
    expect(getoondePeildatum(aggregatie, null)).toBe('2026-11-23');
    expect(getoondePeildatum({ ...aggregatie, rapporten: [] }, null)).toBeNull();
  });
});
