// The lesson frontmatter schema (see lessons/README.md). The content
// collection validates every zh.md/en.md with it, and content tests import it
// to check lesson files the same way the build does.
import { z } from 'astro/zod';

export const lessonInput = z.enum(['file', 'canvas']);

export const lessonFrontmatter = z
  .object({
    title: z.string().min(1),
    summary: z.string().min(1),
    order: z.number().int().min(1),
    exercise: z.string().min(1),
    starterPasses: z.boolean().default(false),
    inputs: z.array(lessonInput).default([]),
  })
  .strict();

export type LessonFrontmatter = z.infer<typeof lessonFrontmatter>;
export type LessonInput = z.infer<typeof lessonInput>;
