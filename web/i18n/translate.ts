import { en } from './en';
import { vi, type MessageKey } from './vi';

/** Interface languages; Vietnamese is the default. */
export const LANGS = ['vi', 'en'] as const;
/** One interface language. */
export type Lang = (typeof LANGS)[number];

const CATALOGUES: Record<Lang, Record<MessageKey, string>> = { vi, en };

/** Interpolation values for `{name}` placeholders. */
export type Params = Record<string, string | number>;

/** Looks a key up in a language's catalogue and fills its `{placeholders}`. */
export function translate(lang: Lang, key: MessageKey, params?: Params): string {
  const text = CATALOGUES[lang][key] ?? vi[key] ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** True when a string is a key of the catalogues (for keys built at run time, e.g. event types). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(vi, key);
}

/** Catalogue of a language, for tests and tooling. */
export function catalogue(lang: Lang): Record<MessageKey, string> {
  return CATALOGUES[lang];
}

const STORAGE_KEY = 'beacon.lang';

/** The language saved in localStorage, or Vietnamese. */
export function loadLang(): Lang {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    return saved === 'en' || saved === 'vi' ? saved : 'vi';
  } catch {
    return 'vi';
  }
}

/** Keeps the language choice for the next visit. */
export function saveLang(lang: Lang): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Private mode or storage full: the choice lasts for this page only.
  }
}
