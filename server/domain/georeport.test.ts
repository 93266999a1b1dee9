import { describe, expect, it } from 'vitest';
import { CSV_BOM, csvField, csvLine } from './csv';
import { GEOREPORT_COLUMNS, geoReportValues, toGeoReport, type GeoReportSource } from './georeport';

const source: GeoReportSource = {
  trackingCode: 'TH-2611-7KQ3MD',
  status: 'in_progress',
  statusNote: 'Đang xử lý',
  categoryCode: 'street_lighting',
  categoryName: 'Đèn đường không sáng',
  publicLocation: 'approximate',
  description: 'Đèn tắt',
  unitName: 'Công ty Chiếu sáng',
  createdAt: Date.parse('2026-11-16T02:00:00Z'),
  updatedAt: Date.parse('2026-11-16T03:00:00Z'),
  dueAt: Date.parse('2026-11-18T02:00:00Z'),
  address: '12 Lê Lợi',
  lat: 13.071234,
  lng: -109.321567,
  photoId: 'abcdefghijklmnopqrstuv',
};

describe('toGeoReport', () => {
  it('maps a report to a GeoReport v2 request in the specification order', () => {
    const r = toGeoReport(source);
    expect(Object.keys(r)).toEqual([...GEOREPORT_COLUMNS]);
    expect(r).toEqual({
      service_request_id: 'TH-2611-7KQ3MD',
      status: 'open',
      status_notes: 'Đang xử lý',
      service_name: 'Đèn đường không sáng',
      service_code: 'street_lighting',
      description: 'Đèn tắt',
      agency_responsible: 'Công ty Chiếu sáng',
      service_notice: null,
      requested_datetime: '2026-11-16T02:00:00.000Z',
      updated_datetime: '2026-11-16T03:00:00.000Z',
      expected_datetime: '2026-11-18T02:00:00.000Z',
      address: '12 Lê Lợi',
      address_id: null,
      zipcode: null,
      lat: 13.071,
      long: -109.322,
      media_url: '/api/photos/abcdefghijklmnopqrstuv',
    });
    expect(geoReportValues(r)[0]).toBe('TH-2611-7KQ3MD');
  });

  it.each([
    ['received', 'open'],
    ['assigned', 'open'],
    ['in_progress', 'open'],
    ['reopened', 'open'],
    ['resolved', 'closed'],
    ['closed', 'closed'],
    ['rejected', 'closed'],
    ['duplicate', 'closed'],
  ] as const)('gives %s as %s', (status, open311) => {
    expect(toGeoReport({ ...source, status }).status).toBe(open311);
  });

  it('gives neither point nor address for a sensitive category', () => {
    expect(toGeoReport({ ...source, publicLocation: 'hidden' })).toMatchObject({
      lat: null,
      long: null,
      address: null,
    });
    expect(toGeoReport({ ...source, lat: null, lng: null })).toMatchObject({
      lat: null,
      long: null,
      address: '12 Lê Lợi',
    });
    expect(toGeoReport({ ...source, photoId: null, categoryName: null }).media_url).toBeNull();
    expect(toGeoReport({ ...source, categoryName: null }).service_name).toBe('street_lighting');
    expect(toGeoReport(source, { baseUrl: 'https://iocity.vn' }).media_url).toBe(
      'https://iocity.vn/api/photos/abcdefghijklmnopqrstuv',
    );
  });
});

describe('csv', () => {
  it('quotes only what needs it, doubling quotes, with CRLF records', () => {
    expect(csvLine(['a', 'b,c', 'say "hi"', 'x\ny', 'x\ry', null, 1.5, -109.3, ''])).toBe(
      'a,"b,c","say ""hi""","x\ny","x\ry",,1.5,-109.3,\r\n',
    );
    expect(csvField('Đường Lê Lợi')).toBe('Đường Lê Lợi');
    expect(CSV_BOM).toBe('\uFEFF');
  });

  it('defuses text a spreadsheet would run as a formula, but not numbers', () => {
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('+84 912')).toBe("'+84 912");
    expect(csvField('-5')).toBe("'-5");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('=A1,"x"')).toBe('"\'=A1,""x"""');
    expect(csvField(-5)).toBe('-5');
    expect(csvField(Number.NaN)).toBe('');
  });
});
