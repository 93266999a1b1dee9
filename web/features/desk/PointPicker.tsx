import { lazy, Suspense, useState } from 'react';
import { useI18n } from '../../i18n';
import { Loading } from '../../ui/Feedback';
import { formatCoord } from '../map/geo';
import type { Point } from './placement';

const PlacerMap = lazy(() => import('./PlacerMap'));

/**
 * Picks a point for a report: tap the map, or (keyboard and screen-reader friendly) pan it and take
 * its centre. Used to place a report, to correct one, and to file one for a caller.
 */
export function PointPicker({
  point,
  shown = point,
  areaCode,
  onPick,
  emptyText,
  centerTestId,
  readoutTestId,
}: {
  /** The point chosen so far. */
  point: Point | null;
  /** What the map shows (defaults to `point`; a correction shows the report's current point). */
  shown?: Point | null;
  areaCode?: string;
  onPick: (point: Point) => void;
  /** The readout when nothing is chosen. */
  emptyText: string;
  centerTestId?: string;
  readoutTestId: string;
}) {
  const { t } = useI18n();
  const [readCenter, setReadCenter] = useState<(() => Point) | null>(null);
  return (
    <>
      <div className="placer-map">
        <Suspense fallback={<Loading />}>
          <PlacerMap
            point={shown}
            areaCode={areaCode}
            label={t('location.mapLabel')}
            onPick={onPick}
            onCenter={(read) => setReadCenter(() => read)}
          />
        </Suspense>
        <span className="placer-cross" aria-hidden="true" />
      </div>
      <div className="placer-row">
        <button
          type="button"
          className="btn btn-small btn-secondary"
          disabled={!readCenter}
          data-testid={centerTestId}
          onClick={() => readCenter && onPick(readCenter())}
        >
          {t('location.useCenter')}
        </button>
        <p className="placer-readout" aria-live="polite" data-testid={readoutTestId}>
          {point ? t('location.picked', { lat: formatCoord(point[0]), lng: formatCoord(point[1]) }) : emptyText}
        </p>
      </div>
    </>
  );
}
