// Content-Security-Policy headers for the static site. The site itself talks
// only to its own host; the runner page (where the reader's code runs, in a
// sandboxed frame) may open sockets anywhere, because WebSocket has no
// same-origin rule and the lessons show exactly that.

const SITE_POLICY = [
  "default-src 'self'",
  // Search (Pagefind) runs its index lookups in WebAssembly.
  "script-src 'self' 'wasm-unsafe-eval'",
  // Monaco and xterm inject style elements at run time.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "frame-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

const RUNNER_POLICY = [
  "default-src 'none'",
  "script-src 'self' blob:",
  // The run's worker comes from a data: URL (see site/runner/frame.ts).
  "worker-src 'self' blob: data:",
  'connect-src ws: wss: http: https: blob: data:',
  "img-src 'self' data: blob:",
  "style-src 'unsafe-inline'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** Pages under this path prefix are the sandboxed runner frame. */
export const RUNNER_PATH = '/runner/';

export function contentSecurityPolicy(pathname: string): string {
  return pathname.startsWith(RUNNER_PATH) ? RUNNER_POLICY : SITE_POLICY;
}
