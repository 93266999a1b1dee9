import type { LightMyRequestResponse } from 'fastify';
import sharp from 'sharp';
import type { TestApp } from '../../test/app';
import { multipart } from '../../test/multipart';

/** A schema-valid request of one operation, before any mutation. */
export interface Baseline {
  path: Record<string, string>;
  query: Record<string, string>;
  /** The JSON body, the multipart fields (nested as objects), or the form fields. */
  body?: unknown;
  headers?: Record<string, string>;
}

/** The signed-in accounts of the test city, by role. */
export const ACCOUNTS: Record<string, string> = {
  admin: 'admin',
  operator: 'operator',
  staff: 'staff.lighting',
  leader: 'leader',
};

/** What baselines need from the app under test: sessions, and records to act on. */
export class FuzzContext {
  readonly cookies: Record<string, string> = {};
  /** A report filed by a resident (with a photo), and its resident token. */
  shared!: { id: number; trackingCode: string; residentToken: string; photoId: string };
  apiKey = '';
  private n = 0;

  constructor(readonly t: TestApp) {}

  /** A number never used before in this app (for unique codes and names). */
  next(): number {
    return ++this.n;
  }

  async signIn(roles: string[]): Promise<void> {
    for (const role of roles) this.cookies[role] = await this.t.login(ACCOUNTS[role]!);
  }

  /** Signs a role in again (after a case ended its session, e.g. a password change of its own account). */
  async refresh(role: string): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        this.cookies[role] = await this.t.login(ACCOUNTS[role]!);
        return;
      } catch (e) {
        // A second factor takes each time step once: move the fake clock on to the next steps.
        if (attempt === 3) throw e;
        this.t.clock.advance(90_000);
      }
    }
  }

  async as(role: string, method: string, url: string, payload?: object): Promise<LightMyRequestResponse> {
    return this.t.app.inject({
      method: method as 'GET',
      url,
      payload,
      headers: { cookie: this.cookies[role] ?? '' },
    });
  }

  private expect(res: LightMyRequestResponse, status: number, what: string) {
    if (res.statusCode !== status) throw new Error(`fuzz setup: ${what} answered ${res.statusCode} ${res.body}`);
    return res.json();
  }

  /** Files a report as a resident (JSON). */
  async file(): Promise<{ id: number; trackingCode: string; residentToken: string }> {
    const res = await this.t.app.inject({
      method: 'POST',
      url: '/api/reports',
      payload: { categoryCode: 'street_lighting', lat: 13.07, lng: 109.27, description: 'Đèn đường không sáng' },
    });
    return this.expect(res, 201, 'filing');
  }

  private readonly versions = new Map<number, number>();
  private readonly records = new Map<string, Promise<unknown>>();

  /** A report's current version: read once, then followed from the answers (see `observe`). */
  async version(id: number): Promise<number> {
    const known = this.versions.get(id);
    if (known !== undefined) return known;
    const version = this.expect(await this.as('admin', 'GET', `/api/reports/${id}`), 200, 'detail').version;
    this.versions.set(id, version);
    return version;
  }

  /** Follows report versions from a case's answer (a 409 means one moved some other way: read again). */
  observe(res: LightMyRequestResponse): void {
    if (res.statusCode === 409) this.versions.clear();
    if (res.statusCode >= 300 || !String(res.headers['content-type']).startsWith('application/json')) return;
    const body = res.json() as { id?: unknown; version?: unknown } | null;
    if (typeof body?.id === 'number' && typeof body.version === 'number') this.versions.set(body.id, body.version);
  }

  /** A record made once and reused by every case (one a PATCH changes but never consumes). */
  once<T>(name: string, make: () => Promise<T>): Promise<T> {
    if (!this.records.has(name)) this.records.set(name, make());
    return this.records.get(name) as Promise<T>;
  }

  /** A resolved report no case has rated or reopened yet (see `spent`). */
  private spare?: { id: number; trackingCode: string; residentToken: string };

  /** A case was answered with a 2xx: the resolved report it may have used is no longer resolved. */
  spent(): void {
    this.spare = undefined;
  }

  /** A report dispatched to the lighting company and resolved by it, with its resident token. */
  async resolved(): Promise<{ id: number; trackingCode: string; residentToken: string }> {
    if (this.spare) return this.spare;
    const r = await this.file();
    const unitId = this.t.ids.units.lighting;
    const d = await this.as('admin', 'POST', `/api/reports/${r.id}/transitions`, {
      action: 'dispatch',
      version: 0,
      unitId,
    });
    const dispatched = this.expect(d, 200, 'dispatch');
    const s = await this.as('staff', 'POST', `/api/reports/${r.id}/transitions`, {
      action: 'resolve',
      version: dispatched.version,
      note: 'Đã thay bóng đèn.',
    });
    this.expect(s, 200, 'resolve');
    this.spare = r;
    return r;
  }

  /** Creates a record through the admin API and returns its id. */
  async create(url: string, body: object): Promise<number> {
    return this.expect(await this.as('admin', 'POST', url, body), 201, `POST ${url}`).id;
  }

  /** A new routing rule (of a new category: a category and area have one rule at most). */
  async rule(): Promise<number> {
    // Three rules per new category: for any area, and for each ward.
    const n = this.rules++;
    if (n % 3 === 0) {
      this.ruleCategory = `fuzz-r-${this.next()}`;
      await this.as('admin', 'POST', '/api/admin/categories', categoryBody(this.ruleCategory));
    }
    const areaCode = [null, 'ward-west', 'ward-east'][n % 3];
    const body = { categoryCode: this.ruleCategory, areaCode, unitId: this.t.ids.units.roads };
    const res = await this.as('admin', 'POST', '/api/admin/rules', body);
    // A PATCH case may have moved an earlier rule onto this place: start a new category.
    if (res.statusCode === 409) {
      this.rules = 0;
      return this.rule();
    }
    return this.expect(res, 201, 'POST /api/admin/rules').id;
  }
  private rules = 0;
  private ruleCategory = '';

  /** Prepares the shared records: a report with a photo, an API key for Open311. */
  async prepare(): Promise<void> {
    const jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#8a6' } })
      .jpeg()
      .toBuffer();
    const form = multipart(
      { categoryCode: 'street_lighting', lat: '13.07', lng: '109.27', description: 'Đèn đường không sáng' },
      [{ field: 'photos', name: 'den.jpg', type: 'image/jpeg', bytes: jpeg }],
    );
    const res = await this.t.app.inject({ method: 'POST', url: '/api/reports', ...form });
    const r = this.expect(res, 201, 'filing with a photo');
    this.shared = { id: r.id, trackingCode: r.trackingCode, residentToken: r.residentToken, photoId: r.photos[0].id };
    this.apiKey = this.expect(
      await this.as('admin', 'POST', '/api/admin/api-keys', { name: 'fuzz client' }),
      201,
      'key',
    ).key;
  }
}

/** A name in both languages. */
export const name = (n: number) => ({ vi: `Tên ${n}`, en: `Name ${n}` });
/** A valid category (`POST /api/admin/categories`). */
export const categoryBody = (code: string) => ({
  code,
  name: name(1),
  group: 'fuzz',
  groupName: name(2),
  icon: 'x',
  defaultPriority: 'normal',
  deadline: { value: 2, unit: 'working_days' },
  deadlinesByPriority: { urgent: { value: 4, unit: 'hours' } },
  questions: [
    {
      code: 'pole',
      label: name(3),
      datatype: 'singlevaluelist',
      required: false,
      order: 1,
      values: [{ key: 'a', name: name(4) }],
    },
  ],
  duplicateRadiusM: 50,
});
