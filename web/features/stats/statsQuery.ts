import { CHANNELS, type Channel } from '../../../shared/domain/channels';
import { STATS_BUCKETS, STATS_FIGURES, type StatsBucket, type StatsFigure } from '../../../shared/schemas/stats';

// The leaders' page keeps everything it shows in the address: period, bucket, filters, the breakdown
// on screen and the open drill-down, so a view can be shared, reloaded and walked with back/forward.

/** The city's offset from UTC (Vietnam, UTC+7, no daylight saving time). */
export const CITY_OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;
/** The server refuses periods longer than five years. */
const MAX_DAYS = 5 * 366;

/** Period choices of the picker. */
export const PERIOD_PRESETS = ['7d', '30d', '90d', 'month', 'lastMonth', 'year', 'custom'] as const;
/** One period choice. */
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];
/** The period shown without a `period` in the address. */
export const DEFAULT_PRESET: PeriodPreset = '30d';

/** The breakdowns a table can show. */
export const BREAKDOWNS = ['unit', 'area', 'category', 'channel'] as const;
/** One breakdown. */
export type Breakdown = (typeof BREAKDOWNS)[number];

/** Filters narrowing every figure (and the drill-down's own row). */
export interface StatsFilters {
  unitId?: number;
  areaCode?: string;
  categoryCode?: string;
  channel?: Channel;
}

/** An open drill-down: the figure, the row or heat-map cell it came from, and the page of the list. */
export interface DrillState extends StatsFilters {
  figure: StatsFigure;
  /** `minLng,minLat,maxLng,maxLat` of a heat-map cell. */
  bbox?: string;
  page: number;
}

/** Everything the page shows, as read from (and written to) the address. */
export interface StatsView {
  period: PeriodPreset;
  /** Custom period: first and last local day (both included), YYYY-MM-DD. */
  fromDay?: string;
  toDay?: string;
  /** Trend bucket chosen by hand; otherwise one that suits the span. */
  bucket?: StatsBucket;
  filters: StatsFilters;
  by: Breakdown;
  drill: DrillState | null;
}

/** A period as the API takes it ([from, to) instants) with its local days and trend bucket. */
export interface ResolvedPeriod {
  from: string;
  to: string;
  /** First and last local day covered (both included). */
  fromDay: string;
  toDay: string;
  days: number;
  bucket: StatsBucket;
}

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;
const MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/;
const CODE_RE = /^[\w.-]{1,64}$/;

/** True for a real calendar day written YYYY-MM-DD. */
export function isDay(s: string | null | undefined): s is string {
  if (!s || !DAY_RE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** The local day (YYYY-MM-DD) an instant falls on in the city. */
export function localDay(epochMs: number): string {
  return new Date(epochMs + CITY_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant a local day starts (00:00 in the city), as an ISO string in UTC. */
export function dayStart(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - CITY_OFFSET_MS).toISOString();
}

/** A day `n` days after (or before) another. */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** A month `n` months after (or before) another, YYYY-MM. */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return d.toISOString().slice(0, 7);
}

const daysBetween = (fromDay: string, toDayExclusive: string) =>
  Math.round((Date.parse(`${toDayExclusive}T00:00:00Z`) - Date.parse(`${fromDay}T00:00:00Z`)) / DAY_MS);

/** A bucket that gives a readable chart for a span: days up to ~6 weeks, weeks up to ~6 months, then months. */
export function defaultBucket(days: number): StatsBucket {
  if (days <= 45) return 'day';
  if (days <= 200) return 'week';
  return 'month';
}

/**
 * The [from, to) instants of a view's period at `now`. Presets are whole local days ending with today
 * (this month and this year stop at the end of today, so the comparison with the period before is
 * like for like); a custom period runs from the start of its first day to the end of its last.
 */
export function resolvePeriod(view: Pick<StatsView, 'period' | 'fromDay' | 'toDay' | 'bucket'>, now: number) {
  const today = localDay(now);
  const tomorrow = addDays(today, 1);
  const month = today.slice(0, 7);
  let first: string;
  let end: string; // exclusive
  switch (view.period) {
    case '7d':
      [first, end] = [addDays(today, -6), tomorrow];
      break;
    case '90d':
      [first, end] = [addDays(today, -89), tomorrow];
      break;
    case 'month':
      [first, end] = [`${month}-01`, tomorrow];
      break;
    case 'lastMonth':
      [first, end] = [`${addMonths(month, -1)}-01`, `${month}-01`];
      break;
    case 'year':
      [first, end] = [`${today.slice(0, 4)}-01-01`, tomorrow];
      break;
    case 'custom':
      if (isDay(view.fromDay) && isDay(view.toDay)) {
        [first, end] = [view.fromDay, addDays(view.toDay, 1)];
        break;
      }
      [first, end] = [addDays(today, -29), tomorrow];
      break;
    default:
      [first, end] = [addDays(today, -29), tomorrow];
  }
  const days = daysBetween(first, end);
  return {
    from: dayStart(first),
    to: dayStart(end),
    fromDay: first,
    toDay: addDays(end, -1),
    days,
    bucket: view.bucket ?? defaultBucket(days),
  } satisfies ResolvedPeriod;
}

/** [from, to) of a calendar month (YYYY-MM) in the city: e.g. 2026-11 → 2026-10-31T17:00Z to 2026-11-30T17:00Z. */
export function monthPeriod(month: string): { from: string; to: string; fromDay: string; toDay: string } {
  const next = addMonths(month, 1);
  return {
    from: dayStart(`${month}-01`),
    to: dayStart(`${next}-01`),
    fromDay: `${month}-01`,
    toDay: addDays(`${next}-01`, -1),
  };
}

/** True for YYYY-MM with a real month. */
export function isMonth(s: string | null | undefined): s is string {
  return !!s && MONTH_RE.test(s);
}

/** The local month (YYYY-MM) an instant falls in. */
export function localMonth(epochMs: number): string {
  return localDay(epochMs).slice(0, 7);
}

function positiveInt(s: string | null): number | undefined {
  if (!s || !/^\d{1,9}$/.test(s)) return undefined;
  const n = Number(s);
  return n > 0 ? n : undefined;
}

const code = (s: string | null) => (s && CODE_RE.test(s) ? s : undefined);
const channel = (s: string | null) => ((CHANNELS as readonly string[]).includes(s ?? '') ? (s as Channel) : undefined);

function readFilters(p: URLSearchParams, prefix: string): StatsFilters {
  const name = (k: string) => (prefix ? `${prefix}${k[0]!.toUpperCase()}${k.slice(1)}` : k);
  const f: StatsFilters = {};
  const unitId = positiveInt(p.get(name('unitId')));
  const areaCode = code(p.get(name('areaCode')));
  const categoryCode = code(p.get(name('categoryCode')));
  const ch = channel(p.get(name('channel')));
  if (unitId !== undefined) f.unitId = unitId;
  if (areaCode !== undefined) f.areaCode = areaCode;
  if (categoryCode !== undefined) f.categoryCode = categoryCode;
  if (ch !== undefined) f.channel = ch;
  return f;
}

function writeFilters(p: URLSearchParams, f: StatsFilters, prefix: string): void {
  const name = (k: string) => (prefix ? `${prefix}${k[0]!.toUpperCase()}${k.slice(1)}` : k);
  if (f.unitId !== undefined) p.set(name('unitId'), String(f.unitId));
  if (f.areaCode) p.set(name('areaCode'), f.areaCode);
  if (f.categoryCode) p.set(name('categoryCode'), f.categoryCode);
  if (f.channel) p.set(name('channel'), f.channel);
}

const BBOX_RE = /^-?\d+(\.\d+)?(,-?\d+(\.\d+)?){3}$/;

/**
 * Reads the page's state from its address. Unknown or malformed values fall back to the defaults
 * (30 days, a bucket for the span, no filter, unit breakdown, no drill-down). Drill-down parameters
 * are prefixed (`drill=late&drillUnitId=3`) so a drill-down row never changes the page's own filters.
 */
export function parseView(p: URLSearchParams): StatsView {
  const rawPeriod = p.get('period');
  let period: PeriodPreset = (PERIOD_PRESETS as readonly string[]).includes(rawPeriod ?? '')
    ? (rawPeriod as PeriodPreset)
    : DEFAULT_PRESET;
  const view: StatsView = { period, filters: readFilters(p, ''), by: 'unit', drill: null };
  if (period === 'custom') {
    let from = p.get('from');
    let to = p.get('to');
    if (isDay(from) && isDay(to)) {
      if (from > to) [from, to] = [to, from];
      if (daysBetween(from, addDays(to, 1)) <= MAX_DAYS) Object.assign(view, { fromDay: from, toDay: to });
      else period = DEFAULT_PRESET;
    } else period = DEFAULT_PRESET;
    view.period = period;
  }
  const bucket = p.get('bucket');
  if ((STATS_BUCKETS as readonly string[]).includes(bucket ?? '')) view.bucket = bucket as StatsBucket;
  const by = p.get('by');
  if ((BREAKDOWNS as readonly string[]).includes(by ?? '')) view.by = by as Breakdown;
  const figure = p.get('drill');
  if ((STATS_FIGURES as readonly string[]).includes(figure ?? '')) {
    const drill: DrillState = { figure: figure as StatsFigure, ...readFilters(p, 'drill'), page: 1 };
    const bbox = p.get('drillBbox');
    if (bbox && BBOX_RE.test(bbox)) drill.bbox = bbox;
    drill.page = positiveInt(p.get('drillPage')) ?? 1;
    view.drill = drill;
  }
  return view;
}

/** Writes the page's state to an address query, leaving defaults out (so the plain `/stats` stays plain). */
export function viewToParams(view: StatsView): URLSearchParams {
  const p = new URLSearchParams();
  if (view.period !== DEFAULT_PRESET) p.set('period', view.period);
  if (view.period === 'custom' && view.fromDay && view.toDay) {
    p.set('from', view.fromDay);
    p.set('to', view.toDay);
  }
  if (view.bucket) p.set('bucket', view.bucket);
  writeFilters(p, view.filters, '');
  if (view.by !== 'unit') p.set('by', view.by);
  if (view.drill) {
    p.set('drill', view.drill.figure);
    writeFilters(p, view.drill, 'drill');
    if (view.drill.bbox) p.set('drillBbox', view.drill.bbox);
    if (view.drill.page > 1) p.set('drillPage', String(view.drill.page));
  }
  return p;
}

/** The API query of a period and filters (what the overview, heat map, drill-down and export share). */
export function periodParams(period: { from: string; to: string }, filters: StatsFilters): URLSearchParams {
  const p = new URLSearchParams({ from: period.from, to: period.to });
  writeFilters(p, filters, '');
  return p;
}

/** The drill-down's filters: the page's, narrowed by the row or cell it was opened from. */
export function drillFilters(filters: StatsFilters, drill: DrillState): StatsFilters {
  const out: StatsFilters = { ...filters };
  if (drill.unitId !== undefined) out.unitId = drill.unitId;
  if (drill.areaCode) out.areaCode = drill.areaCode;
  if (drill.categoryCode) out.categoryCode = drill.categoryCode;
  if (drill.channel) out.channel = drill.channel;
  return out;
}

/** The filter a breakdown row stands for (null for "no area" / "no unit", which cannot be asked for). */
export function rowFilter(by: Breakdown, key: string | null): StatsFilters | null {
  if (key === null) return null;
  switch (by) {
    case 'unit': {
      const id = positiveInt(key);
      return id === undefined ? null : { unitId: id };
    }
    case 'area':
      return { areaCode: key };
    case 'category':
      return { categoryCode: key };
    case 'channel':
      return channel(key) ? { channel: key as Channel } : null;
  }
}

/** The `minLng,minLat,maxLng,maxLat` box of a heat-map cell given as [south-west lat, south-west lng]. */
export function cellBbox(lat: number, lng: number, cellDeg: number): string {
  const r = (x: number) => Number(x.toFixed(6));
  return [r(lng), r(lat), r(lng + cellDeg), r(lat + cellDeg)].join(',');
}
