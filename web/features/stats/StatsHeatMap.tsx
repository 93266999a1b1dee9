import L from 'leaflet';
import { useEffect } from 'react';
import { Rectangle, Tooltip, useMap } from 'react-leaflet';
import type { StatsHeatmap } from '../../../shared/schemas/stats';
import { BaseMap } from '../map/BaseMap';
import { useI18n } from '../../i18n';
import { heatColor } from './heat';
import { useStatsMessages } from './messages';
import { formatCount } from './statsMath';

/** Frames the cells once they are there. */
function FitCells({ heatmap }: { heatmap: StatsHeatmap }) {
  const map = useMap();
  useEffect(() => {
    if (heatmap.cells.length === 0) return;
    const d = heatmap.cellDeg;
    const bounds = L.latLngBounds(heatmap.cells.map(([lat, lng]) => [lat, lng] as [number, number]));
    bounds.extend(L.latLngBounds(heatmap.cells.map(([lat, lng]) => [lat + d, lng + d] as [number, number])));
    map.fitBounds(bounds.pad(0.1), { maxZoom: 15 });
  }, [map, heatmap]);
  return null;
}

/**
 * The heat map (lazy-loaded with Leaflet): each grid cell a rectangle coloured by its count; a click
 * opens the reports of that cell.
 */
export default function StatsHeatMap({
  heatmap,
  onCell,
}: {
  heatmap: StatsHeatmap;
  onCell: (lat: number, lng: number) => void;
}) {
  const { lang } = useI18n();
  const m = useStatsMessages();
  const d = heatmap.cellDeg;
  return (
    <BaseMap label={m('heat.mapLabel')} className="map-heat">
      {heatmap.cells.map(([lat, lng, count]) => (
        <Rectangle
          key={`${lat},${lng}`}
          bounds={[
            [lat, lng],
            [lat + d, lng + d],
          ]}
          pathOptions={{
            color: '#7c2d12',
            weight: 0.6,
            opacity: 0.5,
            fillColor: heatColor(count, heatmap.max),
            fillOpacity: 0.72,
          }}
          eventHandlers={{ click: () => onCell(lat, lng) }}
        >
          <Tooltip sticky>
            {m('heat.cell', { n: formatCount(count, lang), lat: lat.toFixed(4), lng: lng.toFixed(4) })}
          </Tooltip>
        </Rectangle>
      ))}
      <FitCells heatmap={heatmap} />
    </BaseMap>
  );
}
