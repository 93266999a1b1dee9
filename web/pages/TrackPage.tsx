import { useParams } from 'react-router-dom';
import { isApiError } from '../api/http';
import { TrackLookupForm } from '../features/track/TrackLookupForm';
import { TrackView } from '../features/track/TrackView';
import { useResidentToken } from '../features/track/useResidentToken';
import { useTrackedReport } from '../features/track/useTrackedReport';
import { useI18n } from '../i18n';
import { ErrorNotice, Loading } from '../ui/Feedback';

/** `/track/:code`: a report's public status, live; the device that filed or followed it may act on it. */
export default function TrackPage() {
  const { code = '' } = useParams();
  const { t } = useI18n();
  const { report, error, connection, update } = useTrackedReport(code);
  const token = useResidentToken(code);
  return (
    <div className="page page-narrow track-page">
      {report ? (
        <TrackView report={report} connection={connection} token={token} onUpdated={update} />
      ) : isApiError(error, 'not_found') ? (
        <>
          <h1 className="sr-only">{t('track.lookup.title')}</h1>
          <p className="notice notice-warning" role="alert" data-testid="track-not-found">
            {t('track.notFound', { code })}
          </p>
        </>
      ) : error ? (
        <ErrorNotice error={error} />
      ) : (
        <Loading />
      )}
      <TrackLookupForm />
    </div>
  );
}
