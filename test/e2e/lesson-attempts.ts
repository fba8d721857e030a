// For each lesson, one cheat (code that does not do the task but once passed)
// and one alternative correct solution unlike the lesson's own, typed into the
// real player by test/e2e/lessons.test.ts. The full tables run through each
// check in lessons/<slug>/check.test.ts.

import { WEBSOCKET_GUID } from '../../contracts/handshake.ts';

export interface Attempt {
  /** What the code represents. */
  name: string;
  code: string;
  /** A run that has not ended by then is stopped, as a reader would (cheats that never end). */
  stopAfterMs?: number;
}

/** buffered-amount: the part the starter already does, adding up the server's reports. */
const SUM_REPORTS = `let read = 0;
const allRead = new Promise((resolve) =>
  ws.addEventListener('message', (e) => {
    const m = JSON.parse(e.data);
    if (m.type === 'message') read += m.size;
    if (read >= TOTAL) resolve();
  }),
);
`;

export const ATTEMPTS: Record<string, { cheat: Attempt; alternative: Attempt }> = {
  'why-websocket': {
    cheat: {
      name: 'a count printed instead of the seq',
      code: `const ws = new WebSocket(\`\${SERVER_URL}/push\`);
let n = 0;
ws.onmessage = () => {
  n += 1;
  console.log(\`reading \${n}\`);
  if (n === 5) ws.close(1000);
};`,
    },
    alternative: {
      name: 'all five seqs printed on one line once the fifth arrived',
      code: `const ws = new WebSocket(\`\${SERVER_URL}/push\`);
const seen = [];
ws.addEventListener('message', (event) => {
  seen.push(JSON.parse(event.data));
  if (seen.length === 5) {
    console.log(seen.map((r) => r.seq).join(' '));
    ws.close(1000);
  }
});`,
    },
  },
  features: {
    cheat: {
      name: 'the right numbers typed in before any echo came back',
      code: `const ws = new WebSocket(ECHO_URL);
ws.onopen = () => {
  for (const [n, h] of [[125, 6], [126, 8], [65535, 8], [65536, 14]]) {
    ws.send(new Uint8Array(n));
    console.log(\`\${n} bytes → header \${h} bytes\`);
  }
};
let k = 0;
ws.onmessage = () => {
  if (++k === 4) ws.close(1000);
};`,
    },
    alternative: {
      name: 'text messages, one at a time, a shifted comparison',
      code: `const headerSize = (n) => (n < 126 ? 2 : n < 2 ** 16 ? 4 : 10) + 4;
const ws = new WebSocket(ECHO_URL);
await new Promise((resolve) => (ws.onopen = resolve));
for (const n of [125, 126, 65535, 65536]) {
  const back = new Promise((resolve) => ws.addEventListener('message', (e) => resolve(e.data), { once: true }));
  ws.send('x'.repeat(n));
  const text = await back;
  console.log(\`消息 \${text.length} 字节，帧头 \${headerSize(text.length)} 字节\`);
}
ws.close(1000);`,
    },
  },
  handshake: {
    cheat: {
      name: 'the GUID only in a comment and "match: true" typed in',
      code: `const ws = new WebSocket(\`\${SERVER_URL}/handshake\`);
ws.onmessage = (event) => {
  const { accept } = JSON.parse(event.data);
  // key + '${WEBSOCKET_GUID}', SHA-1, Base64
  console.log('accept:', accept);
  console.log('match: true');
  ws.close(1000);
};`,
    },
    alternative: {
      name: 'crypto.subtle directly, headers looked up without case',
      code: `const ws = new WebSocket(\`\${SERVER_URL}/handshake\`);
ws.onmessage = async (event) => {
  const { request, accept } = JSON.parse(event.data);
  const headers = Object.fromEntries(request.headers.map(([k, v]) => [k.toLowerCase(), v]));
  const bytes = new TextEncoder().encode(headers['sec-websocket-key'] + '${WEBSOCKET_GUID}');
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-1', bytes));
  const mine = btoa(String.fromCharCode(...digest));
  console.log(mine, accept, mine === accept);
  ws.close(1000);
};`,
    },
  },
  'ready-state': {
    cheat: {
      name: 'the state names typed into console.log',
      code: `const ws = new WebSocket(ECHO_URL);
console.log('CONNECTING');
ws.onopen = () => {
  console.log('OPEN');
  ws.close();
  console.log('CLOSING');
};
ws.onclose = () => console.log('CLOSED');`,
    },
    alternative: {
      name: 'an array indexed by readyState, closed in onopen',
      code: `const NAMES = ['CONNECTING', 'OPEN', 'CLOSING', 'CLOSED'];
const ws = new WebSocket(ECHO_URL);
const show = (where) => console.log(where, NAMES[ws.readyState]);
show('start');
ws.onopen = () => {
  show('open');
  ws.close(1000);
  show('after close()');
};
ws.onclose = () => show('closed');`,
    },
  },
  send: {
    cheat: {
      name: 'three bytes sent, the canvas size printed from PIXELS',
      code: `const ws = new WebSocket(ECHO_URL);
ws.binaryType = 'arraybuffer';
await new Promise((resolve) => (ws.onopen = resolve));
const bytes = new Uint8Array(3);
ws.send(bytes);
await new Promise((resolve) => (ws.onmessage = resolve));
console.log(bytes, PIXELS.data.byteLength);
ws.close(1000);`,
    },
    alternative: {
      name: 'the typed array itself, binaryType set after open',
      code: `const ws = new WebSocket(ECHO_URL);
await new Promise((resolve) => (ws.onopen = resolve));
ws.binaryType = 'arraybuffer';
ws.send(PIXELS.data);
const back = await new Promise((resolve) => (ws.onmessage = (e) => resolve(e.data)));
console.log('收到', new Uint8Array(back).length, '字节');
ws.close(1000);`,
    },
  },
  'buffered-amount': {
    cheat: {
      name: 'chunks paced by a timer, never reading bufferedAmount',
      code: `const TOTAL = 4 * 1024 * 1024;
const ws = new WebSocket(\`\${SERVER_URL}/slow?bps=\${2 * 1024 * 1024}\`);
await new Promise((resolve) => (ws.onopen = resolve));
${SUM_REPORTS}for (let i = 0; i < 64; i++) {
  ws.send(new Uint8Array(65536));
  await new Promise((resolve) => setTimeout(resolve, 20));
}
await allRead;
ws.close(1000);`,
    },
    alternative: {
      name: '32 KiB chunks pumped from a timer that reads bufferedAmount',
      code: `const TOTAL = 4 * 1024 * 1024;
const CHUNK = 32 * 1024;
const ws = new WebSocket(\`\${SERVER_URL}/slow?bps=\${2 * 1024 * 1024}\`);
await new Promise((resolve) => (ws.onopen = resolve));
${SUM_REPORTS}let sent = 0;
await new Promise((done) => {
  const pump = setInterval(() => {
    while (sent < TOTAL) {
      const queued = ws.bufferedAmount;
      if (queued > 256 * 1024) return;
      ws.send(new Uint8Array(CHUNK));
      sent += CHUNK;
    }
    clearInterval(pump);
    done();
  }, 5);
});
await allRead;
ws.close(1000, 'done');`,
    },
  },
  errors: {
    cheat: {
      name: 'reconnecting forever with doubling waits, no cap',
      stopAfterMs: 7000,
      code: `const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
for (let attempt = 1; ; attempt++) {
  const closed = await new Promise((resolve) => (new WebSocket(\`\${SERVER_URL}/close?code=1013\`).onclose = resolve));
  console.log(attempt, closed.code);
  await sleep(200 * 2 ** (attempt - 1));
}`,
    },
    alternative: {
      name: 'full jitter, reconnecting from the close handler',
      code: `let attempt = 0;
function connect() {
  attempt += 1;
  const ws = new WebSocket(\`\${SERVER_URL}/close?code=1013\`);
  ws.onclose = (e) => {
    console.log(\`attempt \${attempt}: \${e.code}\`);
    if (e.code === 1000 || attempt === 5) return console.log('giving up');
    setTimeout(connect, Math.random() * 200 * 2 ** (attempt - 1));
  };
}
connect();`,
    },
  },
  servers: {
    cheat: {
      name: 'the message printed right after send(), closed before the broadcast',
      code: `const ws = new WebSocket(\`\${SERVER_URL}/chat?room=lobby&name=cheater\`);
await new Promise((resolve) => (ws.onopen = resolve));
ws.send('hello everyone');
console.log('[cheater] hello everyone');
ws.close(1000);`,
    },
    alternative: {
      name: 'listeners only, Chinese text, closed in the message handler',
      code: `const name = 'e2e-' + Math.floor(Math.random() * 1e6);
const ws = new WebSocket(\`\${SERVER_URL}/chat?room=lobby&name=\${name}\`);
ws.addEventListener('open', () => ws.send('大家好'));
ws.addEventListener('message', (e) => {
  const m = JSON.parse(e.data);
  if (m.type === 'message' && m.name === name) {
    console.log(\`\${m.name}：\${m.text}\`);
    ws.close(1000);
  }
});`,
    },
  },
  heartbeat: {
    cheat: {
      name: 'reconnecting on a fixed timer instead of a deadline',
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
  resume: {
    cheat: {
      name: 'restarting from the beginning and dropping repeats locally',
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
  protocol: {
    cheat: {
      name: 'one id for every call',
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
  auth: {
    cheat: {
      name: 'the access token in the WebSocket URL',
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
  backpressure: {
    cheat: {
      name: 'granting every message up front',
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
};
