import type { CategoryQuestion } from '../../../shared/schemas/categories';
import type { FieldError } from '../../../shared/domain/errors';
import { AppError } from '../../domain/app-error';

/** Answers to extra questions as stored: one string, or a list for multivaluelist. */
export type Attributes = Record<string, string | string[]>;

function checkOne(
  q: CategoryQuestion,
  value: string | string[] | undefined,
  errors: FieldError[],
): string | string[] | undefined {
  const path = `attributes.${q.code}`;
  const values =
    value === undefined ? [] : (Array.isArray(value) ? value : [value]).map((v) => v.trim()).filter(Boolean);
  if (values.length === 0) {
    if (q.required) errors.push({ path, message: 'is required' });
    return undefined;
  }
  const allowed = q.values?.map((v) => v.key);
  switch (q.datatype) {
    case 'multivaluelist':
      if (allowed && values.some((v) => !allowed.includes(v)))
        errors.push({ path, message: `must be among: ${allowed.join(', ')}` });
      return values;
    case 'singlevaluelist':
      if (values.length > 1) errors.push({ path, message: 'takes one value' });
      else if (allowed && !allowed.includes(values[0]!))
        errors.push({ path, message: `must be one of: ${allowed.join(', ')}` });
      return values[0];
    case 'number':
      if (values.length > 1 || !Number.isFinite(Number(values[0]))) errors.push({ path, message: 'must be a number' });
      return values[0];
    case 'datetime':
      if (values.length > 1 || Number.isNaN(Date.parse(values[0]!)))
        errors.push({ path, message: 'must be an ISO 8601 date and time' });
      return values[0];
    default:
      if (values.length > 1) errors.push({ path, message: 'takes one value' });
      return values[0];
  }
}

/**
 * Checks answers against a category's questions: required ones present, list values among those
 * allowed, numbers and dates well formed, no unknown question. Returns the cleaned answers or a 422
 * naming each bad field (`attributes.pole_number`).
 */
export function validateAttributes(questions: readonly CategoryQuestion[], input: Attributes | undefined): Attributes {
  const errors: FieldError[] = [];
  const out: Attributes = {};
  for (const q of questions) {
    const v = checkOne(q, input?.[q.code], errors);
    if (v !== undefined) out[q.code] = v;
  }
  for (const code of Object.keys(input ?? {})) {
    if (!questions.some((q) => q.code === code))
      errors.push({ path: `attributes.${code}`, message: 'is not a question of this category' });
  }
  if (errors.length)
    throw new AppError('validation_failed', `Answers to the category's questions are not valid.`, errors);
  return out;
}
