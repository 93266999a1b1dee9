import { isOpenStatus } from '../../../shared/domain/statuses';
import type { StaffReportView } from '../../../shared/schemas/reports';
import { useI18n } from '../../i18n';
import { StatusBadge } from '../../ui/StatusBadge';
import type { ReportCollectionProps } from '../desk/ReportList';
import { RowTitle } from '../desk/ReportRow';
import { useCategoryIcons } from '../desk/useCategoryIcons';
import { DueCountdown } from './DueCountdown';
import { dueUrgency } from './unitTabs';

/** Given to the unit and not yet acknowledged: the first thing to do is to say "seen". */
export const awaitsAcknowledgement = (r: StaffReportView): boolean => r.status === 'assigned' && !r.acknowledgedAt;

/**
 * The unit's reports as large rows for a phone: the deadline as a countdown, a "new" flag until the unit
 * acknowledges, category, a line of text and the place. Rows are buttons that open the report.
 */
export function UnitQueueList({
  reports,
  now,
  fresh,
  selectedId,
  onSelect,
  emptyText,
}: ReportCollectionProps & { emptyText?: string }) {
  const { t } = useI18n();
  const icon = useCategoryIcons();
  if (reports.length === 0) return <p className="hint queue-empty">{emptyText ?? t('desk.empty')}</p>;
  return (
    <ul className="queue-list unit-list">
      {reports.map((r) => {
        const open = isOpenStatus(r.status);
        const urgency = open ? dueUrgency(r.dueAt, now) : 'later';
        const cls = [
          'queue-row',
          'unit-row',
          r.id === selectedId && 'selected',
          fresh.has(r.id) && 'fresh',
          urgency === 'overdue' && 'overdue',
          urgency === 'soon' && 'due-soon',
          `priority-${r.priority}`,
        ];
        return (
          <li key={r.id} className="queue-item">
            <button
              type="button"
              className={cls.filter(Boolean).join(' ')}
              data-testid="queue-row"
              data-tracking-code={r.trackingCode}
              data-status={r.status}
              data-overdue={urgency === 'overdue'}
              aria-pressed={r.id === selectedId}
              onClick={() => onSelect(r.id)}
            >
              <span className="row-top">
                <code className="row-code">{r.trackingCode}</code>
                {awaitsAcknowledgement(r) && (
                  <span className="tag tag-new" data-testid="awaits-ack">
                    {t('unit.awaitsAck')}
                  </span>
                )}
                <StatusBadge status={r.status} />
              </span>
              <RowTitle report={r} icon={icon(r.category.code)} />
              <span className="row-desc">{r.description}</span>
              <span className="row-meta">
                {open && <DueCountdown dueAt={r.dueAt} now={now} />}
                <span>{r.address ?? r.area?.name ?? t('track.outsideArea')}</span>
                {r.reporterCount > 1 && <span>{t('desk.reporters', { n: r.reporterCount })}</span>}
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
