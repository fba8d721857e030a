// One source per lesson program, one language per page: starter.js and
// solution.js carry both languages, tagged, and the build keeps only the
// page's (see lessons/README.md, "Code in two languages").
//
//   // zh: 中文注释            a comment for zh readers only (the tag is dropped)
//   // en: an English one     a comment for en readers only
//   console.log('收到'); // @zh     a line for zh readers only (the tag comment is dropped)
//   console.log('got it'); // @en   a line for en readers only
//
// Every comment must be tagged, so no untagged comment reaches the other language.
import type { Locale } from '../i18n/locales.ts';
import { scan } from './js-scan.ts';

export class LocaleTagError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly problem: string,
  ) {
    super(`${file}:${line}: ${problem}`);
    this.name = 'LocaleTagError';
  }
}

const COMMENT_TAG = /^(?:\/\/|\/\*)\s?(zh|en):\s?/;
const LINE_TAG = /^\/\/\s*@(zh|en)\s*$/;
const HAN = /\p{Script=Han}/u;

interface Tagged {
  /** The locale the comment or line is for. */
  locale: Locale;
  /** 'comment': keep the comment text without its tag; 'line': keep the line without the tag comment. */
  scope: 'comment' | 'line';
  start: number;
  end: number;
}

function tags(code: string, file: string): Tagged[] {
  const lineOf = (index: number) => code.slice(0, index).split('\n').length;
  return scan(code)
    .filter((t) => t.kind === 'comment')
    .map((t) => {
      const text = code.slice(t.start, t.end);
      if (text.includes('\n')) throw new LocaleTagError(file, lineOf(t.start), 'a comment spanning lines: use one // comment per line');
      const line = LINE_TAG.exec(text);
      if (line) return { locale: line[1] as Locale, scope: 'line' as const, start: t.start, end: t.end };
      const comment = COMMENT_TAG.exec(text);
      if (comment) return { locale: comment[1] as Locale, scope: 'comment' as const, start: t.start, end: t.end };
      throw new LocaleTagError(file, lineOf(t.start), 'comment without a "zh:" or "en:" tag');
    });
}

/** The program as a reader of `locale` sees it. Throws a LocaleTagError naming the line when the tags are wrong. */
export function localizeCode(code: string, locale: Locale, file = 'code'): string {
  const byLine = new Map<number, Tagged[]>();
  const lineStarts = [0];
  for (let i = 0; i < code.length; i++) if (code[i] === '\n') lineStarts.push(i + 1);
  const lineIndex = (offset: number) => lineStarts.findLastIndex((s) => s <= offset);
  for (const tag of tags(code, file)) {
    const line = lineIndex(tag.start);
    byLine.set(line, [...(byLine.get(line) ?? []), tag]);
  }

  // Each kept line with its 1-based line in the source, for errors.
  const out: Array<{ text: string; line: number }> = [];
  code.split('\n').forEach((text, index) => {
    const start = lineStarts[index]!;
    let kept = text;
    // Right to left, so earlier offsets stay valid.
    for (const tag of [...(byLine.get(index) ?? [])].reverse()) {
      const from = tag.start - start;
      const to = Math.min(tag.end - start, text.length);
      if (tag.scope === 'line') {
        if (tag.locale !== locale) return;
        kept = kept.slice(0, from).trimEnd() + kept.slice(to);
      } else if (tag.locale === locale) {
        kept =
          kept.slice(0, from) + kept.slice(from, to).replace(COMMENT_TAG, (m) => (m.startsWith('/*') ? '/* ' : '// ')) + kept.slice(to);
      } else {
        const before = kept.slice(0, from);
        // A comment on a line of its own disappears with its line.
        if (before.trim() === '' && kept.slice(to).trim() === '') return;
        kept = before.trimEnd() + kept.slice(to);
      }
    }
    out.push({ text: kept, line: index + 1 });
  });
  const chinese = locale === 'en' ? out.find((l) => HAN.test(l.text)) : undefined;
  if (chinese) throw new LocaleTagError(file, chinese.line, `Chinese text in the en version: ${chinese.text.trim()}`);
  return out.map((l) => l.text).join('\n');
}
