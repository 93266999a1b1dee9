// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithApp } from '../test/render';
import { Timeline, type TimelineItem } from './Timeline';

afterEach(cleanup);

const entry = (eventId: number, patch: Partial<TimelineItem>): TimelineItem => ({
  eventId,
  at: '2025-11-26T01:00:00Z',
  type: 'created',
  fromStatus: null,
  toStatus: 'received',
  unit: null,
  note: null,
  photos: [],
  ...patch,
});

describe('the staff timeline', () => {
  it('shows an internal note marked as internal, and names the IOC corrections', () => {
    renderWithApp(
      <Timeline
        entries={[
          entry(1, {}),
          entry(2, { type: 'priority_changed', toStatus: null, internalNote: 'normal → urgent' }),
          entry(3, { type: 'note', toStatus: null, internalNote: 'Đã gọi lại cho người dân', actor: 'operator' }),
        ]}
      />,
    );
    const items = screen.getAllByRole('listitem');
    expect(items[0]!.className).toContain('internal');
    expect(items[0]!.textContent).toContain('Ghi chú');
    expect(items[0]!.textContent).toContain('Nội bộ');
    expect(screen.getAllByTestId('timeline-internal-note')[0]!.textContent).toBe('Nội bộ: Đã gọi lại cho người dân');
    expect(items[1]!.textContent).toContain('Đổi mức ưu tiên');
  });
});
