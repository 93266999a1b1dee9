import { useMemo, useState, type FormEvent } from 'react';
import { LIMITS } from '../../../shared/domain/limits';
import type { CreateReportResult } from '../../../shared/schemas/reports';
import { publicApi } from '../../api/endpoints';
import { isApiError } from '../../api/http';
import { useCategories } from '../../api/reference';
import { useI18n } from '../../i18n';
import { errorMessage } from '../../ui/errorMessage';
import { fieldErrorMap } from '../reports/fieldMessages';
import { newIdempotencyKey } from '../reports/draft';
import { QuestionFields } from '../reports/QuestionFields';
import { sortedQuestions } from '../reports/questions';
import { CallerLocation } from './CallerLocation';
import { callerBody, EMPTY_CALLER, validateCaller, type CallerChannel, type CallerDraft } from './callerReport';

/**
 * "Tiếp nhận hộ": an operator files a report for a caller on the hotline or at the counter, with the
 * same fields as the resident form; the report records the channel and the operator who filed it.
 */
export function CallerReportForm({ onFiled, onClose }: { onFiled: (id: number) => void; onClose: () => void }) {
  const { t, name } = useI18n();
  const categories = useCategories();
  const [draft, setDraft] = useState<CallerDraft>(EMPTY_CALLER);
  const [key, setKey] = useState(newIdempotencyKey);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [filed, setFiled] = useState<CreateReportResult | null>(null);
  const category = categories.data?.find((c) => c.code === draft.categoryCode);
  const questions = useMemo(() => sortedQuestions(category?.questions ?? []), [category]);
  const change = (patch: Partial<CallerDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const local = validateCaller(draft, questions, t);
    setErrors(local);
    setFailure(null);
    if (Object.keys(local).length) return setFailure(t('report.fixErrors'));
    setBusy(true);
    try {
      const result = await publicApi.createReport(callerBody(draft, questions), key);
      setFiled(result);
      setDraft({ ...EMPTY_CALLER, channel: draft.channel });
      setKey(newIdempotencyKey());
    } catch (err) {
      if (isApiError(err, 'validation_failed')) setErrors(fieldErrorMap(err.fieldErrors, t));
      setFailure(isApiError(err, 'validation_failed') ? t('report.fixErrors') : errorMessage(err, t));
    } finally {
      setBusy(false);
    }
  };
  const err = (path: string) =>
    errors[path] ? (
      <p className="field-error" role="alert" data-testid={`error-${path}`}>
        {errors[path]}
      </p>
    ) : null;

  return (
    <aside className="report-panel caller-panel" aria-labelledby="caller-title" data-testid="caller-form">
      <header className="panel-head">
        <h2 id="caller-title">{t('caller.title')}</h2>
        <button
          type="button"
          className="btn btn-icon"
          onClick={onClose}
          aria-label={t('detail.close')}
          title={t('detail.close')}
        >
          ✕
        </button>
      </header>
      <form className="panel-body form-stack" onSubmit={(e) => void submit(e)} noValidate>
        {filed && (
          <div className="notice notice-success" role="status" data-testid="caller-filed">
            <span>
              {t('caller.filed')} <code data-testid="tracking-code">{filed.trackingCode}</code>
            </span>
            <button type="button" className="btn btn-small" onClick={() => onFiled(filed.id)}>
              {t('caller.open')}
            </button>
          </div>
        )}
        <fieldset>
          <legend>{t('detail.channel')}</legend>
          <div className="radio-row">
            {(['hotline', 'walk_in'] as CallerChannel[]).map((c) => (
              <label key={c}>
                <input
                  type="radio"
                  name="caller-channel"
                  checked={draft.channel === c}
                  onChange={() => change({ channel: c })}
                />{' '}
                {t(`channel.${c}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="field">
          <label htmlFor="caller-category">{t('track.category')}</label>
          <select
            id="caller-category"
            value={draft.categoryCode}
            data-testid="caller-category"
            onChange={(e) => change({ categoryCode: e.target.value, answers: {} })}
          >
            <option value="">{t('caller.category.choose')}</option>
            {categories.data?.map((c) => (
              <option key={c.code} value={c.code}>
                {name(c.name)}
              </option>
            ))}
          </select>
          {err('categoryCode')}
        </div>
        <CallerLocation draft={draft} errors={errors} onChange={change} />
        <QuestionFields
          questions={questions}
          answers={draft.answers}
          errors={errors}
          onAnswer={(code, value) => change({ answers: { ...draft.answers, [code]: value } })}
        />
        <div className="field">
          <label htmlFor="caller-description">{t('report.description')}</label>
          <textarea
            id="caller-description"
            rows={4}
            maxLength={LIMITS.descriptionMax}
            value={draft.description}
            data-testid="caller-description"
            onChange={(e) => change({ description: e.target.value })}
          />
          {err('description')}
        </div>
        <div className="field">
          <label htmlFor="caller-name">{t('caller.name')}</label>
          <input
            id="caller-name"
            autoComplete="off"
            maxLength={LIMITS.contactNameMax}
            value={draft.name}
            onChange={(e) => change({ name: e.target.value })}
          />
          {err('contact.name')}
        </div>
        <div className="field">
          <label htmlFor="caller-phone">{t('caller.phone')}</label>
          <input
            id="caller-phone"
            type="tel"
            autoComplete="off"
            maxLength={LIMITS.contactPhoneMax}
            value={draft.phone}
            onChange={(e) => change({ phone: e.target.value })}
          />
          {err('contact.phone')}
        </div>
        {failure && (
          <p className="notice notice-error" role="alert" data-testid="caller-error">
            {failure}
          </p>
        )}
        <div className="form-actions">
          <button type="button" className="btn btn-secondary" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy} data-testid="caller-submit">
            {busy ? t('report.submitting') : t('caller.submit')}
          </button>
        </div>
      </form>
    </aside>
  );
}
