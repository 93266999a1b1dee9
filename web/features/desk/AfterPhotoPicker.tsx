import { useId, useState, type ChangeEvent } from 'react';
import { LIMITS } from '../../../shared/domain/limits';
import { useI18n } from '../../i18n';
import { objectUrlFor } from '../reports/objectUrl';
import { preparePhoto } from '../reports/photoPrep';
import './resolve.css';

/** A photo chosen for an action, already downscaled on the phone. */
export interface PickedPhoto {
  id: string;
  blob: Blob;
}

let seq = 0;

/**
 * Photos of the result ("after" photos): taken with the phone's back camera or chosen from the gallery,
 * each downscaled to a JPEG of at most 2000 px (EXIF dropped) before it is kept, at most three.
 */
export function AfterPhotoPicker({
  photos,
  onAdd,
  onRemove,
  onBusy,
  required,
  error,
}: {
  photos: readonly PickedPhoto[];
  /** Photos ready to send (the form keeps at most three). */
  onAdd: (added: PickedPhoto[]) => void;
  onRemove: (id: string) => void;
  /** True while picked files are being downscaled (the form waits for them). */
  onBusy: (busy: boolean) => void;
  required: boolean;
  error?: string;
}) {
  const { t } = useI18n();
  const uid = useId();
  const [busy, setBusy] = useState(false);
  const [pickError, setPickError] = useState<string | null>(null);
  const full = photos.length >= LIMITS.photosMax;
  const shownError = pickError ?? error;

  const pick = async (e: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(e.target.files ?? []);
    // Cleared so picking the same file again still fires a change.
    e.target.value = '';
    if (!files.length) return;
    setPickError(null);
    // The inputs are disabled while a pick is processed, so the count cannot change meanwhile.
    const room = LIMITS.photosMax - photos.length;
    if (files.length > room) setPickError(t('report.photos.max', { max: LIMITS.photosMax }));
    setBusy(true);
    onBusy(true);
    const added: PickedPhoto[] = [];
    try {
      for (const file of files.slice(0, Math.max(0, room))) {
        if (file.type && !file.type.startsWith('image/')) {
          setPickError(t('report.photos.type'));
          continue;
        }
        let blob: Blob;
        try {
          blob = await preparePhoto(file);
        } catch {
          setPickError(t('report.photos.unreadable'));
          continue;
        }
        if (blob.size > LIMITS.photoMaxBytes) {
          setPickError(t('report.photos.tooLarge', { mb: Math.round(LIMITS.photoMaxBytes / 1048576) }));
          continue;
        }
        added.push({ id: `after-${++seq}`, blob });
      }
    } finally {
      setBusy(false);
      onBusy(false);
    }
    if (added.length) onAdd(added);
  };

  const describedBy = [`${uid}-hint`, shownError ? `${uid}-err` : ''].filter(Boolean).join(' ');
  return (
    <fieldset className={`field after-photos${shownError ? ' has-error' : ''}`} data-testid="after-photos">
      <legend>
        {t('desk.afterPhoto')}{' '}
        <span className={required ? 'required-mark' : 'optional'} data-testid="after-photo-requirement">
          ({required ? t('desk.required') : t('common.optional')})
        </span>
      </legend>
      <p id={`${uid}-hint`} className="hint">
        {t('desk.afterPhoto.hint', { max: LIMITS.photosMax })}
      </p>
      {photos.length > 0 && (
        <ul className="photo-thumbs" aria-label={t('desk.afterPhoto.chosen')}>
          {photos.map((p, i) => (
            <li key={p.id} data-testid="after-photo-thumb">
              <img src={objectUrlFor(p.blob)} alt={t('desk.afterPhoto.alt', { n: i + 1 })} />
              <button
                type="button"
                className="btn btn-small btn-danger-outline"
                aria-label={t('report.photos.removeN', { n: i + 1 })}
                onClick={() => onRemove(p.id)}
              >
                {t('report.photos.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="photo-buttons">
        {/* The native inputs stay (keyboard, screen readers, the phone's camera) behind labels drawn as buttons. */}
        <label className={`btn btn-secondary file-button${full || busy ? ' disabled' : ''}`}>
          <span aria-hidden="true">📷 </span>
          {t('desk.afterPhoto.camera')}
          <input
            type="file"
            accept="image/*"
            capture="environment"
            disabled={full || busy}
            aria-describedby={describedBy}
            data-testid="after-photo-camera"
            onChange={(e) => void pick(e)}
          />
        </label>
        <label className={`btn btn-secondary file-button${full || busy ? ' disabled' : ''}`}>
          <span aria-hidden="true">🖼️ </span>
          {t('desk.afterPhoto.gallery')}
          <input
            type="file"
            accept="image/*"
            multiple
            disabled={full || busy}
            aria-describedby={describedBy}
            data-testid="after-photo-gallery"
            onChange={(e) => void pick(e)}
          />
        </label>
      </div>
      <p className="photo-status" role="status" aria-live="polite">
        {busy
          ? t('report.photos.processing')
          : full
            ? t('report.photos.full', { max: LIMITS.photosMax })
            : t('report.photos.count', { n: photos.length, max: LIMITS.photosMax })}
      </p>
      {shownError && (
        <p id={`${uid}-err`} className="field-error" role="alert" data-testid="error-photos">
          {shownError}
        </p>
      )}
    </fieldset>
  );
}
