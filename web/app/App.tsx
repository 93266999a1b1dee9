import { useEffect } from 'react';
import { RouterProvider } from 'react-router-dom';
import { SessionProvider } from '../features/auth/SessionProvider';
import { registerServiceWorker } from '../features/device/registerServiceWorker';
import { I18nProvider } from '../i18n';
import { router } from './routes';

/** Providers (language, session) around the router. */
export function App() {
  useEffect(registerServiceWorker, []);
  return (
    <I18nProvider>
      <SessionProvider>
        <RouterProvider router={router} />
      </SessionProvider>
    </I18nProvider>
  );
}
