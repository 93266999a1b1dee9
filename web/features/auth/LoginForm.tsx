import { OtpCodeInput } from './OtpCodeInput';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { SessionUser } from '../../../shared/schemas/reports';
import { isApiError } from '../../api/http';
import { useI18n } from '../../i18n';
import { errorMessage } from '../../ui/errorMessage';
import { useSession } from './useSession';

/**
 * Username and password; then, for an account with two-step verification, the code from the
 * authenticator app (the server answers 401 `totp_required`). Calls `onSignedIn` with the user.
 */
export function LoginForm({ onSignedIn }: { onSignedIn: (user: SessionUser) => void }) {
  const { t } = useI18n();
  const { login } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [askCode, setAskCode] = useState(false);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const codeInput = useRef<HTMLInputElement>(null);
  // Once the code is asked for, the person types it next.
  useEffect(() => {
    if (askCode) codeInput.current?.focus();
  }, [askCode]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await login(username.trim(), password, askCode ? code.trim() : undefined));
    } catch (err) {
      setBusy(false);
      if (isApiError(err, 'totp_required')) {
        setAskCode(true);
        return;
      }
      if (isApiError(err, 'invalid_totp')) {
        setCode('');
        setError(t('login.totpInvalid'));
        codeInput.current?.focus();
        return;
      }
      setError(
        isApiError(err, 'invalid_credentials') || (!askCode && isApiError(err, 'validation_failed'))
          ? t('login.invalid')
          : isApiError(err, 'validation_failed')
            ? t('login.totpInvalid')
            : errorMessage(err, t),
      );
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
      {askCode && (
        <div className="field">
          <label htmlFor="login-totp">{t('login.totp')}</label>
          <OtpCodeInput
            id="login-totp"
            ref={codeInput}
            name="totp"
            describedBy="login-totp-hint"
            value={code}
            onChange={setCode}
          />
          <p className="hint" id="login-totp-hint">
            {t('login.totpHint')}
          </p>
        </div>
      )}
      {error && (
        <p className="notice notice-error" role="alert" data-testid="login-error">
          {error}
        </p>
      )}
      <button
        type="submit"
        className="btn btn-primary btn-large"
        disabled={busy || !username || !password || (askCode && code.length !== 6)}
      >
        {busy ? t('login.submitting') : askCode ? t('login.verify') : t('login.submit')}
      </button>
    </form>
  );
}
