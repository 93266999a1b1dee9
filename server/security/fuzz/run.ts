import { Rng } from '../../../scripts/seed/random';
import { API_ROUTES } from '../../../shared/api/routes';
import { OPEN311_RESPONSES } from '../../modules/open311/open311.responses';
import { baselineOf } from './baselines';
import type { FuzzContext } from './context';
import { buildCase } from './cases';
import { problemsOf } from './check';
import type { Operation } from './operations';

/** Cases per operation. */
export const CASES_PER_OPERATION = 300;

/** What fuzzing one operation found. */
export interface OperationResult {
  key: string;
  cases: number;
  statuses: Record<number, number>;
  failures: string[];
  /** Wall-clock milliseconds, for the summary only. */
  ms: number;
}

/** A seed per operation, so one operation's cases do not depend on which ran before it. */
export function seedOf(seed: number, key: string): number {
  let h = seed >>> 0;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/**
 * Sends `cases` requests to one operation: each a fresh valid baseline with one or two hostile
 * mutations, as a role that may call it (a refused call would test nothing), and checks every answer.
 */
export async function fuzzOperation(
  ctx: FuzzContext,
  op: Operation,
  seed: number,
  serverErrors: string[] = [],
  cases = CASES_PER_OPERATION,
): Promise<OperationResult> {
  const rng = new Rng(seedOf(seed, op.key));
  const schema = API_ROUTES[op.key]?.response ?? OPEN311_RESPONSES[op.key];
  const started = performance.now();
  const result: OperationResult = { key: op.key, cases, statuses: {}, failures: [], ms: 0 };
  const roles = op.roles === 'public' ? [] : op.roles.filter((r) => ctx.cookies[r]);
  for (let i = 0; i < cases; i++) {
    const base = await baselineOf(op, ctx, rng);
    const req = buildCase(op, base, rng);
    const role = roles.length ? rng.pick(roles) : op.roles === 'public' && rng.chance(0.15) ? 'operator' : null;
    const cookie = role && ctx.cookies[role] ? { cookie: ctx.cookies[role] } : {};
    const res = await ctx.t.app.inject({
      method: req.method as 'GET',
      url: req.url,
      headers: { ...cookie, ...req.headers },
      payload: req.payload,
    });
    result.statuses[res.statusCode] = (result.statuses[res.statusCode] ?? 0) + 1;
    if (res.statusCode < 300) ctx.spent();
    ctx.observe(res);
    const logged = serverErrors.splice(0);
    for (const problem of problemsOf(op, req, res, schema)) {
      const body = req.payload === undefined ? '' : String(req.payload).slice(0, 300);
      result.failures.push(
        `${op.key} case ${i} (${req.mutation}) as ${role ?? 'anonymous'}: ${problem}\n    ${req.method} ${req.url.slice(0, 300)}` +
          (body ? `\n    body: ${JSON.stringify(body)}` : '') +
          (logged.length ? `\n    server log: ${logged.join(' || ').slice(0, 600)}` : ''),
      );
    }
    // A case may end the session it ran with (a password change of its own account): sign in again.
    if (res.statusCode === 401 && role && !req.headers.cookie) await ctx.refresh(role);
  }
  result.ms = Math.round(performance.now() - started);
  return result;
}
