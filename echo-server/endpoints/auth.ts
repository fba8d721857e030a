// Three ways to authenticate a WebSocket, each with the refusals a learner
// should see. A browser cannot put an Authorization header on a handshake, so:
//   cookie:  POST /auth/login sets an HttpOnly cookie; WS /auth/cookie checks
//            that the page is this site (403 otherwise, by its `origins`) and
//            the cookie (401 without).
//   ticket:  POST /auth/tickets with "Authorization: Bearer <token>" returns a
//            one-time ticket valid for 30 s; WS /auth/ticket?ticket=T spends it
//            (401 when missing, unknown, expired or used).
//   message: WS /auth/message opens for anyone, but the first message must be
//            {"type":"auth","token"} within 5 s; anything else closes with 1008.
// After authenticating, each sends {"type":"welcome","user","via"} and echoes text.
import { DEMO_ACCESS_TOKEN, HTTP_PATHS, WS_PATHS } from '../../contracts/endpoints.ts';
import { createHmac, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CloseCode } from '../../contracts/close-codes.ts';
import type { ClientResolver } from '../client-info.ts';
import type { Connection } from '../connection.ts';
import { requestUrl } from '../request-url.ts';
import { BadRequest, typedMessage, type Endpoint } from './endpoint.ts';

/** The access token a real app's login would have given the page; public, for the lesson. */
export const DEMO_USER = 'learner';
export const SESSION_COOKIE = 'wsp_session';
export const SESSION_TTL_MS = 60 * 60_000;
export const TICKET_TTL_MS = 30_000;
/** Unspent, unexpired tickets kept at most; more are refused with 503 until some expire. */
export const MAX_TICKETS = 1000;
/** Unspent tickets one client address may hold; more are refused with 429 until some are spent or expire. */
export const MAX_TICKETS_PER_ADDRESS = 10;
export const AUTH_DEADLINE_MS = 5000;
/** Largest message these endpoints read. */
export const AUTH_MAX_PAYLOAD = 4 * 1024;
/** A POST body is not needed; bigger ones are refused rather than read. */
const MAX_IGNORED_BODY = 1024;

/** One-time tickets with an expiry, bounded in number overall and per client address. */
export class TicketStore {
  readonly #tickets = new Map<string, { expires: number; owner: string }>();

  constructor(
    private readonly ttlMs = TICKET_TTL_MS,
    private readonly max = MAX_TICKETS,
    private readonly perAddress = MAX_TICKETS_PER_ADDRESS,
    private readonly now = () => Date.now(),
  ) {}

  /**
   * A new ticket for `owner` (the client's address), or why not: 'address'
   * when that address holds `perAddress` unspent tickets, 'full' when `max`
   * are outstanding in all. The per-address cap comes first, so one client
   * cannot use up everyone's tickets.
   */
  issue(owner: string): string | 'address' | 'full' {
    const now = this.now();
    let owned = 0;
    for (const [ticket, { expires, owner: holder }] of this.#tickets) {
      if (expires <= now) this.#tickets.delete(ticket);
      else if (holder === owner) owned++;
    }
    if (owned >= this.perAddress) return 'address';
    if (this.#tickets.size >= this.max) return 'full';
    const ticket = randomBytes(18).toString('base64url');
    this.#tickets.set(ticket, { expires: now + this.ttlMs, owner });
    return ticket;
  }

  /** True once for a ticket issued less than the TTL ago; the ticket is gone afterwards either way. */
  spend(ticket: string): boolean {
    const entry = this.#tickets.get(ticket);
    this.#tickets.delete(ticket);
    return entry !== undefined && entry.expires > this.now();
  }
}

/** Stateless session cookies: "user.expiry.signature", signed with a key made at start. */
class SessionSigner {
  readonly #key = randomBytes(32);

  #sign(payload: string): string {
    return createHmac('sha256', this.#key).update(payload).digest('base64url');
  }

  make(user: string): string {
    const payload = `${user}.${Date.now() + SESSION_TTL_MS}`;
    return `${payload}.${this.#sign(payload)}`;
  }

  /** The user of a valid, unexpired cookie value, or null. */
  verify(value: string): string | null {
    const [user, expiry, signature] = value.split('.');
    if (!user || !expiry || !signature || value.split('.').length !== 3) return null;
    const expected = this.#sign(`${user}.${expiry}`);
    if (signature.length !== expected.length || signature !== expected) return null;
    return Number(expiry) > Date.now() ? user : null;
  }
}

function cookieValue(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

function welcome(conn: Connection, user: string, via: string): void {
  conn.sendJson({ type: 'welcome', user, via });
}

/** After welcome: echoes, so the learner can see the authenticated socket work. */
function echoText(conn: Connection): (data: Buffer, isBinary: boolean) => void {
  return (data, isBinary) => conn.send(data, isBinary);
}

function answer(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = typeof body === 'string' ? `${body}\n` : JSON.stringify(body);
  const type = typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8';
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', ...headers });
  res.end(text);
}

/** `client` tells who asked (trust-proxy aware), for the per-address ticket cap. */
export function createAuth(client: ClientResolver) {
  const tickets = new TicketStore();
  const sessions = new SessionSigner();

  const cookie: Endpoint<string> = {
    path: WS_PATHS.authCookie,
    pool: 'lesson',
    // The cookie rides along on any page's handshake, so only this site's pages may use it (not even the runner's null).
    origins: 'site',
    maxPayload: AUTH_MAX_PAYLOAD,
    parse(_query, req) {
      const value = cookieValue(req, SESSION_COOKIE);
      const user = value === undefined ? null : sessions.verify(value);
      if (user === null) throw new BadRequest('no valid session cookie: POST /auth/login from this site first', 401);
      return user;
    },
    open(conn, user) {
      welcome(conn, user, 'cookie');
      conn.onMessage(echoText(conn));
    },
  };

  const ticket: Endpoint<string> = {
    path: WS_PATHS.authTicket,
    pool: 'lesson',
    origins: 'any',
    maxPayload: AUTH_MAX_PAYLOAD,
    parse(query) {
      const value = query.get('ticket');
      if (!value)
        throw new BadRequest('no ticket: POST /auth/tickets with "Authorization: Bearer <token>" first, then put it in ?ticket=', 401);
      if (!tickets.spend(value)) throw new BadRequest('ticket unknown, expired or already used: fetch a new one for each connection', 401);
      return DEMO_USER;
    },
    open(conn, user) {
      welcome(conn, user, 'ticket');
      conn.onMessage(echoText(conn));
    },
  };

  const message: Endpoint = {
    path: WS_PATHS.authMessage,
    pool: 'lesson',
    origins: 'any',
    maxPayload: AUTH_MAX_PAYLOAD,
    open(conn) {
      let user: string | null = null;
      const deadline = setTimeout(
        () => conn.close(CloseCode.PolicyViolation, `no auth message within ${AUTH_DEADLINE_MS} ms`),
        AUTH_DEADLINE_MS,
      );
      conn.onClose(() => clearTimeout(deadline));
      const echo = echoText(conn);
      conn.onMessage((data, isBinary) => {
        if (user !== null) return echo(data, isBinary);
        clearTimeout(deadline);
        const token = isBinary ? undefined : typedMessage(data.toString('utf8'), 'auth')?.token;
        const first = typeof token === 'string' ? token : undefined;
        if (first === undefined) return conn.close(CloseCode.PolicyViolation, 'authenticate first: send {"type":"auth","token":"…"}');
        if (first !== DEMO_ACCESS_TOKEN) return conn.close(CloseCode.PolicyViolation, 'bad token');
        user = DEMO_USER;
        welcome(conn, user, 'message');
      });
    },
  };

  /** POST /auth/login, POST /auth/logout, POST /auth/tickets (and its CORS preflight); next() for anything else. */
  function handleHttp(req: IncomingMessage, res: ServerResponse, next: () => void): void {
    const pathname = requestUrl(req)?.pathname;
    if (pathname !== HTTP_PATHS.login && pathname !== HTTP_PATHS.logout && pathname !== HTTP_PATHS.tickets) return next();
    // The ticket is fetched by code in the editor, whose sandbox has an opaque origin.
    const cors: Record<string, string> = pathname === HTTP_PATHS.tickets ? { 'Access-Control-Allow-Origin': '*' } : {};
    if (req.method === 'OPTIONS' && pathname === HTTP_PATHS.tickets) {
      res.writeHead(204, {
        ...cors,
        'Access-Control-Allow-Methods': 'POST',
        'Access-Control-Allow-Headers': 'Authorization',
        'Access-Control-Max-Age': '600',
      });
      return void res.end();
    }
    if (req.method !== 'POST') return answer(res, 405, `${pathname} takes POST`, { Allow: 'POST', ...cors });
    const length = Number(req.headers['content-length'] ?? 0);
    if (req.headers['transfer-encoding'] || !(length <= MAX_IGNORED_BODY)) {
      return answer(res, 413, 'no request body is needed here', { Connection: 'close', ...cors });
    }
    req.resume();
    const cookieAttributes = 'Path=/auth; HttpOnly; SameSite=Strict';
    switch (pathname) {
      case HTTP_PATHS.login:
        return answer(
          res,
          200,
          { user: DEMO_USER, expiresInMs: SESSION_TTL_MS },
          {
            'Set-Cookie': `${SESSION_COOKIE}=${sessions.make(DEMO_USER)}; Max-Age=${SESSION_TTL_MS / 1000}; ${cookieAttributes}`,
          },
        );
      case HTTP_PATHS.logout:
        return answer(res, 200, { user: null }, { 'Set-Cookie': `${SESSION_COOKIE}=; Max-Age=0; ${cookieAttributes}` });
      default: {
        if (req.headers.authorization !== `Bearer ${DEMO_ACCESS_TOKEN}`) {
          return answer(res, 401, `send "Authorization: Bearer ${DEMO_ACCESS_TOKEN}"`, { 'WWW-Authenticate': 'Bearer', ...cors });
        }
        const issued = tickets.issue(client(req).address);
        if (issued === 'address')
          return answer(res, 429, `at most ${MAX_TICKETS_PER_ADDRESS} unspent tickets per address; spend one or wait`, {
            'Retry-After': '30',
            ...cors,
          });
        if (issued === 'full') return answer(res, 503, 'too many unspent tickets; try again shortly', { 'Retry-After': '30', ...cors });
        return answer(res, 201, { ticket: issued, expiresInMs: TICKET_TTL_MS }, cors);
      }
    }
  }

  return { endpoints: [cookie, ticket, message], handleHttp };
}
