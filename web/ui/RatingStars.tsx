import type { PublicReportView } from '../../shared/schemas/reports';
import './media.css';
import { formatDateTime, useI18n } from '../i18n';

/** A given rating: five stars, the score in words, and the resident's comment. */
export function RatingStars({ rating }: { rating: NonNullable<PublicReportView['rating']> }) {
  const { t, lang } = useI18n();
  return (
    <div className="rating-shown" data-testid="report-rating" data-score={rating.score}>
      <p className="rating-line">
        <span className="rating-glyphs" aria-hidden="true">
          {'★'.repeat(rating.score)}
          <span className="rating-off">{'★'.repeat(Math.max(0, 5 - rating.score))}</span>
        </span>{' '}
        <strong>{t('rating.value', { n: rating.score })}</strong>{' '}
        <time className="hint" dateTime={rating.at}>
          {formatDateTime(rating.at, lang)}
        </time>
      </p>
      {rating.comment && <p className="rating-comment">{rating.comment}</p>}
    </div>
  );
}
