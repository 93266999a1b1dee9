import type { ErrorCode, FieldError, Problem } from '../../shared/domain/errors';

/** Codes an ApiError can carry: the server's documented codes plus the client's own. */
export type ApiErrorCode = ErrorCode | 'network_error' | 'unexpected_response';

/** A failed API call, carrying what the server said in its problem+json body. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ApiErrorCode;
  readonly fieldErrors: FieldError[];
  readonly detail: string | undefined;

  constructor(status: number, code: ApiErrorCode, message: string, fieldErrors: FieldError[] = [], detail?: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fieldErrors = fieldErrors;
    this.detail = detail;
  }

  /** The first error the server gave for a field path (e.g. `contact.email`). */
  fieldError(path: string): string | undefined {
    return this.fieldErrors.find((e) => e.path === path)?.message;
  }
}

/** True when `err` is an ApiError with this code. */
export function isApiError(err: unknown, code?: ApiErrorCode): err is ApiError {
  return err instanceof ApiError && (code === undefined || err.code === code);
}

type UnauthenticatedListener = () => void;
const unauthenticatedListeners = new Set<UnauthenticatedListener>();

/** Called whenever the server answers 401 `unauthenticated` (the session expired); returns an unsubscribe. */
export function onUnauthenticated(listener: UnauthenticatedListener): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

/** Options of `apiFetch`: a JSON body, extra headers, an abort signal. */
export interface ApiOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/** Calls the API on the same origin with the session cookie; returns the JSON body or throws an ApiError. */
export async function apiFetch<T>(path: string, options: ApiOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(path, {
      method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, 'network_error', err instanceof Error ? err.message : 'network error');
  }
  if (res.ok) {
    if (res.status === 204) return undefined as T;
    const text = await res.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }
  throw await toApiError(res);
}

/** Reads a problem+json body (or anything else) into an ApiError. */
export async function toApiError(res: Response): Promise<ApiError> {
  let problem: Partial<Problem> = {};
  try {
    const body: unknown = await res.json();
    if (body && typeof body === 'object') problem = body as Partial<Problem>;
  } catch {
    // Not JSON (a proxy's HTML error page): keep the status alone.
  }
  const code: ApiErrorCode = typeof problem.code === 'string' ? problem.code : codeForStatus(res.status);
  const fieldErrors = Array.isArray(problem.errors)
    ? problem.errors.filter((e): e is FieldError => !!e && typeof e.path === 'string' && typeof e.message === 'string')
    : [];
  const err = new ApiError(res.status, code, problem.title ?? res.statusText ?? code, fieldErrors, problem.detail);
  if (err.code === 'unauthenticated') unauthenticatedListeners.forEach((l) => l());
  return err;
}

function codeForStatus(status: number): ApiErrorCode {
  switch (status) {
    case 401:
      return 'unauthenticated';
    case 403:
      return 'forbidden';
    case 404:
      return 'not_found';
    case 409:
      return 'version_conflict';
    case 422:
      return 'validation_failed';
    case 429:
      return 'rate_limited';
    default:
      return status >= 500 ? 'internal' : 'unexpected_response';
  }
}
