import type {
  CreateReportInput,
  CreateReportResult,
  PublicReportView,
  ReportList,
  SessionUser,
  StaffReportDetail,
  StaffReportView,
  TransitionInput,
} from '../../shared/schemas/reports';
import type { AreaDto, CategoryDto, UnitDto } from '../../shared/schemas/categories';
import type {
  StatsFigure,
  StatsHeatmap,
  StatsOverview,
  StatsReportPage,
  StatsSummary,
} from '../../shared/schemas/stats';
import type { ReplyTemplate } from '../../shared/schemas/admin';
import type { TotpSetup } from '../../shared/schemas/auth';
import type { ReportStatus } from '../../shared/domain/statuses';
import { ApiError, apiFetch, toApiError } from './http';

const enc = encodeURIComponent;

/** Public catalogue: categories (Open311 services) and ward boundaries. */
export const catalogApi = {
  categories: (signal?: AbortSignal) => apiFetch<CategoryDto[]>('/api/categories', { signal }),
  areas: (signal?: AbortSignal) => apiFetch<AreaDto[]>('/api/areas', { signal }),
  units: (signal?: AbortSignal) => apiFetch<UnitDto[]>('/api/units', { signal }),
};

/** Residents: file a report and follow it. */
export const publicApi = {
  createReport: (input: CreateReportInput, idempotencyKey: string) =>
    apiFetch<CreateReportResult>('/api/reports', { body: input, headers: { 'Idempotency-Key': idempotencyKey } }),
  track: (code: string, signal?: AbortSignal) => apiFetch<PublicReportView>(`/api/track/${enc(code)}`, { signal }),
};

/** Staff session. */
export const authApi = {
  /** Signs in; `totp` is the authenticator code, asked for (401 `totp_required`) once one is enrolled. */
  login: (username: string, password: string, totp?: string) =>
    apiFetch<SessionUser>('/api/auth/login', { body: { username, password, ...(totp ? { totp } : {}) } }),
  /** A new TOTP secret with its QR code (enrolment), shown this once. */
  totpSetup: () => apiFetch<TotpSetup>('/api/auth/totp/setup', { method: 'POST' }),
  /** Turns two-step verification on with a code from the app; answers the (new, full) session's user. */
  totpConfirm: (code: string) => apiFetch<SessionUser>('/api/auth/totp/confirm', { body: { code } }),
  logout: () => apiFetch<void>('/api/auth/logout', { method: 'POST' }),
  me: (signal?: AbortSignal) => apiFetch<SessionUser>('/api/auth/me', { signal }),
};

/** Filters of the staff report list. */
export interface ReportListQuery {
  status?: readonly ReportStatus[];
  unitId?: number;
  categoryCode?: string;
  limit?: number;
}

/** Staff: the report list, one report, lifecycle transitions. */
export const reportsApi = {
  list: (q: ReportListQuery, signal?: AbortSignal) => {
    const params = new URLSearchParams();
    if (q.status?.length) params.set('status', q.status.join(','));
    if (q.unitId !== undefined) params.set('unitId', String(q.unitId));
    if (q.categoryCode) params.set('categoryCode', q.categoryCode);
    if (q.limit !== undefined) params.set('limit', String(q.limit));
    const qs = params.toString();
    return apiFetch<ReportList>(`/api/reports${qs ? `?${qs}` : ''}`, { signal });
  },
  get: (id: number, signal?: AbortSignal) => apiFetch<StaffReportDetail>(`/api/reports/${id}`, { signal }),
  /** A lifecycle transition: JSON, or multipart/form-data when it carries photos (a resolution's after-photo). */
  transition: (id: number, input: TransitionInput, photos: readonly Blob[] = []) =>
    photos.length === 0
      ? apiFetch<StaffReportView>(`/api/reports/${id}/transitions`, { body: input })
      : postForm<StaffReportView>(`/api/reports/${id}/transitions`, transitionFormData(input, photos)),
};

/**
 * The multipart body of a transition: the same fields as the JSON one (those given), then each photo
 * under `photos` (named `after-1.jpg`, ... when the blob has no name of its own).
 */
export function transitionFormData(input: TransitionInput, photos: readonly Blob[]): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(input)) {
    if (value !== undefined && value !== null) form.append(key, String(value));
  }
  photos.forEach((p, i) => form.append('photos', p, p instanceof File && p.name ? p.name : `after-${i + 1}.jpg`));
  return form;
}

/** Posts a multipart form on the same origin (the browser sets its boundary) and reads the answer like `apiFetch`. */
async function postForm<T>(path: string, form: FormData): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: 'POST',
      headers: { Accept: 'application/json' },
      body: form,
      credentials: 'same-origin',
    });
  } catch (err) {
    throw new ApiError(0, 'network_error', err instanceof Error ? err.message : 'network error');
  }
  if (!res.ok) throw await toApiError(res);
  const text = res.status === 204 ? '' : await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Actions a reply template can go with. */
export type TemplateAction = ReplyTemplate['action'];

/** Staff: reply templates for a category and an action (the category's own first, then the general ones). */
export const templatesApi = {
  list: (q: { categoryCode: string; action: TemplateAction }, signal?: AbortSignal) =>
    apiFetch<{ items: ReplyTemplate[] }>(`/api/templates?categoryCode=${enc(q.categoryCode)}&action=${enc(q.action)}`, {
      signal,
    }),
};

/** Leaders: statistics over a date range (ISO datetimes). */
export const statsApi = {
  summary: (from: string, to: string, signal?: AbortSignal) =>
    apiFetch<StatsSummary>(`/api/stats/summary?from=${enc(from)}&to=${enc(to)}`, { signal }),
  /** The leaders' page: `query` is the period and filters (`from`, `to`, `unitId`, ...) plus `bucket`. */
  overview: (query: URLSearchParams, signal?: AbortSignal) =>
    apiFetch<StatsOverview>(`/api/stats/overview?${query.toString()}`, { signal }),
  /** The reports behind one figure, a page at a time (`query`: period, filters, optional `bbox`). */
  reports: (query: URLSearchParams, figure: StatsFigure, page: number, pageSize: number, signal?: AbortSignal) => {
    const q = new URLSearchParams(query);
    q.set('figure', figure);
    q.set('page', String(page));
    q.set('pageSize', String(pageSize));
    return apiFetch<StatsReportPage>(`/api/stats/reports?${q.toString()}`, { signal });
  },
  /** Reports received in the period on a grid (`query`: period and filters). */
  heatmap: (query: URLSearchParams, signal?: AbortSignal) =>
    apiFetch<StatsHeatmap>(`/api/stats/heatmap?${query.toString()}`, { signal }),
  /** The address of the CSV download of the period and filters (a plain link: the browser downloads it). */
  exportCsvUrl: (query: URLSearchParams) => `/api/stats/export.csv?${query.toString()}`,
};
