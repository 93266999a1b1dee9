import { useEffect, useRef } from 'react';
import { useI18n } from '../../i18n';
import { SHORTCUTS } from './shortcuts';

/** The "?" overlay: every desk shortcut and what it does. */
export function ShortcutHelp({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => close.current?.focus(), []);
  return (
    <div className="shortcut-backdrop" onClick={onClose}>
      <div
        className="shortcut-help"
        role="dialog"
        aria-modal="true"
        aria-labelledby="shortcut-title"
        data-testid="shortcut-help"
        onClick={(e) => e.stopPropagation()}
      >
        <header className="panel-head">
          <h2 id="shortcut-title">{t('shortcut.title')}</h2>
          <button ref={close} type="button" className="btn btn-icon" onClick={onClose} aria-label={t('detail.close')}>
            ✕
          </button>
        </header>
        <dl>
          {SHORTCUTS.map((s) => (
            <div key={s.command}>
              <dt>
                <kbd>{s.keys}</kbd>
              </dt>
              <dd>{t(s.label)}</dd>
            </div>
          ))}
        </dl>
      </div>
    </div>
  );
}
