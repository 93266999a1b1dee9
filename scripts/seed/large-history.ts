import { PRIORITIES, type Channel, type Priority } from '../../shared/domain/channels';
import { isOpenStatus, type ReportStatus } from '../../shared/domain/statuses';
import type { ActorRole } from '../../shared/domain/roles';
import type { Db } from '../../server/db/client';
import { FakeClock } from '../../server/domain/clock';
import { makeTrackingCode } from '../../server/domain/tracking-code';
import { computeDueAt, localDate } from '../../server/domain/working-time';
import { deadlineFor } from '../../server/modules/catalog/catalog.presenter';
import { CatalogRepository, type CategoryRow, type UnitRow } from '../../server/modules/catalog/catalog.repository';
import { CatalogService } from '../../server/modules/catalog/catalog.service';
import { CalendarService } from '../../server/modules/deadlines/calendar.service';
import { RoutingService } from '../../server/modules/routing/routing.service';
import { demoCity } from './demo-city';
import { answers, Rng } from './random';

// A large, realistic history written straight into SQLite (issue 6): the same rows and events the
// real services write (report-writer.ts, reports.transitions.ts, the overdue scheduler, rating), but
// planned in memory and inserted with prepared statements, so a million reports take minutes.

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const YEAR = 365.25 * DAY;

export interface LargeHistoryOptions {
  /** Reports to file. */
  count: number;
  /** Filing times spread over this many years up to `now`. */
  years: number;
  now: number;
  seed?: number;
  /** Tracking code prefix (the server's CODE_PREFIX). */
  codePrefix?: string;
  /** Reports per transaction. */
  batchSize?: number;
  /** Called every 1,000 reports and after each committed batch (the last call has done = total). */
  onProgress?: (done: number, total: number) => void;
}

export interface LargeHistorySummary {
  reports: number;
  events: number;
  byStatus: Record<string, number>;
  firstId: number;
  lastId: number;
  ms: number;
}

/** How a unit works: share resolved on time, how fast (fraction of the deadline), resident satisfaction. */
interface UnitProfile {
  onTime: number;
  speed: number;
  satisfaction: number;
}

const UNIT_PROFILES: Record<string, UnitProfile> = {
  'traffic-police': { onTime: 0.99, speed: 0.45, satisfaction: 0.86 },
  'public-lighting': { onTime: 0.96, speed: 0.6, satisfaction: 0.88 },
  'parks-trees': { onTime: 0.88, speed: 0.7, satisfaction: 0.8 },
  environment: { onTime: 0.97, speed: 0.5, satisfaction: 0.77 },
  'urban-management': { onTime: 0.72, speed: 0.85, satisfaction: 0.68 },
  'ubnd-phuong-tuy-hoa': { onTime: 0.94, speed: 0.6, satisfaction: 0.84 },
  'ubnd-phuong-phu-yen': { onTime: 0.77, speed: 0.75, satisfaction: 0.74 },
  'ubnd-phuong-binh-kien': { onTime: 0.9, speed: 0.7, satisfaction: 0.8 },
};
const DEFAULT_PROFILE: UnitProfile = { onTime: 0.85, speed: 0.7, satisfaction: 0.8 };

/** Share of reports per category, and its month-by-month factor (January first). */
const CATEGORY_PROFILES: Record<string, { base: number; months: number[]; storm: number }> = {
  // Rainy and typhoon season (Sept-Dec): fallen trees, flooding and blocked drains, power cuts.
  trees: { base: 12, months: [0.7, 0.6, 0.6, 0.7, 0.9, 1, 1, 1, 1.4, 2.4, 2.6, 1.7], storm: 4 },
  urban_infrastructure: { base: 20, months: [0.9, 0.8, 0.8, 0.8, 0.9, 1, 1, 1, 1.3, 1.9, 2, 1.5], storm: 2.5 },
  street_lighting: { base: 20, months: [1, 0.9, 0.9, 0.9, 1, 1, 1, 1, 1.2, 1.5, 1.6, 1.3], storm: 2.5 },
  // Dry season: dust, waste (Tết), beach tourism and traffic in summer.
  environment: { base: 20, months: [1.4, 1.5, 1.2, 1.2, 1.3, 1.3, 1.3, 1.2, 0.9, 0.8, 0.8, 1], storm: 1 },
  traffic: { base: 18, months: [1.3, 1.3, 1, 1, 1.1, 1.3, 1.35, 1.25, 1, 0.85, 0.85, 1.1], storm: 1 },
  social_order: { base: 10, months: [1.3, 1.2, 1, 1, 1, 1.1, 1.15, 1.1, 0.9, 0.85, 0.85, 1.05], storm: 1 },
};
const DEFAULT_CATEGORY = { base: 10, months: Array<number>(12).fill(1), storm: 1 };

/** Local hour of day (0-23) -> filing weight: daytime peaks, quiet nights. */
const HOURLY = [
  0.15, 0.08, 0.05, 0.05, 0.1, 0.3, 0.7, 1.2, 1.6, 1.7, 1.6, 1.3, 1, 1.1, 1.4, 1.5, 1.4, 1.3, 1.2, 1.3, 1.2, 0.9, 0.6,
  0.3,
];
/** Local day of week (0 = Sunday) -> filing weight. */
const WEEKDAY = [0.55, 1.1, 1.05, 1, 1, 0.95, 0.8];
/** Yearly growth of the number of reports (more residents use the app). */
const GROWTH = 1.22;

const AREA_WEIGHTS: Record<string, number> = { 'phuong-tuy-hoa': 5, 'phuong-phu-yen': 2.5, 'phuong-binh-kien': 2.5 };

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Huỳnh', 'Hoàng', 'Phan', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô', 'Dương'];
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Ngọc', 'Thanh', 'Quốc', 'Hoài', 'Thu', 'Đức', 'Kim'];
const GIVEN = ['An', 'Bình', 'Châu', 'Dũng', 'Hà', 'Hải', 'Hương', 'Khoa', 'Lan', 'Long', 'Mai', 'Nam', 'Phúc'];
const GIVEN2 = ['Quang', 'Tâm', 'Thảo', 'Trang', 'Trung', 'Tuấn', 'Uyên', 'Vy', 'Xuân', 'Yến', 'Sơn', 'Tài'];
const RATING_COMMENTS = {
  good: ['Xử lý nhanh, cảm ơn đơn vị.', 'Rất hài lòng.', 'Cảm ơn các anh đã hỗ trợ kịp thời.'],
  bad: ['Xử lý chậm.', 'Chưa triệt để, mong đơn vị kiểm tra lại.', 'Phải chờ quá lâu.'],
};
const REOPEN_REASONS = [
  'Người dân phản ánh sự việc vẫn chưa được khắc phục.',
  'Sự cố tái diễn sau khi xử lý.',
  'Mới xử lý một phần, đề nghị xử lý dứt điểm.',
];

/** One event as the report writer would have written it (its id is given when it is inserted). */
interface Ev {
  t: number;
  seq: number;
  reportId: number;
  type: string;
  from: string | null;
  to: string | null;
  unitId: number | null;
  prevUnitId: number | null;
  actorUserId: number | null;
  actorRole: ActorRole;
  publicNote: string | null;
  internalNote: string | null;
}

/** A binary min-heap of events by (time, sequence): events are inserted in time order across reports. */
class EventHeap {
  private readonly items: Ev[] = [];
  get size(): number {
    return this.items.length;
  }
  private less(a: Ev, b: Ev): boolean {
    return a.t < b.t || (a.t === b.t && a.seq < b.seq);
  }
  peek(): Ev | undefined {
    return this.items[0];
  }
  push(e: Ev): void {
    const h = this.items;
    h.push(e);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(h[i]!, h[p]!)) break;
      [h[i], h[p]] = [h[p]!, h[i]!];
      i = p;
    }
  }
  pop(): Ev | undefined {
    const h = this.items;
    const top = h[0];
    const last = h.pop();
    if (h.length > 0 && last) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && this.less(h[l]!, h[m]!)) m = l;
        if (r < h.length && this.less(h[r]!, h[m]!)) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m]!, h[i]!];
        i = m;
      }
    }
    return top;
  }
}

/** A recent report a later one may be merged into. */
interface Recent {
  id: number;
  trackingCode: string;
  areaCode: string | null;
  createdAt: number;
  events: Ev[];
}

type Actor = { role: ActorRole; userId: number | null };

/** One item by weight (`total` is the sum of the weights). */
function pickWeighted<T extends { weight: number }>(items: readonly T[], total: number, rng: Rng): T {
  let r = rng.next() * total;
  for (const item of items) if ((r -= item.weight) < 0) return item;
  return items[items.length - 1]!;
}

/**
 * Files `count` reports over `years` years up to `now` straight into the database, with their
 * events, in transactions of `batchSize`: filing times follow the season, the week and the day
 * with growth from year to year; categories follow the season (typhoons in Sept-Dec); points lie
 * inside the wards around hot spots and are routed by the real rules; deadlines come from the real
 * calendar; each report plays a fate (closed, resolved, rated, reopened, rejected, merged, handed
 * back, still open, overdue) through the lifecycle. Deterministic for a seed. Needs the city
 * (areas, units, categories, rules, an operator) loaded first.
 */
export function generateLargeHistory(db: Db, opts: LargeHistoryOptions): LargeHistorySummary {
  const started = Date.now();
  const rng = new Rng(opts.seed ?? 1);
  const now = opts.now;
  const batchSize = opts.batchSize ?? 10_000;
  const prefix = opts.codePrefix ?? 'TH';
  const clock = new FakeClock(now);
  const catalog = new CatalogService(new CatalogRepository(db), clock);
  const routing = new RoutingService(catalog);
  const calendar = new CalendarService(db).current();
  const snap = catalog.current();
  const categories = snap.categories;
  if (categories.length === 0 || snap.areas.length === 0) throw new Error('Load a city (areas, categories) first.');

  const sqlite = db.$client;
  const users = sqlite
    .prepare(`select id, role, unit_id as unitId from users where disabled = 0 order by id`)
    .all() as { id: number; role: string; unitId: number | null }[];
  const operatorUser = users.find((u) => u.role === 'operator') ?? users.find((u) => u.role === 'admin');
  if (!operatorUser) throw new Error('The city needs an operator or an admin account.');
  const adminUser = users.find((u) => u.role === 'admin') ?? operatorUser;
  const operator: Actor = { role: operatorUser.role as ActorRole, userId: operatorUser.id };
  const staffByUnit = new Map<number, Actor>();
  for (const u of users)
    if (u.role === 'staff' && u.unitId !== null && !staffByUnit.has(u.unitId))
      staffByUnit.set(u.unitId, { role: 'staff', userId: u.id });
  const worker = (unitId: number | null): Actor =>
    (unitId !== null && staffByUnit.get(unitId)) || { role: 'admin', userId: adminUser.id };
  const RESIDENT: Actor = { role: 'resident', userId: null };
  const SYSTEM: Actor = { role: 'system', userId: null };
  const iocId = snap.iocUnit.id;
  const workUnits = snap.units.filter((u) => u.active && u.kind !== 'ioc');
  const profileOf = (unitId: number | null): UnitProfile => {
    const u = unitId === null ? undefined : snap.unitById.get(unitId);
    return (u && UNIT_PROFILES[u.code]) || DEFAULT_PROFILE;
  };

  // --- When: hourly weights over the whole period (season x week x day x growth x daily noise, storms).
  const start = Math.floor(now - opts.years * YEAR);
  const end = now - 5 * MIN;
  const bins = Math.max(1, Math.ceil((end - start) / HOUR));
  const days = Math.ceil(bins / 24) + 2;
  const dayNoise = new Float64Array(days);
  const storm = new Float64Array(days); // 0 = none; else the storm's strength on that day
  for (let d = 0; d < days; d++) dayNoise[d] = 0.8 + 0.4 * rng.next();
  const offset = calendar.utcOffsetMinutes * MIN;
  const firstYear = new Date(start + offset).getUTCFullYear();
  const lastYear = new Date(end + offset).getUTCFullYear();
  for (let y = firstYear; y <= lastYear; y++) {
    for (let s = rng.int(1, 3); s > 0; s--) {
      // A typhoon or tropical depression between mid-September and mid-December: 2 hard days, 3 wet ones.
      const day0 = Date.UTC(y, 8, 15) - offset + rng.int(0, 85) * DAY;
      for (let k = 0; k < 5; k++) {
        const d = Math.floor((day0 + k * DAY - start) / DAY);
        if (d >= 0 && d < days) storm[d] = Math.max(storm[d]!, k < 2 ? 2.5 : 1.5);
      }
    }
  }
  const catProfiles = categories.map((c) => CATEGORY_PROFILES[c.code] ?? DEFAULT_CATEGORY);
  const catWeights = (month: number, stormStrength: number, out: Float64Array): number => {
    let sum = 0;
    for (let i = 0; i < catProfiles.length; i++) {
      const p = catProfiles[i]!;
      const w = p.base * p.months[month]! * (stormStrength > 0 ? 1 + (p.storm - 1) * (stormStrength / 2.5) : 1);
      out[i] = w;
      sum += w;
    }
    return sum;
  };
  const scratch = new Float64Array(categories.length);
  const cumulative = new Float64Array(bins);
  let total = 0;
  for (let b = 0; b < bins; b++) {
    const t = start + b * HOUR;
    const local = new Date(t + offset);
    const d = Math.floor((t - start) / DAY);
    const volume = catWeights(local.getUTCMonth(), storm[d]!, scratch);
    const w =
      Math.pow(GROWTH, (t - start) / YEAR) *
      volume *
      WEEKDAY[local.getUTCDay()]! *
      HOURLY[local.getUTCHours()]! *
      dayNoise[d]! *
      (storm[d]! > 0 ? 1 + storm[d]! * 0.4 : 1);
    total += w;
    cumulative[b] = total;
  }
  // Sorted filing times: a Poisson process with that intensity, conditioned on exactly `count` reports
  // (normalised exponential spacings), so the reports come out in time order.
  const filingTimes = new Float64Array(opts.count);
  {
    const gaps = new Float64Array(opts.count + 1);
    let sum = 0;
    for (let i = 0; i <= opts.count; i++) sum += gaps[i] = -Math.log(1 - rng.next());
    let acc = 0;
    let b = 0;
    for (let i = 0; i < opts.count; i++) {
      acc += gaps[i]!;
      const pos = (acc / sum) * total;
      while (b < bins - 1 && cumulative[b]! < pos) b++;
      const before = b === 0 ? 0 : cumulative[b - 1]!;
      const width = cumulative[b]! - before;
      const frac = width > 0 ? Math.min(0.999999, Math.max(0, (pos - before) / width)) : 0;
      filingTimes[i] = Math.min(end, Math.floor(start + b * HOUR + frac * HOUR));
    }
  }

  // --- Where: hot spots (the demo city's streets and landmarks) and the wards' polygons.
  const index = snap.areaIndex;
  const areaList = index.areas;
  const hotSpots = demoCity.places
    .filter((p) => areaList.some((a) => a.code === p.areaCode))
    .map((p) => ({ ...p, weight: rng.chance(0.2) ? 4 + rng.next() * 4 : 0.5 + rng.next() * 1.5 }));
  const hotTotal = hotSpots.reduce((n, p) => n + p.weight, 0);
  const areaBoxes = areaList.map((a) => {
    const ring = a.geometry.type === 'Polygon' ? a.geometry.coordinates[0]! : a.geometry.coordinates[0]![0]!;
    let minX = Infinity,
      minY = Infinity,
      maxX = -Infinity,
      maxY = -Infinity;
    for (const [x, y] of ring as [number, number][]) {
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
    }
    return { code: a.code, minX, minY, maxX, maxY, weight: AREA_WEIGHTS[a.code] ?? 2 };
  });
  const areaTotal = areaBoxes.reduce((n, a) => n + a.weight, 0);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
  const place = (): { lat: number; lng: number; street: string | null } => {
    if (hotSpots.length && rng.chance(0.65)) {
      const spot = pickWeighted(hotSpots, hotTotal, rng);
      for (let tries = 0; tries < 20; tries++) {
        const lat = spot.lat + gauss() * 0.0025;
        const lng = spot.lng + gauss() * 0.0025;
        if (index.locate(lng, lat)) return { lat, lng, street: spot.street };
      }
    }
    const box = pickWeighted(areaBoxes, areaTotal, rng);
    for (;;) {
      const lng = box.minX + rng.next() * (box.maxX - box.minX);
      const lat = box.minY + rng.next() * (box.maxY - box.minY);
      if (index.locate(lng, lat)?.code === box.code) return { lat, lng, street: null };
    }
  };

  // --- Statements.
  const ins = {
    report: sqlite.prepare(`insert into reports (id, tracking_code, category_code, lat, lng, address, description,
      channel, area_code, area_name, unit_id, priority, status, reporter_name, reporter_phone, reporter_email,
      reporter_count, duplicate_of_id, attributes, rating, rating_comment, rated_at, created_at, updated_at, due_at,
      resolved_at, closed_at, overdue_at, acknowledged_at, version)
      values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    event: sqlite.prepare(`insert into report_events (id, report_id, type, from_status, to_status, unit_id,
      prev_unit_id, actor_user_id, actor_role, public_note, internal_note, created_at)
      values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    merged: sqlite.prepare(
      `update reports set reporter_count = reporter_count + 1, version = version + 1,
       updated_at = max(updated_at, ?) where id = ?`,
    ),
  };
  const maxId = (table: string) =>
    (
      sqlite
        .prepare(
          `select max(coalesce((select max(id) from ${table}), 0),
                  coalesce((select seq from sqlite_sequence where name = '${table}'), 0)) as n`,
        )
        .get() as { n: number }
    ).n;
  const firstId = maxId('reports') + 1;
  let nextReportId = firstId;
  let nextEventId = maxId('report_events') + 1;
  const codes = new Set<string>(
    (sqlite.prepare('select tracking_code as c from reports').all() as { c: string }[]).map((r) => r.c),
  );
  const codeRandom = (max: number) => Math.floor(rng.next() * max);

  const heap = new EventHeap();
  let seq = 0;
  let eventsWritten = 0;
  const flushUntil = (t: number) => {
    for (let e = heap.peek(); e && e.t <= t; e = heap.peek()) {
      heap.pop();
      ins.event.run(
        nextEventId++,
        e.reportId,
        e.type,
        e.from,
        e.to,
        e.unitId,
        e.prevUnitId,
        e.actorUserId,
        e.actorRole,
        e.publicNote,
        e.internalNote,
        e.t,
      );
      eventsWritten++;
    }
  };
  const recentByCategory = new Map<string, Recent[]>();
  const byStatus: Record<string, number> = {};

  const localHour = (t: number) => new Date(t + offset).getUTCHours();
  /** Units work by day: a time at night moves to the next morning (07:00-09:00). */
  const byDay = (t: number) => {
    const h = localHour(t);
    if (h >= 7 && h < 21) return t;
    const localMidnight = Math.floor((t + offset) / DAY) * DAY - offset;
    const morning = localMidnight + (h >= 21 ? DAY : 0) + 7 * HOUR;
    return morning + Math.floor(rng.next() * 2 * HOUR);
  };
  const between = (a: number, b: number) => a + Math.floor(rng.next() * (b - a));
  const expo = (mean: number) => -Math.log(1 - rng.next()) * mean;

  const pickCategory = (t: number): CategoryRow => {
    const local = new Date(t + offset);
    const d = Math.floor((t - start) / DAY);
    const sum = catWeights(local.getUTCMonth(), storm[d] ?? 0, scratch);
    let r = rng.next() * sum;
    for (let i = 0; i < categories.length; i++) if ((r -= scratch[i]!) < 0) return categories[i]!;
    return categories[categories.length - 1]!;
  };
  const channelOf = (t: number): Channel => {
    // The app takes over from the hotline as the years go by.
    const y = (t - start) / YEAR;
    return rng.weighted({
      app: 42 + 6 * y,
      web: 14,
      hotline: 22 - 4 * y,
      walk_in: 6,
      helper: 8,
      open311: 2,
    });
  };

  const writeOne = (createdAt: number) => {
    const id = nextReportId++;
    const category = pickCategory(createdAt);
    const demoCat = demoCity.categories.find((c) => c.code === category.code);
    const where = place();
    const routed = routing.route(where, category.code);
    const channel = channelOf(createdAt);
    const yymm = localDate(createdAt, calendar).slice(2, 7).replace('-', '');
    let code = makeTrackingCode(prefix, yymm, codeRandom);
    while (codes.has(code)) code = makeTrackingCode(prefix, yymm, codeRandom);
    codes.add(code);
    const d = Math.floor((createdAt - start) / DAY);
    const stormy = (storm[d] ?? 0) > 0;
    const withContact = channel === 'hotline' || channel === 'walk_in' ? rng.chance(0.8) : rng.chance(0.35);
    const name = withContact
      ? `${rng.pick(FAMILY)} ${rng.pick(MIDDLE)} ${rng.chance(0.5) ? rng.pick(GIVEN) : rng.pick(GIVEN2)}`
      : null;
    const phone = withContact && rng.chance(0.85) ? `09${rng.int(10_000_000, 99_999_999)}` : null;
    const email = withContact && rng.chance(0.1) ? `nguoidan${rng.int(1000, 99999)}@example.com` : null;

    // The report's state, changed step by step exactly as the writer would.
    const s = {
      status: 'received' as string,
      unitId: routed.unit.id as number | null,
      priority: category.defaultPriority as Priority,
      dueAt: computeDueAt(createdAt, deadlineFor(category, category.defaultPriority), calendar),
      resolvedAt: null as number | null,
      closedAt: null as number | null,
      overdueAt: null as number | null,
      acknowledgedAt: null as number | null,
      rating: null as number | null,
      ratingComment: null as string | null,
      ratedAt: null as number | null,
      duplicateOfId: null as number | null,
      version: 0,
      t: createdAt,
    };
    const events: Ev[] = [];
    let cut = false;
    const filer: Actor = channel === 'hotline' || channel === 'walk_in' ? operator : RESIDENT;
    const emit = (
      type: string,
      at: number,
      actor: Actor,
      patch: { status?: string; unitId?: number | null } = {},
      notes: { publicNote?: string | null; internalNote?: string | null } = {},
    ) => {
      const from = s.status;
      const prevUnit = s.unitId;
      if (patch.status !== undefined) s.status = patch.status;
      if (patch.unitId !== undefined) s.unitId = patch.unitId;
      events.push({
        t: at,
        seq: 0,
        reportId: id,
        type,
        from: type === 'created' ? null : from,
        to: s.status,
        unitId: s.unitId,
        prevUnitId: s.unitId !== prevUnit ? prevUnit : null,
        actorUserId: actor.userId,
        actorRole: actor.role,
        publicNote: notes.publicNote ?? null,
        internalNote: notes.internalNote ?? null,
      });
      if (type !== 'created') s.version++;
      s.t = at;
    };
    /** The overdue scheduler (every 30 s): once, the first time the report is open past its deadline. */
    const overdueBefore = (limit: number) => {
      if (s.overdueAt !== null || !isOpenStatus(s.status as ReportStatus)) return;
      const base = Math.max(s.dueAt, s.t);
      if (base >= limit) return;
      const at = base + Math.min(Math.floor(rng.next() * 30_000) + 1, Math.floor((limit - base) / 2));
      if (at <= s.t || at >= limit) return;
      s.overdueAt = at;
      s.priority = s.priority === 'urgent' ? 'urgent' : 'high';
      emit('overdue', at, SYSTEM);
    };
    /** One lifecycle step at `at` (later than the last one); false once `now` is reached. */
    const step = (
      type: string,
      at: number,
      actor: Actor,
      patch: { status?: string; unitId?: number | null } = {},
      notes: { publicNote?: string | null; internalNote?: string | null } = {},
    ): boolean => {
      if (cut) return false;
      at = Math.floor(Math.max(at, s.t + 1_000));
      overdueBefore(Math.min(at, now));
      if (at >= now) {
        cut = true;
        return false;
      }
      emit(type, at, actor, patch, notes);
      return true;
    };

    emit('created', createdAt, filer);
    if (category.autoDispatch && routed.unit.kind !== 'ioc')
      emit('auto_dispatched', createdAt, SYSTEM, { status: 'assigned' });
    // The IOC raises or lowers a few priorities at triage; the deadline is recomputed from receipt.
    if (rng.chance(stormy ? 0.15 : 0.06)) {
      const others = PRIORITIES.filter((p) => p !== s.priority);
      const next = stormy && s.priority !== 'urgent' ? 'urgent' : rng.pick(others);
      const at = createdAt + between(2 * MIN, 10 * MIN);
      if (at < now) {
        const before = s.priority;
        s.priority = next;
        s.dueAt = computeDueAt(createdAt, deadlineFor(category, next), calendar);
        step('priority_changed', at, operator, {}, { internalNote: `${before} → ${next}` });
      }
    }

    const fate = rng.weighted({ normal: 86, rejected: 5.5, duplicate: 3, handed_back: 2.5, reopened: 3 });
    const replies = demoCity.replies[category.code] ?? ['Đã xử lý xong.'];
    const rerouteUnit = (avoid: number | null): UnitRow | undefined => {
      const options = workUnits.filter((u) => u.id !== avoid);
      return options.length ? rng.pick(options) : undefined;
    };

    let merged: { original: Recent; at: number } | null = null;
    if (fate === 'rejected') {
      step(
        'reject',
        createdAt + between(10 * MIN, 4 * HOUR),
        operator,
        { status: 'rejected' },
        {
          publicNote: rng.pick(demoCity.rejectReasons),
        },
      );
    } else if (fate === 'duplicate') {
      const at = Math.max(createdAt + between(10 * MIN, 2 * HOUR), s.t + 1_000);
      const original = findOriginal(category.code, routed.area?.code ?? null, at);
      if (original && at < now) {
        overdueBefore(at);
        s.duplicateOfId = original.id;
        step('mark_duplicate', at, operator, { status: 'duplicate' });
        merged = { original, at: s.t };
      } else {
        step('reject', at, operator, { status: 'rejected' }, { publicNote: rng.pick(demoCity.rejectReasons) });
      }
    } else {
      const unitId = routed.unit.id;
      const profile = profileOf(unitId);
      // Non-automatic categories wait for the IOC (24/7) to check and dispatch them.
      if (s.status === 'received') {
        const wrong = fate === 'handed_back' ? rerouteUnit(unitId) : undefined;
        const target = wrong?.id ?? (unitId === iocId ? (rerouteUnit(null)?.id ?? unitId) : unitId);
        step('dispatch', createdAt + between(5 * MIN, 90 * MIN), operator, { status: 'assigned', unitId: target });
        s.acknowledgedAt = null;
      }
      if (fate === 'handed_back') {
        step(
          'hand_back',
          byDay(s.t + between(HOUR, 8 * HOUR)),
          worker(s.unitId),
          { status: 'received', unitId: iocId },
          {
            internalNote: rng.pick(demoCity.handBackReasons),
          },
        );
        s.acknowledgedAt = null;
        step('dispatch', s.t + between(10 * MIN, 3 * HOUR), operator, {
          status: 'assigned',
          unitId: unitId === iocId ? (rerouteUnit(null)?.id ?? unitId) : unitId,
        });
      }
      const work = (fast: boolean) => {
        const staff = worker(s.unitId);
        const span = Math.max(HOUR, s.dueAt - createdAt);
        const onTime = rng.chance(stormy ? profile.onTime * 0.88 : profile.onTime);
        const stuck = rng.chance(0.012);
        const dayShift = category.deadlineUnit !== 'hours';
        const shift = (t: number) => (dayShift ? byDay(t) : t);
        // Acknowledge, then start (which acknowledges when nobody did); some resolve straight away.
        const path = rng.weighted({ ackStart: 55, start: 30, direct: 15 });
        const first = s.t + Math.min(span * 0.3, expo(profile.speed * (fast ? 0.5 : 1) * 90 * MIN) + 2 * MIN);
        if (path === 'ackStart') {
          if (step('acknowledge', shift(first), staff)) s.acknowledgedAt ??= s.t;
        }
        if (path !== 'direct') {
          const at = path === 'start' ? shift(first) : s.t + Math.min(span * 0.2, expo(profile.speed * HOUR));
          if (step('start', at, staff, { status: 'in_progress' })) s.acknowledgedAt ??= s.t;
        }
        let resolveAt: number;
        if (stuck) resolveAt = s.dueAt + between(5 * DAY, 120 * DAY);
        else if (onTime && !fast)
          resolveAt = createdAt + span * Math.min(0.97, profile.speed * (0.2 + 0.9 * rng.next()));
        else if (onTime) resolveAt = s.t + between(30 * MIN, 6 * HOUR);
        else resolveAt = Math.max(s.dueAt, s.t) + Math.max(20 * MIN, expo(span * 0.6));
        resolveAt = Math.floor(Math.max(resolveAt, s.t + 5 * MIN));
        if (!onTime) resolveAt = shift(resolveAt);
        if (step('resolve', resolveAt, staff, { status: 'resolved' }, { publicNote: rng.pick(replies) }))
          s.resolvedAt = s.t;
        return !cut;
      };
      let late = false;
      let reopened = false;
      if (work(false)) {
        late = s.resolvedAt! > s.dueAt;
        if (fate === 'reopened') {
          const byResident = rng.chance(0.75);
          if (
            step(
              'reopen',
              s.t + between(2 * HOUR, 72 * HOUR),
              byResident ? RESIDENT : operator,
              { status: 'reopened' },
              {
                publicNote: rng.pick(REOPEN_REASONS),
              },
            )
          ) {
            reopened = true;
            s.resolvedAt = null;
            if (step('dispatch', s.t + between(10 * MIN, 2 * HOUR), operator, { status: 'assigned', unitId: s.unitId }))
              s.acknowledgedAt = null;
            work(true);
          }
        }
      }
      if (s.status === 'resolved') {
        // Residents rate a share of results (which confirms them); most others are confirmed or closed.
        const satisfied = Math.max(0.05, profile.satisfaction - (late ? 0.25 : 0) - (reopened ? 0.3 : 0));
        const rate = (at: number) => {
          const score = rng.chance(satisfied) ? (rng.chance(0.6) ? 5 : 4) : rng.weighted({ '3': 45, '2': 30, '1': 25 });
          const comment = rng.chance(0.2)
            ? rng.pick(Number(score) >= 4 ? RATING_COMMENTS.good : RATING_COMMENTS.bad)
            : null;
          const wasResolved = s.status === 'resolved';
          if (step('rated', at, RESIDENT, wasResolved ? { status: 'closed' } : {}, { publicNote: comment })) {
            s.rating = Number(score);
            s.ratingComment = comment;
            s.ratedAt = s.t;
            if (wasResolved) s.closedAt = s.t;
          }
        };
        const r = rng.next();
        if (r < 0.3) rate(s.t + between(HOUR, 4 * DAY));
        else if (r < 0.82) {
          const confirmedBy = rng.chance(0.4) ? RESIDENT : operator;
          if (step('close', s.t + between(6 * HOUR, 96 * HOUR), confirmedBy, { status: 'closed' })) {
            s.closedAt = s.t;
            if (rng.chance(0.1)) rate(s.t + between(HOUR, 10 * DAY));
          }
        }
      }
    }
    if (!cut) overdueBefore(now);

    // The row as it stands now, then its events (written in time order with everyone else's).
    byStatus[s.status] = (byStatus[s.status] ?? 0) + 1;
    const last = events[events.length - 1]!;
    ins.report.run(
      id,
      code,
      category.code,
      where.lat,
      where.lng,
      where.street,
      rng.pick(demoCity.descriptions[category.code] ?? ['Cần kiểm tra, xử lý.']),
      channel,
      routed.area?.code ?? null,
      routed.area?.nameVi ?? null,
      s.unitId,
      s.priority,
      s.status,
      name,
      phone,
      email,
      s.duplicateOfId,
      JSON.stringify(demoCat ? answers(demoCat, rng) : {}),
      s.rating,
      s.ratingComment,
      s.ratedAt,
      createdAt,
      last.t,
      s.dueAt,
      s.resolvedAt,
      s.closedAt,
      s.overdueAt,
      s.acknowledgedAt,
      s.version,
    );
    for (const e of events) {
      e.seq = seq++;
      heap.push(e);
    }
    if (merged) {
      // The original counts the duplicate's reporter: its `duplicate_merged` event follows the merge.
      const o = merged.original;
      let at: Ev | undefined;
      for (const e of o.events) if (e.t <= merged.at) at = e;
      const mergeEvent: Ev = {
        t: merged.at,
        seq: seq++,
        reportId: o.id,
        type: 'duplicate_merged',
        from: at!.to,
        to: at!.to,
        unitId: at!.unitId,
        prevUnitId: null,
        actorUserId: operator.userId,
        actorRole: operator.role,
        publicNote: null,
        internalNote: `${code} merged into this report`,
      };
      o.events.push(mergeEvent);
      o.events.sort((a, b) => a.t - b.t || a.seq - b.seq);
      heap.push(mergeEvent);
      ins.merged.run(merged.at, o.id);
    }
    let recent = recentByCategory.get(category.code);
    if (!recent) recentByCategory.set(category.code, (recent = []));
    recent.push({ id, trackingCode: code, areaCode: routed.area?.code ?? null, createdAt, events });
    if (recent.length > 300) recent.splice(0, recent.length - 200);
  };

  /** The latest earlier report of the category in the same ward that is open at `at` (as the IOC would pick). */
  function findOriginal(categoryCode: string, areaCode: string | null, at: number): Recent | null {
    const recent = recentByCategory.get(categoryCode) ?? [];
    for (let i = recent.length - 1; i >= 0; i--) {
      const r = recent[i]!;
      if (r.areaCode !== areaCode || at - r.createdAt > 30 * DAY) continue;
      let status: string | null = null;
      for (const e of r.events) if (e.t <= at) status = e.to;
      if (status && isOpenStatus(status as ReportStatus)) return r;
    }
    return null;
  }

  // --- Write, in transactions of `batchSize`, with the bulk-load pragmas.
  const synchronous = sqlite.pragma('synchronous', { simple: true }) as number;
  const cacheSize = sqlite.pragma('cache_size', { simple: true }) as number;
  sqlite.pragma('synchronous = OFF');
  sqlite.pragma('cache_size = -262144');
  try {
    for (let i = 0; i < opts.count;) {
      const stop = Math.min(opts.count, i + batchSize);
      sqlite.exec('begin');
      try {
        for (; i < stop; i++) {
          const t = filingTimes[i]!;
          flushUntil(t);
          writeOne(t);
          if ((i + 1) % 1_000 === 0 && i + 1 < stop) opts.onProgress?.(i + 1, opts.count);
        }
        if (i === opts.count) flushUntil(Infinity);
        sqlite.exec('commit');
      } catch (e) {
        if (sqlite.inTransaction) sqlite.exec('rollback');
        throw e;
      }
      opts.onProgress?.(i, opts.count);
    }
    if (opts.count === 0) opts.onProgress?.(0, 0);
  } finally {
    sqlite.pragma(`cache_size = ${cacheSize}`);
    sqlite.pragma(`synchronous = ${synchronous}`);
  }
  return {
    reports: opts.count,
    events: eventsWritten,
    byStatus,
    firstId,
    lastId: nextReportId - 1,
    ms: Date.now() - started,
  };
}
