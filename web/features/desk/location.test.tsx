// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SessionUser, StaffReportDetail } from '../../../shared/schemas/reports';
import { clearMemo } from '../../api/memo';
import { I18nProvider } from '../../i18n';
import { categoryDto, staffReport } from '../../test/factories';
import { renderWithApp } from '../../test/render';
import { jsonResponse, problem } from '../../test/responses';
import { SessionContext } from '../auth/SessionProvider';
import { mappable } from './location';
import { ReportPanel } from './ReportPanel';
import { ReportRow } from './ReportRow';

// Leaflet is not the subject: the panel's map is a stand-in with a "click here" button.
vi.mock('./PlacerMap', () => ({
  default: ({ onPick }: { onPick: (p: [number, number]) => void }) => (
    <button type="button" onClick={() => onPick([13.0961, 109.3012])}>
      map-click
    </button>
  ),
}));

afterEach(() => {
  cleanup();
  clearMemo();
  vi.unstubAllGlobals();
});

const byAddress = staffReport(9, { lat: null, lng: null, address: '12 Trần Hưng Đạo', version: 3 });

function detail(patch: Partial<StaffReportDetail> = {}): StaffReportDetail {
  return {
    ...byAddress,
    timeline: [],
    contact: null,
    photos: [],
    attributes: {},
    rating: null,
    ...patch,
  };
}

const operator: SessionUser = {
  id: 1,
  username: 'operator',
  displayName: 'Điều hành viên',
  role: 'operator',
  unit: null,
};
const staff: SessionUser = {
  id: 2,
  username: 'staff',
  displayName: 'Cán bộ',
  role: 'staff',
  unit: { id: 2, name: 'Điện lực' },
};

function renderPanel(user: SessionUser, api: (url: string, init: RequestInit) => Response) {
  const calls: { url: string; init: RequestInit }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit = {}) => {
      calls.push({ url, init });
      return api(url, init);
    }),
  );
  const onUpdated = vi.fn();
  render(
    <I18nProvider initial="vi">
      <SessionContext.Provider value={{ user, login: async () => user, logout: async () => {} }}>
        <MemoryRouter>
          <ReportPanel reportId={9} listVersion={3} onUpdated={onUpdated} onClose={() => {}} />
        </MemoryRouter>
      </SessionContext.Provider>
    </I18nProvider>,
  );
  return { calls, onUpdated };
}

const categories = [
  categoryDto({
    group: 'g',
    groupName: { vi: 'Chiếu sáng', en: 'Lighting' },
    questions: [
      {
        code: 'pole_number',
        label: { vi: 'Số hiệu cột đèn', en: 'Pole number' },
        datatype: 'string',
        required: false,
        order: 1,
      },
      {
        code: 'lamp_state',
        label: { vi: 'Tình trạng đèn', en: 'Lamp state' },
        datatype: 'singlevaluelist',
        required: false,
        order: 2,
        values: [{ key: 'flicker', name: { vi: 'Chập chờn', en: 'Flickering' } }],
      },
    ],
  }),
];

describe('reports without a location on the desks', () => {
  it('shows a "no location" badge in the queue, and no marker on the map', () => {
    renderWithApp(
      <ul>
        <ReportRow report={byAddress} now={0} icon="💡" selected={false} fresh={false} onSelect={() => {}} />
        <ReportRow report={staffReport(10)} now={0} icon="💡" selected={false} fresh={false} onSelect={() => {}} />
      </ul>,
    );
    const rows = screen.getAllByTestId('queue-row');
    expect(within(rows[0]!).getByTestId('no-location').textContent).toBe('Chưa có vị trí');
    expect(rows[0]!.getAttribute('data-located')).toBe('false');
    expect(within(rows[1]!).queryByTestId('no-location')).toBeNull();
    expect(mappable([byAddress, staffReport(10)]).map((r) => r.id)).toEqual([10]);
  });

  it('lets an operator place the report, sending the point with the version', async () => {
    const placed = staffReport(9, { lat: 13.0961, lng: 109.3012, version: 4 });
    let located = false;
    const { calls, onUpdated } = renderPanel(operator, (url) => {
      if (url === '/api/reports/9') return jsonResponse(200, located ? detail(placed) : detail());
      if (url === '/api/reports/9/location') {
        located = true;
        return jsonResponse(200, placed);
      }
      return jsonResponse(200, []);
    });
    expect(within(await screen.findByTestId('detail-coords')).getByText('Chưa có vị trí')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /Đặt vị trí trên bản đồ/ }));
    const confirm = screen.getByRole('button', { name: 'Xác nhận vị trí' });
    expect((confirm as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(await screen.findByRole('button', { name: 'map-click' }));
    expect(screen.getByTestId('placed-point').textContent).toBe('Vị trí đã chọn: 13.09610, 109.30120');
    fireEvent.click(confirm);
    expect((await screen.findByTestId('location-message')).textContent).toBe('Đã đặt vị trí cho phản ánh.');
    const post = calls.find((c) => c.url === '/api/reports/9/location');
    expect(JSON.parse(String(post?.init.body))).toEqual({ lat: 13.0961, lng: 109.3012, version: 3 });
    expect(onUpdated).toHaveBeenCalledWith(placed);
    // The panel reloads the placed report: coordinates instead of the badge, the outcome line stays.
    await vi.waitFor(() => expect(screen.getByTestId('detail-coords').textContent).toBe('13.09610, 109.30120'));
    expect(screen.getByTestId('location-message').textContent).toBe('Đã đặt vị trí cho phản ánh.');
    expect(screen.queryByTestId('place-location')).toBeNull();
  });

  it('handles a version conflict like any other action: says so and reloads', async () => {
    const { calls } = renderPanel(operator, (url) => {
      if (url === '/api/reports/9') return jsonResponse(200, detail());
      if (url === '/api/reports/9/location') return problem(409, 'version_conflict');
      return jsonResponse(200, []);
    });
    fireEvent.click(await screen.findByRole('button', { name: /Đặt vị trí trên bản đồ/ }));
    fireEvent.click(await screen.findByRole('button', { name: 'map-click' }));
    fireEvent.click(screen.getByRole('button', { name: 'Xác nhận vị trí' }));
    expect((await screen.findByTestId('location-message')).textContent).toMatch(/người khác cập nhật/);
    await vi.waitFor(() => expect(calls.filter((c) => c.url === '/api/reports/9').length).toBe(2));
  });

  it('does not offer placing to unit staff', async () => {
    renderPanel(staff, (url) => (url === '/api/reports/9' ? jsonResponse(200, detail()) : jsonResponse(200, [])));
    await screen.findByTestId('detail-coords');
    expect(screen.queryByTestId('place-location')).toBeNull();
  });

  it("shows the photos, the answers to the category's questions and the resident's rating", async () => {
    renderPanel(operator, (url) => {
      if (url === '/api/reports/9')
        return jsonResponse(
          200,
          detail({
            lat: 13.1,
            lng: 109.3,
            photos: [{ id: 'p1', url: '/api/photos/p1', thumbUrl: '/api/photos/p1/thumb', width: 1600, height: 900 }],
            attributes: { lamp_state: 'flicker', pole_number: 'TH-0231' },
            rating: { score: 2, comment: 'Chậm', at: '2025-11-27T00:00:00Z' },
          }),
        );
      if (url === '/api/categories') return jsonResponse(200, categories);
      return jsonResponse(200, []);
    });
    const photos = await screen.findByTestId('report-photos');
    expect(within(photos).getByRole('link').getAttribute('href')).toBe('/api/photos/p1');
    const answers = await screen.findByTestId('report-attributes');
    await vi.waitFor(() => expect(answers.textContent).toContain('Số hiệu cột đèn'));
    const terms = Array.from(answers.querySelectorAll('dt')).map((d) => d.textContent);
    expect(terms).toEqual(['Số hiệu cột đèn', 'Tình trạng đèn']);
    expect(answers.textContent).toContain('TH-0231');
    expect(answers.textContent).toContain('Chập chờn');
    expect(screen.getByTestId('report-rating').textContent).toContain('2/5 sao');
    expect(screen.queryByTestId('place-location')).toBeNull();
  });
});
