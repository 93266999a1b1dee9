import { LIMITS } from '../../../shared/domain/limits';
import type { CategoryQuestion } from '../../../shared/schemas/categories';
import type { I18n } from '../../i18n';

/** The resident's answers as typed, by question code (a list for multivaluelist). */
export type Answers = Record<string, string | string[]>;

/** A category's questions in the order it asks them. */
export function sortedQuestions(questions: readonly CategoryQuestion[]): CategoryQuestion[] {
  return [...questions].sort((a, b) => a.order - b.order);
}

/** "12,5" or "12.5" as a number (Vietnamese keyboards type a decimal comma); null when it is not one. */
export function parseNumber(text: string): number | null {
  const s = text.trim().replace(',', '.');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/** A `datetime-local` value ("2025-11-26T14:05", the device's time) as an ISO instant; null when unreadable. */
export function localDateTimeToIso(local: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(local)) return null;
  const d = new Date(local);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

const listOf = (a: string | string[] | undefined) => (Array.isArray(a) ? a : a ? [a] : []);
const textOf = (a: string | string[] | undefined) => (typeof a === 'string' ? a.trim() : '');

/** One answer as the API takes it, or undefined when there is none (or none that fits the question). */
function attributeValue(q: CategoryQuestion, answer: string | string[] | undefined): string | string[] | undefined {
  const allowed = new Set((q.values ?? []).map((v) => v.key));
  switch (q.datatype) {
    case 'multivaluelist': {
      const keys = listOf(answer).filter((k) => allowed.has(k));
      return keys.length ? keys : undefined;
    }
    case 'singlevaluelist': {
      const key = textOf(answer);
      return allowed.has(key) ? key : undefined;
    }
    case 'number': {
      const n = parseNumber(textOf(answer));
      return n === null ? undefined : String(n);
    }
    case 'datetime':
      return localDateTimeToIso(textOf(answer)) ?? undefined;
    default:
      return textOf(answer) || undefined;
  }
}

/** The `attributes` of the API body: answers to these questions only, empty ones left out. */
export function answersToAttributes(
  questions: readonly CategoryQuestion[],
  answers: Answers,
): Record<string, string | string[]> | undefined {
  const out: Record<string, string | string[]> = {};
  for (const q of questions) {
    const value = attributeValue(q, answers[q.code]);
    if (value !== undefined) out[q.code] = value;
  }
  return Object.keys(out).length ? out : undefined;
}

/** Errors of the answers, keyed `attributes.<code>` as the server names them. */
export function validateAnswers(
  questions: readonly CategoryQuestion[],
  answers: Answers,
  t: I18n['t'],
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const q of questions) {
    const path = `attributes.${q.code}`;
    const raw = answers[q.code];
    const typed = q.datatype === 'multivaluelist' ? listOf(raw).length > 0 : textOf(raw) !== '';
    if (!typed) {
      if (q.required) errors[path] = t(q.datatype.endsWith('valuelist') ? 'report.question.choose' : 'field.required');
      continue;
    }
    if (q.datatype === 'number' && parseNumber(textOf(raw)) === null) errors[path] = t('field.number');
    else if (q.datatype === 'datetime' && localDateTimeToIso(textOf(raw)) === null)
      errors[path] = t('report.question.datetime');
    else if (textOf(raw).length > LIMITS.attributeValueMax)
      errors[path] = t('field.tooLong', { n: LIMITS.attributeValueMax });
    else if (attributeValue(q, raw) === undefined) errors[path] = t('report.question.choose');
  }
  return errors;
}
