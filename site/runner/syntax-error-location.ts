// Finds where a syntax error is. Chromium rejects a module with a SyntaxError
// that carries no position, and the runner's CSP forbids eval, but a classic
// worker whose script fails to parse reports an ErrorEvent with lineno and
// colno. So the code is parsed once more as the body of an async function
// (top-level await stays legal) that is never called, on the same first line
// so lines keep their numbers. The position counts only if that parse fails
// with the same message; module-only syntax (import/export) fails differently
// and then the error goes without a line.
import type { Location } from './error-location.ts';

const PREFIX = '(async () => {';
/** A parse takes milliseconds; past this the error is reported without a line. */
const PARSE_TIMEOUT_MS = 2000;

export function syntaxErrorLocation(code: string, message: string): Promise<Location | undefined> {
  const url = URL.createObjectURL(new Blob([`${PREFIX}${code}\n});`], { type: 'text/javascript' }));
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
      const column = event.lineno === 1 ? event.colno - PREFIX.length : event.colno;
      done({ line: event.lineno, column: Math.max(1, column) });
    });
  });
}
