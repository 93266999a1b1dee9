// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '../../../shared/schemas/reports';
import type { StatsOverview } from '../../../shared/schemas/stats';
import { clearMemo } from '../../api/memo';
import { I18nProvider } from '../../i18n';
import { categoryDto } from '../../test/factories';
import { jsonResponse, problem } from '../../test/responses';
import { SessionContext } from '../auth/SessionProvider';
import { heatmap, overview, reportPage } from './fixtures';
import { MonthlySummary } from './MonthlySummary';
import { StatsDashboard } from './StatsDashboard';

// Leaflet is not the subject here: a stand-in lists the cells it was given.
vi.mock('./StatsHeatMap', () => ({
  default: ({ heatmap: h }: { heatmap: { cells: unknown[] } }) => (
    <div data-testid="heat-stub" data-cells={h.cells.length} />
  ),
}));

const cityLeader: SessionUser = { id: 3, username: 'leader', displayName: 'Lê Hoàng Nam', role: 'leader', unit: null };
const unitLeader: SessionUser = {
  id: 9,
  username: 'leader.lighting',
  displayName: 'Phan Thanh Tùng',
  role: 'leader',
  unit: { id: 1, name: 'Chiếu sáng đô thị' },
};

let calls: string[] = [];

function stubApi(data: StatsOverview = overview()) {
  calls = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      calls.push(url);
      if (url.startsWith('/api/stats/overview')) return jsonResponse(200, data);
      if (url.startsWith('/api/stats/heatmap')) return jsonResponse(200, heatmap());
      if (url.startsWith('/api/stats/reports')) return jsonResponse(200, reportPage());
      if (url === '/api/categories')
        return jsonResponse(200, [
          categoryDto(),
          categoryDto({ code: 'flooding', name: { vi: 'Ngập úng', en: 'Flooding' } }),
        ]);
      if (url === '/api/units')
        return jsonResponse(200, [
          { id: 1, code: 'public-lighting', name: { vi: 'Chiếu sáng đô thị', en: 'Street lighting' }, kind: 'company' },
          { id: 3, code: 'parks-trees', name: { vi: 'Cây xanh', en: 'Parks and trees' }, kind: 'company' },
        ]);
      if (url === '/api/areas') return jsonResponse(200, []);
      return problem(404, 'not_found');
    }),
  );
}

function renderAt(url: string, user: SessionUser = cityLeader) {
  const router = createMemoryRouter(
    [
      { path: '/stats', element: <StatsDashboard /> },
      { path: '/stats/monthly', element: <MonthlySummary /> },
    ],
    { initialEntries: [url] },
  );
  render(
    <I18nProvider initial="vi">
      <SessionContext.Provider value={{ user, login: async () => user, logout: async () => {} }}>
        <RouterProvider router={router} />
      </SessionContext.Provider>
    </I18nProvider>,
  );
  return router;
}

const search = (router: ReturnType<typeof renderAt>) => new URLSearchParams(router.state.location.search);
const lastCall = (prefix: string) => {
  const url = [...calls].reverse().find((u) => u.startsWith(prefix));
  if (!url) throw new Error(`no call to ${prefix}`);
  return new URLSearchParams(url.slice(url.indexOf('?') + 1));
};

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  // 3 December 2026, 09:30 in the city.
  vi.setSystemTime(new Date('2026-12-03T02:30:00Z'));
});
afterEach(() => {
  cleanup();
  clearMemo();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('the leaders’ statistics page', () => {
  it('starts from the address: period, filters and bucket go to the server', async () => {
    stubApi();
    renderAt('/stats?period=7d&unitId=3&channel=hotline&bucket=week');
    await screen.findByTestId('stats-body');
    const q = lastCall('/api/stats/overview');
    expect(q.get('from')).toBe('2026-11-26T17:00:00.000Z');
    expect(q.get('to')).toBe('2026-12-03T17:00:00.000Z');
    expect(q.get('unitId')).toBe('3');
    expect(q.get('channel')).toBe('hotline');
    expect(q.get('bucket')).toBe('week');
    expect(screen.getByRole('button', { name: '7 ngày' }).getAttribute('aria-pressed')).toBe('true');
    expect((screen.getByTestId('filter-channel') as HTMLSelectElement).value).toBe('hotline');
    expect((screen.getByTestId('stats-bucket') as HTMLSelectElement).value).toBe('week');
    expect(screen.getByTestId('stats-period').textContent).toContain('27/11/2026 – 03/12/2026');
    // The export link carries the same period and filters.
    const href = screen.getByTestId('export-csv').getAttribute('href')!;
    expect(href.startsWith('/api/stats/export.csv?')).toBe(true);
    expect(new URLSearchParams(href.split('?')[1]).get('unitId')).toBe('3');
  });

  it('writes every change back into the address, and back goes back', async () => {
    stubApi();
    const router = renderAt('/stats');
    await screen.findByTestId('stats-body');
    expect(lastCall('/api/stats/overview').get('bucket')).toBe('day');

    fireEvent.click(screen.getByRole('button', { name: '90 ngày' }));
    expect(search(router).get('period')).toBe('90d');
    await vi.waitFor(() => expect(lastCall('/api/stats/overview').get('bucket')).toBe('week'));

    fireEvent.change(screen.getByTestId('filter-channel'), { target: { value: 'hotline' } });
    expect(search(router).get('channel')).toBe('hotline');
    await vi.waitFor(() => expect(lastCall('/api/stats/overview').get('channel')).toBe('hotline'));

    // A custom period from the date inputs.
    fireEvent.click(screen.getByRole('button', { name: 'Tuỳ chọn' }));
    fireEvent.change(screen.getByLabelText('Từ ngày'), { target: { value: '2026-11-01' } });
    fireEvent.change(screen.getByLabelText('Đến ngày'), { target: { value: '2026-11-30' } });
    fireEvent.click(screen.getByRole('button', { name: 'Xem' }));
    expect(router.state.location.search).toBe('?period=custom&from=2026-11-01&to=2026-11-30&channel=hotline');
    await vi.waitFor(() => expect(lastCall('/api/stats/overview').get('from')).toBe('2026-10-31T17:00:00.000Z'));

    await act(() => router.navigate(-1));
    expect(search(router).get('period')).toBe('90d');
    expect(screen.getByRole('button', { name: '90 ngày' }).getAttribute('aria-pressed')).toBe('true');
    await act(() => router.navigate(-1));
    expect(search(router).get('channel')).toBeNull();
    expect((screen.getByTestId('filter-channel') as HTMLSelectElement).value).toBe('');
  });

  it('shows each headline figure with the change since the period before, coloured by its meaning', async () => {
    stubApi();
    renderAt('/stats');
    await screen.findByTestId('stats-body');
    expect(screen.getByTestId('kpi-received-value').textContent).toBe('1.234');
    // Higher on-time rate: good (green, up).
    const onTime = screen.getByTestId('kpi-on-time-change');
    expect(onTime.getAttribute('data-tone')).toBe('good');
    expect(onTime.className).toContain('tone-good');
    expect(onTime.textContent).toContain('▲ +10 điểm %');
    expect(onTime.textContent).toContain('tốt lên');
    expect(onTime.textContent).toContain('Kỳ trước: 80 %');
    expect(screen.getByTestId('on-time-rate').textContent).toContain('90 %');
    // More backlog: bad (red, up).
    const backlog = screen.getByTestId('kpi-backlog-change');
    expect(backlog.getAttribute('data-tone')).toBe('bad');
    expect(backlog.textContent).toContain('▲ +10');
    expect(backlog.textContent).toContain('xấu đi');
    // Shorter time to resolve: good (down).
    expect(screen.getByTestId('kpi-resolve-time-value').textContent).toBe('3 giờ 20 phút');
    expect(screen.getByTestId('kpi-resolve-time-change').getAttribute('data-tone')).toBe('good');
    expect(screen.getByTestId('kpi-p90-value').textContent).toBe('2 ngày 4 giờ');
    expect(screen.getByTestId('kpi-satisfaction-value').textContent).toBe('87,5 %');
    // More received: neither good nor bad.
    expect(screen.getByTestId('kpi-received-change').getAttribute('data-tone')).toBe('neutral');
    expect(screen.getByTestId('age-bands').textContent).toContain('Trên 7 ngày: 3');
  });

  it('opens the reports behind a breakdown cell, with the figure and the row in the request and the address', async () => {
    stubApi();
    const router = renderAt('/stats?categoryCode=flooding');
    await screen.findByTestId('stats-body');
    const row = screen.getByTestId('breakdown-unit').querySelector('tr[data-key="3"]') as HTMLElement;
    fireEvent.click(within(row).getByRole('button', { name: /^Trễ hạn – Cây xanh: 9/ }));
    expect(search(router).get('drill')).toBe('late');
    expect(search(router).get('drillUnitId')).toBe('3');
    // The page's own filter is untouched.
    expect(search(router).get('unitId')).toBeNull();

    const panel = await screen.findByTestId('drill-panel');
    await vi.waitFor(() => expect(within(panel).getAllByTestId('drill-row')).toHaveLength(2));
    const q = lastCall('/api/stats/reports');
    expect(q.get('figure')).toBe('late');
    expect(q.get('unitId')).toBe('3');
    expect(q.get('categoryCode')).toBe('flooding');
    expect(q.get('from')).toBe(lastCall('/api/stats/overview').get('from'));
    expect(q.get('page')).toBe('1');
    expect(within(panel).getByRole('heading', { name: 'Phản ánh xử lý trễ hạn' })).toBe(document.activeElement);
    expect(within(panel).getByRole('link', { name: 'TH-2611-AAAAAA' }).getAttribute('href')).toBe(
      '/track/TH-2611-AAAAAA',
    );
    expect(within(panel).getByTestId('drill-context').textContent).toBe('Cây xanh');
    expect(within(panel).getAllByTestId('drill-row')[0]!.textContent).toContain('3 ngày 3 giờ');

    // Paging is in the address too; Escape closes the list.
    fireEvent.click(within(panel).getByTestId('drill-next'));
    expect(search(router).get('drillPage')).toBe('2');
    await vi.waitFor(() => expect(lastCall('/api/stats/reports').get('page')).toBe('2'));
    fireEvent.keyDown(document, { key: 'Escape' });
    expect(search(router).get('drill')).toBeNull();
    expect(screen.queryByTestId('drill-panel')).toBeNull();
  });

  it('opens a drill-down from a headline figure and from a shared address', async () => {
    stubApi();
    const router = renderAt('/stats?drill=backlog&drillAreaCode=tuy-hoa');
    const panel = await screen.findByTestId('drill-panel');
    expect(panel.getAttribute('data-figure')).toBe('backlog');
    await vi.waitFor(() => expect(lastCall('/api/stats/reports').get('areaCode')).toBe('tuy-hoa'));
    await screen.findByTestId('stats-body');
    fireEvent.click(screen.getByTestId('kpi-received-open'));
    expect(search(router).get('drill')).toBe('received');
    expect(search(router).get('drillAreaCode')).toBeNull();
    await vi.waitFor(() => expect(lastCall('/api/stats/reports').get('figure')).toBe('received'));
  });

  it('ranks units by on-time rate and lists those with too few resolutions apart', async () => {
    stubApi();
    renderAt('/stats');
    const ranking = await screen.findByTestId('ranking');
    const ranked = within(ranking).getAllByTestId('ranked-unit');
    expect(ranked.map((r) => r.getAttribute('data-unit-id'))).toEqual(['1', '3']);
    expect(ranked[0]!.textContent).toContain('95 %');
    const apart = within(ranking).getByTestId('too-few-to-rank');
    expect(apart.textContent).toContain('Chưa đủ số liệu để xếp hạng');
    expect(apart.textContent).toContain('Cần ít nhất 10 phản ánh đã xử lý');
    expect(apart.textContent).toContain('Phường Bình Kiến: 4 đã xử lý');
    expect(within(ranking).getByTestId('ranking-table').textContent).not.toContain('Bình Kiến');
  });

  it('names categories and channels in the breakdowns', async () => {
    stubApi();
    const router = renderAt('/stats?by=category');
    const table = await screen.findByTestId('breakdown-category');
    await vi.waitFor(() => expect(table.textContent).toContain('Ngập úng'));
    fireEvent.click(within(screen.getByTestId('breakdown-switch')).getByRole('button', { name: 'Kênh tiếp nhận' }));
    expect(search(router).get('by')).toBe('channel');
    expect(screen.getByTestId('breakdown-channel').textContent).toContain('Đường dây nóng');
  });

  it('holds a unit’s leader to their unit: its name, no unit filter, no ranking', async () => {
    stubApi(overview({ filters: { unitId: 1, areaCode: null, categoryCode: null, channel: null } }));
    renderAt('/stats?unitId=3', unitLeader);
    await screen.findByTestId('stats-body');
    expect(screen.getByTestId('stats-scope').textContent).toBe('Số liệu của đơn vị Chiếu sáng đô thị');
    expect(screen.queryByTestId('filter-unit')).toBeNull();
    expect(screen.queryByTestId('ranking')).toBeNull();
    // The unit in the address is not sent: the server decides it.
    expect(lastCall('/api/stats/overview').get('unitId')).toBeNull();
    expect(screen.getByTestId('monthly-link').getAttribute('href')).toBe('/stats/monthly?unitId=1&month=2026-11');
  });

  it('shows the skeleton at once, keeps the figures dimmed while a new period loads, and offers a retry', async () => {
    let release: (() => void) | undefined;
    let fail = false;
    stubApi();
    const base = globalThis.fetch as unknown as (url: string) => Promise<Response>;
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        if (url.startsWith('/api/stats/overview') && url.includes('2026-09')) {
          await new Promise<void>((r) => (release = r));
          if (fail) return problem(500, 'internal');
        }
        return base(url);
      }),
    );
    renderAt('/stats');
    expect(screen.getByTestId('stats-skeleton')).toBeTruthy();
    const body = await screen.findByTestId('stats-body');
    fail = true;
    fireEvent.click(screen.getByRole('button', { name: '90 ngày' }));
    await vi.waitFor(() => expect(body.getAttribute('aria-busy')).toBe('true'));
    expect(body.className).toContain('refreshing');
    expect(screen.getByTestId('kpi-received-value').textContent).toBe('1.234');
    await act(async () => release?.());
    const alert = await screen.findByRole('alert');
    fail = false;
    fireEvent.click(within(alert).getByRole('button', { name: 'Thử lại' }));
    await act(async () => release?.());
    await vi.waitFor(() => expect(screen.getByTestId('stats-body').getAttribute('aria-busy')).toBe('false'));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('the monthly summary', () => {
  it('asks for the calendar month in the city (UTC+7) and the month before', async () => {
    stubApi();
    const print = vi.fn();
    vi.stubGlobal('print', print);
    renderAt('/stats/monthly?unitId=3&month=2026-11');
    await screen.findByTestId('monthly-headline');
    const overviews = calls.filter((u) => u.startsWith('/api/stats/overview'));
    const queries = overviews.map((u) => new URLSearchParams(u.split('?')[1]));
    const nov = queries.find((q) => q.get('bucket') === 'day')!;
    expect(nov.get('from')).toBe('2026-10-31T17:00:00.000Z');
    expect(nov.get('to')).toBe('2026-11-30T17:00:00.000Z');
    expect(nov.get('unitId')).toBe('3');
    const oct = queries.find((q) => q.get('bucket') === 'month')!;
    expect(oct.get('from')).toBe('2026-09-30T17:00:00.000Z');
    expect(oct.get('to')).toBe('2026-10-31T17:00:00.000Z');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Báo cáo tháng 11/2026');
    await vi.waitFor(() => expect(screen.getByTestId('monthly-unit-name').textContent).toBe('Cây xanh'));
    expect(screen.getByTestId('monthly-range').textContent).toBe('Từ 01/11/2026 đến 30/11/2026, so với tháng 10/2026');
    expect(screen.getByTestId('monthly-late-count').textContent).toBe('100');
    fireEvent.click(screen.getByTestId('monthly-print'));
    expect(print).toHaveBeenCalled();
  });
});
