import { useI18n } from '../../i18n';

/** A labelled one-line input with its error right under it (linked by aria-describedby). */
export function TextField({
  id,
  path,
  label,
  value,
  onChange,
  error,
  optional,
  type = 'text',
  maxLength,
  autoComplete,
  describedBy,
}: {
  id: string;
  /** The API field path, so server errors land here. */
  path: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  optional?: boolean;
  type?: 'text' | 'tel' | 'email';
  maxLength?: number;
  autoComplete?: string;
  describedBy?: string;
}) {
  const { t } = useI18n();
  const errId = `err-${path.replace(/\./g, '-')}`;
  const describe = [describedBy, error ? errId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>
        {label}
        {optional && <span className="optional"> ({t('common.optional')})</span>}
      </label>
      <input
        id={id}
        name={path}
        type={type}
        value={value}
        maxLength={maxLength}
        autoComplete={autoComplete}
        inputMode={type === 'tel' ? 'tel' : type === 'email' ? 'email' : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describe}
        onChange={(e) => onChange(e.target.value)}
      />
      {error && (
        <p id={errId} className="field-error" role="alert" data-testid={`error-${path}`}>
          {error}
        </p>
      )}
    </div>
  );
}
