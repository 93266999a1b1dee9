import type { EventRow } from '../modules/reports/reports.repository';

/**
 * Whether a unit's staff are entitled to an event: it concerns a report dispatched to them, or one
 * that just left them (re-routed or handed back), so their queue drops it. A report merely proposed
 * for them in the IOC inbox (status `received`) is not theirs yet.
 */
export function unitEntitled(event: Pick<EventRow, 'unitId' | 'prevUnitId' | 'toStatus'>, unitId: number): boolean {
  return (event.unitId === unitId && event.toStatus !== 'received') || event.prevUnitId === unitId;
}
