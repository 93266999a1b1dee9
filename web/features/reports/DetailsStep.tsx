import { LIMITS } from '../../../shared/domain/limits';
import { useI18n } from '../../i18n';
import type { Draft } from './draft';
import { TextField } from './TextField';

/** Step 3: description, optional address and private contact. */
export function DetailsStep({
  draft,
  errors,
  onChange,
}: {
  draft: Draft;
  errors: Record<string, string>;
  onChange: (patch: Partial<Draft>) => void;
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
      <fieldset className="contact-fieldset">
        <legend>
          {t('report.contact.legend')} <span className="optional">({t('common.optional')})</span>
        </legend>
        <p className="privacy-note" id="contact-note">
          <span aria-hidden="true">🔒 </span>
          {t('report.contact.note')}
        </p>
        <TextField
          id="report-contact-name"
          path="contact.name"
          label={t('report.contact.name')}
          value={draft.contact.name}
          maxLength={LIMITS.contactNameMax}
          autoComplete="name"
          describedBy="contact-note"
          error={errors['contact.name']}
          onChange={(v) => contact('name', v)}
        />
        <TextField
          id="report-contact-phone"
          path="contact.phone"
          label={t('report.contact.phone')}
          type="tel"
          value={draft.contact.phone}
          maxLength={LIMITS.contactPhoneMax}
          autoComplete="tel"
          describedBy="contact-note"
          error={errors['contact.phone']}
          onChange={(v) => contact('phone', v)}
        />
        <TextField
          id="report-contact-email"
          path="contact.email"
          label={t('report.contact.email')}
          type="email"
          value={draft.contact.email}
          maxLength={LIMITS.contactEmailMax}
          autoComplete="email"
          describedBy="contact-note"
          error={errors['contact.email']}
          onChange={(v) => contact('email', v)}
        />
      </fieldset>
    </div>
  );
}
