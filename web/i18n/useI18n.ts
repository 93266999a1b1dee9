import { useContext } from 'react';
import { I18nContext, type I18n } from './I18nProvider';

/** The interface language and its translator. */
export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n() needs an <I18nProvider>');
  return ctx;
}
