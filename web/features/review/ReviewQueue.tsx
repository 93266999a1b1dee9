import { useState } from 'react';
import type { BlockedSenderView, HeldReportView } from '../../../shared/schemas/review';
import { useAsync } from '../../api/useAsync';
import { formatDateTime, useI18n } from '../../i18n';
import { ErrorNotice, Loading } from '../../ui/Feedback';
import { PhotoGallery } from '../../ui/PhotoGallery';
import { errorMessage } from '../../ui/errorMessage';
import { BlockSenderForm } from './BlockSenderForm';
import { useMessages } from './messages';
import { reviewApi } from './reviewApi';
import './review.css';

/**
 * `/ioc/review`: reports held for review (honeypot filled, or a blocked sender), each to release (it is
 * filed under its tracking code and routed), discard, or block its sender; and the blocks in force.
 */
export function ReviewQueue() {
  const m = useMessages();
  const held = useAsync('held', (signal) => reviewApi.held(signal));
  const blocks = useAsync('blocks', (signal) => reviewApi.blocks(signal));
  const [status, setStatus] = useState('');
  const changed = (message: string) => {
    setStatus(message);
    held.reload();
    blocks.reload();
  };

  return (
    <div className="review-page">
      <h1>{m('title')}</h1>
      <p className="hint">{m('intro')}</p>
      <p className="sr-only" role="status" aria-live="polite" data-testid="review-status">
        {status}
      </p>
      {status && <p className="review-done">{status}</p>}
      {held.error ? (
        <ErrorNotice error={held.error} onRetry={held.reload} />
      ) : !held.data ? (
        <Loading />
      ) : held.data.items.length === 0 ? (
        <p data-testid="review-empty">{m('empty')}</p>
      ) : (
        <>
          <p>{m('count', { n: held.data.total })}</p>
          <ul className="held-list" data-testid="held-list">
            {held.data.items.map((item) => (
              <HeldCard key={item.id} item={item} onChanged={changed} />
            ))}
          </ul>
        </>
      )}
      <h2>{m('blocksTitle')}</h2>
      {blocks.error ? (
        <ErrorNotice error={blocks.error} onRetry={blocks.reload} />
      ) : !blocks.data ? (
        <Loading />
      ) : blocks.data.items.length === 0 ? (
        <p>{m('blocksEmpty')}</p>
      ) : (
        <ul className="block-list" data-testid="block-list">
          {blocks.data.items.map((b) => (
            <BlockRow key={b.id} block={b} onChanged={changed} />
          ))}
        </ul>
      )}
    </div>
  );
}

function HeldCard({ item, onChanged }: { item: HeldReportView; onChanged: (message: string) => void }) {
  const m = useMessages();
  const { t, lang, name } = useI18n();
  const [mode, setMode] = useState<'idle' | 'discard' | 'block'>('idle');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (call: () => Promise<unknown>, message: string) => {
    setBusy(true);
    setError(null);
    try {
      await call();
      onChanged(message);
    } catch (err) {
      setError(errorMessage(err, t));
      setBusy(false);
    }
  };
  const contact = [item.contact.name, item.contact.phone, item.contact.email].filter(Boolean).join(' · ');

  return (
    <li className="held-card card" data-testid="held-report" data-code={item.trackingCode}>
      <header>
        <span className={`tag ${item.reason === 'honeypot' ? 'tag-warning' : 'tag-late'}`}>
          {m(`reason.${item.reason}`)}
        </span>
        <strong>{name(item.category.name)}</strong>
        <code>{item.trackingCode}</code>
        <time dateTime={item.createdAt}>{formatDateTime(item.createdAt, lang)}</time>
      </header>
      <p className="held-description">{item.description}</p>
      <p className="hint">
        {[item.area?.name ?? item.address ?? m('noLocation'), item.unit ? m('wouldGo', { unit: item.unit.name }) : null]
          .filter(Boolean)
          .join(' · ')}
      </p>
      {contact && (
        <p className="hint">
          {m('contact')}: {contact}
        </p>
      )}
      {item.sameSender > 0 && <p className="same-sender">{m('sameSender', { n: item.sameSender })}</p>}
      <PhotoGallery photos={item.photos} small />
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {mode === 'block' ? (
        <BlockSenderForm
          send={(input) => reviewApi.blockHeldSender(item.id, input)}
          onDone={(message) => {
            setMode('idle');
            onChanged(message);
          }}
          onCancel={() => setMode('idle')}
        />
      ) : mode === 'discard' ? (
        <div className="form-actions" role="group" aria-label={m('discardNamed', { code: item.trackingCode })}>
          <p>{m('discardConfirm', { code: item.trackingCode })}</p>
          <button
            type="button"
            className="btn btn-danger"
            disabled={busy}
            onClick={() => void run(() => reviewApi.discard(item.id), m('discarded', { code: item.trackingCode }))}
          >
            {busy ? m('working') : m('confirm')}
          </button>
          <button type="button" className="btn btn-secondary" disabled={busy} onClick={() => setMode('idle')}>
            {m('cancel')}
          </button>
        </div>
      ) : (
        <div className="form-actions">
          <button
            type="button"
            className="btn btn-primary"
            disabled={busy}
            aria-label={m('releaseNamed', { code: item.trackingCode })}
            onClick={() => void run(() => reviewApi.release(item.id), m('released', { code: item.trackingCode }))}
          >
            {busy ? m('working') : m('release')}
          </button>
          <button
            type="button"
            className="btn btn-danger-outline"
            disabled={busy}
            aria-label={m('discardNamed', { code: item.trackingCode })}
            onClick={() => setMode('discard')}
          >
            {m('discard')}
          </button>
          <button
            type="button"
            className="btn btn-secondary"
            disabled={busy}
            aria-label={m('blockNamed', { code: item.trackingCode })}
            onClick={() => setMode('block')}
          >
            {m('block')}
          </button>
        </div>
      )}
    </li>
  );
}

function BlockRow({ block, onChanged }: { block: BlockedSenderView; onChanged: (message: string) => void }) {
  const m = useMessages();
  const { t, lang } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const at = formatDateTime(block.createdAt, lang);
  const lift = async () => {
    setBusy(true);
    try {
      await reviewApi.lift(block.id);
      onChanged(m('lifted'));
    } catch (err) {
      setError(errorMessage(err, t));
      setBusy(false);
    }
  };
  return (
    <li className="block-row" data-testid="blocked-sender">
      <strong>{m(`kind.${block.kind}`)}</strong>
      <span>{block.trackingCode ? m('blockedFrom', { code: block.trackingCode }) : null}</span>
      <span>{m('blockedBy', { name: block.createdBy ?? '—', at })}</span>
      <span>{block.expiresAt ? m('until', { at: formatDateTime(block.expiresAt, lang) }) : m('forever')}</span>
      {block.reason && <q>{block.reason}</q>}
      <button
        type="button"
        className="btn btn-secondary"
        disabled={busy}
        aria-label={m('liftNamed', { kind: m(`kind.${block.kind}`), at })}
        onClick={() => void lift()}
      >
        {m('lift')}
      </button>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}
