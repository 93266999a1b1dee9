/**
 * Load generator process (autocannon 8, closed loop): `connections` connections for `durationS`
 * seconds against `url`, either a plain GET (`kind: 'hello'`, the baseline) or POST /api/reports with
 * a different valid report and Idempotency-Key on every request (`kind: 'report'`). Answers one
 * `{ type: 'result' }` message. Runs apart from the server, so the two never share an event loop.
 */
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { reportBody, rng, type Sample } from '../../server/durability/support';
import { reply, serveParent } from './support';

/** What this script reads of autocannon's result. */
interface CannonResult {
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  '2xx': number;
  requests: { total: number; average: number };
  latency: { p50: number; p99: number; max: number };
  statusCodeStats: Record<string, { count: number }>;
}

interface CannonRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  setupRequest?: (req: CannonRequest) => CannonRequest;
}

type Autocannon = (
  opts: {
    url: string;
    connections: number;
    duration: number;
    timeout?: number;
    requests?: CannonRequest[];
  },
  done: (err: Error | null, result: CannonResult) => void,
) => unknown;

/** The load to run. */
export interface CannonConfig {
  url: string;
  connections: number;
  durationS: number;
  kind: 'hello' | 'report';
  samples?: Sample[];
  seed?: number;
  /** Put in every report's description (`[tag-key]`), so the reports of one run can be told apart. */
  tag?: string;
}

const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

serveParent(async (m) => {
  if (m.type !== 'run') return;
  const config = m as unknown as CannonConfig;
  const random = rng(config.seed ?? 1);
  const requests: CannonRequest[] =
    config.kind === 'hello'
      ? [{ method: 'GET', path: '/' }]
      : [
          {
            method: 'POST',
            path: '/api/reports',
            headers: { 'content-type': 'application/json' },
            setupRequest: (req) => {
              const key = randomUUID();
              return {
                ...req,
                headers: { ...req.headers, 'idempotency-key': key },
                body: JSON.stringify(reportBody(config.samples!, random, `${config.tag ?? 'load'}-${key}`)),
              };
            },
          },
        ];
  const result = await new Promise<CannonResult>((resolve, reject) =>
    autocannon(
      { url: config.url, connections: config.connections, duration: config.durationS, timeout: 30, requests },
      (err, res) => (err ? reject(err) : resolve(res)),
    ),
  );
  const statuses = Object.fromEntries(Object.entries(result.statusCodeStats).map(([k, v]) => [k, v.count]));
  reply({
    type: 'result',
    durationS: result.duration,
    ok: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    total: result.requests.total,
    latencyP50: result.latency.p50,
    latencyP99: result.latency.p99,
    latencyMax: result.latency.max,
    statuses,
  });
});
