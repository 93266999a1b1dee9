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
import type { StatsSummary } from '../../shared/schemas/stats';
import type { ReportStatus } from '../../shared/domain/statuses';
import { apiFetch } from './http';

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
  login: (username: string, password: string) =>
    apiFetch<SessionUser>('/api/auth/login', { body: { username, password } }),
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
  transition: (id: number, input: TransitionInput) =>
    apiFetch<StaffReportView>(`/api/reports/${id}/transitions`, { body: input }),
};

/** Leaders: statistics over a date range (ISO datetimes). */
export const statsApi = {
  summary: (from: string, to: string, signal?: AbortSignal) =>
    apiFetch<StatsSummary>(`/api/stats/summary?from=${enc(from)}&to=${enc(to)}`, { signal }),
};
