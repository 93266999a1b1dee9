import type { LightMyRequestResponse } from 'fastify';
import type { z } from 'zod';
import { ERROR_CODES } from '../../../shared/domain/errors';
import { parseXml } from '../../test/open311';
import type { FuzzRequest } from './cases';
import { PATHISH, SQLISH, UNICODE } from './hostile';
import type { Operation } from './operations';

// What no answer may carry. A match is a leak only if the request did not contain the same text (a
// field echoed back in a 422 or a stored description is the caller's own words, not ours).
const LEAKS: [string, RegExp][] = [
  ['stack trace', /\n\s*at [^\n]{1,200}:\d+:\d+/],
  ['stack trace', /\bat (?:async )?[\w$.<>[\] ]{1,80} \((?:file:\/\/|node:|\/)[^)]{0,200}\)/],
  ['error with file:line', /\b\w*Error: [^\n]{0,300}?[\w/.-]+\.(?:ts|js|mjs|cjs):\d+/],
  ['SQL', /\bSQLITE_[A-Z_]+/],
  ['SQL', /\bsqlite/i],
  ['SQL', /\bselect\s[^\n]{0,200}?\sfrom\s+["`[]?\w+/i],
  ['SQL', /\binsert\s+into\s+["`[]?\w+/i],
  ['SQL', /\bupdate\s+["`[]?\w+["`\]]?\s+set\s/i],
  ['SQL', /\bdelete\s+from\s+["`[]?\w+/i],
  ['SQL', /\bno such (?:table|column)\b/i],
  ['SQL', /\bconstraint failed\b/i],
  ['file path', /\/work\//],
  ['file path', /\/home\//],
  ['file path', /\/tmp\/beacon/],
  ['file path', /node_modules/],
  ['file path', /\.(?:ts|js|mjs|cjs):\d+/],
  ['file path', /file:\/\//],
];

/** Decodes the valid percent escapes of a URL and leaves broken ones (`%ZZ`) as they are. */
const looseDecode = (s: string) =>
  s.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => Buffer.from(run.replace(/%/g, ''), 'hex').toString('utf8'));

/** The text of a request, decoded, to tell an echo from a leak. */
function requestText(req: FuzzRequest): string {
  const parts = [
    req.url,
    looseDecode(req.url),
    looseDecode(req.url.replace(/\+/g, ' ')),
    ...Object.values(req.headers),
  ];
  if (req.payload !== undefined) {
    const body = typeof req.payload === 'string' ? req.payload : req.payload.toString('utf8');
    parts.push(body);
    try {
      parts.push(JSON.stringify(JSON.parse(body)));
    } catch {
      // Not JSON.
    }
    if (req.headers['content-type']?.startsWith('application/x-www-form-urlencoded'))
      parts.push([...new URLSearchParams(body).values()].join('\n'));
  }
  return parts.join('\n');
}

/** Decodes JSON and XML escapes so a reflected value is seen as the request's own text. */
const unescape = (s: string) =>
  s
    .replace(/\\u([0-9a-fA-F]{4})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
    .replace(/\\(["\\/])/g, '$1')
    .replace(/&(lt|gt|amp|quot|apos);/g, (_, e: string) => ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" })[e]!);

const HOSTILE_TEXT = [...SQLISH, ...PATHISH, ...UNICODE].join('\n');

// Large answers that were already found clean (the document, the catalogue): scanning them again finds nothing new.
const clean = new Set<string>();

/** Leaks of internals in a body: a stack trace, SQL or a server path the caller did not send. */
export function leaksIn(body: string, req: FuzzRequest): string[] {
  if (clean.has(body)) return [];
  const found: string[] = [];
  const plain = unescape(body);
  let sent: string | undefined;
  for (const [what, re] of LEAKS) {
    for (const text of [body, plain]) {
      const m = re.exec(text);
      if (!m) continue;
      sent ??= requestText(req);
      // A case's hostile text may be stored and shown by a later answer (a category named with SQL-ish
      // text, listed by the next case): the fuzzer's own words are never a leak.
      if (HOSTILE_TEXT.includes(m[0])) continue;
      if (!sent.includes(m[0]) && !unescape(sent).includes(m[0]))
        found.push(`${what}: ${JSON.stringify(m[0].slice(0, 120))}`);
    }
  }
  if (!found.length && body.length > 20_000 && clean.size < 50) clean.add(body);
  return [...new Set(found)];
}

const issuesOf = (error: z.ZodError) =>
  error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.')}: ${i.message}`)
    .join('; ');

/** Everything wrong with one answer; empty when it is fine. */
export function problemsOf(op: Operation, req: FuzzRequest, res: LightMyRequestResponse, schema?: z.ZodType): string[] {
  const problems: string[] = [];
  const status = res.statusCode;
  const type = String(res.headers['content-type'] ?? '');
  if (status >= 500) problems.push(`status ${status}`);
  if (!type.startsWith('image/')) problems.push(...leaksIn(res.body, req));
  if (status >= 200 && status < 300) {
    if (status !== op.success.status) problems.push(`status ${status}, documented ${op.success.status}`);
    if (op.open311) problems.push(...open311Body(req, res, false, schema));
    else if (op.success.contentType === 'application/json') {
      if (!type.startsWith('application/json')) problems.push(`2xx content type ${type}`);
      else if (schema) {
        const parsed = schema.safeParse(res.json());
        if (!parsed.success) problems.push(`2xx body does not match its schema: ${issuesOf(parsed.error)}`);
      }
    } else if (op.success.contentType && !type.startsWith(op.success.contentType))
      problems.push(`2xx content type ${type}, documented ${op.success.contentType}`);
  } else if (status >= 400 && status < 500) {
    if (op.open311) problems.push(...open311Body(req, res, true));
    else problems.push(...problemBody(res));
  } else if (status < 400) problems.push(`status ${status}`);
  return problems;
}

function problemBody(res: LightMyRequestResponse): string[] {
  if (!String(res.headers['content-type']).startsWith('application/problem+json'))
    return [`4xx content type ${res.headers['content-type']}`];
  try {
    const body = res.json() as { code?: string; status?: number; type?: string; title?: string };
    if (!body.code || !(body.code in ERROR_CODES)) return [`4xx without a documented code: ${res.body.slice(0, 200)}`];
    if (body.status !== res.statusCode) return [`problem status ${body.status} on a ${res.statusCode}`];
    if (typeof body.title !== 'string' || typeof body.type !== 'string') return ['problem without type/title'];
  } catch {
    return ['4xx body is not JSON'];
  }
  return [];
}

/** Open311 answers in the format the URL names: JSON for `.json`, XML otherwise (errors included). */
function open311Body(req: FuzzRequest, res: LightMyRequestResponse, error: boolean, schema?: z.ZodType): string[] {
  const json = req.url.split('?')[0]!.endsWith('.json');
  const type = String(res.headers['content-type'] ?? '');
  try {
    if (json) {
      if (!type.startsWith('application/json')) return [`Open311 content type ${type}`];
      const body = res.json() as unknown;
      if (error) {
        const ok =
          Array.isArray(body) &&
          body.every(
            (e: { code?: unknown; description?: unknown }) =>
              e.code === res.statusCode && typeof e.description === 'string',
          );
        return ok ? [] : [`Open311 error body: ${res.body.slice(0, 200)}`];
      }
      const parsed = schema?.safeParse(body);
      return !parsed || parsed.success ? [] : [`2xx body does not match its schema: ${issuesOf(parsed.error)}`];
    }
    if (!type.startsWith('text/xml')) return [`Open311 content type ${type}`];
    const root = parseXml(res.body);
    if (error && root.name !== 'errors') return [`Open311 XML error root <${root.name}>`];
  } catch (e) {
    return [`Open311 body unreadable: ${(e as Error).message.slice(0, 200)}`];
  }
  return [];
}
