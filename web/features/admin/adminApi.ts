import type { z } from 'zod';
import type {
  AdminArea,
  AdminCategory,
  AdminRule,
  AdminUnit,
  AdminUser,
  ApiKeyCreated,
  ApiKeyInput,
  ApiKeyView,
  AreaImportOptions,
  AreaImportPreview,
  AreaImportResult,
  AuditEntry,
  CalendarSettings,
  CategoryInput,
  ConfigImportSummary,
  CategoryPatch,
  ReplyTemplate,
  RuleInput,
  RulePatch,
  RuleTestInput,
  RuleTestResult,
  TemplateInput,
  TemplatePatch,
  UnitInput,
  UnitPatch,
  UserInput,
  UserPatch,
} from '../../../shared/schemas/admin';
import { ApiError, apiFetch, toApiError } from '../../api/http';

// The administration API (`/api/admin/*`). Lists answer `{ items }`; errors are problem+json.

/** A request body as the shared schema accepts it. */
export type Body<S extends z.ZodType> = z.input<S>;

/** Options of an area import or preview (multipart fields next to the file). */
export type AreaOptions = Partial<z.input<typeof AreaImportOptions>>;

/** The working calendar deadlines follow (`GET/PUT /api/admin/calendar`). */
export type WorkingCalendar = CalendarSettings;

/** Query of the audit log. */
export interface AuditQuery {
  entity?: string;
  before?: number;
  limit?: number;
}

const enc = encodeURIComponent;

const list = async <T>(path: string, signal?: AbortSignal): Promise<T[]> =>
  (await apiFetch<{ items: T[] }>(path, { signal })).items;

/** Sends a file with form fields (fields first: the server reads them before the file's bytes). */
async function upload<T>(path: string, file: File, fields: AreaOptions, signal?: AbortSignal): Promise<T> {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined || value === '') continue;
    form.append(key, String(value));
  }
  form.append('file', file, file.name);
  let res: Response;
  try {
    res = await fetch(path, {
      method: 'POST',
      body: form,
      headers: { Accept: 'application/json' },
      credentials: 'same-origin',
      signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, 'network_error', err instanceof Error ? err.message : 'network error');
  }
  if (!res.ok) throw await toApiError(res);
  return (await res.json()) as T;
}

/** The file name a download answer suggests (`Content-Disposition`), else `fallback`. */
export function downloadName(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = disposition.match(/filename\*=(?:UTF-8'')?([^;]+)/i);
  if (star?.[1]) return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
  const plain = disposition.match(/filename="?([^";]+)"?/i);
  return plain?.[1]?.trim() || fallback;
}

export const adminApi = {
  areas: (signal?: AbortSignal) => list<AdminArea>('/api/admin/areas', signal),
  previewAreas: (file: File, options: AreaOptions, signal?: AbortSignal) =>
    upload<AreaImportPreview>('/api/admin/areas/preview', file, options, signal),
  importAreas: (file: File, options: AreaOptions) => upload<AreaImportResult>('/api/admin/areas/import', file, options),

  units: (signal?: AbortSignal) => list<AdminUnit>('/api/admin/units', signal),
  createUnit: (body: Body<typeof UnitInput>) => apiFetch<AdminUnit>('/api/admin/units', { body }),
  updateUnit: (id: number, body: Body<typeof UnitPatch>) =>
    apiFetch<AdminUnit>(`/api/admin/units/${id}`, { method: 'PATCH', body }),

  categories: (signal?: AbortSignal) => list<AdminCategory>('/api/admin/categories', signal),
  createCategory: (body: Body<typeof CategoryInput>) => apiFetch<AdminCategory>('/api/admin/categories', { body }),
  updateCategory: (code: string, body: Body<typeof CategoryPatch>) =>
    apiFetch<AdminCategory>(`/api/admin/categories/${enc(code)}`, { method: 'PATCH', body }),

  rules: (signal?: AbortSignal) => list<AdminRule>('/api/admin/rules', signal),
  createRule: (body: Body<typeof RuleInput>) => apiFetch<AdminRule>('/api/admin/rules', { body }),
  updateRule: (id: number, body: Body<typeof RulePatch>) =>
    apiFetch<AdminRule>(`/api/admin/rules/${id}`, { method: 'PATCH', body }),
  deleteRule: (id: number) => apiFetch<void>(`/api/admin/rules/${id}`, { method: 'DELETE' }),
  testRule: (body: Body<typeof RuleTestInput>) => apiFetch<RuleTestResult>('/api/admin/rules/test', { body }),

  templates: (signal?: AbortSignal) => list<ReplyTemplate>('/api/admin/templates', signal),
  createTemplate: (body: Body<typeof TemplateInput>) => apiFetch<ReplyTemplate>('/api/admin/templates', { body }),
  updateTemplate: (id: number, body: Body<typeof TemplatePatch>) =>
    apiFetch<ReplyTemplate>(`/api/admin/templates/${id}`, { method: 'PATCH', body }),
  deleteTemplate: (id: number) => apiFetch<void>(`/api/admin/templates/${id}`, { method: 'DELETE' }),

  calendar: (signal?: AbortSignal) => apiFetch<WorkingCalendar>('/api/admin/calendar', { signal }),
  saveCalendar: (body: WorkingCalendar) => apiFetch<WorkingCalendar>('/api/admin/calendar', { method: 'PUT', body }),

  users: (signal?: AbortSignal) => list<AdminUser>('/api/admin/users', signal),
  createUser: (body: Body<typeof UserInput>) => apiFetch<AdminUser>('/api/admin/users', { body }),
  updateUser: (id: number, body: Body<typeof UserPatch>) =>
    apiFetch<AdminUser>(`/api/admin/users/${id}`, { method: 'PATCH', body }),
  /** Removes a user's two-step verification (lost phone); ends their sessions. */
  resetUserTotp: (id: number) => apiFetch<AdminUser>(`/api/admin/users/${id}/totp`, { method: 'DELETE' }),

  apiKeys: (signal?: AbortSignal) => list<ApiKeyView>('/api/admin/api-keys', signal),
  createApiKey: (body: Body<typeof ApiKeyInput>) => apiFetch<ApiKeyCreated>('/api/admin/api-keys', { body }),
  revokeApiKey: (id: number) => apiFetch<void>(`/api/admin/api-keys/${id}`, { method: 'DELETE' }),

  audit: (q: AuditQuery, signal?: AbortSignal) => {
    const params = new URLSearchParams();
    if (q.entity) params.set('entity', q.entity);
    if (q.before !== undefined) params.set('before', String(q.before));
    if (q.limit !== undefined) params.set('limit', String(q.limit));
    const qs = params.toString();
    return list<AuditEntry>(`/api/admin/audit${qs ? `?${qs}` : ''}`, signal);
  },

  /** The whole configuration as a file. */
  exportConfig: async (): Promise<{ blob: Blob; filename: string }> => {
    let res: Response;
    try {
      res = await fetch('/api/admin/config', { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
    } catch (err) {
      throw new ApiError(0, 'network_error', err instanceof Error ? err.message : 'network error');
    }
    if (!res.ok) throw await toApiError(res);
    const day = new Date().toISOString().slice(0, 10);
    return {
      blob: await res.blob(),
      filename: downloadName(res.headers.get('Content-Disposition'), `beacon-ioc-config-${day}.json`),
    };
  },
  /** Replaces the whole configuration; the server checks everything first and answers with a summary. */
  importConfig: (config: unknown) =>
    apiFetch<ConfigImportSummary>('/api/admin/config', { method: 'POST', body: config }),
};
