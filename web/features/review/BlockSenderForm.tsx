import { useId, useState, type FormEvent } from 'react';
import type { BlockSenderInput } from '../../../shared/schemas/review';
import { useI18n } from '../../i18n';
import { errorMessage } from '../../ui/errorMessage';
import { useMessages } from './messages';
import './review.css';

/**
 * "Block this sender": the device (default) and, optionally, the network address for a day, with a
 * reason. `send` makes the call (a filed report's or a held one's); `onDone` gets the success message.
 */
export function BlockSenderForm({
  send,
  onDone,
  onCancel,
}: {
  send: (input: BlockSenderInput) => Promise<unknown>;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const m = useMessages();
  const { t } = useI18n();
  const id = useId();
  const [device, setDevice] = useState(true);
  const [address, setAddress] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await send({ device, address, ...(reason.trim() ? { reason: reason.trim() } : {}) });
      onDone(m('blocked'));
    } catch (err) {
      setError(errorMessage(err, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="block-sender-form"
      onSubmit={submit}
      aria-labelledby={`${id}-title`}
      data-testid="block-sender-form"
    >
      <h3 id={`${id}-title`}>{m('blockTitle')}</h3>
      <p className="hint">{m('blockIntro')}</p>
      <label className="check">
        <input type="checkbox" checked={device} onChange={(e) => setDevice(e.target.checked)} />
        {m('blockDevice')}
      </label>
      <label className="check">
        <input type="checkbox" checked={address} onChange={(e) => setAddress(e.target.checked)} />
        {m('blockAddress')}
      </label>
      <label htmlFor={`${id}-reason`}>{m('blockReason')}</label>
      <input id={`${id}-reason`} value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="btn btn-danger" disabled={busy || (!device && !address)}>
          {busy ? m('working') : m('blockSubmit')}
        </button>
        <button type="button" className="btn btn-secondary" onClick={onCancel} disabled={busy}>
          {m('cancel')}
        </button>
      </div>
    </form>
  );
}
