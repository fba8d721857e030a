// The site's languages, stated once. astro.config.mjs builds its i18n routing
// from this list (so the routes and this type cannot disagree), and the pages,
// the player, the course loader and the server all take `Locale` from here.
// It is a plain module rather than read back from Astro's config because the
// server bundle, the runner and the tests load it without Astro.
export const locales = ['zh', 'en'] as const;

export type Locale = (typeof locales)[number];

/** The language `/` falls back to when the reader's browser names none of ours. */
export const defaultLocale: Locale = 'zh';

export function isLocale(value: unknown): value is Locale {
  return locales.includes(value as Locale);
}

/** A locale read from the page or storage, or the default when it is not one of ours. */
export function localeOr(value: unknown, fallback: Locale = defaultLocale): Locale {
  return isLocale(value) ? value : fallback;
}

/** One value per locale, made by `make`: for the places that hold something in every language. */
export function perLocale<T>(make: (locale: Locale) => T): Record<Locale, T> {
  return Object.fromEntries(locales.map((locale) => [locale, make(locale)])) as Record<Locale, T>;
}
