// The byte counts the lesson demos show are rebuilt from what the browser
// exposes; these tests hold them against the bytes really on the wire.
import { once } from 'node:events';
import { createServer, type IncomingMessage } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { HandshakeReport } from '../../contracts/handshake.ts';
import { requestHeadBytes } from '../../site/demos/kit/handshake-report.ts';
import { responseHeadBytes } from '../../site/demos/kit/http-head-size.ts';
import { webSocketUrlFor } from '../../site/demos/ws-url-scheme.ts';

const servers: Array<ReturnType<typeof createServer>> = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});

/** A server on an ephemeral port; `handle` answers each request. */
async function serve(handle: Parameters<typeof createServer>[1]): Promise<number> {
  const server = createServer(handle);
  servers.push(server);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return (server.address() as AddressInfo).port;
}

/** Writes `raw` to the port and resolves with everything read until the server closes. */
async function exchange(port: number, raw: string): Promise<Buffer> {
  const socket = connect(port, '127.0.0.1');
  const chunks: Buffer[] = [];
  socket.on('data', (c: Buffer) => chunks.push(c));
  socket.end(raw);
  await once(socket, 'close');
  return Buffer.concat(chunks);
}

describe('requestHeadBytes', () => {
  it('equals the bytes of the request head as sent, rebuilt the way /handshake reports it', async () => {
    let seen: IncomingMessage | undefined;
    const port = await serve((req, res) => {
      seen = req;
      res.end();
    });
    const head = `GET /handshake?x=1 HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nOrigin: http://例子.test\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nConnection: close\r\n\r\n`;
    await exchange(port, head);
    const headers: Array<[string, string]> = [];
    for (let i = 0; i + 1 < seen!.rawHeaders.length; i += 2) headers.push([seen!.rawHeaders[i]!, seen!.rawHeaders[i + 1]!]);
    const report: HandshakeReport = {
      type: 'handshake',
      request: { method: seen!.method!, path: seen!.url!, httpVersion: seen!.httpVersion, headers },
      accept: 's3pPLMBiTxaQ9kYGzzhZRbK+xOo=',
    };
    // socket.end(string) writes UTF-8, so the Origin's two CJK characters are six bytes on the wire.
    expect(requestHeadBytes(report)).toBe(Buffer.byteLength(head, 'utf8'));
  });
});

describe('responseHeadBytes', () => {
  it('equals the response head on the wire, from the headers fetch exposes', async () => {
    const body = JSON.stringify({ seq: 1, city: 'Hangzhou' });
    const port = await serve((_req, res) => {
      res.sendDate = false;
      res.writeHead(200, {
        'Content-Type': 'application/json; charset=utf-8',
        'Cache-Control': 'no-store',
        'Content-Length': Buffer.byteLength(body),
        'X-City': Buffer.from('杭州').toString('latin1'),
      });
      res.end(body);
    });
    const wire = await exchange(port, `GET /api/weather HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
    const headEnd = wire.indexOf('\r\n\r\n') + 4;
    const res = await fetch(`http://127.0.0.1:${port}/api/weather`, { headers: { Connection: 'close' } });
    await res.text();
    expect(responseHeadBytes(res)).toBe(headEnd);
  });
});

describe('webSocketUrlFor', () => {
  it.each([
    ['http://localhost:8080/zh/features/', '/echo', 'ws://localhost:8080/echo'],
    ['https://ws.example.org/en/features/', '/echo', 'wss://ws.example.org/echo'],
    ['https://ws.example.org:8443/en/', 'chat?room=a', 'wss://ws.example.org:8443/en/chat?room=a'],
  ])('%s + %s → %s', (page, path, expected) => {
    expect(webSocketUrlFor(new URL(page), path)).toBe(expected);
  });
});
