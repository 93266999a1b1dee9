import { useMemo, useState } from 'react';
import type { StaffReportView } from '../../../shared/schemas/reports';
import { useI18n } from '../../i18n';
import { ReportList, type ReportCollectionProps } from '../desk/ReportList';
import { matchesSearch } from '../desk/urgency';
import { orderQueue } from './queueOrder';

/** The operator's queue: inbox first, then the reports being handled, most urgent first. */
export function IocQueue({ reports, now, fresh, selectedId, onSelect }: ReportCollectionProps) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const { inbox, handling } = useMemo(
    () => orderQueue(reports.filter((r) => matchesSearch(r, search))),
    [reports, search],
  );

  const section = (id: string, title: string, items: StaffReportView[]) => (
    <section className="queue-section" aria-labelledby={id}>
      <h3 id={id} className="queue-heading">
        {title} <span className="count">{items.length}</span>
      </h3>
      <ReportList reports={items} now={now} fresh={fresh} selectedId={selectedId} onSelect={onSelect} />
    </section>
  );

  return (
    <div className="queue" data-testid="ioc-queue">
      <div className="queue-search">
        <label htmlFor="queue-search" className="sr-only">
          {t('desk.search')}
        </label>
        <input
          id="queue-search"
          type="search"
          placeholder={t('desk.search')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
      </div>
      <div className="queue-scroll">
        {section('queue-inbox', t('desk.inbox'), inbox)}
        {section('queue-handling', t('desk.following'), handling)}
      </div>
    </div>
  );
}
