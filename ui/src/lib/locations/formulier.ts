// The location form's fields as typed text, and their conversion to and from the core's LocatieInvoer.

import type { Locatie, LocatieInvoer } from '../api';
import type { Beheerder } from '../api/types/Beheerder';
import type { Financiering } from '../api/types/Financiering';
import type { LocatieType } from '../api/types/LocatieType';
import type { Vergunning } from '../api/types/Vergunning';
import { aantal, leesAantal } from '../format';
import { t } from '../i18n';

export const BEHEERDERS: Beheerder[] = [
  'gemeente',
  'coa',
  'woningcorporatie',
  'particulier',
  'overig',
];

export const FINANCIERINGEN: Financiering[] = [
  'booo',
  'doelgroepflexibel',
  'doorstroom',
  'coa',
  'overig',
];

export const VERGUNNINGEN: Vergunning[] = ['tijdelijk', 'permanent'];

/** The optional whole numbers of a location, typed as text in the form. */
export const GETALVELDEN = [
  'wooneenheden',
  'vloeroppervlak',
  'kosten_per_jaar',
  'pipeline_kans',
] as const;

export type GetalVeld = (typeof GETALVELDEN)[number];

/** What the form holds: text as typed, choices as codes, an empty string for "not filled in". */
export type Velden = {
  gemeente_code: string;
  naam: string;
  straat: string;
  huisnummer: string;
  postcode: string;
  plaats: string;
  soort: LocatieType;
  beheerder: Beheerder;
  openingsdatum: string;
  einddatum: string;
  vergunning: Vergunning | '';
  financiering: Financiering;
  eigen_voordeur: boolean;
  eigen_keuken: boolean;
  eigen_sanitair: boolean;
  notities: string;
} & Record<GetalVeld, string>;

/** Data the form does not show but must keep when saving an edit (coordinates, BAG id). */
export type Behouden = Pick<LocatieInvoer, 'lat' | 'lon' | 'bag_id'>;

export type VeldFout = { veld: string; bericht: string };

export function leegFormulier(): Velden {
  return {
    gemeente_code: '',
    naam: '',
    straat: '',
    huisnummer: '',
    postcode: '',
    plaats: '',
    soort: 'hotel_pension',
    beheerder: 'gemeente',
    openingsdatum: '',
    einddatum: '',
    vergunning: '',
    financiering: 'doelgroepflexibel',
    wooneenheden: '',
    eigen_voordeur: false,
    eigen_keuken: false,
    eigen_sanitair: false,
    vloeroppervlak: '',
    kosten_per_jaar: '',
    pipeline_kans: '',
    notities: '',
  };
}

function alsTekst(getal: number | null): string {
  return getal === null ? '' : aantal(getal);
}

/** The form filled in from a stored location, for editing. */
export function formulierUit(locatie: Locatie): { velden: Velden; behouden: Behouden } {
  return {
    velden: {
      gemeente_code: locatie.gemeente_code,
      naam: locatie.naam,
      straat: locatie.straat,
      huisnummer: locatie.huisnummer,
      postcode: locatie.postcode,
      plaats: locatie.plaats,
      soort: locatie.soort,
      beheerder: locatie.beheerder,
      openingsdatum: locatie.openingsdatum ?? '',
      einddatum: locatie.einddatum ?? '',
      vergunning: locatie.vergunning ?? '',
      financiering: locatie.financiering,
      wooneenheden: alsTekst(locatie.wooneenheden),
      eigen_voordeur: locatie.eigen_voordeur,
      eigen_keuken: locatie.eigen_keuken,
      eigen_sanitair: locatie.eigen_sanitair,
      vloeroppervlak: alsTekst(locatie.vloeroppervlak),
      kosten_per_jaar: alsTekst(locatie.kosten_per_jaar),
      pipeline_kans: alsTekst(locatie.pipeline_kans),
      notities: locatie.notities,
    },
    behouden: { lat: locatie.lat, lon: locatie.lon, bag_id: locatie.bag_id },
  };
}

/** An optional count: empty is null, "1.200" is 1200; undefined when it is not a whole number. */
export function leesOptioneel(tekst: string): number | null | undefined {
  if (tekst.trim() === '') return null;
  return leesAantal(tekst) ?? undefined;
}

/**
 * The input for the core, or the first field the form itself can already tell is wrong.
 * Rules about content (name required, postcode shape, ranges) are the core's; its
 * message comes back through the same `VeldFout` shape.
 */
export function invoerUit(
  velden: Velden,
  behouden: Behouden = { lat: null, lon: null, bag_id: null },
): { invoer: LocatieInvoer } | { fout: VeldFout } {
  if (velden.gemeente_code === '') {
    return { fout: { veld: 'gemeente_code', bericht: t('formulier.fout_gemeente') } };
  }
  const getallen = {} as Record<GetalVeld, number | null>;
  for (const veld of GETALVELDEN) {
    const getal = leesOptioneel(velden[veld]);
    if (getal === undefined) {
      const label = t(`formulier.veld.${veld}`);
      return { fout: { veld, bericht: t('formulier.fout_geen_getal', { veld: label }) } };
    }
    getallen[veld] = getal;
  }
  return {
    invoer: {
      gemeente_code: velden.gemeente_code,
      naam: velden.naam.trim(),
      straat: velden.straat.trim(),
      huisnummer: velden.huisnummer.trim(),
      postcode: velden.postcode.trim(),
      plaats: velden.plaats.trim(),
      ...behouden,
      soort: velden.soort,
      beheerder: velden.beheerder,
      openingsdatum: velden.openingsdatum || null,
      einddatum: velden.einddatum || null,
      vergunning: velden.vergunning || null,
      financiering: velden.financiering,
      eigen_voordeur: velden.eigen_voordeur,
      eigen_keuken: velden.eigen_keuken,
      eigen_sanitair: velden.eigen_sanitair,
      ...getallen,
      notities: velden.notities.trim(),
    },
  };
}
