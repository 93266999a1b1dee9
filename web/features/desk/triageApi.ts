import type { z } from 'zod';
import type { CorrectionInput, InternalNoteInput, SetPriorityInput } from '../../../shared/schemas/ioc';
import type { NearbyReport, StaffReportView } from '../../../shared/schemas/reports';
import { apiFetch } from '../../api/http';

/** The IOC's corrections beyond the lifecycle; each answers the report as it is now (optimistic locking by version). */
export const triageApi = {
  priority: (id: number, input: z.input<typeof SetPriorityInput>) =>
    apiFetch<StaffReportView>(`/api/reports/${id}/priority`, { body: input }),
  note: (id: number, input: z.input<typeof InternalNoteInput>) =>
    apiFetch<StaffReportView>(`/api/reports/${id}/notes`, { body: input }),
  correct: (id: number, input: z.input<typeof CorrectionInput>) =>
    apiFetch<StaffReportView>(`/api/reports/${id}/correction`, { body: input }),
  /** Open reports of a category near a point: the choices when merging a duplicate. */
  nearby: (q: { categoryCode: string; lat: number; lng: number }, signal?: AbortSignal) => {
    const params = new URLSearchParams({ categoryCode: q.categoryCode, lat: String(q.lat), lng: String(q.lng) });
    return apiFetch<NearbyReport[]>(`/api/reports/nearby?${params.toString()}`, { signal });
  },
};
