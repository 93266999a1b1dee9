import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useRef,
  useState,
  type FormEvent,
  type ReactNode,
  type Ref,
} from 'react';
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

const FormContext = createContext<FormContextValue>({ id: 'form', errors: {} });

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

/** The id, error and ARIA wiring of one field; `control` goes on the input itself. */
function useField(path: string, hint?: string) {
  const { id: formId, errors } = useContext(FormContext);
  const id = fieldId(formId, path);
  const error = errors[path];
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  const control = {
    id,
    name: path,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
  } as const;
  return { id, error, control };
}

/** The wrapper's classes: its kind, the error state, and the caller's own. */
const fieldClass = (kind: string, error: string | undefined, className?: string) =>
  `${kind}${error ? ' has-error' : ''}${className ? ` ${className}` : ''}`;

function FieldFoot({ id, path, hint, error }: { id: string; path: string; hint?: string; error?: string }) {
  return (
    <>
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error" data-testid={`error-${path}`}>
          {error}
        </p>
      )}
    </>
  );
}

function Label({ id, label, optional }: { id: string; label: string; optional?: boolean }) {
  const m = useMessages();
  return (
    <label htmlFor={id}>
      {label}
      {optional && <span className="optional"> ({m('form.optional')})</span>}
    </label>
  );
}

/** A labelled control: the label on top, then the control, its hint and its error. */
function Field({
  id,
  path,
  label,
  hint,
  optional,
  className,
  error,
  children,
}: Omit<BaseProps, 'disabled'> & { id: string; error?: string; children: ReactNode }) {
  return (
    <div className={fieldClass('field', error, className)}>
      <Label id={id} label={label} optional={optional} />
      {children}
      <FieldFoot id={id} path={path} hint={hint} error={error} />
    </div>
  );
}

interface BaseProps {
  /** The API field path (e.g. `name.vi`): the server's errors for it show here. */
  path: string;
  label: string;
  hint?: string;
  optional?: boolean;
  disabled?: boolean;
  className?: string;
}

/** A labelled one-line input. */
export function TextField({
  value,
  onChange,
  type = 'text',
  maxLength,
  min,
  max,
  step,
  autoComplete,
  list,
  inputRef,
  lang,
  spellCheck,
  ...base
}: BaseProps & {
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'number' | 'date' | 'time' | 'password' | 'search';
  maxLength?: number;
  min?: number | string;
  max?: number | string;
  step?: number | string;
  autoComplete?: string;
  list?: string;
  inputRef?: Ref<HTMLInputElement>;
  lang?: string;
  spellCheck?: boolean;
}) {
  const { id, error, control } = useField(base.path, base.hint);
  return (
    <Field {...base} id={id} error={error}>
      <input
        ref={inputRef}
        {...control}
        type={type}
        value={value}
        disabled={base.disabled}
        maxLength={maxLength}
        min={min}
        max={max}
        step={step}
        list={list}
        lang={lang}
        spellCheck={spellCheck}
        inputMode={type === 'number' ? 'decimal' : undefined}
        autoComplete={autoComplete ?? 'off'}
        onChange={(e) => onChange(e.target.value)}
      />
    </Field>
  );
}

/** A labelled multi-line input. */
export function TextArea({
  value,
  onChange,
  rows = 4,
  maxLength,
  lang,
  ...base
}: BaseProps & {
  value: string;
  onChange: (value: string) => void;
  rows?: number;
  maxLength?: number;
  lang?: string;
}) {
  const { id, error, control } = useField(base.path, base.hint);
  return (
    <Field {...base} id={id} error={error}>
      <textarea
        {...control}
        rows={rows}
        value={value}
        disabled={base.disabled}
        maxLength={maxLength}
        lang={lang}
        onChange={(e) => onChange(e.target.value)}
      />
    </Field>
  );
}

/** One choice of a select. */
export interface Option {
  value: string;
  label: string;
  disabled?: boolean;
}

/** A labelled select. */
export function SelectField({
  value,
  onChange,
  options,
  ...base
}: BaseProps & { value: string; onChange: (value: string) => void; options: readonly Option[] }) {
  const { id, error, control } = useField(base.path, base.hint);
  return (
    <Field {...base} id={id} error={error}>
      <select {...control} value={value} disabled={base.disabled} onChange={(e) => onChange(e.target.value)}>
        {options.map((o) => (
          <option key={o.value} value={o.value} disabled={o.disabled}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** A labelled checkbox. */
export function CheckField({
  path,
  label,
  hint,
  disabled,
  className,
  checked,
  onChange,
}: Omit<BaseProps, 'optional'> & { checked: boolean; onChange: (checked: boolean) => void }) {
  const { id, error, control } = useField(path, hint);
  return (
    <div className={fieldClass('check-field', error, className)}>
      <input
        {...control}
        type="checkbox"
        checked={checked}
        disabled={disabled}
        onChange={(e) => onChange(e.target.checked)}
      />
      <div>
        <label htmlFor={id}>{label}</label>
        <FieldFoot id={id} path={path} hint={hint} error={error} />
      </div>
    </div>
  );
}

/** An error that belongs to a group of fields (e.g. `questions.2.values`), shown under the group. */
export function GroupError({ path }: { path: string }) {
  const { id: formId, errors } = useContext(FormContext);
  const error = errors[path];
  if (!error) return null;
  return (
    <p id={fieldId(formId, path)} className="field-error" tabIndex={-1} data-testid={`error-${path}`}>
      {error}
    </p>
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

/** A labelled file input; hands the chosen file (or null) to `onFile`. */
export function FileField({
  accept,
  onFile,
  inputRef,
  testId,
  ...base
}: Omit<BaseProps, 'optional' | 'disabled' | 'className'> & {
  accept: string;
  onFile: (file: File | null) => void;
  inputRef?: Ref<HTMLInputElement>;
  testId?: string;
}) {
  const { id, error, control } = useField(base.path, base.hint);
  return (
    <Field {...base} id={id} error={error}>
      <input
        ref={inputRef}
        {...control}
        type="file"
        accept={accept}
        data-testid={testId}
        onChange={(e) => onFile(e.target.files?.[0] ?? null)}
      />
    </Field>
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
