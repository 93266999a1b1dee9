import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { Api } from './api';
import type { TestApp } from './app';

/** An XML element as the tests read it: name, child elements, text. */
export interface XmlNode {
  name: string;
  children: XmlNode[];
  text: string;
}

const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) =>
    e[0] === '#'
      ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10))
      : ENTITY[e]!,
  );

/**
 * A strict little parser for the XML the Open311 API writes: the declaration, then one root element;
 * elements without attributes, text, the five entities and character references. Throws on anything
 * not well formed (a raw `<` or `&` in text, mismatched tags, trailing content).
 */
export function parseXml(xml: string): XmlNode {
  const decl = /^<\?xml version="1\.0" encoding="utf-8"\?>/.exec(xml);
  if (!decl) throw new Error('missing XML declaration');
  let i = decl[0].length;
  const skipSpace = () => {
    while (i < xml.length && /\s/.test(xml[i]!)) i++;
  };
  const parseElement = (): XmlNode => {
    const open = /^<([A-Za-z_][\w.-]*)\s*(\/?)>/.exec(xml.slice(i));
    if (!open) throw new Error(`expected an element at ${i}: ${xml.slice(i, i + 30)}`);
    i += open[0].length;
    const node: XmlNode = { name: open[1]!, children: [], text: '' };
    if (open[2]) return node;
    for (;;) {
      const lt = xml.indexOf('<', i);
      if (lt < 0) throw new Error(`unclosed <${node.name}>`);
      const text = xml.slice(i, lt);
      if (/&(?!(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);)/i.test(text) || text.includes('>'))
        throw new Error(`unescaped text in <${node.name}>: ${text}`);
      node.text += decode(text);
      i = lt;
      if (xml.startsWith('</', i)) {
        const close = `</${node.name}>`;
        if (!xml.startsWith(close, i)) throw new Error(`expected ${close} at ${i}: ${xml.slice(i, i + 30)}`);
        i += close.length;
        if (node.children.length && node.text.trim()) throw new Error(`mixed content in <${node.name}>`);
        return node;
      }
      node.children.push(parseElement());
    }
  };
  skipSpace();
  const root = parseElement();
  skipSpace();
  if (i !== xml.length) throw new Error(`content after the root element: ${xml.slice(i, i + 30)}`);
  return root;
}

/** The lists of the Open311 documents (their items are repeated elements). */
const LISTS = new Set([
  'services',
  'service_requests',
  'errors',
  'endpoints',
  'formats',
  'attributes',
  'values',
  'notes',
  'duplicates',
]);

/** An XML element as the JSON the same API gives, all leaves as text (an empty element is ''). */
export function xmlAsJson(node: XmlNode): unknown {
  if (LISTS.has(node.name)) return node.children.map(xmlAsJson);
  if (node.children.length === 0) return node.text;
  return Object.fromEntries(node.children.map((c) => [c.name, xmlAsJson(c)]));
}

/** A JSON answer with every leaf as text (null as ''), to compare with `xmlAsJson`. */
export function jsonAsText(value: unknown): unknown {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(jsonAsText);
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, jsonAsText(v)]));
  return String(value);
}

/** Both formats of a GET, checked for content type and parsed; returns the JSON body and the XML root. */
export async function getBoth(t: TestApp, pathWithoutFormat: string, query = '') {
  const q = query ? `?${query}` : '';
  const json = await t.app.inject({ method: 'GET', url: `/open311/v2/${pathWithoutFormat}.json${q}` });
  const xml = await t.app.inject({ method: 'GET', url: `/open311/v2/${pathWithoutFormat}.xml${q}` });
  expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
  expect(xml.headers['content-type']).toBe('text/xml; charset=utf-8');
  expect(xml.statusCode).toBe(json.statusCode);
  return { status: json.statusCode, json: json.json() as unknown, xml: parseXml(xml.body), raw: { json, xml } };
}

/** Sends a form (`application/x-www-form-urlencoded`) to `POST requests.{format}`. */
export function postRequest(
  t: TestApp,
  format: 'xml' | 'json',
  fields: [string, string][] | Record<string, string>,
): Promise<LightMyRequestResponse> {
  const body = new URLSearchParams(Array.isArray(fields) ? fields : Object.entries(fields)).toString();
  return t.app.inject({
    method: 'POST',
    url: `/open311/v2/requests.${format}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: body,
  });
}

/** Issues an API key as the admin (who must be signed in on `call`). */
export async function issueApiKey(call: Api, name: string): Promise<{ id: number; key: string }> {
  const res = await call('admin', 'POST', '/api/admin/api-keys', { name });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: number; key: string };
}

/** Gives street_lighting extra questions of every Open311 datatype (the admin must be signed in). */
export async function askQuestions(call: Api): Promise<void> {
  const label = (vi: string) => ({ vi, en: vi });
  const res = await call('admin', 'PATCH', '/api/admin/categories/street_lighting', {
    questions: [
      {
        code: 'pole_number',
        label: label('Số cột đèn'),
        hint: label('Số sơn trên cột'),
        datatype: 'string',
        required: true,
        order: 1,
      },
      { code: 'lamp_count', label: label('Số bóng hỏng'), datatype: 'number', required: false, order: 2 },
      { code: 'noticed_at', label: label('Phát hiện lúc'), datatype: 'datetime', required: false, order: 3 },
      { code: 'details', label: label('Chi tiết'), datatype: 'text', required: false, order: 4 },
      {
        code: 'kind',
        label: label('Loại sự cố'),
        datatype: 'singlevaluelist',
        required: false,
        order: 5,
        values: [
          { key: 'off', name: label('Không sáng') },
          { key: 'flicker', name: label('Nhấp nháy') },
        ],
      },
      {
        code: 'when',
        label: label('Thời điểm'),
        datatype: 'multivaluelist',
        required: false,
        order: 6,
        values: [
          { key: 'night', name: label('Ban đêm') },
          { key: 'day', name: label('Ban ngày') },
        ],
      },
    ],
  });
  expect(res.statusCode, res.body).toBe(200);
}

/** A parsed JSON document whose shape the checks below assert. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the checks are what type it
type Doc = any;

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/;
const REQUEST_FIELDS = [
  'service_request_id',
  'status',
  'status_notes',
  'service_name',
  'service_code',
  'description',
  'agency_responsible',
  'service_notice',
  'requested_datetime',
  'updated_datetime',
  'expected_datetime',
  'address',
  'address_id',
  'zipcode',
  'lat',
  'long',
  'media_url',
];

/** The Open311 validator's rules for discovery (JSON form). */
export function checkDiscovery(d: Doc): void {
  expect(typeof d.changeset).toBe('string');
  expect(Number.isNaN(Date.parse(d.changeset))).toBe(false);
  expect(typeof d.contact).toBe('string');
  expect(typeof d.key_service).toBe('string');
  expect(d.endpoints.length).toBeGreaterThan(0);
  for (const e of d.endpoints) {
    expect(e.specification).toBe('http://wiki.open311.org/GeoReport_v2');
    expect(e.url).toMatch(/^https?:\/\/.+\/open311\/v2$/);
    expect(Number.isNaN(Date.parse(e.changeset))).toBe(false);
    expect(['production', 'test']).toContain(e.type);
    expect(e.formats).toContain('text/xml');
    expect(e.formats).toContain('application/json');
  }
}

/** The validator's rules for a service list. */
export function checkServices(list: Doc[]): void {
  expect(list.length).toBeGreaterThan(0);
  for (const s of list) {
    expect(Object.keys(s)).toEqual([
      'service_code',
      'service_name',
      'description',
      'metadata',
      'type',
      'keywords',
      'group',
    ]);
    expect(typeof s.service_code).toBe('string');
    expect(s.service_code).not.toBe('');
    expect(typeof s.service_name).toBe('string');
    expect(typeof s.metadata).toBe('boolean');
    expect(['realtime', 'batch', 'blackbox']).toContain(s.type);
  }
}

/** The validator's rules for a service definition. */
export function checkDefinition(d: Doc, code: string): void {
  expect(d.service_code).toBe(code);
  expect(Array.isArray(d.attributes)).toBe(true);
  const orders: number[] = [];
  for (const a of d.attributes) {
    expect(typeof a.variable).toBe('boolean');
    expect(typeof a.code).toBe('string');
    expect(['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist']).toContain(a.datatype);
    expect(typeof a.required).toBe('boolean');
    expect(Number.isInteger(a.order)).toBe(true);
    expect(typeof a.description).toBe('string');
    expect('datatype_description' in a).toBe(true);
    orders.push(a.order);
    if (a.datatype.endsWith('valuelist')) {
      expect(a.values.length).toBeGreaterThan(0);
      for (const v of a.values) {
        expect(typeof v.key).toBe('string');
        expect(typeof v.name).toBe('string');
      }
    } else expect(a.values).toBeUndefined();
  }
  expect(orders).toEqual([...orders].sort((x, y) => x - y));
}

/** The validator's rules for a list of service requests. */
export function checkRequests(list: Doc[]): void {
  for (const r of list) {
    expect(Object.keys(r).slice(0, REQUEST_FIELDS.length)).toEqual(REQUEST_FIELDS);
    expect(typeof r.service_request_id).toBe('string');
    expect(['open', 'closed']).toContain(r.status);
    expect(typeof r.service_code).toBe('string');
    expect(r.requested_datetime).toMatch(ISO_UTC);
    expect(r.updated_datetime).toMatch(ISO_UTC);
    expect(r.expected_datetime).toMatch(ISO_UTC);
    for (const k of ['lat', 'long']) expect(r[k] === null || typeof r[k] === 'number').toBe(true);
    if (r.media_url !== null) expect(r.media_url).toMatch(/^https?:\/\//);
  }
}

/** The validator's rules for the answer to `POST requests`. */
export function checkCreated(list: Doc[]): void {
  expect(list).toHaveLength(1);
  expect(Object.keys(list[0])).toEqual(['service_request_id', 'service_notice', 'account_id']);
  expect(typeof list[0].service_request_id).toBe('string');
}

/** An error list in both forms: `[{ code, description }]` with the HTTP status as code. */
export function checkErrors(res: LightMyRequestResponse, status: number, format: 'xml' | 'json'): string[] {
  expect(res.statusCode, res.body).toBe(status);
  const list = (format === 'json' ? res.json() : xmlAsJson(parseXml(res.body))) as {
    code: unknown;
    description: string;
  }[];
  expect(res.headers['content-type']).toBe(
    format === 'json' ? 'application/json; charset=utf-8' : 'text/xml; charset=utf-8',
  );
  if (format === 'xml') expect(parseXml(res.body).name).toBe('errors');
  expect(list.length).toBeGreaterThan(0);
  for (const e of list) {
    expect(String(e.code)).toBe(String(status));
    if (format === 'json') expect(e.code).toBe(status);
    expect(e.description.length).toBeGreaterThan(0);
  }
  return list.map((e) => e.description);
}
