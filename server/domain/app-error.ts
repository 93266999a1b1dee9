import type { z } from 'zod';
import { ERROR_CODES, type ErrorCode, type FieldError } from '../../shared/domain/errors';

/** An expected failure with a documented code; the errors plugin turns it into problem+json. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly detail?: string,
    readonly fieldErrors?: FieldError[],
  ) {
    super(detail ?? ERROR_CODES[code].title);
    this.status = ERROR_CODES[code].status;
  }
}

/** Field errors from a zod error, paths dotted and prefixed (`contact.email`). */
export function fieldErrorsOf(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(root)',
    message: issue.message,
  }));
}

/** Parses input with a schema or throws a 422 naming every bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what = 'request'): z.output<S> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const errors = fieldErrorsOf(result.error);
  throw new AppError(
    'validation_failed',
    `The ${what} has ${errors.length} invalid field(s): ${errors.map((e) => e.path).join(', ')}`,
    errors,
  );
}
