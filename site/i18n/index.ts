import type { Locale } from '../runner/run-record.ts';
import { en, type UiStrings } from './en.ts';
import { zh } from './zh.ts';

export type { UiStrings };

const strings: Record<Locale, UiStrings> = { zh, en };

export function ui(locale: Locale): UiStrings {
  return strings[locale];
}

export function otherLocale(locale: Locale): Locale {
  return locale === 'zh' ? 'en' : 'zh';
}

/** The `lang` attribute value for each locale. */
export const htmlLang: Record<Locale, string> = { zh: 'zh-CN', en: 'en' };
