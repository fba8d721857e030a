// Part 2 of the course (lessons 9–13) in the real player against the real
// server: for each lesson, one realistic wrong approach leaves the check
// failing and one correct approach other than the solution passes. (Every
// lesson's starter and solution run in both locales in lessons.test.ts.)
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newPage, openLesson, terminalText, typeCode, waitForRunStatus } from './browser.ts';

const baseUrl = inject('baseUrl');

interface Case {
  slug: string;
  /** A wrong approach, named after the mistake, and the output that shows it really ran. */
  cheat: { name: string; code: string; ran: string };
  alternative: { name: string; code: string };
}

const CASES: Case[] = [
  {
    slug: 'heartbeat',
    cheat: {
      name: 'reconnecting on a fixed timer instead of a deadline',
      ran: 'replaced 3',
      code: `
for (let n = 1; n <= 3; n++) {
  const ws = new WebSocket(SERVER_URL + '/heartbeat?silentAfter=1000&jitter=2000');
  const timer = setInterval(() => ws.readyState === 1 && ws.send('ping'), 500);
  await new Promise((resolve) => setTimeout(resolve, 1200));
  clearInterval(timer);
  ws.close();
}
console.log('replaced 3');`,
    },
    alternative: {
      name: 'a last-heard watchdog checked every 100 ms',
      code: `
let reconnects = 0;
for (;;) {
  const ws = new WebSocket(SERVER_URL + '/heartbeat?silentAfter=1000&jitter=2000');
  let lastHeard = performance.now();
  let replies = 0;
  ws.addEventListener('message', () => { lastHeard = performance.now(); replies++; });
  const pinger = setInterval(() => ws.readyState === WebSocket.OPEN && ws.send('ping'), 500);
  const result = await new Promise((resolve) => {
    const watchdog = setInterval(() => {
      if (reconnects >= 2 && replies >= 3) { clearInterval(watchdog); resolve('healthy'); }
      else if (performance.now() - lastHeard > 1500) { clearInterval(watchdog); resolve('dead'); }
    }, 100);
  });
  clearInterval(pinger);
  ws.close(result === 'healthy' ? 1000 : undefined);
  if (result === 'healthy') break;
  reconnects++;
}`,
    },
  },
  {
    slug: 'resume',
    cheat: {
      name: 'restarting from the beginning and dropping repeats locally',
      ran: 'unique numbers',
      code: `
const seen = new Set();
for (let attempt = 0; attempt < 20 && seen.size < 60; attempt++) {
  const ws = new WebSocket(SERVER_URL + '/numbers?until=60&dropAfter=15');
  ws.onmessage = (e) => seen.add(JSON.parse(e.data).seq);
  await new Promise((resolve) => (ws.onclose = resolve));
  await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
}
console.log(seen.size, 'unique numbers');`,
    },
    alternative: {
      name: 'full jitter with an attempt counter reset after each healthy connection',
      code: `
let last = 0;
let failures = 0;
for (;;) {
  const ws = new WebSocket(SERVER_URL + '/numbers?until=60&dropAfter=15&since=' + last);
  const before = last;
  ws.addEventListener('message', (e) => { last = JSON.parse(e.data).seq; });
  const { code } = await new Promise((resolve) => ws.addEventListener('close', resolve));
  if (code === 1000) break;
  failures = last > before ? 0 : failures + 1;
  const cap = Math.min(1600, 300 * 2 ** failures);
  await new Promise((resolve) => setTimeout(resolve, 60 + Math.random() * cap));
}`,
    },
  },
  {
    slug: 'protocol',
    cheat: {
      name: 'one id for every call',
      ran: 'sent 3 calls',
      code: `
const ws = new WebSocket(SERVER_URL + '/rpc', 'jsonrpc-2.0');
await new Promise((resolve) => (ws.onopen = resolve));
ws.send(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'sleep', params: { ms: 3000 } }));
ws.send(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'add', params: [2, 3] }));
ws.send(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'fail' }));
console.log('sent 3 calls');
await new Promise((resolve) => setTimeout(resolve, 1000));
ws.send(JSON.stringify({ jsonrpc: '2.0', method: 'cancel', params: { id: 1 } }));
await new Promise((resolve) => setTimeout(resolve, 300));
ws.close();`,
    },
    alternative: {
      name: 'string ids and Promise.race against a timer',
      code: `
const ws = new WebSocket(SERVER_URL + '/rpc', ['jsonrpc-2.0']);
await new Promise((resolve) => ws.addEventListener('open', resolve, { once: true }));
const waiting = new Map();
ws.addEventListener('message', (e) => {
  const m = JSON.parse(e.data);
  waiting.get(m.id)?.(m);
  waiting.delete(m.id);
});
function call(method, params, ms = 5000) {
  const id = crypto.randomUUID();
  const answer = new Promise((resolve) => waiting.set(id, resolve));
  ws.send(JSON.stringify({ jsonrpc: '2.0', id, method, params }));
  const timeout = new Promise((_, reject) => setTimeout(() => {
    if (!waiting.delete(id)) return;
    ws.send(JSON.stringify({ jsonrpc: '2.0', method: 'cancel', params: { id } }));
    reject(new Error('timeout'));
  }, ms));
  return Promise.race([answer, timeout]);
}
const settled = await Promise.allSettled([call('add', [2, 3]), call('sleep', { ms: 3000 }, 1000), call('fail')]);
console.log(settled.map((s) => s.status).join(' '));
ws.close();`,
    },
  },
  {
    slug: 'auth',
    cheat: {
      name: 'the access token in the WebSocket URL',
      ran: 'welcome',
      code: `
const http = SERVER_URL.replace(/^ws/, 'http');
const { ticket } = await (await fetch(http + '/auth/tickets', { method: 'POST', headers: { Authorization: 'Bearer demo-token' } })).json();
const a = new WebSocket(SERVER_URL + '/auth/ticket?ticket=' + ticket);
a.onmessage = (e) => console.log(e.data);
const b = new WebSocket(SERVER_URL + '/auth/message?token=demo-token');
b.onopen = () => b.send(JSON.stringify({ type: 'auth', token: 'demo-token' }));
b.onmessage = (e) => { console.log(e.data); a.close(); b.close(); };`,
    },
    alternative: {
      name: 'first message first, then the ticket, with a Headers object',
      code: `
const welcome = (ws) => new Promise((resolve, reject) => {
  ws.addEventListener('message', (e) => resolve(JSON.parse(e.data)), { once: true });
  ws.addEventListener('close', () => reject(new Error('closed')), { once: true });
});
const byMessage = new WebSocket(new URL('/auth/message', SERVER_URL));
byMessage.addEventListener('open', () => byMessage.send(JSON.stringify({ token: 'demo-token', type: 'auth' })));
console.log(await welcome(byMessage));
const headers = new Headers({ Authorization: 'Bearer demo-token' });
const res = await fetch(new URL('/auth/tickets', SERVER_URL.replace('ws', 'http')), { method: 'POST', headers });
const url = new URL('/auth/ticket', SERVER_URL);
url.searchParams.set('ticket', (await res.json()).ticket);
const byTicket = new WebSocket(url);
console.log(await welcome(byTicket));
byMessage.close();
byTicket.close();`,
    },
  },
  {
    slug: 'backpressure',
    cheat: {
      name: 'granting every message up front',
      ran: 'handled 128',
      code: `
const ws = new WebSocket(SERVER_URL + '/firehose?bytes=1048576&size=8192&credit=1');
let handled = 0;
ws.onopen = () => ws.send(JSON.stringify({ type: 'credit', messages: 128 }));
ws.onmessage = (e) => { if (typeof e.data !== 'string') handled++; };
await new Promise((resolve) => (ws.onclose = resolve));
console.log('handled', handled);`,
    },
    alternative: {
      name: 'granting 4 more after every 4 handled',
      code: `
const ws = new WebSocket(SERVER_URL + '/firehose?bytes=1048576&size=8192&credit=1');
ws.binaryType = 'arraybuffer';
const queue = [];
let closed = false;
ws.addEventListener('open', () => ws.send(JSON.stringify({ type: 'credit', messages: 8 })));
ws.addEventListener('message', (e) => queue.push(e.data));
ws.addEventListener('close', () => (closed = true));
let handled = 0;
while (!closed || queue.length) {
  const m = queue.shift();
  if (m === undefined) { await new Promise((r) => setTimeout(r, 5)); continue; }
  if (typeof m === 'string') continue;
  await new Promise((r) => setTimeout(r, 10));
  if (++handled % 4 === 0) ws.send(JSON.stringify({ type: 'credit', messages: 4 }));
}
console.log('handled', handled);`,
    },
  },
];

const RUN_MS = 60_000;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const checkStatus = (page: Page) => page.locator('[data-playground] [data-check-status]').getAttribute('data-check-status');

async function runCode(page: Page, code: string): Promise<void> {
  await typeCode(page, code);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
}

describe.each(CASES)('lesson $slug', ({ slug, cheat, alternative }) => {
  let page: Page;
  // A fresh page per case: after a long run Monaco has scrolled, and the next typeCode would click outside it.
  beforeEach(async () => {
    page = await newPage(browser);
    await openLesson(page, `${baseUrl}/en/${slug}/`);
  });
  afterEach(() => page.context().close());
  it(`fails ${cheat.name}`, async () => {
    await runCode(page, cheat.code);
    await page.waitForFunction((text) => document.querySelector('[data-role="transcript"]')?.textContent?.includes(text), cheat.ran, { timeout: RUN_MS });
    // Give the run its end (sockets a silent server never lets finish closing are stopped instead).
    await waitForRunStatus(page, 'finished', 'failed').catch(() => page.getByRole('button', { name: 'Stop', exact: true }).click());
    expect(await checkStatus(page)).toBe('fail');
  }, RUN_MS + 10_000);

  it(`passes ${alternative.name}`, async () => {
    await runCode(page, alternative.code);
    await page
      .locator('[data-playground] [data-check-status="pass"]')
      .waitFor({ timeout: RUN_MS })
      .catch(async () => {
        throw new Error(`${slug}: ${await page.locator('[data-role="check-result"]').innerText()}\n${await terminalText(page)}`);
      });
  }, RUN_MS + 10_000);
});
