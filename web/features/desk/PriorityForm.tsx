import { useId, useState, type FormEvent } from 'react';
import { PRIORITIES, type Priority } from '../../../shared/domain/channels';
import { useI18n } from '../../i18n';

/** Sets the report's priority: a select, focused when opened, and a confirm button. */
export function PriorityForm({
  current,
  busy,
  onSubmit,
  onCancel,
}: {
  current: Priority;
  busy: boolean;
  onSubmit: (priority: Priority) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const uid = useId();
  const [priority, setPriority] = useState<Priority>(current);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (priority !== current) onSubmit(priority);
  };
  return (
    <form className="action-form" onSubmit={submit} data-testid="priority-form" aria-label={t('triage.priority')}>
      <div className="field">
        <label htmlFor={`${uid}-priority`}>{t('detail.priority')}</label>
        <select
          id={`${uid}-priority`}
          value={priority}
          autoFocus
          data-testid="priority-select"
          onChange={(e) => setPriority(e.target.value as Priority)}
        >
          {PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {t(`priority.${p}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="form-actions">
        <button type="button" className="btn btn-secondary" onClick={onCancel} disabled={busy}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="btn btn-primary" disabled={busy || priority === current}>
          {t('common.confirm')}
        </button>
      </div>
    </form>
  );
}
