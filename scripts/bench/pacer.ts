/**
 * Open-loop load generator process: files reports at a fixed `rate` per second for `durationMs`, each
 * sent at its scheduled instant whatever the earlier ones are doing (so a slow server shows as
 * latency, not as a lower offered rate), each a different valid report with its own Idempotency-Key,
 * over keep-alive connections. A request's time runs from its scheduled instant to the end of its
 * answer. Answers one `{ type: 'result' }` per `run`: the times, statuses, the achieved rate of 201s,
 * and each created report's tracking code with the epoch time its 201 arrived. Successive runs share
 * the process and its connections, so a warm-up run also warms the load generator.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { reportBody, rng, sleep, type Sample } from '../../server/durability/support';
import { epochMs, reply, serveParent } from './support';

/** The load to run. */
export interface PacerConfig {
  base: string;
  rate: number;
  durationMs: number;
  samples: Sample[];
  seed?: number;
  /** Most connections open at once. */
  maxSockets: number;
}

let agent: http.Agent | undefined;

serveParent(async (m) => {
  if (m.type !== 'run') return;
  const config = m as unknown as PacerConfig;
  const url = new URL('/api/reports', config.base);
  agent ??= new http.Agent({ keepAlive: true, maxSockets: config.maxSockets });
  const random = rng(config.seed ?? 7);
  const latencies: number[] = [];
  const acks: [string, number][] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  let lagMax = 0;
  let lastAnswer = 0;
  const pending = new Set<Promise<void>>();

  const send = (due: number) => {
    const key = randomUUID();
    const body = JSON.stringify(reportBody(config.samples, random, key));
    const done = new Promise<void>((resolve) => {
      const req = http.request(
        url,
        {
          method: 'POST',
          agent,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            'idempotency-key': key,
          },
          timeout: 30_000,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const at = epochMs();
            lastAnswer = at;
            latencies.push(performance.timeOrigin + due > at ? 0 : at - (performance.timeOrigin + due));
            const status = String(res.statusCode);
            statuses[status] = (statuses[status] ?? 0) + 1;
            if (res.statusCode === 201) {
              const { trackingCode } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { trackingCode: string };
              acks.push([trackingCode, at]);
            }
            resolve();
          });
          res.on('error', () => {
            errors++;
            resolve();
          });
        },
      );
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', () => {
        errors++;
        resolve();
      });
      req.end(body);
    });
    pending.add(done);
    void done.then(() => pending.delete(done));
  };

  const gap = 1000 / config.rate;
  const start = performance.now();
  let sent = 0;
  for (;;) {
    const now = performance.now();
    if (now - start >= config.durationMs) break;
    // Everything due by now goes out now (timers fire late; the schedule does not slip).
    for (; start + sent * gap <= now; sent++) {
      lagMax = Math.max(lagMax, now - (start + sent * gap));
      send(start + sent * gap);
    }
    await sleep(1);
  }
  const sentMs = performance.now() - start;
  // Bounded: whatever is still unanswered after 30 s counts as an error.
  await Promise.race([Promise.all(pending), sleep(30_000)]);
  errors += pending.size;
  const created = acks.length;
  const spanMs = Math.max(sentMs, lastAnswer - (performance.timeOrigin + start));
  reply({
    type: 'result',
    sent,
    offeredRate: sent / (sentMs / 1000),
    achievedRate: created / (spanMs / 1000),
    latencies,
    statuses,
    errors,
    acks,
    scheduleLagMaxMs: lagMax,
  });
});
