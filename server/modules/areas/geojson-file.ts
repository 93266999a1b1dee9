import { AppError } from '../../domain/app-error';

const EXPECTED = 'Expected a GeoJSON FeatureCollection (a .geojson or .json file) of ward/commune polygons';
const EXPORT_HINT = 'in QGIS: Export › Save Features As…, format GeoJSON, CRS EPSG:4326 (WGS 84)';

/** Known binary formats by their first bytes, named as a GIS person would recognise them. */
const MAGIC: { bytes: number[]; what: string }[] = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a ZIP archive (a zipped shapefile, KMZ or GeoPackage?)' },
  { bytes: [0x50, 0x4b, 0x05, 0x06], what: 'an empty ZIP archive' },
  { bytes: [0x00, 0x00, 0x27, 0x0a], what: 'an ESRI shapefile (.shp)' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document' },
  { bytes: [0x1f, 0x8b], what: 'a gzip-compressed file (unzip it first)' },
  { bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65], what: 'an SQLite database (a GeoPackage?)' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: 'an old Microsoft Office file (.xls/.doc)' },
];

function unsupported(what: string): AppError {
  return new AppError('unsupported_media_type', `The file is ${what}. ${EXPECTED}; ${EXPORT_HINT}.`, [
    { path: 'file', message: `is ${what}, not GeoJSON` },
  ]);
}

function invalid(message: string, detail: string): AppError {
  return new AppError('validation_failed', detail, [{ path: 'file', message }]);
}

/**
 * Reads an uploaded file as JSON, deciding what it is by its bytes (never its name or declared type):
 * a zipped shapefile, KML, an image, CSV or other text is refused with 415 naming what it looks like;
 * text that is not UTF-8, or JSON with a syntax error, with 422 saying where.
 */
export function parseGeoJsonBytes(bytes: Buffer): unknown {
  if (bytes.length === 0) throw invalid('is empty', `The file is empty. ${EXPECTED}.`);
  for (const m of MAGIC) if (m.bytes.every((b, i) => bytes[i] === b)) throw unsupported(m.what);
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    throw invalid('is UTF-16 text', 'The file is UTF-16 text; GeoJSON must be UTF-8. Save it again as UTF-8.');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    if (bytes.subarray(0, 512).includes(0)) throw unsupported('a binary file');
    throw invalid(
      'is not UTF-8 text',
      'The file is not UTF-8 text (Vietnamese names would be garbled). GeoJSON must be UTF-8: export it again with encoding UTF-8.',
    );
  }
  const start = text.search(/\S/);
  if (start < 0) throw invalid('is empty', `The file holds only blank space. ${EXPECTED}.`);
  const head = text.slice(start, start + 2000);
  if (head[0] === '<') {
    const what = /<kml[\s>]/i.test(head)
      ? 'a KML file'
      : /<gpx[\s>]/i.test(head)
        ? 'a GPX file'
        : /<(!doctype html|html)[\s>]/i.test(head)
          ? 'an HTML page'
          : /<svg[\s>]/i.test(head)
            ? 'an SVG image'
            : 'an XML document (GML?)';
    throw unsupported(what);
  }
  if (head[0] !== '{' && head[0] !== '[') {
    const firstLine = head.split(/\r?\n/, 1)[0] ?? '';
    throw unsupported(/[,;\t]/.test(firstLine) ? 'CSV or other delimited text' : 'plain text');
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw invalid('is not valid JSON', `The file is not valid JSON: ${jsonErrorWhere(text, e as Error)}`);
  }
}

/** A JSON syntax error as "reason at line L, column C", with a hint for the usual causes. */
function jsonErrorWhere(text: string, e: Error): string {
  const token = /^Unexpected token '(.+?)'/.exec(e.message);
  let reason = token
    ? `unexpected ${token[1]}`
    : e.message
        .replace(/ (in JSON )?at position \d+.*$/s, '')
        .replace(/^Unexpected end of JSON input$/, 'the text ends too early');
  let pos = Number(/position (\d+)/.exec(e.message)?.[1] ?? NaN);
  // Python's json module writes NaN/Infinity, which JSON does not allow; V8 does not say where.
  const nan = token ? /[:[,]\s*(-?(?:NaN|Infinity))/.exec(text) : null;
  if (nan && Number.isNaN(pos)) pos = nan.index + nan[0].indexOf(nan[1]!);
  if (/end of JSON input/.test(e.message)) reason += ' (is the file complete?)';
  if (Number.isNaN(pos)) return `${reason}.`;
  const before = text.slice(0, pos);
  const line = before.split('\n').length;
  const column = pos - before.lastIndexOf('\n');
  if (text.slice(pos).trim() === '')
    return `${reason} at line ${line}, column ${column} (the file ends there: is it complete?).`;
  const near = text.slice(pos, pos + 12).replace(/\s+/g, ' ');
  const hint = /^-?(NaN|Infinity)/.test(near)
    ? ' NaN and Infinity are not allowed in JSON (a coordinate or value with no number?).'
    : '';
  return `${reason} at line ${line}, column ${column} (near "${near}").${hint}`;
}

/** A GeoJSON object type that is not a FeatureCollection, explained. */
const NOT_A_COLLECTION: Record<string, string> = {
  Feature: 'a single GeoJSON Feature; put it in a collection: {"type": "FeatureCollection", "features": [ … ]}',
  Polygon: 'a bare Polygon geometry without properties; the code and name of each area come from feature properties',
  MultiPolygon:
    'a bare MultiPolygon geometry without properties; the code and name of each area come from feature properties',
  GeometryCollection:
    'a GeometryCollection without properties; the code and name of each area come from feature properties',
  Topology: 'TopoJSON; convert it to GeoJSON first (e.g. mapshaper -o format=geojson)',
};

/**
 * The features of a parsed GeoJSON FeatureCollection. Anything else (an array, a single Feature, a bare
 * geometry, TopoJSON, Esri JSON), a coordinate system other than WGS 84 longitude/latitude, or an empty
 * collection is refused as a whole with 422.
 */
export function featuresOf(json: unknown): unknown[] {
  const refuse = (what: string, path = 'file') =>
    new AppError('validation_failed', `This is ${what}. ${EXPECTED}.`, [{ path, message: `is ${what.split(';')[0]}` }]);
  if (Array.isArray(json)) throw refuse('a JSON array, not an object');
  if (json === null || typeof json !== 'object') throw refuse(`a JSON ${json === null ? 'null' : typeof json}`);
  const o = json as Record<string, unknown>;
  if (o.type !== 'FeatureCollection') {
    if (typeof o.type === 'string' && NOT_A_COLLECTION[o.type]) throw refuse(NOT_A_COLLECTION[o.type]!, 'type');
    if (Array.isArray(o.features) && o.geometryType !== undefined)
      throw refuse('Esri JSON, not GeoJSON; export GeoJSON instead (f=geojson in ArcGIS REST)', 'type');
    throw refuse(
      typeof o.type === 'string' ? `a JSON object of type "${o.type}"` : 'a JSON object without a GeoJSON "type"',
      'type',
    );
  }
  const crs = crsName(o.crs);
  if (crs && !/(CRS84|EPSG:+4326|EPSG::4326)$/i.test(crs))
    throw new AppError(
      'validation_failed',
      `The file declares the coordinate system ${crs}; GeoJSON positions must be WGS 84 longitude/latitude. Export it again with CRS EPSG:4326.`,
      [{ path: 'crs', message: `is ${crs}; use WGS 84 (EPSG:4326)` }],
    );
  if (!Array.isArray(o.features)) throw refuse('a FeatureCollection without a "features" array', 'features');
  if (o.features.length === 0)
    throw new AppError('validation_failed', 'The FeatureCollection has no features: nothing to import.', [
      { path: 'features', message: 'is empty' },
    ]);
  return o.features;
}

function crsName(crs: unknown): string | null {
  if (!crs || typeof crs !== 'object') return null;
  const name = (crs as { properties?: { name?: unknown } }).properties?.name;
  return typeof name === 'string' ? name : null;
}
