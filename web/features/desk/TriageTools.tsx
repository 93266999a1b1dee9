import { useState } from 'react';
import { isOpenStatus } from '../../../shared/domain/statuses';
import type { StaffReportView } from '../../../shared/schemas/reports';
import { useI18n, type MessageKey } from '../../i18n';
import { usePanelCommand, type PanelCommand } from './commands';
import { CorrectionForm } from './CorrectionForm';
import { NoteForm } from './NoteForm';
import { PriorityForm } from './PriorityForm';
import { triageApi } from './triageApi';
import { useReportAction } from './useReportAction';

type Tool = 'priority' | 'note' | 'correct';
const LABELS: Record<Tool, MessageKey> = {
  priority: 'triage.priority',
  note: 'triage.note',
  correct: 'triage.correct',
};

/**
 * Beyond the lifecycle: the IOC sets the priority and corrects category or location of an open report;
 * staff add internal notes. Each sends the report's version; a conflict reloads it.
 */
export function TriageTools({
  report,
  ioc,
  refreshing = false,
  command,
  onDone,
  onStale,
}: {
  report: StaffReportView;
  /** IOC operator or admin (priority, correction); others may only add notes. */
  ioc: boolean;
  refreshing?: boolean;
  command?: PanelCommand;
  onDone: (updated: StaffReportView) => void;
  onStale: () => void;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState<Tool | null>(null);
  const act = useReportAction(report, { onDone, onStale });
  const tools: Tool[] = ioc && isOpenStatus(report.status) ? ['priority', 'note', 'correct'] : ['note'];

  usePanelCommand(command, report.id, (name) => {
    if (name === 'cancel') setOpen(null);
    else if ((name === 'priority' || name === 'note') && tools.includes(name)) setOpen(name);
  });

  const toggle = (tool: Tool) => {
    act.clearMessage();
    setOpen(open === tool ? null : tool);
  };
  const done = (ok: boolean) => ok && setOpen(null);
  const { version } = report;

  return (
    <section className="action-panel triage-tools" aria-labelledby="triage-title">
      <h3 id="triage-title" className="section-title">
        {t('triage.title')}
      </h3>
      <div className="action-buttons">
        {tools.map((tool) => (
          <button
            key={tool}
            type="button"
            className={`btn ${open === tool ? 'btn-primary' : 'btn-secondary'}`}
            data-action={tool}
            aria-expanded={open === tool}
            disabled={act.busy || refreshing}
            onClick={() => toggle(tool)}
          >
            {t(LABELS[tool])}
          </button>
        ))}
      </div>
      {open === 'priority' && (
        <PriorityForm
          current={report.priority}
          busy={act.busy}
          onCancel={() => setOpen(null)}
          onSubmit={(priority) =>
            void act
              .perform(() => triageApi.priority(report.id, { priority, version }), t('triage.priority'))
              .then(done)
          }
        />
      )}
      {open === 'note' && (
        <NoteForm
          busy={act.busy}
          serverError={act.fieldErrors.text}
          onCancel={() => setOpen(null)}
          onSubmit={(text) =>
            void act.perform(() => triageApi.note(report.id, { text, version }), t('triage.note')).then(done)
          }
        />
      )}
      {open === 'correct' && (
        <CorrectionForm
          report={report}
          busy={act.busy}
          serverErrors={act.fieldErrors}
          onCancel={() => setOpen(null)}
          onSubmit={(change) =>
            void act.perform(() => triageApi.correct(report.id, { ...change, version }), t('triage.correct')).then(done)
          }
        />
      )}
      {act.message && (
        <p
          className={`notice notice-${act.message.kind}`}
          role={act.message.kind === 'success' ? 'status' : 'alert'}
          data-testid="triage-message"
        >
          {act.message.text}
        </p>
      )}
    </section>
  );
}
