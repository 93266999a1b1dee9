import { CHANNELS, type Channel } from '../../../shared/domain/channels';
import { OPEN_STATUSES, type ReportStatus } from '../../../shared/domain/statuses';
import type { StaffReportView } from '../../../shared/schemas/reports';
import { matchesSearch } from '../desk/urgency';

/** The IOC queue's filters, as kept in the page address (`/ioc?category=&area=&unit=&status=&channel=&q=`). */
export interface QueueFilters {
  /** Category code, or '' for every category. */
  category: string;
  /** Ward code, or '' for every ward. */
  area: string;
  unit: number | null;
  status: ReportStatus | null;
  channel: Channel | null;
  /** Free text over code, description, address (and category, ward). */
  q: string;
}

/** No filter: every open report. */
export const NO_FILTERS: QueueFilters = { category: '', area: '', unit: null, status: null, channel: null, q: '' };

const KEYS = ['category', 'area', 'unit', 'status', 'channel', 'q'] as const;
const CODE = /^[a-z0-9_.-]{1,100}$/i;

/** The filters read from the address; anything unreadable is left out. */
export function filtersFromSearch(params: URLSearchParams): QueueFilters {
  const text = (k: string) => (params.get(k) ?? '').trim();
  const unit = Number(text('unit'));
  const status = text('status') as ReportStatus;
  const channel = text('channel') as Channel;
  return {
    category: CODE.test(text('category')) ? text('category') : '',
    area: CODE.test(text('area')) ? text('area') : '',
    unit: Number.isInteger(unit) && unit > 0 ? unit : null,
    status: OPEN_STATUSES.includes(status) ? status : null,
    channel: CHANNELS.includes(channel) ? channel : null,
    q: (params.get('q') ?? '').slice(0, 200),
  };
}

/** The address query for the filters: empty ones left out, other parameters of `base` kept. */
export function searchFromFilters(f: QueueFilters, base?: URLSearchParams): URLSearchParams {
  const params = new URLSearchParams(base);
  for (const k of KEYS) params.delete(k);
  if (f.category) params.set('category', f.category);
  if (f.area) params.set('area', f.area);
  if (f.unit !== null) params.set('unit', String(f.unit));
  if (f.status) params.set('status', f.status);
  if (f.channel) params.set('channel', f.channel);
  if (f.q.trim()) params.set('q', f.q);
  return params;
}

/** How many filters narrow the queue. */
export function activeFilters(f: QueueFilters): number {
  return [f.category, f.area, f.unit !== null, f.status, f.channel, f.q.trim()].filter(Boolean).length;
}

/** True when a report passes every filter. */
export function matchesFilters(r: StaffReportView, f: QueueFilters): boolean {
  return (
    (!f.category || r.category.code === f.category) &&
    (!f.area || r.area?.code === f.area) &&
    (f.unit === null || r.unit?.id === f.unit) &&
    (!f.status || r.status === f.status) &&
    (!f.channel || r.channel === f.channel) &&
    matchesSearch(r, f.q)
  );
}
