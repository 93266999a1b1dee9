// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionUser, StaffReportDetail, StaffReportView } from '../../../shared/schemas/reports';
import type { StatsSummary } from '../../../shared/schemas/stats';
import { clearMemo } from '../../api/memo';
import { I18nProvider } from '../../i18n';
import { staffReport } from '../../test/factories';
import { jsonResponse } from '../../test/responses';
import { SessionContext } from '../auth/SessionProvider';
import { UnitDesk } from './UnitDesk';

// The live feed's socket: handlers are kept so a test can push an event as the server would.
const socketHandlers = new Map<string, (payload: unknown) => void>();
vi.mock('../../realtime/socket', () => ({
  openSocket: () => ({
    on: (name: string, fn: (payload: unknown) => void) => socketHandlers.set(name, fn),
    off: () => {},
    connect: () => {},
    disconnect: () => {},
  }),
  closeSocket: () => {},
  watchConnection: (_socket: unknown, onChange: (s: 'connected') => void) => {
    onChange('connected');
    return () => {};
  },
}));
// Leaflet does not draw in jsdom: the map stands in as a list of its markers.
vi.mock('./UnitMap', () => ({
  default: ({ reports, onSelect }: { reports: StaffReportView[]; onSelect: (id: number) => void }) => (
    <ul data-testid="unit-map">
      {reports.map((r) => (
        <li key={r.id}>
          <button type="button" onClick={() => onSelect(r.id)}>
            marker {r.trackingCode}
          </button>
        </li>
      ))}
    </ul>
  ),
}));

const NOW = Date.parse('2025-11-27T03:00:00Z');
const HOUR = 3_600_000;
const at = (ms: number) => new Date(NOW + ms).toISOString();
const lighting = { id: 2, name: 'Công ty Chiếu sáng công cộng' };

beforeEach(() => {
  vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
});
afterEach(() => {
  cleanup();
  clearMemo();
  socketHandlers.clear();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const staff: SessionUser = {
  id: 7,
  username: 'staff.lighting',
  displayName: 'Trần Văn Minh',
  role: 'staff',
  unit: lighting,
};
const leader: SessionUser = {
  id: 8,
  username: 'leader.lighting',
  displayName: 'Lê Minh',
  role: 'leader',
  unit: lighting,
};

const report = (id: number, patch: Partial<StaffReportView>) =>
  staffReport(id, { unit: lighting, status: 'assigned', acknowledgedAt: at(-HOUR), ...patch });

function detail(r: StaffReportView): StaffReportDetail {
  return { ...r, timeline: [], contact: null, photos: [], attributes: {}, rating: null };
}

function renderDesk(user: SessionUser, reports: StaffReportView[], summary?: StatsSummary) {
  const gets: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      gets.push(url);
      if (url.startsWith('/api/reports?')) return jsonResponse(200, { items: reports, lastEventId: 40 });
      const one = /^\/api\/reports\/(\d+)$/.exec(url);
      if (one) return jsonResponse(200, detail(reports.find((r) => r.id === Number(one[1]))!));
      if (url.startsWith('/api/stats/summary')) return jsonResponse(200, summary);
      return jsonResponse(200, []);
    }),
  );
  render(
    <I18nProvider initial="vi">
      <SessionContext.Provider value={{ user, login: async () => user, logout: async () => {} }}>
        <MemoryRouter initialEntries={['/unit']}>
          <UnitDesk />
        </MemoryRouter>
      </SessionContext.Provider>
    </I18nProvider>,
  );
  return { gets };
}

const rowCodes = () => screen.getAllByTestId('queue-row').map((r) => r.getAttribute('data-tracking-code'));

describe("a unit's queue", () => {
  const dueLater = report(1, { dueAt: at(30 * HOUR), status: 'in_progress' });
  const overdueLittle = report(2, { dueAt: at(-2 * HOUR) });
  const dueSoon = report(3, { dueAt: at(2 * HOUR), acknowledgedAt: null });
  const overdueMost = report(4, { dueAt: at(-50 * HOUR), status: 'reopened' });
  const resolved = report(5, { dueAt: at(-5 * HOUR), status: 'resolved', updatedAt: at(-HOUR) });

  it('lists the overdue first (most overdue on top), then the ones due soonest, with countdowns', async () => {
    renderDesk(staff, [dueLater, overdueLittle, dueSoon, overdueMost, resolved]);
    await screen.findAllByTestId('queue-row');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toContain('Công ty Chiếu sáng công cộng');
    expect(rowCodes()).toEqual([overdueMost, overdueLittle, dueSoon, dueLater].map((r) => r.trackingCode));
    const countdowns = screen.getAllByTestId('due-countdown');
    expect(countdowns.map((c) => [c.textContent, c.getAttribute('data-urgency')])).toEqual([
      ['⚠Quá hạn 2 ngày', 'overdue'],
      ['⚠Quá hạn 2 giờ', 'overdue'],
      ['⏱Còn 2 giờ', 'soon'],
      ['⏱Còn 30 giờ', 'later'],
    ]);
    expect(screen.getByTestId('overdue-count').textContent).toBe('Quá hạn: 2');
    // Only the report not yet acknowledged says so.
    const rows = screen.getAllByTestId('queue-row');
    expect(rows.map((r) => within(r).queryByTestId('awaits-ack')?.textContent ?? null)).toEqual([
      null,
      null,
      'Chưa tiếp nhận',
      null,
    ]);
    // Finished work is in its own tab.
    fireEvent.click(screen.getByRole('tab', { name: /Đã xử lý/ }));
    expect(rowCodes()).toEqual([resolved.trackingCode]);
  });

  it('shows the same reports on the map on a phone, and opens one from its marker', async () => {
    renderDesk(staff, [dueLater, overdueLittle]);
    await screen.findAllByTestId('queue-row');
    expect(screen.queryByTestId('unit-map')).toBeNull();
    const mapButton = screen.getByRole('button', { name: /Bản đồ/ });
    expect(mapButton.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(mapButton);
    expect(mapButton.getAttribute('aria-pressed')).toBe('true');
    const map = await screen.findByTestId('unit-map');
    expect(
      within(map)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual([`marker ${overdueLittle.trackingCode}`, `marker ${dueLater.trackingCode}`]);
    fireEvent.click(within(map).getByRole('button', { name: `marker ${dueLater.trackingCode}` }));
    expect(await screen.findByTestId('panel-tracking-code')).toHaveProperty('textContent', dueLater.trackingCode);
  });

  it('follows live changes: a report handed back to the IOC leaves the queue, and its panel closes', async () => {
    renderDesk(staff, [dueLater, overdueLittle]);
    fireEvent.click((await screen.findAllByTestId('queue-row'))[0]!);
    expect(await screen.findByTestId('panel-tracking-code')).toHaveProperty('textContent', overdueLittle.trackingCode);
    act(() =>
      socketHandlers.get('report:batch')!({
        events: [{ kind: 'updated', eventId: 41, report: { ...overdueLittle, status: 'received', version: 2 } }],
      }),
    );
    await waitFor(() => expect(rowCodes()).toEqual([dueLater.trackingCode]));
    expect(screen.queryByTestId('report-panel')).toBeNull();
    expect(screen.getByTestId('unit-left').textContent).toBe(
      `Phản ánh ${overdueLittle.trackingCode} đã rời hàng đợi của đơn vị (trả lại IOC hoặc chuyển đơn vị khác).`,
    );
  });
});

describe("a unit's leader", () => {
  const summary: StatsSummary = {
    from: '2025-10-28T03:00:00.000Z',
    to: '2025-11-27T03:00:00.000Z',
    received: 42,
    perDay: [],
    statusCounts: {},
    resolved: 30,
    resolvedOnTime: 27,
    onTimeRate: 0.9,
    byUnit: [],
    medianResolveMinutes: 330,
    overdueOpen: 2,
    unitId: 2,
  };

  it("sees the unit's figures and its overdue reports, most overdue first, and cannot act on them", async () => {
    const overdueLittle = report(2, { dueAt: at(-2 * HOUR) });
    const overdueMost = report(4, { dueAt: at(-50 * HOUR), status: 'in_progress' });
    const onTime = report(1, { dueAt: at(30 * HOUR) });
    const { gets } = renderDesk(leader, [overdueLittle, onTime, overdueMost], summary);

    expect((await screen.findByTestId('kpi-received-value')).textContent).toBe('42');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toContain('Công ty Chiếu sáng công cộng');
    expect(screen.getByTestId('kpi-resolved-value').textContent).toBe('30');
    expect(screen.getByTestId('kpi-on-time-value').textContent).toBe('90 %');
    expect(screen.getByTestId('kpi-on-time').textContent).toContain('27/30');
    expect(screen.getByTestId('kpi-overdue-value').textContent).toBe('2');
    expect(screen.getByTestId('kpi-median-value').textContent).toBe('6 giờ');
    expect(gets.some((u) => u.startsWith('/api/stats/summary?from='))).toBe(true);

    const list = await screen.findByTestId('overdue-list');
    await waitFor(() => expect(within(list).getAllByTestId('queue-row')).toHaveLength(2));
    expect(
      within(list)
        .getAllByTestId('queue-row')
        .map((r) => r.getAttribute('data-tracking-code')),
    ).toEqual([overdueMost.trackingCode, overdueLittle.trackingCode]);
    // Read-only: no queue tabs, and an opened report has no action button.
    expect(screen.queryByRole('tab')).toBeNull();
    fireEvent.click(within(list).getAllByTestId('queue-row')[0]!);
    const panel = await screen.findByTestId('report-panel');
    await within(panel).findByText('Bạn không có thao tác nào ở trạng thái này.');
    expect(panel.querySelectorAll('[data-action]')).toHaveLength(0);
    expect(within(panel).queryByRole('button', { name: 'Hoàn thành xử lý' })).toBeNull();
  });

  it('says so when nothing is overdue', async () => {
    renderDesk(leader, [report(1, { dueAt: at(30 * HOUR) })], {
      ...summary,
      overdueOpen: 0,
      medianResolveMinutes: null,
    });
    expect((await screen.findByTestId('kpi-median-value')).textContent).toBe('—');
    expect(await screen.findByText('Không có phản ánh nào quá hạn.')).toBeTruthy();
  });
});
