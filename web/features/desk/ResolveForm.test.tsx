// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ReplyTemplate } from '../../../shared/schemas/admin';
import type { CategoryDto } from '../../../shared/schemas/categories';
import { clearMemo } from '../../api/memo';
import { categoryDto, staffReport } from '../../test/factories';
import { renderWithApp } from '../../test/render';
import { jsonResponse, problem } from '../../test/responses';
import { ActionPanel } from './ActionPanel';

// jsdom has no image decoder: "downscaling" answers a small JPEG named after the picked file.
vi.mock('../reports/photoPrep', () => ({
  preparePhoto: vi.fn(async (file: File) => new Blob([`jpeg:${file.name}`], { type: 'image/jpeg' })),
}));

afterEach(() => {
  cleanup();
  clearMemo();
  vi.unstubAllGlobals();
});

const category = (code: string, resolution: CategoryDto['resolution']): CategoryDto =>
  categoryDto({ code, name: { vi: 'Chiếu sáng công cộng', en: 'Street lighting' }, resolution });

const CATEGORIES = [
  category('street_lighting', { reply: true, photo: true }),
  category('trees', { reply: true, photo: false }),
  category('sidewalk', { reply: false, photo: false }),
];

const TEMPLATES: ReplyTemplate[] = [
  {
    id: 11,
    categoryCode: 'street_lighting',
    action: 'resolve',
    title: { vi: 'Đã thay bóng đèn', en: 'Lamp replaced' },
    text: {
      vi: 'Đơn vị đã thay bóng đèn mới, đèn đã sáng bình thường. Cảm ơn bạn đã phản ánh.',
      en: 'We replaced the lamp and the light works again. Thank you for reporting.',
    },
    sortOrder: 1,
  },
  {
    id: 12,
    categoryCode: null,
    action: 'resolve',
    title: { vi: 'Đã khắc phục', en: 'Fixed' },
    text: { vi: 'Sự cố đã được khắc phục.', en: 'The problem has been fixed.' },
    sortOrder: 9,
  },
];

interface Call {
  url: string;
  init: RequestInit;
}

/** The API: catalogue and templates answered; each transition recorded and answered by `answer`. */
function stubApi(answer: (call: Call) => Response = () => jsonResponse(200, staffReport(5, { status: 'resolved' }))) {
  const posts: Call[] = [];
  const gets: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit = {}) => {
      if (init.method === 'POST') {
        posts.push({ url, init });
        return answer({ url, init });
      }
      gets.push(url);
      if (url === '/api/categories') return jsonResponse(200, CATEGORIES);
      if (url.startsWith('/api/templates')) return jsonResponse(200, { items: TEMPLATES });
      return jsonResponse(200, []);
    }),
  );
  return { posts, gets };
}

function openResolve(categoryCode = 'street_lighting', lang: 'vi' | 'en' = 'vi') {
  const report = staffReport(5, {
    status: 'in_progress',
    version: 3,
    unit: { id: 2, name: 'Công ty Chiếu sáng công cộng' },
    category: { code: categoryCode, name: { vi: 'Chiếu sáng công cộng', en: 'Street lighting' } },
    actions: ['resolve', 'hand_back'],
  });
  const onDone = vi.fn();
  renderWithApp(<ActionPanel report={report} onDone={onDone} onStale={() => {}} />, { lang });
  fireEvent.click(screen.getByRole('button', { name: lang === 'vi' ? 'Hoàn thành xử lý' : 'Mark resolved' }));
  return { form: screen.getByTestId('action-form-resolve'), onDone };
}

/** A blob's text (jsdom's Blob has no `text()`). */
const readText = (blob: Blob) =>
  new Promise<string>((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.readAsText(blob);
  });

const jpeg = (name: string) => new File([new Uint8Array(5000)], name, { type: 'image/jpeg' });

describe('resolving a report: what the category requires', () => {
  it('requires a reply and an after-photo by default, and sends nothing without them', async () => {
    const { posts } = stubApi();
    const { form } = openResolve('street_lighting');
    await waitFor(() => expect(within(form).getByTestId('after-photo-requirement').textContent).toBe('(bắt buộc)'));
    expect(within(form).getByTestId('reply-requirement').textContent).toBe('(bắt buộc)');

    fireEvent.click(within(form).getByRole('button', { name: 'Xác nhận' }));
    expect((await within(form).findByTestId('error-note')).textContent).toBe('Vui lòng viết trả lời cho người dân.');
    expect(within(form).getByTestId('error-photos').textContent).toBe(
      'Loại sự cố này cần ảnh hiện trường sau khi xử lý.',
    );
    expect(
      within(form)
        .getByLabelText(/Trả lời công khai cho người dân/)
        .getAttribute('aria-invalid'),
    ).toBe('true');
    // The keyboard goes to the first field to fix.
    expect(document.activeElement).toBe(within(form).getByLabelText(/Trả lời công khai cho người dân/));

    // A reply alone is not enough either.
    fireEvent.change(within(form).getByLabelText(/Trả lời công khai/), { target: { value: 'Đã thay bóng đèn.' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Xác nhận' }));
    await waitFor(() => expect(within(form).queryByTestId('error-note')).toBeNull());
    expect(within(form).getByTestId('error-photos')).toBeTruthy();
    expect(posts).toHaveLength(0);
  });

  it('lets a category make the photo optional: a reply alone is sent as JSON', async () => {
    const { posts } = stubApi();
    const { form, onDone } = openResolve('trees');
    await waitFor(() =>
      expect(within(form).getByTestId('after-photo-requirement').textContent).toBe('(không bắt buộc)'),
    );
    expect(within(form).getByTestId('reply-requirement').textContent).toBe('(bắt buộc)');
    fireEvent.change(within(form).getByLabelText(/Trả lời công khai/), {
      target: { value: '  Đã cắt tỉa cành cây gãy.  ' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Xác nhận' }));
    await screen.findByText('Đã thực hiện: Hoàn thành xử lý');
    expect(posts).toHaveLength(1);
    expect(posts[0]!.url).toBe('/api/reports/5/transitions');
    expect(JSON.parse(String(posts[0]!.init.body))).toEqual({
      action: 'resolve',
      version: 3,
      note: 'Đã cắt tỉa cành cây gãy.',
    });
    expect(onDone).toHaveBeenCalledWith(expect.objectContaining({ status: 'resolved' }));
  });

  it('lets a category need neither: resolving with nothing more is allowed', async () => {
    const { posts } = stubApi();
    const { form } = openResolve('sidewalk', 'en');
    await waitFor(() => expect(within(form).getByTestId('reply-requirement').textContent).toBe('(optional)'));
    expect(within(form).getByTestId('after-photo-requirement').textContent).toBe('(optional)');
    fireEvent.click(within(form).getByRole('button', { name: 'Confirm' }));
    await screen.findByText('Done: Mark resolved');
    expect(JSON.parse(String(posts[0]!.init.body))).toEqual({ action: 'resolve', version: 3 });
  });
});

describe('resolving a report: reply templates', () => {
  it('offers the templates of the category and inserts the Vietnamese text for editing', async () => {
    const { gets } = stubApi();
    const { form } = openResolve('street_lighting', 'vi');
    const select = await within(form).findByLabelText('Mẫu trả lời');
    expect(
      within(select)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['— Chọn mẫu —', 'Đã thay bóng đèn', 'Đã khắc phục']);
    expect(gets).toContain('/api/templates?categoryCode=street_lighting&action=resolve');
    const insert = within(form).getByRole('button', { name: 'Chèn mẫu' }) as HTMLButtonElement;
    expect(insert.disabled).toBe(true);
    fireEvent.change(select, { target: { value: '11' } });
    fireEvent.click(insert);
    const reply = within(form).getByLabelText(/Trả lời công khai/) as HTMLTextAreaElement;
    expect(reply.value).toBe('Đơn vị đã thay bóng đèn mới, đèn đã sáng bình thường. Cảm ơn bạn đã phản ánh.');
    expect(document.activeElement).toBe(reply);
    // It can be edited, and a second template goes after what is written.
    fireEvent.change(reply, { target: { value: `${reply.value} Cột TH-0512.` } });
    fireEvent.change(select, { target: { value: '12' } });
    fireEvent.click(insert);
    expect(reply.value).toBe(
      'Đơn vị đã thay bóng đèn mới, đèn đã sáng bình thường. Cảm ơn bạn đã phản ánh. Cột TH-0512.\nSự cố đã được khắc phục.',
    );
  });

  it('inserts the English text when the interface is in English', async () => {
    stubApi();
    const { form } = openResolve('street_lighting', 'en');
    const select = await within(form).findByLabelText('Reply template');
    expect(within(select).getByRole('option', { name: 'Lamp replaced' })).toBeTruthy();
    fireEvent.change(select, { target: { value: '11' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Insert' }));
    expect((within(form).getByLabelText(/Public reply to the resident/) as HTMLTextAreaElement).value).toBe(
      'We replaced the lamp and the light works again. Thank you for reporting.',
    );
  });
});

describe('resolving a report: the request', () => {
  it('sends the reply and the downscaled after-photos as multipart form data', async () => {
    const { posts } = stubApi();
    const { form } = openResolve('street_lighting');
    await within(form).findByText('(bắt buộc)', { selector: '[data-testid="after-photo-requirement"]' });
    const camera = within(form).getByLabelText(/Chụp ảnh/);
    expect(camera.getAttribute('accept')).toBe('image/*');
    expect(camera.getAttribute('capture')).toBe('environment');
    fireEvent.change(camera, { target: { files: [jpeg('IMG_2041.jpg')] } });
    await within(form).findByText('Đã chọn 1/3 ảnh.');
    fireEvent.change(within(form).getByLabelText(/Chọn ảnh có sẵn/), { target: { files: [jpeg('IMG_2042.jpg')] } });
    await within(form).findByText('Đã chọn 2/3 ảnh.');
    expect(
      within(form)
        .getAllByRole('img')
        .map((i) => i.getAttribute('alt')),
    ).toEqual(['Ảnh sau xử lý 1', 'Ảnh sau xử lý 2']);
    // One is taken out again.
    fireEvent.click(within(form).getByRole('button', { name: 'Xoá ảnh 2' }));
    fireEvent.change(within(form).getByLabelText(/Trả lời công khai/), {
      target: { value: 'Đã thay bóng đèn và kiểm tra tủ điện.' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Xác nhận' }));
    await screen.findByText('Đã thực hiện: Hoàn thành xử lý');

    expect(posts).toHaveLength(1);
    const { url, init } = posts[0]!;
    expect(url).toBe('/api/reports/5/transitions');
    const body = init.body as FormData;
    expect(body).toBeInstanceOf(FormData);
    expect(body.get('action')).toBe('resolve');
    expect(body.get('version')).toBe('3');
    expect(body.get('note')).toBe('Đã thay bóng đèn và kiểm tra tủ điện.');
    expect([...body.keys()].sort()).toEqual(['action', 'note', 'photos', 'version']);
    const files = body.getAll('photos') as File[];
    expect(files.map((f) => [f.name, f.type])).toEqual([['after-1.jpg', 'image/jpeg']]);
    // What is sent is the phone's downscaled copy, not the camera's original.
    expect(await readText(files[0]!)).toBe('jpeg:IMG_2041.jpg');
    // The browser writes the multipart boundary itself.
    expect(new Headers(init.headers).get('Content-Type')).toBeNull();
  });

  it("shows the server's field errors next to the fields", async () => {
    stubApi(() =>
      problem(422, 'validation_failed', [
        { path: 'note', message: 'is required' },
        { path: 'photos', message: 'is required' },
      ]),
    );
    const { form } = openResolve('sidewalk');
    await waitFor(() => expect(within(form).getByTestId('reply-requirement').textContent).toBe('(không bắt buộc)'));
    fireEvent.click(within(form).getByRole('button', { name: 'Xác nhận' }));
    expect((await within(form).findByTestId('error-note')).textContent).toBe('Không được để trống.');
    expect(within(form).getByTestId('error-photos').textContent).toBe('Không được để trống.');
    expect(screen.getByTestId('action-message').textContent).toMatch(/kiểm tra/i);
  });

  it('says so by the photo field when the server cannot read the photo', async () => {
    stubApi(() => problem(422, 'invalid_image'));
    const { form } = openResolve('street_lighting');
    fireEvent.change(within(form).getByLabelText(/Trả lời công khai/), { target: { value: 'Đã sửa.' } });
    fireEvent.change(within(form).getByLabelText(/Chụp ảnh/), { target: { files: [jpeg('broken.jpg')] } });
    await within(form).findByText('Đã chọn 1/3 ảnh.');
    fireEvent.click(within(form).getByRole('button', { name: 'Xác nhận' }));
    expect((await within(form).findByTestId('error-photos')).textContent).toBe(
      'Không đọc được ảnh này. Vui lòng chọn ảnh khác.',
    );
  });
});
