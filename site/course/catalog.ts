// Build-time view of the course: pairs each lesson's zh/en prose with its
// starter and solution, in course order. The content loader has already
// checked the folders (course-check.ts), so every file looked up here exists.
// Here the code is resolved to each language (localize-code.ts) and the
// exercise text's {{placeholders}} are filled from the check's task (exercise-text.ts).
import { getCollection } from 'astro:content';
import { defaultLocale, type Locale, perLocale } from '../i18n/locales.ts';
import { groupBySlug } from './course-check.ts';
import { fillExercise, type TaskParameters } from './exercise-text.ts';
import { localizeCode } from './localize-code.ts';
import type { LessonFrontmatter } from './schema.ts';

/** The part of a content entry the site uses (typed here so `tsc` does not depend on generated types). */
export interface LessonEntry {
  id: string;
  filePath?: string;
  data: LessonFrontmatter;
}

export interface Lesson {
  slug: string;
  order: number;
  /** The prose entries, with `exercise` already filled in. */
  prose: Record<Locale, LessonEntry>;
  /** The starter and the solution as each language's reader sees them. */
  starter: Record<Locale, string>;
  solution: Record<Locale, string>;
}

const starters = import.meta.glob<string>('/lessons/*/starter.js', { query: '?raw', import: 'default', eager: true });
const solutions = import.meta.glob<string>('/lessons/*/solution.js', { query: '?raw', import: 'default', eager: true });
const tasks = import.meta.glob<TaskParameters | undefined>('/lessons/*/check.ts', { import: 'task', eager: true });

function checked<T>(value: T | undefined, file: string): T {
  if (value === undefined) throw new Error(`${file} was not found after the content check passed`);
  return value;
}

function inBothLocales(source: string, file: string): Record<Locale, string> {
  return perLocale((locale) => localizeCode(source, locale, file));
}

let cached: Promise<Lesson[]> | undefined;

/** Every lesson, in course order. */
export function loadLessons(): Promise<Lesson[]> {
  cached ??= (async () => {
    const bySlug = groupBySlug((await getCollection('lessons')) as LessonEntry[]);
    const lessons = [...bySlug].map(([slug, entries]): Lesson => {
      const task = tasks[`/lessons/${slug}/check.ts`] ?? {};
      const filled = (locale: Locale): LessonEntry => {
        const file = `lessons/${slug}/${locale}.md`;
        const { data, ...rest } = checked(entries[locale], file);
        return { ...rest, data: { ...data, exercise: fillExercise(data.exercise, task, locale, file) } };
      };
      const starter = `lessons/${slug}/starter.js`;
      const solution = `lessons/${slug}/solution.js`;
      return {
        slug,
        order: checked(entries[defaultLocale], `lessons/${slug}/${defaultLocale}.md`).data.order,
        prose: perLocale(filled),
        starter: inBothLocales(checked(starters[`/${starter}`], starter), starter),
        solution: inBothLocales(checked(solutions[`/${solution}`], solution), solution),
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
