import { OtpCodeInput } from './OtpCodeInput';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { TotpSetup } from '../../../shared/schemas/auth';
import type { SessionUser } from '../../../shared/schemas/reports';
import { authApi } from '../../api/endpoints';
import { isApiError } from '../../api/http';
import { useI18n } from '../../i18n';
import { errorMessage } from '../../ui/errorMessage';
import { Loading } from '../../ui/Feedback';

/**
 * Turning two-step verification on: the server makes a secret, shown here as a QR code and as text
 * (this once); a code from the app confirms it. Calls `onEnrolled` with the user of the full session.
 * `intro` says why (default: an admin's account must have it).
 */
export function TotpEnrolment({ onEnrolled, intro }: { onEnrolled: (user: SessionUser) => void; intro?: string }) {
  const { t } = useI18n();
  const [setup, setSetup] = useState<TotpSetup | null>(null);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const started = useRef(false);

  useEffect(() => {
    // Once: each setup call makes a new secret, and the one shown must be the one confirmed.
    if (started.current) return;
    started.current = true;
    authApi.totpSetup().then(setSetup, (err: unknown) => setError(errorMessage(err, t)));
  }, [t]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onEnrolled(await authApi.totpConfirm(code));
    } catch (err) {
      setBusy(false);
      setCode('');
      setError(
        isApiError(err, 'invalid_totp') || isApiError(err, 'validation_failed')
          ? t('totp.invalid')
          : errorMessage(err, t),
      );
    }
  };

  return (
    <section className="card form-stack" aria-labelledby="totp-title" data-testid="totp-enrolment">
      <h2 id="totp-title">{t('totp.enrolTitle')}</h2>
      <p>{intro ?? t('totp.enrolIntro')}</p>
      {setup ? (
        <>
          <div
            className="totp-qr"
            role="img"
            aria-label={t('totp.qrLabel')}
            // The server's QR code of the otpauth URI (SVG from the qrcode library, no script).
            dangerouslySetInnerHTML={{ __html: setup.qrSvg }}
          />
          <p>
            {t('totp.manual')}{' '}
            <code className="totp-secret" data-testid="totp-secret">
              {setup.secret.replace(/(.{4})/g, '$1 ').trim()}
            </code>
          </p>
          <form className="form-stack" onSubmit={submit} noValidate aria-busy={busy}>
            <div className="field">
              <label htmlFor="totp-code">{t('totp.code')}</label>
              <OtpCodeInput id="totp-code" name="code" value={code} onChange={setCode} />
            </div>
            {error && (
              <p className="notice notice-error" role="alert">
                {error}
              </p>
            )}
            <button type="submit" className="btn btn-primary btn-large" disabled={busy || code.length !== 6}>
              {busy ? t('totp.confirming') : t('totp.confirm')}
            </button>
          </form>
        </>
      ) : error ? (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      ) : (
        <Loading label={t('totp.preparing')} />
      )}
    </section>
  );
}
