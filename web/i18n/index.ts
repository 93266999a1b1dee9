export { I18nProvider } from './I18nProvider';
export { useI18n } from './useI18n';
export type { I18n } from './I18nProvider';
export { translate, isMessageKey, LANGS, type Lang } from './translate';
export type { MessageKey } from './vi';
export * from './format';
