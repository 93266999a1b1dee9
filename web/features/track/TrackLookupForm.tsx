import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useI18n } from '../../i18n';
import { normalizeCode, recentCodes } from './recent';
import './track.css';

/** A box to type a tracking code, plus the codes filed from this device. */
export function TrackLookupForm({ initial = '' }: { initial?: string }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [code, setCode] = useState(initial);
  const [recent] = useState(recentCodes);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const c = normalizeCode(code);
    if (c) navigate(`/track/${encodeURIComponent(c)}`);
  };

  return (
    <section className="card lookup-card" aria-labelledby="lookup-title">
      <h2 id="lookup-title">{t('track.lookup.title')}</h2>
      <form className="lookup-form" onSubmit={submit} role="search">
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
      {recent.length > 0 && (
        <div className="recent">
          <p className="hint">{t('track.recent')}</p>
          <ul>
            {recent.map((c) => (
              <li key={c}>
                <Link to={`/track/${encodeURIComponent(c)}`}>{c}</Link>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
