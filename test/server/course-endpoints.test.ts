// The endpoints behind lessons 9–13, against a real server with real sockets:
// /heartbeat, /numbers, /rpc, /auth/*, /firehose.
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { DEMO_ACCESS_TOKEN, RPC_SUBPROTOCOL } from '../../contracts/endpoints.ts';
import { AUTH_MAX_PAYLOAD, MAX_TICKETS, MAX_TICKETS_PER_ADDRESS, TicketStore } from '../../echo-server/endpoints/auth.ts';
import { FIREHOSE_MAX_CREDIT, FIREHOSE_QUEUE } from '../../echo-server/endpoints/firehose.ts';
import { HEARTBEAT_MAX_PAYLOAD } from '../../echo-server/endpoints/heartbeat.ts';
import { RPC_MAX_PENDING } from '../../echo-server/endpoints/rpc.ts';
import type { RunningServer } from '../../echo-server/index.ts';
import {
  closeEvent,
  closePayload,
  eventually,
  httpUrl,
  nextMessages,
  openClient,
  rawHandshake,
  refusedUpgrade,
  requestFrom,
  startServer,
  wsUrl,
} from './helpers.ts';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Long enough for an answer on loopback to have arrived; used only to show that none does. */
const QUIET_MS = 300;

describe('WS /heartbeat', () => {
  it('echoes, then after silentAfter neither reads, writes, answers pings nor closes', async () => {
    const peer = await rawHandshake(server.port, '/heartbeat?silentAfter=200');
    peer.send({ opcode: 0x1, payload: 'ping 1' });
    await peer.waitFor((f) => f.opcode === 0x1 && f.payload.toString() === 'ping 1');
    await eventually(() => [...server.endpoints.connections].some((c) => c.path === '/heartbeat' && c.gate.paused), 'the silence');
    const before = peer.frames.length;
    peer.send({ opcode: 0x9, payload: 'are you there' });
    peer.send({ opcode: 0x1, payload: 'ping 2' });
    peer.send({ opcode: 0x8, payload: closePayload(1000) });
    await sleep(QUIET_MS);
    expect(peer.frames.length).toBe(before);
    expect(peer.ended).toBe(false);
    peer.destroy();
  });

  it('goes silent at once on {"type":"silence"}; random jitter is accepted', async () => {
    const ws = await openClient(wsUrl(server, '/heartbeat?silentAfter=60000&jitter=1000'));
    ws.send('"a"');
    expect((await nextMessages(ws, 1))[0]).toBe('a');
    ws.send(JSON.stringify({ type: 'silence' }));
    ws.send('"b"');
    let got = 0;
    ws.on('message', () => got++);
    await sleep(QUIET_MS);
    expect(got).toBe(0);
    expect(ws.readyState).toBe(WebSocket.OPEN);
    ws.terminate();
  });

  it('closes a message over its payload limit with 1009', async () => {
    const ws = await openClient(wsUrl(server, '/heartbeat'));
    ws.send('x'.repeat(HEARTBEAT_MAX_PAYLOAD + 1));
    expect((await closeEvent(ws)).code).toBe(1009);
  });

  it.each(['silentAfter=soon', 'silentAfter=-1', 'silentAfter=60001', 'silentAfter=1e3', 'jitter=60001', 'jitter=%00'])(
    'refuses ?%s with 400 and a reason',
    async (query) => {
      const { status, body } = await refusedUpgrade(wsUrl(server, `/heartbeat?${query}`));
      expect(status).toBe(400);
      expect(body).toMatch(/silentAfter|jitter/);
    },
  );
});

describe('WS /numbers', () => {
  const seqs = (messages: unknown[]) => messages.map((m) => (m as { seq: number }).seq);

  it('sends since+1 … until, then closes with 1000', async () => {
    const ws = await openClient(wsUrl(server, '/numbers?since=5&until=9&interval=10'));
    const closed = closeEvent(ws);
    expect(seqs(await nextMessages(ws, 4))).toEqual([6, 7, 8, 9]);
    expect(await closed).toEqual({ code: 1000, reason: 'end of stream' });
  });

  it('with dropAfter, cuts the TCP connection without a close frame; resuming from the last seq loses nothing', async () => {
    const seen: number[] = [];
    for (let drops = 0; seen.at(-1) !== 30; ) {
      const peer = await rawHandshake(server.port, `/numbers?since=${seen.at(-1) ?? 0}&until=30&interval=10&dropAfter=4`);
      // Either the server's close frame (end of stream) or the cut.
      await peer.waitFor((f) => f.opcode === 0x8).catch(() => undefined);
      peer.destroy();
      const got = peer.frames.filter((f) => f.opcode === 0x1).map((f) => (JSON.parse(f.payload.toString()) as { seq: number }).seq);
      seen.push(...got);
      // Only the connection that reached the end closed properly.
      expect(peer.frames.some((f) => f.opcode === 0x8)).toBe(seen.at(-1) === 30);
      expect(++drops).toBeLessThanOrEqual(30);
    }
    expect(seen).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
  });

  it.each(['since=-1', 'since=x', 'since=100001', 'until=0', 'interval=9', 'interval=5001', 'dropAfter=1001', 'dropAfter=1.5'])(
    'refuses ?%s with 400 and a reason',
    async (query) => {
      const { status, body } = await refusedUpgrade(wsUrl(server, `/numbers?${query}`));
      expect(status).toBe(400);
      expect(body).toContain(query.split('=')[0]);
    },
  );
});

describe('WS /rpc', () => {
  const rpcClient = () =>
    new Promise<WebSocket>((resolve, reject) => {
      const ws = new WebSocket(wsUrl(server, '/rpc'), ['chat', RPC_SUBPROTOCOL]);
      ws.once('open', () => resolve(ws));
      ws.once('error', reject);
    });
  const answers = (ws: WebSocket, n: number) =>
    new Promise<Record<string, unknown>[]>((resolve) => {
      const got: Record<string, unknown>[] = [];
      ws.on('message', (data) => {
        got.push(JSON.parse(String(data)) as Record<string, unknown>);
        if (got.length === n) resolve(got);
      });
    });

  it('selects jsonrpc-2.0 when offered, answers out of order by id, fails and pushes notifications', async () => {
    const ws = await rpcClient();
    expect(ws.protocol).toBe(RPC_SUBPROTOCOL);
    const got = answers(ws, 6);
    ws.send(JSON.stringify({ jsonrpc: '2.0', id: 'slow', method: 'sleep', params: { ms: 150 } }));
    ws.send(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'add', params: [2, 3] }));
    ws.send(JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'fail' }));
    ws.send(JSON.stringify({ jsonrpc: '2.0', id: 3, method: 'subscribe', params: { count: 2, interval: 50 } }));
    const list = await got;
    expect(list[0]).toEqual({ jsonrpc: '2.0', id: 1, result: 5 });
    expect(list[1]).toMatchObject({ id: 2, error: { code: -32000 } });
    expect(list[2]).toMatchObject({ id: 3, result: { subscribed: 'tick', count: 2 } });
    expect(list.filter((m) => m.method === 'tick').map((m) => m.params)).toEqual([
      { n: 1, of: 2 },
      { n: 2, of: 2 },
    ]);
    expect(list.find((m) => m.id === 'slow')).toEqual({ jsonrpc: '2.0', id: 'slow', result: { slept: 150 } });
    ws.close();
  });

  it('cancel drops a pending late answer', async () => {
    const ws = await rpcClient();
    const got = answers(ws, 1);
    ws.send(JSON.stringify({ jsonrpc: '2.0', id: 7, method: 'sleep', params: { ms: 100 } }));
    ws.send(JSON.stringify({ jsonrpc: '2.0', method: 'cancel', params: { id: 7 } }));
    ws.send(JSON.stringify({ jsonrpc: '2.0', id: 8, method: 'sleep', params: { ms: 200 } }));
    expect((await got)[0]).toMatchObject({ id: 8 });
    ws.close();
  });

  it.each([
    ['not JSON', '{"jsonrpc":', -32700],
    ['a batch', '[{"jsonrpc":"2.0","id":1,"method":"add","params":[1,2]}]', -32600],
    ['no jsonrpc field', '{"id":1,"method":"add"}', -32600],
    ['an object id', '{"jsonrpc":"2.0","id":{},"method":"add"}', -32600],
    ['an unknown method', '{"jsonrpc":"2.0","id":1,"method":"__proto__"}', -32601],
    ['bad add params', '{"jsonrpc":"2.0","id":1,"method":"add","params":["1",2]}', -32602],
    ['a sleep over 10 s', '{"jsonrpc":"2.0","id":1,"method":"sleep","params":{"ms":10001}}', -32602],
    ['too many ticks', '{"jsonrpc":"2.0","id":1,"method":"subscribe","params":{"count":101}}', -32602],
  ])('answers %s with the JSON-RPC error code and stays open', async (_what, text, code) => {
    const ws = await rpcClient();
    const got = answers(ws, 2);
    ws.send(text);
    ws.send(JSON.stringify({ jsonrpc: '2.0', id: 'after', method: 'echo', params: 'still here' }));
    const [error, after] = await got;
    expect(error).toMatchObject({ jsonrpc: '2.0', error: { code } });
    expect(after).toMatchObject({ id: 'after', result: 'still here' });
    ws.close();
  });

  it(`caps pending calls at ${RPC_MAX_PENDING} per connection`, async () => {
    const ws = await rpcClient();
    const got = answers(ws, 1);
    for (let i = 0; i <= RPC_MAX_PENDING; i++) ws.send(JSON.stringify({ jsonrpc: '2.0', id: i, method: 'sleep', params: { ms: 10_000 } }));
    expect((await got)[0]).toMatchObject({ id: RPC_MAX_PENDING, error: { code: -32000 } });
    ws.close();
  });

  it.each([
    ['no subprotocol', ''],
    ['only other subprotocols', 'Sec-WebSocket-Protocol: chat, jsonrpc-1.0\r\n'],
  ])('with %s: the handshake selects none, then closes with 1008', async (_what, offer) => {
    // ws as a client refuses a handshake without the subprotocol it offered (browsers accept it), so speak raw.
    const socket = connect(server.port, '127.0.0.1');
    socket.write(
      `GET /rpc HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
        `Sec-WebSocket-Key: ${'A'.repeat(22)}==\r\nSec-WebSocket-Version: 13\r\n${offer}\r\n`,
    );
    let answer = Buffer.alloc(0);
    socket.on('data', (d: Buffer) => (answer = Buffer.concat([answer, d])));
    const bodyStart = () => answer.indexOf('\r\n\r\n') + 4;
    await eventually(
      () => bodyStart() > 3 && answer.length >= bodyStart() + 2 && answer.length >= bodyStart() + 2 + answer[bodyStart() + 1]!,
      'the close frame',
    );
    socket.destroy();
    const head = answer.subarray(0, bodyStart()).toString();
    const frame = answer.subarray(bodyStart());
    expect(head).toMatch(/^HTTP\/1\.1 101/);
    expect(head.toLowerCase()).not.toContain('sec-websocket-protocol');
    expect(frame[0]).toBe(0x88);
    expect(frame.readUInt16BE(2)).toBe(1008);
    expect(frame.subarray(4).toString()).toContain(RPC_SUBPROTOCOL);
  });

  it('other endpoints still select the first subprotocol offered', async () => {
    const ws = new WebSocket(wsUrl(server, '/echo'), ['first', 'second']);
    await new Promise((r) => ws.once('open', r));
    expect(ws.protocol).toBe('first');
    ws.close();
  });
});

describe('auth endpoints', () => {
  const post = (path: string, headers: Record<string, string> = {}) => fetch(httpUrl(server, path), { method: 'POST', headers });
  const origin = () => `http://127.0.0.1:${server.port}`;
  async function sessionCookie(): Promise<string> {
    const res = await post('/auth/login');
    const setCookie = res.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    return setCookie.split(';')[0]!;
  }
  async function ticket(): Promise<string> {
    const res = await post('/auth/tickets', { Authorization: `Bearer ${DEMO_ACCESS_TOKEN}` });
    expect(res.status).toBe(201);
    return ((await res.json()) as { ticket: string }).ticket;
  }

  it("cookie: a login cookie from this site's Origin is welcomed", async () => {
    const ws = await openClient(wsUrl(server, '/auth/cookie'), { headers: { Cookie: await sessionCookie(), Origin: origin() } });
    expect(await nextMessages(ws, 1)).toEqual([{ type: 'welcome', user: 'learner', via: 'cookie' }]);
    ws.close();
  });

  it.each([
    ['no cookie', () => ({ Origin: origin() }), 401],
    ['a forged cookie', () => ({ Origin: origin(), Cookie: 'wsp_session=learner.99999999999999.AAAA' }), 401],
    ['a cookie with extra dots', () => ({ Origin: origin(), Cookie: 'wsp_session=a.b.c.d' }), 401],
  ])('cookie: %s is refused with %i', async (_what, headers, status) => {
    expect((await refusedUpgrade(wsUrl(server, '/auth/cookie'), headers())).status).toBe(status);
  });

  it.each([
    ['another site', 'http://evil.example'],
    ['an opaque origin', 'null'],
    ['a look-alike host', 'http://127.0.0.1.evil.example'],
  ])('cookie: a valid cookie sent from %s is refused with 403', async (_what, foreign) => {
    const { status, body } = await refusedUpgrade(wsUrl(server, '/auth/cookie'), { Cookie: await sessionCookie(), Origin: foreign });
    expect(status).toBe(403);
    expect(body).toMatch(/may not open this socket|Origin: null/);
  });

  it('cookie: behind a trusted proxy, a page of the host the browser asked for is welcomed', async () => {
    // nginx's `Host $host` drops the port; the browser's host (and its Origin) arrive as X-Forwarded-Host.
    const proxied = await startServer({ trustProxy: ['127.0.0.1'] });
    try {
      const login = await fetch(httpUrl(proxied, '/auth/login'), { method: 'POST' });
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
      const headers = {
        Host: 'site.example',
        'X-Forwarded-Host': 'site.example:8443',
        Origin: 'https://site.example:8443',
        Cookie: cookie,
      };
      const ws = await openClient(wsUrl(proxied, '/auth/cookie'), { headers });
      expect(await nextMessages(ws, 1)).toEqual([{ type: 'welcome', user: 'learner', via: 'cookie' }]);
      ws.close();
      const foreign = await refusedUpgrade(wsUrl(proxied, '/auth/cookie'), { ...headers, Origin: 'https://site.example' });
      expect(foreign.status).toBe(403);
    } finally {
      await proxied.close();
    }
  });

  it('cookie: logout expires the cookie', async () => {
    const res = await post('/auth/logout');
    expect(res.headers.get('set-cookie')).toMatch(/^wsp_session=; Max-Age=0/);
  });

  it('ticket: a fresh ticket opens one socket, once', async () => {
    const t = await ticket();
    const ws = await openClient(wsUrl(server, `/auth/ticket?ticket=${t}`));
    expect(await nextMessages(ws, 1)).toEqual([{ type: 'welcome', user: 'learner', via: 'ticket' }]);
    ws.send('"hello"');
    expect((await nextMessages(ws, 1))[0]).toBe('hello');
    ws.close();
    const again = await refusedUpgrade(wsUrl(server, `/auth/ticket?ticket=${t}`));
    expect(again.status).toBe(401);
    expect(again.body).toMatch(/already used/);
  });

  it.each(['', '?ticket=', `?ticket=${DEMO_ACCESS_TOKEN}`, '?ticket=%ff%fe', `?ticket=${'x'.repeat(4000)}`])(
    'ticket: %s is refused with 401',
    async (query) => {
      expect((await refusedUpgrade(wsUrl(server, `/auth/ticket${query}`))).status).toBe(401);
    },
  );

  it.each([
    ['no Authorization', {}],
    ['a wrong token', { Authorization: 'Bearer guess' }],
    ['Basic auth', { Authorization: `Basic ${Buffer.from(`x:${DEMO_ACCESS_TOKEN}`).toString('base64')}` }],
  ])('POST /auth/tickets with %s answers 401', async (_what, headers) => {
    const res = await post('/auth/tickets', headers);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
  });

  it('POST /auth/tickets answers its CORS preflight; GET is 405; a body is 413', async () => {
    const pre = await fetch(httpUrl(server, '/auth/tickets'), { method: 'OPTIONS' });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-headers')).toBe('Authorization');
    expect((await fetch(httpUrl(server, '/auth/tickets'))).status).toBe(405);
    const big = await fetch(httpUrl(server, '/auth/tickets'), { method: 'POST', body: 'x'.repeat(2048) });
    expect(big.status).toBe(413);
  });

  it(`the ticket store expires tickets and holds at most ${MAX_TICKETS}`, () => {
    let now = 0;
    const store = new TicketStore(1000, 3, 3, () => now);
    const [a, b, c] = [store.issue('x'), store.issue('y'), store.issue('z')];
    expect(store.issue('w')).toBe('full');
    expect(store.spend(a!)).toBe(true);
    expect(store.spend(a!)).toBe(false);
    now = 1000;
    expect(store.spend(b!)).toBe(false);
    expect(store.issue('w')).not.toMatch(/^(full|address)$/);
    expect(store.spend(c!)).toBe(false);
  });

  it(`one address holds at most ${MAX_TICKETS_PER_ADDRESS} unspent tickets, so it cannot use up everyone's`, async () => {
    const ask = (localAddress: string) =>
      requestFrom(httpUrl(server, '/auth/tickets'), localAddress, {
        method: 'POST',
        headers: { Authorization: `Bearer ${DEMO_ACCESS_TOKEN}` },
      });
    for (let i = 0; i < MAX_TICKETS_PER_ADDRESS; i++) expect((await ask('127.0.0.3')).status).toBe(201);
    const refused = await ask('127.0.0.3');
    expect(refused.status).toBe(429);
    expect(refused.body).toContain('per address');
    // Another participant still gets one.
    expect((await ask('127.0.0.4')).status).toBe(201);
  });

  it('message: {"type":"auth","token"} first is welcomed, then text is echoed', async () => {
    const ws = await openClient(wsUrl(server, '/auth/message'));
    ws.send(JSON.stringify({ type: 'auth', token: DEMO_ACCESS_TOKEN }));
    ws.send('"after auth"');
    expect(await nextMessages(ws, 2)).toEqual([{ type: 'welcome', user: 'learner', via: 'message' }, 'after auth']);
    ws.close();
  });

  it.each([
    ['a chat message before auth', 'hello', /authenticate first/],
    ['a wrong token', JSON.stringify({ type: 'auth', token: 'guess' }), /bad token/],
    ['a token that is not a string', JSON.stringify({ type: 'auth', token: [DEMO_ACCESS_TOKEN] }), /authenticate first/],
    ['binary', Buffer.from(JSON.stringify({ type: 'auth', token: DEMO_ACCESS_TOKEN })), /authenticate first/],
  ])('message: %s closes with 1008 and nothing is answered', async (_what, first, reason) => {
    const ws = await openClient(wsUrl(server, '/auth/message'));
    let answered = 0;
    ws.on('message', () => answered++);
    ws.send(first);
    const closed = await closeEvent(ws);
    expect(closed.code).toBe(1008);
    expect(closed.reason).toMatch(reason);
    expect(answered).toBe(0);
  });

  it('message: an oversize first message closes with 1009 and nothing is answered', async () => {
    const ws = await openClient(wsUrl(server, '/auth/message'));
    let answered = 0;
    ws.on('message', () => answered++);
    ws.send('x'.repeat(AUTH_MAX_PAYLOAD + 1));
    expect((await closeEvent(ws)).code).toBe(1009);
    expect(answered).toBe(0);
  });

  it('message: silence past the deadline closes with 1008', async () => {
    const ws = await openClient(wsUrl(server, '/auth/message'));
    const closed = await closeEvent(ws);
    expect(closed).toEqual({ code: 1008, reason: 'no auth message within 5000 ms' });
  }, 10_000);
});

describe('WS /firehose', () => {
  it('sends every byte, numbered, then a done report and 1000', async () => {
    const ws = await openClient(wsUrl(server, '/firehose?bytes=100000&size=30000'));
    const closed = closeEvent(ws);
    const messages = await nextMessages(ws, 5);
    expect(messages.slice(0, 4).map((m) => (m as Buffer).readUInt32BE(0))).toEqual([1, 2, 3, 4]);
    expect(messages.slice(0, 4).map((m) => (m as Buffer).length)).toEqual([30000, 30000, 30000, 10000]);
    expect(messages[4]).toMatchObject({ type: 'done', messages: 4, bytes: 100000 });
    expect((await closed).code).toBe(1000);
  });

  it(`never queues more than ${FIREHOSE_QUEUE} bytes plus one message for a client that does not read`, async () => {
    const peer = await rawHandshake(server.port, '/firehose?bytes=67108864&size=65536');
    peer.socket.pause();
    const conn = () => [...server.endpoints.connections].find((c) => c.path === '/firehose')!;
    let peak = 0;
    await eventually(async () => {
      peak = Math.max(peak, conn().bufferedAmount);
      await sleep(20);
      return conn().bytesOut > 0 && conn().bufferedAmount > FIREHOSE_QUEUE;
    }, 'the queue to fill');
    for (let i = 0; i < 10; i++) {
      peak = Math.max(peak, conn().bufferedAmount);
      await sleep(20);
    }
    expect(peak).toBeLessThanOrEqual(FIREHOSE_QUEUE + 65536 + 16);
    peer.destroy();
    await eventually(() => ![...server.endpoints.connections].some((c) => c.path === '/firehose'), 'the firehose to stop');
  });

  it('in credit mode sends only what was granted', async () => {
    const ws = await openClient(wsUrl(server, '/firehose?bytes=1000&size=100&credit=1'));
    await sleep(QUIET_MS);
    expect(await Promise.race([nextMessages(ws, 1), sleep(0).then(() => 'nothing')])).toBe('nothing');
    ws.send(JSON.stringify({ type: 'credit', messages: 3 }));
    const three = await nextMessages(ws, 3);
    expect(three.map((m) => (m as Buffer).readUInt32BE(0))).toEqual([1, 2, 3]);
    ws.send(JSON.stringify({ type: 'credit', messages: 7 }));
    const rest = await nextMessages(ws, 8);
    expect(rest[7]).toMatchObject({ type: 'done', messages: 10 });
  });

  it.each([
    ['a grant that is not an integer', JSON.stringify({ type: 'credit', messages: 1.5 }), 1003],
    ['a negative grant', JSON.stringify({ type: 'credit', messages: -5 }), 1003],
    ['binary', Buffer.from('{}'), 1003],
    ['a grant over the cap', JSON.stringify({ type: 'credit', messages: FIREHOSE_MAX_CREDIT + 1 }), 1008],
  ])('in credit mode closes on %s', async (_what, message, code) => {
    const ws = await openClient(wsUrl(server, '/firehose?bytes=1000&size=100&credit=1'));
    ws.send(message);
    expect((await closeEvent(ws)).code).toBe(code);
  });

  it.each(['bytes=0', 'bytes=67108865', 'bytes=lots', 'size=3', 'size=1048577', 'credit=yes', 'credit=2'])(
    'refuses ?%s with 400 and a reason',
    async (query) => {
      const { status, body } = await refusedUpgrade(wsUrl(server, `/firehose?${query}`));
      expect(status).toBe(400);
      expect(body).toContain(query.split('=')[0]);
    },
  );
});

describe('plain GET on the new WebSocket paths', () => {
  it.each(['/heartbeat', '/numbers', '/rpc', '/firehose', '/auth/cookie', '/auth/ticket', '/auth/message'])(
    '%s answers 426',
    async (path) => {
      expect((await fetch(httpUrl(server, path))).status).toBe(426);
    },
  );
});
