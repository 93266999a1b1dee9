// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithApp } from '../../test/render';
import { CategoryEditor } from './CategoryEditor';
import { adminCategory } from '../../test/factories';
import { fakeServer, problemWith, writes } from './testServer';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const environment = adminCategory({
  code: 'environment',
  name: { vi: 'Vệ sinh môi trường', en: 'Environment' },
  group: 'environment',
  groupName: { vi: 'Môi trường', en: 'Environment' },
  icon: 'trash',
  questions: [],
  deadlinesByPriority: {},
});

const type = (label: string | RegExp, value: string, index = 0) =>
  fireEvent.change(screen.getAllByLabelText(label)[index]!, { target: { value } });

describe('the category editor', () => {
  it('sends the deadlines per priority and the questions in the order they were arranged', async () => {
    const calls = fakeServer({ 'POST /api/admin/categories': (c) => ({ ...environment, ...(c.body as object) }) });
    const onSaved = vi.fn();
    renderWithApp(<CategoryEditor category={null} categories={[environment]} onSaved={onSaved} />);

    type('Mã', 'water_supply');
    type('Tên tiếng Việt', 'Mất nước sinh hoạt');
    type('Tên tiếng Anh', 'Water outage');
    // An existing group brings its names along.
    type('Nhóm', 'environment');
    expect((screen.getByLabelText('Tên nhóm tiếng Việt') as HTMLInputElement).value).toBe('Môi trường');
    type('Biểu tượng', 'water');

    type('Thời hạn mức Bình thường', '2');
    fireEvent.click(screen.getByLabelText('Thời hạn riêng cho mức Cao'));
    // It starts from the normal deadline, then is made shorter.
    expect((screen.getByLabelText('Thời hạn mức Cao') as HTMLInputElement).value).toBe('2');
    type('Thời hạn mức Cao', '8');
    fireEvent.change(screen.getByLabelText('Đơn vị thời hạn mức Cao'), { target: { value: 'hours' } });

    fireEvent.click(screen.getByRole('button', { name: 'Thêm câu hỏi' }));
    type('Mã câu hỏi', 'meter_number', 0);
    type('Câu hỏi tiếng Việt', 'Số đồng hồ nước', 0);
    type('Câu hỏi tiếng Anh', 'Meter number', 0);
    fireEvent.click(screen.getAllByLabelText('Bắt buộc trả lời')[0]!);

    fireEvent.click(screen.getByRole('button', { name: 'Thêm câu hỏi' }));
    type('Mã câu hỏi', 'since', 1);
    fireEvent.change(screen.getAllByLabelText('Kiểu trả lời')[1]!, { target: { value: 'singlevaluelist' } });
    type('Câu hỏi tiếng Việt', 'Mất nước từ khi nào?', 1);
    type('Câu hỏi tiếng Anh', 'Since when?', 1);
    // A list question starts with one empty choice; a second is added.
    type('Mã lựa chọn 1', 'today');
    type('Lựa chọn 1 tiếng Việt', 'Từ hôm nay');
    type('Lựa chọn 1 tiếng Anh', 'Since today');
    fireEvent.click(screen.getByRole('button', { name: 'Thêm lựa chọn' }));
    type('Mã lựa chọn 2', 'days');
    type('Lựa chọn 2 tiếng Việt', 'Nhiều ngày nay');
    type('Lựa chọn 2 tiếng Anh', 'For several days');
    fireEvent.click(screen.getByRole('button', { name: 'Chuyển câu hỏi 2 lên' }));
    expect(screen.getAllByTestId('question').map((q) => q.getAttribute('data-code'))).toEqual([
      'since',
      'meter_number',
    ]);

    fireEvent.click(screen.getByLabelText('Tự động giao cho đơn vị theo quy tắc điều phối'));
    fireEvent.click(screen.getByLabelText(/^Ẩn/));
    fireEvent.click(screen.getByTestId('category-save'));

    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(writes(calls).map((c) => [c.method, c.path])).toEqual([['POST', '/api/admin/categories']]);
    expect(writes(calls)[0]!.body).toEqual({
      code: 'water_supply',
      name: { vi: 'Mất nước sinh hoạt', en: 'Water outage' },
      group: 'environment',
      groupName: { vi: 'Môi trường', en: 'Environment' },
      icon: 'water',
      defaultPriority: 'normal',
      deadline: { value: 2, unit: 'working_days' },
      deadlinesByPriority: { high: { value: 8, unit: 'hours' } },
      questions: [
        {
          code: 'since',
          label: { vi: 'Mất nước từ khi nào?', en: 'Since when?' },
          datatype: 'singlevaluelist',
          required: false,
          order: 0,
          values: [
            { key: 'today', name: { vi: 'Từ hôm nay', en: 'Since today' } },
            { key: 'days', name: { vi: 'Nhiều ngày nay', en: 'For several days' } },
          ],
        },
        {
          code: 'meter_number',
          label: { vi: 'Số đồng hồ nước', en: 'Meter number' },
          datatype: 'string',
          required: true,
          order: 1,
        },
      ],
      duplicateRadiusM: 50,
      duplicateDays: 7,
      reopenWindowDays: 7,
      autoDispatch: true,
      publicLocation: 'hidden',
      resolveNeedsReply: true,
      resolveNeedsPhoto: true,
      active: true,
    });
    expect(onSaved).toHaveBeenCalledWith(expect.objectContaining({ code: 'water_supply' }), true);
  });

  it('edits without the code, and drops a per-priority deadline that was switched off', async () => {
    const calls = fakeServer({ 'PATCH /api/admin/categories/street_lighting': () => adminCategory() });
    const onSaved = vi.fn();
    renderWithApp(<CategoryEditor category={adminCategory()} categories={[adminCategory()]} onSaved={onSaved} />);
    expect((screen.getByLabelText('Mã') as HTMLInputElement).disabled).toBe(true);
    expect((screen.getByLabelText('Thời hạn mức Khẩn cấp') as HTMLInputElement).value).toBe('4');
    fireEvent.click(screen.getByLabelText('Thời hạn riêng cho mức Khẩn cấp'));
    expect(screen.queryByLabelText('Thời hạn mức Khẩn cấp')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Bỏ câu hỏi 1' }));
    fireEvent.click(screen.getByTestId('category-save'));
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(expect.anything(), false));
    const body = writes(calls)[0]!.body as Record<string, unknown>;
    expect(body).not.toHaveProperty('code');
    expect(body.deadlinesByPriority).toEqual({});
    expect(body.questions).toEqual([]);
    expect(body.deadline).toEqual({ value: 2, unit: 'working_days' });
  });

  it('shows what is missing next to each field and sends nothing', async () => {
    const calls = fakeServer({});
    renderWithApp(<CategoryEditor category={null} categories={[]} onSaved={() => {}} />);
    type('Thời hạn mức Bình thường', '');
    fireEvent.click(screen.getByRole('button', { name: 'Thêm câu hỏi' }));
    fireEvent.change(screen.getByLabelText('Kiểu trả lời'), { target: { value: 'multivaluelist' } });
    fireEvent.click(screen.getByRole('button', { name: 'Bỏ lựa chọn 1 của câu hỏi 1' }));
    // Removing a choice leaves the focus on "add a choice", not on the page's body.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Thêm lựa chọn' })));
    fireEvent.click(screen.getByTestId('category-save'));

    expect((await screen.findByTestId('error-name.vi')).textContent).toBe('Không được để trống.');
    expect(screen.getByTestId('error-deadline.value').textContent).toBe('Phải là một số.');
    expect(screen.getByTestId('error-questions.0.code').textContent).toBe(
      'Bắt đầu bằng chữ thường không dấu, sau đó chữ thường, số hoặc "_".',
    );
    expect(screen.getByTestId('error-questions.0.label.vi').textContent).toBe('Không được để trống.');
    expect(screen.getByTestId('error-questions.0.values').textContent).toBe(
      'Câu hỏi dạng danh sách cần ít nhất một lựa chọn.',
    );
    expect(screen.getByTestId('form-errors').textContent).toMatch(/^Chưa lưu được: có \d+ trường cần sửa\./);
    // The focus goes to the first field to fix.
    expect(document.activeElement).toBe(screen.getByLabelText('Mã'));
    expect(writes(calls)).toEqual([]);
  });

  it("puts the server's field errors next to their fields", async () => {
    fakeServer({
      'POST /api/admin/categories': () =>
        problemWith(409, 'conflict', 'The category "street_lighting" exists already.', [
          { path: 'code', message: 'is taken' },
        ]),
    });
    renderWithApp(<CategoryEditor category={null} categories={[]} onSaved={() => {}} />);
    type('Mã', 'street_lighting');
    type('Tên tiếng Việt', 'Đèn đường');
    type('Tên tiếng Anh', 'Street lights');
    type('Nhóm', 'infrastructure');
    type('Tên nhóm tiếng Việt', 'Hạ tầng');
    type('Tên nhóm tiếng Anh', 'Infrastructure');
    type('Biểu tượng', 'lightbulb');
    fireEvent.click(screen.getByTestId('category-save'));
    expect((await screen.findByTestId('error-code')).textContent).toBe('is taken');
    expect(screen.getByTestId('form-errors').textContent).toContain('The category "street_lighting" exists already.');
  });
});
