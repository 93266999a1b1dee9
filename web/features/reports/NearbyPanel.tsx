import type { NearbyReport } from '../../../shared/schemas/reports';
import { formatDate, useI18n } from '../../i18n';
import { ErrorNotice } from '../../ui/Feedback';
import { StatusBadge } from '../../ui/StatusBadge';

const excerpt = (text: string, max = 160) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

/** "Maybe this was already reported": nearby open reports of the category, to follow instead of filing. */
export function NearbyPanel({
  items,
  following,
  error,
  onFollow,
  onContinue,
}: {
  items: readonly NearbyReport[];
  following: string | null;
  error: unknown;
  onFollow: (trackingCode: string) => void;
  onContinue: () => void;
}) {
  const { t, lang } = useI18n();
  return (
    <div className="nearby-panel" data-testid="nearby-panel">
      <p className="hint">{t('report.nearby.intro', { n: items.length })}</p>
      <ul className="nearby-list">
        {items.map((r) => {
          const descId = `nearby-${r.trackingCode}`;
          return (
            <li
              key={r.trackingCode}
              className="nearby-item"
              data-testid="nearby-report"
              data-tracking-code={r.trackingCode}
            >
              {r.thumbUrl && <img className="nearby-thumb" src={r.thumbUrl} alt="" loading="lazy" />}
              <div className="nearby-body">
                <p className="nearby-desc" id={descId}>
                  {excerpt(r.description)}
                </p>
                <p className="nearby-meta">
                  <StatusBadge status={r.status} />
                  <span>{t('report.nearby.distance', { m: Math.max(1, Math.round(r.distanceM)) })}</span>
                  <span>{t('report.nearby.reporters', { n: r.reporterCount })}</span>
                  <span>{formatDate(r.createdAt, lang)}</span>
                </p>
                <button
                  type="button"
                  className="btn btn-primary"
                  data-testid="nearby-follow"
                  aria-describedby={descId}
                  disabled={following !== null}
                  onClick={() => onFollow(r.trackingCode)}
                >
                  {following === r.trackingCode ? t('report.nearby.following') : t('report.nearby.follow')}
                </button>
              </div>
            </li>
          );
        })}
      </ul>
      {error !== null && error !== undefined && <ErrorNotice error={error} />}
      <button
        type="button"
        className="btn btn-secondary btn-large btn-block"
        data-testid="nearby-continue"
        disabled={following !== null}
        onClick={onContinue}
      >
        {t('report.nearby.different')}
      </button>
    </div>
  );
}
