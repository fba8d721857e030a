// Every page of the built site, for the tests that must hold on all of them
// (no sideways scroll on a phone, no serious accessibility issue).
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const LESSONS = join(import.meta.dirname, '../../lessons');

/** The lesson slugs: every folder under lessons/. */
export const lessonSlugs = readdirSync(LESSONS).filter((name) => statSync(join(LESSONS, name)).isDirectory());

export const LOCALES = ['zh', 'en'] as const;

/** Paths of every page (lessons in both languages, indexes, search, the 404), with `token` for the instructor pages. */
export function sitePaths(adminToken: string): string[] {
  return [
    '/',
    ...LOCALES.flatMap((locale) => [
      `/${locale}/`,
      `/${locale}/search/`,
      `/${locale}/workshop/?token=${encodeURIComponent(adminToken)}`,
      ...lessonSlugs.map((slug) => `/${locale}/${slug}/`),
    ]),
    '/no-such-page/',
  ];
}

/** Whether `path` is a lesson page (it has a playground). */
export const isLessonPath = (path: string): boolean => lessonSlugs.some((slug) => path.endsWith(`/${slug}/`));
