import { vi } from 'vitest';
import { jsonResponse, problem } from '../../test/responses';

// Test helper only: a stand-in for the server that answers per `METHOD /path` and records every call.

/** One request the page made: multipart forms are read into their fields (files as `file:<name>`). */
export interface Call {
  method: string;
  url: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
}

/** An answer: a Response as is, or a value sent as JSON (201 for POST, 200 otherwise). */
export type Handler = (call: Call) => unknown;

function readBody(body: BodyInit | null | undefined): unknown {
  if (body === undefined || body === null) return undefined;
  if (body instanceof FormData) {
    const out: Record<string, string> = {};
    for (const [key, value] of body.entries()) out[key] = typeof value === 'string' ? value : `file:${value.name}`;
    return out;
  }
  return typeof body === 'string' ? (JSON.parse(body) as unknown) : body;
}

/** Replaces `fetch` with routes keyed `GET /api/admin/units`; anything else answers 404. */
export function fakeServer(routes: Record<string, Handler>): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string, init: RequestInit = {}) => {
      const method = (init.method ?? 'GET').toUpperCase();
      const url = new URL(String(input), 'http://localhost');
      const call: Call = {
        method,
        url: String(input),
        path: url.pathname,
        query: url.searchParams,
        body: readBody(init.body),
      };
      calls.push(call);
      const handler = routes[`${method} ${url.pathname}`];
      if (!handler) return problem(404, 'not_found');
      const out = await handler(call);
      if (out instanceof Response) return out;
      if (out === undefined) return new Response(null, { status: 204 });
      return jsonResponse(method === 'POST' ? 201 : 200, out);
    }),
  );
  return calls;
}

/** The calls other than reads. */
export const writes = (calls: Call[]) => calls.filter((c) => c.method !== 'GET');

/** A problem+json answer with a detail sentence. */
export function problemWith(
  status: number,
  code: string,
  detail: string,
  errors?: { path: string; message: string }[],
) {
  return jsonResponse(
    status,
    { type: `/problems/${code}`, title: code, status, code, detail, errors },
    'application/problem+json',
  );
}
