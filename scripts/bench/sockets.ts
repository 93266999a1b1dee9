/**
 * A crowd of socket.io clients in one process, as light as they can be: raw WebSockets (`ws`) speaking
 * engine.io v4 / socket.io v5 themselves (`0{…}` open, `40` connect, `2`/`3` ping/pong, `42[…]` events,
 * `420[…]`/`430[…]` an emit and its ack), since a thousand socket.io-client instances are heavy.
 *
 * - Dashboards: staff sockets, authenticated by a session cookie in the handshake headers (the way a
 *   browser's are), receiving `report:batch` frames and counting their `created` events. Each frame
 *   is stamped (epoch ms, comparable with the load generator's clock) before anything else is done
 *   with it, and only the events' kinds and tracking codes are read.
 * - Trackers: anonymous sockets that `track:subscribe` to a tracking code and then sit idle.
 *
 * Messages from the parent: `start` (config) -> `ready`; `counts`; `record` (keep every receipt time);
 * `latencies` (ack times by tracking code -> every receipt minus its ack); `wait` (a tracking code ->
 * how many dashboards here got it, and when the last one did); `close`.
 */
import WebSocket from 'ws';
import { epochMs, reply, serveParent } from './support';

/** What the crowd is. */
export interface CrowdConfig {
  /** ws://host:port */
  wsBase: string;
  cookies: string[];
  dashboards: number;
  trackers: number;
  /** Tracking codes the trackers follow, round robin. */
  codes: string[];
  /** Sockets being opened at once. */
  concurrency: number;
  /** Most time to open them all. */
  connectTimeoutMs: number;
  /** Count only the reports whose event carries this text (e.g. a load run's tag), if given. */
  match?: string;
}

/** Receipts of one report by this process's dashboards. */
interface Receipts {
  count: number;
  last: number;
  times?: number[];
}

const receipts = new Map<string, Receipts>();
const perDashboard: number[] = [];
const sockets: WebSocket[] = [];
let recording = false;
let unexpectedCloses = 0;
let dashboardsUp = 0;
let trackersUp = 0;
const failures: string[] = [];
let closing = false;
/** A `wait` asked for a code not yet received everywhere here. */
let waiting: { code: string; expected: number; settle(): void } | null = null;

const MARK = '"trackingCode":"';
/** Each event of a `report:batch` frame starts so (the server builds it `{ kind, eventId, report }`). */
const ITEM = '{"kind":"';
let match: string | undefined;

/** Counts every `created` event of a staff frame, read by string search rather than parsed. */
function onBatch(text: string, dashboard: number, at: number): void {
  let start = text.indexOf(ITEM);
  while (start >= 0) {
    const next = text.indexOf(ITEM, start + ITEM.length);
    if (text.startsWith('created"', start + ITEM.length))
      onCreated(text.slice(start, next < 0 ? undefined : next), dashboard, at);
    start = next;
  }
}

function onCreated(text: string, dashboard: number, at: number): void {
  const i = text.indexOf(MARK);
  if (i < 0 || (match !== undefined && !text.includes(match))) return;
  const code = text.slice(i + MARK.length, text.indexOf('"', i + MARK.length));
  perDashboard[dashboard]!++;
  let r = receipts.get(code);
  if (!r) receipts.set(code, (r = { count: 0, last: 0 }));
  r.count++;
  r.last = at;
  if (recording) (r.times ??= []).push(at);
  if (waiting && waiting.code === code && r.count >= waiting.expected) waiting.settle();
}

/**
 * Opens one socket: resolves once socket.io has accepted it (and, for a tracker, once its subscription
 * is acknowledged).
 */
function open(config: CrowdConfig, kind: 'dashboard' | 'tracker', index: number): Promise<void> {
  const url = `${config.wsBase}/socket.io/?EIO=4&transport=websocket`;
  const cookie = kind === 'dashboard' ? config.cookies[index % config.cookies.length] : undefined;
  const ws = new WebSocket(url, { perMessageDeflate: false, headers: cookie ? { cookie } : {} });
  sockets.push(ws);
  if (kind === 'dashboard') perDashboard[index] = 0;
  return new Promise<void>((resolve, reject) => {
    let up = false;
    const timer = setTimeout(() => fail('no socket.io connect within 30 s'), 30_000);
    const fail = (why: string) => {
      clearTimeout(timer);
      if (!up) reject(new Error(`${kind} ${index}: ${why}`));
      ws.terminate();
    };
    const ready = () => {
      up = true;
      clearTimeout(timer);
      resolve();
    };
    ws.on('message', (data: Buffer) => {
      const at = epochMs();
      const text = data.toString();
      if (text === '2') ws.send('3');
      else if (text.startsWith('42["report:batch"')) {
        if (kind === 'dashboard') onBatch(text, index, at);
      } else if (text.startsWith('0{')) ws.send('40');
      else if (text.startsWith('40')) {
        if (kind === 'dashboard') ready();
        else
          ws.send(
            `420${JSON.stringify(['track:subscribe', { trackingCode: config.codes[index % config.codes.length] }])}`,
          );
      } else if (text.startsWith('430')) {
        if (text.startsWith('430[{"ok":true')) ready();
        else fail(`subscription refused: ${text.slice(0, 200)}`);
      } else if (text.startsWith('44')) fail(`connect refused: ${text.slice(0, 200)}`);
    });
    ws.on('error', (err) => fail(err.message));
    ws.on('close', () => {
      if (up && !closing) unexpectedCloses++;
      if (!up) fail('closed before connecting');
    });
  });
}

/** Opens `count` sockets of `kind`, `concurrency` at a time; failures are counted, not thrown. */
async function openAll(config: CrowdConfig, kind: 'dashboard' | 'tracker', count: number): Promise<number> {
  let next = 0;
  let up = 0;
  const deadline = Date.now() + config.connectTimeoutMs;
  await Promise.all(
    Array.from({ length: Math.min(config.concurrency, count) }, async () => {
      while (next < count && Date.now() < deadline) {
        const i = next++;
        try {
          await open(config, kind, i);
          up++;
        } catch (err) {
          if (failures.length < 5) failures.push((err as Error).message);
        }
      }
    }),
  );
  return up;
}

serveParent(async (m) => {
  switch (m.type) {
    case 'start': {
      const config = m as unknown as CrowdConfig;
      match = config.match;
      dashboardsUp = await openAll(config, 'dashboard', config.dashboards);
      trackersUp = await openAll(config, 'tracker', config.trackers);
      reply({ type: 'ready', dashboards: dashboardsUp, trackers: trackersUp, failures });
      return;
    }
    case 'counts':
      reply({
        type: 'counts',
        dashboards: dashboardsUp,
        trackers: trackersUp,
        received: perDashboard.reduce((a, b) => a + b, 0),
        minPerDashboard: perDashboard.length ? Math.min(...perDashboard) : 0,
        unexpectedCloses,
      });
      return;
    case 'record':
      recording = Boolean(m.on);
      receipts.clear();
      return;
    case 'latencies': {
      // Every (report, dashboard) receipt minus the report's acknowledgement.
      const acks = m.acks as [string, number][];
      const values: number[] = [];
      for (const [code, ack] of acks) for (const t of receipts.get(code)?.times ?? []) values.push(t - ack);
      reply({ type: 'latencies', values, expected: acks.length * dashboardsUp });
      return;
    }
    case 'wait': {
      const code = m.code as string;
      const expected = dashboardsUp;
      const answer = () => {
        const r = receipts.get(code);
        reply({ type: 'wait', code, count: r?.count ?? 0, last: r?.last ?? 0, expected });
      };
      if ((receipts.get(code)?.count ?? 0) >= expected) return answer();
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Number(m.timeoutMs));
        waiting = {
          code,
          expected,
          settle: () => {
            clearTimeout(timer);
            resolve();
          },
        };
      });
      waiting = null;
      answer();
      return;
    }
    case 'close':
      closing = true;
      for (const ws of sockets) ws.terminate();
      reply({ type: 'closed' });
      setTimeout(() => process.exit(0), 50);
      return;
  }
});
