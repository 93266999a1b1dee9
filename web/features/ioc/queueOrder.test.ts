import { describe, expect, it } from 'vitest';
import { staffReport } from '../../test/factories';
import { orderQueue } from './queueOrder';

const codes = (rs: { trackingCode: string }[]) => rs.map((r) => r.trackingCode.slice(-1));

describe('the IOC queue', () => {
  it('puts the inbox (received, reopened) before reports already being handled', () => {
    const { inbox, handling } = orderQueue([
      staffReport(1, { status: 'assigned', priority: 'urgent' }),
      staffReport(2, { status: 'received' }),
      staffReport(3, { status: 'reopened' }),
      staffReport(4, { status: 'in_progress' }),
    ]);
    expect(codes(inbox).sort()).toEqual(['2', '3']);
    expect(codes(handling)).toEqual(['1', '4']);
  });

  it('sorts overdue urgent reports first, then by priority, then by the earliest deadline', () => {
    const { inbox } = orderQueue([
      staffReport(1, { priority: 'normal', dueAt: '2025-11-20T00:00:00Z' }),
      staffReport(2, { priority: 'urgent', dueAt: '2025-11-28T00:00:00Z' }),
      staffReport(3, { priority: 'urgent', dueAt: '2025-11-25T00:00:00Z' }),
      staffReport(4, { priority: 'high', dueAt: '2025-11-21T00:00:00Z' }),
      staffReport(5, { priority: 'low', dueAt: '2025-11-19T00:00:00Z' }),
    ]);
    expect(codes(inbox)).toEqual(['3', '2', '4', '1', '5']);
  });

  it('breaks ties on the same deadline by the oldest report', () => {
    const due = '2025-11-28T00:00:00Z';
    const { inbox } = orderQueue([
      staffReport(1, { dueAt: due, createdAt: '2025-11-26T05:00:00Z' }),
      staffReport(2, { dueAt: due, createdAt: '2025-11-26T01:00:00Z' }),
    ]);
    expect(codes(inbox)).toEqual(['2', '1']);
  });
});
