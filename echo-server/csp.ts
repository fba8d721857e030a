// Content-Security-Policy headers for the static site. The site itself talks
// only to its own host. The runner page (where the reader's code runs, in a
// sandboxed frame) may connect to the serving host — ws(s) and http(s) — and
// to the hosts an operator adds with --runner-connect, nothing else: code from
// a shared link must not reach the reader's LAN or loopback services. No page
// may be framed by another site.

import { RUNNER_PATH } from '../contracts/endpoints.ts';

/** What a page's policy depends on besides its path. */
export interface PolicyContext {
  /** The host the browser asked for (with port), '' when unknown: then only 'self' is named. */
  host: string;
  /** Extra CSP sources for the runner's connect-src (--runner-connect). */
  runnerConnect: readonly string[];
}

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
  "frame-ancestors 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/** The serving host under every scheme a lesson uses. A sandboxed page's origin is opaque, so 'self' is not enough there. */
function servingHost(host: string): string[] {
  return host === '' ? ["'self'"] : ["'self'", `ws://${host}`, `wss://${host}`, `http://${host}`, `https://${host}`];
}

function runnerPolicy({ host, runnerConnect }: PolicyContext): string {
  const self = servingHost(host);
  return [
    "default-src 'none'",
    // data: for the run's code, which the worker imports as a data: URL (site/runner/worker/worker.ts).
    "script-src 'self' blob: data:",
    // The run's worker comes from a data: URL (see site/runner/frame/frame.ts); it inherits this policy.
    "worker-src 'self' blob: data:",
    `connect-src ${[...self, ...runnerConnect, 'blob:', 'data:'].join(' ')}`,
    "img-src 'self' data: blob:",
    "style-src 'unsafe-inline'",
    `frame-ancestors ${self.filter((s) => !s.startsWith('ws')).join(' ')}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** Pages under RUNNER_PATH are the sandboxed runner frame, with a policy of their own. */
export function contentSecurityPolicy(pathname: string, context: PolicyContext): string {
  return pathname.startsWith(RUNNER_PATH) ? runnerPolicy(context) : SITE_POLICY;
}
