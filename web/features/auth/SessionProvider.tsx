import { createContext, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { SessionUser } from '../../../shared/schemas/reports';
import { authApi } from '../../api/endpoints';
import { isApiError, onUnauthenticated } from '../../api/http';

/** The signed-in staff member, as every page sees it. */
export interface Session {
  /** `undefined` while the first /api/auth/me is in flight; `null` when signed out. */
  user: SessionUser | null | undefined;
  /** Signs in; rejects with 401 `totp_required` when the account's authenticator code is needed. */
  login: (username: string, password: string, totp?: string) => Promise<SessionUser>;
  logout: () => Promise<void>;
  /** Takes the user a call answered (after enrolling a second factor, the session became a full one). */
  setSignedIn?: (user: SessionUser) => void;
}

export const SessionContext = createContext<Session | null>(null);

/** Asks the server who is signed in (cookie session), and forgets the user when any call answers 401. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<SessionUser | null | undefined>(undefined);

  useEffect(() => {
    const ctrl = new AbortController();
    authApi.me(ctrl.signal).then(
      (me) => setUser(me),
      (err: unknown) => {
        if (ctrl.signal.aborted) return;
        // Signed out, or the server is unreachable: either way nobody is signed in here.
        setUser(null);
        if (!isApiError(err, 'unauthenticated')) console.warn('session check failed', err);
      },
    );
    const stop = onUnauthenticated(() => setUser(null));
    return () => {
      ctrl.abort();
      stop();
    };
  }, []);

  const login = useCallback(async (username: string, password: string, totp?: string) => {
    const me = await authApi.login(username, password, totp);
    setUser(me);
    return me;
  }, []);

  const logout = useCallback(async () => {
    try {
      await authApi.logout();
    } finally {
      setUser(null);
    }
  }, []);

  const value = useMemo<Session>(() => ({ user, login, logout, setSignedIn: setUser }), [user, login, logout]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
