import type { Locale } from '../runner/run-record.ts';

/** The first of the browser's languages the site has; Chinese (the default) when none match. */
export function chooseLocale(languages: readonly string[]): Locale {
  for (const language of languages) {
    const tag = language.toLowerCase();
    if (tag.startsWith('zh')) return 'zh';
    if (tag.startsWith('en')) return 'en';
  }
  return 'zh';
}
