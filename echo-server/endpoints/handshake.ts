// /handshake: first tells the client exactly what Upgrade request arrived and
// which Sec-WebSocket-Accept answered it, then echoes like /echo.
import { WS_PATHS } from '../../contracts/endpoints.ts';
import { createHash } from 'node:crypto';
import { WEBSOCKET_GUID, type HandshakeReport } from '../../contracts/handshake.ts';
import type { Endpoint } from './endpoint.ts';
import { echo } from './echo.ts';

/** RFC 6455 §4.2.2: base64(SHA-1(key + GUID)), what ws sends back. */
export function acceptFor(key: string): string {
  return createHash('sha1')
    .update(key + WEBSOCKET_GUID)
    .digest('base64');
}

/**
 * Cookies and credentials are shown by length only: any page may open this
 * socket (another port on this host, a sibling subdomain), and the browser
 * attaches this host's cookies, HttpOnly ones included, to the handshake.
 */
const SECRET_HEADERS = new Set(['cookie', 'authorization']);

function shown(name: string, value: string): string {
  return SECRET_HEADERS.has(name.toLowerCase()) ? `[redacted: ${value.length} characters]` : value;
}

export const handshake: Endpoint<HandshakeReport> = {
  path: WS_PATHS.handshake,
  pool: 'lesson',
  origins: 'any',
  maxPayload: 'lesson',
  parse(_query, req) {
    const headers: [string, string][] = [];
    for (let i = 0; i + 1 < req.rawHeaders.length; i += 2)
      headers.push([req.rawHeaders[i]!, shown(req.rawHeaders[i]!, req.rawHeaders[i + 1]!)]);
    return {
      type: 'handshake',
      accept: acceptFor(String(req.headers['sec-websocket-key'] ?? '').trim()),
      request: { method: req.method ?? 'GET', path: req.url ?? '/', httpVersion: req.httpVersion, headers },
    };
  },
  open(conn, report) {
    conn.sendJson(report);
    echo.open(conn);
  },
};
