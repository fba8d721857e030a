// A room that one participant can't wreck: each test plays a hostile
// participant (or a hostile web page) against a real server, from several
// loopback addresses where the server counts per address, and checks that the
// honest participants and the instructor keep being served.
import { afterEach, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import type { AttachOptions, RunningServer } from '../../echo-server/index.ts';
import { closeEvent, encodeFrame, nextOfType, openClient, rawHandshake, refusedUpgrade, startServer, wsUrl } from './helpers.ts';

const TOKEN = 'hostile-test-token-0123';
let server: RunningServer | undefined;
const clients: WebSocket[] = [];

async function serve(options: AttachOptions = {}): Promise<RunningServer> {
  server = await startServer({ adminToken: TOKEN, ...options });
  return server;
}
afterEach(async () => {
  clients.splice(0).forEach((ws) => ws.terminate());
  await server?.close();
  server = undefined;
});

/** A client from loopback address 127.0.0.`n`, closed after the test. */
async function from(n: number, url: string, headers: Record<string, string> = {}): Promise<WebSocket> {
  const ws = await openClient(url, { localAddress: `127.0.0.${n}`, headers });
  clients.push(ws);
  return ws;
}

describe('connection pools: lesson sockets cannot lock out the workshop or the instructor', () => {
  it('with the lesson pool full from many addresses, /presence, /chat and /admin still open', async () => {
    const s = await serve({ maxConns: 12, maxConnsPerIp: 4, maxWorkshopConns: 3, adminConns: 1 });
    for (let address = 2; address <= 4; address++) {
      for (let i = 0; i < 4; i++) await from(address, wsUrl(s, '/echo'));
    }
    expect((await refusedUpgrade(wsUrl(s, '/echo'))).status).toBe(503);
    await from(5, wsUrl(s, '/presence'));
    await from(6, wsUrl(s, '/chat?room=a&name=ann'));
    // The workshop pool fills too; the instructor's reserve is still there.
    await from(7, wsUrl(s, '/chat?room=a&name=bob'));
    expect((await refusedUpgrade(wsUrl(s, '/presence'))).status).toBe(503);
    await from(8, wsUrl(s, `/admin?token=${TOKEN}`));
    expect((await refusedUpgrade(wsUrl(s, `/admin?token=${TOKEN}`))).status).toBe(503);
  });
});

describe('payload limits per endpoint', () => {
  it('refuses an oversized /chat, /presence and /admin frame from its header, without waiting for the payload', async () => {
    const s = await serve();
    for (const path of ['/chat?room=big', '/presence', `/admin?token=${TOKEN}`]) {
      const peer = await rawHandshake(s.port, path);
      // Declares 1 MiB but sends only the header: the server must not wait to assemble it.
      peer.socket.write(encodeFrame({ opcode: 0x1, payload: Buffer.alloc(1024 * 1024) }).subarray(0, 14));
      expect(await peer.closeCode()).toBe(1009);
      peer.destroy();
    }
  });

  it('/echo still takes a 1 MiB message', async () => {
    const s = await serve();
    const ws = await from(1, wsUrl(s, '/echo'));
    const big = Buffer.alloc(1024 * 1024, 7);
    const back = new Promise<Buffer>((resolve) => ws.once('message', (d: Buffer) => resolve(d)));
    ws.send(big);
    expect((await back).equals(big)).toBe(true);
  });
});

describe('cross-site sockets', () => {
  const evil = { Origin: 'http://evil.example' };

  it('refuses /presence, /chat and /admin from another site with 403 and a reason', async () => {
    const s = await serve();
    for (const path of ['/presence', '/chat?room=x', `/admin?token=${TOKEN}`]) {
      const refused = await refusedUpgrade(wsUrl(s, path), evil);
      expect(refused.status, path).toBe(403);
      expect(refused.body).toMatch(/evil\.example may not open this socket/);
    }
  });

  it('lets this site, clients without Origin and --allowed-origins in; lesson endpoints and /chat take the sandboxed runner', async () => {
    const s = await serve({ allowedOrigins: ['http://second-name.example:8080'] });
    await from(1, wsUrl(s, '/presence'), { Origin: `http://127.0.0.1:${s.port}` });
    await from(1, wsUrl(s, '/presence'));
    await from(1, wsUrl(s, '/presence'), { Origin: 'http://second-name.example:8080' });
    await from(1, wsUrl(s, '/chat?room=r'), { Origin: 'null' });
    await from(1, wsUrl(s, '/echo'), evil);
    await from(1, wsUrl(s, '/handshake'), { Origin: 'null' });
    expect((await refusedUpgrade(wsUrl(s, '/presence'), { Origin: 'null' })).status).toBe(403);
    // Another port on the same host is another site.
    expect((await refusedUpgrade(wsUrl(s, '/presence'), { Origin: `http://127.0.0.1:${s.port + 1}` })).status).toBe(403);
  });

  it('caps workshop sockets per address, so one machine cannot pose as a class', async () => {
    const s = await serve({ maxWorkshopConnsPerIp: 3 });
    for (let i = 0; i < 3; i++) await from(1, wsUrl(s, '/presence'));
    const refused = await refusedUpgrade(wsUrl(s, '/presence'));
    expect(refused.status).toBe(429);
    await from(2, wsUrl(s, '/presence'));
    const closed = closeEvent(clients[0]!);
    clients[0]!.close();
    await closed;
    await from(1, wsUrl(s, '/presence'));
    await nextOfType(await from(3, wsUrl(s, `/admin?token=${TOKEN}`)), 'snapshot', (m: { type: string; participants?: number }) => m.participants === 4);
  });
});
