import { useState } from 'react';
import { BlockSenderForm } from './BlockSenderForm';
import { useMessages } from './messages';
import { reviewApi } from './reviewApi';

/** On a report's panel (IOC): "Block this sender", opening the form; says when it is done. */
export function BlockSenderButton({ reportId, trackingCode }: { reportId: number; trackingCode: string }) {
  const m = useMessages();
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  return (
    <section className="block-sender" data-testid="block-sender">
      {open ? (
        <BlockSenderForm
          send={(input) => reviewApi.blockReportSender(reportId, input)}
          onDone={(message) => {
            setOpen(false);
            setDone(message);
          }}
          onCancel={() => setOpen(false)}
        />
      ) : (
        <button
          type="button"
          className="btn btn-danger-outline"
          aria-label={m('blockNamed', { code: trackingCode })}
          onClick={() => {
            setDone(null);
            setOpen(true);
          }}
        >
          {m('blockTitle')}
        </button>
      )}
      <p role="status" aria-live="polite">
        {done}
      </p>
    </section>
  );
}
