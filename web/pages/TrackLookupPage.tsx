import { TrackLookupForm } from '../features/track/TrackLookupForm';

/** `/track`: look a report up by its tracking code. */
export default function TrackLookupPage() {
  return (
    <div className="page page-narrow">
      <TrackLookupForm />
    </div>
  );
}
