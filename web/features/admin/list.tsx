import { useCallback, useState, type ReactNode } from 'react';
import type { AsyncState } from '../../api/useAsync';
import { Loading } from '../../ui/Feedback';
import { ConfirmDialog } from './Dialog';
import { useMessages } from './messages';
import { configChanged, focusTitle, Problem } from './section';

/**
 * The state of an admin list: which row is being edited (or `'new'`), which one awaits a confirmation,
 * and the last change's sentence. `changed` says it and reloads the list (and the reference data other
 * screens keep, when the list is part of the routing configuration); `done` also closes the dialogs.
 */
export function useAdminList<T>(list: Pick<AsyncState<unknown>, 'reload'>, { config = false } = {}) {
  const [editing, setEditing] = useState<T | 'new' | null>(null);
  const [confirming, setConfirming] = useState<T | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const { reload } = list;
  const changed = useCallback(
    (text: string) => {
      setStatus(text);
      if (config) configChanged();
      reload();
    },
    [config, reload],
  );
  const done = useCallback(
    (text: string) => {
      setEditing(null);
      setConfirming(null);
      changed(text);
    },
    [changed],
  );
  return { editing, setEditing, confirming, setConfirming, status, setStatus, changed, done };
}

/** What a loaded list shows: why it failed (with a retry), that it is loading, or the list itself. */
export function LoadGate<T>({
  state,
  children,
}: {
  state: Pick<AsyncState<T>, 'data' | 'error' | 'reload'>;
  children: (data: T) => ReactNode;
}) {
  if (state.data === undefined)
    return state.error !== undefined ? <Problem error={state.error} onRetry={state.reload} /> : <Loading />;
  return <>{children(state.data)}</>;
}

/** A column head: its words, and `num` for a right-aligned figure. */
export type Column = string | { label: string; num?: boolean };

/**
 * An admin table: scrolls sideways on narrow screens, has a caption for screen readers, the column heads
 * (and a last, unnamed one for the row buttons unless `actions` is false), and a line when it is empty.
 */
export function AdminTable({
  testId,
  caption,
  columns,
  actions = true,
  empty,
  children,
}: {
  testId: string;
  caption: string;
  columns: readonly Column[];
  actions?: boolean;
  /** Shown under the table when it has no rows. */
  empty?: string | null;
  children: ReactNode;
}) {
  const m = useMessages();
  return (
    <div className="table-scroll">
      <table className="admin-table" data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            {columns.map((c, i) =>
              typeof c === 'string' ? (
                <th key={i} scope="col">
                  {c}
                </th>
              ) : (
                <th key={i} scope="col" className={c.num ? 'num' : undefined}>
                  {c.label}
                </th>
              ),
            )}
            {actions && (
              <th scope="col">
                <span className="sr-only">{m('col.actions')}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
      {empty && <p className="hint">{empty}</p>}
    </div>
  );
}

/** A small button in a row's last cell, named for its row (`label`) for screen readers. */
export function RowButton({
  label,
  onClick,
  danger,
  disabled,
  title,
  children,
}: {
  label: string;
  onClick: () => void;
  danger?: boolean;
  disabled?: boolean;
  title?: string;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      className={`btn btn-small ${danger ? 'btn-danger-outline' : 'btn-secondary'}`}
      onClick={onClick}
      disabled={disabled}
      title={title}
      aria-label={label}
    >
      {children}
    </button>
  );
}

/** A section's main button that opens the "new" dialog. */
export function NewButton({
  onClick,
  disabled,
  testId,
  children,
}: {
  onClick: () => void;
  disabled?: boolean;
  testId: string;
  children: ReactNode;
}) {
  return (
    <button type="button" className="btn btn-primary" onClick={onClick} disabled={disabled} data-testid={testId}>
      {children}
    </button>
  );
}

/** "Active" / "inactive" (or the caller's words) as a pill. */
export function StatePill({ on, children }: { on: boolean; children: ReactNode }) {
  return <span className={`pill ${on ? 'pill-current' : 'pill-past'}`}>{children}</span>;
}

/** Confirming a destructive change to a row; the focus then goes to the section's title. */
export function DangerConfirm({
  title,
  text,
  confirmLabel,
  onConfirm,
  onClose,
}: {
  title: string;
  text: string;
  confirmLabel?: string;
  onConfirm: () => Promise<unknown>;
  onClose: () => void;
}) {
  const m = useMessages();
  return (
    <ConfirmDialog
      title={title}
      text={<p>{text}</p>}
      confirmLabel={confirmLabel ?? m('common.delete')}
      danger
      fallbackFocus={focusTitle}
      focusAfter={focusTitle}
      onClose={onClose}
      onConfirm={onConfirm}
    />
  );
}
