// Routes WebSocket upgrade requests to endpoints. Everything that can refuse a
// handshake (unknown path, another site's page, bad query, connection caps)
// answers with a proper HTTP status on the raw socket before ws takes over.
import { STATUS_CODES, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { ClientResolver } from './client-info.ts';
import { Connection } from './connection.ts';
import { accept, BadRequest, type Accepted } from './endpoints/endpoint.ts';
import type { AnyEndpoint } from './endpoints/index.ts';
import type { ConnectionLimiter, Refusal, TokenBucket } from './limits.ts';
import type { ConnectionLog } from './logger.ts';
import type { ServerStats } from './metrics.ts';
import { originRefusal } from './origin-check.ts';
import { requestUrl } from './request-url.ts';

export interface UpgradeContext {
  /** --max-payload: the limit of endpoints that declare 'lesson'. */
  lessonPayload: number;
  endpoints: Map<string, AnyEndpoint>;
  limiter: ConnectionLimiter;
  client: ClientResolver;
  allowedOrigins: ReadonlySet<string>;
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

const CAP_ANSWERS: Record<Refusal, [number, string]> = {
  'max-conns': [503, 'the server is at its connection limit; try again later'],
  'max-workshop-conns': [503, 'the workshop is at its connection limit; try again later'],
  'max-admin-conns': [503, 'every instructor connection is in use; close another instructor tab'],
  'max-conns-per-ip': [429, 'too many connections from your address'],
  'max-workshop-conns-per-ip': [429, 'too many workshop connections from your address; close some tabs'],
};

export function createUpgradeHandler(ctx: UpgradeContext) {
  // One ws server per message-size limit, so ws refuses an oversized frame from
  // its header (1009) instead of reading it: each endpoint gets the limit it declares.
  const servers = new Map<number, WebSocketServer>();
  // ws asks its server, not the endpoint, which subprotocol to select: look the endpoint up again.
  const handleProtocols = (offered: Set<string>, req: IncomingMessage): string | false => {
    const endpoint = ctx.endpoints.get(requestUrl(req)?.pathname ?? '');
    return endpoint?.subprotocol ? endpoint.subprotocol(offered) : (offered.values().next().value ?? false);
  };
  const serverFor = (limit: number) => {
    let wss = servers.get(limit);
    if (!wss) {
      wss = new WebSocketServer({ noServer: true, clientTracking: false, maxPayload: limit, perMessageDeflate: false, handleProtocols });
      servers.set(limit, wss);
    }
    return wss;
  };
  return function onUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = requestUrl(req);
    const endpoint = url && ctx.endpoints.get(url.pathname);
    if (!url || !endpoint) {
      if (ctx.ignoreUnknownPaths) return;
      ctx.stats.reject('unknown-path');
      return refuse(socket, 404, `no WebSocket endpoint at ${url?.pathname ?? req.url}`);
    }
    const client = ctx.client(req);
    const crossSite = originRefusal(endpoint.origins, req.headers.origin, client.host, ctx.allowedOrigins);
    if (crossSite) {
      ctx.stats.reject('origin');
      return refuse(socket, 403, crossSite);
    }
    let opener: Accepted;
    try {
      opener = accept(endpoint, url.searchParams, req, client);
    } catch (error) {
      if (error instanceof BadRequest) {
        ctx.stats.reject('bad-request');
        return refuse(socket, error.status, error.message);
      }
      console.error(`${url.pathname}: reading the request failed:`, error);
      return refuse(socket, 500, 'the server failed to read this request');
    }

    const { address } = client;
    const slot = ctx.limiter.acquire(endpoint.pool, address);
    if (typeof slot === 'string') {
      ctx.stats.reject(slot);
      return refuse(socket, ...CAP_ANSWERS[slot]);
    }
    // One release whether ws completes the handshake or refuses it.
    socket.once('close', slot);

    serverFor(endpoint.maxPayload === 'lesson' ? ctx.lessonPayload : endpoint.maxPayload).handleUpgrade(req, socket, head, (ws) => {
      const conn = new Connection(ws, socket, url.pathname, address, ctx.rateBucket(), () => ctx.stats.reject('rate-limit'));
      ctx.connections.add(conn);
      ctx.stats.connectionsTotal++;
      ctx.log.open(conn.path, address);
      let error: string | undefined;
      ws.on('error', (err: Error & { code?: string }) => {
        error = err.code ?? err.message;
        const reason = err.code && REJECTION_REASONS[err.code];
        ctx.stats.reject(reason || 'protocol-error');
      });
      conn.onClose((code) => {
        ctx.connections.delete(conn);
        ctx.stats.recordClose(code, conn);
        ctx.log.close(conn.path, address, code, performance.now() - conn.openedAt, conn, error);
      });
      opener(conn);
    });
  };
}
