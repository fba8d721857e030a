import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { lessonFrontmatter } from './lessons/schema.ts';

// One entry per lesson prose file; ids are `<slug>/<locale>`.
const lessons = defineCollection({
  loader: glob({ base: './lessons', pattern: '*/{zh,en}.md' }),
  schema: lessonFrontmatter,
});

export const collections = { lessons };
