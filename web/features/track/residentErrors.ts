import { isApiError } from '../../api/http';
import type { I18n } from '../../i18n';
import { errorMessage } from '../../ui/errorMessage';

/** A sentence for a failed resident action (comment, rating, reopening). */
export function residentErrorMessage(err: unknown, t: I18n['t']): string {
  if (!isApiError(err)) return t('common.error');
  switch (err.code) {
    case 'resident_token_required':
      return t('resident.tokenRequired');
    case 'already_rated':
      return t('rating.already');
    case 'invalid_image':
      return t('resident.invalidImage');
    case 'payload_too_large':
      return t('resident.tooLarge');
    case 'transition_not_allowed':
      return t('resident.notAllowed');
    case 'validation_failed':
      return t('report.fixErrors');
    default:
      return errorMessage(err, t);
  }
}
