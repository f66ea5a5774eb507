// The Planning screen's logic: the editable scenario fields, their checks, chart series and the runway list.

import type { Bereik } from '../api/types/Bereik';
import type { GebiedProjectie } from '../api/types/GebiedProjectie';
import type { GemeenteRunway } from '../api/types/GemeenteRunway';
import type { Scenario } from '../api/types/Scenario';
import { leesAantal } from '../format';
import { t } from '../i18n';

/** One editable range of the scenario, addressed by a stable id. */
export interface BereikVeld {
  id: string;
  /** The i18n key of its label; `groep` fills `{groep}` for the target-group flows. */
  label: string;
  groep?: string;
  max: number;
  lees: (s: Scenario) => Bereik;
  zet: (s: Scenario, b: Bereik) => void;
}

/** The ranges a planner can edit, in screen order; the upper limits match the core's checks. */
export function bereikVelden(s: Scenario): BereikVeld[] {
  const stromen: BereikVeld[] = s.stromen.flatMap((stroom, i) => [
    {
      id: `${stroom.doelgroep}-instroom`,
      label: 'planning.veld.instroom',
      groep: stroom.doelgroep,
      max: 1000,
      lees: (x: Scenario) => x.stromen[i].instroom_promille,
      zet: (x: Scenario, b: Bereik) => (x.stromen[i].instroom_promille = b),
    },
    {
      id: `${stroom.doelgroep}-woning`,
      label: 'planning.veld.uitstroom_woning',
      groep: stroom.doelgroep,
      max: 1000,
      lees: (x: Scenario) => x.stromen[i].uitstroom_woning_promille,
      zet: (x: Scenario, b: Bereik) => (x.stromen[i].uitstroom_woning_promille = b),
    },
    {
      id: `${stroom.doelgroep}-terugkeer`,
      label: 'planning.veld.uitstroom_terugkeer',
      groep: stroom.doelgroep,
      max: 1000,
      lees: (x: Scenario) => x.stromen[i].uitstroom_terugkeer_promille,
      zet: (x: Scenario, b: Bereik) => (x.stromen[i].uitstroom_terugkeer_promille = b),
    },
  ]);
  return [
    ...stromen,
    {
      id: 'overgang-extra',
      label: 'planning.veld.extra_uitstroom',
      max: 1000,
      lees: (x) => x.overgang.extra_uitstroom_promille,
      zet: (x, b) => (x.overgang.extra_uitstroom_promille = b),
    },
    {
      id: 'overgang-maanden',
      label: 'planning.veld.overgang_maanden',
      max: 120,
      lees: (x) => x.overgang.maanden,
      zet: (x, b) => (x.overgang.maanden = b),
    },
    {
      id: 'overgang-terugkeer',
      label: 'planning.veld.aandeel_terugkeer',
      max: 100,
      lees: (x) => x.overgang.aandeel_terugkeer_procent,
      zet: (x, b) => (x.overgang.aandeel_terugkeer_procent = b),
    },
    {
      id: 'pipeline-vertraging',
      label: 'planning.veld.vertraging',
      max: 60,
      lees: (x) => x.pipeline_vertraging_maanden,
      zet: (x, b) => (x.pipeline_vertraging_maanden = b),
    },
  ];
}

/** The typed text of every range, by field id. */
export type BereikInvoer = Record<string, { min: string; max: string }>;

export function naarInvoer(s: Scenario): BereikInvoer {
  return Object.fromEntries(
    bereikVelden(s).map((v) => {
      const b = v.lees(s);
      return [v.id, { min: String(b.min), max: String(b.max) }];
    }),
  );
}

/**
 * The scenario with the typed ranges, or the Dutch error per field id. The core checks the
 * scenario again; this only spares a round trip for the obvious mistakes.
 */
export function uitInvoer(
  basis: Scenario,
  invoer: BereikInvoer,
): { scenario: Scenario; fouten: Record<string, string> } {
  // A JSON copy: `basis` may be a reactive proxy, which structuredClone refuses.
  const scenario = JSON.parse(JSON.stringify(basis)) as Scenario;
  const fouten: Record<string, string> = {};
  for (const veld of bereikVelden(scenario)) {
    const tekst = invoer[veld.id];
    const min = leesAantal(tekst?.min ?? '');
    const max = leesAantal(tekst?.max ?? '');
    if (min === null || max === null || min < 0 || max < 0) {
      fouten[veld.id] = t('planning.fout.geen_getal');
    } else if (max > veld.max) {
      fouten[veld.id] = t('planning.fout.te_groot', { max: veld.max });
    } else if (min > max) {
      fouten[veld.id] = t('planning.fout.min_max');
    } else {
      veld.zet(scenario, { min, max });
    }
  }
  return { scenario, fouten };
}

/** Monte Carlo runs typed by the planner: 0 to 2000, or null with the error shown. */
export function leesRuns(tekst: string): number | null {
  const runs = leesAantal(tekst);
  return runs !== null && runs >= 0 && runs <= 2000 ? runs : null;
}

/** A month the Dutch way: "2027-03-01" → "maart 2027"; null → "geen tekort". */
export function maandNaam(iso: string | null): string {
  if (!iso) return t('planning.geen_tekort');
  const [jaar, maand] = iso.split('-').map(Number);
  return `${t(`planning.maand.m${maand}`)} ${jaar}`;
}

export function utcDatum(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

/** One month of an area as the chart draws it. */
export interface GrafiekMaand {
  datum: Date;
  iso: string;
  vraag: number;
  aanbod: number;
  saldo: number;
  aflopend: number;
  vraagP10: number;
  vraagP90: number;
  aanbodP10: number;
  aanbodP90: number;
  saldoP10: number;
  saldoP90: number;
}

/** The months of an area; without Monte Carlo runs the band collapses onto the central line. */
export function grafiekMaanden(gebied: GebiedProjectie): GrafiekMaand[] {
  return gebied.maanden.map((m) => ({
    datum: utcDatum(m.maand),
    iso: m.maand,
    vraag: m.totaal.vraag,
    aanbod: m.aanbod,
    saldo: m.saldo,
    aflopend: m.aflopend,
    vraagP10: m.banden?.vraag.p10 ?? m.totaal.vraag,
    vraagP90: m.banden?.vraag.p90 ?? m.totaal.vraag,
    aanbodP10: m.banden?.aanbod.p10 ?? m.aanbod,
    aanbodP90: m.banden?.aanbod.p90 ?? m.aanbod,
    saldoP10: m.banden?.saldo.p10 ?? m.saldo,
    saldoP90: m.banden?.saldo.p90 ?? m.saldo,
  }));
}

/**
 * The municipalities' runway, earliest shortage first and those without a shortage last
 * (alphabetically); with `provincie` only the municipalities of that province.
 */
export function runwayLijst(
  gemeenten: readonly GemeenteRunway[],
  provincieVan: ReadonlyMap<string, string>,
  provincie: string | null,
): GemeenteRunway[] {
  return gemeenten
    .filter((g) => provincie === null || provincieVan.get(g.code) === provincie)
    .sort((a, b) => {
      if (a.eerste_tekort !== b.eerste_tekort) {
        if (a.eerste_tekort === null) return 1;
        if (b.eerste_tekort === null) return -1;
        return a.eerste_tekort < b.eerste_tekort ? -1 : 1;
      }
      return a.naam.localeCompare(b.naam, 'nl');
    });
}

/** A scenario's name on screen: the translated name of a built-in one, else the saved name. */
export function scenarioLabel(s: { ingebouwd: boolean; scenario: Scenario }): string {
  return s.ingebouwd ? t(`planning.scenario_naam.${s.scenario.naam}`) : s.scenario.naam;
}

/** A copy's default name: "X (kopie)", "X (kopie 2)", … not yet among `namen`. */
export function kopieNaam(naam: string, namen: readonly string[]): string {
  for (let n = 1; ; n++) {
    const kandidaat = t(n === 1 ? 'planning.beheer.kopie' : 'planning.beheer.kopie_n', { naam, n });
    if (!namen.includes(kandidaat)) return kandidaat;
  }
}
