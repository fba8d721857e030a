// What code in the sandboxed runner can reach, checked in real Chromium: the
// runner's policy (echo-server/csp.ts) lets it open ws:// and http:// to the
// serving host, from the frame and from a data: worker like the real runner's,
// and nothing on another loopback port. And another site cannot frame a page.
import { createServer, type Server } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../echo-server/index.ts';
import { launchBrowser } from '../e2e/browser.ts';
import { lacks } from '../support/requirements.ts';
import { makeStaticRoot, startServer } from './helpers.ts';

/** Tries each target; reports which ones answered. Runs in the frame and, as text, in a data: worker. */
function probe(targets: Record<string, string>): Promise<Record<string, boolean>> {
  const reach = (url: string) =>
    url.startsWith('ws')
      ? new Promise<boolean>((resolve) => {
          try {
            const ws = new WebSocket(url);
            ws.onopen = () => (ws.close(), resolve(true));
            ws.onerror = () => resolve(false);
          } catch {
            resolve(false);
          }
        })
      : fetch(url).then(
          () => true,
          () => false,
        );
  return Promise.all(Object.entries(targets).map(async ([k, url]) => [k, await reach(url)] as const)).then(Object.fromEntries);
}

const FRAME_SCRIPT = `
const probe = ${probe.toString()};
addEventListener('message', async ({ data: targets }) => {
  const inFrame = await probe(targets);
  const source = 'const probe = ' + probe.toString() + '; onmessage = async ({ data }) => postMessage(await probe(data));';
  const worker = new Worker('data:text/javascript,' + encodeURIComponent(source));
  const inWorker = await new Promise((resolve) => { worker.onmessage = (e) => resolve(e.data); worker.onerror = () => resolve('worker failed'); worker.postMessage(targets); });
  parent.postMessage({ inFrame, inWorker }, '*');
});
parent.postMessage('ready', '*');
`;

const PAGE = `<!doctype html><title>host</title>
<iframe sandbox="allow-scripts" src="/runner/index.html"></iframe>
<script src="/host.js"></script>`;

const HOST_SCRIPT = `
addEventListener('message', ({ data }) => {
  if (data === 'ready') document.querySelector('iframe').contentWindow.postMessage(window.targets, '*');
  else window.results = data;
});`;

let browser: Browser;
let server: RunningServer;
let bystander: Server;
let bystanderHits = 0;
let bystanderPort = 0;

const skip = lacks('chromium', import.meta.url);

beforeAll(async () => {
  if (skip) return;
  const dir = makeStaticRoot();
  writeFileSync(join(dir, 'index.html'), PAGE);
  writeFileSync(join(dir, 'host.js'), HOST_SCRIPT);
  mkdirSync(join(dir, 'runner'), { recursive: true });
  writeFileSync(join(dir, 'runner', 'index.html'), '<!doctype html><title>runner</title><script src="/runner/probe.js"></script>');
  writeFileSync(join(dir, 'runner', 'probe.js'), FRAME_SCRIPT);
  server = await startServer({ staticDir: dir });
  // A service on another loopback port that the reader's code must not reach; it also tries to frame the site.
  bystander = createServer((_req, res) => {
    bystanderHits++;
    res.writeHead(200, { 'Content-Type': 'text/html', 'Access-Control-Allow-Origin': '*' });
    res.end(`<!doctype html><iframe src="http://127.0.0.1:${server.port}/"></iframe>`);
  });
  bystander.on('upgrade', (_req, socket) => (bystanderHits++, socket.destroy()));
  await new Promise<void>((resolve) => bystander.listen(0, '127.0.0.1', resolve));
  bystanderPort = (bystander.address() as { port: number }).port;
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  if (skip) return;
  await browser?.close();
  await server?.close();
  await new Promise((resolve) => bystander?.close(resolve));
});

describe.skipIf(skip)('the runner reaches the serving host only', () => {
  it('opens ws:// and http:// to the serving host; nothing on another loopback port, from the frame or its worker', async () => {
    const page = await browser.newPage();
    await page.addInitScript((targets) => Object.assign(window, { targets }), {
      ws: `ws://127.0.0.1:${server.port}/echo`,
      http: `http://127.0.0.1:${server.port}/api/weather`,
      otherWs: `ws://127.0.0.1:${bystanderPort}/`,
      otherHttp: `http://127.0.0.1:${bystanderPort}/`,
    });
    await page.goto(`http://127.0.0.1:${server.port}/`);
    const results = await (
      await page.waitForFunction(() => (window as { results?: unknown }).results, undefined, { timeout: 20_000 })
    ).jsonValue();
    const expected = { ws: true, http: true, otherWs: false, otherHttp: false };
    expect(results).toEqual({ inFrame: expected, inWorker: expected });
    expect(bystanderHits).toBe(0);
    await page.close();
  });

  it('--runner-connect adds hosts', async () => {
    const other = await startServer({ runnerConnect: [`http://127.0.0.1:${bystanderPort}`] });
    const res = await fetch(`http://127.0.0.1:${other.port}/runner/index.html`);
    expect(res.headers.get('content-security-policy')).toMatch(new RegExp(`connect-src [^;]*http://127\\.0\\.0\\.1:${bystanderPort}`));
    await other.close();
  });
});

describe.skipIf(skip)('framing', () => {
  it('another site cannot frame a page of the site', async () => {
    const page = await browser.newPage();
    const refused = page.waitForEvent('console', { predicate: (m) => /frame-ancestors/.test(m.text()), timeout: 10_000 });
    await page.goto(`http://127.0.0.1:${bystanderPort}/`);
    expect((await refused).text()).toMatch(/has been blocked/);
    await page.close();
  });
});
