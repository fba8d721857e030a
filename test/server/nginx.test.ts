// The README's nginx block, read from README.md itself, loaded into a real
// nginx in front of a real server: pages, /echo, chat between two
// participants, a socket quiet for longer than nginx's default 60 s read
// timeout, and the server's own checks (Origin, per-address caps, the token
// out of the access log) still working behind the proxy.
//
// nginx runs as whoever runs the tests: its own prefix, config, pid, logs and
// temp directories in a temp folder, a free loopback port, no TLS (the
// certificate lines are replaced by a plain listen).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import type { RunningServer } from '../../echo-server/index.ts';
import { lacks, programPath } from '../support/requirements.ts';
import { closeEvent, getFrom, nextMessages, nextOfType, openClient, refusedUpgrade, startServer } from './helpers.ts';

const skip = lacks('nginx', import.meta.url);

const README = fileURLToPath(new URL('../../README.md', import.meta.url));
const TOKEN = 'nginx-test-token-0123456789';
/** nginx's default proxy_read_timeout is 60 s; the quiet socket outlasts it. */
const QUIET_MS = 65_000;

/** The ```nginx block of the README's deployment section, as written. */
function readmeNginxBlock(): string {
  const block = /\*\*nginx\*\*[\s\S]*?```nginx\n([\s\S]*?)```/.exec(readFileSync(README, 'utf8'))?.[1];
  if (!block) throw new Error('README.md has no ```nginx block after "**nginx**"');
  return block;
}

/** The README block made runnable here: plain listen on `port`, no certificates, the backend on `backend`, logs in `dir`. */
function localConfig(block: string, dir: string, port: number, backend: number): string {
  const swap = (text: string, pattern: RegExp, replacement: string) => {
    if (!pattern.test(text)) throw new Error(`the README's nginx block no longer has ${pattern}; update this test`);
    return text.replace(pattern, replacement);
  };
  let server = swap(block, /^\s*listen 443 ssl;\s*$/m, `    listen 127.0.0.1:${port};`);
  server = swap(server, /^\s*ssl_certificate\s.*\n/m, '');
  server = swap(server, /^\s*ssl_certificate_key\s.*\n/m, '');
  server = swap(server, /proxy_pass http:\/\/127\.0\.0\.1:8080;/, `proxy_pass http://127.0.0.1:${backend};`);
  server = server.replaceAll('/var/log/nginx/', `${dir}/`);
  return [
    `pid ${dir}/nginx.pid;`,
    `error_log ${dir}/error.log;`,
    'events { worker_connections 256; }',
    'http {',
    ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${dir}/${t};`),
    `  access_log ${dir}/default-access.log;`,
    server,
    '}',
  ].join('\n');
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

function accepting(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

describe.skipIf(skip)('the README nginx block, in front of the server', () => {
  let dir: string;
  let nginx: ChildProcess;
  let server: RunningServer;
  let port: number;
  let stderr = '';
  const proxied = (path: string) => `ws://127.0.0.1:${port}${path}`;
  const page = (path: string) => `http://127.0.0.1:${port}${path}`;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'wsp-nginx-'));
    // Heartbeat off: only nginx's timeouts decide whether a quiet socket lives.
    server = await startServer({ adminToken: TOKEN, trustProxy: ['127.0.0.1'], heartbeatInterval: 0, maxWorkshopConnsPerIp: 2 });
    port = await freePort();
    writeFileSync(join(dir, 'nginx.conf'), localConfig(readmeNginxBlock(), dir, port, server.port));
    // master_process off: one process, no user switch, nothing left behind if the test dies.
    nginx = spawn(
      programPath('nginx')!,
      ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log'), '-g', 'daemon off; master_process off;'],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    nginx.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    const deadline = Date.now() + 10_000;
    while (!(await accepting(port))) {
      if (nginx.exitCode !== null || Date.now() > deadline) {
        throw new Error(`nginx did not start with the README's block:\n${stderr}${readFileSync(join(dir, 'error.log'), 'utf8')}`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }, 30_000);

  afterAll(async () => {
    if (nginx && nginx.exitCode === null) {
      const exited = new Promise((resolve) => nginx.once('exit', resolve));
      nginx.kill('SIGQUIT');
      await exited;
    }
    await server?.close();
  });

  it('serves a page, with the runner policy naming the host the browser used', async () => {
    const res = await fetch(page('/'));
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>home</title>');
    const runner = await fetch(page('/runner/index.html'));
    expect(runner.headers.get('content-security-policy')).toContain(`ws://127.0.0.1:${port}`);
  });

  it('echoes over /echo', async () => {
    const ws = await openClient(proxied('/echo'));
    const back = nextMessages(ws, 1);
    ws.send('"through nginx"');
    expect(await back).toEqual(['through nginx']);
    ws.close();
  });

  it('carries a chat message between two participants', async () => {
    const ann = await openClient(proxied('/chat?room=proxy&name=ann'), { localAddress: '127.0.0.2' });
    await nextOfType(ann, 'join');
    const bob = await openClient(proxied('/chat?room=proxy&name=bob'), { localAddress: '127.0.0.3' });
    await nextOfType(bob, 'join');
    const heard = nextOfType<{ type: string; name: string; text: string }>(bob, 'message');
    ann.send('hello through the proxy');
    expect(await heard).toMatchObject({ name: 'ann', text: 'hello through the proxy' });
    ann.close();
    bob.close();
  });

  it('keeps the Origin check: this site (its port included) is let in, another site gets 403', async () => {
    const own = await openClient(proxied('/presence'), { headers: { Origin: `http://127.0.0.1:${port}` }, localAddress: '127.0.0.6' });
    own.close();
    const refused = await refusedUpgrade(proxied('/presence'), { Origin: 'http://evil.example' }, '127.0.0.6');
    expect(refused.status).toBe(403);
    expect(refused.body).toMatch(/evil\.example may not open this socket/);
  });

  it('keeps the per-address caps per real client, whatever X-Forwarded-For the client sends', async () => {
    const mine: WebSocket[] = [];
    for (let i = 0; i < 2; i++)
      mine.push(await openClient(proxied('/presence'), { localAddress: '127.0.0.4', headers: { 'X-Forwarded-For': `10.0.0.${i}` } }));
    expect((await refusedUpgrade(proxied('/presence'), { 'X-Forwarded-For': '10.9.9.9' }, '127.0.0.4')).status).toBe(429);
    mine.push(await openClient(proxied('/presence'), { localAddress: '127.0.0.5' }));
    mine.forEach((ws) => ws.close());
  });

  it('keeps the instructor token out of the access log', async () => {
    expect((await getFrom(page(`/workshop/?token=${TOKEN}`), '127.0.0.7')).status).toBe(404);
    const admin = await openClient(proxied(`/admin?token=${TOKEN}`), { localAddress: '127.0.0.7' });
    await nextOfType(admin, 'snapshot');
    admin.close();
    const log = readFileSync(join(dir, 'playground.access.log'), 'utf8');
    expect(log).toContain('GET /workshop/ HTTP/1.1');
    expect(log).not.toContain(TOKEN);
  });

  it(
    "keeps a socket that is quiet for longer than nginx's default 60 s read timeout",
    async () => {
      const ws = await openClient(proxied('/echo'));
      const closed = closeEvent(ws).then(({ code }) => code);
      const quiet = await Promise.race([closed, new Promise((r) => setTimeout(() => r('still open'), QUIET_MS))]);
      expect(quiet, 'nginx closed the quiet socket').toBe('still open');
      const back = nextMessages(ws, 1);
      ws.send('"still here"');
      expect(await back).toEqual(['still here']);
      ws.close();
    },
    QUIET_MS + 20_000,
  );
});
