import type { FollowResult, NearbyReport } from '../../../shared/schemas/reports';
import { apiFetch } from '../../api/http';

/** Longest the form waits for the duplicate check before going on without it (weak 3G). */
const NEARBY_TIMEOUT_MS = 6_000;

/** The resident's calls beyond filing (which goes through the outbox). */
export const residentApi = {
  /** Open reports of this category near the point, nearest first: possible duplicates. */
  nearby(q: { categoryCode: string; lat: number; lng: number }): Promise<NearbyReport[]> {
    const params = new URLSearchParams({ categoryCode: q.categoryCode, lat: String(q.lat), lng: String(q.lng) });
    const ctrl = new AbortController();
    const timer = setTimeout(() => ctrl.abort(), NEARBY_TIMEOUT_MS);
    return apiFetch<NearbyReport[]>(`/api/reports/nearby?${params.toString()}`, { signal: ctrl.signal }).finally(() =>
      clearTimeout(timer),
    );
  },
  /** "I have this problem too": joins an existing report; the answer carries this device's token for it. */
  follow(trackingCode: string, idempotencyKey: string): Promise<FollowResult> {
    return apiFetch<FollowResult>(`/api/track/${encodeURIComponent(trackingCode)}/follow`, {
      method: 'POST',
      headers: { 'Idempotency-Key': idempotencyKey },
    });
  },
};
