import { useState, type FormEvent } from 'react';
import type { SessionUser } from '../../../shared/schemas/reports';
import { isApiError } from '../../api/http';
import { useI18n } from '../../i18n';
import { errorMessage } from '../../ui/errorMessage';
import { useSession } from './useSession';

/** Username and password; calls `onSignedIn` with the user once the server accepts them. */
export function LoginForm({ onSignedIn }: { onSignedIn: (user: SessionUser) => void }) {
  const { t } = useI18n();
  const { login } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await login(username.trim(), password));
    } catch (err) {
      setError(
        isApiError(err, 'invalid_credentials') || isApiError(err, 'validation_failed')
          ? t('login.invalid')
          : errorMessage(err, t),
      );
      setBusy(false);
    }
  };

  return (
    <form className="card form-stack" onSubmit={submit} noValidate aria-busy={busy}>
      <div className="field">
        <label htmlFor="login-username">{t('login.username')}</label>
        <input
          id="login-username"
          name="username"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          value={username}
          onChange={(e) => setUsername(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="login-password">{t('login.password')}</label>
        <input
          id="login-password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </div>
      {error && (
        <p className="notice notice-error" role="alert" data-testid="login-error">
          {error}
        </p>
      )}
      <button type="submit" className="btn btn-primary btn-large" disabled={busy || !username || !password}>
        {busy ? t('login.submitting') : t('login.submit')}
      </button>
    </form>
  );
}
