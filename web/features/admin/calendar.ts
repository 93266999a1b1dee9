import type { Lang } from '../../i18n';

/** Weekdays as the calendar numbers them (0 = Sunday), in the order a Vietnamese week is read: Monday first. */
export const WEEK = [1, 2, 3, 4, 5, 6, 0] as const;

const locale = (lang: Lang) => (lang === 'vi' ? 'vi-VN' : 'en-GB');

/** The name of a weekday (0 = Sunday) in the interface language. */
export function weekdayName(day: number, lang: Lang): string {
  // 2024-01-07 was a Sunday.
  return new Intl.DateTimeFormat(locale(lang), { weekday: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2024, 0, 7 + day)),
  );
}

/** A local date `YYYY-MM-DD` with its weekday, e.g. "Thứ Ba, 02/09/2025". */
export function holidayLabel(date: string, lang: Lang): string {
  const [y, mo, d] = date.split('-').map(Number);
  if (!y || !mo || !d) return date;
  return new Intl.DateTimeFormat(locale(lang), {
    weekday: 'long',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, mo - 1, d)));
}

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isDate(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  const t = Date.parse(`${date}T00:00:00Z`);
  return Number.isFinite(t) && new Date(t).toISOString().slice(0, 10) === date;
}

/** Holidays without repeats, oldest first. */
export function sortHolidays(dates: readonly string[]): string[] {
  return [...new Set(dates)].sort();
}

/** "07:30" for 450 minutes after midnight. */
export function minutesToTime(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** Minutes after midnight for "07:30", or NaN when it is not a time of day. */
export function timeToMinutes(time: string): number {
  const match = time.match(/^(\d{1,2}):(\d{2})$/);
  if (!match) return Number.NaN;
  const h = Number(match[1]);
  const m = Number(match[2]);
  return h < 24 && m < 60 ? h * 60 + m : Number.NaN;
}
