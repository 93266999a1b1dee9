import { translate, type Lang, type MessageKey } from '../../i18n';

const MINUTE = 60_000;

/** A deadline relative to `now`, in at most two units: whole days and hours, hours and minutes, or minutes. */
export function countdownParts(
  dueAt: string,
  now: number,
): { overdue: boolean; parts: { unit: 'day' | 'hour' | 'min'; n: number }[] } {
  const ms = Date.parse(dueAt) - now;
  const overdue = ms < 0;
  // Whole minutes, never "0 minutes": the last minute before (or after) the deadline still counts as one.
  const minutes = Math.max(1, Math.floor(Math.abs(ms) / MINUTE));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const parts: { unit: 'day' | 'hour' | 'min'; n: number }[] = [];
  if (days > 0) {
    parts.push({ unit: 'day', n: days });
    if (hours > 0) parts.push({ unit: 'hour', n: hours });
  } else if (hours > 0) {
    parts.push({ unit: 'hour', n: hours });
    if (mins > 0) parts.push({ unit: 'min', n: mins });
  } else {
    parts.push({ unit: 'min', n: mins });
  }
  return { overdue, parts };
}

/** "còn 1 ngày 3 giờ" / "quá hạn 2 giờ" ("1 day 3 hours left" / "2 hours overdue"). */
export function formatCountdown(dueAt: string, now: number, lang: Lang): string {
  const { overdue, parts } = countdownParts(dueAt, now);
  const span = parts
    .map(({ unit, n }) => translate(lang, `countdown.${unit}.${n === 1 ? 'one' : 'other'}` as MessageKey, { n }))
    .join(' ');
  return translate(lang, overdue ? 'countdown.overdue' : 'countdown.in', { t: span });
}
