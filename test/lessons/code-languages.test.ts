// One source per lesson program, one language per page: the locale tags in
// starter.js and solution.js (site/course/localize-code.ts) and the exercise
// text filled from each check's task (site/course/exercise-text.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { describe, expect, it } from 'vitest';
import { ExerciseTextError, fillExercise, placeholders, type TaskParameters } from '../../site/course/exercise-text.ts';
import { localizeCode, LocaleTagError } from '../../site/course/localize-code.ts';
import { lessonFrontmatter } from '../../site/course/schema.ts';

const lessonsDir = fileURLToPath(new URL('../../lessons/', import.meta.url));
const slugs = readdirSync(lessonsDir, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();
const locales = ['zh', 'en'] as const;
const HAN = /\p{Script=Han}/u;
const AsyncFunction = (async () => {}).constructor as new (body: string) => unknown;

const exerciseOf = (slug: string, locale: string) =>
  lessonFrontmatter.parse(
    parseFrontmatter(readFileSync(`${lessonsDir}${slug}/${locale}.md`, 'utf8'), { frontmatter: 'empty-with-spaces' }).frontmatter,
  ).exercise;

describe('localizeCode', () => {
  const source = [
    '// zh: 打开连接',
    '// en: Open a socket',
    'const ws = new WebSocket(ECHO_URL); // en: the echo server',
    "console.log('已连接'); // @zh",
    "console.log('connected'); // @en",
    "const url = 'http://h/x'; // zh: 字符串里的 // 不是注释",
  ].join('\n');

  it('keeps each language’s comments and lines, without their tags', () => {
    expect(localizeCode(source, 'zh')).toBe(
      [
        '// 打开连接',
        'const ws = new WebSocket(ECHO_URL);',
        "console.log('已连接');",
        "const url = 'http://h/x'; // 字符串里的 // 不是注释",
      ].join('\n'),
    );
    expect(localizeCode(source, 'en')).toBe(
      [
        '// Open a socket',
        'const ws = new WebSocket(ECHO_URL); // the echo server',
        "console.log('connected');",
        "const url = 'http://h/x';",
      ].join('\n'),
    );
  });

  it.each([
    ['an untagged comment', '// no tag\nx();', /code:1: comment without a "zh:" or "en:" tag/],
    ['a block comment over several lines', '/* zh: 一\n二 */', /code:1: a comment spanning lines/],
    [
      'Chinese on an en line, named by its line in the source',
      "// zh: 问候\nconsole.log('你好');",
      /code:2: Chinese text in the en version: console.log\('你好'\);/,
    ],
  ])('rejects %s, naming the line', (_, code, message) => {
    expect(() => localizeCode(code, 'en')).toThrow(LocaleTagError);
    expect(() => localizeCode(code, 'en')).toThrow(message);
  });
});

describe('fillExercise', () => {
  const task: TaskParameters = { SIZE: 125, SIZES: [125, 126] };
  it('fills numbers, and lists in each language’s way', () => {
    expect(fillExercise('send {{SIZE}} bytes, then {{ SIZES }}', task, 'en', 'en.md')).toBe('send 125 bytes, then 125, 126');
    expect(fillExercise('发送 {{SIZES}} 字节', task, 'zh', 'zh.md')).toBe('发送 125、126 字节');
  });

  it('names the file and the unknown placeholder', () => {
    expect(() => fillExercise('{{SIZ}}', task, 'en', 'lessons/x/en.md')).toThrow(ExerciseTextError);
    expect(() => fillExercise('{{SIZ}}', task, 'en', 'lessons/x/en.md')).toThrow(
      /lessons\/x\/en.md: \{\{SIZ\}\} is not one of the task parameters its check.ts exports \(SIZE, SIZES\)/,
    );
  });
});

describe.each(slugs)('%s', (slug) => {
  it.each(['starter.js', 'solution.js'])('%s resolves to a program per language, only Chinese for zh readers and none for en', (name) => {
    const source = readFileSync(`${lessonsDir}${slug}/${name}`, 'utf8');
    for (const locale of locales) {
      const code = localizeCode(source, locale, `lessons/${slug}/${name}`);
      // Parsing it as an async function body reports what a module would, redeclarations included.
      expect(() => new AsyncFunction(code), `lessons/${slug}/${name} (${locale})`).not.toThrow();
      if (locale === 'en') expect(code).not.toMatch(HAN);
    }
    const zh = localizeCode(source, 'zh');
    const comments = zh.split('\n').filter((line) => /^\s*\/\//.test(line));
    for (const comment of comments) expect(comment, `lessons/${slug}/${name} (zh)`).toMatch(HAN);
  });

  it('fills every placeholder of both exercises from the check’s task, and quotes every task parameter', async () => {
    const { task = {} } = (await import(`${lessonsDir}${slug}/check.ts`)) as { task?: TaskParameters };
    for (const locale of locales) {
      const exercise = exerciseOf(slug, locale);
      expect(() => fillExercise(exercise, task, locale, `lessons/${slug}/${locale}.md`)).not.toThrow();
      expect(placeholders(exercise).sort(), `lessons/${slug}/${locale}.md placeholders`).toEqual(
        expect.arrayContaining(Object.keys(task).sort()),
      );
    }
  });
});
