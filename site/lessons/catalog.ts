// Build-time view of the course: pairs each lesson's zh/en prose with its
// starter, solution and check, and fails the build (naming the file) when a
// lesson folder is incomplete or inconsistent.
import { getCollection } from 'astro:content';
import type { Locale } from '../runner/run-record.ts';
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
// Only the keys matter here: the page loads the check lazily in the browser.
const checks = import.meta.glob('/lessons/*/check.ts');

class LessonError extends Error {
  constructor(file: string, problem: string) {
    super(`Malformed lesson ${file}: ${problem}`);
    this.name = 'LessonError';
  }
}

function requireFile<T>(files: Record<string, T>, slug: string, name: string): T {
  const value = files[`/lessons/${slug}/${name}`];
  if (value === undefined) throw new LessonError(`lessons/${slug}/${name}`, 'file is missing');
  return value;
}

function assemble(slug: string, byLocale: Partial<Record<Locale, LessonEntry>>): Lesson {
  const { zh, en } = byLocale;
  if (!zh) throw new LessonError(`lessons/${slug}/zh.md`, 'file is missing');
  if (!en) throw new LessonError(`lessons/${slug}/en.md`, 'file is missing');
  if (zh.data.order !== en.data.order) {
    throw new LessonError(
      `lessons/${slug}/en.md`,
      `order ${en.data.order} differs from lessons/${slug}/zh.md (order ${zh.data.order})`,
    );
  }
  requireFile(checks, slug, 'check.ts');
  return {
    slug,
    order: zh.data.order,
    prose: { zh, en },
    starter: requireFile(starters, slug, 'starter.js'),
    solution: requireFile(solutions, slug, 'solution.js'),
  };
}

let cached: Promise<Lesson[]> | undefined;

/** Every lesson, in course order. Throws a LessonError naming the file on any inconsistency. */
export function loadLessons(): Promise<Lesson[]> {
  cached ??= (async () => {
    const grouped = new Map<string, Partial<Record<Locale, LessonEntry>>>();
    for (const entry of (await getCollection('lessons')) as LessonEntry[]) {
      const [slug, locale] = entry.id.split('/');
      if (!slug || (locale !== 'zh' && locale !== 'en')) {
        throw new LessonError(entry.filePath ?? entry.id, 'expected lessons/<slug>/zh.md or en.md');
      }
      grouped.set(slug, { ...grouped.get(slug), [locale]: entry });
    }
    const lessons = [...grouped].map(([slug, byLocale]) => assemble(slug, byLocale));
    lessons.sort((a, b) => a.order - b.order);
    lessons.forEach((lesson, i) => {
      const previous = lessons[i - 1];
      if (previous && previous.order === lesson.order) {
        throw new LessonError(
          `lessons/${lesson.slug}/zh.md`,
          `order ${lesson.order} is also used by lessons/${previous.slug}`,
        );
      }
    });
    return lessons;
  })();
  return cached;
}

export function isLocale(value: string | undefined): value is Locale {
  return value === 'zh' || value === 'en';
}
