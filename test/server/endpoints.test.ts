// Every HTTP and WebSocket endpoint against a real server and real clients.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WS_PATHS } from '../../contracts/endpoints.ts';
import { WEBSOCKET_GUID } from '../../contracts/handshake.ts';
import type { RunningServer } from '../../echo-server/index.ts';
import { closeEvent, handshakeResponseHeaders, httpUrl, nextMessages, openClient, refusedUpgrade, startServer, wsUrl } from './helpers.ts';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

describe('HTTP endpoints', () => {
  it('GET /healthz reports status, uptime and open connections', async () => {
    const ws = await openClient(wsUrl(server, '/echo'));
    const res = await fetch(httpUrl(server, '/healthz'));
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body.status).toBe('ok');
    expect(typeof body.uptimeSeconds).toBe('number');
    expect(body.connections).toBeGreaterThanOrEqual(1);
    ws.close();
  });

  it('GET /metrics is Prometheus text counting messages and bytes', async () => {
    const ws = await openClient(wsUrl(server, '/echo'));
    const echoed = nextMessages(ws, 1);
    ws.send(JSON.stringify('x'.repeat(100)));
    await echoed;
    const res = await fetch(httpUrl(server, '/metrics'));
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await res.text();
    expect(text).toMatch(/^ws_connections_open [1-9]/m);
    expect(Number(/^ws_messages_total\{direction="in"\} (\d+)/m.exec(text)?.[1])).toBeGreaterThanOrEqual(1);
    expect(Number(/^ws_bytes_total\{direction="out"\} (\d+)/m.exec(text)?.[1])).toBeGreaterThanOrEqual(102);
    ws.close();
  });

  it('GET /api/weather returns a reading', async () => {
    const res = await fetch(httpUrl(server, '/api/weather'));
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const r = (await res.json()) as Record<string, unknown>;
    expect(Object.keys(r).sort()).toEqual(['city', 'condition', 'humidity', 'seq', 'temperatureC', 'updatedAt']);
    expect(Number.isInteger(r.seq)).toBe(true);
    expect(Number.isNaN(Date.parse(String(r.updatedAt)))).toBe(false);
  });

  it.each(['/echo', '/handshake', '/push', '/close', '/slow', '/chat'])('plain GET %s answers 426', async (path) => {
    const res = await fetch(httpUrl(server, path));
    expect(res.status).toBe(426);
    expect(res.headers.get('upgrade')).toBe('websocket');
  });

  it.each(Object.values(WS_PATHS))('%s, named in contracts/endpoints.ts, is a WebSocket endpoint (GET answers 426)', async (path) => {
    expect((await fetch(httpUrl(server, path))).status).toBe(426);
  });

  it('an unknown page answers 404 with the site 404 page', async () => {
    const res = await fetch(httpUrl(server, '/no/such/page/'));
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('custom 404 page');
  });

  it('a handshake to an unknown path is refused with 404', async () => {
    const { status, body } = await refusedUpgrade(wsUrl(server, '/nope'));
    expect(status).toBe(404);
    expect(body).toContain('/nope');
  });
});

describe('WS /echo', () => {
  it('returns text as text and binary as binary, unchanged', async () => {
    const ws = await openClient(wsUrl(server, '/echo'));
    const got: [Buffer, boolean][] = [];
    const done = new Promise<void>((resolve) =>
      ws.on('message', (data: Buffer, isBinary) => {
        got.push([data, isBinary]);
        if (got.length === 3) resolve();
      }),
    );
    const binary = Buffer.from([0, 1, 2, 255, 254]);
    ws.send('héllo 世界');
    ws.send(binary);
    ws.send('');
    await done;
    expect(got[0]![1]).toBe(false);
    expect(got[0]![0].toString()).toBe('héllo 世界');
    expect(got[1]![1]).toBe(true);
    expect(got[1]![0].equals(binary)).toBe(true);
    expect(got[2]).toEqual([Buffer.alloc(0), false]);
    ws.close();
  });

  it('echoes a 10 MB message (the lessons send that much)', async () => {
    const ws = await openClient(wsUrl(server, '/echo'), { maxPayload: 0 });
    const big = Buffer.alloc(10 * 1000 * 1000, 7);
    const echoed = new Promise<Buffer>((resolve) => ws.once('message', (d: Buffer) => resolve(d)));
    ws.send(big);
    expect((await echoed).equals(big)).toBe(true);
    ws.close();
  });
});

describe('WS /handshake', () => {
  it('first sends the Upgrade request as received and the accept it answered, then echoes', async () => {
    const ws = await openClient(wsUrl(server, '/handshake?x=1'), { headers: { 'X-Lesson': 'Handshake' } });
    const accepted = handshakeResponseHeaders(ws)['sec-websocket-accept'];
    const [report] = (await nextMessages(ws, 1)) as [Record<string, any>];
    expect(report.type).toBe('handshake');
    // accept first, so a viewer that cuts long messages still shows it.
    expect(Object.keys(report)).toEqual(['type', 'accept', 'request']);
    expect(report.request.method).toBe('GET');
    expect(report.request.path).toBe('/handshake?x=1');
    expect(report.request.httpVersion).toBe('1.1');
    const headers = report.request.headers as [string, string][];
    expect(headers).toContainEqual(['X-Lesson', 'Handshake']);
    const key = headers.find(([n]) => n.toLowerCase() === 'sec-websocket-key')![1];
    expect(report.accept).toBe(accepted);
    expect(report.accept).toBe(
      createHash('sha1')
        .update(key + WEBSOCKET_GUID)
        .digest('base64'),
    );
    const echoed = nextMessages(ws, 1);
    ws.send('"again"');
    expect(await echoed).toEqual(['again']);
    ws.close();
  });
});

describe('WS /push', () => {
  it('sends readings unasked at the interval, bounded below at 100 ms', async () => {
    const ws = await openClient(wsUrl(server, '/push?interval=1'));
    const started = Date.now();
    const readings = (await nextMessages(ws, 3)) as Record<string, unknown>[];
    const elapsed = Date.now() - started;
    for (const r of readings) {
      expect(r.type).toBe('reading');
      expect(typeof r.temperatureC).toBe('number');
    }
    // Three readings at 1 ms would take ~2 ms; clamped to 100 ms they need at least 200.
    expect(elapsed).toBeGreaterThanOrEqual(150);
    ws.close();
  });

  it('refuses a non-numeric interval with 400', async () => {
    const { status, body } = await refusedUpgrade(wsUrl(server, '/push?interval=soon'));
    expect(status).toBe(400);
    expect(body).toMatch(/interval/);
  });
});

describe('WS /close', () => {
  it.each([1000, 1001, 1003, 1007, 1011, 1014, 3000, 4999])('closes with code %i and the reason', async (code) => {
    const ws = await openClient(wsUrl(server, `/close?code=${code}&reason=${encodeURIComponent('再见 bye')}`));
    expect(await closeEvent(ws)).toEqual({ code, reason: '再见 bye' });
  });

  it('waits for the delay before closing', async () => {
    const ws = await openClient(wsUrl(server, '/close?code=4000&delay=300'));
    const started = Date.now();
    await closeEvent(ws);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
  });

  it.each(['1002', '1004', '1005', '1006', '1015', '999', '0', '1016', '2000', '2999', '5000', '65535', '1000.5', 'abc', '-1'])(
    'refuses code %s with 400 and an explanation',
    async (code) => {
      const { status, body } = await refusedUpgrade(wsUrl(server, `/close?code=${code}`));
      expect(status).toBe(400);
      expect(body).toContain(`close code ${code}`);
      expect(body).toMatch(/3000–4999/);
    },
  );

  it('refuses a reason over 123 UTF-8 bytes, counting bytes not characters', async () => {
    // 41 × "好" is 123 bytes: allowed; 42 is 126: refused.
    const ok = await openClient(wsUrl(server, `/close?reason=${encodeURIComponent('好'.repeat(41))}`));
    expect((await closeEvent(ok)).reason).toBe('好'.repeat(41));
    const { status, body } = await refusedUpgrade(wsUrl(server, `/close?reason=${encodeURIComponent('好'.repeat(42))}`));
    expect(status).toBe(400);
    expect(body).toMatch(/126 UTF-8 bytes/);
  });

  it('refuses a delay over 60000 with 400', async () => {
    expect((await refusedUpgrade(wsUrl(server, '/close?delay=60001'))).status).toBe(400);
  });
});

describe('WS /slow', () => {
  it('reads at the given pace, reporting progress and each whole message', async () => {
    const ws = await openClient(wsUrl(server, '/slow?bps=65536'));
    const messages: Record<string, number | string>[] = [];
    ws.on('message', (d: Buffer) => messages.push(JSON.parse(d.toString())));
    const started = Date.now();
    ws.send(Buffer.alloc(128 * 1024));
    const done = await new Promise<Record<string, number | string>>((resolve) => {
      ws.on('message', (d: Buffer) => {
        const m = JSON.parse(d.toString());
        if (m.type === 'message') resolve(m);
      });
    });
    expect(done.size).toBe(128 * 1024);
    expect(done.messages).toBe(1);
    expect(Number(done.received)).toBeGreaterThanOrEqual(128 * 1024);
    // 128 KiB at 64 KiB/s cannot be read in much under two seconds.
    expect(Date.now() - started).toBeGreaterThanOrEqual(1500);
    const progress = messages.filter((m) => m.type === 'progress');
    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect(Object.keys(progress[0]!).sort()).toEqual(['elapsedMs', 'messages', 'received', 'type']);
    ws.close();
  });

  it('refuses bps below 1024 with 400', async () => {
    expect((await refusedUpgrade(wsUrl(server, '/slow?bps=10'))).status).toBe(400);
  });
});

describe('WS /chat', () => {
  const chatUrl = (room: string, name: string) => wsUrl(server, `/chat?room=${encodeURIComponent(room)}&name=${encodeURIComponent(name)}`);

  it('gives history, announces joins and leaves, and delivers messages to everyone in the room only', async () => {
    const alice = await openClient(chatUrl('r1', 'alice'));
    const [aliceHistory, aliceJoin] = (await nextMessages(alice, 2)) as Record<string, any>[];
    expect(aliceHistory).toEqual({ type: 'history', messages: [] });
    expect(aliceJoin).toMatchObject({ type: 'join', name: 'alice', count: 1 });

    const outsider = await openClient(chatUrl('r2', 'eve'));
    await nextMessages(outsider, 2);
    const outsiderGot: unknown[] = [];
    outsider.on('message', (d: Buffer) => outsiderGot.push(JSON.parse(d.toString())));

    const aliceSees = nextMessages(alice, 2);
    alice.send('hello 你好');
    const bob = await openClient(chatUrl('r1', 'bob'));
    const [history, bobJoin] = (await nextMessages(bob, 2)) as [Record<string, any>, Record<string, any>];
    const [msg, joinSeenByAlice] = (await aliceSees) as [Record<string, any>, Record<string, any>];
    expect(msg).toMatchObject({ type: 'message', name: 'alice', text: 'hello 你好' });
    expect(typeof msg.id).toBe('string');
    expect(Number.isNaN(Date.parse(msg.time))).toBe(false);
    expect(history.type).toBe('history');
    expect(history.messages).toEqual([msg]);
    expect(bobJoin).toMatchObject({ type: 'join', name: 'bob', count: 2 });
    expect(joinSeenByAlice).toEqual(bobJoin);

    const left = nextMessages(alice, 1);
    bob.close();
    expect((await left)[0]).toMatchObject({ type: 'leave', name: 'bob', count: 1 });
    expect(outsiderGot).toEqual([]);
    alice.close();
    outsider.close();
  });

  it('keeps only the last 50 messages as history', async () => {
    const a = await openClient(chatUrl('busy', 'a'));
    await nextMessages(a, 2);
    // Six members post ten each, a human-sized burst apiece.
    for (let sender = 0; sender < 6; sender++) {
      const ws = await openClient(chatUrl('busy', `s${sender}`));
      await nextMessages(ws, 2);
      await nextMessages(a, 1);
      const mine = nextMessages(a, 10);
      for (let i = 0; i < 10; i++) ws.send(`m${sender * 10 + i}`);
      await mine;
      ws.close();
      await nextMessages(a, 1);
    }
    const b = await openClient(chatUrl('busy', 'b'));
    const [history] = (await nextMessages(b, 1)) as [Record<string, any>];
    expect(history.messages.map((m: { text: string }) => m.text)).toEqual(Array.from({ length: 50 }, (_, i) => `m${i + 10}`));
    a.close();
    b.close();
  });

  it('defaults the room to lobby and the name to guest-XXXX', async () => {
    const ws = await openClient(wsUrl(server, '/chat'));
    const [, join] = (await nextMessages(ws, 2)) as [unknown, Record<string, any>];
    expect(join.name).toMatch(/^guest-[0-9a-f]{4}$/);
    ws.close();
  });

  it('refuses a room over 32 or a name over 24 characters with 400, counting characters', async () => {
    const okRoom = await openClient(chatUrl('房'.repeat(32), '名'.repeat(24)));
    okRoom.close();
    const room = await refusedUpgrade(chatUrl('r'.repeat(33), 'x'));
    expect(room.status).toBe(400);
    expect(room.body).toMatch(/room/);
    const name = await refusedUpgrade(chatUrl('r', 'n'.repeat(25)));
    expect(name.status).toBe(400);
    expect(name.body).toMatch(/name/);
  });

  it('closes on a message over 2000 characters (1009) and on binary (1003)', async () => {
    const a = await openClient(chatUrl('limits', 'a'));
    await nextMessages(a, 2);
    const closed = closeEvent(a);
    a.send('x'.repeat(2001));
    expect((await closed).code).toBe(1009);
    const b = await openClient(chatUrl('limits', 'b'));
    await nextMessages(b, 2);
    const closedB = closeEvent(b);
    b.send(Buffer.from([1, 2, 3]));
    expect((await closedB).code).toBe(1003);
  });
});
