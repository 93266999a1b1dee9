// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useEffect } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CategoryDto } from '../../../shared/schemas/categories';
import { categoryDto } from '../../test/factories';
import { clearMemo } from '../../api/memo';
import { I18nProvider } from '../../i18n';
import { jsonResponse } from '../../test/responses';
import type { MapFilters } from './mapQuery';
import { PublicMapView } from './PublicMapView';

// The Leaflet map itself is not the subject here: a stand-in reports the filters it was given.
vi.mock('./PublicMap', () => ({
  default: ({ filters, onState }: { filters: MapFilters; onState: (s: unknown) => void }) => {
    // eslint-disable-next-line react-hooks/rules-of-hooks
    useEffect(() => onState({ count: 7, loading: false, error: null }), [onState]);
    return <div data-testid="map-stub" data-filters={JSON.stringify(filters)} />;
  },
}));

afterEach(() => {
  cleanup();
  clearMemo();
  vi.unstubAllGlobals();
});

const category = (code: string, vi: string): CategoryDto =>
  categoryDto({ code, name: { vi, en: code }, group: 'g', groupName: { vi: 'Nhóm', en: 'Group' } });

function renderAt(url: string) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => jsonResponse(200, [category('flooding', 'Ngập úng'), category('street_lighting', 'Đèn đường')])),
  );
  const router = createMemoryRouter([{ path: '/map', element: <PublicMapView /> }], { initialEntries: [url] });
  render(
    <I18nProvider initial="vi">
      <RouterProvider router={router} />
    </I18nProvider>,
  );
  return router;
}

describe('the public map filters', () => {
  it('start from the address of a shared link', async () => {
    renderAt('/map?status=resolved&category=flooding');
    const stub = await screen.findByTestId('map-stub');
    expect(JSON.parse(stub.getAttribute('data-filters')!)).toEqual({ status: 'resolved', categories: ['flooding'] });
    expect((screen.getByRole('radio', { name: 'Đã xử lý gần đây' }) as HTMLInputElement).checked).toBe(true);
    expect(((await screen.findByRole('checkbox', { name: /Ngập úng/ })) as HTMLInputElement).checked).toBe(true);
    // The count comes with the map's answer, which may land after the categories on a busy machine.
    await waitFor(() => expect(screen.getByTestId('map-count').textContent).toBe('7 phản ánh trong vùng đang xem'));
  });

  it('write every change back into the address', async () => {
    const router = renderAt('/map');
    fireEvent.click(await screen.findByRole('checkbox', { name: /Đèn đường/ }));
    fireEvent.click(screen.getByRole('radio', { name: 'Tất cả' }));
    expect(new URLSearchParams(router.state.location.search).get('category')).toBe('street_lighting');
    expect(new URLSearchParams(router.state.location.search).get('status')).toBe('all');
    const stub = screen.getByTestId('map-stub');
    expect(JSON.parse(stub.getAttribute('data-filters')!)).toEqual({ status: 'all', categories: ['street_lighting'] });
    fireEvent.click(screen.getByRole('button', { name: 'Mọi loại sự cố' }));
    expect(new URLSearchParams(router.state.location.search).has('category')).toBe(false);
  });
});
