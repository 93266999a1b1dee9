import { useState } from 'react';
import type { ReportAction } from '../../../shared/domain/lifecycle';
import type { StaffReportView, TransitionInput } from '../../../shared/schemas/reports';
import { reportsApi } from '../../api/endpoints';
import { isApiError } from '../../api/http';
import { useI18n, type MessageKey } from '../../i18n';
import { errorMessage } from '../../ui/errorMessage';
import { fieldErrorMap } from '../reports/fieldMessages';

/** Refusals about the photos that came with an action, said by the photo field. */
const PHOTO_ERRORS = {
  invalid_image: 'report.photos.unreadable',
  payload_too_large: 'desk.afterPhoto.tooBig',
  unsupported_media_type: 'report.photos.type',
} as const satisfies Record<string, MessageKey>;

/** What an action adds to `{ action, version }`. */
export type ActionExtra = Pick<TransitionInput, 'unitId' | 'reason' | 'note' | 'duplicateOf'>;

/** The outcome line shown under the action buttons. */
export interface ActionMessage {
  kind: 'success' | 'warning' | 'error';
  text: string;
}

/**
 * Posts changes of one report (with its version, for optimistic locking): transitions and the IOC's corrections.
 * A 409 means the report moved on: say so and let the caller reload it.
 */
export function useReportAction(
  report: Pick<StaffReportView, 'id' | 'version'>,
  { onDone, onStale }: { onDone: (updated: StaffReportView) => void; onStale: () => void },
) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<ActionMessage | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  /**
   * Sends one change of this report (a transition, a priority, a note, a correction) and says how it
   * went; `done` names it in the success line. Resolves true when the server accepted it.
   */
  const perform = async (call: () => Promise<StaffReportView>, done: string): Promise<boolean> => {
    setBusy(true);
    setMessage(null);
    setFieldErrors({});
    try {
      const updated = await call();
      setMessage({ kind: 'success', text: t('action.done', { action: done }) });
      onDone(updated);
      return true;
    } catch (err) {
      if (isApiError(err, 'version_conflict') || isApiError(err, 'transition_not_allowed')) {
        setMessage({
          kind: 'warning',
          text: t(err.code === 'version_conflict' ? 'action.conflict' : 'action.notAllowed'),
        });
        onStale();
      } else if (isApiError(err, 'validation_failed')) {
        setFieldErrors(fieldErrorMap(err.fieldErrors, t));
        setMessage({ kind: 'error', text: t('report.fixErrors') });
      } else if (isApiError(err) && err.code in PHOTO_ERRORS) {
        // A photo the server could not take: say so by the photo field.
        const text = t(PHOTO_ERRORS[err.code as keyof typeof PHOTO_ERRORS]);
        setFieldErrors({ photos: text });
        setMessage({ kind: 'error', text });
      } else {
        setMessage({ kind: 'error', text: errorMessage(err, t) });
      }
      return false;
    } finally {
      setBusy(false);
    }
  };

  /**
   * A lifecycle transition, with photos when it has some (sent as multipart); resolves true when the
   * server accepted it.
   */
  const run = (action: ReportAction, extra: ActionExtra, photos: readonly Blob[] = []): Promise<boolean> =>
    perform(
      () => reportsApi.transition(report.id, { action, version: report.version, ...extra }, photos),
      t(`action.${action}`),
    );

  return { run, perform, busy, message, fieldErrors, clearMessage: () => setMessage(null) };
}
