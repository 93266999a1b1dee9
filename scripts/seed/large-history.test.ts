import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPEN_STATUSES } from '../../shared/domain/statuses';
import { openMemoryDatabase, type Db } from '../../server/db/client';
import { AreaIndex } from '../../server/domain/geo-index';
import { localDate } from '../../server/domain/working-time';
import { buildTestAppOn, TEST_NOW, type TestApp } from '../../server/test/app';
import { demoCity } from './demo-city';
import { generateLargeHistory, type LargeHistorySummary } from './large-history';
import { DEMO_PASSWORD, loadDemoCity } from './load-demo-city';

const DAY = 86_400_000;
const COUNT = 3_000;
const YEARS = 3;
const OPEN = OPEN_STATUSES.map((s) => `'${s}'`).join(', ');

let app: TestApp<LargeHistorySummary>;
let db: Db;
const one = <T>(query: ReturnType<typeof sql>) => db.get<T>(query)!;
const count = (query: ReturnType<typeof sql>) => one<{ n: number }>(query).n;

beforeAll(async () => {
  app = await buildTestAppOn(async (d, photoDir) => {
    await loadDemoCity(d, { now: TEST_NOW, photoDir, history: false });
    return generateLargeHistory(d, { count: COUNT, years: YEARS, now: TEST_NOW, seed: 1, batchSize: 700 });
  });
  db = app.db;
}, 60_000);
afterAll(() => app?.close());

describe('generateLargeHistory', () => {
  it('files exactly the reports asked for, each with its events, in every category and unit', () => {
    const summary = app.ids;
    expect(summary.reports).toBe(COUNT);
    expect(count(sql`select count(*) as n from reports`)).toBe(COUNT);
    expect(count(sql`select count(*) as n from report_events`)).toBe(summary.events);
    expect(summary.events).toBeGreaterThan(COUNT * 4);
    expect(Object.values(summary.byStatus).reduce((a, b) => a + b, 0)).toBe(COUNT);

    const categories = db.all<{ c: string }>(sql`select distinct category_code as c from reports order by 1`);
    expect(categories.map((r) => r.c)).toEqual(demoCity.categories.map((c) => c.code).sort());
    // Every unit holds reports now, and the IOC has had reports handed back to it.
    const units = db.all<{ code: string; reports: number; events: number }>(sql`
      select u.code, (select count(*) from reports r where r.unit_id = u.id) as reports,
             (select count(*) from report_events e where e.unit_id = u.id) as events
      from units u`);
    expect(units).toHaveLength(demoCity.units.length);
    for (const u of units) {
      expect(u.events, u.code).toBeGreaterThan(0);
      if (u.code !== 'ioc') expect(u.reports, u.code).toBeGreaterThan(0);
    }
    // Every status and channel occurs.
    const statuses = db.all<{ s: string }>(sql`select distinct status as s from reports`).map((r) => r.s);
    for (const s of ['closed', 'resolved', 'rejected', 'duplicate', 'assigned', 'in_progress'])
      expect(statuses).toContain(s);
    expect(count(sql`select count(distinct channel) as n from reports`)).toBe(6);
  });

  it('dates every report within the period and its events in order, ids following time', () => {
    const span = one<{ first: number; last: number; lastEvent: number }>(sql`
      select min(created_at) as first, max(created_at) as last,
             (select max(created_at) from report_events) as lastEvent from reports`);
    expect(span.first).toBeGreaterThanOrEqual(TEST_NOW - YEARS * 365.25 * DAY);
    expect(span.first).toBeLessThan(TEST_NOW - (YEARS - 0.1) * 365.25 * DAY);
    expect(span.last).toBeLessThan(TEST_NOW);
    expect(span.lastEvent).toBeLessThan(TEST_NOW);
    // Per report and across the whole table, a later event id never has an earlier time.
    expect(
      count(sql`select count(*) as n from (select created_at, lag(created_at) over (partition by report_id order by id) as prev
        from report_events) where created_at < prev`),
    ).toBe(0);
    expect(
      count(sql`select count(*) as n from (select created_at, lag(created_at) over (order by id) as prev
        from report_events) where created_at < prev`),
    ).toBe(0);
    // The first event of each report is its `created`, at its filing time, and report ids follow filing time.
    expect(
      count(sql`select count(*) as n from reports r join report_events e on e.id =
        (select min(id) from report_events where report_id = r.id)
        where e.type != 'created' or e.created_at != r.created_at or e.from_status is not null`),
    ).toBe(0);
    expect(
      count(sql`select count(*) as n from (select created_at, lag(created_at) over (order by id) as prev from reports)
        where created_at < prev`),
    ).toBe(0);
  });

  it('keeps each report row consistent with its events, as the report writer would', () => {
    const bad = (label: string, where: ReturnType<typeof sql>) =>
      expect(count(sql`select count(*) as n from reports r where ${where}`), label).toBe(0);
    const lastEvent = sql`(select e.id from report_events e where e.report_id = r.id order by e.id desc limit 1)`;
    bad('status', sql`r.status != (select to_status from report_events where id = ${lastEvent})`);
    bad(
      'unit',
      sql`coalesce(r.unit_id, -1) != (select coalesce(unit_id, -1) from report_events where id = ${lastEvent})`,
    );
    bad('updated_at', sql`r.updated_at != (select created_at from report_events where id = ${lastEvent})`);
    bad('version', sql`r.version != (select count(*) - 1 from report_events e where e.report_id = r.id)`);
    bad('resolved_at', sql`(r.status in ('resolved', 'closed')) != (r.resolved_at is not null)`);
    bad('closed_at', sql`(r.status = 'closed') != (r.closed_at is not null)`);
    bad(
      'resolved_at is the last resolution',
      sql`r.resolved_at is not null and r.resolved_at !=
        (select max(created_at) from report_events e where e.report_id = r.id and e.type = 'resolve')`,
    );
    bad('reopened clears resolved_at', sql`r.status = 'reopened' and r.resolved_at is not null`);
    bad('due_at', sql`r.due_at <= r.created_at`);
    bad('acknowledged', sql`r.status = 'received' and r.acknowledged_at is not null`);
    bad(
      'rating',
      sql`(r.rating is not null) != (r.rated_at is not null) or (r.rating is not null) !=
        exists(select 1 from report_events e where e.report_id = r.id and e.type = 'rated')
        or r.rating not between 1 and 5`,
    );
    bad(
      'overdue',
      sql`(r.overdue_at is not null) != exists(select 1 from report_events e where e.report_id = r.id and e.type = 'overdue')
        or r.overdue_at < r.due_at or r.overdue_at - r.due_at > 30000 and not exists(select 1 from report_events e
          where e.report_id = r.id and e.type = 'reopen' and e.created_at > r.due_at)`,
    );
    bad(
      'one overdue event at most',
      sql`(select count(*) from report_events e where e.report_id = r.id and e.type = 'overdue') > 1`,
    );
    // An open report past its deadline has been marked (the scheduler runs every 30 s).
    bad(
      'unmarked overdue',
      sql`r.status in (${sql.raw(OPEN)}) and r.due_at < ${TEST_NOW - 60_000} and r.overdue_at is null`,
    );
    // Events change the unit the way the writer records it.
    expect(
      count(sql`select count(*) as n from (select unit_id, prev_unit_id, lag(unit_id) over (partition by report_id order by id) as before
        from report_events) where before is not null and (unit_id != before) != (prev_unit_id is not null)`),
    ).toBe(0);
    expect(
      count(
        sql`select count(*) as n from report_events where type = 'hand_back' and unit_id != (select id from units where code = 'ioc')`,
      ),
    ).toBe(0);
    // Every merged duplicate points at an original that counts its reporter.
    expect(count(sql`select coalesce(sum(reporter_count - 1), 0) as n from reports`)).toBe(
      count(sql`select count(*) as n from reports where status = 'duplicate'`),
    );
    bad('duplicate_of', sql`(r.status = 'duplicate') != (r.duplicate_of_id is not null)`);
  });

  it('follows the seasons, the week and the growing use, with a recent open backlog', () => {
    const month = db.all<{ m: string; n: number }>(sql`
      select strftime('%m', created_at / 1000, 'unixepoch', '+7 hours') as m, count(*) as n from reports group by 1`);
    const byMonth = Object.fromEntries(month.map((r) => [r.m, r.n]));
    expect(byMonth['10']! + byMonth['11']!).toBeGreaterThan(1.4 * (byMonth['03']! + byMonth['04']!));
    // More fallen trees in the typhoon season, more waste in the dry season.
    const share = (category: string, months: string) =>
      one<{ s: number }>(sql`select avg(category_code = ${category}) as s from reports
        where strftime('%m', created_at / 1000, 'unixepoch', '+7 hours') in (${sql.raw(months)})`).s;
    expect(share('trees', `'10', '11'`)).toBeGreaterThan(2 * share('trees', `'03', '04'`));
    expect(share('environment', `'03', '04'`)).toBeGreaterThan(share('environment', `'10', '11'`));

    const weekday = db.all<{ d: number; n: number }>(sql`
      select cast(strftime('%w', created_at / 1000, 'unixepoch', '+7 hours') as integer) as d, count(*) as n
      from reports group by 1 order by 1`);
    const sunday = weekday[0]!.n;
    for (const d of weekday.slice(1, 6)) expect(sunday, `day ${d.d}`).toBeLessThan(0.75 * d.n);
    const night = count(sql`select count(*) as n from reports
      where cast(strftime('%H', created_at / 1000, 'unixepoch', '+7 hours') as integer) between 1 and 4`);
    const morning = count(sql`select count(*) as n from reports
      where cast(strftime('%H', created_at / 1000, 'unixepoch', '+7 hours') as integer) between 8 and 11`);
    expect(night * 8).toBeLessThan(morning);
    const year = (from: number) =>
      count(sql`select count(*) as n from reports where created_at >= ${from} and created_at < ${from + 365 * DAY}`);
    expect(year(TEST_NOW - 365 * DAY)).toBeGreaterThan(1.2 * year(TEST_NOW - 3 * 365 * DAY));

    const open = one<{ recent: number; old: number; all: number }>(sql`select
      sum(created_at > ${TEST_NOW - 30 * DAY}) as recent, sum(created_at < ${TEST_NOW - 180 * DAY}) as old, count(*) as "all"
      from reports where status in (${sql.raw(OPEN)})`);
    expect(open.all).toBeGreaterThan(0);
    expect(open.all).toBeLessThan(COUNT * 0.03);
    expect(open.recent).toBeGreaterThan(open.old);
    // Most are done; some were late; units differ.
    const done = count(sql`select count(*) as n from reports where status in ('resolved', 'closed')`);
    expect(done / COUNT).toBeGreaterThan(0.8);
    const units = db.all<{ code: string; onTime: number; rating: number }>(sql`
      select u.code, avg(r.resolved_at <= r.due_at) as onTime, avg(r.rating) as rating
      from reports r join units u on u.id = r.unit_id where r.resolved_at is not null group by u.code`);
    const onTime = units.map((u) => u.onTime);
    expect(Math.max(...onTime) - Math.min(...onTime)).toBeGreaterThan(0.1);
    expect(Math.min(...onTime)).toBeGreaterThan(0.5);
    expect(count(sql`select count(*) as n from reports where overdue_at is not null`)).toBeGreaterThan(0);
    expect(count(sql`select count(*) as n from report_events where type = 'reopen'`)).toBeGreaterThan(0);
  });

  it('gives unique tracking codes in the real format, and points inside the ward they were filed in', () => {
    const rows = db.all<{ code: string; createdAt: number; lat: number; lng: number; area: string }>(
      sql`select tracking_code as code, created_at as createdAt, lat, lng, area_code as area from reports`,
    );
    expect(new Set(rows.map((r) => r.code)).size).toBe(rows.length);
    const index = new AreaIndex(demoCity.areas.map((a) => ({ code: a.code, name: a.nameVi, geometry: a.geometry })));
    for (const r of rows) {
      const yymm = localDate(r.createdAt, {
        utcOffsetMinutes: 420,
        workingWeekdays: [],
        holidays: [],
        dayStartMinutes: 0,
      })
        .slice(2, 7)
        .replace('-', '');
      expect(r.code).toMatch(new RegExp(`^TH-${yymm}-[0-9A-HJKMNP-TV-Z]{6}$`));
      expect(index.locate(r.lng, r.lat)?.code, r.code).toBe(r.area);
    }
    // Personal data only in the private columns, for a share of reports.
    const contact = one<{
      named: number;
      phones: number;
      bad: number;
    }>(sql`select sum(reporter_name is not null) as named,
      sum(reporter_phone is not null) as phones, sum(reporter_phone is not null and reporter_phone not glob '09[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]') as bad
      from reports`);
    expect(contact.named).toBeGreaterThan(COUNT * 0.2);
    expect(contact.named).toBeLessThan(COUNT * 0.8);
    expect(contact.bad).toBe(0);
  });

  it('leaves a sound database', () => {
    expect(db.$client.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.$client.pragma('foreign_key_check')).toEqual([]);
    expect(db.$client.pragma('synchronous', { simple: true })).not.toBe(0);
  });

  it('gives reports the real services read and act on', async () => {
    const target = one<{ id: number; version: number; username: string }>(sql`
      select r.id, r.version, u.username from reports r join users u on u.unit_id = r.unit_id and u.role = 'staff'
      where r.status = 'assigned' order by r.id desc limit 1`);
    const staff = await app.login(target.username, DEMO_PASSWORD);
    const got = await app.app.inject({ method: 'GET', url: `/api/reports/${target.id}`, headers: { cookie: staff } });
    expect(got.statusCode, got.body).toBe(200);
    expect(got.json()).toMatchObject({ id: target.id, status: 'assigned', version: target.version });
    const started = await app.app.inject({
      method: 'POST',
      url: `/api/reports/${target.id}/transitions`,
      headers: { cookie: staff },
      payload: { action: 'start', version: target.version },
    });
    expect(started.statusCode, started.body).toBe(200);
    expect(started.json()).toMatchObject({ status: 'in_progress', version: target.version + 1 });

    // The operator reads an old closed report with its whole timeline and the reporter's contact.
    const closed = one<{ id: number }>(
      sql`select id from reports where status = 'closed' and reporter_name is not null limit 1`,
    );
    const operator = await app.login('operator', DEMO_PASSWORD);
    const detail = await app.app.inject({
      method: 'GET',
      url: `/api/reports/${closed.id}`,
      headers: { cookie: operator },
    });
    expect(detail.statusCode, detail.body).toBe(200);
    const list = await app.app.inject({
      method: 'GET',
      url: '/api/reports?status=in_progress',
      headers: { cookie: operator },
    });
    expect(list.statusCode, list.body).toBe(200);
  });

  it('is deterministic for a seed', async () => {
    const digest = async (seed: number) => {
      const d = openMemoryDatabase();
      await loadDemoCity(d, { now: TEST_NOW, photoDir: path.join(tmpdir(), 'beacon-unused'), history: false });
      generateLargeHistory(d, { count: 300, years: 1, now: TEST_NOW, seed });
      const rows =
        d.all(sql`select r.*, (select group_concat(type || e.created_at) from report_events e where e.report_id = r.id) as ev
        from reports r order by id`);
      d.$client.close();
      return createHash('sha256').update(JSON.stringify(rows)).digest('hex');
    };
    expect(await digest(5)).toBe(await digest(5));
    expect(await digest(5)).not.toBe(await digest(6));
  }, 30_000);
});
