import { LANGS, useI18n } from '../i18n';

const LABELS = { vi: 'Tiếng Việt', en: 'English' } as const;

/**
 * Vietnamese / English switch, shown in the header of every page. Each button shows its language's
 * own name (no "VI"/"EN" codes): what a person sees is what a voice user says and a screen reader reads.
 */
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
          onClick={() => setLang(l)}
        >
          {LABELS[l]}
        </button>
      ))}
    </div>
  );
}
