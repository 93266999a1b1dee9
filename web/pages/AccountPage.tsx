import { useState } from 'react';
import { TotpEnrolment } from '../features/auth/TotpEnrolment';
import { useSession } from '../features/auth/useSession';
import { useI18n } from '../i18n';
import { Loading } from '../ui/Feedback';

/**
 * `/account`: a staff member's own account: who they are, and two-step verification, which any of
 * them may turn on (admins must, at their first sign-in). Turning it off again is an admin's reset.
 */
export default function AccountPage() {
  const { t } = useI18n();
  const { user, setSignedIn } = useSession();
  const [enrolling, setEnrolling] = useState(false);
  const [justEnrolled, setJustEnrolled] = useState(false);
  if (!user) return <Loading />;
  const on = user.twoFactor === 'on';
  return (
    <div className="page page-narrow">
      <h1>{t('account.title')}</h1>
      <section className="card" aria-labelledby="account-who">
        <h2 id="account-who">{user.displayName}</h2>
        <dl className="account-facts">
          <dt>{t('account.username')}</dt>
          <dd>{user.username}</dd>
          <dt>{t('account.role')}</dt>
          <dd>
            {t(`role.${user.role}`)}
            {user.unit ? ` · ${user.unit.name}` : ''}
          </dd>
        </dl>
      </section>
      {enrolling && !on ? (
        <TotpEnrolment
          intro={t('account.totpIntro')}
          onEnrolled={(u) => {
            setSignedIn?.(u);
            setEnrolling(false);
            setJustEnrolled(true);
          }}
        />
      ) : (
        <section className="card form-stack" aria-labelledby="account-totp" data-testid="account-totp">
          <h2 id="account-totp">{t('account.totpTitle')}</h2>
          {on ? (
            <>
              <p
                className={justEnrolled ? 'notice notice-success' : undefined}
                role={justEnrolled ? 'status' : undefined}
              >
                {t(justEnrolled ? 'account.totpDone' : 'account.totpOn')}
              </p>
              <p className="hint">{t('account.totpLost')}</p>
            </>
          ) : (
            <>
              <p>{t('account.totpOff')}</p>
              <button type="button" className="btn btn-primary" onClick={() => setEnrolling(true)}>
                {t('totp.confirm')}
              </button>
            </>
          )}
        </section>
      )}
    </div>
  );
}
