import { useContext, type ReactNode, type Ref } from 'react';
import { FormContext, fieldId } from './form';
import { useMessages } from './messages';

// The admin forms' fields: label, hint, error and ARIA wiring from the form's context.

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
