// Which web pages may open a socket. WebSocket has no same-origin rule, so a
// page on any site a participant visits could open /presence or /admin in
// their name; the browser's Origin header says which page asks. Clients that
// are not browsers send no Origin and are not web pages to guard against.
export type OriginRule =
  /** Lesson endpoints: any page, including the sandboxed runner and other sites. */
  | 'any'
  /** This site's pages, and the runner, whose sandbox gives it the opaque origin `null`. */
  | 'site-or-sandbox'
  /** This site's pages only. */
  | 'site';

/** Why a handshake from `origin` is refused, or null when it may go on. */
export function originRefusal(rule: OriginRule, origin: string | undefined, host: string, allowed: ReadonlySet<string>): string | null {
  if (rule === 'any' || origin === undefined) return null;
  if (origin === 'null') {
    return rule === 'site-or-sandbox' ? null : 'this endpoint does not accept sockets from sandboxed pages (Origin: null)';
  }
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return `the Origin header ${JSON.stringify(origin.slice(0, 100))} is not an origin`;
  }
  if ((host !== '' && parsed.host === host) || allowed.has(parsed.origin)) return null;
  return `pages from ${parsed.origin} may not open this socket: it belongs to ${host || 'this site'} (an instructor can allow more origins with --allowed-origins)`;
}

/** The allowed-origins option as a set of normalised origins. */
export function originSet(origins: readonly string[]): Set<string> {
  return new Set(
    origins.map((o) => {
      try {
        return new URL(o).origin;
      } catch {
        return o;
      }
    }),
  );
}
