// Routes WebSocket upgrade requests to endpoints. Everything that can refuse a
// handshake (unknown path, bad query, connection caps) answers with a proper
// HTTP status on the raw socket before ws takes over.
import { STATUS_CODES, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSocketServer } from 'ws';
import { Connection } from './connection.ts';
import { accept, BadRequest, type Accepted } from './endpoints/endpoint.ts';
import type { AnyEndpoint } from './endpoints/index.ts';
import { trackPongs } from './heartbeat.ts';
import type { ConnectionLimiter, TokenBucket } from './limits.ts';
import type { ConnectionLog } from './logger.ts';
import type { ServerStats } from './metrics.ts';
import { requestUrl } from './request-url.ts';

export interface UpgradeContext {
  wss: WebSocketServer;
  endpoints: Map<string, AnyEndpoint>;
  limiter: ConnectionLimiter;
  connections: Set<Connection>;
  stats: ServerStats;
  log: ConnectionLog;
  rateBucket: () => TokenBucket | null;
  /** Leave upgrades for other paths to other listeners (Vite's HMR socket in dev). */
  ignoreUnknownPaths: boolean;
}

/** Metric labels for the frames ws rejects; any other ws error is a protocol error (1002). */
const REJECTION_REASONS: Record<string, string> = {
  WS_ERR_INVALID_UTF8: 'bad-utf8',
  WS_ERR_UNSUPPORTED_MESSAGE_LENGTH: 'too-big',
};

export function refuse(socket: Duplex, status: number, message: string): void {
  const body = `${message}\n`;
  socket.on('error', () => socket.destroy());
  socket.once('finish', () => socket.destroy());
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

export function createUpgradeHandler(ctx: UpgradeContext) {
  return function onUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = requestUrl(req);
    const endpoint = url && ctx.endpoints.get(url.pathname);
    if (!url || !endpoint) {
      if (ctx.ignoreUnknownPaths) return;
      ctx.stats.reject('unknown-path');
      return refuse(socket, 404, `no WebSocket endpoint at ${url?.pathname ?? req.url}`);
    }
    let opener: Accepted;
    try {
      opener = accept(endpoint, url.searchParams, req);
    } catch (error) {
      if (error instanceof BadRequest) {
        ctx.stats.reject('bad-request');
        return refuse(socket, error.status, error.message);
      }
      console.error(`${url.pathname}: reading the request failed:`, error);
      return refuse(socket, 500, 'the server failed to read this request');
    }

    const address = req.socket.remoteAddress ?? 'unknown';
    const refusal = ctx.limiter.acquire(address);
    if (refusal) {
      ctx.stats.reject(refusal);
      return refusal === 'max-conns'
        ? refuse(socket, 503, 'the server is at its connection limit; try again later')
        : refuse(socket, 429, 'too many connections from your address');
    }
    // One release whether ws completes the handshake or refuses it.
    socket.once('close', () => ctx.limiter.release(address));

    ctx.wss.handleUpgrade(req, socket, head, (ws) => {
      const conn = new Connection(ws, socket, url.pathname, address, ctx.rateBucket(), () => ctx.stats.reject('rate-limit'));
      ctx.connections.add(conn);
      ctx.stats.connectionsTotal++;
      ctx.log.open(conn.path, address);
      trackPongs(conn);
      let error: string | undefined;
      ws.on('error', (err: Error & { code?: string }) => {
        error = err.code ?? err.message;
        const reason = err.code && REJECTION_REASONS[err.code];
        ctx.stats.reject(reason || 'protocol-error');
      });
      ws.on('close', (code) => {
        ctx.connections.delete(conn);
        ctx.stats.recordClose(code, conn);
        ctx.log.close(conn.path, address, code, performance.now() - conn.openedAt, conn, error);
      });
      opener(conn);
    });
  };
}
