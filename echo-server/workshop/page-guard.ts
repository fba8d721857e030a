// The instructor pages are static files like any other, so the token is checked
// before the static host sees the request: 401 without it, 403 when wrong.
import type { RequestHandler } from '../http-host.ts';
import { requestUrl } from '../request-url.ts';
import { checkAdminToken } from './admin-token.ts';

/** `/workshop/`, `/zh/workshop/`, `/en/workshop/` and their index.html. */
const INSTRUCTOR_PAGE = /^\/(?:(?:zh|en)\/)?workshop(?:\/(?:index\.html)?)?$/;

export function createWorkshopPageGuard(token: string): RequestHandler {
  return (req, res, next) => {
    const url = requestUrl(req);
    if (!url || !INSTRUCTOR_PAGE.test(url.pathname)) return next?.();
    const verdict = checkAdminToken(token, url.searchParams.get('token'));
    if (verdict === 'ok') return next?.();
    const status = verdict === 'missing' ? 401 : 403;
    res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
    res.end(
      verdict === 'missing'
        ? 'The instructor page needs the token printed by the server at start: open /workshop/?token=…\n'
        : 'That instructor token is wrong. Use the link the server printed at start.\n',
    );
  };
}
