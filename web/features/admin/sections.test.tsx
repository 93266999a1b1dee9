// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ConfigImportSummary } from '../../../shared/schemas/admin';
import { I18nProvider } from '../../i18n';
import { renderWithApp } from '../../test/render';
import { ADMIN_SECTIONS, AdminLayout } from './AdminLayout';
import { CalendarSection } from './CalendarSection';
import { ConfigSection } from './ConfigSection';
import { fakeServer, problemWith, writes } from './testServer';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the admin page', () => {
  it('opens on the areas, gives every section its own address, and focuses the title after moving', async () => {
    fakeServer({
      'GET /api/admin/areas': () => ({ items: [] }),
      'GET /api/admin/units': () => ({ items: [] }),
    });
    const router = createMemoryRouter([{ path: '/admin/*', element: <AdminLayout /> }], { initialEntries: ['/admin'] });
    render(
      <I18nProvider initial="vi">
        <RouterProvider router={router} />
      </I18nProvider>,
    );
    await waitFor(() => expect(router.state.location.pathname).toBe('/admin/areas'));
    const nav = screen.getByRole('navigation', { name: 'Các mục quản trị' });
    expect(
      within(nav)
        .getAllByRole('link')
        .map((a) => a.getAttribute('href')),
    ).toEqual(ADMIN_SECTIONS.map((s) => `/admin/${s}`));
    expect(within(nav).getByRole('link', { name: 'Địa giới phường, xã' }).getAttribute('aria-current')).toBe('page');

    fireEvent.click(within(nav).getByRole('link', { name: 'Đơn vị xử lý' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/admin/units'));
    const title = screen.getByRole('heading', { level: 1, name: 'Đơn vị xử lý' });
    await waitFor(() => expect(document.activeElement).toBe(title));
  });
});

describe('the working calendar', () => {
  it('saves the working week, the holidays in order and the start of the day', async () => {
    const calls = fakeServer({
      'GET /api/admin/calendar': () => ({
        workingWeekdays: [1, 2, 3, 4, 5],
        holidays: ['2026-09-02', '2026-01-01'],
        dayStartMinutes: 450,
      }),
      'PUT /api/admin/calendar': (c) => c.body,
    });
    renderWithApp(<CalendarSection />);
    const saturday = await screen.findByLabelText('Thứ Bảy');
    expect((screen.getByLabelText('Thứ Hai') as HTMLInputElement).checked).toBe(true);
    expect(
      [...screen.getAllByTestId('holidays')[0]!.querySelectorAll('li')].map((li) => li.getAttribute('data-date')),
    ).toEqual(['2026-01-01', '2026-09-02']);
    expect((screen.getByTestId('calendar-save') as HTMLButtonElement).disabled).toBe(true);

    fireEvent.click(saturday);
    fireEvent.change(screen.getByLabelText('Ngày nghỉ'), { target: { value: '2026-04-30' } });
    fireEvent.click(screen.getByTestId('holiday-add'));
    fireEvent.change(screen.getByLabelText('Ngày nghỉ'), { target: { value: '2026-04-30' } });
    fireEvent.click(screen.getByTestId('holiday-add'));
    expect(screen.getByText(/đã có trong danh sách/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /Bỏ ngày nghỉ .*02\/09\/2026/ }));
    fireEvent.change(screen.getByLabelText('Bắt đầu lúc'), { target: { value: '08:00' } });
    expect(screen.getByText('Có thay đổi chưa lưu')).toBeTruthy();
    fireEvent.click(screen.getByTestId('calendar-save'));
    await screen.findByText('Đã lưu lịch làm việc.');
    expect(writes(calls)[0]!.body).toEqual({
      workingWeekdays: [1, 2, 3, 4, 5, 6],
      holidays: ['2026-01-01', '2026-04-30'],
      dayStartMinutes: 480,
    });
  });

  it('will not save a week without working days', async () => {
    const calls = fakeServer({
      'GET /api/admin/calendar': () => ({ workingWeekdays: [1], holidays: [], dayStartMinutes: 450 }),
    });
    renderWithApp(<CalendarSection />);
    fireEvent.click(await screen.findByLabelText('Thứ Hai'));
    fireEvent.click(screen.getByTestId('calendar-save'));
    expect((await screen.findByTestId('error-workingWeekdays')).textContent).toBe(
      'Cần ít nhất một ngày làm việc trong tuần.',
    );
    expect(writes(calls)).toEqual([]);
  });
});

describe('the configuration file', () => {
  const config = {
    format: 'beacon-ioc-config/1',
    units: [{}, {}],
    categories: [{}],
    rules: [],
    templates: [],
    calendar: {},
    users: [],
  };
  const choose = (text: string) =>
    fireEvent.change(screen.getByLabelText('Tệp cấu hình (.json)'), {
      target: { files: [new File([text], 'cau-hinh.json', { type: 'application/json' })] },
    });

  it("imports after confirmation and shows the server's summary", async () => {
    const summary: ConfigImportSummary = {
      units: { created: ['water-supply'], updated: [], unchanged: 10 },
      categories: { created: [], updated: ['street_lighting'], unchanged: 5 },
      areas: { changed: false, imported: 0, superseded: 0, retired: 0 },
      rules: { removed: 9, added: 10 },
      templates: { removed: 0, added: 0 },
      calendar: { changed: true },
      users: { created: ['nguyen.van.an'], existing: 11 },
    };
    const calls = fakeServer({ 'POST /api/admin/config': () => summary });
    renderWithApp(<ConfigSection />);
    choose(JSON.stringify(config));
    const holds = await screen.findByTestId('config-file-summary');
    expect(holds.textContent).toContain('units2 mục');
    fireEvent.click(screen.getByTestId('config-import'));
    fireEvent.click(screen.getByTestId('confirm-button'));
    const result = await screen.findByTestId('config-import-result');
    expect(within(result).getByText('tạo mới 1 (water-supply); cập nhật 0; giữ nguyên 10')).toBeTruthy();
    expect(within(result).getByText('bỏ 9, thêm 10')).toBeTruthy();
    expect(within(result).getByText('tạo mới 1 (nguyen.van.an); đã có 11')).toBeTruthy();
    expect(writes(calls)[0]!.body).toEqual(config);
  });

  it("shows the server's validation errors and a file that is not JSON", async () => {
    fakeServer({
      'POST /api/admin/config': () =>
        problemWith(422, 'validation_failed', 'The configuration has 1 invalid field(s)', [
          { path: 'categories.0.deadline.value', message: 'Too small: expected number to be >0' },
        ]),
    });
    renderWithApp(<ConfigSection />);
    choose('{ không phải json');
    expect((await screen.findByRole('alert')).textContent).toBe('cau-hinh.json không phải là tệp JSON hợp lệ.');
    expect((screen.getByTestId('config-import') as HTMLButtonElement).disabled).toBe(true);

    choose(JSON.stringify(config));
    await screen.findByTestId('config-file-summary');
    fireEvent.click(screen.getByTestId('config-import'));
    fireEvent.click(screen.getByTestId('confirm-button'));
    const error = await screen.findByTestId('config-import-error');
    expect(error.textContent).toContain('categories.0.deadline.value: Phải lớn hơn 0.');
    expect(screen.queryByTestId('config-import-result')).toBeNull();
  });
});
