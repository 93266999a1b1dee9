import { createContext, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { LocalizedName } from '../../shared/schemas/common';
import { loadLang, saveLang, translate, type Lang, type Params } from './translate';
import type { MessageKey } from './vi';

/** What components get from `useI18n()`. */
export interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: (key: MessageKey, params?: Params) => string;
  /** Picks the current language from a `{ vi, en }` name. */
  name: (n: LocalizedName) => string;
}

export const I18nContext = createContext<I18n | null>(null);

/** Holds the interface language (saved in localStorage) and exposes `t`. */
export function I18nProvider({ children, initial }: { children: ReactNode; initial?: Lang }) {
  const [lang, setLangState] = useState<Lang>(() => initial ?? loadLang());

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const setLang = useCallback((next: Lang) => {
    saveLang(next);
    setLangState(next);
  }, []);

  const value = useMemo<I18n>(
    () => ({
      lang,
      setLang,
      t: (key, params) => translate(lang, key, params),
      name: (n) => (lang === 'en' ? n.en || n.vi : n.vi || n.en),
    }),
    [lang, setLang],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}
