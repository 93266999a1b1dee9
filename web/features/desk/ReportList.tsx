import type { StaffReportView } from '../../../shared/schemas/reports';
import { useI18n } from '../../i18n';
import { ReportRow } from './ReportRow';
import { useCategoryIcons } from './useCategoryIcons';

/** What a view of several reports (a queue list, the map) is given by its desk. */
export interface ReportCollectionProps {
  reports: readonly StaffReportView[];
  now: number;
  fresh: ReadonlySet<number>;
  selectedId: number | null;
  onSelect: (id: number) => void;
}

/** Extras of the IOC queue: the keyboard cursor and checkboxes for bulk actions. */
export interface QueueExtras {
  cursorId?: number | null;
  checked?: ReadonlySet<number>;
  onCheck?: (id: number, checked: boolean) => void;
}

/** A list of report rows, or a hint when there is none. */
export function ReportList({
  reports,
  now,
  fresh,
  selectedId,
  onSelect,
  cursorId = null,
  checked,
  onCheck,
}: ReportCollectionProps & QueueExtras) {
  const { t } = useI18n();
  const icon = useCategoryIcons();
  if (reports.length === 0) return <p className="hint queue-empty">{t('desk.empty')}</p>;
  return (
    <ul className="queue-list">
      {reports.map((r) => (
        <ReportRow
          key={r.id}
          report={r}
          now={now}
          icon={icon(r.category.code)}
          selected={r.id === selectedId}
          fresh={fresh.has(r.id)}
          onSelect={onSelect}
          cursor={r.id === cursorId}
          checked={checked?.has(r.id)}
          onCheck={onCheck}
        />
      ))}
    </ul>
  );
}
