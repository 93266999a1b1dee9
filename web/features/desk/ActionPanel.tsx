import { useState } from 'react';
import type { ReportAction } from '../../../shared/domain/lifecycle';
import type { StaffReportView } from '../../../shared/schemas/reports';
import { formatDateTime, useI18n } from '../../i18n';
import { ActionForm, needsForm, type FormFocus } from './ActionForm';
import { ResolveForm } from './ResolveForm';
import { usePanelCommand, type PanelCommand } from './commands';
import { useReportAction } from './useReportAction';

const DANGER: readonly ReportAction[] = ['reject', 'mark_duplicate'];
/** Resolving always opens its form (reply and photos, as the category requires). */
const opensForm = (action: ReportAction): boolean => action === 'resolve' || needsForm(action);

/** One button per action the server lists for this user; actions with inputs open a small form. */
export function ActionPanel({
  report,
  onDone,
  onStale,
  refreshing = false,
  command,
}: {
  report: StaffReportView;
  /** A keyboard shortcut's request: open the dispatch or reject form ready to confirm, or close it. */
  command?: PanelCommand;
  /** A newer version is loading: hold the buttons until it is here. */
  refreshing?: boolean;
  onDone: (updated: StaffReportView) => void;
  onStale: () => void;
}) {
  const { t, lang } = useI18n();
  const [open, setOpen] = useState<ReportAction | null>(null);
  const [focus, setFocus] = useState<FormFocus>(null);
  const act = useReportAction(report, { onDone, onStale });
  const openForm = open && report.actions.includes(open) ? open : null;

  usePanelCommand(command, report.id, (name) => {
    if (name === 'cancel') return setOpen(null);
    if ((name === 'dispatch' || name === 'reject') && report.actions.includes(name)) {
      setOpen(name);
      // "d" then Enter dispatches to the proposed unit: the confirm button has the focus.
      setFocus(name === 'dispatch' ? 'submit' : 'first');
    }
  });

  const click = (action: ReportAction) => {
    act.clearMessage();
    setFocus(null);
    if (opensForm(action)) setOpen(openForm === action ? null : action);
    else void act.run(action, {});
  };

  return (
    <section className="action-panel" aria-labelledby="actions-title">
      <h3 id="actions-title" className="section-title">
        {t('detail.actions')}
      </h3>
      {report.acknowledgedAt && report.status === 'assigned' && (
        <p className="hint acknowledged" data-testid="acknowledged-at">
          {t('desk.acknowledgedAt', { at: formatDateTime(report.acknowledgedAt, lang) })}
        </p>
      )}
      {report.actions.length === 0 ? (
        <p className="hint">{t('detail.noActions')}</p>
      ) : (
        <div className="action-buttons">
          {report.actions.map((a) => (
            <button
              key={a}
              type="button"
              className={`btn ${DANGER.includes(a) ? 'btn-danger-outline' : openForm === a || a === 'acknowledge' ? 'btn-primary' : 'btn-secondary'}`}
              data-action={a}
              aria-expanded={opensForm(a) ? openForm === a : undefined}
              disabled={act.busy || refreshing}
              onClick={() => click(a)}
            >
              {t(`action.${a}`)}
            </button>
          ))}
        </div>
      )}
      {openForm === 'resolve' && (
        <ResolveForm
          key={openForm}
          report={report}
          focus={focus}
          busy={act.busy}
          serverErrors={act.fieldErrors}
          onCancel={() => setOpen(null)}
          onSubmit={(extra, photos) => {
            void act.run('resolve', extra, photos).then((ok) => ok && setOpen(null));
          }}
        />
      )}
      {openForm && openForm !== 'resolve' && (
        <ActionForm
          key={openForm}
          action={openForm}
          report={report}
          focus={focus}
          busy={act.busy}
          serverErrors={act.fieldErrors}
          onCancel={() => setOpen(null)}
          onSubmit={(extra) => {
            void act.run(openForm, extra).then((ok) => ok && setOpen(null));
          }}
        />
      )}
      {act.message && (
        <p
          className={`notice notice-${act.message.kind}`}
          role={act.message.kind === 'success' ? 'status' : 'alert'}
          data-testid="action-message"
        >
          {act.message.text}
        </p>
      )}
    </section>
  );
}
