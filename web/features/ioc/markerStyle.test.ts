// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { staffReport } from '../../test/factories';
import { markerClasses, markerHtml, markerLook } from './markerStyle';

const now = Date.parse('2025-11-27T00:00:00Z');

describe('report markers on the wall map', () => {
  it('rings a report red once its deadline has passed', () => {
    const late = markerLook(staffReport(1, { dueAt: '2025-11-26T23:00:00Z' }), now, false, false);
    const onTime = markerLook(staffReport(2, { dueAt: '2025-11-27T01:00:00Z' }), now, false, false);
    expect(markerClasses(late)).toContain('overdue');
    expect(markerClasses(onTime)).not.toContain('overdue');
  });

  it('colours by status and carries the tracking code for tests and tooltips', () => {
    const html = markerHtml('PY-2611-000042', markerLook(staffReport(42, { status: 'in_progress' }), now, true, false));
    const box = document.createElement('div');
    box.innerHTML = html;
    const el = box.querySelector('.report-marker');
    expect(el?.getAttribute('data-tracking-code')).toBe('PY-2611-000042');
    expect(el?.classList.contains('status-in_progress')).toBe(true);
    expect(el?.classList.contains('fresh')).toBe(true);
  });

  it('escapes the code inside the HTML attribute', () => {
    const html = markerHtml('a"><script>', markerLook(staffReport(1), now, false, false));
    expect(html).not.toContain('"><script>');
  });
});
