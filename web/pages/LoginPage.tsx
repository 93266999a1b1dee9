import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { LoginForm } from '../features/auth/LoginForm';
import { TotpEnrolment } from '../features/auth/TotpEnrolment';
import { afterLogin } from '../features/auth/roleHome';
import { useSession } from '../features/auth/useSession';
import { useI18n } from '../i18n';
import { Loading } from '../ui/Feedback';

/**
 * `/login`: staff sign in (with the authenticator code when the account has one), then on to the
 * page their role works in. An admin without two-step verification sets it up here first.
 */
export default function LoginPage() {
  const { t } = useI18n();
  const { user, setSignedIn } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = params.get('next');
  if (user === undefined) return <Loading />;
  if (user && user.twoFactor === 'enrol') {
    return (
      <div className="page page-login">
        <h1>{t('login.title')}</h1>
        <TotpEnrolment
          onEnrolled={(u) => {
            setSignedIn?.(u);
            navigate(afterLogin(u, next), { replace: true });
          }}
        />
      </div>
    );
  }
  if (user) return <Navigate to={afterLogin(user, next)} replace />;
  return (
    <div className="page page-login">
      <h1>{t('login.title')}</h1>
      <p className="hint">{t('login.hint')}</p>
      <LoginForm onSignedIn={(u) => navigate(afterLogin(u, next), { replace: true })} />
    </div>
  );
}
