/**
 * The statistics worker thread: the leaders' reads (`StatsReads`) on its own read-only connection, so
 * a long query never holds the event loop that takes residents' reports (WAL lets this reader and the
 * server's writer proceed together). Messages in: `{ id, name, args }`; out: `{ id, ok, result | error }`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../db/client';
import { AppError } from '../domain/app-error';
import { createStatsReads, type StatsReadName } from '../modules/stats/stats.reads';
import type { WorkerReply, WorkerRequest } from './stats-worker';

const { dbPath } = workerData as { dbPath: string };
const db = openDatabase(dbPath, { readonly: true });
const reads = createStatsReads(db);
const port = parentPort!;

port.on('message', ({ id, name, args }: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    const fn = reads[name as StatsReadName] as ((...a: unknown[]) => unknown) | undefined;
    if (typeof fn !== 'function') throw new Error(`no statistics read named ${name}`);
    reply = { id, ok: true, result: fn(...args) };
  } catch (e) {
    reply =
      e instanceof AppError
        ? { id, ok: false, error: { app: true, code: e.code, detail: e.detail, fieldErrors: e.fieldErrors } }
        : { id, ok: false, error: { app: false, message: e instanceof Error ? (e.stack ?? e.message) : String(e) } };
  }
  port.postMessage(reply);
});
port.on('close', () => db.$client.close());
