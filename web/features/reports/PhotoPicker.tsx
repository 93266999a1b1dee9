import type { ChangeEvent } from 'react';
import { LIMITS } from '../../../shared/domain/limits';
import { useI18n } from '../../i18n';
import { formatCoord } from '../map/geo';
import type { DraftPhoto } from './draft';
import { objectUrlFor } from './objectUrl';
import { PhotoInputs, RemovePhotoButton, takeFiles } from './PhotoInputs';
import type { PhotoPosition } from './photoGps';

/** Up to three photos, from the camera or the gallery, with thumbnails and the photo-position offer. */
export function PhotoPicker({
  photos,
  blobs,
  busy,
  pickError,
  errors,
  offer,
  onAdd,
  onRemove,
  onAcceptOffer,
  onIgnoreOffer,
}: {
  photos: readonly DraftPhoto[];
  blobs: ReadonlyMap<string, Blob>;
  busy: boolean;
  pickError: string | null;
  errors: Record<string, string>;
  offer: PhotoPosition | null;
  onAdd: (files: File[]) => void;
  onRemove: (id: string) => void;
  onAcceptOffer: () => void;
  onIgnoreOffer: () => void;
}) {
  const { t } = useI18n();
  const onPick = (e: ChangeEvent<HTMLInputElement>) => {
    const files = takeFiles(e);
    if (files.length) onAdd(files);
  };
  const groupError = errors.photos ?? pickError;
  return (
    <section className="photo-picker" aria-labelledby="photos-title" data-testid="photo-picker">
      <h3 id="photos-title">
        {t('report.photos.title')}{' '}
        <span className="optional">({t('report.photos.optional', { max: LIMITS.photosMax })})</span>
      </h3>
      <p className="hint" id="photos-hint">
        {t('report.photos.hint')}
      </p>
      {photos.length > 0 && (
        <ul className="photo-thumbs">
          {photos.map((p, i) => {
            const blob = blobs.get(p.id);
            const err = errors[`photos.${i}`];
            return (
              <li key={p.id} className={err ? 'has-error' : undefined} data-testid="photo-thumb">
                {blob ? (
                  <img src={objectUrlFor(blob)} alt={t('report.photos.alt', { n: i + 1 })} />
                ) : (
                  <span className="photo-missing">{t('report.photos.alt', { n: i + 1 })}</span>
                )}
                <RemovePhotoButton n={i + 1} onRemove={() => onRemove(p.id)} />
                {err && (
                  <p className="field-error" role="alert" data-testid={`error-photos.${i}`}>
                    {err}
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <PhotoInputs
        count={photos.length}
        busy={busy}
        cameraLabel={t('report.photos.camera')}
        galleryLabel={t('report.photos.gallery')}
        describedBy="photos-hint"
        testIdPrefix="photo-input"
        onPick={onPick}
      />
      {groupError && (
        <p id="err-photos" className="field-error" role="alert" data-testid="error-photos">
          {groupError}
        </p>
      )}
      {offer && (
        <div
          className="photo-gps-offer"
          role="group"
          aria-labelledby="photo-gps-question"
          data-testid="photo-gps-offer"
        >
          <p id="photo-gps-question" role="status">
            <strong>{t('report.photos.gpsOffer')}</strong>{' '}
            <span className="hint">
              ({formatCoord(offer.lat)}, {formatCoord(offer.lng)})
            </span>
          </p>
          <div className="form-actions">
            <button type="button" className="btn btn-primary" onClick={onAcceptOffer}>
              {t('report.photos.gpsAccept')}
            </button>
            <button type="button" className="btn btn-secondary" onClick={onIgnoreOffer}>
              {t('report.photos.gpsIgnore')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
