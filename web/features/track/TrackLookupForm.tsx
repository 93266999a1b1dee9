import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useI18n } from '../../i18n';
import { listMyReports } from '../device/myReports';
import { normalizeCode, recentCodes } from './recent';
import './track.css';

const SHOWN = 5;

/** This device's codes: the reports it filed or followed, then older remembered codes; newest first. */
function deviceCodes(): { codes: string[]; more: boolean } {
  const all = [...new Set([...listMyReports().map((r) => r.trackingCode), ...recentCodes()])];
  return { codes: all.slice(0, SHOWN), more: all.length > 0 };
}

/** A box to type a tracking code, plus the codes filed from this device and a link to all of them. */
export function TrackLookupForm({ initial = '' }: { initial?: string }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [code, setCode] = useState(initial);
  const [recent] = useState(deviceCodes);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const c = normalizeCode(code);
    if (c) navigate(`/track/${encodeURIComponent(c)}`);
  };

  return (
    <section className="card lookup-card" aria-labelledby="lookup-title">
      <h2 id="lookup-title">{t('track.lookup.title')}</h2>
      <form className="lookup-form" onSubmit={submit} role="search" aria-labelledby="lookup-title">
        <label htmlFor="lookup-code">{t('track.lookup.label')}</label>
        <div className="input-row">
          <input
            id="lookup-code"
            name="code"
            value={code}
            placeholder={t('track.lookup.placeholder')}
            autoCapitalize="characters"
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => setCode(e.target.value)}
          />
          <button type="submit" className="btn btn-primary" disabled={!normalizeCode(code)}>
            {t('track.lookup.submit')}
          </button>
        </div>
      </form>
      {recent.codes.length > 0 && (
        <div className="recent">
          <p className="hint">{t('track.recent')}</p>
          <ul>
            {recent.codes.map((c) => (
              <li key={c}>
                <Link to={`/track/${encodeURIComponent(c)}`}>{c}</Link>
              </li>
            ))}
          </ul>
        </div>
      )}
      <p className="my-reports-link">
        <Link to="/my" data-testid="my-reports-link">
          {recent.more ? t('my.viewAll') : t('nav.my')}
        </Link>
      </p>
    </section>
  );
}
