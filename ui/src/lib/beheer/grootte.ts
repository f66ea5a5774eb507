// The size of a backup file in words a planner reads: "162,9 MB".

import { aantal, getal } from '../format';

/** Bytes as kB/MB/GB with at most one decimal in the language's marks; whole bytes below 1 kB. */
export function bestandsgrootte(bytes: number): string {
  if (bytes < 1024) return `${aantal(bytes)} B`;
  const eenheden = ['kB', 'MB', 'GB'];
  let waarde = bytes / 1024;
  let i = 0;
  while (waarde >= 1024 && i < eenheden.length - 1) {
    waarde /= 1024;
    i += 1;
  }
  return `${getal(Math.round(waarde * 10) / 10)} ${eenheden[i]}`;
}
