import { BaseMap } from '../map/BaseMap';
import { useI18n } from '../../i18n';
import { FeatureLayer, type FeatureState } from './FeatureLayer';
import type { MapFilters, MapView } from './mapQuery';

/** The public map (lazy-loaded): the city with its wards and the reports of the viewport. */
export default function PublicMap({
  filters,
  initialView,
  categoryName,
  onState,
  onView,
}: {
  filters: MapFilters;
  initialView: MapView | null;
  categoryName: (code: string) => string;
  onState: (state: Partial<FeatureState>) => void;
  onView: (view: MapView) => void;
}) {
  const { t } = useI18n();
  return (
    <BaseMap
      label={t('publicMap.mapLabel')}
      className="map-public"
      center={initialView ? [initialView.lat, initialView.lng] : undefined}
      zoom={initialView?.zoom}
    >
      <FeatureLayer filters={filters} categoryName={categoryName} onState={onState} onView={onView} />
    </BaseMap>
  );
}
