import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CreateReportInput } from '../../../shared/schemas/reports';
import { emptyDraft } from './draft';
import { newOutboxItem } from './outbox/machine';
import { sendReport } from './outbox/send';
import { reportFormData, reportRequestBody } from './reportBody';

const input: CreateReportInput = {
  categoryCode: 'street_lighting',
  lat: 13.0955,
  lng: 109.3012,
  description: 'Đèn đường không sáng',
  address: '125 Trần Hưng Đạo',
  contact: { name: 'Nguyễn Thị Hoa', phone: '0905 123 456', email: undefined },
  channel: 'web',
  attributes: { pole_number: 'TH-0412', hazards: ['wires', 'dark'] },
};
const jpeg = (n: number) => new Blob([new Uint8Array(n)], { type: 'image/jpeg' });

afterEach(() => vi.unstubAllGlobals());

describe('the report request body', () => {
  it('uses the JSON field names in multipart, repeats a list answer and puts files under photos', async () => {
    const fd = reportFormData(input, [
      { blob: jpeg(10), name: 'a.jpg' },
      { blob: jpeg(20), name: 'b.jpg' },
    ]);
    expect([...new Set([...fd.keys()])]).toEqual([
      'categoryCode',
      'lat',
      'lng',
      'description',
      'address',
      'channel',
      'contact.name',
      'contact.phone',
      'attributes.pole_number',
      'attributes.hazards',
      'photos',
    ]);
    expect(fd.get('lat')).toBe('13.0955');
    expect(fd.get('contact.name')).toBe('Nguyễn Thị Hoa');
    expect(fd.has('contact.email')).toBe(false);
    expect(fd.getAll('attributes.hazards')).toEqual(['wires', 'dark']);
    const photos = fd.getAll('photos') as File[];
    expect(photos.map((p) => [p.name, p.size])).toEqual([
      ['a.jpg', 10],
      ['b.jpg', 20],
    ]);
  });

  it('sends an address report without coordinates', () => {
    const fd = reportFormData(
      { categoryCode: 'trees', areaCode: 'tuy-hoa', address: 'Chợ Tuy Hòa', description: 'Cây đổ' },
      [{ blob: jpeg(5), name: 'c.jpg' }],
    );
    expect(fd.has('lat')).toBe(false);
    expect(fd.has('lng')).toBe(false);
    expect(fd.get('areaCode')).toBe('tuy-hoa');
    expect(fd.get('address')).toBe('Chợ Tuy Hòa');
  });

  it('is plain JSON when there is no photo', () => {
    const { body, contentType } = reportRequestBody(input, []);
    expect(contentType).toBe('application/json');
    expect(JSON.parse(body as string)).toMatchObject({ attributes: { hazards: ['wires', 'dark'] } });
  });
});

describe('sending an outbox item', () => {
  const item = (photos = 0) =>
    newOutboxItem(
      'key-42',
      { input, photos: Array.from({ length: photos }, (_, i) => ({ id: `p${i}`, name: `p${i}.jpg`, blob: jpeg(8) })) },
      emptyDraft(),
      0,
    );

  it('posts multipart with its Idempotency-Key and lets the browser set the boundary', async () => {
    const fetch = vi.fn(
      async (_url: string, _init?: RequestInit) =>
        new Response(JSON.stringify({ trackingCode: 'TH-1' }), { status: 201 }),
    );
    const outcome = await sendReport(item(2), fetch as unknown as typeof globalThis.fetch);
    expect(outcome).toEqual({ ok: true, result: { trackingCode: 'TH-1' } });
    const init = fetch.mock.calls[0]?.[1] as RequestInit;
    const headers = init.headers as Record<string, string>;
    expect(headers['Idempotency-Key']).toBe('key-42');
    expect(headers['Content-Type']).toBeUndefined();
    expect(init.body).toBeInstanceOf(FormData);
  });

  it('reports the status and field errors of a refusal, and status 0 for no answer', async () => {
    const refuse = async () =>
      new Response(
        JSON.stringify({
          type: '/problems/payload_too_large',
          title: 'x',
          status: 413,
          code: 'payload_too_large',
          errors: [{ path: 'photos.1', message: 'too large' }],
        }),
        { status: 413, headers: { 'Content-Type': 'application/problem+json' } },
      );
    expect(await sendReport(item(2), refuse as unknown as typeof globalThis.fetch)).toEqual({
      ok: false,
      status: 413,
      code: 'payload_too_large',
      errors: [{ path: 'photos.1', message: 'too large' }],
    });
    const drop = async () => Promise.reject(new TypeError('Failed to fetch'));
    expect(await sendReport(item(), drop as unknown as typeof globalThis.fetch)).toMatchObject({
      ok: false,
      status: 0,
    });
  });
});
