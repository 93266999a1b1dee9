import { isApiError } from '../../api/http';

/** Why one report of a bulk action was not done: the server's code, or the desk's own check. */
export type BulkFailureCode = string;

/** A report the bulk action could not apply to. */
export interface BulkFailure {
  id: number;
  trackingCode: string;
  code: BulkFailureCode;
}

/** Where a bulk action stands: `done` counts every report tried (success or failure) out of `total`. */
export interface BulkProgress {
  done: number;
  total: number;
  succeeded: number;
  failures: BulkFailure[];
  running: boolean;
}

/** A check failed on the desk before sending (e.g. no proposed unit): counted like a refusal. */
export class BulkSkip extends Error {
  constructor(readonly code: BulkFailureCode) {
    super(code);
    this.name = 'BulkSkip';
  }
}

/** The failure code of an error thrown while applying to one report. */
export function failureCode(err: unknown): BulkFailureCode {
  if (err instanceof BulkSkip) return err.code;
  if (isApiError(err)) return err.code;
  return 'unexpected_response';
}

/**
 * Applies `apply` to each item one after the other (the server sees one operator's clicks, in order),
 * reporting progress after each. A failure never stops the rest; `shouldStop` ends it early.
 */
export async function runBulk<T extends { id: number; trackingCode: string }>(
  items: readonly T[],
  apply: (item: T) => Promise<unknown>,
  onProgress: (progress: BulkProgress) => void,
  shouldStop: () => boolean = () => false,
): Promise<BulkProgress> {
  let progress: BulkProgress = { done: 0, total: items.length, succeeded: 0, failures: [], running: true };
  onProgress(progress);
  for (const item of items) {
    if (shouldStop()) break;
    try {
      await apply(item);
      progress = { ...progress, done: progress.done + 1, succeeded: progress.succeeded + 1 };
    } catch (err) {
      const failure = { id: item.id, trackingCode: item.trackingCode, code: failureCode(err) };
      progress = { ...progress, done: progress.done + 1, failures: [...progress.failures, failure] };
    }
    onProgress(progress);
  }
  progress = { ...progress, running: false };
  onProgress(progress);
  return progress;
}

/** Failures grouped by reason, most frequent first: "2 × version_conflict". */
export function summarizeFailures(failures: readonly BulkFailure[]): { code: BulkFailureCode; codes: string[] }[] {
  const groups = new Map<BulkFailureCode, string[]>();
  for (const f of failures) groups.set(f.code, [...(groups.get(f.code) ?? []), f.trackingCode]);
  return [...groups.entries()]
    .map(([code, codes]) => ({ code, codes }))
    .sort((a, b) => b.codes.length - a.codes.length);
}
