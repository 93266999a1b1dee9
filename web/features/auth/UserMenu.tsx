import { Link, useNavigate } from 'react-router-dom';
import { useI18n } from '../../i18n';
import { useSession } from './useSession';

/** The signed-in user's name and role with a sign-out button, or a sign-in link. */
export function UserMenu() {
  const { user, logout } = useSession();
  const { t } = useI18n();
  const navigate = useNavigate();
  if (user === undefined) return null;
  if (user === null) {
    return (
      <Link className="header-link" to="/login">
        <span className="label-long">{t('nav.login')}</span>
        <span className="label-short">{t('nav.loginShort')}</span>
      </Link>
    );
  }
  const signOut = async () => {
    try {
      await logout();
    } finally {
      navigate('/login');
    }
  };
  return (
    <div className="user-menu" data-testid="user-menu">
      <Link className="user-name" to="/account" title={t('account.title')}>
        <strong>{user.displayName}</strong>
        <small>
          {t(`role.${user.role}`)}
          {user.unit ? ` · ${user.unit.name}` : ''}
        </small>
      </Link>
      <button type="button" className="btn btn-small btn-ghost-light" onClick={signOut}>
        {t('nav.logout')}
      </button>
    </div>
  );
}
