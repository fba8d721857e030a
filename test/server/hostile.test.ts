// A room that one participant can't wreck: each test plays a hostile
// participant (or a hostile web page) against a real server, from several
// loopback addresses where the server counts per address, and checks that the
// honest participants and the instructor keep being served.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { ConfigError, parseConfig } from '../../echo-server/config.ts';
import type { AttachOptions, RunningServer } from '../../echo-server/index.ts';
import { FREE_WRONG_TOKENS } from '../../echo-server/workshop/token-attempts.ts';
import {
  closeEvent,
  encodeFrame,
  eventually,
  getFrom,
  httpUrl,
  makeStaticRoot,
  nextOfType,
  openClient,
  rawHandshake,
  refusedUpgrade,
  startServer,
  wsUrl,
} from './helpers.ts';

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
    await nextOfType(
      await from(3, wsUrl(s, `/admin?token=${TOKEN}`)),
      'snapshot',
      (m: { type: string; participants?: number }) => m.participants === 4,
    );
  });
});

interface ChatEvent {
  type: string;
  name?: string;
  text?: string;
  messages?: { name: string; text: string }[];
}

const chatPath = (room: string, name: string) => `/chat?room=${encodeURIComponent(room)}&name=${encodeURIComponent(name)}`;

/** Joins `room` from 127.0.0.`n` and waits for the history and its own join. */
async function member(s: RunningServer, n: number, room: string, name: string): Promise<WebSocket> {
  const ws = await from(n, wsUrl(s, chatPath(room, name)));
  await nextOfType(ws, 'join', (m: ChatEvent) => m.name === name);
  return ws;
}

describe('chat that a flooder cannot take over', () => {
  it('closes flooders with 1008 before they reach the room; honest members stay and keep talking', async () => {
    // Default limits: a human pace per member.
    const s = await serve();
    const honest = [await member(s, 1, 'class', 'ann'), await member(s, 2, 'class', 'bob')];
    const flooders = await Promise.all(Array.from({ length: 5 }, (_, i) => member(s, 10 + i, 'class', `flood${i}`)));
    const spam = 'x'.repeat(2000);
    const closes = flooders.map((ws) => closeEvent(ws));
    for (const ws of flooders) for (let i = 0; i < 500; i++) ws.send(spam);
    for (const { code } of await Promise.all(closes)) expect(code).toBe(1008);

    const heard = nextOfType(honest[1]!, 'message', (m: ChatEvent) => m.text === 'still here', 5000);
    honest[0]!.send('still here');
    expect((await heard).name).toBe('ann');
    for (const ws of honest) expect(ws.readyState).toBe(ws.OPEN);
    // The history holds at most each flooder's burst, not the flood.
    const { messages = [] } = await nextOfType<ChatEvent>(await from(3, wsUrl(s, chatPath('class', 'late'))), 'history');
    expect(messages.filter((m) => m.text === spam).length).toBeLessThanOrEqual(5 * 10);
  });

  it('bounds the deliveries a room causes per second: over it the sender is told, nobody is closed', async () => {
    const s = await serve({ roomFanout: 6, chatBurst: 100, chatRate: 100 });
    const a = await member(s, 1, 'small', 'a');
    const b = await member(s, 2, 'small', 'b');
    for (let i = 0; i < 5; i++) a.send(`m${i}`);
    const refused = await nextOfType<{ type: string; message?: string }>(a, 'error');
    expect(refused.message).toMatch(/too busy/);
    expect(a.readyState).toBe(a.OPEN);
    expect(b.readyState).toBe(b.OPEN);
  });
});

describe('bounded room memory', () => {
  it('caps the rooms (503 for one more) and frees an emptied room at once', async () => {
    const s = await serve({ maxRooms: 2 });
    const one = await member(s, 1, 'one', 'a');
    await member(s, 1, 'two', 'b');
    const refused = await refusedUpgrade(wsUrl(s, chatPath('three', 'c')));
    expect(refused.status).toBe(503);
    expect(refused.body).toMatch(/2 chat rooms/);
    one.send('remember me');
    await nextOfType(one, 'message');
    one.close();
    await eventually(() => s.endpoints.connections.size === 1, 'the member to leave');
    // Room "one" is gone, so a third room fits; and its history went with it.
    const three = await member(s, 1, 'three', 'c');
    three.close();
    await eventually(() => s.endpoints.connections.size === 1, 'the member to leave');
    const again = await from(1, wsUrl(s, chatPath('one', 'd')));
    expect((await nextOfType<ChatEvent>(again, 'history')).messages).toEqual([]);
  });

  it('keeps at most --room-history-bytes of history per room', async () => {
    const s = await serve({ roomHistoryBytes: 4096 });
    const a = await member(s, 1, 'long', 'a');
    for (let i = 0; i < 10; i++) a.send(`${i}`.repeat(1000));
    await nextOfType(a, 'message', (m: ChatEvent) => m.text === '9'.repeat(1000));
    const { messages = [] } = await nextOfType<ChatEvent>(await from(2, wsUrl(s, chatPath('long', 'b'))), 'history');
    expect(JSON.stringify(messages).length).toBeLessThanOrEqual(4096);
    expect(messages.at(-1)?.text).toBe('9'.repeat(1000));
  });
});

describe('names in chat', () => {
  it('strips bidi overrides and zero-width characters and applies NFKC', async () => {
    const s = await serve();
    const ws = await from(1, wsUrl(s, chatPath('names', '\u202Eadmin\u200B\u2066 ｔｅａｃｈｅｒ\uFEFF')));
    const join = await nextOfType<ChatEvent>(ws, 'join');
    expect(join.name).toBe('admin teacher');
  });

  it('keeps names unique within a room (409), ignoring case and invisible characters; other rooms are free', async () => {
    const s = await serve();
    await member(s, 1, 'unique', 'Alice');
    for (const spelling of ['Alice', 'alice', 'A\u200Blice', 'Ａｌｉｃｅ']) {
      const refused = await refusedUpgrade(wsUrl(s, chatPath('unique', spelling)));
      expect(refused.status, spelling).toBe(409);
      expect(refused.body).toMatch(/taken/);
    }
    await member(s, 2, 'elsewhere', 'Alice');
  });
});

describe('/handshake does not hand cookies to a page', () => {
  it('shows Cookie and Authorization by name and length only; other headers as they are', async () => {
    const s = await serve();
    const cookie = 'session=s3cr3t-value; theme=dark';
    const ws = await from(1, wsUrl(s, '/handshake'), { Cookie: cookie, Authorization: 'Bearer abc.def', 'X-Other': 'plain' });
    const report = await nextOfType<{ type: string; request: { headers: [string, string][] } }>(ws, 'handshake');
    const text = JSON.stringify(report);
    expect(text).not.toContain('s3cr3t');
    expect(text).not.toContain('abc.def');
    expect(report.request.headers).toContainEqual(['Cookie', `[redacted: ${cookie.length} characters]`]);
    expect(report.request.headers).toContainEqual(['Authorization', '[redacted: 14 characters]']);
    expect(report.request.headers).toContainEqual(['X-Other', 'plain']);
  });
});

describe('the instructor page guard', () => {
  it('guards every spelling the static host would answer with an instructor page', async () => {
    const staticDir = makeStaticRoot();
    for (const locale of ['', 'zh', 'en']) {
      mkdirSync(join(staticDir, locale, 'workshop'), { recursive: true });
      writeFileSync(join(staticDir, locale, 'workshop', 'index.html'), '<!doctype html><title>instructor</title>');
    }
    const s = await serve({ staticDir });
    for (const path of [
      '/en/workshop/index',
      '/%77orkshop/',
      '/workshop/index.html/',
      '/zh/%77orkshop/index',
      '/en/workshop/index.htm',
      '/workshop//',
      '/%2577orkshop/',
    ]) {
      const res = await fetch(httpUrl(s, path));
      const body = await res.text();
      expect(body, path).not.toContain('instructor</title>');
      if (res.status !== 404) expect(res.status, path).toBe(401);
    }
    const page = await fetch(httpUrl(s, `/en/workshop/index?token=${TOKEN}`));
    expect(await page.text()).toContain('instructor</title>');
  });
});

describe('token hygiene', () => {
  it('slows wrong tokens per address: after the free ones even the right token waits; other addresses are not affected', async () => {
    const s = await serve();
    const guess = (n: number, token: string) => refusedUpgrade(wsUrl(s, `/admin?token=${token}`), {}, `127.0.0.${n}`);
    for (let i = 0; i < FREE_WRONG_TOKENS; i++) expect((await guess(2, `guess-${i}`)).status).toBe(403);
    const slowed = await guess(2, TOKEN);
    expect(slowed.status).toBe(429);
    expect(slowed.body).toMatch(/too many wrong instructor tokens/);
    // The page and the socket share the count.
    expect((await getFrom(httpUrl(s, `/workshop/?token=${TOKEN}`), '127.0.0.2')).status).toBe(429);
    await from(3, wsUrl(s, `/admin?token=${TOKEN}`));
    expect((await getFrom(httpUrl(s, `/workshop/?token=${TOKEN}`), '127.0.0.3')).status).not.toBe(429);
  });

  it('refuses a chosen ADMIN_TOKEN under 16 characters at start, with a clear message', () => {
    expect(() => parseConfig([], { ADMIN_TOKEN: 'change-me' })).toThrow(/ADMIN_TOKEN: must be at least 16 characters \(got 9\)/);
    expect(() => parseConfig(['--admin-token', 'short'], {})).toThrow(ConfigError);
    expect(parseConfig([], { ADMIN_TOKEN: 'a-long-enough-token' }).adminToken).toBe('a-long-enough-token');
  });
});
