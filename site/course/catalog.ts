// Build-time view of the course: the parts and lessons in the order
// lessons/course.json gives, each lesson's zh/en prose paired with its
// meta.json, starter and solution. The content loader has already checked the
// folders (course-check.ts), so every file looked up here exists.
// Here the code is resolved to each language (localize-code.ts) and the
// exercise text's {{placeholders}} are filled from the check's task (exercise-text.ts).
import { getCollection } from 'astro:content';
import courseJson from '../../lessons/course.json';
import { type Locale, perLocale } from '../i18n/locales.ts';
import { readCourseList, readLessonMeta } from './course-check.ts';
import { fillExercise, type TaskParameters } from './exercise-text.ts';
import { localizeCode } from './localize-code.ts';
import type { LessonFrontmatter, LessonMeta } from './schema.ts';

/** The part of a content entry the site uses (typed here so `tsc` does not depend on generated types). */
export interface LessonEntry {
  id: string;
  filePath?: string;
  data: LessonFrontmatter;
}

export interface Lesson {
  slug: string;
  /** Its number in the course, counted from 1 across the parts. */
  order: number;
  meta: LessonMeta;
  /** The prose entries, with `exercise` already filled in. */
  prose: Record<Locale, LessonEntry>;
  /** The starter and the solution as each language's reader sees them. */
  starter: Record<Locale, string>;
  solution: Record<Locale, string>;
}

export interface CoursePart {
  title: Record<Locale, string>;
  lessons: Lesson[];
}

export interface Course {
  parts: CoursePart[];
  /** Every lesson, in course order. */
  lessons: Lesson[];
}

const metas = import.meta.glob<unknown>('/lessons/*/meta.json', { import: 'default', eager: true });
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

function lesson(slug: string, order: number, prose: Map<string, LessonEntry>): Lesson {
  const task = tasks[`/lessons/${slug}/check.ts`] ?? {};
  const filled = (locale: Locale): LessonEntry => {
    const file = `lessons/${slug}/${locale}.md`;
    const { data, ...rest } = checked(prose.get(`${slug}/${locale}`), file);
    return { ...rest, data: { ...data, exercise: fillExercise(data.exercise, task, locale, file) } };
  };
  const starter = `lessons/${slug}/starter.js`;
  const solution = `lessons/${slug}/solution.js`;
  return {
    slug,
    order,
    meta: readLessonMeta(slug, metas[`/lessons/${slug}/meta.json`]),
    prose: perLocale(filled),
    starter: inBothLocales(checked(starters[`/${starter}`], starter), starter),
    solution: inBothLocales(checked(solutions[`/${solution}`], solution), solution),
  };
}

let cached: Promise<Course> | undefined;

/** The course's parts and lessons, in order. */
export function loadCourse(): Promise<Course> {
  cached ??= (async () => {
    // Entry ids are `<slug>/<locale>`, as the glob loader names lessons/<slug>/<locale>.md.
    const prose = new Map(((await getCollection('lessons')) as LessonEntry[]).map((entry) => [entry.id, entry]));
    let order = 0;
    const parts = readCourseList(courseJson).parts.map((part) => ({
      title: part.title,
      lessons: part.lessons.map((slug) => lesson(slug, ++order, prose)),
    }));
    return { parts, lessons: parts.flatMap((part) => part.lessons) };
  })();
  return cached;
}

/** Every lesson, in course order. */
export async function loadLessons(): Promise<Lesson[]> {
  return (await loadCourse()).lessons;
}
