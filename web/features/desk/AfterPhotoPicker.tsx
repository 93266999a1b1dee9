import { useId, useState, type ChangeEvent } from 'react';
import { LIMITS } from '../../../shared/domain/limits';
import { useI18n } from '../../i18n';
import { objectUrlFor } from '../reports/objectUrl';
import { PhotoInputs, RemovePhotoButton, takeFiles } from '../reports/PhotoInputs';
import { pickPhotos } from '../reports/pickPhotos';
import './resolve.css';

/** A photo chosen for an action, already downscaled on the phone. */
export interface PickedPhoto {
  id: string;
  blob: Blob;
}

let seq = 0;

/**
 * Photos of the result ("after" photos): taken with the phone's back camera or chosen from the gallery,
 * each downscaled to a JPEG of at most 2000 px (EXIF dropped) before it is kept, at most three (the
 * resident's photo picker's rules, `pickPhotos`).
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
  const shownError = pickError ?? error;

  const pick = async (e: ChangeEvent<HTMLInputElement>) => {
    const files = takeFiles(e);
    if (!files.length) return;
    setPickError(null);
    setBusy(true);
    onBusy(true);
    const added: PickedPhoto[] = [];
    try {
      // The inputs are disabled while a pick is processed, so the count cannot change meanwhile.
      await pickPhotos(files, photos.length, t, {
        onProblem: setPickError,
        onPhoto: (blob) => void added.push({ id: `after-${++seq}`, blob }),
      });
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
              <RemovePhotoButton n={i + 1} onRemove={() => onRemove(p.id)} />
            </li>
          ))}
        </ul>
      )}
      <PhotoInputs
        count={photos.length}
        busy={busy}
        cameraLabel={t('desk.afterPhoto.camera')}
        galleryLabel={t('desk.afterPhoto.gallery')}
        describedBy={describedBy}
        testIdPrefix="after-photo"
        onPick={(e) => void pick(e)}
      />
      {shownError && (
        <p id={`${uid}-err`} className="field-error" role="alert" data-testid="error-photos">
          {shownError}
        </p>
      )}
    </fieldset>
  );
}
