// The content check over every lesson folder: the course the build accepts
// (course list, meta.json, both locales' frontmatter, the code files), enough
// prose, a runnable block, the exercise heading, demos that exist, and the
// check's tests beside it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { checkCourse, readLessonMeta } from '../../site/course/course-check.ts';
import { lessonFrontmatter, type LessonFrontmatter } from '../../site/course/schema.ts';
import type { LessonCheck } from '../../site/runner/run-record.ts';
import { run } from './run-builder.ts';

const lessonsDir = fileURLToPath(new URL('../../lessons/', import.meta.url));
const demosDir = fileURLToPath(new URL('../../site/demos/', import.meta.url));
const slugs = readdirSync(lessonsDir, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

const locales = {
  zh: { heading: /^## 练习\s*$/m, length: (body: string) => body.match(/\p{Script=Han}/gu)?.length ?? 0, min: 800 },
  en: { heading: /^## Exercise\s*$/m, length: (body: string) => body.match(/[A-Za-z][A-Za-z'’-]*/g)?.length ?? 0, min: 500 },
} as const;
type Locale = keyof typeof locales;

interface Prose {
  data: LessonFrontmatter;
  body: string;
}

function readProse(slug: string, locale: Locale): Prose {
  const file = `lessons/${slug}/${locale}.md`;
  let parsedFile: ReturnType<typeof parseFrontmatter>;
  try {
    parsedFile = parseFrontmatter(readFileSync(`${lessonsDir}${slug}/${locale}.md`, 'utf8'), { frontmatter: 'empty-with-spaces' });
  } catch (error) {
    throw new Error(`${file}: ${(error as Error).message}`);
  }
  const { frontmatter, content } = parsedFile;
  const parsed = lessonFrontmatter.safeParse(frontmatter);
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.message}`);
  return { data: parsed.data, body: content };
}

/** Fenced ```js blocks: what the page loads into the editor with one click. */
function jsBlocks(body: string): string[] {
  return [...body.matchAll(/^```js\s*\n([\s\S]*?)^```\s*$/gm)].map((m) => m[1] ?? '');
}

/** Syntax errors of `code` parsed as a module (top-level await allowed), as messages. */
function syntaxErrors(code: string): string[] {
  const out = ts.transpileModule(code, {
    reportDiagnostics: true,
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, allowJs: true },
    fileName: 'snippet.js',
  });
  return (out.diagnostics ?? []).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

function demosIn(body: string): string[] {
  return [...body.matchAll(/<div data-demo="([^"]+)"><\/div>/g)].map((m) => m[1] ?? '').sort();
}

describe('lesson content', () => {
  it('has lesson folders', () => {
    expect(slugs.length).toBeGreaterThan(0);
  });

  it('is a course the build accepts: every folder listed once, its meta.json, the prose and code files', () => {
    // The build's own check (site/course/course-check.ts), here without a build.
    expect(() =>
      checkCourse({
        folders: slugs,
        has: (path) => existsSync(`${lessonsDir}${path}`),
        read: (path) => readFileSync(`${lessonsDir}${path}`, 'utf8'),
      }),
    ).not.toThrow();
  });

  describe.each(slugs)('%s', (slug) => {
    const path = (name: string) => `${lessonsDir}${slug}/${name}`;

    it.each(Object.keys(locales) as Locale[])('%s prose is complete on its own', (locale) => {
      const { body } = readProse(slug, locale);
      const rule = locales[locale];
      expect(rule.length(body), `lessons/${slug}/${locale}.md prose length`).toBeGreaterThanOrEqual(rule.min);
      expect(body, `lessons/${slug}/${locale}.md exercise heading`).toMatch(rule.heading);
      const blocks = jsBlocks(body);
      expect(blocks.length, `lessons/${slug}/${locale}.md runnable js block`).toBeGreaterThan(0);
      for (const block of blocks) expect(syntaxErrors(block), block).toEqual([]);
    });

    it('places the same demos in both locales, and each exists', () => {
      const zh = demosIn(readProse(slug, 'zh').body);
      expect(demosIn(readProse(slug, 'en').body)).toEqual(zh);
      for (const name of zh) expect(existsSync(`${demosDir}${name}.ts`), `site/demos/${name}.ts`).toBe(true);
    });

    it('has a starter and a solution that parse as modules and differ', () => {
      const starter = readFileSync(path('starter.js'), 'utf8');
      const solution = readFileSync(path('solution.js'), 'utf8');
      expect(syntaxErrors(starter)).toEqual([]);
      expect(syntaxErrors(solution)).toEqual([]);
      const meta = readLessonMeta(slug, JSON.parse(readFileSync(path('meta.json'), 'utf8')));
      if (!meta.starterPasses) expect(solution.trim()).not.toBe(starter.trim());
    });

    it('has its check tests beside the check', () => {
      expect(existsSync(path('check.test.ts')), `lessons/${slug}/check.test.ts`).toBe(true);
    });

    it('has a check that fails a run that did nothing, with a hint in both languages', async () => {
      const check = (await import(path('check.ts'))).default as LessonCheck;
      expect(typeof check).toBe('function');
      for (const status of ['running', 'finished'] as const) {
        const result = check(run({ status }));
        expect(result.pass).toBe(false);
        expect(result.hint?.zh).toBeTruthy();
        expect(result.hint?.en).toBeTruthy();
      }
    });
  });
});
