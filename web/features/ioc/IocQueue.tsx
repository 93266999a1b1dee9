import type { ReactNode } from 'react';
import type { StaffReportView } from '../../../shared/schemas/reports';
import { useI18n } from '../../i18n';
import { ReportList, type QueueExtras, type ReportCollectionProps } from '../desk/ReportList';
import { QueueFiltersBar } from './QueueFiltersBar';
import type { QueueFilters } from './queueFilters';

/** The operator's queue: filters, bulk actions, the inbox first, then the reports being handled. */
export function IocQueue({
  queue,
  now,
  fresh,
  selectedId,
  onSelect,
  cursorId,
  checked,
  onCheck,
  filters,
  onFilters,
  bulk,
}: Omit<ReportCollectionProps, 'reports'> &
  QueueExtras & {
    queue: { inbox: StaffReportView[]; handling: StaffReportView[] };
    filters: QueueFilters;
    onFilters: (f: QueueFilters) => void;
    /** The bulk action bar (shown while reports are checked). */
    bulk?: ReactNode;
  }) {
  const { t } = useI18n();

  const section = (id: string, title: string, items: StaffReportView[]) => {
    const all = items.length > 0 && items.every((r) => checked?.has(r.id));
    return (
      <section className="queue-section" aria-labelledby={id}>
        <h3 id={id} className="queue-heading">
          {onCheck && items.length > 0 && (
            <input
              type="checkbox"
              className="row-check"
              checked={all}
              aria-label={t('bulk.checkAll', { section: title })}
              data-testid={`check-all-${id}`}
              onChange={() => items.forEach((r) => onCheck(r.id, !all))}
            />
          )}
          {title} <span className="count">{items.length}</span>
        </h3>
        <ReportList
          reports={items}
          now={now}
          fresh={fresh}
          selectedId={selectedId}
          onSelect={onSelect}
          cursorId={cursorId}
          checked={checked}
          onCheck={onCheck}
        />
      </section>
    );
  };

  return (
    <div className="queue" data-testid="ioc-queue">
      <QueueFiltersBar filters={filters} onChange={onFilters} />
      {bulk}
      <div className="queue-scroll">
        {section('queue-inbox', t('desk.inbox'), queue.inbox)}
        {section('queue-handling', t('desk.following'), queue.handling)}
      </div>
    </div>
  );
}
