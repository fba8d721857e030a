// Limits: rate and connection caps, timeouts, heartbeat, backpressure from a
// peer that never reads, and a header flood. Each uses its own server with
// the limit set low.
import { afterEach, describe, expect, it } from 'vitest';
import { HIGH_WATER_MARK } from '../../echo-server/backpressure.ts';
import type { AttachOptions, RunningServer } from '../../echo-server/index.ts';
import {
  closeEvent,
  encodeFrame,
  eventually,
  httpUrl,
  nextMessages,
  openClient,
  rawExchange,
  rawHandshake,
  refusedUpgrade,
  startServer,
  wsUrl,
} from './helpers.ts';

let server: RunningServer | undefined;
async function serve(options: AttachOptions): Promise<RunningServer> {
  server = await startServer(options);
  return server;
}
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function metric(s: RunningServer, pattern: RegExp): Promise<number> {
  const text = await (await fetch(httpUrl(s, '/metrics'))).text();
  return Number(pattern.exec(text)?.[1] ?? 0);
}

async function echoWorks(s: RunningServer): Promise<void> {
  const ws = await openClient(wsUrl(s, '/echo'));
  const echoed = nextMessages(ws, 1);
  ws.send('"ok"');
  expect(await echoed).toEqual(['ok']);
  ws.close();
}

describe('message rate limit', () => {
  it('closes a connection that sends faster than the rate with 1008, and counts it', async () => {
    const s = await serve({ rateLimit: 10, rateBurst: 5 });
    const ws = await openClient(wsUrl(s, '/echo'));
    const closed = closeEvent(ws);
    for (let i = 0; i < 50; i++) ws.send(`${i}`);
    const { code, reason } = await closed;
    expect(code).toBe(1008);
    expect(reason).toMatch(/rate/);
    expect(await metric(s, /ws_rejections_total\{reason="rate-limit"\} (\d+)/)).toBe(1);
  });

  it('lets a burst within the limit through, echoing all of it', async () => {
    const s = await serve({ rateLimit: 10, rateBurst: 20 });
    const ws = await openClient(wsUrl(s, '/echo'));
    const all = nextMessages(ws, 20);
    for (let i = 0; i < 20; i++) ws.send(`${i}`);
    expect(await all).toEqual(Array.from({ length: 20 }, (_, i) => i));
    ws.close();
  });

  it('with 0, never limits', async () => {
    const s = await serve({ rateLimit: 0, rateBurst: 1 });
    const ws = await openClient(wsUrl(s, '/echo'));
    const all = nextMessages(ws, 2000);
    for (let i = 0; i < 2000; i++) ws.send('1');
    expect((await all).length).toBe(2000);
    ws.close();
  });
});

describe('connection caps', () => {
  it('refuses a connection over the total cap with 503, and takes one again after a close', async () => {
    const s = await serve({ maxConns: 3 });
    const open = await Promise.all([1, 2, 3].map(() => openClient(wsUrl(s, '/echo'))));
    const refused = await refusedUpgrade(wsUrl(s, '/echo'));
    expect(refused.status).toBe(503);
    expect(await metric(s, /ws_rejections_total\{reason="max-conns"\} (\d+)/)).toBe(1);
    open[0]!.close();
    await eventually(() => s.endpoints.connections.size === 2, 'the slot to be released');
    const again = await openClient(wsUrl(s, '/echo'));
    again.close();
    open.slice(1).forEach((ws) => ws.close());
  });

  it('refuses a connection over the per-address cap with 429; other addresses still get in', async () => {
    const s = await serve({ maxConnsPerIp: 2 });
    const mine = await Promise.all([1, 2].map(() => openClient(wsUrl(s, '/echo'))));
    expect((await refusedUpgrade(wsUrl(s, '/echo'))).status).toBe(429);
    const other = await openClient(wsUrl(s, '/echo'), { localAddress: '127.0.0.2' });
    other.close();
    mine.forEach((ws) => ws.close());
  });

  it('with a per-address cap of 0, does not cap per address', async () => {
    const s = await serve({ maxConnsPerIp: 0, maxConns: 100 });
    const many = await Promise.all(Array.from({ length: 40 }, () => openClient(wsUrl(s, '/echo'))));
    many.forEach((ws) => ws.close());
  });

  it('releases the slot of a handshake that ws itself refuses', async () => {
    const s = await serve({ maxConns: 1 });
    for (let i = 0; i < 3; i++) {
      const answer = await rawExchange(
        s.port,
        'GET /echo HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 99\r\n\r\n',
      );
      expect(answer).toMatch(/^HTTP\/1.1 400/);
    }
    await eventually(() => s.endpoints.connections.size === 0, 'no connections');
    await echoWorks(s);
  });
});

describe('timeouts and heartbeat', () => {
  it('drops a client that never finishes its upgrade request (handshake timeout)', async () => {
    const s = await serve({ handshakeTimeout: 300 });
    const answer = await rawExchange(s.port, 'GET /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n');
    expect(answer === '' || answer.startsWith('HTTP/1.1 408')).toBe(true);
    await echoWorks(s);
  });

  it('closes a connection with no messages for the idle timeout with 1000 "idle timeout"', async () => {
    const s = await serve({ idleTimeout: 300 });
    const idle = await openClient(wsUrl(s, '/echo'));
    const chatty = await openClient(wsUrl(s, '/echo'));
    let chattyClosed = false;
    chatty.once('close', () => (chattyClosed = true));
    const timer = setInterval(() => chatty.send('1'), 50);
    expect(await closeEvent(idle)).toEqual({ code: 1000, reason: 'idle timeout' });
    expect(chattyClosed).toBe(false);
    clearInterval(timer);
    chatty.close();
  });

  it('drops a peer that never answers pings; keeps one that does', async () => {
    const s = await serve({ heartbeatInterval: 150 });
    const silent = await rawHandshake(s.port); // a raw socket: never sends a pong
    const polite = await openClient(wsUrl(s, '/echo')); // ws answers pings itself
    let pings = 0;
    polite.on('ping', () => pings++);
    await silent.closed();
    expect(silent.frames.some((f) => f.opcode === 0x9)).toBe(true);
    await eventually(() => pings >= 3, 'several pings to the polite client');
    expect(polite.readyState).toBe(polite.OPEN);
    polite.close();
  });
});

describe('backpressure', () => {
  it('stops reading from a peer that sends but never reads, so server memory stays bounded; nothing is lost', async () => {
    const s = await serve({ rateLimit: 0 });
    const peer = await rawHandshake(s.port);
    peer.socket.removeAllListeners('data');
    peer.socket.pause();
    const payload = 60_000;
    const frame = encodeFrame({ opcode: 0x2, payload: Buffer.alloc(payload, 3) });
    const count = 1200; // 72 MB sent, far beyond the high-water mark and the kernel's socket buffers
    for (let i = 0; i < count; i++) peer.socket.write(frame);

    const conn = () => [...s.endpoints.connections][0]!;
    // Wait until the server has stopped taking data: bytes read unchanged over several checks.
    let last = -1;
    let stableChecks = 0;
    await eventually(
      () => {
        const now = conn().bytesIn;
        stableChecks = now === last ? stableChecks + 1 : 0;
        last = now;
        return stableChecks >= 10;
      },
      'the server to stop reading',
      15_000,
    );
    expect(conn().gate.paused).toBe(true);
    expect(conn().bufferedAmount).toBeLessThanOrEqual(HIGH_WATER_MARK + payload + 16);
    expect(conn().bytesIn).toBeLessThan((count * payload) / 2);

    // Now read: every byte sent comes back (unmasked frames: 4-byte headers).
    let received = 0;
    const expected = count * (payload + 4);
    const allBack = new Promise<void>((resolve) =>
      peer.socket.on('data', (d: Buffer) => {
        received += d.length;
        if (received >= expected) resolve();
      }),
    );
    peer.socket.resume();
    await allBack;
    expect(received).toBe(expected);
    expect(conn().bytesIn).toBe(count * payload);
    peer.destroy();
  }, 60_000);
});

describe('header flood', () => {
  it('survives a 3000-header handshake and keeps serving others', async () => {
    const s = await serve({});
    const headers = Array.from({ length: 3000 }, (_, i) => `X-Flood-${i}: ${i}\r\n`).join('');
    const answer = await rawExchange(
      s.port,
      `GET /echo HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n${headers}\r\n`,
    );
    expect(answer).not.toMatch(/^HTTP\/1.1 101/);
    await echoWorks(s);
    expect((await fetch(httpUrl(s, '/healthz'))).status).toBe(200);
  });
});
