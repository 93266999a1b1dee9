import { isApiError } from '../api/http';
import type { I18n } from '../i18n';

/** A sentence a person can act on, for any failed call. */
export function errorMessage(err: unknown, t: I18n['t']): string {
  if (!isApiError(err)) return t('common.error');
  switch (err.code) {
    case 'network_error':
      return t('common.networkError');
    case 'rate_limited':
      return t('common.rateLimited');
    case 'forbidden':
      return t('common.forbidden');
    default:
      return t('common.error');
  }
}
