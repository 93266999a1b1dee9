import { Worker } from 'node:worker_threads';
import type { ErrorCode, FieldError } from '../../shared/domain/errors';
import { AppError } from '../domain/app-error';
import type { AsyncStatsReads } from '../modules/stats/stats.reads';

/** A call to the statistics worker. */
export interface WorkerRequest {
  id: number;
  name: string;
  args: unknown[];
}

/** The worker's answer: the read's result, or the error it threw (an `AppError` keeps its code). */
export type WorkerReply =
  | { id: number; ok: true; result: unknown }
  | {
      id: number;
      ok: false;
      error:
        { app: true; code: ErrorCode; detail?: string; fieldErrors?: FieldError[] } | { app: false; message: string };
    };

const WORKER_URL = new URL('./stats.worker.ts', import.meta.url);

/**
 * The leaders' reads answered by a worker thread on its own read-only connection to `dbPath`. Calls
 * queue in the worker (one at a time, in order); the server thread only posts and awaits. A worker
 * that dies fails the calls in flight with a 500 and is started again on the next call.
 */
export class StatsWorker {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private closed = false;
  /** The reads, typed; each call goes to the worker. */
  readonly reads: AsyncStatsReads;

  constructor(private readonly dbPath: string) {
    this.reads = new Proxy({} as AsyncStatsReads, {
      get: (_, name) => (typeof name === 'string' ? (...args: unknown[]) => this.call(name, args) : undefined),
    });
  }

  /** Starts the worker now and has it load the statistics model, so the first leader does not wait. */
  warm(): Promise<unknown> {
    return this.call('warm', []);
  }

  /** Runs one read in the worker. */
  call(name: string, args: unknown[]): Promise<unknown> {
    if (this.closed) return Promise.reject(new Error('the statistics worker is closed'));
    const worker = this.worker ?? this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, name, args } satisfies WorkerRequest);
    });
  }

  /** Stops the worker; calls in flight fail. */
  async close(): Promise<void> {
    this.closed = true;
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await worker.terminate();
    this.failAll(new Error('the statistics worker was closed'));
  }

  private start(): Worker {
    // The server runs TypeScript through tsx, whose loader does not reach a worker's entry module:
    // a two-line bootstrap registers it in the thread, then imports the worker.
    const bootstrap = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER_URL.href)}); })`;
    const worker = new Worker(bootstrap, { eval: true, workerData: { dbPath: this.dbPath } });
    worker.on('message', (reply: WorkerReply) => {
      const call = this.pending.get(reply.id);
      if (!call) return;
      this.pending.delete(reply.id);
      if (reply.ok) call.resolve(reply.result);
      else if (reply.error.app)
        call.reject(new AppError(reply.error.code, reply.error.detail, reply.error.fieldErrors));
      else call.reject(new Error(`statistics worker: ${reply.error.message}`));
    });
    const lost = (why: string) => {
      if (this.worker === worker) this.worker = undefined;
      this.failAll(new Error(`the statistics worker stopped: ${why}`));
    };
    worker.on('error', (e) => lost(e.message));
    worker.on('exit', (code) => lost(`exit code ${code}`));
    this.worker = worker;
    return worker;
  }

  private failAll(error: Error): void {
    for (const call of this.pending.values()) call.reject(error);
    this.pending.clear();
  }
}
