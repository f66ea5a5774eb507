// Turns the core's dashboard alerts into the Dutch label, sentence, date and severity shown in the list.

import type { Signaal } from '../api/types/Signaal';
import { aantal, datum } from '../format';
import { t } from '../i18n';

/** How urgent an alert is; decides its colour. */
export type Ernst = 'fout' | 'waarschuwing' | 'info';

export interface SignaalWeergave {
  label: string;
  omschrijving: string;
  /** The date the sentence is about, kept apart so it never breaks over two lines; null when none. */
  datum: string | null;
  ernst: Ernst;
}

/** The label, explanation, date and severity of one alert. */
export function signaalWeergave(s: Signaal): SignaalWeergave {
  switch (s.soort) {
    case 'overbezet':
      return {
        label: t('dashboard.signaal.overbezet'),
        omschrijving:
          s.waarde === 1
            ? t('dashboard.signaal.overbezet_een')
            : t('dashboard.signaal.overbezet_tekst', { aantal: aantal(s.waarde) }),
        datum: t('dashboard.signaal.peiling_van', { peildatum: datum(s.peildatum) }),
        ernst: 'fout',
      };
    case 'verouderd':
      return {
        label: t('dashboard.signaal.verouderd'),
        omschrijving: t('dashboard.signaal.verouderd_tekst', { dagen: aantal(s.waarde) }),
        datum: t('dashboard.signaal.peiling_van', { peildatum: datum(s.peildatum) }),
        ernst: 'waarschuwing',
      };
    case 'zonder_peiling':
      return {
        label: t('dashboard.signaal.zonder_peiling'),
        omschrijving: t('dashboard.signaal.zonder_peiling_tekst'),
        datum: null,
        ernst: 'waarschuwing',
      };
    case 'einddatum_nadert':
      return {
        label: t('dashboard.signaal.einddatum_nadert'),
        omschrijving: einddatumTekst(s.waarde),
        datum: datum(s.einddatum),
        ernst: 'info',
      };
  }
}

function einddatumTekst(dagen: number): string {
  if (dagen === 0) return t('dashboard.signaal.einddatum_vandaag');
  if (dagen === 1) return t('dashboard.signaal.einddatum_morgen');
  return t('dashboard.signaal.einddatum_tekst', { dagen: aantal(dagen) });
}
