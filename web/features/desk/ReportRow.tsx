import { isOpenStatus } from '../../../shared/domain/statuses';
import type { StaffReportView } from '../../../shared/schemas/reports';
import { useI18n } from '../../i18n';
import { DueLabel } from '../../ui/DueLabel';
import { StatusBadge } from '../../ui/StatusBadge';
import { hasLocation } from './location';
import { isOverdue } from './urgency';

/** A queue row's title: the category's icon and name, and the priority when it is not the normal one. */
export function RowTitle({ report, icon }: { report: Pick<StaffReportView, 'category' | 'priority'>; icon: string }) {
  const { t, name } = useI18n();
  return (
    <span className="row-title">
      <span aria-hidden="true">{icon} </span>
      {name(report.category.name)}
      {report.priority !== 'normal' && (
        <span className={`priority priority-${report.priority}`}>{t(`priority.${report.priority}`)}</span>
      )}
    </span>
  );
}

/** One report in a queue: code, status, category, a line of text, place and deadline. */
export function ReportRow({
  report,
  now,
  icon,
  selected,
  fresh,
  onSelect,
  cursor = false,
  checked,
  onCheck,
}: {
  report: StaffReportView;
  now: number;
  icon: string;
  selected: boolean;
  fresh: boolean;
  onSelect: (id: number) => void;
  /** The keyboard cursor (j/k) is on this row. */
  cursor?: boolean;
  /** With `onCheck`: a checkbox for bulk actions. */
  checked?: boolean;
  onCheck?: (id: number, checked: boolean) => void;
}) {
  const { t } = useI18n();
  const open = isOpenStatus(report.status);
  const overdue = open && isOverdue(report, now);
  const cls = [
    'queue-row',
    selected && 'selected',
    cursor && 'cursor',
    fresh && 'fresh',
    overdue && 'overdue',
    `priority-${report.priority}`,
  ];
  return (
    <li className={onCheck ? 'queue-item checkable' : 'queue-item'}>
      {onCheck && (
        <input
          type="checkbox"
          className="row-check"
          data-testid="row-check"
          data-tracking-code={report.trackingCode}
          checked={checked ?? false}
          aria-label={t('bulk.check', { code: report.trackingCode })}
          onChange={(e) => onCheck(report.id, e.target.checked)}
        />
      )}
      <button
        type="button"
        className={cls.filter(Boolean).join(' ')}
        data-testid="queue-row"
        data-tracking-code={report.trackingCode}
        data-status={report.status}
        data-located={hasLocation(report)}
        data-cursor={cursor || undefined}
        aria-pressed={selected}
        onClick={() => onSelect(report.id)}
      >
        <span className="row-top">
          <code className="row-code">{report.trackingCode}</code>
          {fresh && <span className="tag tag-new">{t('desk.new')}</span>}
          {!hasLocation(report) && (
            <span className="tag tag-warning" data-testid="no-location">
              {t('desk.noLocation')}
            </span>
          )}
          <StatusBadge status={report.status} />
        </span>
        <RowTitle report={report} icon={icon} />
        <span className="row-desc">{report.description}</span>
        <span className="row-meta">
          <span>{report.area?.name ?? t('track.outsideArea')}</span>
          {report.unit && <span>{report.unit.name}</span>}
          {report.reporterCount > 1 && <span>{t('desk.reporters', { n: report.reporterCount })}</span>}
          {open && <DueLabel dueAt={report.dueAt} now={now} />}
        </span>
      </button>
    </li>
  );
}
