import type { Rng } from '../../../scripts/seed/random';
import { PRIORITIES } from '../../../shared/domain/channels';
import { collection, feature, polygon, rect } from '../../test/geojson';
import { categoryBody, name, type Baseline, type FuzzContext } from './context';
import type { Operation, Schema } from './operations';

const PERIOD = { from: '2026-11-01T00:00:00+07:00', to: '2026-11-30T00:00:00Z' };
const BOX = '109.2,13.0,109.4,13.2';
const areaFile = (code: string) =>
  collection([feature({ code, name: `Phường ${code}` }, polygon(rect(109.4, 13.2, 109.45, 13.25)))]);

type Make = (ctx: FuzzContext, rng: Rng) => Promise<Baseline> | Baseline;

/**
 * A valid request per operation, made fresh for each case where the operation changes what it acts on
 * (a transition gets a new report, a rating a newly resolved one, a delete a new record), so later
 * cases still reach the code behind validation.
 */
export const BASELINES: Record<string, Make> = {
  // Every well-formed sign-in costs an argon2 verification (~0.3 s): most baselines miss the password,
  // so mutations of the other fields are judged by validation alone, and a tenth reach the hash.
  'POST /api/auth/login': (_ctx, rng) => ({
    path: {},
    query: {},
    body: {
      username: rng.pick(['leader', 'nobody', 'operator']),
      // Right often enough that some cases reach a session whatever the seed; wrong or empty otherwise.
      password: rng.chance(0.5) ? 'test-password-1' : rng.pick(['wrong-password', '']),
    },
  }),
  'POST /api/reports': (ctx, rng) => ({
    path: {},
    query: {},
    body: {
      categoryCode: rng.pick(['street_lighting', 'potholes']),
      lat: 13.07,
      lng: rng.pick([109.27, 109.32]),
      description: 'Ổ gà lớn giữa đường',
      address: '12 Lê Lợi',
      contact: { name: 'Nguyễn Văn A', phone: '+84 905 123 456', email: 'a@example.com' },
      channel: 'web',
    },
    headers: rng.chance(0.3) ? { 'idempotency-key': `fuzz-${ctx.next()}` } : ({} as Record<string, string>),
  }),
  'GET /api/reports/nearby': () => ({
    path: {},
    query: { categoryCode: 'street_lighting', lat: '13.07', lng: '109.27' },
    body: undefined,
  }),
  'GET /api/track/:code': (ctx) => ({ path: { code: ctx.shared.trackingCode }, query: {} }),
  'POST /api/track/:code/follow': (ctx) => ({ path: { code: ctx.shared.trackingCode }, query: {} }),
  'POST /api/track/:code/comments': (ctx) => ({
    path: { code: ctx.shared.trackingCode },
    query: {},
    body: { text: 'Vẫn chưa sửa, tối qua vẫn tối.' },
    headers: { 'x-resident-token': ctx.shared.residentToken },
  }),
  'POST /api/track/:code/rating': async (ctx, rng) => {
    const r = await ctx.resolved();
    return {
      path: { code: r.trackingCode },
      query: {},
      body: { score: rng.int(1, 5), comment: 'Cảm ơn' },
      headers: { 'x-resident-token': r.residentToken },
    };
  },
  'POST /api/track/:code/actions': async (ctx, rng) => {
    const r = await ctx.resolved();
    return {
      path: { code: r.trackingCode },
      query: {},
      body: { action: rng.pick(['close', 'reopen']), reason: 'Đèn vẫn tắt' },
      headers: { 'x-resident-token': r.residentToken },
    };
  },
  'GET /api/map': (_ctx, rng) => ({
    path: {},
    query: { bbox: BOX, zoom: String(rng.int(0, 22)), status: rng.pick(['open', 'resolved', 'all']) },
  }),
  'GET /api/photos/:id': (ctx) => ({ path: { id: ctx.shared.photoId }, query: {} }),
  'GET /api/photos/:id/thumb': (ctx) => ({ path: { id: ctx.shared.photoId }, query: {} }),
  'GET /api/reports': () => ({
    path: {},
    query: { status: 'received,assigned', categoryCode: 'street_lighting', limit: '50' },
  }),
  'GET /api/reports/:id': (ctx) => ({ path: { id: String(ctx.shared.id) }, query: {} }),
  'POST /api/reports/:id/transitions': async (ctx) => {
    const r = await ctx.file();
    return {
      path: { id: String(r.id) },
      query: {},
      body: { action: 'dispatch', version: 0, unitId: ctx.t.ids.units.lighting, note: 'Giao xử lý' },
    };
  },
  'POST /api/reports/:id/location': async (ctx) => ({
    path: { id: String(ctx.shared.id) },
    query: {},
    body: { lat: 13.071, lng: 109.271, version: await ctx.version(ctx.shared.id) },
  }),
  'POST /api/reports/:id/priority': async (ctx, rng) => ({
    path: { id: String(ctx.shared.id) },
    query: {},
    body: { priority: rng.pick(PRIORITIES), version: await ctx.version(ctx.shared.id) },
  }),
  'POST /api/reports/:id/notes': async (ctx) => ({
    path: { id: String(ctx.shared.id) },
    query: {},
    body: { text: 'Ghi chú nội bộ', version: await ctx.version(ctx.shared.id) },
  }),
  'POST /api/reports/:id/correction': async (ctx, rng) => ({
    path: { id: String(ctx.shared.id) },
    query: {},
    body: { categoryCode: rng.pick(['potholes', 'street_lighting']), version: await ctx.version(ctx.shared.id) },
  }),
  'GET /api/templates': () => ({ path: {}, query: { categoryCode: 'street_lighting', action: 'resolve' } }),
  'GET /api/ioc/map': (_ctx, rng) => ({ path: {}, query: { bbox: BOX, zoom: String(rng.int(0, 22)) } }),
  'GET /api/stats/summary': () => ({ path: {}, query: PERIOD }),
  'GET /api/stats/overview': (_ctx, rng) => ({
    path: {},
    query: { ...PERIOD, bucket: rng.pick(['day', 'week', 'month']), minSample: '1', categoryCode: 'street_lighting' },
  }),
  'GET /api/stats/reports': (_ctx, rng) => ({
    path: {},
    query: { ...PERIOD, figure: rng.pick(['received', 'backlog', 'resolved']), bbox: BOX, page: '1', pageSize: '20' },
  }),
  'GET /api/stats/heatmap': () => ({ path: {}, query: { ...PERIOD, channel: 'web' } }),
  'GET /api/stats/export.csv': () => ({ path: {}, query: { ...PERIOD, areaCode: 'ward-west' } }),
  'PUT /api/admin/calendar': () => ({
    path: {},
    query: {},
    body: { workingWeekdays: [1, 2, 3, 4, 5], holidays: ['2026-12-25'], dayStartMinutes: 450 },
  }),
  'POST /api/admin/areas/preview': (ctx) => ({
    path: {},
    query: { codeProperty: 'code', nameProperty: 'name' },
    body: areaFile(`fuzz-${ctx.next()}`),
  }),
  'POST /api/admin/areas/import': (ctx) => ({
    path: {},
    query: { codeProperty: 'code', nameProperty: 'name', note: 'Fuzz' },
    body: areaFile(`fuzz-${ctx.next()}`),
  }),
  'POST /api/admin/units': (ctx) => ({
    path: {},
    query: {},
    body: { code: `fuzz-unit-${ctx.next()}`, name: name(ctx.next()), kind: 'department', areaCode: null },
  }),
  'PATCH /api/admin/units/:id': async (ctx) => ({
    path: {
      id: String(
        await ctx.once('unit', () =>
          ctx.create('/api/admin/units', { code: `fuzz-u-${ctx.next()}`, name: name(0), kind: 'company' }),
        ),
      ),
    },
    query: {},
    body: { name: name(ctx.next()), active: true },
  }),
  'POST /api/admin/categories': (ctx) => ({ path: {}, query: {}, body: categoryBody(`fuzz-cat-${ctx.next()}`) }),
  'PATCH /api/admin/categories/:code': async (ctx) => {
    const code = await ctx.once('category', async () => {
      const made = `fuzz-c-${ctx.next()}`;
      await ctx.as('admin', 'POST', '/api/admin/categories', categoryBody(made));
      return made;
    });
    return { path: { code }, query: {}, body: { icon: 'y', duplicateDays: 3 } };
  },
  'POST /api/admin/rules': async (ctx) => {
    // A category and area have one rule at most: each case routes a category of its own.
    const categoryCode = `fuzz-rc-${ctx.next()}`;
    await ctx.as('admin', 'POST', '/api/admin/categories', categoryBody(categoryCode));
    return { path: {}, query: {}, body: { categoryCode, areaCode: 'ward-east', unitId: ctx.t.ids.units.roads } };
  },
  'PATCH /api/admin/rules/:id': async (ctx) => ({
    path: { id: String(await ctx.once('rule', () => ctx.rule())) },
    query: {},
    body: { unitId: ctx.t.ids.units.lighting },
  }),
  'DELETE /api/admin/rules/:id': async (ctx) => ({ path: { id: String(await ctx.rule()) }, query: {} }),
  'POST /api/admin/rules/test': (_ctx, rng) => ({
    path: {},
    query: {},
    body: { lat: 13.07, lng: rng.pick([109.27, 109.32, 100]), categoryCode: 'potholes' },
  }),
  'POST /api/admin/templates': () => ({ path: {}, query: {}, body: templateBody() }),
  'PATCH /api/admin/templates/:id': async (ctx) => ({
    path: { id: String(await ctx.once('template', () => ctx.create('/api/admin/templates', templateBody()))) },
    query: {},
    body: { sortOrder: 3 },
  }),
  'DELETE /api/admin/templates/:id': async (ctx) => ({
    path: { id: String(await ctx.create('/api/admin/templates', templateBody())) },
    query: {},
  }),
  'POST /api/admin/users': (ctx, rng) => ({
    path: {},
    query: {},
    body: {
      username: `fuzz.user${ctx.next()}`,
      displayName: 'Người thử',
      role: 'staff',
      unitId: ctx.t.ids.units.lighting,
      // Creating an account hashes its password (~0.3 s): a tenth of the baselines have a valid one.
      password: rng.chance(0.1) ? 'a-long-password-123' : 'too-short',
    },
  }),
  'PATCH /api/admin/users/:id': (ctx) => ({
    // The roads account: never a session the fuzzer uses, so a case cutting its sessions harms nothing.
    path: { id: String(ctx.t.ids.users.roads) },
    query: {},
    body: { displayName: `Tổ đường ${ctx.next()}` },
  }),
  'POST /api/admin/api-keys': (ctx) => ({ path: {}, query: {}, body: { name: `fuzz key ${ctx.next()}` } }),
  'DELETE /api/admin/api-keys/:id': async (ctx) => ({
    path: { id: String(await ctx.create('/api/admin/api-keys', { name: `fuzz del ${ctx.next()}` })) },
    query: {},
  }),
  'GET /api/admin/audit': () => ({ path: {}, query: { entity: 'unit', limit: '20' } }),
  'POST /api/admin/config': async (ctx, rng) => {
    const file = (await ctx.as('admin', 'GET', '/api/admin/config')).json();
    // Without `areas` the boundaries stay as they are: most imports leave them out (they are the bulk).
    if (rng.chance(0.8)) delete file.areas;
    return { path: {}, query: {}, body: file };
  },

  'GET /open311/v2/discovery.:format': (_ctx, rng) => ({ path: { format: rng.pick(['json', 'xml']) }, query: {} }),
  'GET /open311/v2/services.:format': (_ctx, rng) => ({ path: { format: rng.pick(['json', 'xml']) }, query: {} }),
  'GET /open311/v2/services/:service_code.:format': (_ctx, rng) => ({
    path: { service_code: 'street_lighting', format: rng.pick(['json', 'xml']) },
    query: {},
  }),
  'GET /open311/v2/requests.:format': (_ctx, rng) => ({
    path: { format: rng.pick(['json', 'xml']) },
    query: {
      service_code: 'street_lighting,potholes',
      status: 'open',
      start_date: '2026-11-01T00:00:00+07:00',
      lat: '13.07',
      long: '109.27',
      radius: '2000',
      page: '1',
      page_size: '20',
      extensions: rng.pick(['true', 'false']),
    },
  }),
  'POST /open311/v2/requests.:format': (ctx, rng) => ({
    path: { format: rng.pick(['json', 'xml']) },
    query: {},
    body: {
      api_key: ctx.apiKey,
      service_code: 'street_lighting',
      lat: '13.07',
      long: '109.27',
      description: 'Đèn đường không sáng',
      email: 'a@example.com',
      first_name: 'An',
    },
  }),
  'GET /open311/v2/requests/:service_request_id.:format': (ctx, rng) => ({
    path: { service_request_id: ctx.shared.trackingCode, format: rng.pick(['json', 'xml']) },
    query: {},
  }),
  'GET /open311/v2/tokens/:token.:format': (_ctx, rng) => ({
    path: { token: 'abc123', format: rng.pick(['json', 'xml']) },
    query: {},
  }),
};

function templateBody() {
  return {
    categoryCode: null,
    action: 'resolve',
    title: { vi: 'Đã xử lý', en: 'Done' },
    text: { vi: 'Đã thay bóng đèn.', en: 'The lamp was replaced.' },
    sortOrder: 1,
  };
}

/** A valid-looking value of a JSON Schema, for operations without a written baseline (new routes). */
export function sample(schema: Schema, rng: Rng, depth = 0): unknown {
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum)) return rng.pick(schema.enum as unknown[]);
  const options = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (options?.length) return sample(rng.pick(options), rng, depth);
  const type = Array.isArray(schema.type) ? (schema.type as string[])[0] : (schema.type as string | undefined);
  switch (type) {
    case 'object': {
      const props = (schema.properties ?? {}) as Record<string, Schema>;
      const required = new Set((schema.required ?? []) as string[]);
      const out: Record<string, unknown> = {};
      for (const [k, s] of Object.entries(props)) if (required.has(k) || depth < 2) out[k] = sample(s, rng, depth + 1);
      return out;
    }
    case 'array': {
      const min = (schema.minItems as number | undefined) ?? 0;
      return Array.from({ length: Math.max(min, 1) }, () => sample((schema.items ?? {}) as Schema, rng, depth + 1));
    }
    case 'integer':
      return Math.max((schema.minimum as number | undefined) ?? 1, 1);
    case 'number':
      return (schema.minimum as number | undefined) ?? 1;
    case 'boolean':
      return true;
    case 'null':
      return null;
    default: {
      if (schema.format === 'date-time') return '2026-11-20T08:00:00Z';
      const min = (schema.minLength as number | undefined) ?? 1;
      return 'x'.repeat(Math.max(min, 3));
    }
  }
}

/** The baseline of an operation: the written one, or one sampled from the document's schemas. */
export async function baselineOf(op: Operation, ctx: FuzzContext, rng: Rng): Promise<Baseline> {
  const make = BASELINES[op.key];
  if (make) return make(ctx, rng);
  const path = Object.fromEntries(
    op.pathParams.map((p) => [p.name, p.schema.type === 'integer' ? '1' : String(sample(p.schema, rng))]),
  );
  const query = Object.fromEntries(
    op.queryParams.filter((p) => p.required).map((p) => [p.name, String(sample(p.schema, rng))]),
  );
  const json = op.bodies['application/json'];
  return { path, query, body: json ? sample(json, rng) : undefined };
}
