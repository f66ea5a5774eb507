// The shipped CBS boundaries (indeling 2025) projected once into SVG paths for the map.

import { geoMercator, geoPath, type GeoProjection } from 'd3-geo';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import gemeentenBron from './data/gemeente_2025.topojson?raw';
import provinciesBron from './data/provincie_2025.topojson?raw';
import regiosBron from './data/veiligheidsregio_2025.topojson?raw';

/** The year of the municipal division the boundaries follow; a merger adds a newer file. */
export const INDELING_JAAR = 2025;

/** Size of the map's coordinate system (the SVG viewBox); the SVG scales to its container. */
export const BREEDTE = 600;
export const HOOGTE = 700;

export interface GemeenteVorm {
  code: string;
  naam: string;
  /** The SVG path, computed once. */
  d: string;
}

interface Eigenschappen {
  statcode: string;
  statnaam: string;
}

function lees(bron: string): Topology<{ [naam: string]: GeometryCollection<Eigenschappen> }> {
  return JSON.parse(bron);
}

const gemeenten = lees(gemeentenBron);
const gemeenteObject = gemeenten.objects[`gemeente_${INDELING_JAAR}`];
const gemeenteVlakken = feature(gemeenten, gemeenteObject);

/** Mercator fitted to the Netherlands within the viewBox. */
export const projectie: GeoProjection = geoMercator().fitSize(
  [BREEDTE, HOOGTE],
  gemeenteVlakken,
);
const pad = geoPath(projectie);

/** All municipalities with their paths, sorted by name. */
export const GEMEENTE_VORMEN: GemeenteVorm[] = gemeenteVlakken.features
  .map((f) => ({ code: f.properties.statcode, naam: f.properties.statnaam, d: pad(f) ?? '' }))
  .sort((a, b) => a.naam.localeCompare(b.naam, 'nl'));

function grenzen(bron: string, object: string): string {
  const topo = lees(bron);
  return pad(mesh(topo, topo.objects[object])) ?? '';
}

/** Outlines of the provinces and safety regions, as one path each. */
export const PROVINCIE_GRENZEN = grenzen(provinciesBron, `provincie_${INDELING_JAAR}`);
export const REGIO_GRENZEN = grenzen(regiosBron, `veiligheidsregio_${INDELING_JAAR}`);

/** A WGS84 point in map coordinates; null when it falls outside the projection. */
export function punt(lon: number, lat: number): [number, number] | null {
  return projectie([lon, lat]);
}
