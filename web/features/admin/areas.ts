import type { AdminArea } from '../../../shared/schemas/admin';
import { CITY_TIME_ZONE } from '../../i18n';
import { areaPolygons, polygonsBounds, type LatLng, type Rings } from '../map/geo';

/** Boundaries by code, then the newest first; past ones only when asked for. */
export function areaRows(areas: readonly AdminArea[], withPast: boolean): AdminArea[] {
  return areas
    .filter((a) => withPast || a.status !== 'past')
    .sort((a, b) => a.code.localeCompare(b.code) || Date.parse(b.validFrom) - Date.parse(a.validFrom));
}

/** Today's date in the city, `YYYY-MM-DD` (the default start of new boundaries). */
export function todayInCity(now = Date.now()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: CITY_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(now));
}

/** One shape of the preview map. */
export interface PreviewShape {
  key: string;
  label: string;
  /** What the import does with it: replace a current area, add a new one, or nothing (it has problems). */
  action: 'replace' | 'add' | null;
  problems: boolean;
  polygons: Rings[];
}

const isRecord = (x: unknown): x is Record<string, unknown> => !!x && typeof x === 'object' && !Array.isArray(x);

const text = (x: unknown): string | null =>
  typeof x === 'string' && x.trim() ? x.trim() : typeof x === 'number' ? String(x) : null;

/**
 * The preview FeatureCollection as map shapes, each labelled with its name as read with the chosen name
 * property (the server puts `{ index, code, name, action, problems }` on each feature; a raw property of
 * that name is the fallback).
 */
export function previewShapes(preview: unknown, nameProperty: string, codeProperty: string): PreviewShape[] {
  if (!isRecord(preview) || !Array.isArray(preview.features)) return [];
  const shapes: PreviewShape[] = [];
  preview.features.forEach((feature: unknown, index: number) => {
    if (!isRecord(feature) || !isRecord(feature.geometry)) return;
    const { type, coordinates } = feature.geometry;
    if (type !== 'Polygon' && type !== 'MultiPolygon') return;
    const polygons = areaPolygons({ type, coordinates });
    if (!polygons.length) return;
    const props = isRecord(feature.properties) ? feature.properties : {};
    const label =
      text(props.name) ??
      (nameProperty ? text(props[nameProperty]) : null) ??
      text(props.code) ??
      (codeProperty ? text(props[codeProperty]) : null) ??
      `#${(typeof props.index === 'number' ? props.index : index) + 1}`;
    const action = props.action === 'replace' || props.action === 'add' ? props.action : null;
    const problems = Array.isArray(props.problems) ? props.problems.length > 0 : !!props.problems;
    const key = typeof props.index === 'number' ? String(props.index) : String(index);
    shapes.push({ key, label, action, problems, polygons });
  });
  return shapes;
}

/** The box around shapes, as Leaflet bounds. */
export function shapesBounds(shapes: readonly { polygons: Rings[] }[]): [LatLng, LatLng] | null {
  return polygonsBounds(shapes.flatMap((s) => s.polygons));
}
