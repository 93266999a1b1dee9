import { useContext } from 'react';
import { SessionContext, type Session } from './SessionProvider';

/** The signed-in staff member and sign in/out. */
export function useSession(): Session {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession() needs a <SessionProvider>');
  return ctx;
}
