// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { clearMemo } from '../../api/memo';
import { publicReport } from '../../test/factories';
import { renderWithApp } from '../../test/render';
import { jsonResponse, problem } from '../../test/responses';
import { saveMyReport } from '../device/myReports';
import { MyReportsList } from './MyReportsList';

beforeEach(() => localStorage.clear());
afterEach(() => {
  cleanup();
  clearMemo();
  vi.unstubAllGlobals();
});

describe('"My reports"', () => {
  it("lists what this device filed or followed, newest first, with each report's status now", async () => {
    saveMyReport({
      trackingCode: 'TH-2611-AAAAAA',
      residentToken: 't1',
      categoryCode: 'street_lighting',
      filedAt: '2025-11-20T01:00:00Z',
      followed: false,
    });
    saveMyReport({
      trackingCode: 'TH-2611-BBBBBB',
      residentToken: 't2',
      categoryCode: 'flooding',
      filedAt: '2025-11-25T01:00:00Z',
      followed: true,
    });
    saveMyReport({
      trackingCode: 'TH-2611-GONE00',
      residentToken: 't3',
      categoryCode: 'flooding',
      filedAt: '2025-11-10T01:00:00Z',
      followed: false,
    });
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        if (url === '/api/track/TH-2611-AAAAAA')
          return jsonResponse(200, publicReport({ trackingCode: 'TH-2611-AAAAAA', status: 'resolved' }));
        if (url === '/api/track/TH-2611-BBBBBB')
          return jsonResponse(200, publicReport({ trackingCode: 'TH-2611-BBBBBB', status: 'in_progress' }));
        if (url === '/api/categories') return jsonResponse(200, []);
        return problem(404, 'not_found');
      }),
    );
    renderWithApp(<MyReportsList />);
    const rows = screen.getAllByTestId('my-report-row');
    expect(rows.map((r) => r.getAttribute('data-tracking-code'))).toEqual([
      'TH-2611-BBBBBB',
      'TH-2611-AAAAAA',
      'TH-2611-GONE00',
    ]);
    await vi.waitFor(() => expect(rows[0]!.getAttribute('data-status')).toBe('in_progress'));
    await vi.waitFor(() => expect(rows[1]!.getAttribute('data-status')).toBe('resolved'));
    expect(within(rows[1]!).getByTestId('status-badge').textContent).toBe('Đã xử lý xong');
    expect(within(rows[0]!).getByRole('link', { name: 'TH-2611-BBBBBB' }).getAttribute('href')).toBe(
      '/track/TH-2611-BBBBBB',
    );
    expect(rows[0]!.textContent).toContain('Theo dõi từ');
    expect(rows[1]!.textContent).toContain('Gửi lúc');
    await vi.waitFor(() => expect(rows[2]!.textContent).toContain('Không tải được trạng thái'));
  });

  it('says when the device has none yet', () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => jsonResponse(200, [])),
    );
    renderWithApp(<MyReportsList />, { lang: 'en' });
    expect(screen.getByTestId('my-reports-empty').textContent).toContain(
      'This device has not sent or followed any report yet.',
    );
  });
});
