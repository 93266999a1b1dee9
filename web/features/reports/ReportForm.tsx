import { useEffect, useRef, type FormEvent } from 'react';
import { useI18n, type MessageKey } from '../../i18n';
import { ErrorNotice, Loading } from '../../ui/Feedback';
import { cachedWards, useReportCategories } from './catalog';
import { iconEmoji } from './categoryIcons';
import { CategoryStep } from './CategoryStep';
import { DetailsStep } from './DetailsStep';
import { LocationStep } from './LocationStep';
import { NearbyPanel } from './NearbyPanel';
import { OutboxPending } from './OutboxPending';
import { PhotoPicker } from './PhotoPicker';
import { ReportSuccess } from './ReportSuccess';
import { useReportForm } from './useReportForm';
import './report-form.css';

const STEP_TITLES: Record<1 | 2 | 3, MessageKey> = { 1: 'report.step1', 2: 'report.step2', 3: 'report.step3' };

/** The resident's three-step report form: category, location and photos, description. */
export function ReportForm() {
  const { t, name } = useI18n();
  const categories = useReportCategories();
  const form = useReportForm(categories.data);
  const { draft, errors, category, photos, nearby } = form;
  const heading = useRef<HTMLHeadingElement>(null);
  const honeypot = useRef<HTMLInputElement>(null);
  const showingNearby = draft.step === 2 && nearby.items !== null;
  const view = `${draft.step}:${showingNearby}`;
  const shownView = useRef(view);

  // Move focus to the new step's heading so screen readers and keyboards follow along.
  useEffect(() => {
    if (shownView.current === view) return;
    shownView.current = view;
    heading.current?.focus();
  }, [view]);

  if (form.result) return <ReportSuccess result={form.result} onNew={form.startOver} />;
  if (form.pending) {
    return (
      <OutboxPending
        item={form.pending}
        categories={categories.data}
        wards={cachedWards()}
        onSendNow={form.sendNow}
        onEdit={() => void form.editPending()}
      />
    );
  }

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (showingNearby) return;
    if (draft.step < 3) void form.next();
    else void form.submit(honeypot.current?.value ?? '');
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
        {showingNearby ? t('report.nearby.title') : t(STEP_TITLES[draft.step])}
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
      {showingNearby && nearby.items && (
        <NearbyPanel
          items={nearby.items}
          following={nearby.following}
          error={nearby.followError}
          onFollow={(code) => void form.follow(code)}
          onContinue={form.notADuplicate}
        />
      )}
      {draft.step === 2 && !showingNearby && (
        <>
          <LocationStep
            draft={draft}
            errors={errors}
            onPoint={form.setPoint}
            onMode={form.setLocationMode}
            onChange={form.update}
          />
          <PhotoPicker
            photos={draft.photos}
            blobs={photos.blobs}
            busy={photos.busy}
            pickError={photos.pickError}
            errors={errors}
            offer={photos.offer}
            onAdd={(files) => void photos.add(files)}
            onRemove={photos.remove}
            onAcceptOffer={photos.acceptOffer}
            onIgnoreOffer={photos.ignoreOffer}
          />
        </>
      )}
      {draft.step === 3 && (
        <DetailsStep
          draft={draft}
          questions={form.questions}
          errors={errors}
          onChange={form.update}
          onAnswer={form.setAnswer}
        />
      )}

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
            onClick={() => form.goTo(showingNearby ? 2 : ((draft.step - 1) as 1 | 2))}
            disabled={form.busy}
          >
            {t('common.back')}
          </button>
        )}
        {draft.step === 2 && !showingNearby && (
          <button type="submit" className="btn btn-primary btn-large" disabled={nearby.checking}>
            {nearby.checking ? t('report.nearby.checking') : t('common.next')}
          </button>
        )}
        {draft.step === 3 && (
          <button type="submit" className="btn btn-primary btn-large" disabled={form.busy || photos.busy}>
            {form.busy ? t('report.submitting') : t('report.submit')}
          </button>
        )}
      </div>
      <p className="draft-note">{t('report.draftNote')}</p>
      {/* A honeypot: hidden from people and screen readers, filled only by bots. */}
      <div className="hp-field" aria-hidden="true">
        <label>
          Website
          <input ref={honeypot} name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
        </label>
      </div>
    </form>
  );
}
