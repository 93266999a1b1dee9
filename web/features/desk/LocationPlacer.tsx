import { PointPicker } from './PointPicker';
import { useEffect, useEffectEvent, useState } from 'react';
import type { StaffReportDetail, StaffReportView } from '../../../shared/schemas/reports';
import { isApiError } from '../../api/http';
import { useI18n } from '../../i18n';
import { errorMessage } from '../../ui/errorMessage';
import { setReportLocation } from './locationApi';
import { usePlacementState, useSharedPlacement } from './placement';

/**
 * "Đặt vị trí trên bản đồ": the operator clicks the panel's map (or the desk's main map), checks the
 * point and confirms; the server takes it with the report's version, like any other action.
 */
export function LocationPlacer({
  report,
  located = false,
  onPlaced,
  onStale,
}: {
  report: Pick<StaffReportDetail, 'id' | 'version' | 'area' | 'address'>;
  /** The report has a point now (just placed): only the outcome line is left to show. */
  located?: boolean;
  onPlaced: (updated: StaffReportView) => void;
  onStale: () => void;
}) {
  const { t } = useI18n();
  const shared = useSharedPlacement();
  const own = usePlacementState();
  const placement = shared ?? own;
  const active = placement.reportId === report.id;
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'success' | 'warning' | 'error'; text: string } | null>(null);

  // Leaving the panel (another report, closed) ends the placing mode on the main map too.
  const stopIfMine = useEffectEvent(() => {
    if (placement.reportId === report.id) placement.stop();
  });
  useEffect(() => () => stopIfMine(), []);

  const confirm = async () => {
    if (!placement.point) return;
    const [lat, lng] = placement.point;
    setBusy(true);
    setMessage(null);
    try {
      const updated = await setReportLocation(report.id, { lat, lng, version: report.version });
      placement.stop();
      setMessage({ kind: 'success', text: t('location.done') });
      onPlaced(updated);
    } catch (err) {
      if (isApiError(err, 'version_conflict')) {
        setMessage({ kind: 'warning', text: t('action.conflict') });
        onStale();
      } else {
        setMessage({ kind: 'error', text: errorMessage(err, t) });
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="location-placer" data-testid="location-placer" aria-labelledby={`placer-${report.id}`}>
      <h3 id={`placer-${report.id}`} className="section-title">
        {t('track.location')}
      </h3>
      {located ? null : !active ? (
        <button
          type="button"
          className="btn btn-primary"
          data-testid="place-location"
          onClick={() => {
            setMessage(null);
            placement.start(report.id);
          }}
        >
          <span aria-hidden="true">📍</span> {t('location.place')}
        </button>
      ) : (
        <div className="placer-body">
          <p className="hint" id={`placer-hint-${report.id}`}>
            {t('location.hint')}
          </p>
          <PointPicker
            point={placement.point}
            areaCode={report.area?.code}
            onPick={placement.pick}
            emptyText={t('location.none')}
            centerTestId="place-at-center"
            readoutTestId="placed-point"
          />
          <div className="form-actions">
            <button type="button" className="btn btn-secondary" disabled={busy} onClick={placement.stop}>
              {t('common.cancel')}
            </button>
            <button
              type="button"
              className="btn btn-primary"
              disabled={busy || !placement.point}
              data-testid="confirm-location"
              onClick={() => void confirm()}
            >
              {t('location.confirm')}
            </button>
          </div>
        </div>
      )}
      {message && (
        <p
          className={`notice notice-${message.kind}`}
          role={message.kind === 'success' ? 'status' : 'alert'}
          data-testid="location-message"
        >
          {message.text}
        </p>
      )}
    </section>
  );
}
