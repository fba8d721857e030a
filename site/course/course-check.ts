// What makes `lessons/` a course: lessons/course.json lists every lesson folder
// once, each listed folder exists and holds zh.md and en.md, a valid meta.json,
// its starter, solution and check (the starter and solution with valid locale
// tags). Run by the content loader (site/course/loader.ts), so a malformed
// lesson fails `astro build` at content sync, before anything is bundled,
// with a message naming the file to fix. The frontmatter itself is checked by
// the content collection's schema (schema.ts) as each file is loaded.
import type { z } from 'astro/zod';
import { locales } from '../i18n/locales.ts';
import { localizeCode, LocaleTagError } from './localize-code.ts';
import { type CourseList, courseList, type LessonMeta, lessonMeta } from './schema.ts';

class LessonError extends Error {
  constructor(file: string, problem: string) {
    super(`Malformed lesson ${file}: ${problem}`);
    this.name = 'LessonError';
  }
}

const COURSE_FILE = 'lessons/course.json';
const metaFile = (slug: string) => `lessons/${slug}/meta.json`;

/** The files every lesson folder holds besides its meta.json. */
const LESSON_FILES = ['zh.md', 'en.md', 'starter.js', 'solution.js', 'check.ts'] as const;
/** The programs a reader sees, one version per language (localize-code.ts). */
const PROGRAMS = ['starter.js', 'solution.js'] as const;

/** `value` checked against `schema`, or a LessonError naming `file` and the first field that is wrong. */
function validated<T>(schema: z.ZodType<T, z.ZodTypeDef, unknown>, value: unknown, file: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
  throw new LessonError(file, `${where}${issue?.message ?? 'invalid'}`);
}

/** The course list (the value of lessons/course.json), validated. */
export const readCourseList = (value: unknown): CourseList => validated(courseList, value, COURSE_FILE);

/** A lesson's meta.json value, validated. */
export const readLessonMeta = (slug: string, value: unknown): LessonMeta => validated(lessonMeta, value, metaFile(slug));

/** What the check reads, relative to `lessons/`. */
export interface LessonFiles {
  /** The folders in `lessons/`. */
  folders: readonly string[];
  has(path: string): boolean;
  read(path: string): string;
}

function readJson(files: LessonFiles, path: string): unknown {
  const file = `lessons/${path}`;
  if (!files.has(path)) throw new LessonError(file, 'file is missing');
  try {
    return JSON.parse(files.read(path));
  } catch (error) {
    throw new LessonError(file, `not valid JSON (${(error as Error).message})`);
  }
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

/** The course list's slugs in course order, each listed once and each a folder; every folder listed. */
function listedSlugs(course: CourseList, folders: readonly string[]): string[] {
  const listed = course.parts.flatMap((part) => part.lessons);
  const twice = listed.find((slug, i) => listed.indexOf(slug) !== i);
  if (twice) throw new LessonError(COURSE_FILE, `lists "${twice}" twice`);
  const missing = listed.find((slug) => !folders.includes(slug));
  if (missing) throw new LessonError(COURSE_FILE, `lists "${missing}", but there is no folder lessons/${missing}/`);
  const unlisted = [...folders].sort().find((folder) => !listed.includes(folder));
  if (unlisted) throw new LessonError(COURSE_FILE, `does not list lessons/${unlisted}/ (every lesson folder goes in one part)`);
  return listed;
}

/** Throws a LessonError naming the first file that breaks the course. */
export function checkCourse(files: LessonFiles): void {
  const course = readCourseList(readJson(files, 'course.json'));
  for (const slug of listedSlugs(course, files.folders)) {
    const missing = LESSON_FILES.find((name) => !files.has(`${slug}/${name}`));
    if (missing) throw new LessonError(`lessons/${slug}/${missing}`, 'file is missing');
    readLessonMeta(slug, readJson(files, `${slug}/meta.json`));
    for (const name of PROGRAMS) checkLocaleTags(slug, name, files.read(`${slug}/${name}`));
  }
}
