import { useEffect, useRef, useState, type Dispatch, type SetStateAction } from 'react';
import { LIMITS } from '../../../shared/domain/limits';
import { useI18n } from '../../i18n';
import { hasPoint, newIdempotencyKey, type Draft, type DraftPhoto } from './draft';
import { readPhotoGps, type PhotoPosition } from './photoGps';
import { pickPhotos } from './pickPhotos';
import { deleteDraftPhotos, getDraftPhotos, putDraftPhoto } from './photoStore';

const isPhotoPath = (path: string) => path === 'photos' || path.startsWith('photos.');

/** Drops the photo errors (they are about the previous set of photos). */
export function withoutPhotoErrors(errors: Record<string, string>): Record<string, string> {
  const kept = Object.entries(errors).filter(([p]) => !isPhotoPath(p));
  return kept.length === Object.keys(errors).length ? errors : Object.fromEntries(kept);
}

/**
 * The draft's photos: picking (downscaled before anything else happens to them), removing, their blobs
 * for thumbnails and upload, and the offer to use a photo's GPS position when the report has no point.
 */
export function useDraftPhotos(
  draft: Draft,
  setDraft: Dispatch<SetStateAction<Draft>>,
  setErrors: Dispatch<SetStateAction<Record<string, string>>>,
) {
  const { t } = useI18n();
  const [blobs, setBlobs] = useState<ReadonlyMap<string, Blob>>(new Map());
  const [offer, setOffer] = useState<PhotoPosition | null>(null);
  const [busy, setBusy] = useState(false);
  const [pickError, setPickError] = useState<string | null>(null);
  const latest = useRef(draft);
  useEffect(() => {
    latest.current = draft;
  }, [draft]);

  // After a reload: bring the stored JPEGs back; a photo whose JPEG is gone leaves the draft.
  const initialIds = useRef(draft.photos.map((p) => p.id));
  useEffect(() => {
    const ids = initialIds.current;
    if (!ids.length) return;
    void getDraftPhotos(ids).then((found) => {
      setBlobs(new Map([...found].map(([id, p]) => [id, p.blob])));
      if (found.size < ids.length) setDraft((d) => ({ ...d, photos: d.photos.filter((p) => found.has(p.id)) }));
    });
  }, [setDraft]);

  /** Puts photos (blobs already downscaled) into the draft, e.g. when a refused submission comes back. */
  const restore = (photos: readonly { id: string; name: string; blob: Blob }[]) => {
    setBlobs(new Map(photos.map((p) => [p.id, p.blob])));
    for (const p of photos) void putDraftPhoto(p).catch(() => {});
  };

  const add = async (files: readonly File[]) => {
    setPickError(null);
    setErrors(withoutPhotoErrors);
    setBusy(true);
    try {
      await pickPhotos(files, latest.current.photos.length, t, {
        onProblem: setPickError,
        // The position is read from the original (downscaling drops it), and only when the report has
        // no point yet: otherwise the photo's EXIF is never even opened.
        inspect: async (file) => {
          if (hasPoint(latest.current)) return;
          const position = await readPhotoGps(file);
          if (position && !hasPoint(latest.current)) setOffer((o) => o ?? position);
        },
        onPhoto: async (blob) => {
          const photo: DraftPhoto = { id: newIdempotencyKey(), name: `photo-${Date.now()}.jpg`, size: blob.size };
          await putDraftPhoto({ id: photo.id, name: photo.name, blob }).catch(() => {});
          setBlobs((m) => new Map(m).set(photo.id, blob));
          setDraft((d) => (d.photos.length >= LIMITS.photosMax ? d : { ...d, photos: [...d.photos, photo] }));
        },
      });
    } finally {
      setBusy(false);
    }
  };

  const remove = (id: string) => {
    setErrors(withoutPhotoErrors);
    setPickError(null);
    setDraft((d) => ({ ...d, photos: d.photos.filter((p) => p.id !== id) }));
    setBlobs((m) => {
      const next = new Map(m);
      next.delete(id);
      return next;
    });
    void deleteDraftPhotos([id]).catch(() => {});
  };

  /** The photo's position becomes the report's point (the only way it ever leaves the phone). */
  const acceptOffer = () => {
    if (!offer) return;
    setDraft((d) => ({ ...d, locationMode: 'map', lat: offer.lat, lng: offer.lng }));
    setErrors((errs) => {
      const { lat: _lat, lng: _lng, ...rest } = errs;
      return rest;
    });
    setOffer(null);
  };

  /** Forgets the photos (the report went into the outbox, or was given up). */
  const clear = () => {
    setBlobs(new Map());
    setOffer(null);
    setPickError(null);
    void deleteDraftPhotos().catch(() => {});
  };

  // An offer made moot by a point set another way (GPS, the map) is withdrawn.
  const shownOffer = offer && !hasPoint(draft) ? offer : null;

  return {
    blobs,
    offer: shownOffer,
    busy,
    pickError,
    add,
    remove,
    restore,
    clear,
    acceptOffer,
    ignoreOffer: () => setOffer(null),
  };
}
