import { ReportForm } from '../features/reports/ReportForm';
import { TrackLookupForm } from '../features/track/TrackLookupForm';
import { useI18n } from '../i18n';

/** `/`: the resident's report form, and a way to look a report up. */
export default function HomePage() {
  const { t } = useI18n();
  return (
    <div className="page page-narrow home-page">
      <div className="page-intro">
        <h1>{t('report.title')}</h1>
        <p>{t('report.intro')}</p>
      </div>
      <ReportForm />
      <TrackLookupForm />
    </div>
  );
}
