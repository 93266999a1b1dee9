import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { DEMO_PASSWORD } from './helpers';

/**
 * A Beacon server of the test's own (not the config's webServer), so a test can kill it hard and start
 * it again on the same port and data directory. Every child it starts is tracked, to be killed at the end.
 */
export class OwnServer {
  readonly url: string;
  private readonly children = new Set<ChildProcess>();
  private server: ChildProcess | null = null;

  constructor(
    readonly port: number,
    readonly dataDir: string,
  ) {
    this.url = `http://127.0.0.1:${port}`;
  }

  /** True when something answers `/api/health` on the port. */
  async healthy(): Promise<boolean> {
    try {
      const res = await fetch(`${this.url}/api/health`, { signal: AbortSignal.timeout(1000) });
      return res.ok;
    } catch {
      return false;
    }
  }

  /** Starts `node --import tsx server/main.ts` and waits until it answers (bounded). */
  async start(timeoutMs = 90_000): Promise<void> {
    if (await this.healthy()) throw new Error(`port ${this.port} is already taken by another server`);
    const child = this.track(
      spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
        env: {
          ...process.env,
          PORT: String(this.port),
          HOST: '127.0.0.1',
          DATA_DIR: this.dataDir,
          LOG_LEVEL: 'warn',
          // Many reports and sign-ins from one address within minutes: no rate limits.
          REPORT_RATE_LIMIT: '0',
          // Load shedding has its own test; a busy CI machine must not shed a browser test's requests.
          OVERLOAD_MAX_LAG_MS: '0',
          LOGIN_RATE_LIMIT: '0',
          TRACK_RATE_LIMIT: '0',
        },
        stdio: ['ignore', 'ignore', 'pipe'],
      }),
    );
    child.stderr?.on('data', (d: Buffer) => process.stderr.write(`[server ${this.port}] ${d.toString()}`));
    this.server = child;
    const until = Date.now() + timeoutMs;
    while (!(await this.healthy())) {
      if (child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode}`);
      if (Date.now() > until) throw new Error(`server not healthy within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  /** Kills the server with SIGKILL (no graceful close: sockets just drop) and waits until the port is free. */
  async kill(): Promise<void> {
    const child = this.server;
    this.server = null;
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = once(child, 'exit');
      child.kill('SIGKILL');
      await exited;
    }
    const until = Date.now() + 10_000;
    while ((await this.healthy()) && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
  }

  /** Runs a command as a child of this test (its own process group, so it can be stopped with its children). */
  run(command: string, args: string[]): ChildProcess {
    return this.track(spawn(command, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] }));
  }

  /** Kills every child still running (the server and any helper), whatever happened in the test. */
  killAll(): void {
    for (const child of this.children) {
      if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) continue;
      try {
        // Helpers run in their own group: kill the group (npm and the node it started).
        process.kill(child === this.server ? child.pid : -child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }
    this.children.clear();
  }

  /** Signs in through the API and returns the session cookie header. */
  async login(username = 'operator'): Promise<string> {
    const res = await fetch(`${this.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: DEMO_PASSWORD }),
    });
    if (!res.ok) throw new Error(`login failed: ${res.status}`);
    return (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  }

  /** Files one report through the API, as a resident would (JSON, with an Idempotency-Key). */
  async file(body: Record<string, unknown>): Promise<{ id: number; trackingCode: string; filedAt: number }> {
    const res = await fetch(`${this.url}/api/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
      body: JSON.stringify(body),
    });
    const filedAt = Date.now();
    if (res.status !== 201) throw new Error(`filing failed: ${res.status} ${await res.text()}`);
    const json = (await res.json()) as { id: number; trackingCode: string };
    return { ...json, filedAt };
  }

  private track(child: ChildProcess): ChildProcess {
    this.children.add(child);
    child.on('exit', () => this.children.delete(child));
    return child;
  }
}
