import { useEffect, useRef, type FormEvent } from 'react';
import { useCategories } from '../../api/reference';
import { useI18n, type MessageKey } from '../../i18n';
import { ErrorNotice, Loading } from '../../ui/Feedback';
import { iconEmoji } from './categoryIcons';
import { CategoryStep } from './CategoryStep';
import { DetailsStep } from './DetailsStep';
import { LocationStep } from './LocationStep';
import { ReportSuccess } from './ReportSuccess';
import { useReportForm } from './useReportForm';
import './report-form.css';

const STEP_TITLES: Record<1 | 2 | 3, MessageKey> = { 1: 'report.step1', 2: 'report.step2', 3: 'report.step3' };

/** The resident's three-step report form: category, location, description. */
export function ReportForm() {
  const { t, name } = useI18n();
  const categories = useCategories();
  const form = useReportForm();
  const { draft, errors } = form;
  const heading = useRef<HTMLHeadingElement>(null);
  const shownStep = useRef(draft.step);

  // Move focus to the new step's heading so screen readers and keyboards follow along.
  useEffect(() => {
    if (shownStep.current === draft.step) return;
    shownStep.current = draft.step;
    heading.current?.focus();
  }, [draft.step]);

  if (form.result) return <ReportSuccess result={form.result} onNew={form.startOver} />;

  const category = categories.data?.find((c) => c.code === draft.categoryCode);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (draft.step < 3) form.next();
    else void form.submit();
  };

  return (
    <form className="card report-form" onSubmit={onSubmit} noValidate aria-busy={form.busy} data-testid="report-form">
      <ol className="stepper">
        {([1, 2, 3] as const).map((s) => (
          <li
            key={s}
            className={s === draft.step ? 'current' : s < draft.step ? 'done' : undefined}
            aria-current={s === draft.step ? 'step' : undefined}
          >
            <button type="button" disabled={s > draft.step || form.busy} onClick={() => form.goTo(s)}>
              <span className="stepper-n">{s}</span>
              <span className="stepper-label">{t(STEP_TITLES[s])}</span>
            </button>
          </li>
        ))}
      </ol>
      <p className="step-count">{t('report.step', { n: draft.step })}</p>
      <h2 ref={heading} tabIndex={-1}>
        {t(STEP_TITLES[draft.step])}
      </h2>

      {draft.step > 1 && category && (
        <p className="chosen">
          <span aria-hidden="true">{iconEmoji(category.icon)} </span>
          <span>
            {t('report.category.chosen')}: <strong>{name(category.name)}</strong>
          </span>
          <button type="button" className="link-button" onClick={() => form.goTo(1)}>
            {t('common.change')}
          </button>
        </p>
      )}

      {draft.step === 1 &&
        (categories.data ? (
          <CategoryStep
            categories={categories.data}
            value={draft.categoryCode}
            error={errors.categoryCode}
            onChoose={(code) => {
              form.update({ categoryCode: code });
              form.goTo(2);
            }}
          />
        ) : categories.error ? (
          <ErrorNotice error={categories.error} onRetry={categories.reload} />
        ) : (
          <Loading />
        ))}
      {draft.step === 2 && (
        <LocationStep
          lat={draft.lat}
          lng={draft.lng}
          error={errors.lat ?? errors.lng}
          onChange={(lat, lng) => form.update({ lat, lng })}
        />
      )}
      {draft.step === 3 && <DetailsStep draft={draft} errors={errors} onChange={form.update} />}

      {form.formError && (
        <p className="notice notice-error" role="alert" data-testid="form-error">
          {form.formError}
        </p>
      )}
      <div className="form-actions">
        {draft.step > 1 && (
          <button
            type="button"
            className="btn btn-secondary btn-large"
            onClick={() => form.goTo((draft.step - 1) as 1 | 2)}
            disabled={form.busy}
          >
            {t('common.back')}
          </button>
        )}
        {draft.step === 2 && (
          <button type="submit" className="btn btn-primary btn-large">
            {t('common.next')}
          </button>
        )}
        {draft.step === 3 && (
          <button type="submit" className="btn btn-primary btn-large" disabled={form.busy}>
            {form.busy ? t('report.submitting') : t('report.submit')}
          </button>
        )}
      </div>
      <p className="draft-note">{t('report.draftNote')}</p>
    </form>
  );
}
