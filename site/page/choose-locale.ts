import { defaultLocale, type Locale, locales } from '../i18n/locales.ts';

/**
 * The language the reader picked before, if any; else the first of the browser's languages the site has;
 * the default (Chinese) when none match.
 */
export function chooseLocale(languages: readonly string[], picked: Locale | null = null): Locale {
  if (picked) return picked;
  for (const language of languages) {
    const tag = language.toLowerCase();
    const match = locales.find((locale) => tag.startsWith(locale));
    if (match) return match;
  }
  return defaultLocale;
}
