import { eq } from 'drizzle-orm';
import { reports } from '../db/schema';
import type { TestApp } from './app';

/** A local time in the test city (UTC+7) on the fake clock: `at('2026-11-16T09:00:00')`. */
export const at = (local: string): number => Date.parse(`${local}+07:00`);

/** A report filed by `statsFixtures().file`: what it takes to act on it as the admin and as its resident. */
export interface Filed {
  id: number;
  code: string;
  token: string;
  /** The unit it was routed to. */
  unitId: number | null;
  /** Its photos' ids, in the order they were sent. */
  photoIds: string[];
}

type CreateOptions = Parameters<TestApp['services']['reports']['create']>[1];

/**
 * Files reports and moves them along at given local times, for the statistics tests' hand-counted
 * weeks: as the admin (dispatch, resolve, reject, merge) and as each report's resident (rate, reopen).
 * `app` returns the test app, built by then in `beforeAll`.
 */
export function statsFixtures(app: () => TestApp) {
  const admin = () => {
    const t = app();
    return {
      id: t.ids.users.admin,
      username: 'admin',
      displayName: 'admin',
      role: 'admin' as const,
      unitId: t.ids.units.ioc,
      unitName: null,
    };
  };
  const version = (id: number) => app().db.select().from(reports).where(eq(reports.id, id)).get()!.version;

  /** Files a report at `when`. */
  async function file(when: string, body: object, options: CreateOptions = {}): Promise<Filed> {
    const t = app();
    t.clock.set(at(when));
    const { result } = await t.services.reports.create(body as never, options);
    return {
      id: result.id,
      code: result.trackingCode,
      token: result.residentToken,
      unitId: result.unit?.id ?? null,
      photoIds: result.photos.map((p) => p.id),
    };
  }
  /** A transition by the admin at `when`, on the report's current version. */
  async function act(r: Filed, when: string, input: Record<string, unknown>) {
    const t = app();
    t.clock.set(at(when));
    await t.services.reports.transition(admin(), r.id, { version: version(r.id), ...input } as never);
  }
  /** Dispatches to `unitId`, by default the unit the report was routed to. */
  const dispatch = (r: Filed, when: string, unitId = r.unitId) => act(r, when, { action: 'dispatch', unitId });
  const resolve = (r: Filed, when: string, note = 'Đã xử lý') => act(r, when, { action: 'resolve', note });
  /** Dispatches at `dispatched` and resolves at `resolved`. */
  async function dispatchAndResolve(r: Filed, dispatched: string, resolved: string): Promise<Filed> {
    await dispatch(r, dispatched);
    await resolve(r, resolved);
    return r;
  }
  /** The resident rates the resolution. */
  function rate(r: Filed, when: string, score: number) {
    const t = app();
    t.clock.set(at(when));
    t.services.residents.rate(r.code, r.token, { score });
  }
  /** The resident reopens the report. */
  function reopen(r: Filed, when: string, reason = 'Vẫn chưa sáng') {
    const t = app();
    t.clock.set(at(when));
    t.services.residents.act(r.code, r.token, { action: 'reopen', reason });
  }
  return { file, act, dispatch, resolve, dispatchAndResolve, rate, reopen };
}
