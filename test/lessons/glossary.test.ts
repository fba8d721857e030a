// The lesson prose keeps to the glossary in lessons/README.md: one zh word for
// the starter code and for the inspector (not 检查器, which reads as the
// exercise check, 检查), 关闭码 for close codes, “” quotes around Chinese, and
// plain English. Only prose is read: frontmatter and code blocks are not prose.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { describe, expect, it } from 'vitest';
import { zh as zhUi } from '../../site/i18n/zh.ts';

const lessonsDir = fileURLToPath(new URL('../../lessons/', import.meta.url));
const slugs = readdirSync(lessonsDir, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

/** The prose lines of a lesson: body only, fenced blocks and inline code removed. */
function proseLines(slug: string, locale: 'zh' | 'en'): string[] {
  const { content } = parseFrontmatter(readFileSync(`${lessonsDir}${slug}/${locale}.md`, 'utf8'), { frontmatter: 'empty-with-spaces' });
  return content
    .replace(/^```[^\n]*\n[\s\S]*?^```$/gm, '')
    .split('\n')
    .map((line) => line.replace(/`[^`\n]*`/g, ''));
}

/** Each rule names the glossary entry it enforces, so a failure says what to write instead. */
const rules = {
  zh: [
    { name: 'starter code is 初始代码, not 起始代码', bad: /起始代码/ },
    { name: 'the inspector is 流量监视器, not 检查器', bad: /检查器/ },
    { name: 'a close code is 关闭码; 状态码 is for HTTP only', bad: /(?<!HTTP )状态码/ },
    { name: 'Chinese is quoted with “”, not ""', bad: /"[^"]*\p{Script=Han}[^"]*"/u },
  ],
  en: [
    { name: 'compare with, not hold it against', bad: /\bhold (it|them) against\b/i },
    { name: 'the starter is "the starter code"', bad: /\bstarter\b(?! code)/i },
  ],
} as const;

describe('lesson prose follows the glossary', () => {
  for (const locale of ['zh', 'en'] as const) {
    for (const rule of rules[locale]) {
      it(`${locale}: ${rule.name}`, () => {
        const offending = slugs.flatMap((slug) =>
          proseLines(slug, locale)
            .filter((line) => rule.bad.test(line))
            .map((line) => `lessons/${slug}/${locale}.md: ${line.trim()}`),
        );
        expect(offending).toEqual([]);
      });
    }
  }

  it('zh: the inspector label in the UI is the glossary word', () => {
    expect(zhUi.inspector).toBe('流量监视器');
  });
});
