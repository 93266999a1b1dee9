import { createContext, useCallback, useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { FieldError } from '../../../shared/domain/errors';
import { isApiError } from '../../api/http';
import { useI18n } from '../../i18n';
import { fieldErrorMap, problemDetail, problemText } from './errors';
import { useMessages } from './messages';

/** Why a form was not saved: the call's error (if it got that far) and the field errors, by path. */
export interface Failure {
  error: unknown;
  fields: FieldError[];
}

interface FormContextValue {
  id: string;
  errors: Record<string, string>;
}

export const FormContext = createContext<FormContextValue>({ id: 'form', errors: {} });

/** The element id of a form's field for an API path (`name.vi` -> `unit-form-name-vi`). */
export function fieldId(formId: string, path: string): string {
  return `${formId}-${path.replace(/[^a-zA-Z0-9_-]+/g, '-')}`;
}

/**
 * Submitting a form: checks on the client first (the shared zod schema), then calls the server;
 * either way the errors land next to their fields and the first invalid field gets the focus.
 */
export function useSubmit() {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const submit = useCallback(async <T,>(problems: FieldError[], send: () => Promise<T>): Promise<T | undefined> => {
    if (problems.length) {
      setFailure({ error: null, fields: problems });
      return undefined;
    }
    setBusy(true);
    setFailure(null);
    try {
      return await send();
    } catch (error) {
      setFailure({ error, fields: isApiError(error) ? error.fieldErrors : [] });
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  const clear = useCallback(() => setFailure(null), []);
  return { busy, failure, submit, clear };
}

/**
 * A form whose fields find their errors by API path; lists every problem on top (linked to its field)
 * and moves the focus to the first invalid field after a failed attempt.
 */
export function AdminForm({
  id,
  failure,
  busy,
  onSubmit,
  children,
  className,
  testId,
}: {
  id: string;
  failure: Failure | null;
  busy?: boolean;
  onSubmit: () => void;
  children: ReactNode;
  className?: string;
  testId?: string;
}) {
  const m = useMessages();
  const errors = failure ? fieldErrorMap(failure.fields, m) : {};
  const form = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (!failure || !form.current) return;
    const invalid = form.current.querySelector<HTMLElement>('[aria-invalid="true"]');
    const summary = form.current.querySelector<HTMLElement>('.error-summary');
    (invalid ?? summary)?.focus();
  }, [failure]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!busy) onSubmit();
  };
  return (
    <FormContext.Provider value={{ id, errors }}>
      <form
        ref={form}
        id={id}
        className={className ?? 'form-stack'}
        noValidate
        onSubmit={submit}
        aria-busy={busy || undefined}
        data-testid={testId}
      >
        <ErrorSummary formId={id} failure={failure} errors={errors} />
        {children}
      </form>
    </FormContext.Provider>
  );
}

/** The problems of a failed attempt: the server's sentence and each field error, linked to its field. */
function ErrorSummary({
  formId,
  failure,
  errors,
}: {
  formId: string;
  failure: Failure | null;
  errors: Record<string, string>;
}) {
  const m = useMessages();
  const { t } = useI18n();
  if (!failure) return null;
  const paths = Object.keys(errors);
  // The fields were on the page before this failed attempt: an error whose field exists links to it.
  const placed = new Set(
    paths.filter((p) => typeof document !== 'undefined' && document.getElementById(fieldId(formId, p))),
  );
  const detail = problemDetail(failure.error);
  const headline =
    failure.error === null || isApiError(failure.error, 'validation_failed')
      ? m('form.problems', { n: paths.length })
      : problemText(failure.error, m, t);
  return (
    <div className="notice notice-error error-summary" role="alert" tabIndex={-1} data-testid="form-errors">
      <div>
        <p className="error-summary-title">{headline}</p>
        {detail && <p className="error-summary-detail">{detail}</p>}
        {paths.length > 0 && (
          <ul>
            {paths.map((path) => (
              <li key={path}>
                {placed.has(path) ? (
                  <a
                    href={`#${fieldId(formId, path)}`}
                    onClick={(e) => {
                      e.preventDefault();
                      document.getElementById(fieldId(formId, path))?.focus();
                    }}
                  >
                    {errors[path]}
                  </a>
                ) : (
                  <>
                    <code>{path}</code>: {errors[path]}
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

/** A message in an aria-live region that is always in the page, so screen readers hear each change. */
export function LiveStatus({
  message,
  tone = 'success',
  testId,
  hidden,
}: {
  message: string | null;
  tone?: 'success' | 'info';
  testId?: string;
  /** Said to screen readers only (the page already shows the same thing). */
  hidden?: boolean;
}) {
  return (
    <div className={hidden ? 'sr-only' : 'admin-live'} role="status" aria-live="polite" data-testid={testId}>
      {message && <p className={hidden ? undefined : `notice notice-${tone}`}>{message}</p>}
    </div>
  );
}

/** A form's closing buttons: Cancel (when it can be left) and the submit button, busy while saving. */
export function FormActions({
  busy,
  onCancel,
  label,
  busyLabel,
  disabled,
  testId,
  sticky,
  children,
}: {
  busy: boolean;
  onCancel?: () => void;
  /** The submit button's words (Save by default) and while busy (Saving…). */
  label?: string;
  busyLabel?: string;
  disabled?: boolean;
  testId?: string;
  /** Kept in view at the bottom of a long form. */
  sticky?: boolean;
  children?: ReactNode;
}) {
  const m = useMessages();
  return (
    <div className={sticky ? 'form-actions sticky-actions' : 'form-actions'}>
      {children}
      {onCancel && (
        <button type="button" className="btn btn-secondary" onClick={onCancel}>
          {m('common.cancel')}
        </button>
      )}
      <button type="submit" className="btn btn-primary" disabled={busy || disabled} data-testid={testId}>
        {busy ? (busyLabel ?? m('common.saving')) : (label ?? m('common.save'))}
      </button>
    </div>
  );
}
