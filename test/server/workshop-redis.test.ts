// Two instances sharing chat rooms, presence and announcements through a real
// Redis (Debian's redis-server on a free port), and an instance that keeps
// serving while Redis is gone and finds the other again when it returns.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../echo-server/index.ts';
import { lacks } from '../support/requirements.ts';
import { httpUrl, nextOfType, openClient, startServer, wsUrl } from './helpers.ts';

const TOKEN = 'redis-test-token';

async function freePort(): Promise<number> {
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const port = (probe.address() as { port: number }).port;
  probe.close();
  return port;
}

async function startRedis(port: number): Promise<ChildProcess> {
  const redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    redis.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) resolve();
    });
    redis.once('exit', (code) => reject(new Error(`redis-server exited with ${code}: ${output}`)));
  });
  return redis;
}

async function stopRedis(redis: ChildProcess): Promise<void> {
  if (redis.exitCode !== null) return;
  redis.kill('SIGKILL');
  await once(redis, 'exit');
}

interface Instance {
  server: RunningServer;
}

async function startInstance(redisUrl: string): Promise<Instance> {
  return { server: await startServer({ adminToken: TOKEN, redisUrl }) };
}

describe.skipIf(lacks('redis-server', import.meta.url))('workshop across two instances through Redis', () => {
  let port: number;
  let redis: ChildProcess;
  let a: Instance;
  let b: Instance;

  beforeAll(async () => {
    port = await freePort();
    redis = await startRedis(port);
    a = await startInstance(`redis://127.0.0.1:${port}`);
    b = await startInstance(`redis://127.0.0.1:${port}`);
    // Both instances have found each other once the instructor sees two.
    const admin = await openClient(wsUrl(a.server, `/admin?token=${TOKEN}`));
    await nextOfType<{ type: string; instances: number }>(admin, 'snapshot', (s) => s.instances === 2);
    admin.close();
  });
  afterAll(async () => {
    for (const { server } of [a, b]) await server.close();
    await stopRedis(redis);
  });

  it('carries a chat message, join notices and history from one instance to the other', async () => {
    const ann = await openClient(wsUrl(a.server, '/chat?room=cross&name=ann'));
    await nextOfType(ann, 'join');
    const bo = await openClient(wsUrl(b.server, '/chat?room=cross&name=bo'));
    expect(await nextOfType(ann, 'join', (m: { type: string; name?: string }) => m.name === 'bo')).toMatchObject({ count: 2 });

    ann.send('hello from instance A');
    expect(await nextOfType(bo, 'message')).toMatchObject({ name: 'ann', text: 'hello from instance A' });

    const late = await openClient(wsUrl(b.server, '/chat?room=cross&name=cy'));
    const history = await nextOfType<{ type: string; messages: Array<{ text: string }> }>(late, 'history');
    expect(history.messages.map((m) => m.text)).toEqual(['hello from instance A']);
    for (const ws of [ann, bo, late]) ws.close();
  });

  it('carries an announcement from the instructor on one instance to participants on the other, and counts everyone', async () => {
    const onA = await openClient(wsUrl(a.server, '/presence'));
    const onB = await openClient(wsUrl(b.server, '/presence'));
    onA.send(JSON.stringify({ type: 'progress', passed: ['handshake'] }));
    onB.send(JSON.stringify({ type: 'progress', passed: ['handshake', 'errors'] }));
    const admin = await openClient(wsUrl(b.server, `/admin?token=${TOKEN}`));
    const seen = await nextOfType<{ type: string; participants: number; passed: Record<string, number> }>(
      admin,
      'snapshot',
      (s) => s.participants === 2 && s.passed.handshake === 2,
    );
    expect(seen.passed).toEqual({ handshake: 2, errors: 1 });

    admin.send(JSON.stringify({ type: 'announce', text: 'Lesson 5 now' }));
    expect(await nextOfType(onA, 'announcement')).toMatchObject({ text: 'Lesson 5 now' });
    expect(await nextOfType(onB, 'announcement')).toMatchObject({ text: 'Lesson 5 now' });
    for (const ws of [onA, onB, admin]) ws.close();
  });

  it('keeps serving while Redis is away and shares rooms again once it is back', async () => {
    await stopRedis(redis);

    // Instance A on its own: its members still talk to each other, and it stays healthy.
    const x = await openClient(wsUrl(a.server, '/chat?room=outage&name=x'));
    const y = await openClient(wsUrl(a.server, '/chat?room=outage&name=y'));
    x.send('still here');
    expect(await nextOfType(y, 'message')).toMatchObject({ text: 'still here' });
    expect((await fetch(httpUrl(a.server, '/healthz'))).status).toBe(200);
    expect((await fetch(httpUrl(b.server, '/healthz'))).status).toBe(200);

    redis = await startRedis(port);
    const z = await openClient(wsUrl(b.server, '/chat?room=outage&name=z'));
    // Reconnection takes a moment; keep saying something until B hears it.
    let heard = false;
    z.on('message', (data) => {
      if (String(data).includes('"text":"after the outage"')) heard = true;
    });
    for (let i = 0; i < 60 && !heard; i++) {
      x.send('after the outage');
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(heard).toBe(true);
    for (const ws of [x, y, z]) ws.close();
  });
});
