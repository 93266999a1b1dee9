import type { Db } from '../db/client';
import { areas, categories, routingRules, units, users } from '../db/schema';
import { bboxOf, type AreaGeometry } from '../domain/geo-index';
import { DEV_SESSION_SECRET } from '../config';
import { AuthService } from '../modules/auth/auth.service';
import { SessionSecrets } from '../modules/auth/secrets';

/** The password of every test account. */
export const TEST_PASSWORD = 'test-password-1';

/**
 * The test admin's TOTP secret (admins must have a second factor): `login('admin')` computes the
 * code from it and the test clock; `totpCode(TEST_TOTP_SECRET, t.clock.now())` gives one by hand.
 */
export const TEST_TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

/** The columns that give an account the test second factor (for admins a test inserts itself). */
export const testTotpColumns = () => ({
  totpSecret: new SessionSecrets(DEV_SESSION_SECRET).seal(TEST_TOTP_SECRET),
  totpEnrolledAt: 0,
});

const square = (lng0: number, lat0: number, lng1: number, lat1: number): AreaGeometry => ({
  type: 'Polygon',
  coordinates: [
    [
      [lng0, lat0],
      [lng1, lat0],
      [lng1, lat1],
      [lng0, lat1],
      [lng0, lat0],
    ],
  ],
});

/**
 * A small city of its own for tests (never the demo seed): two wards side by side sharing the edge
 * lng = 109.30, an IOC, a lighting company, a roads department and a ward committee, two categories.
 */
export const TEST_CITY = {
  west: { code: 'ward-west', name: 'Phường Tây', geometry: square(109.25, 13.05, 109.3, 13.1) },
  east: { code: 'ward-east', name: 'Phường Đông', geometry: square(109.3, 13.05, 109.35, 13.1) },
  insideWest: { lat: 13.07, lng: 109.27 },
  insideEast: { lat: 13.07, lng: 109.32 },
  outside: { lat: 12.5, lng: 109.9 },
};

/** Ids of what `seedTestCity` made. */
export interface TestCityIds {
  units: { ioc: number; lighting: number; roads: number; westCommittee: number };
  users: Record<'operator' | 'lighting' | 'roads' | 'leader' | 'lightingLeader' | 'admin', number>;
}

/** Loads the test city and one account per role into an empty migrated database. */
export async function seedTestCity(db: Db): Promise<TestCityIds> {
  const passwordHash = await AuthService.hashPassword(TEST_PASSWORD);
  return db.transaction((tx) => {
    for (const a of [TEST_CITY.west, TEST_CITY.east]) {
      const [minLng, minLat, maxLng, maxLat] = bboxOf(a.geometry);
      tx.insert(areas)
        .values({
          code: a.code,
          nameVi: a.name,
          nameEn: a.name,
          geometry: JSON.stringify(a.geometry),
          minLng,
          minLat,
          maxLng,
          maxLat,
          validFrom: 0,
        })
        .run();
    }
    const unit = (code: string, nameVi: string, kind: string) =>
      tx.insert(units).values({ code, nameVi, nameEn: code, kind }).returning().get().id;
    const ids = {
      ioc: unit('ioc', 'Trung tâm IOC', 'ioc'),
      lighting: unit('lighting', 'Công ty Chiếu sáng', 'company'),
      roads: unit('roads', 'Phòng Quản lý đô thị', 'department'),
      westCommittee: unit('ubnd-west', 'UBND Phường Tây', 'ward_committee'),
    };
    const category = (code: string, nameVi: string, deadlineValue: number, deadlineUnit: string) =>
      tx
        .insert(categories)
        .values({
          code,
          nameVi,
          nameEn: code,
          groupCode: 'g',
          groupVi: 'Nhóm',
          groupEn: 'Group',
          icon: 'x',
          deadlineValue,
          deadlineUnit,
          // Most tests resolve with a reply only; the after-photo requirement is tested on its own.
          resolveNeedsPhoto: false,
        })
        .run();
    category('street_lighting', 'Đèn đường không sáng', 2, 'working_days');
    category('potholes', 'Ổ gà', 48, 'hours');
    tx.insert(routingRules).values({ categoryCode: 'street_lighting', areaCode: null, unitId: ids.lighting }).run();
    tx.insert(routingRules).values({ categoryCode: 'potholes', areaCode: null, unitId: ids.roads }).run();
    tx.insert(routingRules)
      .values({ categoryCode: 'potholes', areaCode: 'ward-west', unitId: ids.westCommittee })
      .run();
    const adminTotp = testTotpColumns();
    const user = (username: string, role: string, unitId: number | null) =>
      tx
        .insert(users)
        .values({
          username,
          displayName: username,
          role,
          unitId,
          passwordHash,
          createdAt: 0,
          ...(role === 'admin' ? adminTotp : {}),
        })
        .returning()
        .get().id;
    return {
      units: ids,
      users: {
        operator: user('operator', 'operator', ids.ioc),
        lighting: user('staff.lighting', 'staff', ids.lighting),
        roads: user('staff.roads', 'staff', ids.roads),
        leader: user('leader', 'leader', null),
        /** The lighting company's leader: sees that unit's reports and figures only. */
        lightingLeader: user('leader.lighting', 'leader', ids.lighting),
        admin: user('admin', 'admin', ids.ioc),
      },
    };
  });
}
