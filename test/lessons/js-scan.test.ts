import { describe, expect, it } from 'vitest';
import { scan, stripComments } from '../../site/course/js-scan.ts';

const kinds = (code: string) =>
  scan(code)
    .filter((t) => t.kind !== 'code')
    .map((t) => [t.kind, code.slice(t.start, t.end)]);

describe('js-scan', () => {
  it.each([
    ['a line comment', 'x = 1; // GUID here\ny = 2;', [['comment', '// GUID here']]],
    ['a block comment', 'x /* a */ + 1', [['comment', '/* a */']]],
    [
      '"//" inside a string is not a comment',
      "const u = 'ws://h//x'; // real",
      [
        ['string', "'ws://h//x'"],
        ['comment', '// real'],
      ],
    ],
    [
      'an escaped quote',
      String.raw`'it\'s // no' // yes`,
      [
        ['string', String.raw`'it\'s // no'`],
        ['comment', '// yes'],
      ],
    ],
    [
      '"/*" inside a template',
      'const t = `/* ${a} */`;',
      [
        ['template', '`/* ${'],
        ['template', '} */`'],
      ],
    ],
    [
      'a comment inside a template expression',
      'f(`a${ b /* c */ }d`)',
      [
        ['template', '`a${'],
        ['comment', '/* c */'],
        ['template', '}d`'],
      ],
    ],
    [
      'nested braces and templates in a template expression',
      'x = `a${ {k: `b${c}`}.k }d` // e',
      [
        ['template', '`a${'],
        ['template', '`b${'],
        ['template', '}`'],
        ['template', '}d`'],
        ['comment', '// e'],
      ],
    ],
    [
      'a regex holding "//"',
      'const r = /https?:\\/\\//; // c',
      [
        ['regex', '/https?:\\/\\//'],
        ['comment', '// c'],
      ],
    ],
    [
      'a regex with a slash in a class',
      'if (/[/]x/.test(s)) y(); // c',
      [
        ['regex', '/[/]x/'],
        ['comment', '// c'],
      ],
    ],
    [
      'a regex after return',
      'return /a\\/\\/b/g; // c',
      [
        ['regex', '/a\\/\\/b/g'],
        ['comment', '// c'],
      ],
    ],
    ['division is not a regex', 'const h = a / 2 / b; // c', [['comment', '// c']]],
    ['division after a call', 'f(x) / 2 // c', [['comment', '// c']]],
  ])('%s', (_, code, expected) => {
    expect(kinds(code)).toEqual(expected);
  });

  it('blanks comments keeping positions and lines', () => {
    const code = "a(); // GUID\n/* two\nlines */ b('//');";
    const stripped = stripComments(code);
    expect(stripped.length).toBe(code.length);
    expect(stripped.split('\n').length).toBe(3);
    expect(stripped).not.toContain('GUID');
    expect(stripped).toContain("b('//')");
  });
});
