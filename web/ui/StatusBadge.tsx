import type { ReportStatus } from '../../shared/domain/statuses';
import { useI18n } from '../i18n';

/** A report's status as a coloured pill with its label; colours live in styles (`.status-<status>`). */
export function StatusBadge({ status, large }: { status: ReportStatus; large?: boolean }) {
  const { t } = useI18n();
  return (
    <span
      className={`status-badge status-${status}${large ? ' status-badge-large' : ''}`}
      data-testid="status-badge"
      data-status={status}
    >
      {t(`status.${status}`)}
    </span>
  );
}
