import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestAppAs, type Api } from '../../test/api';
import type { TestApp } from '../../test/app';
import { askQuestions, issueApiKey, parseXml, type XmlNode } from '../../test/open311';

/**
 * The client side of a real integration, end to end: discover, list services, read a definition, file
 * a request with attributes and an API key, poll it while the city works on it (the operator and the
 * lighting company over the staff API), and read the closed state with its notes, in XML and in JSON.
 */

let t: TestApp;
let call: Api;
let apiKey: string;

beforeAll(async () => {
  ({ t, call } = await buildTestAppAs('admin', 'operator', 'staff.lighting'));
  apiKey = (await issueApiKey(call, 'Zalo Mini App')).key;
  await askQuestions(call);
});
afterAll(() => t.close());

/** The city's side: the next step on a report each time the client polls (dispatch, start, resolve). */
async function cityWorksOn(code: string): Promise<void> {
  const row = t.services.reports.findByTrackingCode(code)!;
  const step =
    row.status === 'received'
      ? { user: 'operator', action: 'dispatch', unitId: t.ids.units.lighting }
      : row.status === 'assigned'
        ? { user: 'staff.lighting', action: 'start' }
        : { user: 'staff.lighting', action: 'resolve', note: 'Đã thay bóng đèn & kiểm tra <dây> "an toàn"' };
  const { user, ...payload } = step;
  const res = await call(user, 'POST', `/api/reports/${row.id}/transitions`, { ...payload, version: row.version });
  expect(res.statusCode, res.body).toBe(200);
  t.clock.advance(600_000);
}

/** An HTTP client that knows only the API's base URL (from discovery) and sends what a 311 app sends. */
function client(base: string) {
  const path = base.replace(/^https?:\/\/[^/]+/, '');
  return {
    get: (resource: string) => t.app.inject({ method: 'GET', url: `${path}/${resource}` }),
    post: (resource: string, form: [string, string][]) =>
      t.app.inject({
        method: 'POST',
        url: `${path}/${resource}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams(form).toString(),
      }),
  };
}

const kid = (n: XmlNode, name: string) => {
  const found = n.children.find((c) => c.name === name);
  if (!found) throw new Error(`<${n.name}> has no <${name}>`);
  return found;
};
const kids = (n: XmlNode, name: string) => n.children.filter((c) => c.name === name);
const text = (n: XmlNode, name: string) => kid(n, name).text;

describe('an Open311 client', () => {
  it('integrates in XML', async () => {
    const discovery = parseXml((await t.app.inject({ method: 'GET', url: '/open311/v2/discovery.xml' })).body);
    const endpoint = kids(kid(discovery, 'endpoints'), 'endpoint').find(
      (e) => text(e, 'specification') === 'http://wiki.open311.org/GeoReport_v2' && text(e, 'type') === 'production',
    )!;
    expect(kids(kid(endpoint, 'formats'), 'format').map((f) => f.text)).toContain('text/xml');
    const api = client(text(endpoint, 'url'));

    const services = parseXml((await api.get('services.xml')).body);
    const lighting = kids(services, 'service').find((s) => text(s, 'service_code') === 'street_lighting')!;
    expect(text(lighting, 'metadata')).toBe('true');
    expect(text(lighting, 'type')).toBe('realtime');

    const definition = parseXml((await api.get('services/street_lighting.xml')).body);
    const attributes = kids(kid(definition, 'attributes'), 'attribute');
    const form: [string, string][] = [
      ['api_key', apiKey],
      ['service_code', 'street_lighting'],
      ['lat', '13.0712'],
      ['long', '109.2734'],
      ['address_string', '12 Lê Lợi'],
      ['description', 'Đèn đường tắt từ tối qua'],
    ];
    for (const a of attributes) {
      const code = text(a, 'code');
      const list = a.children.find((c) => c.name === 'values');
      const values = list ? kids(list, 'value').map((v) => text(v, 'key')) : [];
      if (text(a, 'datatype') === 'string') form.push([`attribute[${code}]`, 'C-12']);
      if (text(a, 'datatype') === 'singlevaluelist') form.push([`attribute[${code}]`, values[0]!]);
      if (text(a, 'datatype') === 'multivaluelist') for (const v of values) form.push([`attribute[${code}][]`, v]);
    }
    const posted = await api.post('requests.xml', form);
    expect(posted.statusCode, posted.body).toBe(201);
    const created = kid(parseXml(posted.body), 'request');
    const id = text(created, 'service_request_id');
    expect(id).toMatch(/^TH-\d{4}-[0-9A-Z]{6}$/);
    expect(text(created, 'service_notice')).toContain('dự kiến');
    expect(JSON.parse(t.services.reports.findByTrackingCode(id)!.attributes)).toEqual({
      pole_number: 'C-12',
      kind: 'off',
      when: ['night', 'day'],
    });

    const seen: string[] = [];
    let request: XmlNode;
    for (let poll = 0; ; poll++) {
      expect(poll).toBeLessThan(10);
      const res = await api.get(`requests/${id}.xml?extensions=true`);
      expect(res.statusCode).toBe(200);
      request = kid(parseXml(res.body), 'request');
      seen.push(text(kid(request, 'extended_attributes'), 'detailed_status'));
      if (text(request, 'status') === 'closed') break;
      await cityWorksOn(id);
    }
    expect(seen).toEqual(['received', 'assigned', 'in_progress', 'resolved']);
    expect(text(request, 'status_notes')).toBe('Đã thay bóng đèn & kiểm tra <dây> "an toàn"');
    expect(text(request, 'agency_responsible')).toBe('Công ty Chiếu sáng');
    expect(text(request, 'service_code')).toBe('street_lighting');
    expect(text(request, 'lat')).toBe('13.071');
    expect(Date.parse(text(request, 'updated_datetime'))).toBeGreaterThan(
      Date.parse(text(request, 'requested_datetime')),
    );
    const notes = kids(kid(request, 'notes'), 'note').map((n) => [
      text(n, 'type'),
      text(n, 'status'),
      text(n, 'description'),
    ]);
    expect(notes).toEqual([
      ['created', 'received', ''],
      ['dispatch', 'assigned', ''],
      ['start', 'in_progress', ''],
      ['resolve', 'resolved', 'Đã thay bóng đèn & kiểm tra <dây> "an toàn"'],
    ]);
    // The list finds it too, closed.
    const closed = parseXml((await api.get(`requests.xml?status=closed&service_code=street_lighting`)).body);
    expect(kids(closed, 'request').map((r) => text(r, 'service_request_id'))).toContain(id);
  });

  it('integrates in JSON', async () => {
    type Json = Record<string, unknown>;
    const discovery = (await t.app.inject({ method: 'GET', url: '/open311/v2/discovery.json' })).json();
    const endpoint = (discovery.endpoints as Json[]).find((e) => (e.formats as string[]).includes('application/json'))!;
    const api = client(endpoint.url as string);

    const services = (await api.get('services.json')).json() as Json[];
    expect(services.find((s) => s.service_code === 'street_lighting')).toMatchObject({ metadata: true });
    const definition = (await api.get('services/street_lighting.json')).json() as { attributes: Json[] };
    const form: [string, string][] = [
      ['api_key', apiKey],
      ['service_code', 'street_lighting'],
      ['lat', '13.0712'],
      ['long', '109.2734'],
      ['description', 'Đèn nhấp nháy'],
    ];
    for (const a of definition.attributes.filter((x) => x.required)) form.push([`attribute[${a.code}]`, 'C-13']);
    const posted = await api.post('requests.json', form);
    expect(posted.statusCode, posted.body).toBe(201);
    const id = (posted.json() as { service_request_id: string }[])[0]!.service_request_id;

    let request: Json;
    for (let poll = 0; ; poll++) {
      expect(poll).toBeLessThan(10);
      const res = await api.get(`requests/${id}.json?extensions=true`);
      expect(res.statusCode).toBe(200);
      request = (res.json() as Json[])[0]!;
      if (request.status === 'closed') break;
      await cityWorksOn(id);
    }
    expect(request).toMatchObject({
      service_request_id: id,
      status: 'closed',
      status_notes: 'Đã thay bóng đèn & kiểm tra <dây> "an toàn"',
      agency_responsible: 'Công ty Chiếu sáng',
      lat: 13.071,
      long: 109.273,
      extended_attributes: { detailed_status: 'resolved', area_code: 'ward-west' },
    });
    expect((request.notes as Json[]).map((n) => n.type)).toEqual(['created', 'dispatch', 'start', 'resolve']);
    const byList = (await api.get(`requests.json?service_request_id=${id}`)).json() as Json[];
    expect(byList.map((r) => r.status)).toEqual(['closed']);
  });
});
