import { useI18n } from '../../i18n';
import { DEADLINE_STATES, deadlineColour } from './wallLook';

/** What the colours mean: deadline states and the cluster ring. */
export function WallLegend() {
  const { t } = useI18n();
  return (
    <ul className="wall-legend" aria-label={t('wall.legend')}>
      {DEADLINE_STATES.map((s) => (
        <li key={s}>
          <span className="wall-legend-dot" style={{ background: deadlineColour(s) }} aria-hidden="true" />
          {t(`deadline.${s}`)}
        </li>
      ))}
      <li>
        <span className="wall-legend-ring" aria-hidden="true" />
        {t('wall.legend.cluster')}
      </li>
    </ul>
  );
}
