// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AuditEntry } from '../../../shared/schemas/admin';
import { formatDateTime } from '../../i18n';
import { renderWithApp } from '../../test/render';
import { auditDiff, formatValue, VALUE_MAX } from './auditDiff';
import { AUDIT_PAGE, AuditSection } from './AuditSection';
import { fakeServer } from './testServer';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const WORDS = { yes: 'Có', no: 'Không', empty: '(trống)' };

describe('the audit diff', () => {
  it('lists only the fields an update changed, nested ones by their path', () => {
    const before = {
      id: 4,
      code: 'parks-trees',
      name: { vi: 'Công ty Cây xanh', en: 'Parks' },
      active: true,
      areaCode: null,
    };
    const after = {
      id: 4,
      code: 'parks-trees',
      name: { vi: 'Công ty Công viên cây xanh', en: 'Parks' },
      active: false,
      areaCode: null,
    };
    expect(auditDiff(before, after)).toEqual([
      { path: 'name.vi', kind: 'changed', before: 'Công ty Cây xanh', after: 'Công ty Công viên cây xanh' },
      { path: 'active', kind: 'changed', before: true, after: false },
    ]);
  });

  it('shows every field of a created record as added, and of a deleted one as removed', () => {
    expect(auditDiff(null, { categoryCode: null, areaCode: 'phuong-phu-yen', unitId: 7 })).toEqual([
      { path: 'areaCode', kind: 'added', after: 'phuong-phu-yen' },
      { path: 'unitId', kind: 'added', after: 7 },
    ]);
    expect(auditDiff({ id: 3, name: 'Tổng đài 1022' }, null)).toEqual([
      { path: 'id', kind: 'removed', before: 3 },
      { path: 'name', kind: 'removed', before: 'Tổng đài 1022' },
    ]);
  });

  it('walks into lists of records (questions) and compares lists of values whole (holidays)', () => {
    const q = (vi: string) => ({ code: 'pole_number', label: { vi, en: 'Pole number' } });
    expect(
      auditDiff(
        { questions: [q('Số cột')], holidays: ['2026-01-01'] },
        { questions: [q('Số hiệu cột đèn'), q('Thêm')], holidays: ['2026-01-01', '2026-04-30'] },
      ),
    ).toEqual([
      { path: 'questions.0.label.vi', kind: 'changed', before: 'Số cột', after: 'Số hiệu cột đèn' },
      { path: 'questions.1.code', kind: 'added', after: 'pole_number' },
      { path: 'questions.1.label.vi', kind: 'added', after: 'Thêm' },
      { path: 'questions.1.label.en', kind: 'added', after: 'Pole number' },
      { path: 'holidays', kind: 'changed', before: ['2026-01-01'], after: ['2026-01-01', '2026-04-30'] },
    ]);
  });

  it('reads values as a person would, and cuts long ones (boundaries)', () => {
    expect(formatValue(true, WORDS)).toBe('Có');
    expect(formatValue(null, WORDS)).toBe('(trống)');
    expect(formatValue(['2026-01-01', '2026-04-30'], WORDS)).toBe('2026-01-01, 2026-04-30');
    // Instants in the city's time: midnight of 1 January in Tuy Hòa is 17:00 UTC the day before.
    const instant = (iso: string) => formatDateTime(iso, 'vi');
    expect(formatValue('2026-12-31T17:00:00.000Z', { ...WORDS, instant })).toBe(
      formatDateTime('2026-12-31T17:00:00.000Z', 'vi'),
    );
    expect(formatValue('2026-12-31T17:00:00.000Z', { ...WORDS, instant })).toContain('01/01/2027');
    const ring = Array.from({ length: 80 }, (_, i) => [109.3 + i / 1000, 13.1]);
    const text = formatValue([ring], WORDS);
    expect(text.length).toBe(VALUE_MAX);
    expect(text.endsWith('…')).toBe(true);
  });
});

const entry = (id: number, patch: Partial<AuditEntry> = {}): AuditEntry => ({
  id,
  at: '2025-11-26T03:15:00Z',
  actor: 'admin',
  entity: 'unit',
  entityId: String(id),
  action: 'update',
  before: { name: { vi: 'Đội Cảnh sát giao thông', en: 'Traffic Police' }, active: true },
  after: { name: { vi: 'Đội CSGT Tuy Hòa', en: 'Traffic Police' }, active: true },
  ...patch,
});

describe('the audit log screen', () => {
  it('shows who changed what and when, newest first, with the fields before and after', async () => {
    fakeServer({
      'GET /api/admin/audit': () => ({
        items: [
          entry(9, {
            entity: 'api_key',
            action: 'revoke',
            before: { revokedAt: null },
            after: { revokedAt: '2025-11-26T03:15:00Z' },
          }),
          entry(8),
        ],
      }),
    });
    renderWithApp(<AuditSection />);
    const entries = await screen.findAllByTestId('audit-entry');
    expect(entries.map((e) => [e.getAttribute('data-entity'), e.getAttribute('data-action')])).toEqual([
      ['api_key', 'revoke'],
      ['unit', 'update'],
    ]);
    expect(entries[0]!.textContent).toContain('Thu hồi');
    expect(entries[0]!.textContent).toContain('Khoá API');
    expect(entries[1]!.textContent).toContain(`admin · ${formatDateTime('2025-11-26T03:15:00Z', 'vi')}`);
    expect(formatDateTime('2025-11-26T03:15:00Z', 'vi')).toContain('10:15');
    const row = within(entries[1]!).getByRole('row', { name: /name\.vi/ });
    expect(within(row).getByRole('deletion').textContent).toBe('Giá trị cũ: Đội Cảnh sát giao thông');
    expect(within(row).getByRole('insertion').textContent).toBe('Giá trị mới: Đội CSGT Tuy Hòa');
    // Unchanged fields are not listed.
    expect(within(entries[1]!).queryByRole('row', { name: /active/ })).toBeNull();
  });

  it('filters by subject, and loads older pages with `before`', async () => {
    const page = (from: number, n: number) => Array.from({ length: n }, (_, i) => entry(from - i));
    const calls = fakeServer({
      'GET /api/admin/audit': (c) => {
        const before = c.query.get('before');
        return { items: before ? page(Number(before) - 1, 3) : page(200, AUDIT_PAGE) };
      },
    });
    renderWithApp(<AuditSection />);
    await screen.findAllByTestId('audit-entry');
    fireEvent.change(screen.getByLabelText('Đối tượng'), { target: { value: 'unit' } });
    await waitFor(() => expect(calls.at(-1)!.query.get('entity')).toBe('unit'));
    await waitFor(() => expect(screen.getAllByTestId('audit-entry')).toHaveLength(AUDIT_PAGE));

    fireEvent.click(screen.getByTestId('audit-more'));
    await waitFor(() => expect(screen.getAllByTestId('audit-entry')).toHaveLength(AUDIT_PAGE + 3));
    const more = calls.at(-1)!;
    expect(more.query.get('before')).toBe(String(200 - AUDIT_PAGE + 1));
    expect(more.query.get('entity')).toBe('unit');
    // Fewer than a page came back: that was the last one. The focus is on the first entry loaded.
    expect(screen.queryByTestId('audit-more')).toBeNull();
    await waitFor(() => expect(document.activeElement?.id).toBe(`audit-${200 - AUDIT_PAGE}`));
    expect(screen.getByTestId('audit-count').textContent).toBe(`Đang hiện ${AUDIT_PAGE + 3} thay đổi`);
  });
});
