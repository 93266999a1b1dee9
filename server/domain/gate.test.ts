import { describe, expect, it } from 'vitest';
import { AppError } from './app-error';
import { Gate } from './gate';

/** A task that finishes when `finish()` is called. */
function pending() {
  let finish!: () => void;
  const done = new Promise<void>((r) => (finish = r));
  return { finish, task: () => done };
}

describe('Gate', () => {
  it('runs at most `concurrency` tasks, queues up to `maxWaiting` in order and refuses one more with 503', async () => {
    const gate = new Gate(2, 2, 'busy');
    const started: number[] = [];
    const tasks = Array.from({ length: 4 }, () => pending());
    const runs = tasks.map((p, i) =>
      gate.run(async () => {
        started.push(i);
        await p.task();
        return i;
      }),
    );
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    const refused = await gate.run(async () => 'never').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe('unavailable');

    tasks[1]!.finish();
    await runs[1];
    await Promise.resolve();
    expect(started).toEqual([0, 1, 2]);
    tasks[0]!.finish();
    tasks[2]!.finish();
    tasks[3]!.finish();
    expect(await Promise.all(runs)).toEqual([0, 1, 2, 3]);
    // Everything freed: a new task starts at once.
    expect(await gate.run(async () => 'again')).toBe('again');
  });

  it('frees the slot when a task fails', async () => {
    const gate = new Gate(1, 0, 'busy');
    await expect(gate.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await gate.run(async () => 'ok')).toBe('ok');
  });
});
