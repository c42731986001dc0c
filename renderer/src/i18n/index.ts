import { defaultLocale, isLocale, type Locale } from '../../../shared/domain';
import { formatMessage } from '../../../shared/labels';
import { create } from 'zustand';
import { en } from './en';
import { zhCN, type MessageKey } from './zh-CN';

const dictionaries: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };
const STORAGE_KEY = 'archive-desk-locale';

interface LocaleState {
  locale: Locale;
  setLocale(locale: Locale): void;
}

function initialLocale(): Locale {
  const saved = localStorage.getItem(STORAGE_KEY);
  return isLocale(saved) ? saved : defaultLocale;
}

/** <html lang> follows the chosen language: the API adapters read it to ask for messages in it. */
function applyLocale(locale: Locale) {
  document.documentElement.lang = locale;
  document.title = dictionaries[locale].appName;
}

export const useLocaleStore = create<LocaleState>((set) => {
  const locale = initialLocale();
  applyLocale(locale);
  return {
    locale,
    setLocale: (next) => {
      localStorage.setItem(STORAGE_KEY, next);
      applyLocale(next);
      set({ locale: next });
    },
  };
});

export type Translate = (key: MessageKey, vars?: Record<string, unknown>) => string;

const translators = Object.fromEntries(Object.entries(dictionaries).map(([locale, dictionary]) => [locale, ((key, vars) => formatMessage(dictionary[key], vars)) as Translate])) as Record<
  Locale,
  Translate
>;

/** One translate function per language, the same object every render (effects may depend on it). */
export function useT(): Translate {
  return translators[useLocaleStore((s) => s.locale)];
}

export type { MessageKey };
