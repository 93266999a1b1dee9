import { useEffect, useMemo } from 'react';
import { Polygon, Tooltip, useMap } from 'react-leaflet';
import { BaseMap } from '../map/BaseMap';
import { previewShapes, shapesBounds, type PreviewShape } from './areas';

const BASE = { weight: 2.5, opacity: 0.95, fillOpacity: 0.2 };
/** Replacing a current area: orange; a new area: green; a feature with problems: red, dashed. */
const STYLES = {
  replace: { ...BASE, color: '#c2410c', fillColor: '#f59e0b', className: 'preview-area preview-replace' },
  add: { ...BASE, color: '#15803d', fillColor: '#22c55e', className: 'preview-area preview-add' },
  problem: {
    ...BASE,
    color: '#b91c1c',
    fillColor: '#ef4444',
    dashArray: '4 4',
    className: 'preview-area preview-problem',
  },
};

const styleOf = (shape: PreviewShape) => (shape.problems || !shape.action ? STYLES.problem : STYLES[shape.action]);

function FitShapes({ shapes }: { shapes: PreviewShape[] }) {
  const map = useMap();
  const bounds = useMemo(() => shapesBounds(shapes), [shapes]);
  useEffect(() => {
    if (bounds) map.fitBounds(bounds, { padding: [16, 16] });
  }, [map, bounds]);
  return null;
}

/**
 * The boundaries of the file being imported (coloured by what the import does with them, labelled with
 * the name read from the chosen property) over today's boundaries (the base map's dashed outlines).
 */
export default function AreaPreviewMap({
  preview,
  nameProperty,
  codeProperty,
  label,
}: {
  preview: unknown;
  nameProperty: string;
  codeProperty: string;
  label: string;
}) {
  const shapes = useMemo(
    () => previewShapes(preview, nameProperty, codeProperty),
    [preview, nameProperty, codeProperty],
  );
  return (
    <BaseMap label={label} className="admin-map" zoomSnap={0.25}>
      <FitShapes shapes={shapes} />
      {shapes.map((shape) =>
        shape.polygons.map((rings, i) => (
          <Polygon
            key={`${shape.key}-${i}-${shape.label}-${shape.action}-${shape.problems}`}
            positions={rings}
            pathOptions={styleOf(shape)}
            // Leaflet reads the class name when it creates the path only.
            className={styleOf(shape).className}
            interactive={false}
          >
            {i === 0 && (
              <Tooltip permanent direction="center" className="area-label preview-label" interactive={false}>
                {shape.label}
              </Tooltip>
            )}
          </Polygon>
        )),
      )}
    </BaseMap>
  );
}
