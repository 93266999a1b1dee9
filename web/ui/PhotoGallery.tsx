import type { PhotoRef } from '../../shared/schemas/reports';
import './media.css';
import { LIMITS } from '../../shared/domain/limits';
import { useI18n } from '../i18n';

/** Thumbnail size kept in proportion, so the page does not jump while thumbnails load. */
function thumbSize(p: PhotoRef): { width: number; height: number } {
  const side = LIMITS.photoThumbSide;
  if (!(p.width > 0 && p.height > 0)) return { width: side, height: side };
  const scale = Math.min(1, side / Math.max(p.width, p.height));
  return { width: Math.round(p.width * scale), height: Math.round(p.height * scale) };
}

/**
 * Thumbnails that open the full photo. `describe(n, total)` names each link for screen readers
 * (the photos carry no caption of their own).
 */
export function PhotoGallery({
  photos,
  describe,
  testId = 'photo-gallery',
  small,
}: {
  photos: readonly PhotoRef[];
  describe?: (n: number, total: number) => string;
  testId?: string;
  small?: boolean;
}) {
  const { t } = useI18n();
  if (photos.length === 0) return null;
  const label = describe ?? ((n: number, total: number) => t('photo.open', { n, total }));
  return (
    <ul className={`photo-gallery${small ? ' photo-gallery-small' : ''}`} data-testid={testId}>
      {photos.map((p, i) => (
        <li key={p.id}>
          <a className="photo-thumb" href={p.url} target="_blank" rel="noopener" data-photo-id={p.id}>
            <img src={p.thumbUrl} alt={label(i + 1, photos.length)} loading="lazy" decoding="async" {...thumbSize(p)} />
          </a>
        </li>
      ))}
    </ul>
  );
}
