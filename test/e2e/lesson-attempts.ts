// For each lesson, one cheat (code that does not do the task but once passed)
// and one alternative correct solution unlike the lesson's own, typed into the
// real player by test/e2e/lessons.test.ts. The full tables run through each
// check in test/lessons/<slug>.check.test.ts.

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
  // key + '258EAFA5-E914-47DA-95CA-C5AB0DC85B11', SHA-1, Base64
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
  const bytes = new TextEncoder().encode(headers['sec-websocket-key'] + '258EAFA5-E914-47DA-95CA-C5AB0DC85B11');
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
};
