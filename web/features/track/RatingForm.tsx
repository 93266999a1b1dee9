import { useId, useState, type FormEvent } from 'react';
import { LIMITS } from '../../../shared/domain/limits';
import type { PublicReportView } from '../../../shared/schemas/reports';
import { useI18n, type MessageKey } from '../../i18n';
import { residentApi } from './residentApi';
import { ResidentMessageLine } from './ResidentMessageLine';
import { useResidentSubmit } from './useResidentSubmit';

const SCORES = [1, 2, 3, 4, 5] as const;

/**
 * 1-5 stars and an optional comment. The stars are native radio buttons (arrow keys move between
 * them, each has a spoken label), drawn as stars.
 */
export function RatingForm({
  code,
  token,
  onUpdated,
  onSubmitting,
}: {
  code: string;
  token: string;
  onUpdated?: (report: PublicReportView) => void;
  /** Called as the rating is sent (the page keeps the form's outcome on screen). */
  onSubmitting?: () => void;
}) {
  const { t } = useI18n();
  const uid = useId();
  const [score, setScore] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  const [done, setDone] = useState(false);
  const send = useResidentSubmit(onUpdated);
  const scoreError = missing ? t('rating.required') : send.fieldErrors.score;
  const label = (n: number) => t(`rating.star.${n}` as MessageKey);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (score === null || score < 1 || score > 5) {
      setMissing(true);
      return;
    }
    setMissing(false);
    onSubmitting?.();
    const ok = await send.submit(() => residentApi.rate(code, token, score, comment.trim()), t('rating.sent'));
    if (ok) setDone(true);
  };

  if (done || send.message?.code === 'already_rated') {
    return (
      <section className="card resident-card" aria-labelledby={`${uid}-title`}>
        <h2 id={`${uid}-title`} className="section-title">
          {t('rating.title')}
        </h2>
        <ResidentMessageLine message={send.message} testId="rating-message" />
      </section>
    );
  }

  return (
    <section className="card resident-card" aria-labelledby={`${uid}-title`}>
      <h2 id={`${uid}-title`} className="section-title">
        {t('rating.title')}
      </h2>
      <form className="form-stack" onSubmit={submit} noValidate data-testid="rating-form">
        <fieldset
          className={`rating-stars${scoreError ? ' has-error' : ''}`}
          aria-describedby={scoreError ? `${uid}-score-err` : undefined}
        >
          <legend>{t('rating.legend')}</legend>
          <div className="stars">
            {SCORES.map((n) => (
              <label key={n} className={score !== null && n <= score ? 'star star-on' : 'star'}>
                <input
                  type="radio"
                  name={`${uid}-score`}
                  value={n}
                  checked={score === n}
                  className="star-input"
                  data-testid={`rating-${n}`}
                  onChange={() => {
                    setScore(n);
                    setMissing(false);
                  }}
                />
                <span className="star-glyph" aria-hidden="true">
                  ★
                </span>
                <span className="sr-only">{label(n)}</span>
              </label>
            ))}
          </div>
          <p className="star-choice" aria-hidden="true">
            {score !== null ? label(score) : '\u00a0'}
          </p>
          {scoreError && (
            <p id={`${uid}-score-err`} className="field-error" role="alert" data-testid="rating-error">
              {scoreError}
            </p>
          )}
        </fieldset>
        <div className={`field${send.fieldErrors.comment ? ' has-error' : ''}`}>
          <label htmlFor={`${uid}-comment`}>
            {t('rating.comment')} <span className="optional">({t('common.optional')})</span>
          </label>
          <textarea
            id={`${uid}-comment`}
            rows={3}
            maxLength={LIMITS.ratingCommentMax}
            value={comment}
            aria-invalid={send.fieldErrors.comment ? true : undefined}
            onChange={(e) => setComment(e.target.value)}
          />
          {send.fieldErrors.comment && <p className="field-error">{send.fieldErrors.comment}</p>}
        </div>
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={send.busy} data-testid="rating-submit">
            {send.busy ? t('resident.sending') : t('rating.submit')}
          </button>
        </div>
        <ResidentMessageLine message={send.message} testId="rating-message" />
      </form>
    </section>
  );
}
