import { Polygon, Tooltip } from 'react-leaflet';
import { useAreas } from '../../api/reference';
import { areaPolygons } from './geo';

const STYLE = { color: '#0f3d5e', weight: 2, opacity: 0.75, fillColor: '#3b82a0', fillOpacity: 0.07, dashArray: '6 4' };

/** Ward boundaries with their names: the map still means something when no tile loads. */
export function AreasLayer() {
  const { data: areas } = useAreas();
  if (!areas) return null;
  return (
    <>
      {areas.map((area) =>
        areaPolygons(area.geometry).map((rings, i) => (
          <Polygon key={`${area.code}-${i}`} positions={rings} pathOptions={STYLE} interactive={false}>
            {i === 0 && (
              <Tooltip permanent direction="center" className="area-label" interactive={false}>
                {area.name}
              </Tooltip>
            )}
          </Polygon>
        )),
      )}
    </>
  );
}
