// Build-time view of the course: pairs each lesson's zh/en prose with its
// starter and solution, in course order. The content loader has already
// checked the folders (course-check.ts), so every file looked up here exists.
import { getCollection } from 'astro:content';
import type { Locale } from '../runner/run-record.ts';
import { groupBySlug } from './course-check.ts';
import type { LessonFrontmatter } from './schema.ts';

/** The part of a content entry the site uses (typed here so `tsc` does not depend on generated types). */
export interface LessonEntry {
  id: string;
  filePath?: string;
  data: LessonFrontmatter;
}

export const locales: readonly Locale[] = ['zh', 'en'];

export interface Lesson {
  slug: string;
  order: number;
  prose: Record<Locale, LessonEntry>;
  starter: string;
  solution: string;
}

const starters = import.meta.glob<string>('/lessons/*/starter.js', { query: '?raw', import: 'default', eager: true });
const solutions = import.meta.glob<string>('/lessons/*/solution.js', { query: '?raw', import: 'default', eager: true });

function checked<T>(value: T | undefined, file: string): T {
  if (value === undefined) throw new Error(`${file} was not found after the content check passed`);
  return value;
}

let cached: Promise<Lesson[]> | undefined;

/** Every lesson, in course order. */
export function loadLessons(): Promise<Lesson[]> {
  cached ??= (async () => {
    const bySlug = groupBySlug((await getCollection('lessons')) as LessonEntry[]);
    const lessons = [...bySlug].map(([slug, { zh, en }]): Lesson => {
      const prose = { zh: checked(zh, `lessons/${slug}/zh.md`), en: checked(en, `lessons/${slug}/en.md`) };
      return {
        slug,
        order: prose.zh.data.order,
        prose,
        starter: checked(starters[`/lessons/${slug}/starter.js`], `lessons/${slug}/starter.js`),
        solution: checked(solutions[`/lessons/${slug}/solution.js`], `lessons/${slug}/solution.js`),
      };
    });
    return lessons.sort((a, b) => a.order - b.order);
  })();
  return cached;
}

/** Order of the first lesson of part 2: part 1 is the API itself, part 2 what real applications need next. */
export const PART_2_FIRST_ORDER = 9;

/** The lessons split into the course's parts, in order; a part with no lessons is left out. */
export function courseParts(lessons: Lesson[]): Lesson[][] {
  return [lessons.filter((l) => l.order < PART_2_FIRST_ORDER), lessons.filter((l) => l.order >= PART_2_FIRST_ORDER)].filter((part) => part.length > 0);
}

export function isLocale(value: string | undefined): value is Locale {
  return value === 'zh' || value === 'en';
}
