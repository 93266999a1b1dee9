import { AppError } from '../../domain/app-error';
import type { RequestFilters } from './open311.repository';

/** A query or form as parsed: one value, or several when the parameter was repeated. */
export type RawParams = Record<string, string | string[] | undefined>;

/** Days `GET requests` looks back when no date is given, and its largest answer (the specification's defaults). */
export const DEFAULT_DAYS = 90;
export const MAX_REQUESTS = 1000;
/** Default and largest `radius` of the `lat`/`long` filter, in metres. */
export const DEFAULT_RADIUS_M = 1000;
export const MAX_RADIUS_M = 50_000;

const DAY_MS = 86_400_000;
// ISO 8601 date and time with a timezone (Z or an offset); seconds and fractions optional.
const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;

/** 400 with one Open311 error description per problem. */
export function badRequest(...descriptions: string[]): AppError {
  return new AppError(
    'bad_request',
    descriptions.join(' '),
    descriptions.map((message) => ({ path: '', message })),
  );
}

/** A parameter's value; an empty one means absent, a repeated one is read as a comma list. */
export function param(p: RawParams, name: string): string | undefined {
  const v = p[name];
  const s = (Array.isArray(v) ? v.filter((x) => x.trim() !== '').join(',') : v)?.trim();
  return s ? s : undefined;
}

/** A comma list (`a,b`), empty items dropped. */
export function list(p: RawParams, name: string): string[] | undefined {
  const items = param(p, name)
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return items?.length ? items : undefined;
}

/** An ISO 8601 date and time with a timezone (any offset), as epoch ms. */
export function dateParam(p: RawParams, name: string): number | undefined {
  const v = param(p, name);
  if (v === undefined) return undefined;
  const [y, m, d] = v.slice(0, 10).split('-').map(Number) as [number, number, number];
  // Date.parse rolls 2026-11-31 over to December: the day must exist in its month.
  const realDay = new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d;
  const ms = ISO_DATETIME.test(v) && realDay ? Date.parse(v.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')) : Number.NaN;
  if (Number.isNaN(ms))
    throw badRequest(`${name} must be an ISO 8601 date and time with a timezone, e.g. 2026-11-23T09:00:00+07:00.`);
  return ms;
}

/** A finite number within [min, max]. */
export function numberParam(p: RawParams, name: string, min: number, max: number): number | undefined {
  const v = param(p, name);
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n < min || n > max)
    throw badRequest(`${name} must be a number between ${min} and ${max}.`);
  return n;
}

function intParam(p: RawParams, name: string, min: number, max: number): number | undefined {
  const n = numberParam(p, name, min, max);
  if (n !== undefined && !Number.isInteger(n)) throw badRequest(`${name} must be a whole number.`);
  return n;
}

/** True when `extensions=true` asks for the notes and extended attributes. */
export function wantsExtensions(p: RawParams): boolean {
  const v = param(p, 'extensions');
  if (v === undefined || v === 'false') return false;
  if (v === 'true') return true;
  throw badRequest('extensions must be true or false.');
}

/**
 * The query of `GET requests` as filters. `service_request_id` (a comma list) overrides the rest. Dates
 * select by `requested_datetime` over at most 90 days (the specification's limit): with no date, the
 * last 90 days; with one, the 90 days after `start_date` or before `end_date`. At most 1,000 requests: the
 * `page` (from 1) and `page_size` (up to 1,000) extensions page through more. `lat`/`long` (with
 * `radius` in metres, 1,000 by default) and `bbox` (`min_long,min_lat,max_long,max_lat`) narrow by place.
 */
export function requestFilters(p: RawParams, now: number): RequestFilters {
  const pageSize = intParam(p, 'page_size', 1, MAX_REQUESTS) ?? MAX_REQUESTS;
  const page = intParam(p, 'page', 1, 1_000_000) ?? 1;
  const paging = { limit: pageSize, offset: (page - 1) * pageSize };
  const ids = list(p, 'service_request_id');
  if (ids) return { ids: ids.slice(0, MAX_REQUESTS), ...paging };

  const status = list(p, 'status');
  if (status?.some((s) => s !== 'open' && s !== 'closed')) throw badRequest('status must be open or closed.');
  const span = DEFAULT_DAYS * DAY_MS;
  let start = dateParam(p, 'start_date');
  let end = dateParam(p, 'end_date');
  if (start !== undefined && end !== undefined) {
    if (end < start) throw badRequest('end_date must not be before start_date.');
    if (end - start > span) throw badRequest(`start_date to end_date may not span more than ${DEFAULT_DAYS} days.`);
  } else if (start !== undefined) end = start + span;
  else start = (end ?? now) - span;
  const updatedAfter = dateParam(p, 'updated_after');
  const updatedBefore = dateParam(p, 'updated_before');

  const lat = numberParam(p, 'lat', -90, 90);
  const lng = numberParam(p, 'long', -180, 180);
  const radius = numberParam(p, 'radius', 1, MAX_RADIUS_M);
  if ((lat === undefined) !== (lng === undefined)) throw badRequest('lat and long must be given together.');
  if (radius !== undefined && lat === undefined) throw badRequest('radius needs lat and long.');
  let bbox: RequestFilters['bbox'];
  const box = param(p, 'bbox');
  if (box !== undefined) {
    const n = box.split(',').map((s) => (s.trim() === '' ? Number.NaN : Number(s)));
    const [minLng, minLat, maxLng, maxLat] = n as [number, number, number, number];
    if (
      n.length !== 4 ||
      n.some((x) => !Number.isFinite(x)) ||
      minLng > maxLng ||
      minLat > maxLat ||
      Math.abs(minLat) > 90 ||
      Math.abs(maxLat) > 90 ||
      Math.abs(minLng) > 180 ||
      Math.abs(maxLng) > 180
    )
      throw badRequest('bbox must be min_long,min_lat,max_long,max_lat in degrees.');
    bbox = { minLng, minLat, maxLng, maxLat };
  }
  return {
    serviceCodes: list(p, 'service_code'),
    status: status && new Set(status).size === 1 ? (status[0] as 'open' | 'closed') : undefined,
    createdFrom: start,
    createdTo: end,
    updatedAfter,
    updatedBefore,
    near: lat !== undefined && lng !== undefined ? { lat, lng, radiusM: radius ?? DEFAULT_RADIUS_M } : undefined,
    bbox,
    ...paging,
  };
}
