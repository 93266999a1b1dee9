import type { ConnectionState } from '../realtime/socket';
import { useI18n } from '../i18n';

/** A dot and a word saying whether live updates are flowing. */
export function LiveIndicator({ state }: { state: ConnectionState }) {
  const { t } = useI18n();
  return (
    <span
      className={`live live-${state}`}
      role="status"
      aria-live="polite"
      data-testid="connection-state"
      data-state={state}
    >
      <span className="live-dot" aria-hidden="true" />
      {t(`live.${state}`)}
    </span>
  );
}
