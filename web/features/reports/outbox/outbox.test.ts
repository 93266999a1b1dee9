import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CreateReportResult } from '../../../../shared/schemas/reports';
import { emptyDraft } from '../draft';
import { backoffDelay, DEFAULT_BACKOFF } from './backoff';
import { createOutboxClient } from './client';
import { flushOutbox, wakeAll } from './flush';
import { claim, newOutboxItem, settle, type OutboxItem, type SendOutcome } from './machine';
import { memoryOutboxStore } from './store';

const T0 = Date.UTC(2025, 10, 26, 1, 0, 0);
const created: CreateReportResult = {
  id: 7,
  trackingCode: 'TH-2611-7KQ3MD',
  status: 'received',
  area: { code: 'tuy-hoa', name: 'Phường Tuy Hòa' },
  unit: null,
  dueAt: '2025-11-29T01:00:00Z',
  residentToken: 'rt-secret',
  photos: [],
};
const ok: SendOutcome = { ok: true, result: created };
const offline: SendOutcome = { ok: false, status: 0, code: 'network_error', errors: [] };
const unavailable: SendOutcome = { ok: false, status: 503, code: 'internal', errors: [] };
const invalid: SendOutcome = {
  ok: false,
  status: 422,
  code: 'validation_failed',
  errors: [{ path: 'description', message: 'must be at least 10 characters' }],
};

function item(id = 'key-1', at = T0): OutboxItem {
  const draft = { ...emptyDraft(), idempotencyKey: id, categoryCode: 'street_lighting', description: 'Đèn tắt' };
  return newOutboxItem(
    id,
    { input: { categoryCode: 'street_lighting', lat: 13.1, lng: 109.3, description: 'Đèn tắt' }, photos: [] },
    draft,
    at,
  );
}

/** A sender that answers from a script and records the key of every attempt. */
function scripted(...outcomes: SendOutcome[]) {
  const keys: string[] = [];
  const send = async (i: OutboxItem) => {
    keys.push(i.id);
    const next = outcomes.shift();
    if (!next) throw new Error('no more answers');
    return next;
  };
  return { send, keys };
}

afterEach(() => vi.useRealTimers());

describe('the outbox', () => {
  it('takes a queued report through sending to sent, keeping the tracking code and token', async () => {
    const store = memoryOutboxStore([item()]);
    const seen: string[] = [];
    const send = async (i: OutboxItem) => {
      seen.push((await store.get(i.id))!.state.status);
      return ok;
    };
    const report = await flushOutbox({ store, send, now: () => T0 });
    expect(seen).toEqual(['sending']);
    expect(report.sent).toHaveLength(1);
    const stored = await store.get('key-1');
    expect(stored?.state).toMatchObject({
      status: 'sent',
      attempts: 1,
      result: { trackingCode: 'TH-2611-7KQ3MD', residentToken: 'rt-secret' },
    });
  });

  it('keeps a report that met no network or a 503, and retries it with the same key after the backoff', async () => {
    const store = memoryOutboxStore([item()]);
    const { send, keys } = scripted(offline, unavailable, ok);
    let now = T0;
    const clock = () => now;

    await flushOutbox({ store, send, now: clock, random: () => 0 });
    let stored = await store.get('key-1');
    expect(stored?.state).toMatchObject({
      status: 'queued',
      attempts: 1,
      nextAttemptAt: T0 + 1_000,
      lastError: 'network_error',
    });

    // Not due yet: nothing is sent.
    await flushOutbox({ store, send, now: clock });
    expect(keys).toHaveLength(1);

    now = T0 + 1_000;
    await flushOutbox({ store, send, now: clock, random: () => 0 });
    stored = await store.get('key-1');
    expect(stored?.state).toMatchObject({ status: 'queued', attempts: 2, nextAttemptAt: now + 2_000 });

    now += 2_000;
    await flushOutbox({ store, send, now: clock });
    expect((await store.get('key-1'))?.state.status).toBe('sent');
    expect(keys).toEqual(['key-1', 'key-1', 'key-1']);
  });

  it('stops retrying a report the server refuses (4xx) and keeps its field errors for the form', async () => {
    const store = memoryOutboxStore([item()]);
    const { send, keys } = scripted(invalid);
    const report = await flushOutbox({ store, send, now: () => T0 });
    expect(report.rejected).toHaveLength(1);
    expect((await store.get('key-1'))?.state).toEqual({
      status: 'rejected',
      attempts: 1,
      httpStatus: 422,
      code: 'validation_failed',
      errors: [{ path: 'description', message: 'must be at least 10 characters' }],
    });
    await flushOutbox({ store, send, now: () => T0 + 3_600_000 });
    expect(keys).toHaveLength(1);
  });

  it('treats a throw from the sender like a dropped connection', async () => {
    const store = memoryOutboxStore([item()]);
    await flushOutbox({ store, send: async () => Promise.reject(new TypeError('Failed to fetch')), now: () => T0 });
    expect((await store.get('key-1'))?.state).toMatchObject({ status: 'queued', attempts: 1 });
  });

  it('sends at once when the network comes back, whatever the backoff said', async () => {
    const store = memoryOutboxStore([item()]);
    const { send, keys } = scripted(offline, ok);
    await flushOutbox({ store, send, now: () => T0, random: () => 1 });
    await wakeAll(store, T0 + 10);
    await flushOutbox({ store, send, now: () => T0 + 10 });
    expect(keys).toEqual(['key-1', 'key-1']);
    expect((await store.get('key-1'))?.state.status).toBe('sent');
  });

  it('lets one sender claim an attempt; a second finds nothing to do until the lease runs out', () => {
    const queued = item();
    const mine = claim(queued, T0, 60_000);
    expect(mine?.state).toMatchObject({ status: 'sending', attempts: 1, leaseUntil: T0 + 60_000 });
    expect(claim(mine!, T0 + 1_000, 60_000)).toBeNull();
    // The first sender's page died: after the lease another takes over, as attempt 2.
    const theirs = claim(mine!, T0 + 60_000, 60_000);
    expect(theirs?.state).toMatchObject({ status: 'sending', attempts: 2 });
    // The late answer of attempt 1 changes nothing; attempt 2's does.
    expect(settle(theirs!, 1, ok, T0 + 61_000)).toBe(theirs);
    expect(settle(theirs!, 2, ok, T0 + 61_000).state.status).toBe('sent');
  });
});

describe('the retry backoff', () => {
  it('doubles from 2 s up to 5 minutes, with jitter between half and all of each step', () => {
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, () => 1))).toEqual([2_000, 4_000, 8_000, 16_000]);
    expect(backoffDelay(1, () => 0)).toBe(1_000);
    expect(backoffDelay(50, () => 1)).toBe(DEFAULT_BACKOFF.maxMs);
    expect(backoffDelay(50, () => 0)).toBe(DEFAULT_BACKOFF.maxMs / 2);
  });
});

describe('the page outbox client', () => {
  it('retries on its own after the backoff, with the same key, and hands the filed report over once', async () => {
    vi.useFakeTimers({ now: T0 });
    const store = memoryOutboxStore();
    const { send, keys } = scripted(offline, ok);
    const onSent = vi.fn();
    const onRetrying = vi.fn();
    const client = createOutboxClient({ store, send, onSent, onRetrying, random: () => 1 });
    await client.ready;

    await client.enqueue(item('key-9', T0));
    await vi.advanceTimersByTimeAsync(0);
    expect(client.snapshot()[0]?.state).toMatchObject({ status: 'queued', attempts: 1 });
    expect(onRetrying).toHaveBeenCalledTimes(1);
    expect(onSent).not.toHaveBeenCalled();

    await vi.advanceTimersByTimeAsync(2_100);
    expect(keys).toEqual(['key-9', 'key-9']);
    expect(client.snapshot()[0]?.state.status).toBe('sent');
    await client.refresh();
    expect(onSent).toHaveBeenCalledTimes(1);
    expect(onSent.mock.calls[0]?.[0].state.result.residentToken).toBe('rt-secret');

    await client.remove('key-9');
    expect(client.snapshot()).toEqual([]);
    client.dispose();
  });
});
