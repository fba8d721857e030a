// Finds where a syntax error is. Chromium rejects a module with a SyntaxError
// that carries no position, and the runner's CSP forbids eval, but a classic
// worker whose script fails to parse reports an ErrorEvent with lineno and
// colno. So the code is parsed once more, on the same first line so lines keep
// their numbers, in a way that can never run it:
//   1. as a strict classic script that throws before its first statement
//      (syntax errors are found before anything runs), which places a stray
//      `}` where it is;
//   2. failing that (top-level await is not allowed there), as the body of an
//      async function that is never called. Its closing `});` would absorb a
//      stray `}`, so a position past the code's own lines is not trusted.
// A position counts only if that parse fails with the same message;
// module-only syntax (import/export) fails differently and then the error
// goes without a line.
import type { Location } from './error-location.ts';

interface Wrapper {
  prefix: string;
  suffix: string;
}

const AS_SCRIPT: Wrapper = { prefix: "'use strict';throw 0;", suffix: '\n' };
const AS_ASYNC_BODY: Wrapper = { prefix: '(async () => {', suffix: '\n});' };
/** A parse takes milliseconds; past this the error is reported without a line. */
const PARSE_TIMEOUT_MS = 2000;

export async function syntaxErrorLocation(code: string, message: string): Promise<Location | undefined> {
  const lines = code.split('\n').length;
  for (const wrapper of [AS_SCRIPT, AS_ASYNC_BODY]) {
    const where = await parseError(code, message, wrapper);
    if (where && where.line <= lines) return where;
  }
  return undefined;
}

function parseError(code: string, message: string, { prefix, suffix }: Wrapper): Promise<Location | undefined> {
  const url = URL.createObjectURL(new Blob([`${prefix}${code}${suffix}`], { type: 'text/javascript' }));
  return new Promise((resolve) => {
    let parser: Worker;
    const done = (where?: Location): void => {
      clearTimeout(timer);
      parser.terminate();
      URL.revokeObjectURL(url);
      resolve(where);
    };
    const timer = setTimeout(() => done(), PARSE_TIMEOUT_MS);
    try {
      parser = new Worker(url);
    } catch {
      clearTimeout(timer);
      resolve(undefined);
      return;
    }
    parser.addEventListener('error', (event) => {
      // Handled here: it must not reach the run's own error handler.
      event.preventDefault();
      if (!event.lineno || !event.message.endsWith(message)) return done();
      const column = event.lineno === 1 ? event.colno - prefix.length : event.colno;
      done({ line: event.lineno, column: Math.max(1, column) });
    });
  });
}
