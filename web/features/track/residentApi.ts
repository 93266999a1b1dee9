import { RESIDENT_TOKEN_HEADER, type PublicReportView } from '../../../shared/schemas/reports';
import { apiFetch, ApiError, toApiError } from '../../api/http';
import { isPublicView } from './trackState';

const path = (code: string, what: string) => `/api/track/${encodeURIComponent(code)}/${what}`;

/** The updated report when the server answered with its public view, else undefined (the live feed brings it). */
function asView(body: unknown): PublicReportView | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const b = body as Partial<PublicReportView>;
  if (typeof b.trackingCode === 'string' && Array.isArray(b.timeline) && isPublicView(b as PublicReportView))
    return b as PublicReportView;
  // Some answers wrap the view (`{ report }`).
  const inner = (body as { report?: unknown }).report;
  return inner ? asView(inner) : undefined;
}

/** Posts a multipart form (the browser sets its boundary) and reads the answer like `apiFetch`. */
async function postForm(url: string, form: FormData, headers: Record<string, string>): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { Accept: 'application/json', ...headers },
      body: form,
      credentials: 'same-origin',
    });
  } catch (err) {
    throw new ApiError(0, 'network_error', err instanceof Error ? err.message : 'network error');
  }
  if (!res.ok) throw await toApiError(res);
  const text = res.status === 204 ? '' : await res.text();
  return text ? (JSON.parse(text) as unknown) : undefined;
}

/** What a resident's device may do on a report it filed or followed (each call carries its token). */
export const residentApi = {
  /** Adds a comment and/or photos: JSON without photos, multipart with them. */
  comment: async (code: string, token: string, text: string, photos: readonly File[]) => {
    const headers = { [RESIDENT_TOKEN_HEADER]: token };
    if (photos.length === 0) {
      return asView(await apiFetch<unknown>(path(code, 'comments'), { body: { text }, headers }));
    }
    const form = new FormData();
    if (text) form.append('text', text);
    for (const p of photos) form.append('photos', p, p.name);
    return asView(await postForm(path(code, 'comments'), form, headers));
  },
  /** Rates the result once (1-5), with an optional comment. */
  rate: async (code: string, token: string, score: number, comment: string) =>
    asView(
      await apiFetch<unknown>(path(code, 'rating'), {
        body: comment ? { score, comment } : { score },
        headers: { [RESIDENT_TOKEN_HEADER]: token },
      }),
    ),
  /** Reopens a resolved report, with the resident's reason. */
  reopen: async (code: string, token: string, reason: string) =>
    asView(
      await apiFetch<unknown>(path(code, 'actions'), {
        body: { action: 'reopen', reason },
        headers: { [RESIDENT_TOKEN_HEADER]: token },
      }),
    ),
};
