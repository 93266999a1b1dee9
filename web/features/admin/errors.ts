import type { z } from 'zod';
import type { FieldError } from '../../../shared/domain/errors';
import { isApiError } from '../../api/http';
import type { I18n } from '../../i18n';
import { errorMessage } from '../../ui/errorMessage';
import type { AdminT } from './messages';

/** The problems of a zod check as the server would report them (`path` dotted, e.g. `name.vi`). */
export function zodFieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

/** Checks a payload against the shared schema: the same rules the server applies, before the round trip. */
export function check<S extends z.ZodType>(schema: S, value: unknown): FieldError[] {
  const result = schema.safeParse(value);
  return result.success ? [] : zodFieldErrors(result.error);
}

const PATTERNS: { re: RegExp; say: (m: AdminT, match: RegExpMatchArray) => string }[] = [
  { re: /^is required$|expected (string|number|boolean), received (undefined|null)/i, say: (m) => m('field.required') },
  { re: /at least (\d+) characters?|expected string to have >=(\d+) characters?/i, say: (m, x) => tooShort(m, x) },
  {
    re: /at most (\d+) characters?|expected string to have <=(\d+) characters?/i,
    say: (m, x) => m('field.tooLong', { n: x[1] ?? x[2] ?? '' }),
  },
  { re: /use lower-case letters, digits/i, say: (m) => m('field.code') },
  { re: /use letters, digits, spaces/i, say: (m) => m('field.keyName') },
  { re: /must match pattern/i, say: (m) => m('field.questionCode') },
  { re: /must be a date/i, say: (m) => m('field.date') },
  { re: /expected int/i, say: (m) => m('field.integer') },
  { re: /expected number, received/i, say: (m) => m('field.number') },
  { re: /expected number to be >(\d+(?:\.\d+)?)$/i, say: (m, x) => m('field.greaterThan', { n: x[1] ?? '' }) },
  { re: /expected number to be >=(-?\d+(?:\.\d+)?)$/i, say: (m, x) => m('field.atLeast', { n: x[1] ?? '' }) },
  { re: /expected number to be <=?(-?\d+(?:\.\d+)?)$/i, say: (m, x) => m('field.atMost', { n: x[1] ?? '' }) },
  { re: /expected array to have <=(\d+) items/i, say: (m, x) => m('field.tooMany', { n: x[1] ?? '' }) },
  { re: /invalid option|invalid enum/i, say: (m) => m('field.choose') },
];

function tooShort(m: AdminT, match: RegExpMatchArray): string {
  const n = match[1] ?? match[2] ?? '';
  return n === '1' ? m('field.required') : m('field.tooShort', { n });
}

/** A field message in the interface language when it is one of the schema's own, else as the server sent it. */
export function localizeField(message: string, m: AdminT): string {
  for (const { re, say } of PATTERNS) {
    const match = message.match(re);
    if (match) return say(m, match);
  }
  return message;
}

/** Field errors keyed by path (the first message of a path wins), in the interface language. */
export function fieldErrorMap(errors: readonly FieldError[], m: AdminT): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errors) out[e.path] ??= localizeField(e.message, m);
  return out;
}

/** One sentence for a failed call, in words an administrator can act on. */
export function problemText(err: unknown, m: AdminT, t: I18n['t']): string {
  if (!isApiError(err)) return t('common.error');
  switch (err.code) {
    case 'unauthenticated':
      return m('error.signedOut');
    case 'validation_failed':
    case 'invalid_json':
    case 'bad_request':
      return m('error.validation');
    case 'not_found':
      return m('error.notFound');
    case 'payload_too_large':
      return m('error.tooLarge');
    case 'unsupported_media_type':
      return m('error.mediaType');
    default:
      // The sentences every screen shares (network, rate limit, forbidden), or the generic one.
      return err.status === 409 ? m('error.conflict') : errorMessage(err, t);
  }
}

/** What the server said beyond its code (its `detail`, or a title that is not the generic one), if anything. */
export function problemDetail(err: unknown): string | undefined {
  if (!isApiError(err)) return undefined;
  return err.detail || undefined;
}
