import { useEffect, useRef } from 'react';
import { Link, Navigate, NavLink, Route, Routes, useLocation } from 'react-router-dom';
import { ApiKeysSection } from './ApiKeysSection';
import { AreasSection } from './AreasSection';
import { AuditSection } from './AuditSection';
import { CalendarSection } from './CalendarSection';
import { CategoriesSection } from './CategoriesSection';
import { ConfigSection } from './ConfigSection';
import { useMessages } from './messages';
import { RulesSection } from './RulesSection';
import { focusTitle, AdminSection } from './section';
import { TemplatesSection } from './TemplatesSection';
import { UnitsSection } from './UnitsSection';
import { UsersSection } from './UsersSection';
import './admin.css';

/** The admin sections, each at `/admin/<name>`, in the order of the navigation. */
export const ADMIN_SECTIONS = [
  'areas',
  'units',
  'categories',
  'rules',
  'templates',
  'calendar',
  'users',
  'api-keys',
  'audit',
  'config',
] as const;

/**
 * `/admin/*`: the section list on the side (a scrolling row on a tablet) and the chosen section.
 * Moving to another section puts the focus on its title, so screen-reader and keyboard users start there.
 */
export function AdminLayout() {
  const m = useMessages();
  const { pathname } = useLocation();
  const first = useRef(true);

  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    focusTitle()?.focus();
  }, [pathname]);

  return (
    <div className="admin">
      <nav className="admin-nav" aria-label={m('nav.label')}>
        <p className="admin-nav-title" aria-hidden="true">
          {m('title')}
        </p>
        <ul>
          {ADMIN_SECTIONS.map((s) => (
            <li key={s}>
              <NavLink to={`/admin/${s}`} data-testid={`admin-nav-${s}`}>
                {m(`section.${s}`)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <div className="admin-content">
        <Routes>
          <Route index element={<Navigate to="/admin/areas" replace />} />
          <Route path="areas" element={<AreasSection />} />
          <Route path="units" element={<UnitsSection />} />
          <Route path="categories/*" element={<CategoriesSection />} />
          <Route path="rules" element={<RulesSection />} />
          <Route path="templates" element={<TemplatesSection />} />
          <Route path="calendar" element={<CalendarSection />} />
          <Route path="users" element={<UsersSection />} />
          <Route path="api-keys" element={<ApiKeysSection />} />
          <Route path="audit" element={<AuditSection />} />
          <Route path="config" element={<ConfigSection />} />
          <Route
            path="*"
            element={
              <AdminSection title={m('section.notFound')}>
                <Link to="/admin/areas">{m('section.areas')}</Link>
              </AdminSection>
            }
          />
        </Routes>
      </div>
    </div>
  );
}
