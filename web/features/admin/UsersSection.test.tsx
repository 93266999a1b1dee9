// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AdminUnit, AdminUser } from '../../../shared/schemas/admin';
import { renderWithApp } from '../../test/render';
import { translateAdmin } from './messages';
import { fakeServer, problemWith, writes } from './testServer';
import { unitRule, userProblems, type UserFormValues } from './userForm';
import { UserDialog, UsersSection } from './UsersSection';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const m = (key: Parameters<typeof translateAdmin>[1], params?: Record<string, string | number>) =>
  translateAdmin('vi', key, params);

const units: AdminUnit[] = [
  {
    id: 3,
    code: 'public-lighting',
    name: { vi: 'Công ty Chiếu sáng công cộng', en: 'Public Lighting' },
    kind: 'company',
    areaCode: null,
    active: true,
    staffCount: 1,
  },
  {
    id: 9,
    code: 'old-unit',
    name: { vi: 'Đơn vị đã giải thể', en: 'Dissolved unit' },
    kind: 'department',
    areaCode: null,
    active: false,
    staffCount: 0,
  },
];

const user = (patch: Partial<AdminUser> = {}): AdminUser => ({
  id: 12,
  username: 'staff.lighting',
  displayName: 'Trần Văn Minh',
  role: 'staff',
  unitId: 3,
  disabled: false,
  totpEnrolled: false,
  createdAt: '2025-07-01T01:00:00Z',
  ...patch,
});

const values = (patch: Partial<UserFormValues> = {}): UserFormValues => ({
  username: 'nguyen.van.an',
  displayName: 'Nguyễn Văn An',
  role: 'staff',
  unitId: '3',
  password: 'mat-khau-du-dai-2025',
  ...patch,
});

describe('the user form rules', () => {
  it('require a unit for unit staff only; a leader with one leads that unit', () => {
    expect(unitRule('staff')).toBe('required');
    expect(unitRule('leader')).toBe('optional');
    expect(userProblems(values({ unitId: '' }), 'create', m)).toEqual([
      { path: 'unitId', message: m('users.unitRequired') },
    ]);
    expect(userProblems(values({ role: 'leader', unitId: '' }), 'create', m)).toEqual([]);
    expect(userProblems(values({ role: 'operator', unitId: '' }), 'edit', m)).toEqual([]);
  });

  it('want a password of at least 12 characters when creating', () => {
    expect(userProblems(values({ password: 'ngan-qua' }), 'create', m).map((p) => p.path)).toEqual(['password']);
    expect(userProblems(values({ password: '' }), 'edit', m)).toEqual([]);
  });
});

describe('the user dialog', () => {
  const open = (u: AdminUser | null = null) => {
    const onSaved = vi.fn();
    renderWithApp(<UserDialog user={u} units={units} onClose={() => {}} onSaved={onSaved} />);
    return onSaved;
  };

  it('will not create unit staff without a unit, nor with a short password', async () => {
    const calls = fakeServer({});
    open();
    fireEvent.change(screen.getByLabelText('Tên đăng nhập'), { target: { value: 'nguyen.van.an' } });
    fireEvent.change(screen.getByLabelText('Họ và tên'), { target: { value: 'Nguyễn Văn An' } });
    fireEvent.change(screen.getByLabelText('Mật khẩu'), { target: { value: 'ngan-qua' } });
    fireEvent.click(screen.getByTestId('user-save'));
    expect((await screen.findByTestId('error-unitId')).textContent).toBe('Cán bộ đơn vị phải thuộc một đơn vị.');
    expect(screen.getByTestId('error-password').textContent).toBe('Cần ít nhất 12 ký tự.');
    expect(screen.getByLabelText('Đơn vị').getAttribute('aria-invalid')).toBe('true');
    // A dissolved unit is not offered.
    expect(screen.queryByRole('option', { name: 'Đơn vị đã giải thể' })).toBeNull();
    expect(writes(calls)).toEqual([]);
  });

  it('creates unit staff with their unit, and a city-wide leader without one', async () => {
    const calls = fakeServer({ 'POST /api/admin/users': (c) => user({ ...(c.body as object), id: 40 }) });
    const onSaved = open();
    fireEvent.change(screen.getByLabelText('Tên đăng nhập'), { target: { value: ' nguyen.van.an ' } });
    fireEvent.change(screen.getByLabelText('Họ và tên'), { target: { value: 'Nguyễn Văn An' } });
    fireEvent.change(screen.getByLabelText('Đơn vị'), { target: { value: '3' } });
    fireEvent.change(screen.getByLabelText('Mật khẩu'), { target: { value: 'mat-khau-du-dai-2025' } });
    fireEvent.click(screen.getByTestId('user-save'));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(writes(calls)[0]!.body).toEqual({
      username: 'nguyen.van.an',
      displayName: 'Nguyễn Văn An',
      role: 'staff',
      unitId: 3,
      password: 'mat-khau-du-dai-2025',
    });

    cleanup();
    const calls2 = fakeServer({ 'POST /api/admin/users': (c) => user({ ...(c.body as object), id: 41 }) });
    open();
    fireEvent.change(screen.getByLabelText('Tên đăng nhập'), { target: { value: 'le.hoang.nam' } });
    fireEvent.change(screen.getByLabelText('Họ và tên'), { target: { value: 'Lê Hoàng Nam' } });
    fireEvent.change(screen.getByLabelText('Vai trò'), { target: { value: 'leader' } });
    // For a leader the unit is optional and means "leads this unit".
    expect(screen.getByLabelText(/Đơn vị lãnh đạo/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Mật khẩu'), { target: { value: 'mat-khau-du-dai-2025' } });
    fireEvent.click(screen.getByTestId('user-save'));
    await waitFor(() => expect(writes(calls2)).toHaveLength(1));
    expect(writes(calls2)[0]!.body).toMatchObject({ role: 'leader', unitId: null });
  });

  it('changes role and unit with a PATCH, and shows a taken username next to its field', async () => {
    const calls = fakeServer({ 'PATCH /api/admin/users/12': () => user({ role: 'leader' }) });
    const onSaved = open(user());
    expect(screen.queryByLabelText('Tên đăng nhập')).toBeNull();
    fireEvent.change(screen.getByLabelText('Vai trò'), { target: { value: 'leader' } });
    expect(screen.getByText('Đổi vai trò hoặc đơn vị sẽ đăng xuất người này khỏi mọi thiết bị.')).toBeTruthy();
    fireEvent.click(screen.getByTestId('user-save'));
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(expect.objectContaining({ role: 'leader' }), false));
    expect(writes(calls)[0]!.body).toEqual({ displayName: 'Trần Văn Minh', role: 'leader', unitId: 3 });

    cleanup();
    fakeServer({
      'POST /api/admin/users': () =>
        problemWith(409, 'conflict', 'The username "staff.lighting" is taken; choose another.', [
          { path: 'username', message: 'is taken' },
        ]),
    });
    open();
    fireEvent.change(screen.getByLabelText('Tên đăng nhập'), { target: { value: 'staff.lighting' } });
    fireEvent.change(screen.getByLabelText('Họ và tên'), { target: { value: 'Trần Văn Minh' } });
    fireEvent.change(screen.getByLabelText('Đơn vị'), { target: { value: '3' } });
    fireEvent.change(screen.getByLabelText('Mật khẩu'), { target: { value: 'mat-khau-du-dai-2025' } });
    fireEvent.click(screen.getByTestId('user-save'));
    expect((await screen.findByTestId('error-username')).textContent).toBe('is taken');
    expect(screen.getByTestId('form-errors').textContent).toContain('is taken; choose another.');
  });
});

describe('the users list', () => {
  it('disables an account after confirmation and enables it again', async () => {
    let current = user();
    const calls = fakeServer({
      'GET /api/admin/users': () => ({ items: [current] }),
      'GET /api/admin/units': () => ({ items: units }),
      'PATCH /api/admin/users/12': (c) => (current = { ...current, ...(c.body as object) }),
    });
    renderWithApp(<UsersSection />);
    fireEvent.click(await screen.findByRole('button', { name: 'Khoá tài khoản Trần Văn Minh' }));
    fireEvent.click(screen.getByTestId('confirm-button'));
    const enable = await screen.findByRole('button', { name: 'Mở khoá tài khoản Trần Văn Minh' });
    expect(screen.getByText('Đã khoá', { selector: '.pill' })).toBeTruthy();
    fireEvent.click(enable);
    await screen.findByRole('button', { name: 'Khoá tài khoản Trần Văn Minh' });
    expect(writes(calls).map((c) => c.body)).toEqual([{ disabled: true }, { disabled: false }]);
  });
});
