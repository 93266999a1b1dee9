import type { StaffFeed } from '../../realtime/useStaffFeed';
import type { PanelCommand } from './commands';
import { ReportPanel } from './ReportPanel';

/** The desk's side panel for the selected report (nothing when none is selected). */
export function DeskPanel({
  feed,
  selectedId,
  onClose,
  command,
}: {
  feed: Pick<StaffFeed, 'byId' | 'applyReport'>;
  selectedId: number | null;
  onClose: () => void;
  command?: PanelCommand;
}) {
  if (selectedId === null) return null;
  return (
    <div className="desk-panel">
      <ReportPanel
        key={selectedId}
        reportId={selectedId}
        listVersion={feed.byId.get(selectedId)?.version}
        onUpdated={feed.applyReport}
        onClose={onClose}
        command={command}
      />
    </div>
  );
}
