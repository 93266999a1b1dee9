import type { ChangeEvent } from 'react';
import { LIMITS } from '../../../shared/domain/limits';
import { useI18n } from '../../i18n';
import './photos.css';

/** The files of a change of a file input; the input is cleared so picking the same file again still fires. */
export function takeFiles(e: ChangeEvent<HTMLInputElement>): File[] {
  const files = Array.from(e.target.files ?? []);
  e.target.value = '';
  return files;
}

/**
 * "Camera" and "gallery": the native file inputs stay (keyboard, screen readers, the phone's back camera)
 * behind labels drawn as buttons; both are off while the list is full or a pick is being processed.
 * Then the line that says how many photos there are (or that they are being prepared).
 */
export function PhotoInputs({
  count,
  busy,
  cameraLabel,
  galleryLabel,
  describedBy,
  testIdPrefix,
  onPick,
}: {
  count: number;
  busy: boolean;
  cameraLabel: string;
  galleryLabel: string;
  describedBy: string;
  /** `<prefix>-camera`, `<prefix>-gallery` on the inputs. */
  testIdPrefix: string;
  onPick: (e: ChangeEvent<HTMLInputElement>) => void;
}) {
  const { t } = useI18n();
  const full = count >= LIMITS.photosMax;
  const off = full || busy;
  return (
    <>
      <div className="photo-buttons">
        <label className={`btn btn-secondary file-button${off ? ' disabled' : ''}`}>
          <span aria-hidden="true">📷 </span>
          {cameraLabel}
          <input
            type="file"
            accept="image/*"
            capture="environment"
            disabled={off}
            aria-describedby={describedBy}
            data-testid={`${testIdPrefix}-camera`}
            onChange={onPick}
          />
        </label>
        <label className={`btn btn-secondary file-button${off ? ' disabled' : ''}`}>
          <span aria-hidden="true">🖼️ </span>
          {galleryLabel}
          <input
            type="file"
            accept="image/*"
            multiple
            disabled={off}
            aria-describedby={describedBy}
            data-testid={`${testIdPrefix}-gallery`}
            onChange={onPick}
          />
        </label>
      </div>
      <p className="photo-status" role="status" aria-live="polite">
        {busy
          ? t('report.photos.processing')
          : full
            ? t('report.photos.full', { max: LIMITS.photosMax })
            : t('report.photos.count', { n: count, max: LIMITS.photosMax })}
      </p>
    </>
  );
}

/** A thumbnail's "remove" button, named with the photo's number for screen readers. */
export function RemovePhotoButton({ n, onRemove }: { n: number; onRemove: () => void }) {
  const { t } = useI18n();
  return (
    <button
      type="button"
      className="btn btn-small btn-danger-outline"
      onClick={onRemove}
      aria-label={t('report.photos.removeN', { n })}
    >
      {t('report.photos.remove')}
    </button>
  );
}
