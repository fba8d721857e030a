// A small JavaScript scanner that finds comments, string, template and regex
// literals: enough to strip comments from a reader's code before a check
// searches it, and to find the locale tags in a lesson's starter and solution.
// It runs in the page (inside the checks), so it cannot use a full parser.

export type TokenKind = 'comment' | 'string' | 'template' | 'regex' | 'code';

export interface Token {
  kind: TokenKind;
  start: number;
  end: number;
}

/** Keywords after which a `/` starts a regular expression rather than a division. */
const REGEX_AFTER_WORD = new Set([
  'return',
  'typeof',
  'instanceof',
  'in',
  'of',
  'new',
  'delete',
  'void',
  'throw',
  'case',
  'do',
  'else',
  'yield',
  'await',
]);

const isIdentChar = (c: string) => /[\p{ID_Continue}$\u200c\u200d]/u.test(c);

/** Index just past the quote that closes the string opened at `start`. */
function endOfString(code: string, start: number): number {
  const quote = code[start];
  let i = start + 1;
  while (i < code.length && code[i] !== quote && code[i] !== '\n') i += code[i] === '\\' ? 2 : 1;
  return Math.min(i + 1, code.length);
}

/** Index just past the regex literal (and its flags) opened at `start`. */
function endOfRegex(code: string, start: number): number {
  let i = start + 1;
  let inClass = false;
  while (i < code.length && code[i] !== '\n') {
    const c = code[i];
    if (c === '\\') i += 2;
    else {
      if (c === '[') inClass = true;
      else if (c === ']') inClass = false;
      else if (c === '/' && !inClass) break;
      i += 1;
    }
  }
  i += 1;
  while (i < code.length && isIdentChar(code[i]!)) i += 1;
  return Math.min(i, code.length);
}

/**
 * Splits `code` into tokens that cover it without gaps. Template literals are
 * split at `${ … }`: the parts outside the braces are 'template' tokens, the
 * expressions inside are scanned like any code (comments and strings included).
 */
export function scan(code: string): Token[] {
  const tokens: Token[] = [];
  // One entry per open `${`: the brace depth at which that template resumes.
  const templates: number[] = [];
  let depth = 0;
  let i = 0;
  let codeStart = 0;
  // The last significant code character or word, for the regex-or-division question.
  let previous = '';

  const push = (kind: TokenKind, start: number, end: number) => {
    if (codeStart < start) tokens.push({ kind: 'code', start: codeStart, end: start });
    tokens.push({ kind, start, end });
    codeStart = end;
    i = end;
  };
  /** Scans template text from `start` (just after ` or }) to its end or the next `${`. */
  const templateText = (start: number) => {
    let j = start;
    while (j < code.length && code[j] !== '`') {
      if (code[j] === '\\') j += 2;
      else if (code[j] === '$' && code[j + 1] === '{') {
        templates.push(depth);
        depth += 1;
        push('template', start - 1, j + 2);
        previous = '{';
        return;
      } else j += 1;
    }
    push('template', start - 1, Math.min(j + 1, code.length));
    previous = ')';
  };

  while (i < code.length) {
    const c = code[i]!;
    const next = code[i + 1];
    if (c === '/' && next === '/') {
      const end = code.indexOf('\n', i);
      push('comment', i, end === -1 ? code.length : end);
    } else if (c === '/' && next === '*') {
      const end = code.indexOf('*/', i + 2);
      push('comment', i, end === -1 ? code.length : end + 2);
    } else if (c === '"' || c === "'") {
      push('string', i, endOfString(code, i));
      previous = ')';
    } else if (c === '`') {
      if (codeStart < i) tokens.push({ kind: 'code', start: codeStart, end: i });
      codeStart = i;
      templateText(i + 1);
    } else if (c === '}' && templates.length > 0 && templates[templates.length - 1] === depth - 1) {
      templates.pop();
      depth -= 1;
      if (codeStart < i) tokens.push({ kind: 'code', start: codeStart, end: i });
      codeStart = i;
      templateText(i + 1);
    } else if (c === '/' && (previous === '' || /[^\w$)\]]/.test(previous) || REGEX_AFTER_WORD.has(previous))) {
      push('regex', i, endOfRegex(code, i));
      previous = ')';
    } else if (isIdentChar(c)) {
      let j = i;
      while (j < code.length && isIdentChar(code[j]!)) j += 1;
      previous = code.slice(i, j);
      i = j;
    } else {
      if (c === '{') depth += 1;
      else if (c === '}') depth -= 1;
      if (!/\s/.test(c)) previous = c;
      i += 1;
    }
  }
  if (codeStart < code.length) tokens.push({ kind: 'code', start: codeStart, end: code.length });
  return tokens;
}

/** `code` with every comment replaced by spaces (line breaks kept), so positions and lines stay put. */
export function stripComments(code: string): string {
  return scan(code)
    .map((t) => {
      const text = code.slice(t.start, t.end);
      return t.kind === 'comment' ? text.replace(/[^\n]/g, ' ') : text;
    })
    .join('');
}
