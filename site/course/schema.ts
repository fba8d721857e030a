// The schemas of the course's files (see lessons/README.md), each fact in one
// place: the course list (lessons/course.json) orders the lessons into parts,
// a lesson's meta.json holds what is the same in every language, and its
// zh.md/en.md frontmatter only what is written per language. The content
// collection validates the frontmatter with lessonFrontmatter; the course
// check (course-check.ts) and the catalog read the two JSON files with the others.
import { z } from 'astro/zod';
import { locales, type Locale } from '../i18n/locales.ts';

/** A lesson folder's name, which is also its URL: `/zh/<slug>/`. */
const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a lesson slug is lowercase words joined by "-", as its folder is named');

/** Text in every language, e.g. `{ "zh": "…", "en": "…" }`. */
const inEveryLocale = z
  .object(Object.fromEntries(locales.map((locale) => [locale, z.string().min(1)])) as Record<Locale, z.ZodString>)
  .strict();

export const courseList = z
  .object({
    parts: z.array(z.object({ title: inEveryLocale, lessons: z.array(slug).min(1) }).strict()).min(1),
  })
  .strict();

export const lessonInput = z.enum(['file', 'canvas']);

export const lessonMeta = z
  .object({
    /** `true` only where the exercise asks for no change (the starter already passes). */
    starterPasses: z.boolean(),
    /** Inputs the runner hands to the code as globals: `file` gives FILE, `canvas` gives PIXELS. */
    inputs: z.array(lessonInput),
  })
  .strict();

/** Where a field that is the same in every language is written instead of in the frontmatter. */
const WRITTEN_ONCE: Record<string, string> = {
  order: 'the course order is the list in lessons/course.json',
  starterPasses: "it is written once, in the lesson's meta.json",
  inputs: "it is written once, in the lesson's meta.json",
};

const proseFields = {
  title: z.string().min(1),
  summary: z.string().min(1),
  exercise: z.string().min(1),
};

export const lessonFrontmatter = z
  .object(proseFields)
  .passthrough()
  // An issue per extra field, on that field, so the build names it (and its
  // line) and says where an old or copied file's field is written now.
  .superRefine((data, context) => {
    for (const key of Object.keys(data).filter((key) => !(key in proseFields))) {
      const message = `not a frontmatter field: ${WRITTEN_ONCE[key] ?? 'the frontmatter holds only title, summary and exercise'}`;
      context.addIssue({ code: z.ZodIssueCode.custom, path: [key], message });
    }
  })
  .pipe(z.object(proseFields));

export type CourseList = z.infer<typeof courseList>;
export type LessonMeta = z.infer<typeof lessonMeta>;
export type LessonFrontmatter = z.infer<typeof lessonFrontmatter>;
export type LessonInput = z.infer<typeof lessonInput>;
