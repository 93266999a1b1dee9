import type { CreateReportResult } from '../../../../shared/schemas/reports';
import { toApiError } from '../../../api/http';
import { reportRequestBody } from '../reportBody';
import type { OutboxItem, SendOutcome } from './machine';

/** Longest one attempt may take: three photos over a slow 3G uplink, with room to spare. */
const ATTEMPT_TIMEOUT_MS = 150_000;

/** POSTs one outbox item to `/api/reports` with its Idempotency-Key; never throws. */
export async function sendReport(
  item: OutboxItem,
  fetchImpl: typeof fetch = (...args) => fetch(...args),
  timeoutMs = ATTEMPT_TIMEOUT_MS,
): Promise<SendOutcome> {
  const { body, contentType } = reportRequestBody(item.payload.input, item.payload.photos);
  const headers: Record<string, string> = { Accept: 'application/json', 'Idempotency-Key': item.id };
  if (contentType) headers['Content-Type'] = contentType;
  if (item.payload.deviceId) headers['X-Device-Id'] = item.payload.deviceId;
  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(), timeoutMs);
  try {
    const res = await fetchImpl('/api/reports', {
      method: 'POST',
      headers,
      body,
      credentials: 'same-origin',
      signal: ctrl.signal,
    });
    if (res.ok) return { ok: true, result: (await res.json()) as CreateReportResult };
    const err = await toApiError(res);
    return { ok: false, status: err.status, code: err.code, errors: err.fieldErrors };
  } catch (err) {
    // No answer (offline, dropped, timed out) or an unreadable 2xx body: the outcome is unknown, retry.
    return { ok: false, status: 0, code: err instanceof Error ? err.name : 'network_error', errors: [] };
  } finally {
    clearTimeout(timer);
  }
}
