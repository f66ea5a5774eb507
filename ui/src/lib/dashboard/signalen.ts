// Turns the core's dashboard alerts into the Dutch label, sentence and severity shown in the list.

import type { Signaal } from '../api/types/Signaal';
import { aantal, datum } from '../format';
import { t } from '../i18n';

/** How urgent an alert is; decides its colour. */
export type Ernst = 'fout' | 'waarschuwing' | 'info';

export interface SignaalWeergave {
  label: string;
  omschrijving: string;
  ernst: Ernst;
}

/** The label, explanation and severity of one alert. */
export function signaalWeergave(s: Signaal): SignaalWeergave {
  switch (s.soort) {
    case 'overbezet':
      return {
        label: t('dashboard.signaal.overbezet'),
        omschrijving: t(
          s.waarde === 1
            ? 'dashboard.signaal.overbezet_een'
            : 'dashboard.signaal.overbezet_tekst',
          { aantal: aantal(s.waarde), peildatum: datum(s.peildatum) },
        ),
        ernst: 'fout',
      };
    case 'verouderd':
      return {
        label: t('dashboard.signaal.verouderd'),
        omschrijving: t('dashboard.signaal.verouderd_tekst', {
          dagen: aantal(s.waarde),
          peildatum: datum(s.peildatum),
        }),
        ernst: 'waarschuwing',
      };
    case 'zonder_peiling':
      return {
        label: t('dashboard.signaal.zonder_peiling'),
        omschrijving: t('dashboard.signaal.zonder_peiling_tekst'),
        ernst: 'waarschuwing',
      };
    case 'einddatum_nadert':
      return {
        label: t('dashboard.signaal.einddatum_nadert'),
        omschrijving: einddatumTekst(s.waarde, datum(s.einddatum)),
        ernst: 'info',
      };
  }
}

function einddatumTekst(dagen: number, einddatum: string): string {
  if (dagen === 0) return t('dashboard.signaal.einddatum_vandaag', { einddatum });
  if (dagen === 1) return t('dashboard.signaal.einddatum_morgen', { einddatum });
  return t('dashboard.signaal.einddatum_tekst', { dagen: aantal(dagen), einddatum });
}
