import { sql } from 'drizzle-orm';
import type { Db } from '../../server/db/client';
import { areas, categories, replyTemplates, routingRules, units, users } from '../../server/db/schema';
import { bboxOf } from '../../server/domain/geo-index';
import { DEV_SESSION_SECRET } from '../../server/config';
import { AuthService } from '../../server/modules/auth/auth.service';
import { SessionSecrets } from '../../server/modules/auth/secrets';
import { demoCity } from './demo-city';
import { generateHistory } from './history';

/** The password of every demo account (written in the README). */
export const DEMO_PASSWORD = 'demo-city-2025';

/**
 * The demo admin's TOTP secret (written in the README; admins must have a second factor). Any
 * authenticator app given it shows the codes; a production start refuses the demo accounts anyway.
 */
export const DEMO_TOTP_SECRET = 'BEACONIOCDEMOADMINSECRETTOTPCODE';

/** Every demo account: the named ones, the unit leaders, and a staff account for each other unit. */
export function demoAccounts() {
  const staffForUnits = demoCity.units.filter(
    (u) => u.kind !== 'ioc' && !demoCity.users.some((x) => x.unitCode === u.code && x.role === 'staff'),
  );
  return [
    ...demoCity.users,
    ...demoCity.unitLeaders,
    // Every unit gets a staff account so the demo history can be worked by someone.
    ...staffForUnits.map((u) => ({
      username: `staff.${u.code}`,
      displayName: `Cán bộ ${u.nameVi}`,
      role: 'staff' as const,
      unitCode: u.code,
    })),
  ];
}

/** True when the database has no configuration yet (a fresh install). */
export function isDatabaseEmpty(db: Db): boolean {
  const row = db.get<{ n: number }>(sql`select (select count(*) from units) + (select count(*) from areas) as n`);
  return (row?.n ?? 0) === 0;
}

/**
 * Loads the demo city (areas, units, categories, rules, reply templates, demo accounts) into an empty database,
 * then, unless `history` is false, a few hundred realistic reports over the last 90 days.
 */
export async function loadDemoCity(
  db: Db,
  opts: {
    now: number;
    photoDir: string;
    history?: boolean;
    reports?: number;
    /** The server's SESSION_SECRET, which seals the demo admin's TOTP secret (default: the development one). */
    sessionSecret?: string;
  },
) {
  if (!isDatabaseEmpty(db))
    throw new Error('The database already has a city; the demo city loads only into an empty one.');
  const passwordHash = await AuthService.hashPassword(DEMO_PASSWORD);
  const demoTotp = new SessionSecrets(opts.sessionSecret ?? DEV_SESSION_SECRET).seal(DEMO_TOTP_SECRET);

  db.transaction((tx) => {
    for (const a of demoCity.areas) {
      const [minLng, minLat, maxLng, maxLat] = bboxOf(a.geometry);
      tx.insert(areas)
        .values({
          code: a.code,
          nameVi: a.nameVi,
          nameEn: a.nameEn,
          geometry: JSON.stringify(a.geometry),
          minLng,
          minLat,
          maxLng,
          maxLat,
          note: a.note,
          validFrom: Date.parse(a.validFrom ?? '2025-07-01T00:00:00+07:00'),
        })
        .run();
    }
    const unitIds = new Map<string, number>();
    for (const u of demoCity.units) {
      const row = tx
        .insert(units)
        .values({ code: u.code, nameVi: u.nameVi, nameEn: u.nameEn, kind: u.kind, areaCode: u.areaCode ?? null })
        .returning()
        .get();
      unitIds.set(u.code, row.id);
    }
    for (const c of demoCity.categories) {
      tx.insert(categories)
        .values({
          code: c.code,
          nameVi: c.nameVi,
          nameEn: c.nameEn,
          groupCode: c.groupCode,
          groupVi: c.groupVi,
          groupEn: c.groupEn,
          icon: c.icon,
          defaultPriority: c.defaultPriority,
          deadlineValue: c.deadline.value,
          deadlineUnit: c.deadline.unit,
          sortOrder: c.sortOrder,
          questions: JSON.stringify(c.questions ?? []),
          autoDispatch: c.autoDispatch ?? false,
          deadlinesByPriority: JSON.stringify(c.deadlinesByPriority ?? {}),
          publicLocation: c.publicLocation ?? 'approximate',
        })
        .run();
    }
    for (const r of demoCity.rules) {
      tx.insert(routingRules)
        .values({ categoryCode: r.categoryCode, areaCode: r.areaCode, unitId: unitIds.get(r.unitCode)! })
        .run();
    }
    for (const t of demoCity.templates) tx.insert(replyTemplates).values(t).run();
    for (const u of demoAccounts()) {
      tx.insert(users)
        .values({
          username: u.username,
          displayName: u.displayName,
          role: u.role,
          unitId: u.unitCode ? unitIds.get(u.unitCode)! : null,
          passwordHash,
          createdAt: opts.now,
          ...(u.role === 'admin' ? { totpSecret: demoTotp, totpEnrolledAt: opts.now } : {}),
        })
        .run();
    }
  });

  const history =
    opts.history === false
      ? null
      : await generateHistory(db, { now: opts.now, count: opts.reports ?? 400, photoDir: opts.photoDir });
  return {
    areas: demoCity.areas.length,
    units: demoCity.units.length,
    categories: demoCity.categories.length,
    ...(history ?? {}),
  };
}
