import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useI18n } from '../../i18n';
import { problemDetail, problemText } from './errors';
import { useMessages } from './messages';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * A modal dialog: focus moves in (to `[data-autofocus]` or the first field), Tab stays inside, Escape
 * closes, and on closing the focus goes back to what opened it (or to `fallbackFocus` when that is gone).
 */
export function Dialog({
  title,
  onClose,
  children,
  wide,
  testId,
  fallbackFocus,
  focusAfter,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  wide?: boolean;
  testId?: string;
  /** Where the focus goes when the opener no longer exists (e.g. the revoked key's button). */
  fallbackFocus?: () => HTMLElement | null;
  /** Where the focus goes after closing instead of the opener, when it gives an element (e.g. a result). */
  focusAfter?: () => HTMLElement | null;
}) {
  const m = useMessages();
  const titleId = useId();
  const box = useRef<HTMLDivElement>(null);
  const fallback = useRef(fallbackFocus);
  const after = useRef(focusAfter);
  useEffect(() => {
    fallback.current = fallbackFocus;
    after.current = focusAfter;
  });

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const el = box.current;
    const first = el?.querySelector<HTMLElement>('[data-autofocus]') ?? el?.querySelector<HTMLElement>(FOCUSABLE) ?? el;
    first?.focus();
    return () => {
      // After React has finished this commit: the opener may have been replaced or disabled meanwhile.
      queueMicrotask(() => {
        const chosen = after.current?.();
        if (chosen) return chosen.focus();
        const usable = opener && opener.isConnected && !(opener as HTMLButtonElement).disabled;
        (usable ? opener : (fallback.current?.() ?? null))?.focus();
      });
    };
  }, []);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      onClose();
      return;
    }
    if (e.key !== 'Tab' || !box.current) return;
    const list = [...box.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    if (!list.length) return;
    const first = list[0]!;
    const last = list[list.length - 1]!;
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };

  return (
    <div className="admin-backdrop">
      <div
        ref={box}
        className={`admin-dialog${wide ? ' admin-dialog-wide' : ''}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        onKeyDown={onKeyDown}
        data-testid={testId}
      >
        <header className="admin-dialog-head">
          <h2 id={titleId}>{title}</h2>
          <button type="button" className="btn btn-icon" onClick={onClose} aria-label={m('dialog.close')}>
            <span aria-hidden="true">✕</span>
          </button>
        </header>
        <div className="admin-dialog-body">{children}</div>
      </div>
    </div>
  );
}

/** "Are you sure?" with the action's own words; shows why it failed instead of closing. */
export function ConfirmDialog({
  title,
  text,
  confirmLabel,
  danger,
  onConfirm,
  onClose,
  fallbackFocus,
  focusAfter,
  testId,
}: {
  title: string;
  text: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  onConfirm: () => Promise<unknown>;
  onClose: () => void;
  fallbackFocus?: () => HTMLElement | null;
  /** Where the focus goes once the action is done (Cancel always goes back to the opener). */
  focusAfter?: () => HTMLElement | null;
  testId?: string;
}) {
  const m = useMessages();
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const confirmed = useRef(false);
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      confirmed.current = true;
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };
  return (
    <Dialog
      title={title}
      onClose={onClose}
      fallbackFocus={fallbackFocus}
      focusAfter={() => (confirmed.current ? (focusAfter?.() ?? null) : null)}
      testId={testId}
    >
      <div className="confirm-text">{text}</div>
      {error !== null && (
        <div className="notice notice-error" role="alert">
          <div>
            <p className="error-summary-title">{problemText(error, m, t)}</p>
            {problemDetail(error) && <p className="error-summary-detail">{problemDetail(error)}</p>}
          </div>
        </div>
      )}
      <div className="form-actions">
        <button type="button" className="btn btn-secondary" onClick={onClose} data-autofocus>
          {t('common.cancel')}
        </button>
        <button
          type="button"
          className={danger ? 'btn btn-danger' : 'btn btn-primary'}
          disabled={busy}
          onClick={() => void confirm()}
          data-testid="confirm-button"
        >
          {confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
