import type { Rng } from '../../../scripts/seed/random';
import { deepJson, hostileText, hostileValue, hugeString, NUMBERISH, PROTO_KEYS, UNICODE } from './hostile';
import type { Operation } from './operations';

/** How a body is sent. */
export type Encoding = 'json' | 'multipart' | 'form' | 'upload' | 'none';

/** A request being built: the baseline's parts, then mutated, then encoded. */
export interface Draft {
  path: Record<string, string>;
  /** Query pairs as raw (already encoded) text. */
  query: [string, string][];
  body: unknown;
  encoding: Encoding;
  headers: Record<string, string>;
  /** Replaces the encoded body (malformed text, raw bytes). */
  raw?: string | Buffer;
  /** Replaces the content type the encoding would send (`null`: none). */
  contentType?: string | null;
  /** Placeholder strings in the body replaced by raw JSON text (deep nesting) after encoding. */
  splice?: { marker: string; text: string };
  files?: { field: string; name: string; type: string; bytes: Buffer }[];
}

/** Percent-encodes text as UTF-8 (a lone surrogate becomes U+FFFD, as a browser would send it). */
export function encode(text: string): string {
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    const c = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-._~]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every place in a JSON value (object keys and array items), as paths. */
function placesOf(value: unknown, path: (string | number)[] = [], out: (string | number)[][] = []) {
  const entries: [string | number, unknown][] = Array.isArray(value)
    ? value.map((v, i) => [i, v])
    : isObject(value)
      ? Object.entries(value)
      : [];
  for (const [key, v] of entries) {
    out.push([...path, key]);
    placesOf(v, [...path, key], out);
  }
  return out;
}

function setAt(root: unknown, path: (string | number)[], value: unknown, remove = false): void {
  let node = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (remove && Array.isArray(node)) node.splice(last as number, 1);
  else if (remove) delete node[last];
  else node[last] = value;
}

// Mutations: each changes one part of a valid request. The weights favour the body where there is one.
export type Mutation = (d: Draft, rng: Rng, op: Operation) => string;

const bodyField: Mutation = (d, rng) => {
  if (!isObject(d.body) && !Array.isArray(d.body)) return bodyRoot(d, rng, undefined as never);
  const places = placesOf(d.body);
  if (!places.length) return extraFields(d, rng, undefined as never);
  const at = rng.pick(places);
  const kind = rng.pick(['type', 'null', 'huge', 'unicode', 'number', 'proto'] as const);
  const value =
    kind === 'type'
      ? hostileValue(rng)
      : kind === 'null'
        ? null
        : kind === 'huge'
          ? hugeString(rng)
          : kind === 'unicode'
            ? rng.pick(UNICODE)
            : kind === 'number'
              ? rng.pick(NUMBERISH)
              : { [rng.pick(PROTO_KEYS)]: { admin: true } };
  setAt(d.body, at, value);
  return `field-${kind}:${at.join('.')}`;
};

const dropField: Mutation = (d, rng) => {
  const places = placesOf(d.body);
  if (!places.length) return bodyRoot(d, rng, undefined as never);
  const at = rng.pick(places);
  setAt(d.body, at, undefined, true);
  return `drop:${at.join('.')}`;
};

const extraFields: Mutation = (d, rng) => {
  const target = isObject(d.body) ? d.body : (d.body = {});
  const objects = [target, ...placesOf(target).map((p) => p.reduce<unknown>((n, k) => (n as never)[k], target))].filter(
    isObject,
  );
  const into = rng.pick(objects);
  for (let i = rng.int(1, 5); i > 0; i--)
    into[rng.pick(['role', 'id', 'isAdmin', 'status', 'x'.repeat(rng.int(1, 300)), ...UNICODE])] = hostileValue(rng);
  // `__proto__` only survives as JSON text: the parser must not let it reach an object's prototype.
  if (rng.chance(0.5)) {
    d.splice = { marker: '\u0001proto\u0001', text: '{"isAdmin":true,"role":"admin"}' };
    into.__fuzz_proto__ = d.splice.marker;
  }
  return 'extra-fields';
};

const bodyRoot: Mutation = (d, rng) => {
  const kind = rng.int(0, 3);
  if (kind === 0) {
    d.raw = deepJson(rng);
    return 'deep-body';
  }
  d.body = rng.pick<unknown>([null, [], [d.body], 'text', 0, true, -1e308, hugeString(rng, 1000)]);
  return 'wrong-root';
};

const deepField: Mutation = (d, rng) => {
  const target = isObject(d.body) ? d.body : (d.body = {});
  const places = placesOf(target);
  const marker = '\u0001deep\u0001';
  if (places.length) setAt(target, rng.pick(places), marker);
  else target.deep = marker;
  d.splice = { marker, text: deepJson(rng, rng.chance(0.7) ? 10_000 : rng.pick([10, 100, 1000, 2000])) };
  return 'deep-field';
};

const MALFORMED = [
  '{',
  '{"a":',
  '{"a":1,}',
  "{'a':1}",
  '{"a":NaN}',
  '{"a":Infinity}',
  '{"a":1} trailing',
  '{"a":1}{"b":2}',
  '/* c */ {"a":1}',
  '\uFEFF{"a":1}',
  '{"a":"\\x41"}',
  '{"a":"\\uD800"}',
  '{"a":"\u0000"}',
  '{"__proto__":{"isAdmin":true}}',
  '{"constructor":{"prototype":{"isAdmin":true}}}',
  '[1,2,',
  'null',
  '""',
  '',
  ' ',
  '{"a":1e99999}',
  '{"a":-}',
  '{"a":0x10}',
  '{"a":01}',
  '{"a":"' + 'b'.repeat(70_000) + '',
];

const malformed: Mutation = (d, rng) => {
  if (rng.chance(0.2)) {
    // Bytes that are not UTF-8 at all.
    d.raw = Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x80, 0x22, 0x7d]);
    return 'malformed-bytes';
  }
  d.raw = rng.pick(MALFORMED);
  if (d.encoding === 'none' || d.encoding === 'multipart' || d.encoding === 'form') d.encoding = 'json';
  return 'malformed-json';
};

const CONTENT_TYPES = [
  'text/plain',
  'application/xml',
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'multipart/form-data; boundary=',
  'application/json; charset=utf-16',
  'application/json; charset=latin1',
  'application/JSON',
  'application/json;;;',
  'x/y; a="b',
  'image/jpeg',
  'application/octet-stream',
  '*/*',
  'application/problem+json',
  'application/geo+json',
  'text/csv',
];

const contentType: Mutation = (d, rng) => {
  if (d.encoding === 'none') d.encoding = 'json';
  if (d.body === undefined) d.body = { a: 1 };
  d.contentType = rng.chance(0.1) ? null : rng.pick(CONTENT_TYPES);
  return `content-type:${d.contentType}`;
};

const queryHostile: Mutation = (d, rng, op) => {
  const names = [...op.queryParams.map((p) => p.name), ...d.query.map(([k]) => k)];
  const name =
    names.length && rng.chance(0.85) ? rng.pick(names) : rng.pick(['x', '__proto__', 'constructor', 'a[b]', '']);
  const value = rng.chance(0.3)
    ? rng.pick(['%ZZ', '%', '%00', '%E0%A4%A', '+', '&&', '==', '%2C%2C'])
    : encode(hostileText(rng));
  d.query = d.query.filter(([k]) => k !== name);
  d.query.push([encode(name), value]);
  return `query:${name}`;
};

const queryDuplicate: Mutation = (d, rng, op) => {
  const names = [...new Set([...op.queryParams.map((p) => p.name), ...d.query.map(([k]) => k)])];
  const name = names.length ? rng.pick(names) : 'x';
  const kind = rng.int(0, 3);
  if (kind === 0) d.query.push([name, encode(hostileText(rng))], [name, 'x']);
  else if (kind === 1) d.query.push([`${name}[]`, '1'], [`${name}[]`, '2']);
  else if (kind === 2) d.query.push([`${name}[a]`, '1']);
  else for (let i = 0; i < rng.int(100, 2000); i++) d.query.push([name, String(i)]);
  return `query-dup:${name}`;
};

const pathHostile: Mutation = (d, rng, op) => {
  if (!op.pathParams.length) return queryHostile(d, rng, op);
  const p = rng.pick(op.pathParams);
  d.path[p.name] = rng.chance(0.4)
    ? rng.pick(['..%2F..%2F', '%2e%2e', '%00', 'a%00b', '%ZZ', '%', '..', '.', '%20', '%2F', 'x%2Fy', '%C0%AF'])
    : encode(hostileText(rng)).slice(0, rng.chance(0.8) ? 300 : 20_000);
  return `path:${p.name}`;
};

const headerHostile: Mutation = (d, rng) => {
  const name = rng.pick([
    'idempotency-key',
    'x-resident-token',
    'cookie',
    'accept',
    'accept-language',
    'content-length',
    'x-forwarded-for',
    'origin',
  ]);
  const raw = hostileText(rng);
  // Header values are bytes: anything outside latin-1 goes as its UTF-8 bytes read as latin-1.
  let value = Buffer.from(raw.replace(/[\r\n\0]/g, ' '), 'utf8')
    .toString('latin1')
    .slice(0, 8000);
  if (name === 'content-length') value = rng.pick(['-1', '0', 'abc', '99999999999', '1e3']);
  if (name === 'cookie')
    value = rng.pick([value, 'beacon_sid=' + value, 'beacon_sid=; beacon_sid=x', 'beacon_sid=%ZZ']);
  d.headers[name] = value;
  return `header:${name}`;
};

const oversize: Mutation = (d, rng) => {
  if (d.encoding === 'none') d.encoding = 'json';
  d.body = { ...(isObject(d.body) ? d.body : {}), padding: hugeString(rng, 1_100_000) };
  return 'oversize';
};

const multipartAbuse: Mutation = (d, rng) => {
  d.encoding = 'multipart';
  const garbage = [
    Buffer.from('not an image at all'),
    Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46]),
    Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
    Buffer.from('%PDF-1.4\n%âãÏÓ'),
    Buffer.alloc(0),
    Buffer.from(hugeString(rng, 200_000)),
  ];
  const kind = rng.int(0, 6);
  if (kind === 0) {
    d.files = [
      {
        field: 'photos',
        name: rng.pick(['x.jpg', '../../x.jpg', 'a\u0000.jpg', '🧨.png']),
        type: rng.pick(['image/jpeg', 'text/html']),
        bytes: rng.pick(garbage),
      },
    ];
    return 'multipart-bad-file';
  }
  if (kind === 1) {
    d.files = Array.from({ length: rng.int(4, 8) }, (_, i) => ({
      field: 'photos',
      name: `${i}.jpg`,
      type: 'image/jpeg',
      bytes: garbage[0]!,
    }));
    return 'multipart-too-many-files';
  }
  if (kind === 2) {
    d.files = [
      {
        field: rng.pick(['file', 'description', '__proto__', 'contact.name']),
        name: 'x.jpg',
        type: 'image/jpeg',
        bytes: garbage[0]!,
      },
    ];
    return 'multipart-file-elsewhere';
  }
  if (kind === 3) {
    const target = isObject(d.body) ? d.body : (d.body = {});
    target[
      rng.pick([
        '__proto__.isAdmin',
        'contact.__proto__',
        'attributes.constructor',
        'contact..name',
        '.',
        'a.b.c.d.e.f',
        'contact.name.first',
      ])
    ] = 'x';
    return 'multipart-field-names';
  }
  if (kind === 4) {
    const boundary = 'fuzzboundary';
    d.contentType = rng.pick([
      `multipart/form-data; boundary=${boundary}`,
      'multipart/form-data; boundary=other',
      'multipart/form-data',
    ]);
    d.raw = rng.pick([
      `--${boundary}\r\nContent-Disposition: form-data; name="description"\r\n\r\nabc`,
      `--${boundary}\r\nContent-Disposition: form-data\r\n\r\nabc\r\n--${boundary}--\r\n`,
      `--${boundary}--\r\n`,
      `garbage`,
      `--${boundary}\r\nContent-Disposition: form-data; name="photos"; filename="x.jpg"\r\nContent-Type: image/jpeg\r\n\r\n\xff\xd8`,
    ]);
    return 'multipart-malformed';
  }
  if (kind === 5) {
    const target = isObject(d.body) ? d.body : (d.body = {});
    for (let i = 0; i < rng.int(50, 400); i++) target[`f${i}`] = 'x';
    return 'multipart-many-fields';
  }
  return bodyField(d, rng, undefined as never);
};

const unexpectedBody: Mutation = (d, rng) => {
  d.encoding = rng.pick(['json', 'json', 'multipart'] as const);
  d.body = rng.chance(0.5) ? { a: hostileValue(rng) } : hostileValue(rng);
  return 'unexpected-body';
};

const valid: Mutation = () => 'valid';

/** One mutation, by weight: the body where there is one, else the path, query and headers. */
export function chooseMutation(op: Operation, encoding: Encoding, rng: Rng): Mutation {
  const hasBody = encoding !== 'none';
  const weights: [Mutation, number][] = [
    [valid, 6],
    [queryHostile, op.queryParams.length ? 12 : 3],
    [queryDuplicate, op.queryParams.length ? 5 : 1],
    [pathHostile, op.pathParams.length ? 14 : 0],
    [headerHostile, 5],
    [contentType, hasBody ? 6 : 2],
    [malformed, hasBody ? 7 : 2],
    [bodyField, hasBody ? 30 : 0],
    [dropField, hasBody ? 5 : 0],
    [extraFields, hasBody ? 7 : 0],
    [bodyRoot, hasBody ? 5 : 0],
    [deepField, hasBody ? 5 : 0],
    [oversize, hasBody ? 2 : 1],
    [multipartAbuse, op.bodies['multipart/form-data'] ? 10 : 0],
    [unexpectedBody, hasBody ? 0 : 6],
  ];
  let r = rng.next() * weights.reduce((n, [, w]) => n + w, 0);
  for (const [m, w] of weights) if ((r -= w) < 0) return m;
  return valid;
}
