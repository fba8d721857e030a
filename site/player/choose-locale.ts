import type { Locale } from '../runner/run-record.ts';

/**
 * The language the reader picked before, if any; else the first of the browser's languages the site has;
 * Chinese (the default) when none match.
 */
export function chooseLocale(languages: readonly string[], picked: Locale | null = null): Locale {
  if (picked) return picked;
  for (const language of languages) {
    const tag = language.toLowerCase();
    if (tag.startsWith('zh')) return 'zh';
    if (tag.startsWith('en')) return 'en';
  }
  return 'zh';
}
