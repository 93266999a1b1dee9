import { Suspense } from 'react';
import { NavLink, Outlet } from 'react-router-dom';
import type { StaffRole } from '../../shared/domain/roles';
import { PAGE_ROLES } from '../features/auth/roleHome';
import { UserMenu } from '../features/auth/UserMenu';
import { useSession } from '../features/auth/useSession';
import { useI18n, type MessageKey } from '../i18n';
import { Loading } from '../ui/Feedback';
import { LanguageSwitch } from '../ui/LanguageSwitch';

const STAFF_LINKS: { to: string; label: MessageKey; roles: readonly StaffRole[] }[] = [
  // First for admins: their home, and the header may not have room for every link.
  { to: '/admin', label: 'nav.admin', roles: PAGE_ROLES.admin },
  { to: '/ioc', label: 'nav.ioc', roles: PAGE_ROLES.ioc },
  { to: '/ioc/review', label: 'nav.review', roles: PAGE_ROLES.ioc },
  { to: '/unit', label: 'nav.unit', roles: PAGE_ROLES.unit },
  { to: '/stats', label: 'nav.stats', roles: PAGE_ROLES.stats },
  // Operators reach the wall from their desk; leaders have no desk, so it is in their menu.
  { to: '/ioc/wall', label: 'nav.wall', roles: ['leader'] },
];

/** Header (brand, navigation, language, user) around every page. */
export function Shell() {
  const { t } = useI18n();
  const { user } = useSession();
  const staffLinks = user ? STAFF_LINKS.filter((l) => l.roles.includes(user.role)) : [];
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header className="app-header">
        <NavLink to="/" className="brand" end>
          <span className="brand-mark" aria-hidden="true" />
          <span className="brand-text">
            <strong>{t('app.name')}</strong>
            <small>{t('app.tagline')}</small>
          </span>
        </NavLink>
        <nav className="main-nav" aria-label={t('nav.main')}>
          <NavLink to="/" end>
            {t('nav.report')}
          </NavLink>
          <NavLink to="/track">{t('nav.track')}</NavLink>
          <NavLink to="/map">{t('nav.map')}</NavLink>
          <NavLink to="/my">{t('nav.my')}</NavLink>
          {staffLinks.map((l) => (
            <NavLink key={l.to} to={l.to} end={l.to === '/ioc'}>
              {t(l.label)}
            </NavLink>
          ))}
        </nav>
        <div className="header-tools">
          <LanguageSwitch />
          <UserMenu />
        </div>
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}
