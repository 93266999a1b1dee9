import { PointPicker } from './PointPicker';
import { useEffect, useEffectEvent, useId, useState, type FormEvent } from 'react';
import type { StaffReportView } from '../../../shared/schemas/reports';
import { useCategories } from '../../api/reference';
import { useI18n } from '../../i18n';
import { hasLocation } from './location';
import { usePlacementState, useSharedPlacement } from './placement';

/** What a correction sends besides the version. */
export interface CorrectionChange {
  categoryCode?: string;
  lat?: number;
  lng?: number;
}

/**
 * Corrects the category and/or the point. The point is chosen like placing a report (the panel's map
 * or the desk's main map); routing and the deadline are worked out again by the server.
 */
export function CorrectionForm({
  report,
  busy,
  serverErrors,
  onSubmit,
  onCancel,
}: {
  report: Pick<StaffReportView, 'id' | 'category' | 'lat' | 'lng' | 'area'>;
  busy: boolean;
  serverErrors: Record<string, string>;
  onSubmit: (change: CorrectionChange) => void;
  onCancel: () => void;
}) {
  const { t, name } = useI18n();
  const uid = useId();
  const categories = useCategories();
  const shared = useSharedPlacement();
  const own = usePlacementState();
  const placement = shared ?? own;
  const moving = placement.reportId === report.id;
  const [category, setCategory] = useState(report.category.code);
  const [error, setError] = useState<string | null>(null);

  // Closing the form ends the choosing of a point on the main map too.
  const stopIfMine = useEffectEvent(() => {
    if (placement.reportId === report.id) placement.stop();
  });
  useEffect(() => () => stopIfMine(), []);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const change: CorrectionChange = {};
    if (category !== report.category.code) change.categoryCode = category;
    if (moving && placement.point) [change.lat, change.lng] = placement.point;
    if (Object.keys(change).length === 0) return setError(t('triage.correct.nothing'));
    setError(null);
    onSubmit(change);
  };
  const shown = error ?? serverErrors.categoryCode ?? serverErrors.lat;

  return (
    <form
      className="action-form"
      onSubmit={submit}
      noValidate
      data-testid="correction-form"
      aria-label={t('triage.correct')}
    >
      <div className="field">
        <label htmlFor={`${uid}-category`}>{t('track.category')}</label>
        <select
          id={`${uid}-category`}
          value={category}
          autoFocus
          data-testid="correction-category"
          onChange={(e) => setCategory(e.target.value)}
        >
          {!categories.data && <option value={report.category.code}>{name(report.category.name)}</option>}
          {categories.data?.map((c) => (
            <option key={c.code} value={c.code}>
              {name(c.name)}
            </option>
          ))}
        </select>
      </div>
      {hasLocation(report) &&
        (!moving ? (
          <button
            type="button"
            className="btn btn-small btn-secondary"
            data-testid="correction-move"
            onClick={() => placement.start(report.id)}
          >
            <span aria-hidden="true">📍</span> {t('triage.correct.move')}
          </button>
        ) : (
          <div className="placer-body">
            <p className="hint">{t('location.hint')}</p>
            <PointPicker
              point={placement.point}
              shown={placement.point ?? [report.lat, report.lng]}
              areaCode={report.area?.code}
              onPick={placement.pick}
              emptyText={t('triage.correct.keepPoint')}
              readoutTestId="correction-point"
            />
          </div>
        ))}
      {shown && (
        <p className="field-error" role="alert">
          {shown}
        </p>
      )}
      <div className="form-actions">
        <button type="button" className="btn btn-secondary" onClick={onCancel} disabled={busy}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {t('triage.correct.submit')}
        </button>
      </div>
    </form>
  );
}
