import { LIMITS } from '../../../shared/domain/limits';
import type { CategoryQuestion } from '../../../shared/schemas/categories';
import { useI18n } from '../../i18n';
import type { Answers } from './questions';

/** Lists longer than this become a select instead of radio buttons. */
const RADIO_MAX = 6;

function ErrorLine({ path, error }: { path: string; error?: string }) {
  if (!error) return null;
  return (
    <p id={`err-${path.replace(/\./g, '-')}`} className="field-error" role="alert" data-testid={`error-${path}`}>
      {error}
    </p>
  );
}

/** One extra question of the category, as the input its datatype calls for. */
function Question({
  q,
  value,
  error,
  onChange,
}: {
  q: CategoryQuestion;
  value: string | string[] | undefined;
  error?: string;
  onChange: (value: string | string[]) => void;
}) {
  const { t, name } = useI18n();
  const path = `attributes.${q.code}`;
  const id = `q-${q.code}`;
  const hintId = q.hint ? `${id}-hint` : null;
  const describedBy = [hintId, error ? `err-attributes-${q.code}` : null].filter(Boolean).join(' ') || undefined;
  const label = (
    <>
      {name(q.label)}
      {!q.required && <span className="optional"> ({t('common.optional')})</span>}
    </>
  );
  const hint = q.hint && (
    <p className="hint field-hint" id={hintId ?? undefined}>
      {name(q.hint)}
    </p>
  );
  const text = typeof value === 'string' ? value : '';
  const list = Array.isArray(value) ? value : [];
  const values = q.values ?? [];
  const common = {
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
    'aria-required': q.required || undefined,
  } as const;

  if (q.datatype === 'multivaluelist' || (q.datatype === 'singlevaluelist' && values.length <= RADIO_MAX)) {
    const multi = q.datatype === 'multivaluelist';
    return (
      <fieldset
        className={`question-choices${error ? ' has-error' : ''}`}
        data-question={q.code}
        aria-describedby={describedBy}
      >
        <legend>{label}</legend>
        {hint}
        {values.map((v) => (
          <label key={v.key} className="choice">
            <input
              type={multi ? 'checkbox' : 'radio'}
              name={path}
              value={v.key}
              checked={multi ? list.includes(v.key) : text === v.key}
              required={!multi && q.required}
              aria-invalid={error ? true : undefined}
              onChange={(e) =>
                onChange(multi ? (e.target.checked ? [...list, v.key] : list.filter((k) => k !== v.key)) : v.key)
              }
            />
            <span>{name(v.name)}</span>
          </label>
        ))}
        <ErrorLine path={path} error={error} />
      </fieldset>
    );
  }

  return (
    <div className={`field${error ? ' has-error' : ''}`} data-question={q.code}>
      <label htmlFor={id}>{label}</label>
      {hint}
      {q.datatype === 'singlevaluelist' ? (
        <select id={id} name={path} value={text} onChange={(e) => onChange(e.target.value)} {...common}>
          <option value="">{t('report.question.select')}</option>
          {values.map((v) => (
            <option key={v.key} value={v.key}>
              {name(v.name)}
            </option>
          ))}
        </select>
      ) : q.datatype === 'text' ? (
        <textarea
          id={id}
          name={path}
          rows={3}
          maxLength={LIMITS.attributeValueMax}
          value={text}
          onChange={(e) => onChange(e.target.value)}
          {...common}
        />
      ) : (
        <input
          id={id}
          name={path}
          type={q.datatype === 'datetime' ? 'datetime-local' : 'text'}
          inputMode={q.datatype === 'number' ? 'decimal' : undefined}
          maxLength={LIMITS.attributeValueMax}
          value={text}
          onChange={(e) => onChange(e.target.value)}
          {...common}
        />
      )}
      <ErrorLine path={path} error={error} />
    </div>
  );
}

/** The category's extra questions (Open311 attributes), in its order, with the server's errors on them. */
export function QuestionFields({
  questions,
  answers,
  errors,
  onAnswer,
}: {
  questions: readonly CategoryQuestion[];
  answers: Answers;
  errors: Record<string, string>;
  onAnswer: (code: string, value: string | string[]) => void;
}) {
  if (!questions.length) return null;
  return (
    <div className="questions form-stack" data-testid="category-questions">
      {questions.map((q) => (
        <Question
          key={q.code}
          q={q}
          value={answers[q.code]}
          error={errors[`attributes.${q.code}`]}
          onChange={(v) => onAnswer(q.code, v)}
        />
      ))}
    </div>
  );
}
