import { useState } from 'react';
import type { StaffReportView } from '../../../shared/schemas/reports';
import { reportsApi } from '../../api/endpoints';
import { useAsync } from '../../api/useAsync';
import { useI18n } from '../../i18n';
import { ErrorNotice, Loading } from '../../ui/Feedback';
import { useNow } from '../../ui/useNow';
import { useSession } from '../auth/useSession';
import { ActionPanel } from './ActionPanel';
import type { PanelCommand } from './commands';
import { hasLocation } from './location';
import { LocationPlacer } from './LocationPlacer';
import { ReportDetails } from './ReportDetails';
import { TriageTools } from './TriageTools';
import { BlockSenderButton } from '../review/BlockSenderButton';
import './panel.css';

/**
 * The selected report: details, timeline and actions. Reloads itself whenever a newer version
 * is known (from the live list, or from its own transitions). Key it by report id.
 */
export function ReportPanel({
  reportId,
  listVersion,
  onUpdated,
  onClose,
  command,
}: {
  reportId: number;
  /** The version the live list holds (undefined once the report left the list). */
  listVersion: number | undefined;
  onUpdated: (report: StaffReportView) => void;
  onClose: () => void;
  /** A keyboard shortcut's request to this panel (the IOC desk). */
  command?: PanelCommand;
}) {
  const { t } = useI18n();
  const { user } = useSession();
  const now = useNow();
  const [ownVersion, setOwnVersion] = useState(0);
  // Keeps the placer (and its "placed" line) on screen once the report it placed has a point.
  const [placedHere, setPlacedHere] = useState(false);
  const version = Math.max(listVersion ?? 0, ownVersion);
  const detail = useAsync(`report:${reportId}`, (signal) => reportsApi.get(reportId, signal), version);
  const report = detail.data;
  // Only the IOC places reports (the server checks it too).
  const mayPlace = user?.role === 'operator' || user?.role === 'admin';
  const mayNote = mayPlace || user?.role === 'staff';
  const onChanged = (updated: StaffReportView) => {
    setOwnVersion((v) => Math.max(v, updated.version));
    onUpdated(updated);
  };

  return (
    <aside className="report-panel" aria-labelledby="panel-title" data-testid="report-panel" data-report-id={reportId}>
      <header className="panel-head">
        <h2 id="panel-title">
          {t('detail.title')}
          {report && (
            <span className="panel-code" data-testid="panel-tracking-code">
              {report.trackingCode}
            </span>
          )}
        </h2>
        <button
          type="button"
          className="btn btn-icon"
          onClick={onClose}
          aria-label={t('detail.close')}
          title={t('detail.close')}
        >
          ✕
        </button>
      </header>
      <div className="panel-body">
        {report ? (
          <>
            <ActionPanel
              report={report}
              onDone={onChanged}
              onStale={detail.reload}
              refreshing={detail.loading}
              command={command}
            />
            {mayNote && (
              <TriageTools
                report={report}
                ioc={mayPlace}
                onDone={onChanged}
                onStale={detail.reload}
                refreshing={detail.loading}
                command={command}
              />
            )}
            {mayPlace && (!hasLocation(report) || placedHere) && (
              <LocationPlacer
                report={report}
                located={hasLocation(report)}
                onPlaced={(updated) => {
                  setPlacedHere(true);
                  onChanged(updated);
                }}
                onStale={detail.reload}
              />
            )}
            <ReportDetails report={report} now={now} />
            {mayPlace && <BlockSenderButton reportId={report.id} trackingCode={report.trackingCode} />}
          </>
        ) : detail.error ? (
          <ErrorNotice error={detail.error} onRetry={detail.reload} />
        ) : (
          <Loading />
        )}
      </div>
    </aside>
  );
}
