// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AdminRule, AdminUnit, RuleTestResult } from '../../../shared/schemas/admin';
import { renderWithApp } from '../../test/render';
import { adminCategory } from '../../test/factories';
import { RuleTestResultView, RuleTestTool, type RuleNames } from './RuleTestTool';
import { fakeServer, writes } from './testServer';

// The map is not the subject: a button stands in for a click on it.
vi.mock('./RuleTestMap', () => ({
  default: ({ onPick }: { onPick: (lat: number, lng: number) => void }) => (
    <button type="button" onClick={() => onPick(13.0955, 109.3012)}>
      map-click
    </button>
  ),
}));

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const unit = (id: number, vi: string): AdminUnit => ({
  id,
  code: `u${id}`,
  name: { vi, en: vi },
  kind: 'department',
  areaCode: null,
  active: true,
  staffCount: 1,
});

const names: RuleNames = {
  categories: [
    adminCategory({ code: 'urban_infrastructure', name: { vi: 'Hạ tầng đô thị', en: 'Urban infrastructure' } }),
    adminCategory({ code: 'social_order', name: { vi: 'Trật tự xã hội', en: 'Social order' } }),
  ],
  units: [unit(2, 'Phòng Quản lý đô thị'), unit(7, 'UBND Phường Phú Yên')],
  areaName: (code) => ({ 'phuong-phu-yen': 'Phường Phú Yên' })[code] ?? code,
};

const rules: AdminRule[] = [
  { id: 5, categoryCode: 'urban_infrastructure', areaCode: null, unitId: 2 },
  { id: 6, categoryCode: 'urban_infrastructure', areaCode: 'phuong-phu-yen', unitId: 7 },
];

const result: RuleTestResult = {
  area: { code: 'phuong-phu-yen', name: 'Phường Phú Yên' },
  results: [
    {
      categoryCode: 'urban_infrastructure',
      ruleId: 6,
      unit: { id: 7, name: 'UBND Phường Phú Yên' },
      candidates: [
        { ruleId: 6, unitId: 7, specificity: 3 },
        { ruleId: 5, unitId: 2, specificity: 2 },
      ],
    },
    {
      categoryCode: 'social_order',
      ruleId: null,
      unit: { id: 1, name: 'Trung tâm IOC' },
      candidates: [],
    },
  ],
};

describe('the routing test result', () => {
  it('highlights the winning rule among the candidates, and says when a report goes to the IOC', () => {
    renderWithApp(<RuleTestResultView result={result} rules={rules} names={names} />);
    expect(screen.getByTestId('rule-test-area').textContent).toBe('Vị trí thuộc Phường Phú Yên (phuong-phu-yen).');

    const [infra, order] = screen.getAllByTestId('rule-result');
    expect(within(infra!).getByTestId('rule-result-unit').textContent).toBe('UBND Phường Phú Yên');
    expect(infra!.textContent).toContain('theo quy tắc #6: Hạ tầng đô thị × Phường Phú Yên → UBND Phường Phú Yên');
    const rows = within(infra!).getAllByTestId('rule-candidate');
    expect(rows.map((r) => [r.getAttribute('data-winner'), r.className])).toEqual([
      ['true', 'winner'],
      ['false', ''],
    ]);
    expect(within(rows[0]!).getByText('Được chọn')).toBeTruthy();
    expect(rows[0]!.textContent).toContain('3');
    expect(rows[0]!.textContent).toContain('Hạ tầng đô thị × Phường Phú Yên');
    expect(rows[1]!.textContent).toContain('Hạ tầng đô thị × Mọi phường, xã');
    expect(rows[1]!.textContent).toContain('Phòng Quản lý đô thị');

    expect(within(order!).getByText('Về IOC')).toBeTruthy();
    expect(order!.textContent).toContain('không có quy tắc nào phù hợp');
    expect(within(order!).queryByTestId('rule-candidate')).toBeNull();
  });

  it('says when the point is outside every ward', () => {
    renderWithApp(<RuleTestResultView result={{ area: null, results: [] }} rules={rules} names={names} />);
    expect(screen.getByTestId('rule-test-area').textContent).toBe(
      'Vị trí nằm ngoài mọi phường, xã: phản ánh sẽ về IOC.',
    );
  });
});

describe('the "test a point" tool', () => {
  it('tests a clicked point for every category, or typed coordinates for one', async () => {
    const calls = fakeServer({ 'POST /api/admin/rules/test': () => result });
    renderWithApp(<RuleTestTool rules={rules} names={names} />);

    fireEvent.click(await screen.findByText('map-click'));
    await screen.findByTestId('rule-test-result');
    expect((screen.getByLabelText('Vĩ độ') as HTMLInputElement).value).toBe('13.095500');

    fireEvent.change(screen.getByLabelText('Vĩ độ'), { target: { value: '13,06' } });
    fireEvent.change(screen.getByLabelText('Kinh độ'), { target: { value: '109.31' } });
    fireEvent.change(screen.getByLabelText('Loại sự cố'), { target: { value: 'social_order' } });
    fireEvent.click(screen.getByTestId('rule-test-submit'));
    await vi.waitFor(() => expect(writes(calls)).toHaveLength(2));
    expect(writes(calls).map((c) => c.body)).toEqual([
      { lat: 13.0955, lng: 109.3012 },
      { lat: 13.06, lng: 109.31, categoryCode: 'social_order' },
    ]);
  });

  it('refuses coordinates outside the globe before asking', async () => {
    const calls = fakeServer({});
    renderWithApp(<RuleTestTool rules={rules} names={names} />);
    fireEvent.change(screen.getByLabelText('Vĩ độ'), { target: { value: '130' } });
    fireEvent.change(screen.getByLabelText('Kinh độ'), { target: { value: '109.31' } });
    fireEvent.click(screen.getByTestId('rule-test-submit'));
    expect((await screen.findByTestId('error-lat')).textContent).toBe('Không được lớn hơn 90.');
    expect(writes(calls)).toEqual([]);
  });
});
