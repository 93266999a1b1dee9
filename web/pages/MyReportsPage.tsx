import { MyReportsList } from '../features/track/MyReportsList';
import { useI18n } from '../i18n';

/** `/my`: the reports this device filed or followed. */
export default function MyReportsPage() {
  const { t } = useI18n();
  return (
    <div className="page page-narrow my-page">
      <div className="page-intro">
        <h1>{t('my.title')}</h1>
        <p>{t('my.intro')}</p>
      </div>
      <MyReportsList />
    </div>
  );
}
