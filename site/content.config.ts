import { defineCollection } from 'astro:content';
import { lessonsLoader } from './course/loader.ts';
import { lessonFrontmatter } from './course/schema.ts';

// One entry per lesson prose file; ids are `<slug>/<locale>`.
const lessons = defineCollection({ loader: lessonsLoader(), schema: lessonFrontmatter });

export const collections = { lessons };
