import { useParams } from 'react-router-dom';
import { isApiError } from '../api/http';
import { TrackLookupForm } from '../features/track/TrackLookupForm';
import { TrackView } from '../features/track/TrackView';
import { useTrackedReport } from '../features/track/useTrackedReport';
import { useI18n } from '../i18n';
import { ErrorNotice, Loading } from '../ui/Feedback';

/** `/track/:code`: a report's public status, live. */
export default function TrackPage() {
  const { code = '' } = useParams();
  const { t } = useI18n();
  const { report, error, connection } = useTrackedReport(code);
  return (
    <div className="page page-narrow track-page">
      {report ? (
        <TrackView report={report} connection={connection} />
      ) : isApiError(error, 'not_found') ? (
        <p className="notice notice-warning" role="alert" data-testid="track-not-found">
          {t('track.notFound', { code })}
        </p>
      ) : error ? (
        <ErrorNotice error={error} />
      ) : (
        <Loading />
      )}
      <TrackLookupForm />
    </div>
  );
}
