import { type Locale, locales } from './locales.ts';
import { en, type UiStrings } from './en.ts';
import { zh } from './zh.ts';

export type { UiStrings };

const strings: Record<Locale, UiStrings> = { zh, en };

export function ui(locale: Locale): UiStrings {
  return strings[locale];
}

export function otherLocale(locale: Locale): Locale {
  // Two languages: the switch on every page leads to the one the reader is not reading.
  return locales.find((other) => other !== locale) ?? locale;
}

/** The `lang` attribute value for each locale. */
export const htmlLang: Record<Locale, string> = { zh: 'zh-CN', en: 'en' };
