import { useRef, useState } from 'react';
import type { NearbyReport } from '../../../shared/schemas/reports';
import { saveMyReport } from '../device/myReports';
import { newIdempotencyKey } from './draft';
import { residentApi } from './residentApi';

/** The point and category a duplicate check was made for. */
const checkKey = (categoryCode: string, lat: number, lng: number) =>
  `${categoryCode}:${lat.toFixed(5)}:${lng.toFixed(5)}`;

/**
 * Possible duplicates before the details step: open reports of the same category near the point.
 * A failed or slow check never blocks the resident; "this is a different problem" is remembered for
 * that point and category.
 */
export function useNearby() {
  const [items, setItems] = useState<NearbyReport[] | null>(null);
  const [checking, setChecking] = useState(false);
  const [following, setFollowing] = useState<string | null>(null);
  const [followError, setFollowError] = useState<unknown>(null);
  const dismissed = useRef(new Set<string>());
  const shownFor = useRef<string | null>(null);
  // One key per report followed from this form, reused if the resident presses again after a failure.
  const followKeys = useRef(new Map<string, string>());

  /** Looks for duplicates; true when some are now shown (the caller then stays on this step). */
  const check = async (categoryCode: string, lat: number, lng: number): Promise<boolean> => {
    const key = checkKey(categoryCode, lat, lng);
    if (dismissed.current.has(key)) return false;
    setChecking(true);
    try {
      const found = await residentApi.nearby({ categoryCode, lat, lng });
      if (!Array.isArray(found) || !found.length) return false;
      shownFor.current = key;
      setItems([...found].sort((a, b) => a.distanceM - b.distanceM));
      return true;
    } catch {
      return false;
    } finally {
      setChecking(false);
    }
  };

  /** "No, this is a different problem." */
  const dismiss = () => {
    if (shownFor.current) dismissed.current.add(shownFor.current);
    setItems(null);
    setFollowError(null);
  };

  /** "I have this problem too": follows it, keeps its token on this device; answers true on success. */
  const follow = async (trackingCode: string, categoryCode: string): Promise<boolean> => {
    setFollowing(trackingCode);
    setFollowError(null);
    let key = followKeys.current.get(trackingCode);
    if (!key) {
      key = newIdempotencyKey();
      followKeys.current.set(trackingCode, key);
    }
    try {
      const { report, residentToken } = await residentApi.follow(trackingCode, key);
      saveMyReport({
        trackingCode: report.trackingCode || trackingCode,
        residentToken,
        categoryCode: report.category?.code ?? categoryCode,
        filedAt: new Date().toISOString(),
        followed: true,
      });
      setItems(null);
      return true;
    } catch (err) {
      setFollowError(err);
      return false;
    } finally {
      setFollowing(null);
    }
  };

  /** Closes the list without deciding (the resident went back a step). */
  const hide = () => {
    setItems(null);
    setFollowError(null);
  };

  return { items, checking, following, followError, check, dismiss, hide, follow };
}
