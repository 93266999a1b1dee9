import { lazy, Suspense } from 'react';
import { createBrowserRouter } from 'react-router-dom';
import { PAGE_ROLES } from '../features/auth/roleHome';
import { RequireRole } from '../features/auth/RequireRole';
import { Loading } from '../ui/Feedback';
import { Shell } from './Shell';

// Pages load on demand: a resident never downloads the IOC desk, the map or the charts they don't open.
const HomePage = lazy(() => import('../pages/HomePage'));
const TrackPage = lazy(() => import('../pages/TrackPage'));
const TrackLookupPage = lazy(() => import('../pages/TrackLookupPage'));
const MyReportsPage = lazy(() => import('../pages/MyReportsPage'));
const PublicMapPage = lazy(() => import('../pages/PublicMapPage'));
const LoginPage = lazy(() => import('../pages/LoginPage'));
const IocPage = lazy(() => import('../pages/IocPage'));
const UnitPage = lazy(() => import('../pages/UnitPage'));
const ReviewPage = lazy(() => import('../pages/ReviewPage'));
const StatsPage = lazy(() => import('../pages/StatsPage'));
// The same chunk as /stats (see pages/StatsPage.tsx).
const StatsMonthlyPage = lazy(() => import('../pages/StatsPage').then((m) => ({ default: m.StatsMonthlyPage })));
const WallPage = lazy(() => import('../pages/WallPage'));
const AdminPage = lazy(() => import('../pages/AdminPage'));
const AccountPage = lazy(() => import('../pages/AccountPage'));
const NotFoundPage = lazy(() => import('../pages/NotFoundPage'));

/** The route table. */
export const router = createBrowserRouter([
  // The wall fills a big screen on its own: no header around it.
  {
    path: '/ioc/wall',
    element: (
      <Suspense fallback={<Loading />}>
        <RequireRole roles={PAGE_ROLES['ioc/wall']}>
          <WallPage />
        </RequireRole>
      </Suspense>
    ),
  },
  {
    element: <Shell />,
    children: [
      { path: '/', element: <HomePage /> },
      { path: '/track', element: <TrackLookupPage /> },
      { path: '/track/:code', element: <TrackPage /> },
      { path: '/my', element: <MyReportsPage /> },
      { path: '/map', element: <PublicMapPage /> },
      { path: '/login', element: <LoginPage /> },
      {
        path: '/ioc',
        element: (
          <RequireRole roles={PAGE_ROLES.ioc}>
            <IocPage />
          </RequireRole>
        ),
      },
      {
        path: '/ioc/review',
        element: (
          <RequireRole roles={PAGE_ROLES.ioc}>
            <ReviewPage />
          </RequireRole>
        ),
      },
      {
        path: '/unit',
        element: (
          <RequireRole roles={PAGE_ROLES.unit}>
            <UnitPage />
          </RequireRole>
        ),
      },
      {
        path: '/stats',
        element: (
          <RequireRole roles={PAGE_ROLES.stats}>
            <StatsPage />
          </RequireRole>
        ),
      },
      {
        path: '/stats/monthly',
        element: (
          <RequireRole roles={PAGE_ROLES.stats}>
            <StatsMonthlyPage />
          </RequireRole>
        ),
      },
      {
        path: '/admin/*',
        element: (
          <RequireRole roles={PAGE_ROLES.admin}>
            <AdminPage />
          </RequireRole>
        ),
      },
      {
        path: '/account',
        element: (
          <RequireRole roles={PAGE_ROLES.account}>
            <AccountPage />
          </RequireRole>
        ),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
