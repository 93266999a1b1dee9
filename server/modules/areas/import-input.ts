import type { AreaImportProblem } from '../../../shared/schemas/admin';
import { AppError } from '../../domain/app-error';
import { DEFAULT_CALENDAR } from '../../domain/working-time';

// The options of an import as they arrive (form fields, query strings, JSON), and the 422 listing a file's problems.

/** Problems listed in an answer; the rest are counted. */
export const MAX_LISTED_PROBLEMS = 200;

/** "feature 13 (code "22015"): message" (features are numbered from 1 for people; paths count from 0). */
export function describeProblem(p: AreaImportProblem): string {
  if (p.feature === null) return p.message;
  return `feature ${p.feature + 1}${p.code ? ` (code "${p.code}")` : ''}: ${p.message}`;
}

/** The 422 for a file with problems: every problem (up to the cap) with its path; nothing was written. */
export function problemsError(problems: AreaImportProblem[]): AppError {
  const listed = problems.slice(0, MAX_LISTED_PROBLEMS);
  const more = problems.length - listed.length;
  const errors = listed.map((p) => ({ path: p.path, message: describeProblem(p) }));
  if (more > 0) errors.push({ path: 'features', message: `… and ${more} more problem(s) not listed` });
  return new AppError(
    'validation_failed',
    `Nothing was imported: ${problems.length === 1 ? 'the file has 1 problem' : `the file has ${problems.length} problems`}. ` +
      `First: ${describeProblem(problems[0]!)}`,
    errors,
  );
}

const truthy = (v: unknown) => (typeof v === 'string' ? ['true', '1', 'on', 'yes'].includes(v.toLowerCase()) : v);

/** Form fields and query parameters are text: turn the flag into a boolean, drop empty values. */
export function normaliseOptions(raw: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of ['codeProperty', 'nameProperty', 'nameEnProperty', 'validFrom', 'note', 'retireMissing']) {
    const v = raw[key];
    if (v === undefined || v === null || v === '') continue;
    out[key] = key === 'retireMissing' ? truthy(v) : v;
  }
  return out;
}

/**
 * `validFrom` as epoch ms: a date (`2026-12-01`) is local midnight in the city, a date-time without a
 * zone is local time, one with a zone is taken as written; absent means now.
 */
export function parseValidFrom(value: string | undefined, now: number): number {
  if (value === undefined) return now;
  const v = value.trim();
  const offset = DEFAULT_CALENDAR.utcOffsetMinutes;
  const zone = `${offset < 0 ? '-' : '+'}${String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0')}:${String(Math.abs(offset) % 60).padStart(2, '0')}`;
  let text = v;
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) text = `${v}T00:00:00${zone}`;
  else if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(v)) text = `${v.replace(' ', 'T')}${zone}`;
  const t = /^\d{4}-\d{2}-\d{2}T/.test(text) ? Date.parse(text) : NaN;
  const sameDay = Number.isFinite(t) && new Date(t + offset * 60_000).toISOString().slice(0, 10) === text.slice(0, 10);
  if (!Number.isFinite(t) || (!/(?:[Zz]|[+-]\d{2}:?\d{2})$/.test(v) && !sameDay))
    throw new AppError(
      'validation_failed',
      `validFrom "${v}" is not a date (2026-12-01) or a date-time (2026-12-01T08:00+07:00).`,
      [{ path: 'validFrom', message: 'must be a date YYYY-MM-DD or an ISO date-time' }],
    );
  return t;
}
