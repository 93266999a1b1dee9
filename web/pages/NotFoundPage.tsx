import { Link } from 'react-router-dom';
import { useI18n } from '../i18n';

/** Any unknown address. */
export default function NotFoundPage() {
  const { t } = useI18n();
  return (
    <div className="page page-narrow">
      <p className="notice notice-warning">{t('common.notFound')}</p>
      <Link to="/">{t('common.goHome')}</Link>
    </div>
  );
}
