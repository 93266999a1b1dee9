import type { ReactNode } from 'react';
import { Link, Navigate, useLocation } from 'react-router-dom';
import type { StaffRole } from '../../../shared/domain/roles';
import { useI18n } from '../../i18n';
import { Loading } from '../../ui/Feedback';
import { roleHome } from './roleHome';
import { useSession } from './useSession';

/** Shows its children to the given roles; sends signed-out visitors to /login and back afterwards. */
export function RequireRole({ roles, children }: { roles: readonly StaffRole[]; children: ReactNode }) {
  const { user } = useSession();
  const { t } = useI18n();
  const location = useLocation();
  if (user === undefined) return <Loading />;
  // No session, or an admin's that may only set up two-step verification (the login page does that).
  if (user === null || user.twoFactor === 'enrol') {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/login?next=${next}`} replace />;
  }
  if (!roles.includes(user.role)) {
    return (
      <div className="page page-narrow">
        <p className="notice notice-error" role="alert">
          {t('common.forbidden')}
        </p>
        <Link to={roleHome(user)}>{t('common.goHome')}</Link>
      </div>
    );
  }
  return <>{children}</>;
}
