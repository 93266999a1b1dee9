import type { ReportStatus } from '../../../shared/domain/statuses';
import { useI18n } from '../../i18n';

const SHOWN: readonly ReportStatus[] = ['received', 'assigned', 'in_progress', 'reopened', 'resolved', 'closed'];

/** What the marker colours mean, folded away on small screens. */
export function MapLegend() {
  const { t } = useI18n();
  return (
    <details className="map-legend">
      <summary>{t('publicMap.legend')}</summary>
      <ul>
        {SHOWN.map((s) => (
          <li key={s}>
            <span className={`legend-dot status-${s}`} aria-hidden="true" />
            {t(`status.${s}`)}
          </li>
        ))}
        <li>
          <span className="legend-cluster" aria-hidden="true">
            5
          </span>
          {t('publicMap.legend.cluster')}
        </li>
      </ul>
    </details>
  );
}
