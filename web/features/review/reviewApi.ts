import type {
  BlockedSenderList,
  BlockSenderInput,
  HeldReportList,
  ReleasedReport,
} from '../../../shared/schemas/review';
import { apiFetch } from '../../api/http';

/** The IOC's review queue and blocked senders. */
export const reviewApi = {
  held: (signal?: AbortSignal) => apiFetch<HeldReportList>('/api/review', { signal }),
  release: (id: number) => apiFetch<ReleasedReport>(`/api/review/${id}/release`, { method: 'POST' }),
  discard: (id: number) => apiFetch<void>(`/api/review/${id}/discard`, { method: 'POST' }),
  blockHeldSender: (id: number, input: BlockSenderInput) =>
    apiFetch<BlockedSenderList>(`/api/review/${id}/block-sender`, { body: input }),
  blockReportSender: (id: number, input: BlockSenderInput) =>
    apiFetch<BlockedSenderList>(`/api/reports/${id}/block-sender`, { body: input }),
  blocks: (signal?: AbortSignal) => apiFetch<BlockedSenderList>('/api/blocked-senders', { signal }),
  lift: (id: number) => apiFetch<void>(`/api/blocked-senders/${id}`, { method: 'DELETE' }),
};
