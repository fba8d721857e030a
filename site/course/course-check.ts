// What makes `lessons/` a course: every folder has zh.md and en.md that agree
// on order, starterPasses and inputs, its starter, solution and check (the
// starter and solution with valid locale tags), and no two lessons share an order. Run by the content loader (site/course/loader.ts), so a malformed
// lesson fails `astro build` at content sync, before anything is bundled,
// with a message naming the file to fix.
import { isLocale, type Locale, locales } from '../i18n/locales.ts';
import { localizeCode, LocaleTagError } from './localize-code.ts';

class LessonError extends Error {
  constructor(file: string, problem: string) {
    super(`Malformed lesson ${file}: ${problem}`);
    this.name = 'LessonError';
  }
}

/** The code files every lesson folder holds besides its prose. */
const LESSON_FILES = ['starter.js', 'solution.js', 'check.ts'] as const;
/** The programs a reader sees, one version per language (localize-code.ts). */
const PROGRAMS = ['starter.js', 'solution.js'] as const;

interface ProseEntry {
  /** `<slug>/<locale>`, as the glob loader names `lessons/<slug>/<locale>.md`. */
  id: string;
  filePath?: string;
  data: { order: number; starterPasses: boolean; inputs: readonly string[] };
}

/** The frontmatter fields both locales of a lesson must agree on, as comparable text. */
const SHARED_FIELDS = {
  order: (data: ProseEntry['data']) => String(data.order),
  starterPasses: (data: ProseEntry['data']) => String(data.starterPasses),
  inputs: (data: ProseEntry['data']) => `[${[...data.inputs].sort().join(', ')}]`,
};

/** The prose entries by lesson folder, each with its two locales (either may be missing). */
export function groupBySlug<T extends ProseEntry>(entries: Iterable<T>): Map<string, Partial<Record<Locale, T>>> {
  const grouped = new Map<string, Partial<Record<Locale, T>>>();
  for (const entry of entries) {
    const [slug, locale] = entry.id.split('/');
    if (!slug || !isLocale(locale)) {
      throw new LessonError(entry.filePath ?? entry.id, 'expected lessons/<slug>/zh.md or en.md');
    }
    grouped.set(slug, { ...grouped.get(slug), [locale]: entry });
  }
  return grouped;
}

/** Throws a LessonError naming the line when a program's locale tags are wrong. */
function checkLocaleTags(slug: string, name: string, code: string): void {
  for (const locale of locales) {
    try {
      localizeCode(code, locale, `lessons/${slug}/${name}`);
    } catch (error) {
      if (error instanceof LocaleTagError) throw new LessonError(`${error.file}:${error.line}`, error.problem);
      throw error;
    }
  }
}

/**
 * Throws a LessonError naming the first file that breaks the course.
 * `hasFile` answers whether `lessons/<slug>/<name>` exists; `readFile` gives its text.
 */
export function checkCourse(
  entries: Iterable<ProseEntry>,
  hasFile: (slug: string, name: string) => boolean,
  readFile: (slug: string, name: string) => string,
): void {
  const bySlug = groupBySlug(entries);
  const orders = new Map<number, string>();
  for (const slug of [...bySlug.keys()].sort()) {
    const { zh, en } = bySlug.get(slug) ?? {};
    if (!zh) throw new LessonError(`lessons/${slug}/zh.md`, 'file is missing');
    if (!en) throw new LessonError(`lessons/${slug}/en.md`, 'file is missing');
    for (const [field, text] of Object.entries(SHARED_FIELDS)) {
      if (text(zh.data) !== text(en.data)) {
        throw new LessonError(`lessons/${slug}/en.md`, `${field} ${text(en.data)} differs from lessons/${slug}/zh.md (${field} ${text(zh.data)})`);
      }
    }
    const missing = LESSON_FILES.find((name) => !hasFile(slug, name));
    if (missing) throw new LessonError(`lessons/${slug}/${missing}`, 'file is missing');
    for (const name of PROGRAMS) checkLocaleTags(slug, name, readFile(slug, name));
    const other = orders.get(zh.data.order);
    if (other) throw new LessonError(`lessons/${slug}/zh.md`, `order ${zh.data.order} is also used by lessons/${other}`);
    orders.set(zh.data.order, slug);
  }
}
