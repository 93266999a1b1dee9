import type { StatsSummary } from '../../../shared/schemas/stats';
import { CITY_TIME_ZONE, type Lang } from '../../i18n';

/** Range choices of the picker, in days. */
export const RANGE_DAYS = [7, 30, 90] as const;
/** One range choice. */
export type RangeDays = (typeof RANGE_DAYS)[number];

const DAY_MS = 86_400_000;

/** The last `days` days up to `now`, as the API's ISO datetimes. */
export function rangeFor(days: number, now: number): { from: string; to: string } {
  return { from: new Date(now - days * DAY_MS).toISOString(), to: new Date(now).toISOString() };
}

const cityDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: CITY_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The city-local calendar day (YYYY-MM-DD) of an instant. */
export function cityDate(iso: string): string {
  return cityDay.format(new Date(iso));
}

/** Every city-local day from `from` to `to` inclusive, as YYYY-MM-DD. */
export function daysBetween(from: string, to: string): string[] {
  const first = cityDate(from);
  const last = cityDate(to);
  const out: string[] = [];
  for (let d = Date.parse(`${first}T00:00:00Z`); out.length < 400; d += DAY_MS) {
    const day = new Date(d).toISOString().slice(0, 10);
    out.push(day);
    if (day >= last) break;
  }
  return out;
}

/** One bar of the per-day chart: the day and a count per category code. */
export type DayRow = { date: string } & Record<string, number | string>;

/** Per-day counts pivoted to one row per day (days with no report included, as zeros). */
export function pivotPerDay(summary: Pick<StatsSummary, 'from' | 'to' | 'perDay'>, codes: readonly string[]): DayRow[] {
  const rows = new Map<string, DayRow>();
  const blank = (date: string): DayRow => Object.fromEntries([['date', date], ...codes.map((c) => [c, 0])]) as DayRow;
  for (const day of daysBetween(summary.from, summary.to)) rows.set(day, blank(day));
  for (const { date, categoryCode, count } of summary.perDay) {
    const row = rows.get(date) ?? blank(date);
    row[categoryCode] = Number(row[categoryCode] ?? 0) + count;
    rows.set(date, row);
  }
  return [...rows.values()].sort((a, b) => a.date.localeCompare(b.date));
}

/** Category codes that appear in the data, in the order of the category list, unknown ones last. */
export function chartCodes(perDay: StatsSummary['perDay'], known: readonly string[]): string[] {
  const seen = new Set(perDay.map((p) => p.categoryCode));
  return [...known.filter((c) => seen.has(c)), ...[...seen].filter((c) => !known.includes(c)).sort()];
}

/** "87 %" (vi) / "87%" (en), or "—" when there is no rate (nothing resolved). */
export function formatRate(rate: number | null, lang: Lang): string {
  if (rate === null || !Number.isFinite(rate)) return '—';
  const pct = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 }).format(rate * 100);
  return lang === 'vi' ? `${pct} %` : `${pct}%`;
}

/** onTime / resolved, or null when nothing was resolved. */
export function rate(onTime: number, resolved: number): number | null {
  return resolved > 0 ? onTime / resolved : null;
}

/** "26/11" style short label of a YYYY-MM-DD day. */
export function shortDay(date: string): string {
  const [, m, d] = date.split('-');
  return `${d}/${m}`;
}

const PALETTE = [
  '#1d4ed8',
  '#ea580c',
  '#15803d',
  '#7c3aed',
  '#b91c1c',
  '#0e7490',
  '#a16207',
  '#be185d',
  '#4d7c0f',
  '#475569',
];

/** A stable colour per category (by its position in the category list). */
export function colorFor(index: number): string {
  return PALETTE[index % PALETTE.length] ?? '#475569';
}
