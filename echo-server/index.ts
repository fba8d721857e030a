// Programmatic API: start the whole server (site + endpoints) on a port, or
// attach the endpoints to an existing HTTP server (Astro's dev server).
import { createServer, type Server } from 'node:http';
import { networkInterfaces } from 'node:os';
import { CloseCode } from '../contracts/close-codes.ts';
import { DEFAULTS, type PlaygroundOptions } from './config.ts';
import { createClientResolver, type ClientResolver } from './client-info.ts';
import type { Connection } from './connection.ts';
import { createAuth } from './endpoints/auth.ts';
import { createEndpoints } from './endpoints/index.ts';
import { watchHeartbeats } from './heartbeat.ts';
import { createApiHandler, createStaticHandler, type RequestHandler } from './http-host.ts';
import { watchIdleConnections } from './idle-timeout.ts';
import { ConnectionLimiter, TokenBucket } from './limits.ts';
import { createConnectionLog } from './logger.ts';
import { createMetricsRegistry, ServerStats } from './metrics.ts';
import { originSet } from './origin-check.ts';
import { createUpgradeHandler } from './upgrade.ts';
import { generateAdminToken } from './workshop/admin-token.ts';
import { createWorkshop } from './workshop/index.ts';

export type { PlaygroundOptions } from './config.ts';

/** How long shutdown waits for clients to answer the 1001 close before cutting them off. */
const SHUTDOWN_GRACE_MS = 2000;

export interface AttachOptions extends Partial<PlaygroundOptions> {
  /** Leave upgrades for unknown paths to other listeners (true when attaching to a dev server). */
  ignoreUnknownPaths?: boolean;
  /** Where log lines go; stdout by default. */
  logLine?: (line: string) => void;
}

export interface AttachedEndpoints {
  /** /healthz, /metrics, /api/weather and 426 for GET on a WebSocket path; calls next() for anything else. */
  handleRequest: RequestHandler;
  /** Live connections, for tests and diagnostics. */
  connections: ReadonlySet<Connection>;
  stats: ServerStats;
  /** The instructor's token (the one given, or the one generated at start). */
  adminToken: string;
  /** Who a request comes from (the real client behind a trusted proxy). */
  client: ClientResolver;
  /** Closes every client with 1001 and stops the timers; does not close the HTTP server. */
  close(): Promise<void>;
}

export function attachPlayground(httpServer: Server, options: AttachOptions = {}): AttachedEndpoints {
  const opts = { ...DEFAULTS, ...options };
  const connections = new Set<Connection>();
  const stats = new ServerStats(
    () => connections,
    () => connections.size,
  );
  const adminToken = opts.adminToken || generateAdminToken();
  const client = createClientResolver(opts.trustProxy);
  const workshop = createWorkshop({ adminToken, client, redisUrl: opts.redisUrl, roomHistoryBytes: opts.roomHistoryBytes });
  const auth = createAuth(client);
  const chatLimits = { rate: opts.chatRate, burst: opts.chatBurst, fanout: opts.roomFanout, maxRooms: opts.maxRooms };
  const endpoints = createEndpoints(workshop.roomBus, chatLimits, [...workshop.endpoints, ...auth.endpoints]);
  const limiter = new ConnectionLimiter({
    pools: { lesson: opts.maxConns, workshop: opts.maxWorkshopConns, admin: opts.adminConns },
    perIp: opts.maxConnsPerIp,
    workshopPerIp: opts.maxWorkshopConnsPerIp,
  });
  const onUpgrade = createUpgradeHandler({
    lessonPayload: opts.maxPayload,
    endpoints,
    limiter,
    client,
    allowedOrigins: originSet(opts.allowedOrigins),
    connections,
    stats,
    log: createConnectionLog(opts.quiet, options.logLine),
    rateBucket: () => (opts.rateLimit > 0 ? new TokenBucket(opts.rateLimit, opts.rateBurst) : null),
    ignoreUnknownPaths: options.ignoreUnknownPaths ?? false,
  });
  httpServer.on('upgrade', onUpgrade);
  const stopHeartbeat = watchHeartbeats(connections, opts.heartbeatInterval);
  const stopIdle = watchIdleConnections(connections, opts.idleTimeout);

  const api = createApiHandler({ stats, registry: createMetricsRegistry(stats), webSocketPaths: new Set(endpoints.keys()) });
  return {
    handleRequest: (req, res, next) => auth.handleHttp(req, res, () => api(req, res, () => workshop.guardPages(req, res, next))),
    connections,
    stats,
    adminToken,
    client,
    async close() {
      httpServer.off('upgrade', onUpgrade);
      stopHeartbeat();
      stopIdle();
      const closed = [...connections].map(
        (c) =>
          new Promise<void>((resolve) => {
            c.onClose(() => resolve());
            c.close(CloseCode.GoingAway, 'server shutting down');
          }),
      );
      const grace = setTimeout(() => connections.forEach((c) => c.terminate()), SHUTDOWN_GRACE_MS);
      await Promise.all(closed);
      clearTimeout(grace);
      await workshop.close();
    },
  };
}

export interface RunningServer {
  port: number;
  host: string;
  /** Every http:// URL the site is reachable on. */
  urls: string[];
  httpServer: Server;
  endpoints: AttachedEndpoints;
  close(): Promise<void>;
}

function urlFor(host: string, port: number): string {
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}/`;
}

/** With a wildcard host, every IPv4 address a participant on the LAN can open (loopback first). */
export function serverUrls(host: string, port: number): string[] {
  if (host !== '0.0.0.0' && host !== '::') return [urlFor(host, port)];
  const addresses = Object.values(networkInterfaces())
    .flat()
    .filter((a) => a !== undefined && a.family === 'IPv4')
    .sort((a, b) => Number(b!.internal) - Number(a!.internal))
    .map((a) => a!.address);
  return addresses.map((a) => urlFor(a, port));
}

export async function startPlaygroundServer(options: AttachOptions = {}): Promise<RunningServer> {
  const opts = { ...DEFAULTS, ...options };
  const httpServer = createServer({
    // The handshake timeout is Node's own header timeout, checked this often.
    headersTimeout: opts.handshakeTimeout,
    requestTimeout: opts.handshakeTimeout,
    connectionsCheckingInterval: Math.min(1000, Math.max(50, Math.floor(opts.handshakeTimeout / 4))),
  });
  const endpoints = attachPlayground(httpServer, options);
  const serveStatic = createStaticHandler(opts.staticDir, { client: endpoints.client, runnerConnect: opts.runnerConnect });
  httpServer.on('request', (req, res) => endpoints.handleRequest(req, res, () => serveStatic(req, res)));

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(opts.port, opts.host, () => {
      httpServer.off('error', reject);
      resolve();
    });
  });
  const address = httpServer.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  return {
    port,
    host: opts.host,
    urls: serverUrls(opts.host, port),
    httpServer,
    endpoints,
    async close() {
      const stopped = new Promise<void>((resolve) => httpServer.close(() => resolve()));
      await endpoints.close();
      httpServer.closeAllConnections();
      await stopped;
    },
  };
}
