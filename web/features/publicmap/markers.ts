import L from 'leaflet';
import { clusterSize, PX } from './declutter';
import type { ReportStatus } from '../../../shared/domain/statuses';
export { clusterSize };

const escapeAttr = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The cluster circle's HTML: the count, with `map-cluster` and `data-count` as test hooks. */
export function clusterHtml(count: number): string {
  const shown = count >= 1000 ? `${Math.floor(count / 1000)}k` : String(count);
  return `<span class="map-cluster map-cluster-${clusterSize(count)}" data-count="${count}">${shown}</span>`;
}

/** A report's small dot, coloured by status, with `public-marker` and `data-tracking-code` as test hooks. */
export function reportMarkerHtml(trackingCode: string, status: ReportStatus): string {
  return `<span class="public-marker status-${status}" data-tracking-code="${escapeAttr(trackingCode)}" data-status="${status}"></span>`;
}

const clusterIcons = new Map<number, L.DivIcon>();
const reportIcons = new Map<string, L.DivIcon>();

/** Cached cluster icon for a count. */
export function clusterIcon(count: number): L.DivIcon {
  let icon = clusterIcons.get(count);
  if (!icon) {
    const px = PX[clusterSize(count)];
    icon = L.divIcon({ className: 'map-cluster-icon', html: clusterHtml(count), iconSize: [px, px] });
    if (clusterIcons.size > 2000) clusterIcons.clear();
    clusterIcons.set(count, icon);
  }
  return icon;
}

/** Cached report icon for a code and status. */
export function reportIcon(trackingCode: string, status: ReportStatus): L.DivIcon {
  const key = `${trackingCode}|${status}`;
  let icon = reportIcons.get(key);
  if (!icon) {
    // 24 px: a comfortable target for a finger, though the dot itself is smaller.
    icon = L.divIcon({
      className: 'public-marker-icon',
      html: reportMarkerHtml(trackingCode, status),
      iconSize: [24, 24],
    });
    if (reportIcons.size > 5000) reportIcons.clear();
    reportIcons.set(key, icon);
  }
  return icon;
}
