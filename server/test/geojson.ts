// Builders of real-world-shaped GeoJSON for the area import tests, and how the admin screen sends a file.
import type { FastifyInstance } from 'fastify';
import { multipart } from './multipart';

/** A position [lng, lat]. */
export type Pos = [number, number];

/**
 * A closed ring of `n` vertices around (lng, lat): a wavy circle of radius `r` degrees, the way a
 * digitised ward boundary follows streets and rivers. Counter-clockwise unless `clockwise`.
 */
export function wavyRing(lng: number, lat: number, r: number, n: number, clockwise = false): Pos[] {
  const ring: Pos[] = [];
  for (let i = 0; i < n; i++) {
    const a = ((clockwise ? -1 : 1) * 2 * Math.PI * i) / n;
    const rr = r * (1 + 0.08 * Math.sin(7 * a) + 0.03 * Math.sin(31 * a));
    ring.push([round(lng + rr * Math.cos(a)), round(lat + rr * Math.sin(a))]);
  }
  ring.push([...ring[0]!]);
  return ring;
}

const round = (x: number) => Math.round(x * 1e9) / 1e9;

/** A rectangle ring from (lng0, lat0) to (lng1, lat1), counter-clockwise. */
export function rect(lng0: number, lat0: number, lng1: number, lat1: number): Pos[] {
  return [
    [lng0, lat0],
    [lng1, lat0],
    [lng1, lat1],
    [lng0, lat1],
    [lng0, lat0],
  ];
}

/** A ring over (lng0, lat0)-(lng1, lat1) drawn as a bow-tie: it crosses itself at the box's centre. */
export function bowTie(lng0: number, lat0: number, lng1: number, lat1: number): Pos[] {
  return [
    [lng0, lat0],
    [lng1, lat1],
    [lng1, lat0],
    [lng0, lat1],
    [lng0, lat0],
  ];
}

/** A GeoJSON Feature. */
export function feature(properties: Record<string, unknown> | null, geometry: unknown) {
  return { type: 'Feature', properties, geometry };
}

/** A Polygon geometry. */
export const polygon = (...rings: Pos[][]) => ({ type: 'Polygon', coordinates: rings });
/** A MultiPolygon geometry. */
export const multiPolygon = (...polygons: Pos[][][]) => ({ type: 'MultiPolygon', coordinates: polygons });

/** A FeatureCollection. */
export function collection(features: unknown[]) {
  return { type: 'FeatureCollection', features };
}

/** The UTF-8 bytes of a JSON value, as a file would hold them. */
export const fileBytes = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8');

/** Posts a boundary file as the admin screen does, with this Cookie: multipart, options first, then `file`. */
export function postAreaFile(
  app: FastifyInstance,
  cookie: string,
  url: string,
  bytes: Buffer,
  fields: Record<string, string> = {},
  file = { name: 'wards.geojson', type: 'application/geo+json' },
) {
  const form = multipart(fields, [{ field: 'file', name: file.name, type: file.type, bytes }]);
  return app.inject({ method: 'POST', url, payload: form.payload, headers: { ...form.headers, cookie } });
}

/**
 * A grid of `cols` x `rows` wards of about `vertices` vertices each: square cells whose edges wiggle
 * like digitised streets, coded `ward-<i>`, named in Vietnamese (`MA_XA`, `TEN_XA`, `NAME_EN`).
 */
export function wardGrid(cols: number, rows: number, vertices: number, origin: Pos = [108.0, 12.0], size = 0.02) {
  const perSide = Math.max(1, Math.floor(vertices / 4));
  const edge = (x0: number, y0: number, x1: number, y1: number): Pos[] => {
    const pts: Pos[] = [];
    for (let i = 0; i < perSide; i++) {
      const t = i / perSide;
      const x = x0 + (x1 - x0) * t,
        y = y0 + (y1 - y0) * t;
      // Shift perpendicular to the edge, fading out towards the corners so neighbouring edges never meet.
      const w = size * 0.05 * Math.sin(Math.PI * t) * Math.sin((x + y) * 997);
      pts.push(x0 === x1 ? [round(x + w), round(y)] : [round(x), round(y + w)]);
    }
    return pts;
  };
  const features = [];
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      const x0 = origin[0] + c * size,
        y0 = origin[1] + r * size;
      const x1 = x0 + size,
        y1 = y0 + size;
      const ring: Pos[] = [
        ...edge(x0, y0, x1, y0),
        ...edge(x1, y0, x1, y1),
        ...edge(x1, y1, x0, y1),
        ...edge(x0, y1, x0, y0),
      ];
      ring.push([...ring[0]!]);
      const i = r * cols + c;
      features.push(
        feature({ MA_XA: `ward-${i}`, TEN_XA: `Phường Hòa Xuân ${i}`, NAME_EN: `Hoa Xuan ${i}` }, polygon(ring)),
      );
    }
  return collection(features);
}
