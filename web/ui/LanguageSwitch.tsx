import { LANGS, useI18n } from '../i18n';

const LABELS = { vi: 'Tiếng Việt', en: 'English' } as const;
const SHORT = { vi: 'VI', en: 'EN' } as const;

/** Vietnamese / English switch, shown in the header of every page. */
export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <div className="lang-switch" role="group" aria-label={t('lang.label')}>
      {LANGS.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          className={l === lang ? 'active' : undefined}
          aria-pressed={l === lang}
          aria-label={LABELS[l]}
          title={LABELS[l]}
          onClick={() => setLang(l)}
        >
          {SHORT[l]}
        </button>
      ))}
    </div>
  );
}
