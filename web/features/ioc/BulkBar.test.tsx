// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithApp } from '../../test/render';
import { jsonResponse, problem } from '../../test/responses';
import { staffReport } from '../../test/factories';
import { BulkBar } from './BulkBar';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the bulk bar', () => {
  it('dispatches each checked report to its proposed unit and lists the ones that failed', async () => {
    const sent: unknown[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init: RequestInit = {}) => {
        const body = JSON.parse(String(init.body)) as { version: number };
        sent.push({ url, body });
        return url.includes('/2/') ? problem(409, 'version_conflict') : jsonResponse(200, staffReport(1, body));
      }),
    );
    const unit = { id: 9, name: 'Điện lực' };
    const reports = [
      staffReport(1, { actions: ['dispatch'], unit, version: 3 }),
      staffReport(2, { actions: ['dispatch'], unit }),
      staffReport(3, { actions: ['dispatch'], unit: null }),
    ];
    const onFinished = vi.fn();
    renderWithApp(
      <BulkBar
        reports={reports}
        latest={(id) => reports.find((r) => r.id === id)}
        onUpdated={() => {}}
        onFinished={onFinished}
        onClear={() => {}}
      />,
    );
    expect(screen.getByText('Đã chọn 3')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Giao xử lý đã chọn' }));
    const summary = await screen.findByTestId('bulk-summary');
    expect(screen.getByTestId('bulk-count').textContent).toBe('3/3');
    expect(summary.textContent).toContain('Đã thực hiện 1/3 phản ánh.');
    expect(summary.textContent).toContain('Vừa được người khác cập nhật: PY-2611-000002');
    expect(summary.textContent).toContain('Chưa có đơn vị đề xuất: PY-2611-000003');
    expect(sent[0]).toEqual({
      url: '/api/reports/1/transitions',
      body: { action: 'dispatch', version: 3, unitId: 9 },
    });
    expect(sent).toHaveLength(2);
    expect(onFinished).toHaveBeenCalledWith([1]);
  });

  it('asks for a reason before rejecting in bulk', async () => {
    const sent: unknown[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_url: string, init: RequestInit = {}) => {
        sent.push(JSON.parse(String(init.body)));
        return jsonResponse(200, staffReport(1));
      }),
    );
    const reports = [staffReport(1, { actions: ['reject'] })];
    renderWithApp(
      <BulkBar
        reports={reports}
        latest={() => undefined}
        onUpdated={() => {}}
        onFinished={() => {}}
        onClear={() => {}}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Từ chối đã chọn' }));
    fireEvent.click(screen.getByRole('button', { name: 'Từ chối 1 phản ánh' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Vui lòng nêu lý do.');
    fireEvent.change(screen.getByLabelText('Lý do'), { target: { value: 'reason.spam' } });
    fireEvent.click(screen.getByRole('button', { name: 'Từ chối 1 phản ánh' }));
    await screen.findByTestId('bulk-summary');
    expect(sent).toEqual([{ action: 'reject', version: 1, reason: 'Quảng cáo, spam hoặc nội dung không phù hợp' }]);
  });
});
