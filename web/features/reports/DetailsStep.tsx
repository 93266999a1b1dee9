import { LIMITS } from '../../../shared/domain/limits';
import type { CategoryQuestion } from '../../../shared/schemas/categories';
import { useI18n } from '../../i18n';
import type { Draft } from './draft';
import { QuestionFields } from './QuestionFields';
import { TextField } from './TextField';

/** The private contact inputs, in order. */
const CONTACT_FIELDS = [
  { key: 'name', type: 'text', maxLength: LIMITS.contactNameMax, autoComplete: 'name' },
  { key: 'phone', type: 'tel', maxLength: LIMITS.contactPhoneMax, autoComplete: 'tel' },
  { key: 'email', type: 'email', maxLength: LIMITS.contactEmailMax, autoComplete: 'email' },
] as const satisfies readonly {
  key: keyof Draft['contact'];
  type: 'text' | 'tel' | 'email';
  maxLength: number;
  autoComplete: string;
}[];

/** Step 3: description, the category's questions, optional address (with the map) and private contact. */
export function DetailsStep({
  draft,
  questions,
  errors,
  onChange,
  onAnswer,
}: {
  draft: Draft;
  questions: readonly CategoryQuestion[];
  errors: Record<string, string>;
  onChange: (patch: Partial<Draft>) => void;
  onAnswer: (code: string, value: string | string[]) => void;
}) {
  const { t } = useI18n();
  const descError = errors.description;
  const contact = (key: keyof Draft['contact'], value: string) =>
    onChange({ contact: { ...draft.contact, [key]: value } });
  return (
    <div className="form-stack">
      <div className={`field${descError ? ' has-error' : ''}`}>
        <label htmlFor="report-description">{t('report.description')}</label>
        <textarea
          id="report-description"
          name="description"
          rows={6}
          maxLength={LIMITS.descriptionMax}
          required
          placeholder={t('report.description.placeholder')}
          value={draft.description}
          aria-invalid={descError ? true : undefined}
          aria-describedby={`report-description-count${descError ? ' err-description' : ''}`}
          onChange={(e) => onChange({ description: e.target.value })}
        />
        <div className="field-meta">
          {descError ? (
            <p id="err-description" className="field-error" role="alert" data-testid="error-description">
              {descError}
            </p>
          ) : (
            <span />
          )}
          <span id="report-description-count" className="counter">
            {t('report.description.counter', { n: draft.description.length, max: LIMITS.descriptionMax })}
          </span>
        </div>
      </div>
      <QuestionFields questions={questions} answers={draft.attributes} errors={errors} onAnswer={onAnswer} />
      {draft.locationMode === 'map' && (
        <TextField
          id="report-address"
          path="address"
          label={t('report.address')}
          optional
          value={draft.address}
          maxLength={LIMITS.addressMax}
          autoComplete="street-address"
          error={errors.address}
          onChange={(v) => onChange({ address: v })}
        />
      )}
      <fieldset className="contact-fieldset">
        <legend>
          {t('report.contact.legend')} <span className="optional">({t('common.optional')})</span>
        </legend>
        <p className="privacy-note" id="contact-note">
          <span aria-hidden="true">🔒 </span>
          {t('report.contact.note')}
        </p>
        {CONTACT_FIELDS.map(({ key, type, maxLength, autoComplete }) => (
          <TextField
            key={key}
            id={`report-contact-${key}`}
            path={`contact.${key}`}
            label={t(`report.contact.${key}`)}
            type={type}
            value={draft.contact[key]}
            maxLength={maxLength}
            autoComplete={autoComplete}
            describedBy="contact-note"
            error={errors[`contact.${key}`]}
            onChange={(v) => contact(key, v)}
          />
        ))}
      </fieldset>
    </div>
  );
}
