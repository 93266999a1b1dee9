// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CategoryDto } from '../../../shared/schemas/categories';
import type { NearbyReport } from '../../../shared/schemas/reports';
import { clearMemo } from '../../api/memo';
import { categoryDto, publicReport } from '../../test/factories';
import { renderWithApp } from '../../test/render';
import { jsonResponse, problem } from '../../test/responses';
import { listMyReports, tokenFor } from '../device/myReports';
import { createOutboxClient, setOutboxClient } from './outbox/client';
import { memoryOutboxStore } from './outbox/store';
import { readPhotoGps } from './photoGps';
import { ReportForm } from './ReportForm';

// Leaflet does not render in jsdom: a button stands in for tapping the map.
vi.mock('./LocationPicker', () => ({
  default: ({ onChange }: { onChange: (lat: number, lng: number) => void }) => (
    <button type="button" onClick={() => onChange(13.0951, 109.3012)}>
      test: tap the map
    </button>
  ),
}));
// jsdom has no image decoder: downscaling answers a small JPEG, and EXIF reading is scripted per test.
vi.mock('./photoPrep', () => ({
  preparePhoto: vi.fn(async () => new Blob([new Uint8Array(2048)], { type: 'image/jpeg' })),
}));
vi.mock('./photoGps', () => ({ readPhotoGps: vi.fn(async () => null) }));

const category = (patch: Partial<CategoryDto> = {}): CategoryDto =>
  categoryDto({ deadline: { value: 3, unit: 'working_days' }, duplicateDays: 30, ...patch });
const created = {
  id: 1,
  trackingCode: 'TH-2611-7KQ3MD',
  status: 'received',
  area: { code: 'tuy-hoa', name: 'Phường Tuy Hòa' },
  unit: { id: 2, name: 'Công ty Chiếu sáng' },
  dueAt: '2025-11-29T01:00:00Z',
  residentToken: 'rt-filed',
  photos: [],
};
const areas = [
  { code: 'phu-yen', name: 'Phường Phú Yên', geometry: { type: 'Polygon', coordinates: [] }, note: null },
  { code: 'tuy-hoa', name: 'Phường Tuy Hòa', geometry: { type: 'Polygon', coordinates: [] }, note: null },
];

type Call = { url: string; init: RequestInit };
function stubApi({
  categories = [category()],
  nearby = [] as NearbyReport[],
  posts: answers = [] as (() => Response | Promise<Response>)[],
} = {}) {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit = {}) => {
      calls.push({ url, init });
      if (url === '/api/categories') return jsonResponse(200, categories);
      if (url === '/api/areas') return jsonResponse(200, areas);
      if (url.startsWith('/api/reports/nearby')) return jsonResponse(200, nearby);
      if (url.endsWith('/follow')) {
        return jsonResponse(200, {
          report: publicReport({ trackingCode: 'TH-2611-AAAAAA' }),
          residentToken: 'rt-followed',
        });
      }
      const answer = answers.shift();
      if (!answer) throw new Error(`unexpected call ${url}`);
      return answer();
    }),
  );
  return {
    calls,
    posts: () => calls.filter((c) => c.url === '/api/reports'),
  };
}

const tapMap = async () => fireEvent.click(await screen.findByRole('button', { name: 'test: tap the map' }));
const next = () => fireEvent.click(screen.getByRole('button', { name: 'Tiếp tục' }));
async function chooseCategory() {
  fireEvent.click(await screen.findByRole('button', { name: /Đèn đường không sáng/ }));
}
async function fillUpToDescription(description: string) {
  await chooseCategory();
  await tapMap();
  next();
  fireEvent.change(await screen.findByLabelText('Mô tả sự cố'), { target: { value: description } });
}
const submit = () => fireEvent.click(screen.getByRole('button', { name: 'Gửi phản ánh' }));
const photo = (name = 'IMG_0001.jpg') => new File([new Uint8Array(4096)], name, { type: 'image/jpeg' });

beforeEach(() => {
  localStorage.clear();
  clearMemo();
  setOutboxClient(createOutboxClient({ store: memoryOutboxStore() }));
  vi.mocked(readPhotoGps).mockReset().mockResolvedValue(null);
});
afterEach(() => {
  cleanup();
  setOutboxClient(null);
  vi.unstubAllGlobals();
});

describe('the resident report form', () => {
  it('brings the report back with the server’s field error under the description it names', async () => {
    stubApi({
      posts: [
        () => problem(422, 'validation_failed', [{ path: 'description', message: 'must be at least 10 characters' }]),
      ],
    });
    renderWithApp(<ReportForm />);
    await fillUpToDescription('Tối om');
    submit();

    const error = await screen.findByTestId('error-description');
    expect(error.textContent).toBe('Cần ít nhất 10 ký tự.');
    const textarea = screen.getByLabelText('Mô tả sự cố') as HTMLTextAreaElement;
    expect(textarea.value).toBe('Tối om');
    expect(textarea.getAttribute('aria-invalid')).toBe('true');
    expect(textarea.getAttribute('aria-describedby')).toContain(error.id);
  });

  it('waits on the device when there is no network, then sends with the same Idempotency-Key', async () => {
    const api = stubApi({
      posts: [
        () => {
          throw new TypeError('Failed to fetch');
        },
        () => jsonResponse(201, created),
      ],
    });
    renderWithApp(<ReportForm />);
    await fillUpToDescription('Đèn đường không sáng trước nhà số 12');
    submit();

    const waiting = await screen.findByTestId('outbox-pending');
    await waitFor(() => expect(waiting.getAttribute('data-state')).toBe('waiting'));
    expect(waiting.textContent).toContain('Đang chờ gửi — phản ánh sẽ tự động gửi khi có mạng');
    expect(within(screen.getByTestId('outbox-summary')).getByText('Đèn đường không sáng trước nhà số 12')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Thử gửi ngay' }));
    expect((await screen.findByTestId('tracking-code')).textContent).toBe('TH-2611-7KQ3MD');

    const keys = api.posts().map((p) => (p.init.headers as Record<string, string>)['Idempotency-Key']);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBeTruthy();
    expect(keys[1]).toBe(keys[0]);
    expect(JSON.parse(String(api.posts()[1]?.init.body))).toMatchObject({
      categoryCode: 'street_lighting',
      lat: 13.0951,
      lng: 109.3012,
    });
    expect(tokenFor('TH-2611-7KQ3MD')).toBe('rt-filed');
    expect(listMyReports()[0]).toMatchObject({ trackingCode: 'TH-2611-7KQ3MD', followed: false });
  });

  it('keeps the draft across a reload', async () => {
    stubApi();
    renderWithApp(<ReportForm />);
    await fillUpToDescription('Cây đổ chắn đường');
    cleanup();
    renderWithApp(<ReportForm />);
    await waitFor(() =>
      expect((screen.getByLabelText('Mô tả sự cố') as HTMLTextAreaElement).value).toBe('Cây đổ chắn đường'),
    );
  });

  it('does not leave step 2 without a location', async () => {
    stubApi();
    renderWithApp(<ReportForm />);
    await chooseCategory();
    next();
    expect((await screen.findByTestId('error-lat')).textContent).toBe('Vui lòng chọn vị trí trên bản đồ.');
    expect(screen.queryByLabelText('Mô tả sự cố')).toBeNull();
  });
});

describe('filing without the map', () => {
  it('files by address and ward from the keyboard alone, with no coordinates in the body', async () => {
    const api = stubApi({ posts: [() => jsonResponse(201, created)] });
    renderWithApp(<ReportForm />);
    await chooseCategory();

    fireEvent.click(screen.getByRole('button', { name: 'Không dùng được bản đồ? Nhập địa chỉ' }));
    const address = await screen.findByRole('textbox', { name: /Địa chỉ nơi xảy ra sự cố/ });
    expect(document.activeElement).toBe(address);
    expect(screen.queryByRole('button', { name: 'test: tap the map' })).toBeNull();

    // Both fields are required.
    next();
    expect((await screen.findByTestId('error-address')).textContent).toBe('Vui lòng nhập địa chỉ nơi xảy ra sự cố.');
    expect(screen.getByTestId('error-areaCode')).toBeTruthy();

    fireEvent.change(address, { target: { value: 'Trước số 125 Trần Hưng Đạo' } });
    const ward = screen.getByRole('combobox', { name: /Phường\/xã/ });
    await waitFor(() => expect(within(ward).getByRole('option', { name: 'Phường Tuy Hòa' })).toBeTruthy());
    fireEvent.change(ward, { target: { value: 'tuy-hoa' } });
    next();
    fireEvent.change(await screen.findByLabelText('Mô tả sự cố'), { target: { value: 'Đèn đường tắt cả đoạn' } });
    // The optional address of the map mode is not asked twice.
    expect(screen.queryByLabelText(/Địa chỉ hoặc mốc gần đó/)).toBeNull();
    submit();

    await screen.findByTestId('tracking-code');
    const body = JSON.parse(String(api.posts()[0]?.init.body));
    expect(body).toMatchObject({
      areaCode: 'tuy-hoa',
      address: 'Trước số 125 Trần Hưng Đạo',
      description: 'Đèn đường tắt cả đoạn',
    });
    expect(body).not.toHaveProperty('lat');
    expect(body).not.toHaveProperty('lng');
    // No point, so no duplicate check either.
    expect(api.calls.some((c) => c.url.startsWith('/api/reports/nearby'))).toBe(false);
  });
});

describe('the category’s extra questions', () => {
  const withQuestions = category({
    questions: [
      {
        code: 'pole_number',
        label: { vi: 'Số hiệu cột đèn', en: 'Pole number' },
        hint: { vi: 'Ghi trên thân cột', en: 'Written on the pole' },
        datatype: 'string',
        required: true,
        order: 1,
      },
      {
        code: 'hazards',
        label: { vi: 'Nguy hiểm kèm theo', en: 'Hazards' },
        datatype: 'multivaluelist',
        required: false,
        order: 2,
        values: [
          { key: 'wires', name: { vi: 'Dây điện hở', en: 'Exposed wires' } },
          { key: 'dark', name: { vi: 'Tối hoàn toàn', en: 'Completely dark' } },
        ],
      },
    ],
  });

  it('will not send without a required answer, then sends the answers as attributes', async () => {
    const api = stubApi({ categories: [withQuestions], posts: [() => jsonResponse(201, created)] });
    renderWithApp(<ReportForm />);
    await fillUpToDescription('Đèn đường không sáng');
    submit();
    expect((await screen.findByTestId('error-attributes.pole_number')).textContent).toBe('Không được để trống.');
    expect(api.posts()).toHaveLength(0);

    const pole = screen.getByRole('textbox', { name: 'Số hiệu cột đèn' });
    expect(pole.getAttribute('aria-describedby')).toContain('q-pole_number-hint');
    fireEvent.change(pole, { target: { value: 'TH-0412' } });
    expect(screen.queryByTestId('error-attributes.pole_number')).toBeNull();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Dây điện hở' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Tối hoàn toàn' }));
    submit();

    await screen.findByTestId('tracking-code');
    expect(JSON.parse(String(api.posts()[0]?.init.body)).attributes).toEqual({
      pole_number: 'TH-0412',
      hazards: ['wires', 'dark'],
    });
  });

  it('shows the server’s error on an answer', async () => {
    stubApi({
      categories: [withQuestions],
      posts: [
        () => problem(422, 'validation_failed', [{ path: 'attributes.pole_number', message: 'is not a pole number' }]),
      ],
    });
    renderWithApp(<ReportForm />);
    await fillUpToDescription('Đèn đường không sáng');
    fireEvent.change(screen.getByRole('textbox', { name: 'Số hiệu cột đèn' }), { target: { value: '???' } });
    submit();
    expect((await screen.findByTestId('error-attributes.pole_number')).textContent).toBe('is not a pole number');
    expect((screen.getByRole('textbox', { name: 'Số hiệu cột đèn' }) as HTMLInputElement).value).toBe('???');
  });
});

describe('photos', () => {
  it('offers the photo’s position when no location is set, and uses it only when accepted', async () => {
    vi.mocked(readPhotoGps).mockResolvedValue({ lat: 13.0961, lng: 109.3021 });
    const api = stubApi({ posts: [() => jsonResponse(201, created)] });
    renderWithApp(<ReportForm />);
    await chooseCategory();
    fireEvent.change(screen.getByTestId('photo-input-gallery'), { target: { files: [photo()] } });

    const offer = await screen.findByTestId('photo-gps-offer');
    expect(offer.textContent).toContain('Ảnh có vị trí chụp. Dùng vị trí này?');
    expect(screen.getByTestId('location-readout').textContent).toBe('Chưa chọn vị trí.');
    fireEvent.click(within(offer).getByRole('button', { name: 'Dùng vị trí này' }));
    expect(screen.getByTestId('location-readout').textContent).toContain('13.09610, 109.30210');
    expect(await screen.findAllByTestId('photo-thumb')).toHaveLength(1);

    next();
    fireEvent.change(await screen.findByLabelText('Mô tả sự cố'), { target: { value: 'Đèn đường không sáng' } });
    submit();
    await screen.findByTestId('tracking-code');
    const body = api.posts()[0]?.init.body as FormData;
    expect(body).toBeInstanceOf(FormData);
    expect(body.get('lat')).toBe('13.0961');
    expect(body.getAll('photos')).toHaveLength(1);
  });

  it('never reads a photo’s position once the resident has set the location', async () => {
    stubApi();
    renderWithApp(<ReportForm />);
    await chooseCategory();
    await tapMap();
    fireEvent.change(screen.getByTestId('photo-input-camera'), { target: { files: [photo()] } });
    expect(await screen.findAllByTestId('photo-thumb')).toHaveLength(1);
    expect(readPhotoGps).not.toHaveBeenCalled();
    expect(screen.queryByTestId('photo-gps-offer')).toBeNull();
  });

  it('keeps the location unset when the offer is ignored, and removes a photo on request', async () => {
    vi.mocked(readPhotoGps).mockResolvedValue({ lat: 13.0961, lng: 109.3021 });
    stubApi();
    renderWithApp(<ReportForm />);
    await chooseCategory();
    fireEvent.change(screen.getByTestId('photo-input-gallery'), {
      target: { files: [photo('a.jpg'), photo('b.jpg')] },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Bỏ qua' }));
    expect(screen.queryByTestId('photo-gps-offer')).toBeNull();
    expect(screen.getByTestId('location-readout').textContent).toBe('Chưa chọn vị trí.');
    await waitFor(() => expect(screen.getAllByTestId('photo-thumb')).toHaveLength(2));
    fireEvent.click(screen.getByRole('button', { name: 'Xoá ảnh 1' }));
    expect(screen.getAllByTestId('photo-thumb')).toHaveLength(1);
  });

  it('brings the resident back to the photos with the server’s refusal of a photo', async () => {
    stubApi({ posts: [() => problem(413, 'payload_too_large', [{ path: 'photos.0', message: 'File too large' }])] });
    renderWithApp(<ReportForm />);
    await chooseCategory();
    await tapMap();
    fireEvent.change(screen.getByTestId('photo-input-gallery'), { target: { files: [photo()] } });
    await screen.findByTestId('photo-thumb');
    next();
    fireEvent.change(await screen.findByLabelText('Mô tả sự cố'), { target: { value: 'Đèn đường không sáng' } });
    submit();
    expect((await screen.findByTestId('error-photos.0')).textContent).toBe('Ảnh quá lớn. Vui lòng chọn ảnh khác.');
    expect(screen.getAllByTestId('photo-thumb')).toHaveLength(1);
  });
});

describe('possible duplicates', () => {
  const nearby: NearbyReport[] = [
    {
      trackingCode: 'TH-2611-AAAAAA',
      status: 'assigned',
      description: 'Đèn cột số 12 không sáng',
      distanceM: 23.4,
      createdAt: '2025-11-25T12:00:00Z',
      reporterCount: 3,
      thumbUrl: null,
    },
  ];

  it('shows open reports nearby before the details, and goes on when it is a different problem', async () => {
    const api = stubApi({ nearby });
    renderWithApp(<ReportForm />);
    await chooseCategory();
    await tapMap();
    next();
    const panel = await screen.findByTestId('nearby-panel');
    expect(screen.getByRole('heading', { name: 'Có thể sự cố này đã được báo' })).toBeTruthy();
    expect(panel.textContent).toContain('Đèn cột số 12 không sáng');
    expect(panel.textContent).toContain('cách khoảng 23 m');
    expect(panel.textContent).toContain('3 người đã báo');
    const query = new URL(api.calls.find((c) => c.url.startsWith('/api/reports/nearby'))!.url, 'http://x').searchParams;
    expect(Object.fromEntries(query)).toEqual({ categoryCode: 'street_lighting', lat: '13.0951', lng: '109.3012' });

    fireEvent.click(screen.getByRole('button', { name: 'Không, đây là sự cố khác' }));
    expect(await screen.findByLabelText('Mô tả sự cố')).toBeTruthy();
  });

  it('follows the existing report, keeps its token on the device and opens its page', async () => {
    const api = stubApi({ nearby });
    renderWithApp(
      <Routes>
        <Route path="/" element={<ReportForm />} />
        <Route path="/track/:code" element={<p>tracking page</p>} />
      </Routes>,
    );
    await chooseCategory();
    await tapMap();
    next();
    fireEvent.click(await screen.findByRole('button', { name: 'Tôi cũng gặp sự cố này' }));
    expect(await screen.findByText('tracking page')).toBeTruthy();
    const follow = api.calls.find((c) => c.url === '/api/track/TH-2611-AAAAAA/follow');
    expect(follow?.init.method).toBe('POST');
    expect((follow?.init.headers as Record<string, string>)['Idempotency-Key']).toBeTruthy();
    expect(tokenFor('TH-2611-AAAAAA')).toBe('rt-followed');
    expect(listMyReports()[0]).toMatchObject({ trackingCode: 'TH-2611-AAAAAA', followed: true });
  });
});
