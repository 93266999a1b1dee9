/** Map tile template used when no runtime setting says otherwise. */
export const DEFAULT_TILE_URL = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
const DEFAULT_ATTRIBUTION = '&copy; OpenStreetMap contributors';

/** Settings read at run time (not at build time), so one build serves online and offline sites. */
export interface RuntimeConfig {
  /** Tile URL template, or '' to draw ward boundaries only. */
  tileUrl: string;
  tileAttribution: string;
  center: [number, number];
  zoom: number;
}

function meta(name: string): string | null {
  if (typeof document === 'undefined') return null;
  return document.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content ?? null;
}

function stored(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

/**
 * Order: localStorage `beacon.tileUrl` (one PC's override, e.g. a local tile server), then the
 * `<meta name="beacon:tile-url">` of index.html (the site's setting), then the OSM default.
 */
export function runtimeConfig(): RuntimeConfig {
  return {
    tileUrl: (stored('beacon.tileUrl') ?? meta('beacon:tile-url') ?? DEFAULT_TILE_URL).trim(),
    tileAttribution: meta('beacon:tile-attribution') ?? DEFAULT_ATTRIBUTION,
    center: [13.095, 109.3],
    zoom: 13,
  };
}
