// The months the map can show the projected gap for: from the peildatum's month through April 2031.

/** The month temporary protection ends (4 March 2027), the map's default for the projected gap. */
export const OVERGANG_MAAND = '2027-03-01';

/** The last month every projection reaches: the end of the five-year scheme. */
export const LAATSTE_MAAND = '2031-04-01';

/** The first days (ISO) of every month from the month of `peildatum` through April 2031. */
export function maandenVanaf(peildatum: string): string[] {
  const [jaar, maand] = peildatum.split('-').map(Number);
  if (!jaar || !maand) return [];
  const uit: string[] = [];
  for (let j = jaar, m = maand; ; m === 12 ? ((j += 1), (m = 1)) : (m += 1)) {
    const iso = `${j}-${String(m).padStart(2, '0')}-01`;
    if (iso > LAATSTE_MAAND) break;
    uit.push(iso);
  }
  return uit;
}
