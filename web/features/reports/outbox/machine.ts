import type { FieldError } from '../../../../shared/domain/errors';
import type { CreateReportInput, CreateReportResult } from '../../../../shared/schemas/reports';
import type { Draft } from '../draft';
import { backoffDelay } from './backoff';

/** A photo as it waits in the outbox: the downscaled JPEG itself, not a reference. */
export interface OutboxPhoto {
  id: string;
  name: string;
  blob: Blob;
}

/** Exactly what will be sent: the API body and its photos. */
export interface OutboxPayload {
  input: CreateReportInput;
  photos: OutboxPhoto[];
  /** This device's id (see `device.ts`), sent as `X-Device-Id`. */
  deviceId?: string;
}

/** Where a submission stands. */
export type OutboxState =
  | { status: 'queued'; attempts: number; nextAttemptAt: number; lastError: string | null }
  | { status: 'sending'; attempts: number; leaseUntil: number; lastError: string | null }
  | { status: 'sent'; attempts: number; sentAt: number; result: CreateReportResult }
  | { status: 'rejected'; attempts: number; httpStatus: number; code: string; errors: FieldError[] };

/** One submission in the outbox. Its id is its Idempotency-Key, the same on every attempt. */
export interface OutboxItem {
  id: string;
  createdAt: number;
  payload: OutboxPayload;
  /** The form as the resident left it (photo blobs are in `payload`), to bring back if the server refuses it. */
  draft: Draft;
  state: OutboxState;
}

/** What one attempt to send gave. `status` 0 means the request never got an answer (network). */
export type SendOutcome =
  { ok: true; result: CreateReportResult } | { ok: false; status: number; code: string; errors: FieldError[] };

/** An attempt older than this is taken to have died with its page (a crash, a killed tab). */
export const DEFAULT_LEASE_MS = 3 * 60_000;

/** A fresh submission, due at once. */
export function newOutboxItem(id: string, payload: OutboxPayload, draft: Draft, now: number): OutboxItem {
  return {
    id,
    createdAt: now,
    payload,
    draft,
    state: { status: 'queued', attempts: 0, nextAttemptAt: now, lastError: null },
  };
}

/** Worth trying again later: no answer, a timeout, "slow down", or the server's own failure (5xx, 503). */
export function isRetryable(outcome: SendOutcome): boolean {
  if (outcome.ok) return false;
  const s = outcome.status;
  return s === 0 || s === 408 || s === 425 || s === 429 || s >= 500;
}

/** True when the item should be sent now: queued and due, or an attempt whose lease ran out. */
export function isDue(item: OutboxItem, now: number): boolean {
  if (item.state.status === 'queued') return item.state.nextAttemptAt <= now;
  if (item.state.status === 'sending') return item.state.leaseUntil <= now;
  return false;
}

/** True while the item still waits to go through (queued or being sent). */
export function isPending(item: OutboxItem): boolean {
  return item.state.status === 'queued' || item.state.status === 'sending';
}

/** queued -> sending, counting the attempt; null when the item is not due (someone else has it, or it is done). */
export function claim(item: OutboxItem, now: number, leaseMs = DEFAULT_LEASE_MS): OutboxItem | null {
  if (!isDue(item, now)) return null;
  const s = item.state as Extract<OutboxState, { status: 'queued' | 'sending' }>;
  return {
    ...item,
    state: { status: 'sending', attempts: s.attempts + 1, leaseUntil: now + leaseMs, lastError: s.lastError },
  };
}

/**
 * sending -> sent | queued (retry later, same key) | rejected (the server refused it: 4xx).
 * `attempt` is the attempt number the caller claimed; a stale caller (whose lease another took over)
 * changes nothing.
 */
export function settle(
  item: OutboxItem,
  attempt: number,
  outcome: SendOutcome,
  now: number,
  random: () => number = Math.random,
): OutboxItem {
  if (item.state.status !== 'sending' || item.state.attempts !== attempt) return item;
  const attempts = item.state.attempts;
  if (outcome.ok) return { ...item, state: { status: 'sent', attempts, sentAt: now, result: outcome.result } };
  if (isRetryable(outcome)) {
    return {
      ...item,
      state: {
        status: 'queued',
        attempts,
        nextAttemptAt: now + backoffDelay(attempts, random),
        lastError: outcome.code,
      },
    };
  }
  return {
    ...item,
    state: { status: 'rejected', attempts, httpStatus: outcome.status, code: outcome.code, errors: outcome.errors },
  };
}

/** A queued item made due now (the resident pressed "send now", or the network came back). */
export function retryNow(item: OutboxItem, now: number): OutboxItem {
  if (item.state.status !== 'queued' || item.state.nextAttemptAt <= now) return item;
  return { ...item, state: { ...item.state, nextAttemptAt: now } };
}

/** When the next queued item falls due, or null when none waits. */
export function nextWakeAt(items: readonly OutboxItem[]): number | null {
  let next: number | null = null;
  for (const item of items) {
    const at =
      item.state.status === 'queued'
        ? item.state.nextAttemptAt
        : item.state.status === 'sending'
          ? item.state.leaseUntil
          : null;
    if (at !== null && (next === null || at < next)) next = at;
  }
  return next;
}
