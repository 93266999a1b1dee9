import type { Rng } from '../../../scripts/seed/random';
import type { Baseline } from './context';
import { chooseMutation, encode, isObject, type Draft, type Encoding } from './mutations';
import type { Operation } from './operations';

/** One request a case sends through `app.inject`. */
export interface FuzzRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
  /** What was done to the baseline, for the summary and a failure message. */
  mutation: string;
}

const clone = <T>(v: T): T => (v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T));

function encodingsOf(op: Operation): Encoding[] {
  const types = Object.keys(op.bodies);
  const out: Encoding[] = [];
  if (types.includes('application/json')) out.push('json');
  if (types.includes('multipart/form-data')) out.push('multipart');
  if (types.includes('application/x-www-form-urlencoded')) out.push('form');
  if (types.some((t) => t.endsWith('geo+json'))) out.push('upload');
  return out.length ? out : ['none'];
}

function multipartFields(value: unknown, prefix = '', out: Record<string, string | string[]> = {}) {
  if (isObject(value))
    for (const [k, v] of Object.entries(value)) multipartFields(v, prefix ? `${prefix}.${k}` : k, out);
  else if (Array.isArray(value))
    out[prefix] = value.map((v) => (typeof v === 'string' ? v : (JSON.stringify(v) ?? '')));
  else if (value !== undefined) out[prefix || 'value'] = typeof value === 'string' ? value : JSON.stringify(value);
  return out;
}

function multipartBody(fields: Record<string, string | string[]>, files: Draft['files'] = []) {
  const boundary = 'fuzz' + 'b'.repeat(8);
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields))
    for (const v of Array.isArray(value) ? value : [value])
      chunks.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${name.replace(/"/g, '%22')}"\r\n\r\n${v}\r\n`,
        ),
      );
  for (const f of files) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${f.field}"; filename="${f.name}"\r\nContent-Type: ${f.type}\r\n\r\n`,
      ),
      f.bytes,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), type: `multipart/form-data; boundary=${boundary}` };
}

function formBody(value: unknown): string {
  const params = new URLSearchParams();
  const fields = isObject(value) ? value : { value };
  for (const [k, v] of Object.entries(fields)) {
    if (Array.isArray(v)) for (const item of v) params.append(k, String(item));
    else params.append(k, typeof v === 'string' ? v.replace(/[\uD800-\uDFFF]/g, '\uFFFD') : (JSON.stringify(v) ?? ''));
  }
  return params.toString();
}

/** The request of one case: the baseline, one mutation (sometimes two), encoded. */
export function buildCase(op: Operation, base: Baseline, rng: Rng): FuzzRequest {
  const encodings = encodingsOf(op);
  // Multipart-capable routes take their baseline as a form a third of the time.
  const encoding = encodings.includes('multipart') && rng.chance(0.3) ? 'multipart' : encodings[0]!;
  const d: Draft = {
    path: { ...base.path },
    query: Object.entries(base.query).map(([k, v]) => [encode(k), encode(v)]),
    body: clone(base.body),
    encoding,
    headers: { ...base.headers },
  };
  const labels = [chooseMutation(op, encoding, rng)(d, rng, op)];
  if (labels[0] !== 'valid' && rng.chance(0.15)) labels.push(chooseMutation(op, d.encoding, rng)(d, rng, op));

  let url = op.template;
  for (const [name, value] of Object.entries(d.path))
    url = url.replace(`{${name}}`, value.includes('%') || value === '..' || value === '.' ? value : encode(value));
  if (d.query.length) url += '?' + d.query.map(([k, v]) => `${k}=${v}`).join('&');

  let payload: string | Buffer | undefined;
  let type: string | undefined;
  if (d.raw !== undefined) {
    payload = d.raw;
    type =
      d.encoding === 'upload'
        ? 'application/geo+json'
        : d.encoding === 'form'
          ? 'application/x-www-form-urlencoded'
          : 'application/json';
  } else if (d.encoding === 'json' || d.encoding === 'upload') {
    if (d.body !== undefined) {
      payload = JSON.stringify(d.body) ?? 'null';
      type = d.encoding === 'upload' ? 'application/geo+json' : 'application/json';
    }
  } else if (d.encoding === 'multipart') {
    const m = multipartBody(multipartFields(d.body), d.files);
    payload = m.payload;
    type = m.type;
  } else if (d.encoding === 'form') {
    payload = formBody(d.body);
    type = 'application/x-www-form-urlencoded';
  }
  if (d.splice && typeof payload === 'string')
    payload = payload.replace(JSON.stringify(d.splice.marker), d.splice.text);
  if (d.splice && Buffer.isBuffer(payload))
    payload = Buffer.from(payload.toString('latin1').replace(d.splice.marker, d.splice.text), 'latin1');
  // A `__proto__` key can only be written as text (an object literal would set the prototype instead).
  if (typeof payload === 'string') payload = payload.replace('"__fuzz_proto__"', '"__proto__"');
  else if (payload)
    payload = Buffer.from(payload.toString('latin1').replace('"__fuzz_proto__"', '"__proto__"'), 'latin1');
  const headers = { ...d.headers };
  const finalType = d.contentType === undefined ? type : d.contentType;
  if (payload !== undefined && finalType) headers['content-type'] = finalType;
  if (payload !== undefined && d.contentType === null) delete headers['content-type'];
  return { method: op.method, url, headers, payload, mutation: labels.join('+') };
}
