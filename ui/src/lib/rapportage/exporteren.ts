// The VNG exports of the Rapportage tabs: the save dialog, then the export, then what to tell the user.

import { save } from '@tauri-apps/plugin-dialog';
import type { VngFormaat } from '../api/types/VngFormaat';
import { aantal } from '../format';
import { t } from '../i18n';

/**
 * Asks where to save `bestandsnaam.formaat`, lets `schrijf` write it there and returns the message
 * for the user; null when the dialog was cancelled. Errors of `schrijf` reach the caller.
 */
export async function vngExporteren(
  formaat: VngFormaat,
  titel: string,
  bestandsnaam: string,
  schrijf: (pad: string) => Promise<number>,
): Promise<string | null> {
  const pad = await save({
    title: titel,
    defaultPath: `${bestandsnaam}.${formaat}`,
    filters: [{ name: formaat.toUpperCase(), extensions: [formaat] }],
  });
  if (!pad) return null;
  const rijen = await schrijf(pad);
  return t('rapportage.geexporteerd', { rijen: aantal(rijen), pad });
}
