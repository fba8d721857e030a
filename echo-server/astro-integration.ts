// `npm run dev`: attaches the playground's endpoints to Astro's dev server,
// so authors get live sockets with hot reload. Only our WebSocket paths are
// taken; Vite's own HMR socket is left alone.
import type { Server } from 'node:http';
import type { AstroIntegration } from 'astro';
import { attachPlayground, type AttachedEndpoints, type AttachOptions } from './index.ts';

/** Astro may set up a new dev server on the same HTTP server after a config change: attach once per server. */
const attached = new WeakMap<Server, AttachedEndpoints>();

export function playgroundEndpoints(options: AttachOptions = {}): AstroIntegration {
  return {
    name: 'websocket-playground-endpoints',
    hooks: {
      'astro:server:setup': ({ server, logger }) => {
        // Vite's dev server is plain HTTP/1.1 here (no HTTPS/2 configured).
        const httpServer = server.httpServer as Server | null;
        // Astro's content sync runs a Vite server in middleware mode, without one.
        if (!httpServer) return;
        void attached.get(httpServer)?.close();
        const endpoints = attachPlayground(httpServer, { quiet: true, ...options, ignoreUnknownPaths: true });
        attached.set(httpServer, endpoints);
        // First in the stack, once Astro has put its trailing-slash handler at the
        // front (after this hook): that handler would turn /healthz into a 404 page.
        const handle: typeof endpoints.handleRequest = (req, res, next) => endpoints.handleRequest(req, res, next);
        const putFirst = () => server.middlewares.stack.unshift({ route: '', handle });
        if (httpServer.listening) setImmediate(putFirst);
        else httpServer.once('listening', putFirst);
        httpServer.once('close', () => void endpoints.close());
        logger.info('WebSocket endpoints attached: /echo /handshake /push /close /slow /chat');
      },
    },
  };
}
