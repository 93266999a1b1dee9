import type { Lang } from '../../i18n';

/** Range choices of the unit leader's picker, in days. */
export const RANGE_DAYS = [7, 30, 90] as const;
/** One range choice. */
export type RangeDays = (typeof RANGE_DAYS)[number];

const DAY_MS = 86_400_000;

/** The last `days` days up to `now`, as the API's ISO datetimes. */
export function rangeFor(days: number, now: number): { from: string; to: string } {
  return { from: new Date(now - days * DAY_MS).toISOString(), to: new Date(now).toISOString() };
}

const locale = (lang: Lang) => (lang === 'vi' ? 'vi-VN' : 'en-GB');

/** "87,5 %" (vi) / "87.5%" (en), or "—" when there is no rate (no sample). */
export function formatRate(rate: number | null, lang: Lang): string {
  if (rate === null || !Number.isFinite(rate)) return '—';
  const pct = new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 1 }).format(rate * 100);
  return lang === 'vi' ? `${pct} %` : `${pct}%`;
}

/** "1.234" (vi) / "1,234" (en); "—" for null. */
export function formatCount(n: number | null, lang: Lang): string {
  if (n === null || !Number.isFinite(n)) return '—';
  return new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 0 }).format(n);
}

/** A mean score out of 5: "4,2" (vi) / "4.2" (en); "—" for null. */
export function formatScore(n: number | null, lang: Lang): string {
  if (n === null || !Number.isFinite(n)) return '—';
  return new Intl.NumberFormat(locale(lang), { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(n);
}

const UNITS: Record<Lang, { min: string; hour: string; day: string }> = {
  vi: { min: 'phút', hour: 'giờ', day: 'ngày' },
  en: { min: 'min', hour: 'h', day: 'd' },
};

/**
 * A time in minutes as a person reads it, to the two largest units: "45 phút", "3 giờ 20 phút",
 * "2 ngày 4 giờ" (en: "3 h 20 min", "2 d 4 h"); "—" for null. Rounded to the minute, then to the hour
 * once it is a day or more.
 */
export function formatMinutes(minutes: number | null, lang: Lang): string {
  if (minutes === null || !Number.isFinite(minutes)) return '—';
  const u = UNITS[lang];
  let m = Math.round(Math.abs(minutes));
  if (m < 60) return `${m} ${u.min}`;
  if (m < 24 * 60) {
    const h = Math.floor(m / 60);
    m -= h * 60;
    return m ? `${h} ${u.hour} ${m} ${u.min}` : `${h} ${u.hour}`;
  }
  const totalHours = Math.round(m / 60);
  const d = Math.floor(totalHours / 24);
  const h = totalHours - d * 24;
  return h ? `${d} ${u.day} ${h} ${u.hour}` : `${d} ${u.day}`;
}

/** How a figure is read: counts, shares (0..1), minutes or a score out of 5. */
export type FigureKind = 'count' | 'rate' | 'minutes' | 'score';
/** Which way a figure should move: up is good (on time), down is good (backlog), or neither (received). */
export type GoodWhen = 'up' | 'down' | 'neutral';
/** What a change means to a leader. */
export type Tone = 'good' | 'bad' | 'neutral' | 'none';

/** The meaning of a change: none when unknown or nil, otherwise good / bad by the figure's direction. */
export function changeTone(delta: number | null, goodWhen: GoodWhen): Tone {
  if (delta === null || !Number.isFinite(delta) || Math.abs(delta) < 1e-9) return 'none';
  if (goodWhen === 'neutral') return 'neutral';
  return delta > 0 === (goodWhen === 'up') ? 'good' : 'bad';
}

/** The arrow of a change: ▲ up, ▼ down, ＝ unchanged, nothing when unknown. */
export function changeArrow(delta: number | null): string {
  if (delta === null || !Number.isFinite(delta)) return '';
  if (Math.abs(delta) < 1e-9) return '=';
  return delta > 0 ? '▲' : '▼';
}

/** A change with its sign, in the figure's unit: "+12", "−3", "+2,5 điểm %", "−1 giờ 5 phút", "+0,3". */
export function formatDelta(delta: number | null, kind: FigureKind, lang: Lang): string {
  if (delta === null || !Number.isFinite(delta)) return '—';
  const sign = delta > 0 ? '+' : delta < 0 ? '−' : '±';
  const abs = Math.abs(delta);
  switch (kind) {
    case 'count':
      return `${sign}${formatCount(abs, lang)}`;
    case 'rate': {
      const pts = new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 1 }).format(abs * 100);
      return lang === 'vi' ? `${sign}${pts} điểm %` : `${sign}${pts} pts`;
    }
    case 'minutes':
      return `${sign}${formatMinutes(abs, lang)}`;
    case 'score':
      return `${sign}${formatScore(abs, lang)}`;
  }
}

/** A value in its kind's format. */
export function formatFigure(value: number | null, kind: FigureKind, lang: Lang): string {
  switch (kind) {
    case 'count':
      return formatCount(value, lang);
    case 'rate':
      return formatRate(value, lang);
    case 'minutes':
      return formatMinutes(value, lang);
    case 'score':
      return formatScore(value, lang);
  }
}

/** "26/11" style short label of a YYYY-MM-DD day. */
export function shortDay(date: string): string {
  const [, m, d] = date.split('-');
  return `${d}/${m}`;
}

/** "11/2026" style label of a YYYY-MM(-DD) month. */
export function shortMonth(date: string): string {
  const [y, m] = date.split('-');
  return `${m}/${y}`;
}

/** "26/11/2026" style label of a YYYY-MM-DD day (no time zone maths: it is already a local day). */
export function longDay(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}
