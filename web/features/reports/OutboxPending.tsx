import { useEffect, useRef } from 'react';
import type { CategoryDto } from '../../../shared/schemas/categories';
import { formatDateTime, useI18n } from '../../i18n';
import { Fact } from '../../ui/Fact';
import { formatCoord } from '../map/geo';
import type { OutboxItem } from './outbox/machine';
import type { WardOption } from './catalog';

const excerpt = (text: string, max = 200) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

/**
 * A submission stored on the device that has not gone through yet. The first attempt reads as
 * "sending"; once one failed, the resident is told plainly that it will go by itself when there is a
 * network, and may push it or take it back to edit.
 */
export function OutboxPending({
  item,
  categories,
  wards,
  onSendNow,
  onEdit,
}: {
  item: OutboxItem;
  categories: readonly CategoryDto[] | undefined;
  wards: readonly WardOption[] | undefined;
  onSendNow: () => void;
  onEdit: () => void;
}) {
  const { t, name, lang } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  const { input, photos } = item.payload;
  const state = item.state.status === 'queued' || item.state.status === 'sending' ? item.state : null;
  const waiting = state !== null && (state.lastError !== null || (state.status === 'queued' && state.attempts > 0));
  const sending = state?.status === 'sending';
  const category = categories?.find((c) => c.code === input.categoryCode);
  const ward = wards?.find((w) => w.code === input.areaCode);

  useEffect(() => {
    if (waiting) heading.current?.focus();
  }, [waiting]);

  const place =
    input.lat !== undefined && input.lng !== undefined
      ? [input.address, `${formatCoord(input.lat)}, ${formatCoord(input.lng)}`].filter(Boolean).join(' · ')
      : [input.address, ward?.name ?? input.areaCode].filter(Boolean).join(', ');

  return (
    <section
      className={`card outbox-card${waiting ? ' waiting' : ''}`}
      aria-labelledby="outbox-title"
      data-testid="outbox-pending"
      data-state={waiting ? 'waiting' : 'sending'}
    >
      <h2 id="outbox-title" ref={heading} tabIndex={-1}>
        {waiting ? t('offline.waiting.title') : t('report.submitting')}
      </h2>
      <p className={`notice ${waiting ? 'notice-warning' : 'notice-info'}`} role="status" aria-live="polite">
        <span>
          {waiting ? t('offline.waiting') : t('offline.sendingFirst')}
          {waiting && sending && <> {t('offline.retrying')}</>}
        </span>
      </p>
      <dl className="facts outbox-summary" data-testid="outbox-summary">
        <Fact label={t('report.category.chosen')}>{category ? name(category.name) : input.categoryCode}</Fact>
        <Fact label={t('offline.summary.place')}>{place || '—'}</Fact>
        <Fact label={t('report.description')}>{excerpt(input.description)}</Fact>
        {photos.length > 0 && (
          <Fact label={t('report.photos.title')}>{t('offline.summary.photos', { n: photos.length })}</Fact>
        )}
        <Fact label={t('offline.summary.savedAt')}>{formatDateTime(new Date(item.createdAt).toISOString(), lang)}</Fact>
      </dl>
      {waiting && state && state.attempts > 0 && (
        <p className="hint" data-testid="outbox-attempts">
          {t('offline.attempts', { n: state.attempts })}
        </p>
      )}
      {waiting && (
        <div className="form-actions">
          <button
            type="button"
            className="btn btn-primary btn-large"
            onClick={onSendNow}
            disabled={sending}
            data-testid="outbox-send-now"
          >
            {sending ? t('report.submitting') : t('offline.sendNow')}
          </button>
          <button
            type="button"
            className="btn btn-secondary btn-large"
            onClick={onEdit}
            disabled={sending}
            data-testid="outbox-edit"
          >
            {t('offline.edit')}
          </button>
        </div>
      )}
      <p className="draft-note">{t('offline.kept')}</p>
    </section>
  );
}
