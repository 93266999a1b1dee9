import { RouterProvider } from 'react-router-dom';
import { SessionProvider } from '../features/auth/SessionProvider';
import { I18nProvider } from '../i18n';
import { router } from './routes';

/** Providers (language, session) around the router. */
export function App() {
  return (
    <I18nProvider>
      <SessionProvider>
        <RouterProvider router={router} />
      </SessionProvider>
    </I18nProvider>
  );
}
