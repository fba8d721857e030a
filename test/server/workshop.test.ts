// The workshop on one instance, in memory: presence counts and anonymous
// progress, the instructor's socket behind its token, announcements pushed to
// every participant at once, and bad input answered without closing others.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import type { RunningServer } from '../../echo-server/index.ts';
import type { WorkshopSnapshot as Snapshot } from '../../contracts/workshop.ts';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  closeEvent,
  httpUrl,
  makeStaticRoot,
  nextMessages,
  nextOfType,
  openClient,
  refusedUpgrade,
  startServer,
  wsUrl,
} from './helpers.ts';

const TOKEN = 'test-token-123';

/** The admin socket also sends a snapshot a second, so a reply is found within a few messages. */
const nextOf = <T extends { type: string }>(ws: WebSocket, type: string, done?: (m: T) => boolean) => nextOfType<T>(ws, type, done, 20);
const snapshotUntil = (admin: WebSocket, done: (s: Snapshot) => boolean) => nextOf<Snapshot>(admin, 'snapshot', done);

describe('workshop in memory', () => {
  let server: RunningServer;

  beforeAll(async () => {
    const staticDir = makeStaticRoot();
    mkdirSync(join(staticDir, 'zh', 'workshop'), { recursive: true });
    writeFileSync(join(staticDir, 'zh', 'workshop', 'index.html'), '<!doctype html><title>instructor</title>');
    server = await startServer({ adminToken: TOKEN, staticDir });
  });
  afterAll(() => server.close());

  it('guards the instructor pages: 401 without the token, 403 with a wrong one, the page with the right one', async () => {
    for (const path of ['/workshop/', '/zh/workshop/', '/en/workshop', '/zh/workshop/index.html']) {
      const missing = await fetch(httpUrl(server, path));
      expect(missing.status).toBe(401);
      expect(await missing.text()).toMatch(/token/);
      expect((await fetch(httpUrl(server, `${path}?token=wrong`))).status).toBe(403);
    }
    const page = await fetch(httpUrl(server, `/zh/workshop/?token=${TOKEN}`));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('instructor');
    // Other pages need no token.
    expect((await fetch(httpUrl(server, '/'))).status).toBe(200);
  });

  it('generates a token at start when none is given', async () => {
    const other = await startServer();
    expect(other.endpoints.adminToken).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect((await refusedUpgrade(wsUrl(other, `/admin?token=${TOKEN}`))).status).toBe(403);
    await openClient(wsUrl(other, `/admin?token=${other.endpoints.adminToken}`)).then((ws) => ws.close());
    await other.close();
  });

  it('refuses the admin socket without the token (401) and with a wrong one (403)', async () => {
    expect((await refusedUpgrade(wsUrl(server, '/admin'))).status).toBe(401);
    const wrong = await refusedUpgrade(wsUrl(server, '/admin?token=nope'));
    expect(wrong.status).toBe(403);
    expect(wrong.body).toMatch(/token is wrong/);
  });

  it('counts participants, adds up the progress they share, and lists chat rooms', async () => {
    const admin = await openClient(wsUrl(server, `/admin?token=${TOKEN}`));
    const a = await openClient(wsUrl(server, '/presence'));
    const b = await openClient(wsUrl(server, '/presence'));
    const c = await openClient(wsUrl(server, '/presence'));
    a.send(JSON.stringify({ type: 'progress', passed: ['handshake', 'send'] }));
    b.send(JSON.stringify({ type: 'progress', passed: ['handshake'] }));
    c.send(JSON.stringify({ type: 'progress', passed: null })); // this reader turned sharing off
    const chat = await openClient(wsUrl(server, '/chat?room=table-3&name=ann'));

    const s = await snapshotUntil(admin, (x) => x.participants === 3 && x.reporting === 2 && x.rooms.length === 1);
    expect(s.passed).toEqual({ handshake: 2, send: 1 });
    expect(s.rooms).toEqual([{ room: 'table-3', count: 1 }]);

    // Leaving is counted too.
    b.close();
    chat.close();
    const after = await snapshotUntil(admin, (x) => x.participants === 2);
    expect(after.passed).toEqual({ handshake: 1, send: 1 });
    expect(after.rooms).toEqual([]);
    for (const ws of [admin, a, c]) ws.close();
  });

  it('pushes an announcement to every participant at once, and to one who joins later', async () => {
    const admin = await openClient(wsUrl(server, `/admin?token=${TOKEN}`));
    const participants = await Promise.all(Array.from({ length: 5 }, () => openClient(wsUrl(server, '/presence'))));
    admin.send(JSON.stringify({ type: 'announce', text: '  Break until 10:30 — 休息到 10:30  ' }));
    for (const p of participants) {
      const [message] = (await nextMessages(p, 1)) as [{ type: string; text: string; time: string }];
      expect(message).toMatchObject({ type: 'announcement', text: 'Break until 10:30 — 休息到 10:30' });
      expect(Number.isNaN(Date.parse(message.time))).toBe(false);
    }
    const late = await openClient(wsUrl(server, '/presence'));
    expect(await nextMessages(late, 1)).toEqual([expect.objectContaining({ text: 'Break until 10:30 — 休息到 10:30' })]);
    for (const ws of [admin, late, ...participants]) ws.close();
  });

  it('answers malformed messages with an error and keeps the socket open', async () => {
    const admin = await openClient(wsUrl(server, `/admin?token=${TOKEN}`));
    const p = await openClient(wsUrl(server, '/presence'));
    await nextMessages(p, 1); // the last announcement from the test before
    for (const bad of [
      'not json',
      '{"type":"progress","passed":"all"}',
      JSON.stringify({ type: 'progress', passed: ['../etc'] }),
      JSON.stringify({ type: 'progress', passed: Array(65).fill('a') }),
    ]) {
      p.send(bad);
      expect(await nextMessages(p, 1)).toEqual([expect.objectContaining({ type: 'error' })]);
    }
    for (const bad of ['{"type":"announce","text":""}', JSON.stringify({ type: 'announce', text: 'x'.repeat(501) }), '[]']) {
      admin.send(bad);
      expect(await nextOf(admin, 'error')).toMatchObject({ message: expect.stringMatching(/announce/) });
    }
    expect(p.readyState).toBe(p.OPEN);
    // Binary is not part of the presence protocol: that closes with 1003.
    const closed = closeEvent(p);
    p.send(Buffer.from([1, 2, 3]));
    expect((await closed).code).toBe(1003);
    admin.close();
  });
});
