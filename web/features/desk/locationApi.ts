import type { StaffReportView } from '../../../shared/schemas/reports';
import { apiFetch } from '../../api/http';

/** `POST /api/reports/:id/location`: the IOC places a report on the map (optimistic locking by version). */
export function setReportLocation(
  id: number,
  input: { lat: number; lng: number; version: number },
): Promise<StaffReportView> {
  return apiFetch<StaffReportView>(`/api/reports/${id}/location`, { body: input });
}
