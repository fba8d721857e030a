// The instructor pages are static files like any other, so the token is checked
// before the static host sees the request: 401 without it, 403 when wrong.
import type { RequestHandler } from '../http-host.ts';
import { requestUrl } from '../request-url.ts';
import type { ClientResolver } from '../client-info.ts';
import type { GuardedVerdict, TokenAttempts } from './token-attempts.ts';

/**
 * Everything in an instructor folder (`/workshop`, `/zh/workshop`, `/en/workshop`),
 * however the URL spells it. The static host decodes %XX, drops a trailing
 * slash and tries `.html`, `/index` and `/index.html`, so `/%77orkshop/`,
 * `/en/workshop/index` and `/workshop/index.html/` all reach the instructor
 * page: the guard looks at the decoded path and takes in the whole folder
 * rather than listing spellings.
 */
const INSTRUCTOR_AREA = /^\/(?:(?:zh|en)\/)?workshop(?:[/.]|$)/;

function decoded(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** True when the request could be answered with an instructor page, by the raw path or the normalised one. */
export function isInstructorPath(rawTarget: string, url: URL): boolean {
  const raw = decoded(rawTarget.split(/[?#]/, 1)[0]!);
  return INSTRUCTOR_AREA.test(raw) || INSTRUCTOR_AREA.test(decoded(url.pathname));
}

const ANSWERS: Record<Exclude<GuardedVerdict, 'ok'>, [number, string]> = {
  missing: [401, 'The instructor page needs the token printed by the server at start: open /workshop/?token=…'],
  wrong: [403, 'That instructor token is wrong. Use the link the server printed at start.'],
  'too-many': [429, 'Too many wrong instructor tokens from your address; wait a minute and use the link the server printed at start.'],
};

export function createWorkshopPageGuard(attempts: TokenAttempts, client: ClientResolver): RequestHandler {
  return (req, res, next) => {
    const url = requestUrl(req);
    if (!url || !isInstructorPath(req.url ?? '/', url)) return next?.();
    const verdict = attempts.check(client(req).address, url.searchParams.get('token'));
    if (verdict === 'ok') return next?.();
    const [status, message] = ANSWERS[verdict];
    res.writeHead(status, {
      'Content-Type': 'text/plain; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    res.end(`${message}\n`);
  };
}
