// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CategoryDto } from '../../../shared/schemas/categories';
import { clearMemo } from '../../api/memo';
import { renderWithApp } from '../../test/render';
import { jsonResponse, problem } from '../../test/responses';
import { ReportForm } from './ReportForm';

// Leaflet does not render in jsdom: a button stands in for tapping the map.
vi.mock('./LocationPicker', () => ({
  default: ({ onChange }: { onChange: (lat: number, lng: number) => void }) => (
    <button type="button" onClick={() => onChange(13.0951, 109.3012)}>
      test: tap the map
    </button>
  ),
}));

const categories: CategoryDto[] = [
  {
    code: 'street_lighting',
    name: { vi: 'Đèn đường không sáng', en: 'Street light out' },
    group: 'infrastructure',
    groupName: { vi: 'Hạ tầng', en: 'Infrastructure' },
    icon: 'lightbulb',
    defaultPriority: 'normal',
    deadline: { value: 3, unit: 'working_days' },
  },
];

type Call = { url: string; init: RequestInit };
function stubApi(...postAnswers: (() => Response | Promise<Response>)[]) {
  const posts: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit = {}) => {
      if (url === '/api/categories') return jsonResponse(200, categories);
      posts.push({ url, init });
      const answer = postAnswers.shift();
      if (!answer) throw new Error(`unexpected call ${url}`);
      return answer();
    }),
  );
  return posts;
}

async function fillUpToDescription(description: string) {
  fireEvent.click(await screen.findByRole('button', { name: /Đèn đường không sáng/ }));
  fireEvent.click(await screen.findByRole('button', { name: 'test: tap the map' }));
  fireEvent.click(screen.getByRole('button', { name: 'Tiếp tục' }));
  fireEvent.change(await screen.findByLabelText('Mô tả sự cố'), { target: { value: description } });
}

beforeEach(() => {
  localStorage.clear();
  clearMemo();
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the resident report form', () => {
  it('shows the server’s field error under the description it names', async () => {
    stubApi(() =>
      problem(422, 'validation_failed', [{ path: 'description', message: 'must be at least 10 characters' }]),
    );
    renderWithApp(<ReportForm />);
    await fillUpToDescription('Tối om');
    fireEvent.click(screen.getByRole('button', { name: 'Gửi phản ánh' }));

    const error = await screen.findByTestId('error-description');
    expect(error.textContent).toBe('Cần ít nhất 10 ký tự.');
    const textarea = screen.getByLabelText('Mô tả sự cố');
    expect(textarea.getAttribute('aria-invalid')).toBe('true');
    expect(textarea.getAttribute('aria-describedby')).toContain(error.id);
    expect(textarea.closest('.field')?.contains(error)).toBe(true);
  });

  it('retries with the same Idempotency-Key after a network failure, then shows the tracking code', async () => {
    const posts = stubApi(
      () => {
        throw new TypeError('Failed to fetch');
      },
      () =>
        jsonResponse(201, {
          id: 1,
          trackingCode: 'TH-2611-7KQ3MD',
          status: 'received',
          area: { code: 'tuy-hoa', name: 'Phường Tuy Hòa' },
          unit: { id: 2, name: 'Công ty Chiếu sáng' },
          dueAt: '2025-11-29T01:00:00Z',
        }),
    );
    renderWithApp(<ReportForm />);
    await fillUpToDescription('Đèn đường không sáng trước nhà số 12');
    fireEvent.click(screen.getByRole('button', { name: 'Gửi phản ánh' }));
    expect((await screen.findByTestId('form-error')).textContent).toMatch(/Không kết nối được máy chủ/);

    fireEvent.click(screen.getByRole('button', { name: 'Gửi phản ánh' }));
    expect((await screen.findByTestId('tracking-code')).textContent).toBe('TH-2611-7KQ3MD');

    const keys = posts.map((p) => (p.init.headers as Record<string, string>)['Idempotency-Key']);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBeTruthy();
    expect(keys[1]).toBe(keys[0]);
    const body = JSON.parse(String(posts[1]?.init.body));
    expect(body).toMatchObject({ categoryCode: 'street_lighting', lat: 13.0951, lng: 109.3012 });
    expect(screen.getByRole('link', { name: 'Theo dõi phản ánh' }).getAttribute('href')).toBe('/track/TH-2611-7KQ3MD');
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
    fireEvent.click(await screen.findByRole('button', { name: /Đèn đường không sáng/ }));
    fireEvent.click(await screen.findByRole('button', { name: 'Tiếp tục' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Vui lòng chọn vị trí trên bản đồ.');
    expect(screen.queryByLabelText('Mô tả sự cố')).toBeNull();
  });
});
