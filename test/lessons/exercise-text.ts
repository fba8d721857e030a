// Reads a lesson's `exercise` frontmatter line, so a check test can assert
// that the numbers its check.ts exports are the numbers the reader is told.
import { readFileSync } from 'node:fs';

export function exerciseText(slug: string, locale: 'zh' | 'en'): string {
  const file = new URL(`../../lessons/${slug}/${locale}.md`, import.meta.url);
  return /^exercise: (.*)$/m.exec(readFileSync(file, 'utf8'))?.[1] ?? '';
}

/** The numbers missing from the exercise text in either locale (empty when every one is stated). */
export function unstatedNumbers(slug: string, numbers: number[]): string[] {
  return (['zh', 'en'] as const).flatMap((locale) =>
    numbers.filter((n) => !new RegExp(`(^|\\D)${n}(\\D|$)`).test(exerciseText(slug, locale))).map((n) => `${locale}: ${n}`),
  );
}
