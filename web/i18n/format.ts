import type { Lang } from './translate';

/** The city's time zone: every date a person reads is shown in it. */
export const CITY_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const locale = (lang: Lang) => (lang === 'vi' ? 'vi-VN' : 'en-GB');

const DATE: Intl.DateTimeFormatOptions = { day: '2-digit', month: '2-digit', year: 'numeric' };
const TIME: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit' };

/** Formats an ISO instant in the city's time zone; an unreadable one is shown as given. */
function formatInCity(iso: string, lang: Lang, options: Intl.DateTimeFormatOptions): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(lang), { timeZone: CITY_TIME_ZONE, ...options }).format(d);
}

/** "26/11/2025 14:05" style date and time in the city's time zone. */
export function formatDateTime(iso: string, lang: Lang): string {
  return formatInCity(iso, lang, { ...DATE, ...TIME });
}

/** "26/11/2025" style date in the city's time zone. */
export function formatDate(iso: string, lang: Lang): string {
  return formatInCity(iso, lang, DATE);
}

/** A duration broken into the one unit a person reads at a glance. */
export function durationParts(ms: number): { unit: 'min' | 'hour' | 'day'; n: number } {
  const minutes = Math.max(1, Math.round(Math.abs(ms) / 60_000));
  if (minutes < 60) return { unit: 'min', n: minutes };
  const hours = Math.round(minutes / 60);
  if (hours < 48) return { unit: 'hour', n: hours };
  return { unit: 'day', n: Math.round(hours / 24) };
}

/** Where a deadline stands at `now`: overdue or not, and by how much. */
export function dueState(dueAt: string, now: number): { overdue: boolean; ms: number } {
  const ms = new Date(dueAt).getTime() - now;
  return { overdue: ms < 0, ms: Math.abs(ms) };
}
