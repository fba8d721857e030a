// The HTTP side: the built site as static files, the small JSON/metrics
// endpoints, and 426 for a plain GET on a WebSocket path.
import { HTTP_PATHS } from '../contracts/endpoints.ts';
import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import sirv from 'sirv';
import type { Registry } from 'prom-client';
import type { ClientResolver } from './client-info.ts';
import { contentSecurityPolicy } from './csp.ts';
import type { ServerStats } from './metrics.ts';
import { requestUrl } from './request-url.ts';
import { currentReading } from './weather.ts';

export type RequestHandler = (req: IncomingMessage, res: ServerResponse, next?: () => void) => void;

export interface HttpApiContext {
  stats: ServerStats;
  registry: Registry;
  webSocketPaths: ReadonlySet<string>;
}

function sendJson(res: ServerResponse, value: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  res.end(JSON.stringify(value));
}

/**
 * /healthz, /metrics, /api/weather and the 426 answer. Calls `next` for
 * anything else, so it works as a dev-server middleware too.
 */
export function createApiHandler(ctx: HttpApiContext): RequestHandler {
  return (req, res, next) => {
    const pathname = requestUrl(req)?.pathname;
    if (pathname === undefined) {
      res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('bad request target\n');
      return;
    }
    if (ctx.webSocketPaths.has(pathname)) {
      res.writeHead(426, { 'Content-Type': 'text/plain; charset=utf-8', Upgrade: 'websocket', Connection: 'Upgrade' });
      res.end(`${pathname} is a WebSocket endpoint: connect with new WebSocket("ws://…${pathname}").\n`);
      return;
    }
    switch (pathname) {
      case HTTP_PATHS.health:
        return sendJson(res, {
          status: 'ok',
          uptimeSeconds: Math.round((Date.now() - ctx.stats.startedAt) / 1000),
          connections: ctx.stats.openCount(),
        });
      case HTTP_PATHS.weather:
        // Readable from any origin: the reader's code runs in a sandbox whose origin is opaque.
        return sendJson(res, currentReading(), { 'Access-Control-Allow-Origin': '*' });
      case HTTP_PATHS.metrics:
        ctx.registry.metrics().then(
          (text) => {
            res.writeHead(200, { 'Content-Type': ctx.registry.contentType });
            res.end(text);
          },
          (error: Error) => {
            res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
            res.end(`metrics failed: ${error.message}\n`);
          },
        );
        return;
    }
    if (next) return next();
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('not found\n');
  };
}

/** Static files of the built site. Only files present at start-up are served, so no path can escape `dir`. */
export interface StaticOptions {
  /** Who asked: the runner's policy names the host the browser used. */
  client: ClientResolver;
  /** Extra hosts the runner may connect to (--runner-connect). */
  runnerConnect: readonly string[];
}

export function createStaticHandler(dir: string, { client, runnerConnect }: StaticOptions): RequestHandler {
  const policy = (req: IncomingMessage, pathname: string) => contentSecurityPolicy(pathname, { host: client(req).host, runnerConnect });
  const notFoundPage = join(dir, '404.html');
  const notFoundBody = existsSync(notFoundPage)
    ? readFileSync(notFoundPage)
    : Buffer.from('<!doctype html><title>404</title><h1>404 Not Found</h1>\n');
  const notFound: RequestHandler = (req, res) => {
    const pathname = requestUrl(req)?.pathname ?? '/';
    res.writeHead(404, {
      'Content-Type': 'text/html; charset=utf-8',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': policy(req, pathname),
    });
    res.end(req.method === 'HEAD' ? undefined : notFoundBody);
  };
  // sirv lists the directory at start-up; a missing one serves nothing.
  const serve = !existsSync(dir)
    ? notFound
    : sirv(dir, {
        dev: false,
        etag: true,
        setHeaders(res, pathname) {
          res.setHeader('X-Content-Type-Options', 'nosniff');
          res.setHeader('Content-Security-Policy', policy(res.req, pathname));
          // Astro puts content hashes in /_astro/ file names: they never change.
          res.setHeader('Cache-Control', pathname.startsWith('/_astro/') ? 'public, max-age=31536000, immutable' : 'no-cache');
        },
        onNoMatch: notFound,
      });
  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('method not allowed\n');
      return;
    }
    serve(req, res);
  };
}
