import sharp from 'sharp';
import { isOpenStatus, type ReportStatus } from '../../shared/domain/statuses';
import type { ReportAction } from '../../shared/domain/lifecycle';
import type { Channel } from '../../shared/domain/channels';
import type { Db } from '../../server/db/client';
import { users } from '../../server/db/schema';
import { FakeClock } from '../../server/domain/clock';
import type { AuthUser } from '../../server/modules/auth/auth.service';
import { createServices } from '../../server/services';
import { demoCity } from './demo-city';
import { answers, Rng } from './random';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

type Step = { at: number; index: number; action: ReportAction | 'file' | 'rate' };

/** Where a report ends up: drawn once per report, then played out as timed steps. */
type Fate =
  | 'reopened'
  | 'open_received'
  | 'open_assigned'
  | 'in_progress'
  | 'resolved'
  | 'closed'
  | 'reopened_resolved'
  | 'rejected'
  | 'duplicate'
  | 'handed_back';

const FATES: Record<Fate, number> = {
  closed: 40,
  resolved: 18,
  reopened_resolved: 3,
  reopened: 2,
  in_progress: 8,
  open_assigned: 8,
  open_received: 6,
  rejected: 6,
  duplicate: 3,
  handed_back: 2,
};

const OPEN_FATES: readonly Fate[] = ['open_received', 'open_assigned', 'in_progress', 'reopened', 'handed_back'];

const CHANNELS: Record<Channel, number> = { app: 55, web: 15, hotline: 15, walk_in: 5, helper: 8, open311: 2 };

// Residents report mostly in daytime, more on weekdays.
/** How residents rate a fixed problem (weights): mostly satisfied, some not. */
const SCORES = { '5': 48, '4': 27, '3': 12, '2': 7, '1': 6 };
const RATING_THANKS = ['Xử lý nhanh, cảm ơn các anh.', 'Rất hài lòng.', 'Cảm ơn phường đã xử lý kịp thời.'];
const RATING_COMPLAINTS = ['Xử lý chậm, phải nhắc nhiều lần.', 'Mới sửa tạm, chưa triệt để.', 'Chưa hài lòng.'];

function randomFilingTime(rng: Rng, now: number): number {
  for (;;) {
    const t = now - rng.next() * 90 * DAY;
    const local = new Date(t + 7 * HOUR);
    const hour = local.getUTCHours();
    const weight = (hour >= 6 && hour <= 21 ? 1 : 0.15) * (local.getUTCDay() % 6 === 0 ? 0.6 : 1);
    if (rng.next() < weight && t < now - 10 * MIN) return t;
  }
}

/**
 * Files `count` realistic reports over the last 90 days through the real services (routing,
 * deadlines, events) on a fake clock, and works them through every status, so each screen has data.
 */
/** A small stand-in "after" photo (units resolve with a photo of the result): a sky, a street, a lamp. */
async function afterPhoto(rng: Rng): Promise<Buffer> {
  const hue = Math.floor(rng.next() * 360);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="480" height="360">
    <rect width="480" height="220" fill="hsl(${hue},45%,70%)"/>
    <rect y="220" width="480" height="140" fill="hsl(${(hue + 180) % 360},10%,35%)"/>
    <rect x="${100 + Math.floor(rng.next() * 280)}" y="80" width="8" height="160" fill="#333"/>
    <circle cx="${240}" cy="290" r="${10 + Math.floor(rng.next() * 20)}" fill="#ddd"/></svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 70 }).toBuffer();
}

export async function generateHistory(db: Db, opts: { now: number; count: number; photoDir: string; seed?: number }) {
  const rng = new Rng(opts.seed ?? 20251101);
  const clock = new FakeClock(opts.now - 91 * DAY);
  const services = createServices(db, clock, { codePrefix: 'TH', sessionTtlMs: HOUR, photoDir: opts.photoDir });
  const staff = db.select().from(users).all();
  const asAuth = (u: (typeof staff)[number]): AuthUser => ({
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role as AuthUser['role'],
    unitId: u.unitId,
    unitName: null,
  });
  const operator = asAuth(staff.find((u) => u.role === 'operator')!);
  const staffOf = (unitId: number | null) => {
    const u = staff.find((x) => x.role === 'staff' && x.unitId === unitId);
    return u ? asAuth(u) : null;
  };

  // Plan every report's steps first, then play them in time order, so event ids follow time.
  const plans = Array.from({ length: opts.count }, () => {
    const category = rng.pick(demoCity.categories);
    const place = rng.pick(demoCity.places);
    const filedAt = randomFilingTime(rng, opts.now);
    const age = opts.now - filedAt;
    let fate = rng.weighted(FATES);
    // A city that resolves ~97 % of reports has few old open ones: open fates are for recent reports
    // (a small backlog lingers), and most of the last two days are still being worked.
    const open = OPEN_FATES.includes(fate);
    if (open && age > 6 * DAY && !rng.chance(0.04)) fate = rng.pick(['closed', 'closed', 'resolved'] as const);
    if (!open && age < 2 * DAY && rng.chance(0.6)) fate = rng.pick(OPEN_FATES);
    return { category, place, filedAt, fate, id: 0, trackingCode: '', token: '', unitId: null as number | null };
  });
  // Photos draw from their own sequence, so the history's course does not depend on them.
  const photoRng = new Rng(7);
  // A few recent reports are always waiting after a resident reopened them, so every screen shows one.
  const recent = plans.filter((p) => opts.now - p.filedAt > DAY && opts.now - p.filedAt < 5 * DAY);
  for (const p of recent.slice(0, Math.max(0, 2 - plans.filter((x) => x.fate === 'reopened').length)))
    p.fate = 'reopened';
  const steps: Step[] = [];
  plans.forEach((p, index) => {
    let t = p.filedAt;
    const add = (action: Step['action'], delay: number) => {
      t += delay;
      if (t < opts.now) steps.push({ at: t, index, action });
    };
    add('file', 0);
    const deadlineMs =
      p.category.deadline.unit === 'hours' ? p.category.deadline.value * HOUR : p.category.deadline.value * 1.4 * DAY;
    const work = () => (rng.chance(0.85) ? rng.next() * 0.8 : 0.9 + rng.next() * 0.8) * deadlineMs;
    switch (p.fate) {
      case 'open_received':
        return;
      case 'rejected':
        return add('reject', rng.int(10, 180) * MIN);
      case 'duplicate':
        return add('mark_duplicate', rng.int(10, 120) * MIN);
      case 'handed_back':
        if (!p.category.autoDispatch) add('dispatch', rng.int(5, 90) * MIN); // auto-dispatched at receipt otherwise
        return add('hand_back', rng.int(1, 6) * HOUR);
    }
    if (!p.category.autoDispatch) add('dispatch', rng.int(5, 90) * MIN);
    if (p.fate === 'open_assigned') return;
    if (p.fate === 'reopened') {
      // Fixed fast and reopened within the day, so the reopening has happened by now.
      add('start', rng.int(1, 3) * HOUR);
      add('resolve', rng.int(2, 6) * HOUR);
      return add('reopen', rng.int(2, 10) * HOUR);
    }
    add('start', Math.min(work() / 3, rng.int(1, 8) * HOUR));
    if (p.fate === 'in_progress') return;
    add('resolve', work());
    if (p.fate === 'reopened_resolved') {
      add('reopen', rng.int(2, 30) * HOUR);
      add('dispatch', rng.int(10, 120) * MIN);
      add('resolve', work());
    }
    // Most closed reports were closed by the resident's rating (mostly satisfied), the rest by the IOC.
    if (p.fate === 'closed') add(rng.chance(0.65) ? 'rate' : 'close', rng.int(2, 72) * HOUR);
  });
  steps.sort((a, b) => a.at - b.at || a.index - b.index);

  let filed = 0;
  let transitions = 0;
  for (const step of steps) {
    const p = plans[step.index]!;
    clock.set(step.at);
    if (step.action === 'file') {
      const jitter = () => (rng.next() - 0.5) * 0.004;
      const withContact = rng.chance(0.6);
      const { result } = await services.reports.create({
        categoryCode: p.category.code,
        lat: p.place.lat + jitter(),
        lng: p.place.lng + jitter(),
        description: rng.pick(demoCity.descriptions[p.category.code] ?? ['Cần kiểm tra, xử lý.']),
        address: p.place.street,
        channel: rng.weighted(CHANNELS),
        attributes: answers(p.category, rng),
        contact: withContact
          ? {
              name: rng.pick(demoCity.residentNames),
              phone: `09${rng.int(10_000_000, 99_999_999)}`,
              email: undefined,
            }
          : undefined,
      });
      Object.assign(p, {
        id: result.id,
        trackingCode: result.trackingCode,
        token: result.residentToken,
        unitId: result.unit?.id ?? null,
      });
      filed++;
      continue;
    }
    if (step.action === 'rate') {
      const score = Number(rng.weighted(SCORES));
      try {
        services.residents.rate(p.trackingCode, p.token, {
          score,
          comment: rng.chance(0.4) ? rng.pick(score >= 4 ? RATING_THANKS : RATING_COMPLAINTS) : undefined,
        });
      } catch (e) {
        if (process.env.DEBUG_SEED) console.log('rate', (e as Error).message);
      }
      continue;
    }
    const replies = demoCity.replies[p.category.code] ?? ['Đã xử lý xong.'];
    const worker = staffOf(p.unitId) ?? operator;
    let actor: AuthUser = operator;
    // Read the version now: merging a duplicate into this report may have moved it on.
    const version = services.reports.findByTrackingCode(p.trackingCode)!.version;
    const input: Parameters<typeof services.reports.transition>[2] = { action: step.action, version };
    let files: { bytes: Buffer }[] = [];
    switch (step.action) {
      case 'dispatch':
        input.unitId = p.unitId!;
        break;
      case 'reject':
        input.reason = rng.pick(demoCity.rejectReasons);
        break;
      case 'hand_back':
        actor = worker;
        input.reason = rng.pick(demoCity.handBackReasons);
        break;
      case 'start':
        actor = worker;
        break;
      case 'resolve':
        actor = worker.role === 'staff' ? worker : { ...operator, role: 'admin' };
        input.note = rng.pick(replies);
        files = [{ bytes: await afterPhoto(photoRng) }];
        break;
      case 'reopen':
        input.reason = 'Người dân phản ánh sự việc vẫn chưa được khắc phục.';
        break;
      case 'mark_duplicate': {
        // The latest earlier report of the same category that is still open is the original.
        const original = plans
          .slice(0, step.index)
          .reverse()
          .find(
            (o) =>
              o.id &&
              o.category.code === p.category.code &&
              isOpenStatus((services.reports.findByTrackingCode(o.trackingCode)?.status ?? 'closed') as ReportStatus),
          );
        if (original) input.duplicateOf = original.trackingCode;
        else Object.assign(input, { action: 'reject', reason: rng.pick(demoCity.rejectReasons) });
        break;
      }
    }
    try {
      const view = await services.reports.transition(actor, p.id, input, files);
      p.unitId = view.unit?.id ?? null;
      transitions++;
    } catch (e) {
      if (process.env.DEBUG_SEED) console.log(step.action, (e as Error).message);
      // The plan can collide with reality (the original of a duplicate already closed): skip that step.
    }
  }
  return { reports: filed, transitions };
}
