import { useState } from 'react';
import type { PublicReportView } from '../../../shared/schemas/reports';
import { isApiError } from '../../api/http';
import { useI18n } from '../../i18n';
import { fieldErrorMap } from '../reports/fieldMessages';
import { residentErrorMessage } from './residentErrors';

/** The line under a resident's form after sending. */
export interface ResidentMessage {
  kind: 'success' | 'error';
  text: string;
  code?: string;
}

/**
 * Sends one resident action: busy flag, the server's field errors, a success or error line; the
 * updated report (when the server sent it back) goes to `onUpdated`.
 */
export function useResidentSubmit(onUpdated?: (report: PublicReportView) => void) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<ResidentMessage | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  /** Resolves true when the server accepted it. */
  const submit = async (send: () => Promise<PublicReportView | undefined>, success: string): Promise<boolean> => {
    setBusy(true);
    setMessage(null);
    setFieldErrors({});
    try {
      const updated = await send();
      setMessage({ kind: 'success', text: success });
      if (updated && onUpdated) onUpdated(updated);
      return true;
    } catch (err) {
      if (isApiError(err, 'validation_failed')) setFieldErrors(fieldErrorMap(err.fieldErrors, t));
      setMessage({ kind: 'error', text: residentErrorMessage(err, t), code: isApiError(err) ? err.code : undefined });
      return false;
    } finally {
      setBusy(false);
    }
  };

  return { submit, busy, message, fieldErrors, clear: () => setMessage(null) };
}
