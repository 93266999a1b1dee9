import type { ResidentMessage } from './useResidentSubmit';

/** The outcome of a resident's action, announced politely (success) or at once (error). */
export function ResidentMessageLine({ message, testId }: { message: ResidentMessage | null; testId: string }) {
  if (!message) return null;
  return (
    <p
      className={`notice notice-${message.kind}`}
      role={message.kind === 'error' ? 'alert' : 'status'}
      data-testid={testId}
      data-code={message.code}
    >
      {message.text}
    </p>
  );
}
