import { useCallback } from 'react';
import type { Lang, Params } from './translate';
import { useI18n } from './useI18n';

/**
 * A feature's own catalogue (e.g. the admin screens), loaded with its lazy chunk instead of the resident's
 * first load. `vi` defines the keys; `en` must have every one (the type checks it).
 */
export function createMessages<K extends string>(catalogues: { vi: Record<K, string>; en: Record<K, string> }) {
  const translate = (lang: Lang, key: K, params?: Params): string => {
    const text = catalogues[lang][key] ?? catalogues.vi[key] ?? key;
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  };
  /** The feature's translator in the current interface language. */
  function useMessages(): (key: K, params?: Params) => string {
    const { lang } = useI18n();
    return useCallback((key: K, params?: Params) => translate(lang, key, params), [lang]);
  }
  return { translate, useMessages, catalogues };
}
