import type { ReportAction } from '../../../shared/domain/lifecycle';
import { translate, type MessageKey } from '../../i18n';

/** Common reasons offered per action (free text can always be added). */
export const REASON_PRESETS: Partial<Record<ReportAction, readonly MessageKey[]>> = {
  reject: [
    'reason.out_of_scope',
    'reason.unclear',
    'reason.untrue',
    'reason.spam',
    'reason.already_fixed',
    'reason.outside_city',
    'reason.other',
  ],
  hand_back: ['reason.not_our_field', 'reason.not_our_area', 'reason.needs_info', 'reason.other'],
  reopen: ['reason.not_fixed', 'reason.other'],
};

/**
 * The reason text sent to the server. Reasons are shown to residents, so a preset is written in
 * Vietnamese whatever the operator's interface language; free text is appended as typed.
 */
export function composeReason(preset: MessageKey | '', details: string): string {
  const extra = details.trim();
  if (!preset || preset === 'reason.other') return extra;
  const label = translate('vi', preset);
  return extra ? `${label}: ${extra}` : label;
}
