// @vitest-environment jsdom
import { act, cleanup, render } from '@testing-library/react';
import type { Map as LeafletMap } from 'leaflet';
import { MapContainer } from 'react-leaflet';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PublicMapFeature } from '../../../shared/schemas/reports';
import { I18nProvider } from '../../i18n';
import { jsonResponse } from '../../test/responses';
import { FeatureLayer, MAP_DEBOUNCE_MS } from './FeatureLayer';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const FEATURES: PublicMapFeature[] = [
  { type: 'cluster', id: 1, lat: 13.09, lng: 109.3, count: 12, expansionZoom: 15 },
  { type: 'report', trackingCode: 'TH-2611-AAAAAA', lat: 13.1, lng: 109.31, status: 'in_progress', categoryCode: 'x' },
];

describe('the public map layer', () => {
  it('asks once after the map settles, cancels the previous request and draws clusters and reports', async () => {
    vi.useFakeTimers();
    const signals: AbortSignal[] = [];
    const urls: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init: RequestInit) => {
        urls.push(url);
        signals.push(init.signal!);
        return jsonResponse(200, FEATURES);
      }),
    );
    let map: LeafletMap | null = null;
    const { container } = render(
      <I18nProvider initial="vi">
        <MemoryRouter>
          <MapContainer center={[13.095, 109.3]} zoom={13} ref={(m) => void (map = m)} style={{ height: 400 }}>
            <FeatureLayer
              filters={{ status: 'all', categories: ['flooding'] }}
              categoryName={(c) => c}
              onState={() => {}}
              onView={() => {}}
            />
          </MapContainer>
        </MemoryRouter>
      </I18nProvider>,
    );
    // A burst of moves is one request.
    act(() => {
      map!.fire('moveend');
      map!.fire('zoomend');
      map!.fire('moveend');
    });
    expect(urls).toHaveLength(0);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(MAP_DEBOUNCE_MS);
    });
    expect(urls).toHaveLength(1);
    expect(urls[0]).toMatch(/^\/api\/map\?bbox=[-\d.]+,[-\d.]+,[-\d.]+,[-\d.]+&zoom=13&category=flooding&status=all$/);

    const cluster = container.querySelector('.map-cluster');
    expect(cluster?.getAttribute('data-count')).toBe('12');
    expect(cluster?.closest('.leaflet-marker-icon')?.getAttribute('title')).toBe('12 phản ánh – bấm để phóng to');
    const marker = container.querySelector('.public-marker');
    expect(marker?.getAttribute('data-tracking-code')).toBe('TH-2611-AAAAAA');
    expect(marker?.classList.contains('status-in_progress')).toBe(true);

    // A new move while a request is out cancels it.
    await act(async () => {
      map!.fire('moveend');
      await vi.advanceTimersByTimeAsync(MAP_DEBOUNCE_MS);
    });
    expect(urls).toHaveLength(2);
    expect(signals[0]?.aborted).toBe(true);
    expect(signals[1]?.aborted).toBe(false);
  });
});
