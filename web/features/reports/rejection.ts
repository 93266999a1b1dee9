import type { FieldError } from '../../../shared/domain/errors';
import type { I18n } from '../../i18n';
import { fieldErrorMap } from './fieldMessages';

/** What the server said when it refused a submission (a 4xx). */
export interface Rejection {
  httpStatus: number;
  code: string;
  errors: FieldError[];
}

function photoMessage(r: Rejection, t: I18n['t']): string | null {
  if (r.httpStatus === 413 || r.code === 'payload_too_large') return t('report.photos.tooLarge');
  if (r.httpStatus === 415 || r.code === 'unsupported_media_type') return t('report.photos.type');
  if (r.code === 'invalid_image') return t('report.photos.unreadable');
  return null;
}

/**
 * The field errors (keyed by API path, `photos` / `photos.0` included) and the sentence above the form
 * for a refused submission.
 */
export function rejectionMessages(r: Rejection, t: I18n['t']): { fields: Record<string, string>; form: string } {
  const fields = fieldErrorMap(r.errors, t);
  const photo = photoMessage(r, t);
  if (photo) {
    const photoPaths = Object.keys(fields).filter((p) => p === 'photos' || p.startsWith('photos.'));
    // The server's English detail is replaced by what the resident can act on.
    for (const p of photoPaths) fields[p] = photo;
    if (!photoPaths.length) fields.photos = photo;
  }
  let form: string;
  if (r.code === 'idempotency_key_reused') form = t('report.keyReused');
  else if (Object.keys(fields).length) form = t('report.fixErrors');
  else form = t('report.rejected');
  return { fields, form };
}
