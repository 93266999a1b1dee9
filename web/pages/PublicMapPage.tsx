import { PublicMapView } from '../features/publicmap/PublicMapView';

/** `/map`: the public map of reports, for anyone. */
export default function PublicMapPage() {
  return <PublicMapView />;
}
