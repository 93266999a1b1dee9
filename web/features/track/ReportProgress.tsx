import type { ReportStatus } from '../../../shared/domain/statuses';
import { useI18n } from '../../i18n';

const PATH: readonly ReportStatus[] = ['received', 'assigned', 'in_progress', 'resolved', 'closed'];
/** Where off-path statuses sit on the path. */
const POSITION: Partial<Record<ReportStatus, number>> = { reopened: 1 };

/** The usual path of a report with the current step lit; rejected and duplicate reports have no path. */
export function ReportProgress({ status }: { status: ReportStatus }) {
  const { t } = useI18n();
  const at = POSITION[status] ?? PATH.indexOf(status);
  if (at < 0) return null;
  return (
    <ol className="progress" aria-hidden="true">
      {PATH.map((s, i) => (
        <li key={s} className={i < at ? 'done' : i === at ? 'current' : undefined}>
          <span className="progress-dot" />
          <span className="progress-label">{t(`status.${s}`)}</span>
        </li>
      ))}
    </ol>
  );
}
