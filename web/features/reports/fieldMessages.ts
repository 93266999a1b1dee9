import type { FieldError } from '../../../shared/domain/errors';
import type { I18n } from '../../i18n';

const PATTERNS: { re: RegExp; say: (t: I18n['t'], m: RegExpMatchArray) => string }[] = [
  { re: /^is required$/i, say: (t) => t('field.required') },
  { re: /at least (\d+) characters?/i, say: (t, m) => t('field.tooShort', { n: m[1] ?? '' }) },
  { re: /at most (\d+) characters?/i, say: (t, m) => t('field.tooLong', { n: m[1] ?? '' }) },
  { re: /not a phone number/i, say: (t) => t('field.phone') },
  { re: /not an email/i, say: (t) => t('field.email') },
  { re: /must be a number/i, say: (t) => t('field.number') },
  { re: /must be between/i, say: (t) => t('field.range') },
];

/** The server's field message in the interface language when it is a known one, else as sent. */
export function localizeFieldMessage(message: string, t: I18n['t']): string {
  for (const { re, say } of PATTERNS) {
    const m = message.match(re);
    if (m) return say(t, m);
  }
  return message;
}

/** Field errors keyed by path (first message wins), localized. */
export function fieldErrorMap(errors: readonly FieldError[], t: I18n['t']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errors) out[e.path] ??= localizeFieldMessage(e.message, t);
  return out;
}
